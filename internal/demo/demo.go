// Package demo loads a fictional but realistic world into an empty
// Maillage: organisations of Québec's social and solidarity economy,
// the people who work in them, thematic communities and the community of
// practice of the product story, managed by the demo person.
//
// The community of practice comes with its legacy: eight meetings, each
// with private minutes, a public summary and public resources, a lexicon,
// cards about actors of the field, a knowledge base, its discussions and
// the demo person's private messages. Its public notes are relayed into
// the thematic community « Numériques et données », which a few hundred
// generated members have joined.
//
// Everything goes through the service layer, so every validation and
// access rule applies, and the same data comes out of every run. Names,
// organisations, addresses and links are invented; email addresses and
// websites use exemple.org and profile links fictional hosts.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// Sign-in of the demo dataset. Every demo account, the administrator's
// included, uses DemoPassword.
const (
	DemoEmail    = "demo@maillage.example"
	DemoPassword = "maillage-demo-2026"
	AdminEmail   = "admin@maillage.example"
)

// DemoName is the demo person's name.
const DemoName = demoFirst + " " + demoLast

// ErrNotEmpty is returned (wrapped) when the database already has accounts:
// the demo only loads into a new database.
var ErrNotEmpty = errors.New("demo: the database is not empty")

// Summary tells what Load created.
type Summary struct {
	// Accounts counts every account, the administrator's included.
	Accounts int
	// People counts the people with a profile (the demo person included,
	// the administrator's account not).
	People        int
	Organizations int
	Affiliations  int
	Communities   int
	// Memberships counts community memberships, managers included.
	Memberships  int
	JoinRequests int
	Invitations  int
	// Candidates counts the entries of the community of practice's
	// recruitment shortlist.
	Candidates int
	Tags       int
	// CuratedTags counts the starter taxonomy's tags.
	CuratedTags int

	Notes int
	// Actors counts the cards about people and organisations not on Maillage.
	Actors         int
	Notebooks      int
	KnowledgeBases int
	// Threads counts every thread, those that relaying a note into a
	// public community's notebook posts included.
	Threads       int
	Replies       int
	Conversations int
	Messages      int
	// Meetings counts meetings and series.
	Meetings int

	DemoEmail  string
	AdminEmail string
}

// String sums the dataset up for the command line.
func (s Summary) String() string {
	parts := []string{
		count(s.Accounts, "account", "accounts") + " (" + count(s.People, "person", "people") + ")",
		count(s.Organizations, "organization", "organizations"), count(s.Affiliations, "affiliation", "affiliations"),
		count(s.Communities, "community", "communities"), count(s.Memberships, "membership", "memberships"),
		count(s.JoinRequests, "join request", "join requests"), count(s.Invitations, "invitation", "invitations"),
		count(s.Candidates, "shortlisted candidate", "shortlisted candidates"),
		count(s.Tags, "tag", "tags"), count(s.CuratedTags, "curated tag", "curated tags"), count(s.Notes, "note", "notes"), count(s.Actors, "actor card", "actor cards"), count(s.Notebooks, "notebook", "notebooks"),
		count(s.KnowledgeBases, "knowledge base", "knowledge bases"), count(s.Threads, "thread", "threads"),
		count(s.Replies, "reply", "replies"), count(s.Conversations, "conversation", "conversations"),
		count(s.Messages, "message", "messages"), count(s.Meetings, "meeting", "meetings"),
	}
	return strings.Join(parts, ", ")
}

// count writes "1 note" or "3 notes" (the command line speaks English).
func count(n int, one, other string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + other
}

// seed fixes the pseudo-random choices (coordinates, who joins which
// public community) so every load gives the same data.
const seed1, seed2 = 2026, 11

// Load fills an empty database with the demo dataset. It returns an error
// wrapping ErrNotEmpty, and changes nothing, when accounts already exist.
// A failure part-way leaves what was loaded so far; start again from an
// empty database.
func Load(ctx context.Context, s *service.Service) (*Summary, error) {
	n, err := s.DB().CountUsers(ctx)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	if n > 0 {
		return nil, fmt.Errorf("%w (%d accounts)", ErrNotEmpty, n)
	}
	if err := check(); err != nil {
		return nil, err
	}
	l := &loader{s: s, users: map[string]string{}, orgs: map[string]string{}, orgCreator: map[string]string{},
		communityIDs: map[string]string{}, notes: map[string]string{}, rng: rand.New(rand.NewPCG(seed1, seed2))}
	sum := &Summary{DemoEmail: DemoEmail, AdminEmail: AdminEmail, Tags: len(usedTags())}
	steps := []func(context.Context, *Summary) error{l.taxonomy, l.admin, l.people, l.curators, l.organizations, l.affiliations, l.communities,
		l.recruitment, l.knowledge, l.meetingCalendar, l.members, l.actors, l.discussion, l.messages, l.nominations, l.countThreads}
	for _, step := range steps {
		if err := step(ctx, sum); err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
	}
	return sum, nil
}

