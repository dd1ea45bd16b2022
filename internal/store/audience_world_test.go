package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// TestDerivedFiltersAgree builds random worlds and checks that every SQL
// filter derived from the policy (store/audience_sql.go), for one viewer
// and for recipient columns, selects exactly the items the Go rules of
// package maillage allow. MAILLAGE_POLICY_SEED replays a world;
// MAILLAGE_POLICY_WORLDS runs more of them.
func TestDerivedFiltersAgree(t *testing.T) {
	eachPolicyWorld(t, func(t *testing.T, w *policyWorld) { w.check(t) })
}

// eachPolicyWorld runs check on random worlds: three by default, from a
// seed drawn now; MAILLAGE_POLICY_SEED replays one, MAILLAGE_POLICY_WORLDS
// runs more. A failure names the seed that replays it.
func eachPolicyWorld(t *testing.T, check func(*testing.T, *policyWorld)) {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("MAILLAGE_POLICY_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("MAILLAGE_POLICY_SEED: %v", err)
		}
		seed = n
	}
	worlds := 3
	if s := os.Getenv("MAILLAGE_POLICY_WORLDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("MAILLAGE_POLICY_WORLDS: %v", err)
		}
		worlds = n
	}
	for i := 0; i < worlds; i++ {
		s := seed + uint64(i)
		t.Run(fmt.Sprint("seed", s), func(t *testing.T) {
			check(t, newPolicyWorld(t, s))
			if t.Failed() {
				t.Logf("replay with MAILLAGE_POLICY_SEED=%d MAILLAGE_POLICY_WORLDS=1", s)
			}
		})
	}
}

// policyWorld holds what the Go rules need about every item, keyed by the
// item kinds of store.FilterKinds.
type policyWorld struct {
	db      *store.DB
	users   []*maillage.User
	admins  map[string]bool
	access  map[string]map[string]func(maillage.Viewer) bool // kind -> item ID -> rule
	viewers []maillage.Viewer
}

