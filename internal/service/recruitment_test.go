package service_test

import (
	"context"
	"io"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/jobs"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// recruitWorld is a private community with a manager, a member, an
// outsider and a platform administrator, and a worker that sends the
// recruitment emails into memory.
type recruitWorld struct {
	t                                  *testing.T
	ctx                                context.Context
	s                                  *service.Service
	db                                 *store.DB
	c                                  *maillage.Community
	manager, member, outsider, admin   *maillage.User
	vManager, vMember, vOutsider, vAdm maillage.Viewer
	box                                *memoryMailer
	worker                             *jobs.Worker
}

// memoryMailer keeps the messages it is asked to send.
type memoryMailer struct {
	mu   sync.Mutex
	msgs []mail.Message
}

func (m *memoryMailer) Send(_ context.Context, msg mail.Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.msgs = append(m.msgs, msg)
	return nil
}

func (m *memoryMailer) all() []mail.Message {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]mail.Message(nil), m.msgs...)
}

// to lists the messages sent to an address.
func (m *memoryMailer) to(addr string) []mail.Message {
	var out []mail.Message
	for _, msg := range m.all() {
		for _, to := range msg.To {
			if strings.Contains(to, addr) {
				out = append(out, msg)
			}
		}
	}
	return out
}

var joinLink = regexp.MustCompile(`/join/([A-Za-z0-9_-]+)`)

// linkIn returns the token of the invitation link of a message.
func linkIn(t *testing.T, m mail.Message) string {
	t.Helper()
	match := joinLink.FindStringSubmatch(m.Text)
	if match == nil {
		t.Fatalf("no invitation link in %q", m.Text)
	}
	return match[1]
}

