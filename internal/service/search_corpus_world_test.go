package service_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// corpusWorld is the shared French search corpus: a small network written
// by hand (people, organisations, communities, notes, threads), with
// public, members-only, community and private things, so each query of
// the corpus says what must be found and what must never be.
type corpusWorld struct {
	t   *testing.T
	ctx context.Context
	s   *service.Service
	// ids maps a corpus key ("note:coop") to the item's ID.
	ids     map[string]string
	viewers map[string]maillage.Viewer
}

// key is "kind:name", the way queries name what they expect.
func (w *corpusWorld) id(key string) string {
	w.t.Helper()
	id, ok := w.ids[key]
	if !ok {
		w.t.Fatalf("corpus: no item %s", key)
	}
	return id
}

func (w *corpusWorld) viewer(name string) maillage.Viewer {
	w.t.Helper()
	if name == "" {
		return maillage.Viewer{}
	}
	// Memberships change while the world is built: load the viewer now.
	return testutil.ViewerOf(w.t, w.s, w.id("user:"+name))
}

// result is what a call returned, checked by ok: must(f()).ok(t).
type result[T any] struct {
	v   T
	err error
}

func must[T any](v T, err error) result[T] { return result[T]{v, err} }

// ok fails the test on an error and returns the value.
func (r result[T]) ok(t *testing.T) T {
	t.Helper()
	if r.err != nil {
		t.Fatal(r.err)
	}
	return r.v
}