func newPolicyWorld(t *testing.T, seed uint64) *policyWorld {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(seed, 2026))
	w := &policyWorld{db: testutil.OpenDB(t), admins: map[string]bool{}, access: map[string]map[string]func(maillage.Viewer) bool{}}
	for _, k := range store.FilterKinds() {
		w.access[k] = map[string]func(maillage.Viewer) bool{}
	}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	some := func(ids []string, max int) []string {
		n := 1 + r.IntN(max)
		var out []string
		for _, i := range r.Perm(len(ids))[:min(n, len(ids))] {
			out = append(out, ids[i])
		}
		return out
	}
	update := func(f func(tx *store.Tx) error) {
		t.Helper()
		if err := w.db.Update(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	var userIDs []string
	for i := range 7 {
		vis := []maillage.ProfileVisibility{maillage.ProfilePublic, maillage.ProfileMembers}[r.IntN(2)]
		u := &maillage.User{ID: auth.NewID(), Email: fmt.Sprintf("p%d@exemple.org", i), Name: fmt.Sprint("P", i), ProfileVisibility: vis}
		admin := i == 0 || r.IntN(6) == 0
		update(func(tx *store.Tx) error {
			if err := tx.CreateUser(ctx, u, "hash"); err != nil {
				return err
			}
			return tx.SetAdmin(ctx, u.ID, admin)
		})
		w.users, w.admins[u.ID] = append(w.users, u), admin
		userIDs = append(userIDs, u.ID)
		w.access["profile"][u.ID] = func(v maillage.Viewer) bool { return maillage.CanViewProfile(v, u.Access()) }
	}
	communities := map[string]maillage.CommunityAccess{}
	var communityIDs []string
	for i := range 5 {
		c := &maillage.Community{ID: auth.NewID(), Name: fmt.Sprint("C", i), CreatedBy: pick(userIDs),
			Visibility: []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityPrivate}[r.IntN(2)], Listed: r.IntN(2) == 0}
		update(func(tx *store.Tx) error {
			if err := tx.CreateCommunity(ctx, c); err != nil {
				return err
			}
			for _, u := range some(userIDs, 5) {
				if err := tx.UpsertMember(ctx, c.ID, u, []maillage.Role{maillage.RoleMember, maillage.RoleManager}[r.IntN(2)]); err != nil {
					return err
				}
			}
			return nil
		})
		communities[c.ID] = c.Access()
		communityIDs = append(communityIDs, c.ID)
		w.access["community-see"][c.ID] = func(v maillage.Viewer) bool { return maillage.CanSeeCommunity(v, c.Access()) }
		w.access["community-read"][c.ID] = func(v maillage.Viewer) bool { return maillage.CanReadCommunity(v, c.Access()) }
	}
	// Meetings of every visibility in every kind of community (meetings_policy.go).
	for i := range 8 {
		c := pick(communityIDs)
		vis := []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityCommunity}[r.IntN(2)]
		m := &maillage.Meeting{ID: auth.NewID(), CommunityID: c, Title: fmt.Sprint("M", i), StartsAt: time.Now(), DurationMinutes: 60,
			Timezone: "America/Toronto", Visibility: vis, CreatedBy: pick(userIDs)}
		update(func(tx *store.Tx) error { return tx.CreateMeeting(ctx, m) })
		ma := maillage.MeetingAccess{Community: communities[c], Visibility: vis}
		w.access["meeting"][m.ID] = func(v maillage.Viewer) bool { return maillage.CanViewMeeting(v, ma) }
	}
	visibility := func() (maillage.Visibility, string) {
		vis := []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityCommunity, maillage.VisibilityPrivate}[r.IntN(3)]
		community := ""
		if vis == maillage.VisibilityCommunity || r.IntN(2) == 0 {
			community = pick(communityIDs)
		}
		return vis, community
	}
	for i := range 12 {
		vis, community := visibility()
		authors := some(userIDs, 3)
		n := &maillage.Note{ID: auth.NewID(), Title: fmt.Sprint("N", i), Kind: maillage.NoteGeneral, Visibility: vis,
			CommunityID: community, License: maillage.LicenseCCBY, CreatedBy: authors[0]}
		for _, a := range authors {
			n.Authors = append(n.Authors, maillage.NoteAuthor{UserID: a})
		}
		update(func(tx *store.Tx) error { return tx.CreateNote(ctx, n) })
		ca := maillage.ContentAccess{Visibility: vis, CommunityID: community, OwnerIDs: authors}
		w.access["note"][n.ID] = func(v maillage.Viewer) bool { return maillage.CanViewContent(v, ca) }
		// Invitations to co-author it: the pending ones show it to their
		// invitee; declined and accepted ones do not.
		var pending []string
		for _, u := range some(userIDs, 3) {
			status := []maillage.InvitationStatus{maillage.InvitationPending, maillage.InvitationDeclined, maillage.InvitationAccepted}[r.IntN(3)]
			update(func(tx *store.Tx) error {
				if _, err := tx.UpsertInvitation(ctx, maillage.InviteNote, n.ID, u, authors[0], "author"); err != nil {
					return err
				}
				if status == maillage.InvitationPending {
					return nil
				}
				_, err := tx.AnswerInvitation(ctx, maillage.InviteNote, n.ID, u, status)
				return err
			})
			if status == maillage.InvitationPending {
				pending = append(pending, u)
			}
		}
		w.access["note-invitation"][n.ID] = func(v maillage.Viewer) bool { return maillage.CanViewInvitation(v, pending) }
	}
	roles := func() (managers, contributors []string) {
		for _, u := range some(userIDs, 4) {
			if r.IntN(2) == 0 {
				managers = append(managers, u)
			} else {
				contributors = append(contributors, u)
			}
		}
		return
	}
	for i := range 5 {
		vis, community := visibility()
		nb := &maillage.Notebook{ID: auth.NewID(), Title: fmt.Sprint("B", i), Visibility: vis, CommunityID: community, CreatedBy: pick(userIDs)}
		managers, contributors := roles()
		update(func(tx *store.Tx) error {
			if err := tx.CreateNotebook(ctx, nb); err != nil {
				return err
			}
			for _, u := range managers {
				if err := tx.UpsertNotebookMember(ctx, nb.ID, u, maillage.NotebookManager); err != nil {
					return err
				}
			}
			for _, u := range contributors {
				if err := tx.UpsertNotebookMember(ctx, nb.ID, u, maillage.NotebookContributor); err != nil {
					return err
				}
			}
			return nil
		})
		// The creator manages it too, unless given another role above.
		stored, err := w.db.Notebook(ctx, nb.ID)
		if err != nil {
			t.Fatal(err)
		}
		ca := stored.Access()
		w.access["notebook"][nb.ID] = func(v maillage.Viewer) bool { return maillage.CanViewContent(v, ca) }
	}
	for i := range 4 {
		vis, community := visibility()
		k := &maillage.KnowledgeBase{ID: auth.NewID(), Title: fmt.Sprint("K", i), Visibility: vis, CommunityID: community, CreatedBy: pick(userIDs)}
		managers, contributors := roles()
		update(func(tx *store.Tx) error {
			if err := tx.CreateKnowledgeBase(ctx, k); err != nil {
				return err
			}
			for _, u := range managers {
				if err := tx.UpsertKnowledgeBaseMember(ctx, k.ID, u, maillage.NotebookManager); err != nil {
					return err
				}
			}
			for _, u := range contributors {
				if err := tx.UpsertKnowledgeBaseMember(ctx, k.ID, u, maillage.NotebookContributor); err != nil {
					return err
				}
			}
			return nil
		})
		stored, err := w.db.KnowledgeBase(ctx, k.ID)
		if err != nil {
			t.Fatal(err)
		}
		ca := stored.Access()
		w.access["knowledge-base"][k.ID] = func(v maillage.Viewer) bool { return maillage.CanViewContent(v, ca) }
	}
	threads := map[string]maillage.ThreadAccess{}
	var threadIDs []string
	for i := range 8 {
		c := pick(communityIDs)
		th := &maillage.Thread{ID: auth.NewID(), CommunityID: c, AuthorID: pick(userIDs), Title: fmt.Sprint("T", i), Body: "…"}
		hidden := r.IntN(3) == 0
		update(func(tx *store.Tx) error {
			if err := tx.CreateThread(ctx, th); err != nil {
				return err
			}
			return tx.SetThreadFlag(ctx, th.ID, store.FlagHidden, hidden)
		})
		ta := maillage.ThreadAccess{Community: communities[c], AuthorID: th.AuthorID, Hidden: hidden}
		threads[th.ID] = ta
		threadIDs = append(threadIDs, th.ID)
		w.access["thread"][th.ID] = func(v maillage.Viewer) bool { return maillage.CanViewThread(v, ta) }
	}
	for range 12 {
		th := pick(threadIDs)
		rp := &maillage.Reply{ID: auth.NewID(), ThreadID: th, AuthorID: pick(userIDs), Body: "Réponse"}
		hidden := r.IntN(3) == 0
		update(func(tx *store.Tx) error {
			if err := tx.CreateReply(ctx, rp); err != nil {
				return err
			}
			return tx.SetReplyHidden(ctx, rp.ID, hidden)
		})
		ta := threads[th]
		own := maillage.ThreadAccess{Community: ta.Community, AuthorID: rp.AuthorID, Hidden: hidden}
		w.access["reply"][rp.ID] = func(v maillage.Viewer) bool {
			return maillage.CanViewThread(v, ta) && maillage.CanViewThread(v, own)
		}
	}
	for i := range 10 {
		vis := maillage.ActorVisibility(pick(maillage.ActorVisibilities()))
		community := ""
		if vis == maillage.ActorCommunity || r.IntN(2) == 0 {
			community = pick(communityIDs)
		}
		a := &maillage.Actor{ID: auth.NewID(), Kind: maillage.ActorPerson, Name: fmt.Sprint("A", i), Visibility: vis,
			CommunityID: community}
		if r.IntN(4) > 0 {
			a.CreatedBy = pick(userIDs)
		}
		update(func(tx *store.Tx) error { return tx.CreateActor(ctx, a) })
		ac := a.Access()
		w.access["actor"][a.ID] = func(v maillage.Viewer) bool { return maillage.CanViewActor(v, ac) }
		w.access["actor-approve"][a.ID] = func(v maillage.Viewer) bool { return maillage.CanApproveActorClaim(v, ac) }
	}
	w.viewers = append(w.viewers, maillage.Anonymous())
	for _, u := range w.users {
		roles, err := w.db.CommunityRoles(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		w.viewers = append(w.viewers, maillage.Viewer{UserID: u.ID, Admin: w.admins[u.ID], Roles: roles})
	}
	return w
}