func newRecruitWorld(t *testing.T) *recruitWorld {
	t.Helper()
	w := &recruitWorld{t: t, ctx: context.Background(), box: &memoryMailer{}}
	w.s, w.db = testutil.Service(t)
	w.manager, w.vManager = testutil.User(t, w.s, "Aline Animatrice", "aline@exemple.org")
	w.member, _ = testutil.User(t, w.s, "Marc Membre", "marc@exemple.org")
	w.outsider, w.vOutsider = testutil.User(t, w.s, "Olivia Ailleurs", "olivia@exemple.org")
	w.admin, _ = testutil.User(t, w.s, "Adèle Admin", "adele@exemple.org")
	if err := w.db.Update(w.ctx, func(tx *store.Tx) error { return tx.SetAdmin(w.ctx, w.admin.ID, true) }); err != nil {
		t.Fatal(err)
	}
	w.vAdm = testutil.ViewerOf(t, w.s, w.admin.ID)
	c, err := w.s.CreateCommunity(w.ctx, w.vManager, maillage.CommunityInput{Name: "CdP Transformation numérique",
		Description: "Le mandat\u202f: se réunir aux deux mois.", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	w.c = c
	w.vManager = testutil.ViewerOf(t, w.s, w.manager.ID)
	testutil.AddMember(t, w.s, w.vManager, c.ID, w.member.ID, maillage.RoleMember)
	w.vMember = testutil.ViewerOf(t, w.s, w.member.ID)
	bundle, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	mailer := &service.Mailer{Mail: w.box, Bundle: bundle, From: "Maillage <bonjour@maillage.example>", BaseURL: "http://maillage.test"}
	w.worker = &jobs.Worker{DB: w.db, Logger: quiet, Handlers: map[string]jobs.Handler{
		service.JobRecruitmentEmail: (&service.RecruitmentMailer{Service: w.s, Mailer: mailer}).Handle,
		service.JobEmail:            mailer.Handle,
	}}
	for kind, h := range (&service.Notifier{Service: w.s, Mailer: mailer, Logger: quiet}).Handlers() {
		w.worker.Handlers[kind] = h
	}
	return w
}

func (w *recruitWorld) drain() {
	w.t.Helper()
	if err := w.worker.Drain(w.ctx); err != nil {
		w.t.Fatal(err)
	}
}

// TestShortlistIsForManagersOnly: the shortlist, its candidates and the
// emailed invitations exist for the community's managers (and platform
// administrators, who manage every community); to members, outsiders and
// visitors every call answers not found, exactly like an absent community.
func TestShortlistIsForManagersOnly(t *testing.T) {
	w := newRecruitWorld(t)
	ctx := w.ctx
	cand, err := w.s.AddCandidate(ctx, w.vManager, w.c.ID, maillage.CandidateInput{Email: "amelie@exemple.org", Name: "Amélie",
		Note: "Appelée le 3 mars, intéressée"})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []maillage.Viewer{w.vManager, w.vAdm} {
		list, _, err := w.s.Shortlist(ctx, v, w.c.ID, "")
		if err != nil || len(list) != 1 || list[0].Notes[0].Body != "Appelée le 3 mars, intéressée" {
			t.Errorf("viewer %s: %v %v", v.UserID, list, err)
		}
	}
	status := "contacted"
	for name, v := range map[string]maillage.Viewer{"member": w.vMember, "outsider": w.vOutsider, "visitor": maillage.Anonymous()} {
		checks := map[string]error{}
		_, _, checks["list"] = w.s.Shortlist(ctx, v, w.c.ID, "")
		_, checks["read"] = w.s.Candidate(ctx, v, w.c.ID, cand.ID)
		_, checks["add"] = w.s.AddCandidate(ctx, v, w.c.ID, maillage.CandidateInput{Email: "x@exemple.org"})
		_, checks["update"] = w.s.UpdateCandidate(ctx, v, w.c.ID, cand.ID, maillage.CandidateUpdate{Status: &status})
		checks["delete"] = w.s.DeleteCandidate(ctx, v, w.c.ID, cand.ID)
		_, checks["invite"] = w.s.InviteToCommunity(ctx, v, w.c.ID, maillage.InviteInput{Emails: []string{"y@exemple.org"}}, "fr-CA")
		_, checks["invitations"] = w.s.RecruitmentInvitations(ctx, v, w.c.ID)
		_, checks["remind"] = w.s.RemindInvitations(ctx, v, w.c.ID, nil)
		_, checks["cards"] = w.s.ShortlistCards(ctx, v, w.c.ID, "")
		for what, err := range checks {
			if !maillage.IsNotFound(err) {
				t.Errorf("%s, %s: %v, want not found", name, what, err)
			}
		}
	}
	// The same answer as a community that does not exist.
	if _, _, err := w.s.Shortlist(ctx, w.vManager, "01zzzzzzzzzzzzzzzzzzzzzz03", ""); !maillage.IsNotFound(err) {
		t.Errorf("absent community: %v", err)
	}
	// A candidate of one community is not reachable through another the
	// viewer manages.
	other, err := w.s.CreateCommunity(ctx, w.vManager, maillage.CommunityInput{Name: "Autre", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	v := testutil.ViewerOf(t, w.s, w.manager.ID)
	if _, err := w.s.Candidate(ctx, v, other.ID, cand.ID); !maillage.IsNotFound(err) {
		t.Errorf("candidate through another community: %v", err)
	}
	list, _, _ := w.s.Shortlist(ctx, w.vManager, w.c.ID, "")
	if len(list) != 1 || list[0].Status != maillage.CandidateIdentified {
		t.Errorf("nothing changed for the others' attempts: %+v", list)
	}
}

// TestShortlistCandidates adds every kind of candidate, refuses bad input
// with field messages, edits statuses, notes and labels, and deletes.
func TestShortlistCandidates(t *testing.T) {
	w := newRecruitWorld(t)
	ctx := w.ctx
	org, err := w.s.CreateOrganization(ctx, w.vManager, maillage.OrganizationInput{Name: "Coop Élan", Region: "06"}, false)
	if err != nil {
		t.Fatal(err)
	}
	add := func(in maillage.CandidateInput) (*maillage.Candidate, error) {
		return w.s.AddCandidate(ctx, w.vManager, w.c.ID, in)
	}
	u, err := add(maillage.CandidateInput{UserID: w.outsider.ID, Source: "nomination", SourceDetail: "nommée par Marc",
		Labels: []string{"Recherche", " recherche "}})
	if err != nil || u.Name != "Olivia Ailleurs" || u.Source != maillage.SourceNomination || len(u.Labels) != 1 {
		t.Fatalf("member candidate: %+v %v", u, err)
	}
	o, err := add(maillage.CandidateInput{OrganizationID: org.ID, Status: "contacted"})
	if err != nil || o.Name != "Coop Élan" || o.Status != maillage.CandidateContacted || o.Source != maillage.SourceSearch {
		t.Fatalf("organisation candidate: %+v %v", o, err)
	}
	e, err := add(maillage.CandidateInput{Email: " Amelie@Exemple.org ", Name: "Amélie Roy"})
	if err != nil || e.Email != "amelie@exemple.org" || e.Source != maillage.SourceFree {
		t.Fatalf("address candidate: %+v %v", e, err)
	}
	bad := []struct {
		in    maillage.CandidateInput
		field string
	}{
		{maillage.CandidateInput{}, "candidate"},
		{maillage.CandidateInput{Email: "a@exemple.org", UserID: w.member.ID}, "candidate"},
		{maillage.CandidateInput{Email: "pas une adresse"}, "email"},
		{maillage.CandidateInput{Email: "b@exemple.org", Status: "peut-être"}, "status"},
		{maillage.CandidateInput{Email: "b@exemple.org", Source: "rumeur"}, "source"},
		{maillage.CandidateInput{UserID: "01zzzzzzzzzzzzzzzzzzzzzz01"}, "user_id"},
		{maillage.CandidateInput{OrganizationID: "01zzzzzzzzzzzzzzzzzzzzzz02"}, "organization_id"},
		{maillage.CandidateInput{ActorID: "01zzzzzzzzzzzzzzzzzzzzzz09"}, "actor_id"},
		{maillage.CandidateInput{Email: "b@exemple.org", Note: strings.Repeat("n", maillage.MaxCandidateNoteLen+1)}, "note"},
		{maillage.CandidateInput{Email: "b@exemple.org", Labels: strings.Split("a b c d e f g h i j k l m", " ")}, "labels"},
	}
	for _, b := range bad {
		_, err := add(b.in)
		if e := maillage.AsError(err); err == nil || len(e.Fields) == 0 || e.Fields[0].Field != b.field {
			t.Errorf("%+v: %v, want an error on %s", b.in, err, b.field)
		}
	}
	// Twice the same person: a conflict that adds nobody.
	if _, err := add(maillage.CandidateInput{Email: "amelie@exemple.org"}); maillage.AsError(err).MessageID != "recruitment.already_listed" {
		t.Errorf("twice: %v", err)
	}
	status, detail, labels := "no_answer", "annuaire CQCM", []string{"Bailleur", "Montréal"}
	got, err := w.s.UpdateCandidate(ctx, w.vManager, w.c.ID, o.ID, maillage.CandidateUpdate{Status: &status, SourceDetail: &detail,
		Labels: &labels, Note: "Courriel laissé sans réponse"})
	if err != nil || got.Status != maillage.CandidateNoAnswer || got.SourceDetail != detail || len(got.Labels) != 2 ||
		len(got.Notes) != 1 || got.Notes[0].AuthorName != "Aline Animatrice" {
		t.Fatalf("update: %+v %v", got, err)
	}
	wrong := "oublié"
	if _, err := w.s.UpdateCandidate(ctx, w.vManager, w.c.ID, o.ID, maillage.CandidateUpdate{Status: &wrong}); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Errorf("bad status: %v", err)
	}
	list, counts, err := w.s.Shortlist(ctx, w.vManager, w.c.ID, "no_answer")
	if err != nil || len(list) != 1 || counts[maillage.CandidateIdentified] != 2 || counts[maillage.CandidateNoAnswer] != 1 {
		t.Errorf("filter: %+v %v %v", list, counts, err)
	}
	if _, _, err := w.s.Shortlist(ctx, w.vManager, w.c.ID, "n'importe"); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Errorf("unknown status filter: %v", err)
	}
	if err := w.s.DeleteCandidate(ctx, w.vManager, w.c.ID, e.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.Candidate(ctx, w.vManager, w.c.ID, e.ID); !maillage.IsNotFound(err) {
		t.Errorf("deleted candidate: %v", err)
	}
}

// TestEmailInvitations invites a selection in one step: a member of
// Maillage, an address and a shortlisted candidate. Each gets one email
// with the message, the mandate as a PDF and a link; the member also gets
// the in-app invitation. A second click sends nothing; bad input sends
// nothing and says why.
func TestEmailInvitations(t *testing.T) {
	w := newRecruitWorld(t)
	ctx := w.ctx
	cand, err := w.s.AddCandidate(ctx, w.vManager, w.c.ID, maillage.CandidateInput{Email: "basile@exemple.org", Name: "Basile"})
	if err != nil {
		t.Fatal(err)
	}
	in := maillage.InviteInput{UserIDs: []string{w.outsider.ID, w.member.ID}, Emails: []string{"Amelie@exemple.org", "amelie@exemple.org "},
		CandidateIDs: []string{cand.ID}, Message: "Nous aimerions vous compter parmi nous.", Attachment: "description"}
	res, err := w.s.InviteToCommunity(ctx, w.vManager, w.c.ID, in, "fr-CA")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Sent) != 3 || len(res.Skipped) != 1 || res.Skipped[0].MessageID != "recruitment.skip_member" {
		t.Fatalf("sent %+v skipped %+v: want three invitations and the member skipped", res.Sent, res.Skipped)
	}
	for _, inv := range res.Sent {
		if inv.UserID != "" && inv.Email != "" {
			t.Errorf("a member's own address is shown to the managers: %+v", inv)
		}
	}
	w.drain()
	for _, addr := range []string{"olivia@exemple.org", "amelie@exemple.org", "basile@exemple.org"} {
		got := w.box.to(addr)
		if len(got) != 1 {
			t.Fatalf("%d emails to %s, want 1", len(got), addr)
		}
		m := got[0]
		if !strings.Contains(m.Subject, "CdP Transformation numérique") || !strings.Contains(m.Text, "Nous aimerions vous compter parmi nous.") ||
			!strings.Contains(m.Text, "Aline Animatrice") || linkIn(t, m) == "" {
			t.Errorf("email to %s: %q\n%s", addr, m.Subject, m.Text)
		}
		if len(m.Attachments) != 1 || m.Attachments[0].ContentType != "application/pdf" ||
			!strings.HasPrefix(string(m.Attachments[0].Data), "%PDF-") {
			t.Errorf("email to %s: the mandate is not attached as a PDF: %+v", addr, m.Attachments)
		}
	}
	if len(w.box.to("marc@exemple.org")) != 0 {
		t.Error("the member was emailed")
	}
	// The member of Maillage also finds the invitation in the application.
	mine, err := w.s.MyInvitations(ctx, w.vOutsider)
	if err != nil || len(mine) != 1 || mine[0].ItemID != w.c.ID {
		t.Errorf("in-app invitation: %+v %v", mine, err)
	}
	// Everyone invited is on the shortlist as invited.
	list, _, err := w.s.Shortlist(ctx, w.vManager, w.c.ID, "invited")
	if err != nil || len(list) != 3 {
		t.Fatalf("shortlist after inviting: %+v %v", list, err)
	}

	// A double click: nothing new, no second email.
	again, err := w.s.InviteToCommunity(ctx, w.vManager, w.c.ID, in, "fr-CA")
	if err != nil || len(again.Sent) != 0 || len(again.Skipped) != 4 {
		t.Fatalf("second click: %+v %v", again, err)
	}
	w.drain()
	if n := len(w.box.all()); n != 3 {
		t.Errorf("%d emails after a double click, want 3", n)
	}

	// Bad input sends nothing and names the problem.
	before := len(w.box.all())
	_, err = w.s.InviteToCommunity(ctx, w.vManager, w.c.ID, maillage.InviteInput{Emails: []string{"ok@exemple.org", "pas-une-adresse", "x@y"}}, "fr-CA")
	if e := maillage.AsError(err); e.MessageID != "recruitment.invalid_emails" || !strings.Contains(e.Data["Emails"].(string), "pas-une-adresse") {
		t.Errorf("invalid addresses: %v", err)
	}
	var many []string
	for i := 0; i <= maillage.MaxInvitationsAtOnce; i++ {
		many = append(many, "personne"+string(rune('a'+i%26))+strings.Repeat("x", i/26)+"@exemple.org")
	}
	if _, err := w.s.InviteToCommunity(ctx, w.vManager, w.c.ID, maillage.InviteInput{Emails: many}, "fr-CA"); maillage.AsError(err).MessageID != "recruitment.too_many" {
		t.Errorf("too many at once: %v", err)
	}
	if _, err := w.s.InviteToCommunity(ctx, w.vManager, w.c.ID, maillage.InviteInput{}, "fr-CA"); maillage.AsError(err).MessageID != "recruitment.nobody_to_invite" {
		t.Errorf("nobody: %v", err)
	}
	if _, err := w.s.InviteToCommunity(ctx, w.vManager, w.c.ID, maillage.InviteInput{Emails: []string{"z@exemple.org"}, Attachment: "note"}, "fr-CA"); maillage.AsError(err).MessageID != "recruitment.choose_note" {
		t.Errorf("note attachment without a note: %v", err)
	}
	if _, err := w.s.InviteToCommunity(ctx, w.vManager, w.c.ID, maillage.InviteInput{UserIDs: []string{"01zzzzzzzzzzzzzzzzzzzzzz01"}}, "fr-CA"); !maillage.IsNotFound(err) {
		t.Errorf("unknown person: %v", err)
	}
	w.drain()
	if len(w.box.all()) != before {
		t.Error("bad input sent emails")
	}
}

// TestAnswerEmailInvitation answers invitations through their links: a
// member accepts signed in, an address declines signed out, a newcomer
// signs up from the link and joins on confirming their address. Used and
// expired links say so; the shortlist follows every answer; reminders
// leave at most once a day.
func TestAnswerEmailInvitation(t *testing.T) {
	w := newRecruitWorld(t)
	ctx := w.ctx
	now := time.Now().UTC().Truncate(time.Microsecond)
	w.db.Now = func() time.Time { return now }
	_, err := w.s.InviteToCommunity(ctx, w.vManager, w.c.ID, maillage.InviteInput{UserIDs: []string{w.outsider.ID},
		Emails: []string{"amelie@exemple.org", "nouveau@exemple.org"}, Message: "Bienvenue"}, "fr-CA")
	if err != nil {
		t.Fatal(err)
	}
	w.drain()
	olivia := linkIn(t, w.box.to("olivia@exemple.org")[0])
	amelie := linkIn(t, w.box.to("amelie@exemple.org")[0])
	newcomer := linkIn(t, w.box.to("nouveau@exemple.org")[0])

	// What the link shows to whoever holds it.
	page, err := w.s.JoinInvitationByLink(ctx, maillage.Anonymous(), amelie)
	if err != nil || page.CommunityName != "CdP Transformation numérique" || page.Message != "Bienvenue" || page.InvitedByName != "Aline Animatrice" {
		t.Fatalf("page: %+v %v", page, err)
	}
	if _, err := w.s.JoinInvitationByLink(ctx, maillage.Anonymous(), "pas-un-lien"); !maillage.IsNotFound(err) {
		t.Errorf("unknown link: %v", err)
	}
	// Accepting takes an account; declining does not.
	if _, err := w.s.AnswerJoinInvitation(ctx, maillage.Anonymous(), amelie, true); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Errorf("accepting signed out: %v", err)
	}
	if _, err := w.s.AnswerJoinInvitation(ctx, maillage.Anonymous(), amelie, false); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AnswerJoinInvitation(ctx, maillage.Anonymous(), amelie, true); maillage.AsError(err).MessageID != "recruitment.link_answered" {
		t.Errorf("a used link: %v", err)
	}
	// The member accepts signed in, and their in-app invitation goes with it.
	if _, err := w.s.AnswerJoinInvitation(ctx, w.vOutsider, olivia, true); err != nil {
		t.Fatal(err)
	}
	if v := testutil.ViewerOf(t, w.s, w.outsider.ID); !v.IsMember(w.c.ID) {
		t.Error("accepting did not make a member")
	}
	if mine, _ := w.s.MyInvitations(ctx, testutil.ViewerOf(t, w.s, w.outsider.ID)); len(mine) != 0 {
		t.Errorf("the in-app invitation is still pending: %+v", mine)
	}

	// A newcomer signs up from the link: nothing happens until they
	// confirm their address, then they are a member.
	if err := w.s.SignUp(ctx, maillage.SignUpInput{Name: "Noé Nouveau", Email: "nouveau@exemple.org", Password: "un mot de passe solide",
		Invitation: newcomer}, service.Client{IP: "192.0.2.10"}); err != nil {
		t.Fatal(err)
	}
	creds, err := w.db.Credentials(ctx, "nouveau@exemple.org")
	if err != nil {
		t.Fatal(err)
	}
	if v := testutil.ViewerOf(t, w.s, creds.User.ID); v.IsMember(w.c.ID) {
		t.Fatal("a member before confirming the address")
	}
	w.drain()
	var confirm string
	for _, m := range w.box.to("nouveau@exemple.org") {
		if match := regexp.MustCompile(`/email/confirm\?token=([A-Za-z0-9_-]+)`).FindStringSubmatch(m.Text); match != nil {
			confirm = match[1]
		}
	}
	if confirm == "" {
		t.Fatal("no confirmation email")
	}
	done, err := w.s.ConfirmEmail(ctx, confirm, service.Client{})
	if err != nil || done.JoinedCommunityID != w.c.ID {
		t.Fatalf("confirm: %+v %v", done, err)
	}
	if v := testutil.ViewerOf(t, w.s, creds.User.ID); !v.IsMember(w.c.ID) {
		t.Error("not a member after confirming")
	}
	statuses := map[string]maillage.CandidateStatus{}
	list, _, err := w.s.Shortlist(ctx, w.vManager, w.c.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		statuses[c.Name] = c.Status
	}
	want := map[string]maillage.CandidateStatus{"Olivia Ailleurs": maillage.CandidateAccepted, "amelie@exemple.org": maillage.CandidateDeclined,
		"nouveau@exemple.org": maillage.CandidateAccepted}
	for name, st := range want {
		if statuses[name] != st {
			t.Errorf("%s is %q on the shortlist, want %q (%v)", name, statuses[name], st, statuses)
		}
	}

	// Reminders: nothing to those who answered, nothing within a day.
	if _, err := w.s.InviteToCommunity(ctx, w.vManager, w.c.ID, maillage.InviteInput{Emails: []string{"lent@exemple.org"}}, "en"); err != nil {
		t.Fatal(err)
	}
	w.drain()
	first := linkIn(t, w.box.to("lent@exemple.org")[0])
	if r, err := w.s.RemindInvitations(ctx, w.vManager, w.c.ID, nil); err != nil || r.Reminded != 0 || r.TooSoon != 1 {
		t.Errorf("reminder the same day: %+v %v", r, err)
	}
	now = now.Add(25 * time.Hour)
	if r, err := w.s.RemindInvitations(ctx, w.vManager, w.c.ID, nil); err != nil || r.Reminded != 1 {
		t.Errorf("reminder a day later: %+v %v", r, err)
	}
	if r, err := w.s.RemindInvitations(ctx, w.vManager, w.c.ID, nil); err != nil || r.Reminded != 0 || r.TooSoon != 1 {
		t.Errorf("second click: %+v %v", r, err)
	}
	w.drain()
	got := w.box.to("lent@exemple.org")
	if len(got) != 2 || !strings.Contains(got[1].Subject, "Reminder") {
		t.Fatalf("reminders to lent@: %d (%v)", len(got), got)
	}
	second := linkIn(t, got[1])
	if second == first {
		t.Error("a reminder carries the same link")
	}
	// Either link answers until the invitation expires.
	now = now.Add(maillage.InvitationValidity + time.Hour)
	page, err = w.s.JoinInvitationByLink(ctx, maillage.Anonymous(), first)
	if err != nil || !page.Expired {
		t.Errorf("expired page: %+v %v", page, err)
	}
	if _, err := w.s.AnswerJoinInvitation(ctx, maillage.Anonymous(), second, false); maillage.AsError(err).MessageID != "recruitment.link_expired" {
		t.Errorf("an expired link: %v", err)
	}
	// Inviting again renews the expired invitation with a new link.
	res, err := w.s.InviteToCommunity(ctx, w.vManager, w.c.ID, maillage.InviteInput{Emails: []string{"lent@exemple.org"}}, "en")
	if err != nil || len(res.Sent) != 1 {
		t.Fatalf("renew: %+v %v", res, err)
	}
	w.drain()
	third := linkIn(t, w.box.to("lent@exemple.org")[2])
	if _, err := w.s.AnswerJoinInvitation(ctx, maillage.Anonymous(), third, false); err != nil {
		t.Errorf("renewed link: %v", err)
	}
}