type loader struct {
	s       *service.Service
	adminID string
	// users maps full names to user IDs; orgs maps organisation keys to IDs.
	users      map[string]string
	orgs       map[string]string
	orgCreator map[string]string // organisation key -> creator's user ID
	// communityIDs maps community names to IDs; notes maps note titles to IDs.
	communityIDs map[string]string
	notes        map[string]string
	// generated holds the IDs of the generated members, in order.
	generated []string
	rng       *rand.Rand
}

func (l *loader) viewer(ctx context.Context, userID string) (maillage.Viewer, error) {
	v, _, err := l.s.Viewer(ctx, userID)
	if err == nil && !v.SignedIn() {
		err = fmt.Errorf("account %s not found", userID)
	}
	return v, err
}

// consent has a demo person accept the invitation sent to them (inv nil:
// nothing was asked). On the demo instance as anywhere, a name goes on a
// community, notebook or note only with its owner's consent.
func (l *loader) consent(ctx context.Context, inv *maillage.Invitation, err error) error {
	if err != nil || inv == nil {
		return err
	}
	v, err := l.viewer(ctx, inv.UserID)
	if err != nil {
		return err
	}
	if _, err := l.s.AnswerItemInvitation(ctx, v, inv.Kind, inv.ItemID, true); err != nil {
		return fmt.Errorf("accept invitation: %w", err)
	}
	return nil
}

func (l *loader) admin(ctx context.Context, sum *Summary) error {
	u, err := l.s.CreateUser(ctx, maillage.SignUpInput{Email: AdminEmail, Name: "Administration Maillage",
		Password: DemoPassword, Language: "fr-CA"}, true)
	if err != nil {
		return fmt.Errorf("administrator: %w", err)
	}
	v, err := l.viewer(ctx, u.ID)
	if err != nil {
		return err
	}
	_, err = l.s.UpdateProfile(ctx, v, u.ID, maillage.ProfileInput{
		Name:              u.Name,
		Bio:               "Compte d’administration de l’instance de démonstration de Maillage.",
		Language:          "fr-CA",
		ProfileVisibility: string(maillage.ProfileMembers),
		Contact:           string(maillage.ContactNone),
	})
	if err != nil {
		return fmt.Errorf("administrator profile: %w", err)
	}
	l.adminID = u.ID
	sum.Accounts++
	return nil
}

func (l *loader) people(ctx context.Context, sum *Summary) error {
	for _, p := range people {
		name := p.name()
		lang := p.lang
		if lang == "" {
			lang = "fr-CA"
		}
		u, err := l.s.CreateUser(ctx, maillage.SignUpInput{Email: p.email(), Name: name, Password: DemoPassword,
			Region: p.region, Language: lang, Interests: p.interests}, false)
		if err != nil {
			return fmt.Errorf("person %s: %w", name, err)
		}
		v, err := l.viewer(ctx, u.ID)
		if err != nil {
			return err
		}
		vis := maillage.ProfileMembers
		if p.public {
			vis = maillage.ProfilePublic
		}
		_, err = l.s.UpdateProfile(ctx, v, u.ID, maillage.ProfileInput{
			Name: name, Pronouns: p.pronouns, Bio: p.bio, Region: p.region, Language: lang,
			ProfileVisibility: string(vis), Contact: string(p.contact),
			Interests: p.interests, Links: p.profileLinks(),
		})
		if err != nil {
			return fmt.Errorf("profile of %s: %w", name, err)
		}
		l.users[name] = u.ID
		sum.Accounts++
		sum.People++
	}
	return nil
}