func (w *policyWorld) check(t *testing.T) {
	ctx := context.Background()
	for _, kind := range store.FilterKinds() {
		var wantPairs []string
		for _, v := range w.viewers {
			var want []string
			for id, allowed := range w.access[kind] {
				if allowed(v) {
					want = append(want, id)
					if v.SignedIn() {
						wantPairs = append(wantPairs, id+" "+v.UserID)
					}
				}
			}
			got, err := w.db.VisibleIDs(ctx, kind, v)
			if err != nil {
				t.Fatalf("%s filter for %q: %v", kind, v.UserID, err)
			}
			if !sameSet(got, want) {
				t.Errorf("%s for viewer %q (admin %v, roles %v): SQL selects %d, the policy %d: %s",
					kind, v.UserID, v.Admin, v.Roles, len(got), len(want), diffSets(got, want))
			}
		}
		got, err := w.db.RecipientPairs(ctx, kind)
		if err != nil {
			t.Fatalf("%s recipient filter: %v", kind, err)
		}
		if !sameSet(got, wantPairs) {
			t.Errorf("%s recipients: SQL %d pairs, the policy %d: %s", kind, len(got), len(wantPairs), diffSets(got, wantPairs))
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// diffSets names what only one side holds.
func diffSets(got, want []string) string {
	var extra, missing []string
	for _, g := range got {
		if !slices.Contains(want, g) {
			extra = append(extra, g)
		}
	}
	for _, x := range want {
		if !slices.Contains(got, x) {
			missing = append(missing, x)
		}
	}
	return "extra " + strings.Join(extra, ", ") + "; missing " + strings.Join(missing, ", ")
}
