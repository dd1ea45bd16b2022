package benchgen

import (
	"context"
	"strconv"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

type org struct {
	id      string
	name    string
	created time.Time
	theme   uint8
}

// orgKind is a type of organisation with the words its names start with.
type orgKind struct {
	typ      maillage.OrganizationType
	weight   float64
	prefixes []string
}

var orgKinds = []orgKind{
	{maillage.OrgCommunity, 25, []string{"Centre d’action bénévole", "Maison", "Carrefour", "Comptoir", "Centre communautaire", "Collectif", "Regroupement"}},
	{maillage.OrgCooperative, 20, []string{"Coopérative", "Coop", "Coopérative de solidarité", "Coopérative de travail", "Coopérative de services"}},
	{maillage.OrgNonProfit, 24, []string{"Centre", "Corporation", "Association", "Organisme", "Fondation communautaire", "Société"}},
	{maillage.OrgSocialEnt, 10, []string{"Entreprise d’économie sociale", "Atelier", "Ressourcerie", "Entreprise d’insertion", "Les Ateliers"}},
	{maillage.OrgNetwork, 8, []string{"Réseau", "Table de concertation", "Regroupement régional", "Fédération", "Pôle d’économie sociale", "Alliance"}},
	{maillage.OrgPublic, 4, []string{"Service de développement", "Bureau municipal", "Direction régionale"}},
	{maillage.OrgFunder, 3, []string{"Fonds", "Fondation", "Caisse solidaire"}},
	{maillage.OrgResearch, 3, []string{"Chaire de recherche", "Laboratoire", "Observatoire", "Centre de recherche"}},
	{maillage.OrgBusiness, 2, []string{"Les Entreprises", "Atelier", "Boutique"}},
	{maillage.OrgOther, 1, []string{"Comité", "Initiative", "Chantier"}},
}

var affiliationRoles = []string{"", "", "coordonnatrice", "coordonnateur", "directrice générale", "directeur général",
	"membre du conseil d’administration", "bénévole", "chargée de projet", "chargé de projet", "agente de développement",
	"agent de développement", "intervenante", "intervenant", "présidente", "président", "trésorière", "trésorier", "membre",
	"animatrice", "responsable des communications", "coordination"}

// organizations creates the directory, each organisation by a person of
// its theme who administers it, then everyone's affiliations: a few
// organisations gather hundreds of people, most a handful.
func (g *gen) stepOrganizations(ctx context.Context) error {
	r := g.rand(streamOrganizations)
	n := g.opts.Profile.Organizations
	kw := make([]float64, len(orgKinds))
	for i, k := range orgKinds {
		kw[i] = k.weight
	}
	kindPick, townPick := newWeighted(kw), newWeighted(townWeights())
	g.orgs = make([]org, n)
	g.orgsByTheme = make([][]int32, len(g.themes))
	names := map[string]bool{}
	orgCols := []string{"id", "name", "name_key", "description", "type", "region", "address", "website", "website_key",
		"latitude", "longitude", "created_by", "created_at", "updated_at", "version"}
	orgRows := make([][]any, 0, n)
	var tagRowsAll, members [][]any
	member := map[[2]int32]bool{}
	addMember := func(o, p int32, role string, admin bool, at time.Time) {
		if member[[2]int32{o, p}] {
			return
		}
		member[[2]int32{o, p}] = true
		members = append(members, []any{g.orgs[o].id, g.people[p].id, role, admin, at})
		g.people[p].orgs = append(g.people[p].orgs, o)
	}
	for i := range g.orgs {
		o := &g.orgs[i]
		th := g.themePick.pick(r)
		o.theme = uint8(th)
		creator := g.pickAuthor(r, th)
		o.created = g.after(r, g.people[creator].created)
		o.id = newID(o.created, r)
		k := orgKinds[kindPick.pick(r)]
		tw := towns[townPick.pick(r)]
		name := oneOf(r, k.prefixes) + " " + oneOf(r, g.themes[th].orgs) + " " + townOf(tw.name)
		if k.typ == maillage.OrgPublic {
			name = oneOf(r, k.prefixes) + " " + townOf(tw.name)
		}
		base := name
		for try := 2; names[fold.Key(name)]; try++ {
			name = base + " " + regionOf(tw.region)
			if try > 2 {
				name = base + " " + strconv.Itoa(try)
			}
		}
		names[fold.Key(name)] = true
		o.name = name
		w := newTextWriter(g.v, r, &g.themes[th], false)
		w.paragraph(logNormal(r, 45, 0.5, 12, 160))
		website := "https://" + trimSlug(fold.Slug(name), 40) + ".exemple.org"
		province := "Québec"
		if tw.region == maillage.RegionOutside {
			province = "Canada"
		}
		lat := tw.lat + (r.Float64()-0.5)*0.04
		lon := tw.lon + (r.Float64()-0.5)*0.06
		orgRows = append(orgRows, []any{o.id, name, fold.Key(name), w.String(), string(k.typ), tw.region,
			strconv.Itoa(between(r, 10, 9999)) + ", " + oneOf(r, streets) + ", " + tw.name + " (" + province + ")",
			website, fold.WebsiteKey(website), lat, lon, g.people[creator].id, o.created, o.created, 1})
		tagRowsAll = tagRows(tagRowsAll, o.id, g.pickTags(r, th, between(r, 2, 5)), o.created)
		g.orgsByTheme[th] = append(g.orgsByTheme[th], int32(i))
		addMember(int32(i), creator, oneOf(r, affiliationRoles[2:6]), true, o.created)
	}
	// Affiliations: preferential attachment through a power law over the
	// organisations of the person's theme, sometimes over all of them.
	global := newZipf(n, 1.0, 10)
	themed := make([]*weighted, len(g.themes))
	for i, os := range g.orgsByTheme {
		themed[i] = newZipf(len(os), 1.0, 3)
	}
	for pi := range g.people {
		p := &g.people[pi]
		for range geometric(r, 0.9) {
			var o int32
			if os := g.orgsByTheme[p.theme]; chance(r, 0.65) && len(os) > 0 {
				o = os[themed[p.theme].pick(r)]
			} else {
				o = int32(global.pick(r))
			}
			at := soon(r, later(p.created, g.orgs[o].created))
			addMember(o, int32(pi), oneOf(r, affiliationRoles), chance(r, 0.05), at)
		}
	}
	return g.db.BulkLoad(ctx, func(b *store.BulkTx) error {
		if err := g.insert(ctx, b, "organizations", orgCols, orgRows); err != nil {
			return err
		}
		if err := g.insert(ctx, b, "organization_tags", []string{"organization_id", "tag_id", "created_at"}, tagRowsAll); err != nil {
			return err
		}
		return g.insert(ctx, b, "organization_members", []string{"organization_id", "user_id", "role", "is_admin", "created_at"}, members)
	})
}

// trimSlug cuts a slug to at most n bytes, at a hyphen when it can.
func trimSlug(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for i := len(s) - 1; i > n/2; i-- {
		if s[i] == '-' {
			return s[:i]
		}
	}
	return s
}