// organizations adds the directory. Each organisation is created by its
// first administrator among the demo people (so they answer for it), or
// by the platform administrator when no one administers it.
func (l *loader) organizations(ctx context.Context, sum *Summary) error {
	creators := map[string]string{}
	for _, p := range people {
		for _, a := range p.affs {
			if _, ok := creators[a.org]; !ok && a.admin {
				creators[a.org] = l.users[p.name()]
			}
		}
	}
	for _, o := range organizations {
		creator := creators[o.key]
		if creator == "" {
			creator = l.adminID
		}
		v, err := l.viewer(ctx, creator)
		if err != nil {
			return err
		}
		pl := places[o.place]
		// Spread organisations a little around the town centre.
		lat := pl.lat + (l.rng.Float64()-0.5)*0.012
		lon := pl.lon + (l.rng.Float64()-0.5)*0.018
		created, err := l.s.CreateOrganization(ctx, v, maillage.OrganizationInput{
			Name:        o.name,
			Description: o.description,
			Type:        string(o.typ),
			Region:      pl.region,
			Address:     o.street + ", " + pl.town + " (Québec)",
			Website:     "https://" + o.slug + ".exemple.org",
			Latitude:    strconv.FormatFloat(lat, 'f', 5, 64),
			Longitude:   strconv.FormatFloat(lon, 'f', 5, 64),
			Tags:        o.tags,
		}, false)
		if err != nil {
			return fmt.Errorf("organization %s: %w", o.name, err)
		}
		l.orgs[o.key] = created.ID
		l.orgCreator[o.key] = creator
		sum.Organizations++
	}
	return nil
}

// affiliations: people declare their own affiliations; the right to edit
// an organisation is granted by the person who created it.
func (l *loader) affiliations(ctx context.Context, sum *Summary) error {
	for _, p := range people {
		userID := l.users[p.name()]
		for _, a := range p.affs {
			by := userID
			if a.admin {
				by = l.orgCreator[a.org]
			}
			v, err := l.viewer(ctx, by)
			if err != nil {
				return err
			}
			if err := l.s.SetAffiliation(ctx, v, l.orgs[a.org], userID, a.role, a.admin); err != nil {
				return fmt.Errorf("affiliation of %s with %s: %w", p.name(), a.org, err)
			}
			sum.Affiliations++
		}
	}
	return nil
}

func (l *loader) communities(ctx context.Context, sum *Summary) error {
	for _, c := range communities {
		creatorID := l.users[c.creator]
		v, err := l.viewer(ctx, creatorID)
		if err != nil {
			return err
		}
		created, err := l.s.CreateCommunity(ctx, v, maillage.CommunityInput{Name: c.name, Description: c.description,
			Visibility: string(c.visibility), Listed: c.listed, Region: c.region, Tags: c.tags})
		if err != nil {
			return fmt.Errorf("community %s: %w", c.name, err)
		}
		l.communityIDs[c.name] = created.ID
		sum.Communities++
		sum.Memberships++
		// The creator's roles now include the new community.
		if v, err = l.viewer(ctx, creatorID); err != nil {
			return err
		}
		for _, name := range c.managers {
			inv, err := l.s.AddMember(ctx, v, created.ID, l.users[name], maillage.RoleManager)
			if err := l.consent(ctx, inv, err); err != nil {
				return fmt.Errorf("community %s, manager %s: %w", c.name, name, err)
			}
			sum.Memberships++
		}
		for _, name := range c.members {
			inv, err := l.s.AddMember(ctx, v, created.ID, l.users[name], maillage.RoleMember)
			if err := l.consent(ctx, inv, err); err != nil {
				return fmt.Errorf("community %s, member %s: %w", c.name, name, err)
			}
			sum.Memberships++
		}
		if c.visibility == maillage.VisibilityPublic {
			for _, p := range l.joiners(c) {
				pv, err := l.viewer(ctx, l.users[p])
				if err != nil {
					return err
				}
				if err := l.s.Join(ctx, pv, created.ID); err != nil {
					return fmt.Errorf("community %s, %s joins: %w", c.name, p, err)
				}
				sum.Memberships++
			}
		}
		for _, r := range c.requests {
			rv, err := l.viewer(ctx, l.users[r.person])
			if err != nil {
				return err
			}
			if err := l.s.RequestToJoin(ctx, rv, created.ID, r.message); err != nil {
				return fmt.Errorf("community %s, request of %s: %w", c.name, r.person, err)
			}
			sum.JoinRequests++
		}
		for _, name := range c.invitations {
			if err := l.s.Invite(ctx, v, created.ID, l.users[name]); err != nil {
				return fmt.Errorf("community %s, invitation of %s: %w", c.name, name, err)
			}
			sum.Invitations++
		}
	}
	return nil
}

// countThreads counts the threads of every community, those posted by
// relaying notes included, as the administrator sees them.
func (l *loader) countThreads(ctx context.Context, sum *Summary) error {
	v, err := l.viewer(ctx, l.adminID)
	if err != nil {
		return err
	}
	for _, c := range communities {
		_, n, err := l.s.Threads(ctx, v, l.communityIDs[c.name], service.Page{Limit: 1})
		if err != nil {
			return fmt.Errorf("threads of %s: %w", c.name, err)
		}
		sum.Threads += n
	}
	return nil
}