func newCorpusWorld(t *testing.T) *corpusWorld {
	t.Helper()
	s, _ := testutil.Service(t)
	w := &corpusWorld{t: t, ctx: context.Background(), s: s, ids: map[string]string{}, viewers: map[string]maillage.Viewer{}}
	ctx := w.ctx

	// People. Nadia's profile is for members only.
	people := []struct {
		key, name, pronouns, bio, region, vis string
		interests                             []string
	}{
		{"amelie", "Amélie Tremblay", "elle", "Coordonnatrice d’une coopérative d’habitation à Montréal. Je travaille sur la sécurité alimentaire et l’agriculture urbaine.", "06", "public", nil},
		{"jerome", "Jérôme Côté", "il", "Chargé de projet en mobilité durable : autopartage et transport collectif en région.", "03", "public", nil},
		{"nadia", "Nadia Ouellet", "", "Bénévole engagée auprès des aîné·es isolé·es de Lanaudière.", "14", "members", nil},
		{"samuel", "Samuel Gagnon", "he/him", "Researcher working on community land trusts and affordable housing policy.", "06", "public", nil},
		{"lea", "Léa Bouchard", "elle", "Facilitatrice de communautés de pratique en économie sociale.", "05", "public", nil},
		{"marc", "Marc-André Lévesque", "", "Directeur général d’un OBNL en insertion socioprofessionnelle.", "06", "public", nil},
		{"curator", "Claude Curateur", "", "", "", "public", nil},
	}
	for _, p := range people {
		u, v := testutil.User(t, s, p.name, p.key+"@exemple.org")
		w.ids["user:"+p.key] = u.ID
		in := maillage.ProfileInput{Name: p.name, Pronouns: p.pronouns, Bio: p.bio, Region: p.region, Language: "fr-CA",
			ProfileVisibility: p.vis, Contact: string(maillage.ContactMessages), Interests: p.interests}
		must(s.UpdateProfile(ctx, v, u.ID, in)).ok(t)
	}
	if err := s.SetCuratorByOperator(ctx, w.id("user:curator"), true); err != nil {
		t.Fatal(err)
	}

	// The taxonomy: a theme with a narrower tag that has synonyms.
	cur := w.viewer("curator")
	root := must(s.CreateCuratedTag(ctx, cur, service.TagInput{Label: "Transition socio-écologique", LabelEn: "Socio-ecological transition"})).ok(t)
	must(s.CreateCuratedTag(ctx, cur, service.TagInput{Label: "Mobilité durable", LabelEn: "Sustainable mobility",
		Parent: root.Slug, Synonyms: []string{"Transport durable"}})).ok(t)
	must(s.CreateCuratedTag(ctx, cur, service.TagInput{Label: "Habitation communautaire", LabelEn: "Community housing",
		Synonyms: []string{"Logement communautaire"}})).ok(t)
	must(s.CreateCuratedTag(ctx, cur, service.TagInput{Label: "Sécurité alimentaire", LabelEn: "Food security"})).ok(t)

	// Organisations.
	orgs := []struct{ key, name, desc, typ, region string }{
		{"tournesols", "Coopérative d’habitation Les Tournesols", "Logements abordables gérés par leurs membres depuis 1985.", "cooperative", "06"},
		{"velo", "Vélo Québec Solidaire", "Promotion du vélo utilitaire et de la mobilité active.", "nonprofit", "03"},
		{"reseau", "Réseau des entreprises d’économie sociale", "Regroupement d’entreprises collectives de tout le Québec.", "network", "06"},
		{"lucioles", "Centre de la petite enfance Les Lucioles", "Services de garde éducatifs à l’enfance.", "community", "05"},
	}
	for _, o := range orgs {
		org := must(s.CreateOrganization(ctx, w.viewer("lea"), maillage.OrganizationInput{Name: o.name, Description: o.desc, Type: o.typ, Region: o.region}, false)).ok(t)
		w.ids["organization:"+o.key] = org.ID
	}
	if err := s.SetAffiliation(ctx, w.viewer("amelie"), w.id("organization:tournesols"), w.id("user:amelie"), "", false); err != nil {
		t.Fatal(err)
	}

	// Communities: a public one, an unlisted private one, a listed private one.
	comms := []struct {
		key, name, desc, vis string
		listed               bool
		manager              string
		members              []string
	}{
		{"transition", "Transition socio-écologique en action", "Communauté de pratique sur la transition écologique des organismes communautaires.", "public", true, "lea", []string{"amelie", "jerome"}},
		{"cellule", "Cellule stratégique confidentielle", "Préparation du plan d’affaires du fonds Zéphyr.", "private", false, "marc", []string{"lea"}},
		{"aines", "Solidarité aîné·es Lanaudière", "Briser l’isolement des personnes aînées.", "private", true, "nadia", nil},
	}
	for _, c := range comms {
		mv := w.viewer(c.manager)
		com := must(s.CreateCommunity(ctx, mv, maillage.CommunityInput{Name: c.name, Description: c.desc, Visibility: c.vis, Listed: c.listed})).ok(t)
		w.ids["community:"+c.key] = com.ID
		mv = w.viewer(c.manager) // now its manager
		for _, m := range c.members {
			testutil.AddMember(t, s, mv, com.ID, w.id("user:"+m), maillage.RoleMember)
		}
	}

	// Notes.
	notes := []struct {
		key, author, title, summary, body, vis, community string
		tags                                              []string
	}{
		{"coop", "amelie", "Guide des coopératives d’habitation", "",
			"Comment fonder une coopérative d’habitation : assemblée générale, conseil d’administration, financement de la SCHL et des programmes municipaux. L’économie sociale offre des logements abordables.",
			"public", "", []string{"Habitation communautaire"}},
		{"velo", "jerome", "Livraison à vélo-cargo dans les quartiers centraux", "Bilan d’un projet pilote.",
			"Nous avons testé la livraison du dernier kilomètre à vélo-cargo pendant six mois avec trois commerces du quartier.",
			"public", "", []string{"Mobilité durable"}},
		{"frigos", "amelie", "Les frigos communautaires", "",
			"Les frigos communautaires réduisent le gaspillage alimentaire et rapprochent les voisins.",
			"public", "", []string{"Sécurité alimentaire"}},
		{"zephyr", "marc", "Plan d’affaires du fonds Zéphyr", "",
			"Montage financier confidentiel ; partenaires pressentis et calendrier.",
			"private", "", nil},
		{"compte-rendu", "lea", "Compte rendu de la rencontre de mars", "",
			"Nous avons discuté de la décarbonation des organismes et de leur empreinte.",
			"community", "transition", nil},
		{"strategie", "marc", "Stratégie de financement Zéphyr", "",
			"Les scénarios de financement envisagés avec les bailleurs.",
			"community", "cellule", nil},
		{"trusts", "samuel", "Community land trusts in Quebec", "",
			"Community land trusts keep housing permanently affordable by separating the land from the buildings. Several trusts already operate in Montreal.",
			"public", "", nil},
		{"benevoles", "nadia", "Recruter des bénévoles", "",
			"Les bénévoles sont au cœur des organismes : accueil, formation et reconnaissance des bénévole·s.",
			"public", "", nil},
		{"aines", "lea", "Briser l’isolement des aîné·es", "",
			"Appels d’amitié, visites à domicile et cafés-rencontres pour les personnes aînées de la région.",
			"public", "", nil},
		{"insertion", "marc", "L’insertion socioprofessionnelle des jeunes", "",
			"Les entreprises d’insertion accompagnent des jeunes éloigné·es du marché du travail.",
			"public", "", nil},
		{"economie", "lea", "Qu’est-ce que l’économie sociale ?", "",
			"L’économie sociale regroupe les coopératives, les mutuelles et les OBNL qui vendent des biens ou des services.",
			"public", "", nil},
	}
	for _, n := range notes {
		in := maillage.NoteInput{Title: n.title, Summary: n.summary, Body: n.body, Visibility: n.vis, Kind: "general", Tags: n.tags}
		if n.community != "" {
			in.CommunityID = w.id("community:" + n.community)
		}
		note := must(s.CreateNote(ctx, w.viewer(n.author), in)).ok(t)
		w.ids["note:"+n.key] = note.ID
	}

	// Discussions: a thread in the public community, with a reply hidden
	// by moderation, and one in the private community.
	th := must(s.CreateThread(ctx, w.viewer("amelie"), w.id("community:transition"), maillage.ThreadInput{
		Title: "Outils pour le bilan carbone", Body: "Quels outils utilisez-vous pour mesurer le bilan carbone de votre organisme ?"})).ok(t)
	w.ids["thread:bilan"] = th.ID
	must(s.CreateReply(ctx, w.viewer("jerome"), th.ID, maillage.ReplyInput{Body: "Nous utilisons le calculateur Écoleader, gratuit."})).ok(t)
	hidden := must(s.CreateReply(ctx, w.viewer("amelie"), th.ID, maillage.ReplyInput{Body: "Mon numéro personnel est le 555-0199, appelez-moi."})).ok(t)
	must(s.HideReply(ctx, w.viewer("lea"), hidden.ID, true)).ok(t)
	ts := must(s.CreateThread(ctx, w.viewer("marc"), w.id("community:cellule"), maillage.ThreadInput{
		Title: "Négociation avec le bailleur Zéphyr", Body: "Où en sommes-nous avec le bailleur ?"})).ok(t)
	w.ids["thread:negociation"] = ts.ID
	return w
}
