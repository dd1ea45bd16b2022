package service_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// absentUserID is a well-formed ID that names no account.
const absentUserID = "01abcdefghjkmnpqrstvwxyz00"

// consentWorld: Alice writes and manages; Bob, Carol and Dave are people
// she may name; Root is a platform administrator.
type consentWorld struct {
	s                       *service.Service
	db                      *store.DB
	log                     *eventLog
	alice, bob, carol, dave *maillage.User
	root                    *maillage.User
}

func newConsentWorld(t *testing.T) *consentWorld {
	t.Helper()
	w := &consentWorld{log: &eventLog{}}
	w.s, w.db = testutil.Service(t)
	w.alice, _ = testutil.User(t, w.s, "Alice Tremblay", "alice@exemple.org")
	w.bob, _ = testutil.User(t, w.s, "Bob Roy", "bob@exemple.org")
	w.carol, _ = testutil.User(t, w.s, "Carole Gagnon", "carole@exemple.org")
	w.dave, _ = testutil.User(t, w.s, "Dave Côté", "dave@exemple.org")
	root, err := w.s.CreateUser(context.Background(), maillage.SignUpInput{Email: "root@exemple.org", Name: "Root",
		Password: testutil.Password}, true)
	if err != nil {
		t.Fatal(err)
	}
	w.root = root
	// Public profiles: what hides a name below is consent, not privacy.
	for _, u := range []*maillage.User{w.alice, w.bob, w.carol, w.dave} {
		if _, err := w.s.UpdateProfile(context.Background(), w.v(t, u), u.ID, maillage.ProfileInput{Name: u.Name,
			Language: "fr-CA", ProfileVisibility: "public", Contact: "messages"}); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

func (w *consentWorld) v(t *testing.T, u *maillage.User) maillage.Viewer {
	t.Helper()
	return testutil.ViewerOf(t, w.s, u.ID)
}

// Finding 1: a note published under someone else's name. Naming Bob as
// a co-author invites him; until he accepts he is listed nowhere: not
// among the authors, in the citation, in the notes listed under his
// name. The writer cannot then leave Bob alone on it either.
func TestCoAuthorshipTakesConsent(t *testing.T) {
	ctx := context.Background()
	w := newConsentWorld(t)
	va := w.v(t, w.alice)
	n, err := w.s.CreateNote(ctx, va, maillage.NoteInput{Title: "Manifeste", Body: "Ce que Bob pense.", Visibility: "public",
		AuthorIDs: []string{w.bob.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(n.AuthorIDs(), []string{w.alice.ID}) {
		t.Fatalf("authors before consent: %v", n.AuthorIDs())
	}
	page, err := w.s.NotePage(ctx, maillage.Anonymous(), n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.Citation, "Tremblay") || strings.Contains(page.Citation, "Roy") || len(page.Note.Authors) != 1 {
		t.Fatalf("Bob named before consent: %q %+v", page.Citation, page.Note.Authors)
	}
	if list, total, err := w.s.Notes(ctx, maillage.Anonymous(), service.NoteFilter{AuthorID: w.bob.ID}); err != nil || total != 0 || len(list) != 0 {
		t.Fatalf("notes listed under Bob's name: %d %v", total, err)
	}
	// The editor changes the body and tries to leave Bob alone on it.
	up := service.InputOf(n)
	up.Body = "Ce que Bob n’a jamais dit."
	if n, err = w.s.UpdateNote(ctx, va, n.ID, up); err != nil {
		t.Fatal(err)
	}
	if err := w.s.RemoveNoteAuthor(ctx, va, n.ID, w.alice.ID); maillage.AsError(err).MessageID != "note.last_author" {
		t.Fatalf("the writer left a note signed by nobody who consented: %v", err)
	}
	// Saving again with Bob named does not ask him twice.
	if _, err := w.s.UpdateNote(ctx, va, n.ID, service.InputOf(n)); err != nil {
		t.Fatal(err)
	}
	evs := eventsOf(w.log.drain(t, w.db, nil), maillage.EventNoteInvitation)
	if len(evs) != 1 || !slices.Equal(evs[0].RecipientIDs, []string{w.bob.ID}) || evs[0].SubjectType != maillage.SubjectNoteInvitation {
		t.Fatalf("invitation events: %+v", evs)
	}
	// Bob sees the invitation and accepts: now he signs the note.
	mine, err := w.s.MyInvitations(ctx, w.v(t, w.bob))
	if err != nil || len(mine) != 1 || mine[0].Kind != maillage.InviteNote || mine[0].ItemTitle != "Manifeste" || mine[0].Role != maillage.RoleAuthor {
		t.Fatalf("Bob's invitations: %+v %v", mine, err)
	}
	testutil.AcceptNote(t, w.s, n.ID, w.bob.ID)
	if page, err = w.s.NotePage(ctx, maillage.Anonymous(), n.ID); err != nil || !strings.Contains(page.Citation, "Roy") {
		t.Fatalf("after consent: %q %v", page.Citation, err)
	}
	if _, total, _ := w.s.Notes(ctx, maillage.Anonymous(), service.NoteFilter{AuthorID: w.bob.ID}); total != 1 {
		t.Fatalf("Bob's notes after consent: %d", total)
	}
	if mine, _ := w.s.MyInvitations(ctx, w.v(t, w.bob)); len(mine) != 0 {
		t.Fatalf("an accepted invitation still waits: %+v", mine)
	}
}

// An administrator names co-authors directly; naming oneself is no
// invitation either.
func TestAdministratorsNameCoAuthorsDirectly(t *testing.T) {
	ctx := context.Background()
	w := newConsentWorld(t)
	n, err := w.s.CreateNote(ctx, w.v(t, w.root), maillage.NoteInput{Title: "Note de l’équipe", Visibility: "public",
		AuthorIDs: []string{w.bob.ID, w.root.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(n.AuthorIDs(), []string{w.root.ID, w.bob.ID}) {
		t.Fatalf("authors: %v", n.AuthorIDs())
	}
	if mine, _ := w.s.MyInvitations(ctx, w.v(t, w.bob)); len(mine) != 0 {
		t.Fatalf("an administrator's note invited: %+v", mine)
	}
}

// A note keeps at least one consenting author who wrote it: one who only
// consented to sign cannot be left alone on what others wrote.
func TestLastConsentingWriterStays(t *testing.T) {
	ctx := context.Background()
	w := newConsentWorld(t)
	va := w.v(t, w.alice)
	n, err := w.s.CreateNote(ctx, va, maillage.NoteInput{Title: "Compte rendu", Body: "Texte d’Alice.", Visibility: "private",
		AuthorIDs: []string{w.bob.ID, w.carol.ID}})
	if err != nil {
		t.Fatal(err)
	}
	testutil.AcceptNote(t, w.s, n.ID, w.bob.ID, w.carol.ID)
	// Taking off a co-author who did not write: fine, Alice wrote it.
	if err := w.s.RemoveNoteAuthor(ctx, va, n.ID, w.carol.ID); err != nil {
		t.Fatal(err)
	}
	// Alice leaving would leave Bob alone on Alice's words.
	err = w.s.RemoveNoteAuthor(ctx, va, n.ID, w.alice.ID)
	if e := maillage.AsError(err); e.Code != maillage.CodeConflict || e.MessageID != "consent.last_writer" {
		t.Fatalf("the last writer left: %v", err)
	}
	// Once Bob has written in it, Alice may go.
	vb := w.v(t, w.bob)
	cur, err := w.s.Note(ctx, vb, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	up := service.InputOf(cur)
	up.Body += "\n\nAjout de Bob."
	if _, err := w.s.UpdateNote(ctx, vb, n.ID, up); err != nil {
		t.Fatal(err)
	}
	if err := w.s.RemoveNoteAuthor(ctx, va, n.ID, w.alice.ID); err != nil {
		t.Fatalf("leaving once another writer remains: %v", err)
	}
	if got, err := w.s.Note(ctx, vb, n.ID); err != nil || !slices.Equal(got.AuthorIDs(), []string{w.bob.ID}) {
		t.Fatalf("authors after Alice left: %+v %v", got, err)
	}
}

// Finding 2: making someone a member or a manager of one's community,
// notebook or knowledge base, silently. Each is now an invitation with
// the role offered; until accepted, the person is in no member list,
// count or list of their own.
func TestMembershipTakesConsent(t *testing.T) {
	ctx := context.Background()
	w := newConsentWorld(t)
	va := w.v(t, w.alice)
	c, err := w.s.CreateCommunity(ctx, va, maillage.CommunityInput{Name: "Cercle privé", Visibility: "private", Listed: true})
	if err != nil {
		t.Fatal(err)
	}
	va = w.v(t, w.alice)
	inv, err := w.s.AddMember(ctx, va, c.ID, w.bob.ID, maillage.RoleManager)
	if err != nil || inv == nil || inv.Role != "manager" || inv.Kind != maillage.InviteCommunity || inv.Status != maillage.InvitationPending {
		t.Fatalf("add as manager: %+v %v", inv, err)
	}
	vb := w.v(t, w.bob)
	if vb.IsMember(c.ID) {
		t.Fatal("member without consent")
	}
	if evs := eventsOf(w.log.drain(t, w.db, nil), maillage.EventManagerInvitation); len(evs) != 1 || evs[0].SubjectID != c.ID {
		t.Fatalf("an invitation to manage is told as such: %+v", evs)
	}
	if ms, total, err := w.s.Members(ctx, va, c.ID, service.Page{}); err != nil || total != 1 || len(ms) != 1 {
		t.Fatalf("members list the invitee: %+v %d %v", ms, total, err)
	}
	if got, _ := w.s.Community(ctx, va, c.ID); got.MemberCount != 1 {
		t.Fatalf("member count %d", got.MemberCount)
	}
	if _, total, _ := w.s.Communities(ctx, maillage.Anonymous(), service.CommunityFilter{MemberID: w.bob.ID}); total != 0 {
		t.Fatalf("the community shows among Bob's: %d", total)
	}
	testutil.Accept(t, w.s, inv)
	if vb = w.v(t, w.bob); !vb.IsManager(c.ID) {
		t.Fatalf("accepting did not give the role offered: %+v", vb.Roles)
	}
	// Administrators and the person themselves add directly.
	if inv, err := w.s.AddMember(ctx, w.v(t, w.root), c.ID, w.carol.ID, maillage.RoleMember); err != nil || inv != nil {
		t.Fatalf("administrator: %+v %v", inv, err)
	}
	if !w.v(t, w.carol).IsMember(c.ID) {
		t.Fatal("an administrator's addition did not take")
	}
	if inv, err := w.s.AddMember(ctx, vb, c.ID, w.bob.ID, maillage.RoleMember); err != nil || inv != nil {
		t.Fatalf("stepping down oneself: %+v %v", inv, err)
	}

	// Notebooks and knowledge bases, the same way.
	nb, err := w.s.CreateNotebook(ctx, va, maillage.NotebookInput{Title: "Carnet privé", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	inv, err = w.s.AddNotebookMember(ctx, va, nb.ID, w.dave.ID, maillage.NotebookContributor)
	if err != nil || inv == nil || inv.Kind != maillage.InviteNotebook || inv.Role != "contributor" || inv.ItemTitle != "Carnet privé" {
		t.Fatalf("notebook invitation: %+v %v", inv, err)
	}
	vd := w.v(t, w.dave)
	if _, err := w.s.Notebook(ctx, vd, nb.ID); !maillage.IsNotFound(err) {
		t.Fatalf("an invitation opened the private notebook: %v", err)
	}
	if got, err := w.s.PendingItemInvitation(ctx, vd, maillage.InviteNotebook, nb.ID); err != nil || got.ItemTitle != "Carnet privé" {
		t.Fatalf("the invitee cannot see their invitation: %+v %v", got, err)
	}
	if _, err := w.s.PendingItemInvitation(ctx, w.v(t, w.carol), maillage.InviteNotebook, nb.ID); !maillage.IsNotFound(err) {
		t.Fatalf("someone else sees the invitation: %v", err)
	}
	if ms, err := w.s.NotebookMembers(ctx, va, nb.ID); err != nil || len(ms) != 1 {
		t.Fatalf("notebook members list the invitee: %+v %v", ms, err)
	}
	if _, total, _ := w.s.Notebooks(ctx, va, service.NotebookFilter{MemberID: w.dave.ID}); total != 0 {
		t.Fatalf("the notebook shows among Dave's: %d", total)
	}
	testutil.Accept(t, w.s, inv)
	if ms, _ := w.s.NotebookMembers(ctx, va, nb.ID); len(ms) != 2 {
		t.Fatalf("after consent: %+v", ms)
	}
	kb, err := w.s.CreateKnowledgeBase(ctx, va, maillage.NotebookInput{Title: "Base privée", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	inv, err = w.s.AddKnowledgeBaseMember(ctx, va, kb.ID, w.dave.ID, maillage.NotebookManager)
	if err != nil || inv == nil || inv.Kind != maillage.InviteKnowledgeBase || inv.Role != "manager" {
		t.Fatalf("knowledge base invitation: %+v %v", inv, err)
	}
	if ms, _ := w.s.KnowledgeBaseMembers(ctx, va, kb.ID); len(ms) != 1 {
		t.Fatalf("knowledge base members list the invitee: %+v", ms)
	}
	if _, err := w.s.AnswerItemInvitation(ctx, w.v(t, w.dave), maillage.InviteKnowledgeBase, kb.ID, false); err != nil {
		t.Fatal(err)
	}
	if ms, _ := w.s.KnowledgeBaseMembers(ctx, va, kb.ID); len(ms) != 1 {
		t.Fatalf("declining gave a role: %+v", ms)
	}
	// A declined invitation stays listed for the managers, who may withdraw it.
	if list, err := w.s.ItemInvitations(ctx, va, maillage.InviteKnowledgeBase, kb.ID); err != nil || len(list) != 1 ||
		list[0].Status != maillage.InvitationDeclined {
		t.Fatalf("invitations of the knowledge base: %+v %v", list, err)
	}
}

// Bad input, each refused with a clear error.
func TestInvitationBadInput(t *testing.T) {
	ctx := context.Background()
	w := newConsentWorld(t)
	va := w.v(t, w.alice)
	c, err := w.s.CreateCommunity(ctx, va, maillage.CommunityInput{Name: "Cercle", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	va = w.v(t, w.alice)

	// Oneself: an invitation makes no sense (adding oneself is direct).
	if _, err := w.s.InvitePerson(ctx, va, maillage.InviteCommunity, c.ID, w.alice.ID, "manager"); fieldOf(err, "user_id") != "consent.invite_self" {
		t.Fatalf("invited oneself: %v", err)
	}
	// Unknown or deleted accounts: not found, on the field.
	for _, id := range []string{"personne", ""} {
		_, err := w.s.InvitePerson(ctx, va, maillage.InviteCommunity, c.ID, id, "")
		if fieldOf(err, "user_id") == "" {
			t.Fatalf("invited %q: %v", id, err)
		}
	}
	// (A deleted account is gone from the users table: it is unknown.)
	if _, err := w.s.AddMember(ctx, va, c.ID, absentUserID, maillage.RoleMember); maillage.ErrorCode(err) != maillage.CodeNotFound {
		t.Fatalf("added an unknown account: %v", err)
	}
	if _, err := w.s.AddNotebookMember(ctx, va, "nope", absentUserID, maillage.NotebookContributor); !maillage.IsNotFound(err) {
		t.Fatalf("added to an unknown notebook: %v", err)
	}
	_, err = w.s.CreateNote(ctx, va, maillage.NoteInput{Title: "x", Visibility: "public", AuthorIDs: []string{absentUserID}})
	if fieldOf(err, "author_ids") != "note.unknown_author" {
		t.Fatalf("named an unknown account: %v", err)
	}

	// Blocks, either way: refused, without saying more than messages do.
	if err := w.s.BlockPerson(ctx, w.v(t, w.bob), w.alice.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AddMember(ctx, va, c.ID, w.bob.ID, maillage.RoleMember); fieldOf(err, "user_id") != "consent.blocked" ||
		maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("invited someone who blocked the inviter: %v", err)
	}
	_, err = w.s.CreateNote(ctx, va, maillage.NoteInput{Title: "x", Visibility: "public", AuthorIDs: []string{w.bob.ID}})
	if fieldOf(err, "author_ids") != "consent.blocked" {
		t.Fatalf("named as co-author someone who blocked the writer: %v", err)
	}
	if err := w.s.BlockPerson(ctx, va, w.carol.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AddMember(ctx, va, c.ID, w.carol.ID, maillage.RoleMember); fieldOf(err, "user_id") != "consent.you_blocked" {
		t.Fatalf("invited someone the inviter blocked: %v", err)
	}
	if mine, _ := w.s.MyInvitations(ctx, w.v(t, w.bob)); len(mine) != 0 {
		t.Fatalf("a refused invitation reached Bob: %+v", mine)
	}
	if err := w.s.UnblockPerson(ctx, va, w.carol.ID); err != nil {
		t.Fatal(err)
	}

	// Twice: the same invitation, told once.
	for range 2 {
		if inv, err := w.s.AddMember(ctx, va, c.ID, w.carol.ID, maillage.RoleMember); err != nil || inv == nil {
			t.Fatalf("invite: %+v %v", inv, err)
		}
	}
	if evs := eventsOf(w.log.drain(t, w.db, nil), maillage.EventInvitation); len(evs) != 1 {
		t.Fatalf("%d invitation events for one invitation", len(evs))
	}
	if list, _ := w.s.CommunityInvitations(ctx, va, c.ID); len(list) != 1 {
		t.Fatalf("invitations: %+v", list)
	}

	// Withdrawn meanwhile: accepting it finds nothing.
	if err := w.s.WithdrawInvitation(ctx, va, c.ID, w.carol.ID); err != nil {
		t.Fatal(err)
	}
	vc := w.v(t, w.carol)
	if _, err := w.s.AnswerItemInvitation(ctx, vc, maillage.InviteCommunity, c.ID, true); !maillage.IsNotFound(err) {
		t.Fatalf("accepted a withdrawn invitation: %v", err)
	}
	if vc = w.v(t, w.carol); vc.IsMember(c.ID) {
		t.Fatal("a withdrawn invitation made a member")
	}
	// Accepting twice: the second finds nothing; the role is given once.
	if _, err := w.s.AddMember(ctx, va, c.ID, w.carol.ID, maillage.RoleMember); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AnswerItemInvitation(ctx, vc, maillage.InviteCommunity, c.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AnswerItemInvitation(ctx, w.v(t, w.carol), maillage.InviteCommunity, c.ID, true); !maillage.IsNotFound(err) {
		t.Fatalf("accepted twice: %v", err)
	}
	// Someone already in that role: nothing to invite them to.
	if _, err := w.s.InvitePerson(ctx, va, maillage.InviteCommunity, c.ID, w.carol.ID, "member"); fieldOf(err, "user_id") != "discussion.already_member" {
		t.Fatalf("invited a member to be a member: %v", err)
	}
	// Only the people who manage an item invite to it or see its invitations.
	if _, err := w.s.InvitePerson(ctx, vc, maillage.InviteCommunity, c.ID, w.bob.ID, ""); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a member invited: %v", err)
	}
	if _, err := w.s.ItemInvitations(ctx, vc, maillage.InviteCommunity, c.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a member read the invitations: %v", err)
	}
	if _, err := w.s.InvitePerson(ctx, va, maillage.InviteCommunity, c.ID, w.bob.ID, "owner"); fieldOf(err, "role") == "" {
		t.Fatalf("a role that does not exist: %v", err)
	}
}

// Invitations are told like other direct events: in the application at
// once, by email as the person chose. The notification names a private
// item's title to its invitee and to nobody else, is told once, and is
// settled by the answer; one withdrawn before it was told tells nothing.
func TestInvitationNotifications(t *testing.T) {
	w := newNSWorld(t, nil)
	w.user("Alice", "fr-CA")
	w.user("Bob", "en")
	w.user("Carole", "fr-CA")
	w.user("Dave", "fr-CA")
	w.setMode("Bob", "", maillage.NotifyEach)
	va := w.viewer("Alice")
	n, err := w.s.CreateNote(w.ctx, va, maillage.NoteInput{Title: "Budget confidentiel", Body: "Chiffres.", Visibility: "private",
		AuthorIDs: []string{w.users["Bob"].ID, w.users["Carole"].ID}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.s.WithdrawItemInvitation(w.ctx, va, maillage.InviteNote, n.ID, w.users["Carole"].ID); err != nil {
		t.Fatal(err)
	}
	nb, err := w.s.CreateNotebook(w.ctx, va, maillage.NotebookInput{Title: "Carnet du comité", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AddNotebookMember(w.ctx, va, nb.ID, w.users["Dave"].ID, maillage.NotebookManager); err != nil {
		t.Fatal(err)
	}
	w.drain()

	bob := w.inbox("Bob")
	if len(bob) != 1 || bob[0].Kind != maillage.EventNoteInvitation || bob[0].SubjectType != maillage.SubjectNoteInvitation ||
		bob[0].SubjectTitle != "Budget confidentiel" || bob[0].Read() {
		t.Fatalf("Bob's notifications: %+v", bob)
	}
	if _, err := w.s.Note(w.ctx, w.viewer("Bob"), n.ID); !maillage.IsNotFound(err) {
		t.Fatalf("the invitation opened the private note: %v", err)
	}
	toBob := 0
	for _, e := range w.emails() {
		switch e.To {
		case "bob@exemple.org":
			toBob++
			if e.Subject != "Alice invites you to co-author the note “Budget confidentiel”" {
				t.Errorf("Bob's email: %q", e.Subject)
			}
		case "carole@exemple.org", "alice@exemple.org":
			t.Errorf("email to %s: %q", e.To, e.Subject)
		}
	}
	if toBob != 1 {
		t.Fatalf("%d emails to Bob", toBob)
	}
	if got := w.inbox("Carole"); len(got) != 0 {
		t.Fatalf("a withdrawn invitation was told: %+v", got)
	}
	dave := w.inbox("Dave")
	if len(dave) != 1 || dave[0].Kind != maillage.EventNotebookInvitation || dave[0].SubjectTitle != "Carnet du comité" {
		t.Fatalf("Dave's notifications: %+v", dave)
	}
	if got := w.inbox("Alice"); len(got) != 0 {
		t.Fatalf("the inviter was told: %+v", got)
	}

	// Saving the note again with Bob named tells him nothing new.
	cur, err := w.s.Note(w.ctx, va, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	in := service.InputOf(cur)
	in.AuthorIDs = append(in.AuthorIDs, w.users["Bob"].ID)
	in.Body = "Chiffres revus."
	if _, err := w.s.UpdateNote(w.ctx, va, n.ID, in); err != nil {
		t.Fatal(err)
	}
	w.drain()
	if got := w.inbox("Bob"); len(got) != 1 {
		t.Fatalf("asked twice: %+v", got)
	}
	if again := w.emails(); len(again) != 0 {
		t.Fatalf("emailed twice: %d", len(again))
	}

	// Answers settle the notifications: Bob's reads as read, Dave's, declined
	// for a private notebook, no longer names it.
	if _, err := w.s.AnswerItemInvitation(w.ctx, w.viewer("Bob"), maillage.InviteNote, n.ID, true); err != nil {
		t.Fatal(err)
	}
	if got := w.inbox("Bob"); len(got) != 1 || !got[0].Read() {
		t.Fatalf("after accepting: %+v", got)
	}
	if _, err := w.s.AnswerItemInvitation(w.ctx, w.viewer("Dave"), maillage.InviteNotebook, nb.ID, false); err != nil {
		t.Fatal(err)
	}
	if got := w.inbox("Dave"); len(got) != 0 {
		t.Fatalf("a declined invitation still names the private notebook: %+v", got)
	}
}