// joiners chooses who joins a public community: most people whose
// interests meet its tags, a few others out of curiosity. The demo person
// joins exactly the communities marked for them.
func (l *loader) joiners(c community) []string {
	var out []string
	for _, p := range people {
		name := p.name()
		if name == c.creator || slices.Contains(c.managers, name) || slices.Contains(c.members, name) {
			continue
		}
		if name == DemoName {
			if c.demoJoins {
				out = append(out, name)
			}
			continue
		}
		chance := 0.04
		if overlaps(p.interests, c.tags) {
			chance = 0.8
		}
		if l.rng.Float64() < chance {
			out = append(out, name)
		}
	}
	return out
}

func (p person) name() string { return p.first + " " + p.last }

// email is DemoEmail for the demo person, prenom.nom@exemple.org for others.
func (p person) email() string {
	if p.name() == DemoName {
		return DemoEmail
	}
	return fold.Slug(p.first) + "." + fold.Slug(p.last) + "@exemple.org"
}

func (p person) profileLinks() []maillage.Link {
	slug := fold.Slug(p.name())
	var out []maillage.Link
	for _, k := range p.links {
		switch k {
		case 'w':
			out = append(out, maillage.Link{Kind: maillage.LinkWebsite, URL: "https://" + slug + ".exemple.org"})
		case 'l':
			out = append(out, maillage.Link{Kind: maillage.LinkLinkedIn, URL: "https://linkedin.exemple/in/" + slug})
		case 'm':
			out = append(out, maillage.Link{Kind: maillage.LinkMastodon, URL: "https://mastodon.exemple/@" + strings.ReplaceAll(slug, "-", "_")})
		}
	}
	return out
}

// usedTags lists every tag the dataset puts on something, in first-use order.
func usedTags() []string {
	seen := map[string]bool{}
	var out []string
	add := func(tags []string) {
		for _, t := range tags {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	for _, o := range organizations {
		add(o.tags)
	}
	for _, p := range people {
		add(p.interests)
	}
	for _, c := range communities {
		add(c.tags)
	}
	return out
}

// check verifies that the fixed lists refer to each other consistently,
// so a typo fails before anything is written.
func check() error {
	var errs []error
	tax := map[string]bool{}
	for _, t := range taxonomy {
		tax[t] = true
	}
	orgs := map[string]bool{}
	for _, o := range organizations {
		if orgs[o.key] {
			errs = append(errs, fmt.Errorf("organization key %q twice", o.key))
		}
		orgs[o.key] = true
		if _, ok := places[o.place]; !ok {
			errs = append(errs, fmt.Errorf("organization %q: unknown place %q", o.key, o.place))
		}
		for _, t := range o.tags {
			if !tax[t] {
				errs = append(errs, fmt.Errorf("organization %q: tag %q outside the taxonomy", o.key, t))
			}
		}
	}
	names := map[string]bool{}
	for _, p := range people {
		if names[p.name()] {
			errs = append(errs, fmt.Errorf("person %q twice", p.name()))
		}
		names[p.name()] = true
		for _, t := range p.interests {
			if !tax[t] {
				errs = append(errs, fmt.Errorf("person %q: interest %q outside the taxonomy", p.name(), t))
			}
		}
		for _, a := range p.affs {
			if !orgs[a.org] {
				errs = append(errs, fmt.Errorf("person %q: unknown organization %q", p.name(), a.org))
			}
		}
	}
	if !names[DemoName] {
		errs = append(errs, fmt.Errorf("the demo person %q is missing", DemoName))
	}
	for _, c := range communities {
		for _, t := range c.tags {
			if !tax[t] {
				errs = append(errs, fmt.Errorf("community %q: tag %q outside the taxonomy", c.name, t))
			}
		}
		all := append([]string{c.creator}, c.managers...)
		all = append(all, c.members...)
		for _, r := range c.requests {
			all = append(all, r.person)
		}
		all = append(all, c.invitations...)
		for _, n := range all {
			if !names[n] {
				errs = append(errs, fmt.Errorf("community %q: unknown person %q", c.name, n))
			}
		}
	}
	errs = append(errs, checkNotes(names, orgs, tax)...)
	errs = append(errs, checkThreads(names)...)
	errs = append(errs, checkConversations(names)...)
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	return nil
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
