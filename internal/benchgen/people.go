package benchgen

import (
	"context"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// person is a generated member, as much of them as later steps need.
type person struct {
	id      string
	name    string
	email   string
	created time.Time
	theme   uint8
	english bool
	// comms and orgs are the communities and organisations they belong to.
	comms []int32
	orgs  []int32
}

var pronouns = []string{"elle", "il", "iel", "elle/iel", "il/lui", "elle/elle", "she/her", "he/him", "they/them"}

// people creates the accounts: names, regions, bios, interests, profile
// visibility; one administrator besides. Authors' productivity follows a
// power law: authorRank orders people from the most prolific.
func (g *gen) stepPeople(ctx context.Context) error {
	r := g.rand(streamPeople)
	n := g.opts.Profile.People
	firstPick, lastPick := newZipf(len(g.v.first), 0.7, 2), newZipf(len(g.v.last), 0.9, 3)
	townPick := newWeighted(townWeights())
	times := make([]time.Time, n)
	for i := range times {
		times[i] = g.after(r, g.start.Add(-time.Hour))
		if times[i].After(End.Add(-30 * 24 * time.Hour)) {
			times[i] = times[i].Add(-30 * 24 * time.Hour)
		}
	}
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })

	g.people = make([]person, n)
	g.byTheme = make([][]int32, len(g.themes))
	emails := map[string]int{}
	userCols := []string{"id", "email", "email_confirmed_at", "password_hash", "name", "name_key", "pronouns", "bio", "region",
		"language", "profile_visibility", "contact", "is_admin", "is_curator", "created_at", "updated_at"}
	users := make([][]any, 0, n+1)
	g.adminID = newID(g.start.Add(-2*time.Hour), r)
	users = append(users, []any{g.adminID, AdminEmail, g.start, PasswordHash, "Administration Maillage", fold.Key("Administration Maillage"),
		"", "", "", "fr-CA", string(maillage.ProfileMembers), string(maillage.ContactNone), true, false, g.start, g.start})
	var links [][]any
	interests := make([]interestPlan, 0, n)
	for i := range g.people {
		p := &g.people[i]
		p.created = times[i]
		p.id = newID(p.created, r)
		p.theme = uint8(g.themePick.pick(r))
		first, last := g.v.first[firstPick.pick(r)], g.v.last[lastPick.pick(r)]
		if chance(r, 0.08) {
			if other := g.v.last[lastPick.pick(r)]; other != last {
				last += "-" + other
			}
		}
		p.name = first + " " + last
		local := fold.Slug(first) + "." + fold.Slug(last)
		emails[local]++
		if k := emails[local]; k > 1 {
			local += strconv.Itoa(k)
		}
		tw := towns[townPick.pick(r)]
		p.english = tw.region == maillage.RegionOutside && chance(r, 0.5) || chance(r, 0.05)
		lang := "fr-CA"
		if p.english {
			lang = "en"
		}
		pron := ""
		if chance(r, 0.25) {
			pron = oneOf(r, pronouns)
		}
		bio := ""
		if chance(r, 0.7) {
			w := newTextWriter(g.v, r, &g.themes[p.theme], p.english)
			w.paragraph(between(r, 12, 60))
			bio = w.String()
		}
		vis := maillage.ProfilePublic
		if chance(r, 0.2) {
			vis = maillage.ProfileMembers
		}
		contact := maillage.ContactMessages
		switch u := r.Float64(); {
		case u < 0.05:
			contact = maillage.ContactEmail
		case u < 0.15:
			contact = maillage.ContactNone
		}
		p.email = local + "@exemple.org"
		users = append(users, []any{p.id, p.email, p.created, PasswordHash, p.name, fold.Key(p.name), pron, bio,
			tw.region, lang, string(vis), string(contact), false, chance(r, 0.002), p.created, p.created})
		if chance(r, 0.15) {
			links = append(links, []any{p.id, 0, string(maillage.LinkWebsite), "https://" + fold.Slug(p.name) + ".exemple.org"})
		}
		interests = append(interests, interestPlan{person: int32(i), tags: g.pickTags(r, int(p.theme), 1+geometric(r, 2.4))})
	}
	g.rankAuthors(r)
	return g.db.BulkLoad(ctx, func(b *store.BulkTx) error {
		if err := g.insert(ctx, b, "users", userCols, users); err != nil {
			return err
		}
		if err := g.insert(ctx, b, "user_links", []string{"user_id", "position", "kind", "url"}, links); err != nil {
			return err
		}
		if err := g.writeFreeTags(ctx, b, r); err != nil {
			return err
		}
		var rows [][]any
		for _, in := range interests {
			p := &g.people[in.person]
			rows = tagRows(rows, p.id, in.tags, p.created)
		}
		return g.insert(ctx, b, "user_interests", []string{"user_id", "tag_id", "created_at"}, rows)
	})
}

type interestPlan struct {
	person int32
	tags   []string
}

// rankAuthors orders people by how much they write (a random order: the
// most prolific are anyone) and prepares the power-law draws, overall and
// within each theme.
func (g *gen) rankAuthors(r *rand.Rand) {
	perm := r.Perm(len(g.people))
	g.authorRank = make([]int32, len(perm))
	for i, p := range perm {
		g.authorRank[i] = int32(p)
		th := g.people[p].theme
		g.byTheme[th] = append(g.byTheme[th], int32(p))
	}
	// A handful of people write a lot, most write a note or two.
	g.authorPick = newZipf(len(g.people), 1.0, 30)
	g.themeAuthors = make([]*weighted, len(g.themes))
	for i, ps := range g.byTheme {
		g.themeAuthors[i] = newZipf(len(ps), 1.0, 5)
	}
}

// pickAuthor draws a person by productivity: usually of theme th, else
// anyone.
func (g *gen) pickAuthor(r *rand.Rand, th int) int32 {
	if chance(r, 0.8) && len(g.byTheme[th]) > 0 {
		return g.byTheme[th][g.themeAuthors[th].pick(r)]
	}
	return g.authorRank[g.authorPick.pick(r)]
}
