package service_test

import (
	"encoding/json"
	"io"
	"net"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/maillage/maillage/internal/auth"
	mailer "github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

var unsubscribeHeader = regexp.MustCompile(`^<https://maillage\.example/unsubscribe/(mlg_unsub_[a-z0-9]+)>$`)

// TestIntegratedNoteNotifiesMembersByPreference is the promise of the
// knowledge base: integrating a public note into a public community's
// notebook tells its members, each as they chose. The event is the one
// the notebooks service enqueues; the jobs worker runs the handlers.
func TestIntegratedNoteNotifiesMembersByPreference(t *testing.T) {
	w := newNSWorld(t, nil)
	w.user("Autrice", "fr-CA")
	w.user("Amélie", "fr-CA") // each
	w.user("Ben", "en")       // weekly
	w.user("Chloé", "fr-CA")  // none
	w.user("Dan", "en")       // each, everywhere
	w.user("Élise", "fr-CA")  // nothing chosen: Maillage's default, a daily digest
	c := w.community("Économie sociale", maillage.VisibilityPublic, "Autrice", "Amélie", "Ben", "Chloé", "Dan", "Élise")
	w.setMode("Amélie", c.ID, maillage.NotifyEach)
	w.setMode("Ben", "", maillage.NotifyWeekly)
	w.setMode("Dan", "", maillage.NotifyEach)
	w.setMode("Chloé", c.ID, maillage.NotifyNone)
	note, nb := w.noteInNotebook("Guide du réemploi", maillage.VisibilityPublic, "Autrice", c)
	ev := maillage.Event{Kind: maillage.EventNoteIntegrated, ActorID: w.users["Autrice"].ID,
		SubjectType: maillage.SubjectNote, SubjectID: note.ID, ParentType: maillage.SubjectNotebook, ParentID: nb.ID,
		CommunityID: c.ID, AllMembers: true}
	w.emit(ev)
	w.drain()

	for name, want := range map[string]int{"Autrice": 0, "Amélie": 1, "Ben": 1, "Chloé": 0, "Dan": 1, "Élise": 1} {
		got := w.inbox(name)
		if len(got) != want {
			t.Errorf("%s has %d notifications, want %d", name, len(got), want)
			continue
		}
		if want == 1 && (got[0].Kind != maillage.EventNoteIntegrated || got[0].SubjectTitle != note.Title || got[0].Read()) {
			t.Errorf("%s: %+v", name, got[0])
		}
	}
	// Emails now for Amélie and Dan, in their languages; Ben and Élise
	// wait for their digests; Chloé gets nothing.
	emails := w.emails()
	byTo := map[string]email{}
	for _, e := range emails {
		byTo[e.To] = e
	}
	if len(emails) != 2 || len(byTo) != 2 {
		t.Fatalf("%d emails, to %v", len(emails), keys(byTo))
	}
	fr, en := byTo["amelie@exemple.org"], byTo["dan@exemple.org"]
	if fr.Subject != "Autrice a intégré la note publique « Guide du réemploi » au carnet « Carnet de Économie sociale »" {
		t.Errorf("French subject %q", fr.Subject)
	}
	if en.Subject != "Autrice integrated the public note “Guide du réemploi” into the notebook “Carnet de Économie sociale”" {
		t.Errorf("English subject %q", en.Subject)
	}
	amelie := w.inbox("Amélie")[0]
	for _, e := range []email{fr, en} {
		if e.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" || !unsubscribeHeader.MatchString(e.Header.Get("List-Unsubscribe")) {
			t.Errorf("unsubscribe headers: %q / %q", e.Header.Get("List-Unsubscribe"), e.Header.Get("List-Unsubscribe-Post"))
		}
		if e.Header.Get("Auto-Submitted") != "auto-generated" {
			t.Errorf("Auto-Submitted %q", e.Header.Get("Auto-Submitted"))
		}
	}
	if link := testBaseURL + "/notifications/" + amelie.ID; !strings.Contains(fr.Text, link) || !strings.Contains(fr.HTML, `href="`+link+`"`) {
		t.Errorf("the email does not link to the notification %s:\n%s", link, fr.Text)
	}
	if !strings.Contains(fr.Text, "Bonjour Amélie,") || !strings.Contains(en.Text, "Hello Dan,") {
		t.Error("greetings not in the recipients' languages")
	}
	// The job ran once more (a retry after a crash): nothing twice.
	w.emit(ev)
	w.drain()
	if n := len(w.inbox("Amélie")); n != 1 {
		t.Errorf("after a retry Amélie has %d notifications", n)
	}
	if again := w.emails(); len(again) != 0 {
		t.Errorf("a retry sent %d more emails", len(again))
	}
	if st := w.jobs(maillage.JobNotify); st.Failed != 0 || st.Pending != 0 {
		t.Errorf("fan-out jobs: %+v", st)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// thread starts a thread in a community.
func (w *nsWorld) thread(c *maillage.Community, author, title string) *maillage.Thread {
	w.t.Helper()
	th := &maillage.Thread{ID: auth.NewID(), CommunityID: c.ID, AuthorID: w.users[author].ID, Title: title, Body: "…"}
	w.update(func(tx *store.Tx) error { return tx.CreateThread(w.ctx, th) })
	return th
}

// TestMentionEmailOverSMTP follows a mention from the event to a real SMTP
// exchange, then uses the email's one-click unsubscribe link: the next
// mention still arrives in Maillage, without email.
func TestMentionEmailOverSMTP(t *testing.T) {
	sink := testutil.StartSMTPSink(t)
	m, err := mailer.NewFromURL("smtp://"+sink.Addr, "Maillage <bonjour@maillage.example>")
	if err != nil {
		t.Fatal(err)
	}
	w := newNSWorld(t, m)
	w.user("Rosalie", "fr-CA")
	w.user("Kim", "en")
	c := w.community("Transition", maillage.VisibilityPrivate, "Rosalie", "Kim")
	th := w.thread(c, "Rosalie", "Budget 2027")
	mention := maillage.Event{Kind: maillage.EventMention, ActorID: w.users["Rosalie"].ID, SubjectType: maillage.SubjectThread,
		SubjectID: th.ID, CommunityID: c.ID, RecipientIDs: []string{w.users["Kim"].ID}}
	w.emit(mention)
	w.drain()
	got := sink.WaitFor(t, "kim@exemple.org", 10*time.Second)
	e := parseEmail(t, got.Data)
	if e.Subject != "Rosalie mentioned you in “Budget 2027”" {
		t.Errorf("subject %q", e.Subject)
	}
	token := unsubscribeHeader.FindStringSubmatch(e.Header.Get("List-Unsubscribe"))
	if token == nil || e.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Fatalf("unsubscribe headers %q", e.Header.Get("List-Unsubscribe"))
	}
	if !strings.Contains(e.Text, testBaseURL+"/unsubscribe/"+token[1]) || !strings.Contains(e.Text, testBaseURL+"/settings/notifications") {
		t.Errorf("the text part lacks the unsubscribe or settings link:\n%s", e.Text)
	}
	scope, err := w.s.Unsubscribe(w.ctx, token[1])
	if err != nil || scope.CommunityID != c.ID || scope.CommunityName != c.Name || scope.Mode != maillage.NotifyNone || scope.Language != "en" {
		t.Fatalf("unsubscribe: %+v %v", scope, err)
	}
	// A second mention: in Maillage, not by email.
	th2 := w.thread(c, "Rosalie", "Calendrier")
	mention.SubjectID = th2.ID
	w.emit(mention)
	w.drain()
	if n := len(w.inbox("Kim")); n != 2 {
		t.Errorf("Kim has %d notifications, want 2", n)
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(sink.Emails()); n != 1 {
		t.Errorf("%d emails after unsubscribing, want 1", n)
	}
}

// refusingSMTP is an SMTP server refusing some recipients, for good (550)
// or for now (451), and keeping the rest.
type refusingSMTP struct {
	mu        sync.Mutex
	permanent map[string]bool
	temporary map[string]bool
	got       []string
}

func (r *refusingSMTP) NewSession(*smtp.Conn) (smtp.Session, error) {
	return &refusingSession{srv: r}, nil
}

type refusingSession struct {
	srv *refusingSMTP
	to  string
}

func (s *refusingSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *refusingSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.srv.mu.Lock()
	defer s.srv.mu.Unlock()
	switch {
	case s.srv.permanent[to]:
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such mailbox"}
	case s.srv.temporary[to]:
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Try again later"}
	}
	s.to = to
	return nil
}
func (s *refusingSession) Data(r io.Reader) error {
	io.Copy(io.Discard, r)
	s.srv.mu.Lock()
	s.srv.got = append(s.srv.got, s.to)
	s.srv.mu.Unlock()
	return nil
}
func (s *refusingSession) Reset()        {}
func (s *refusingSession) Logout() error { return nil }

// TestBouncesAreRecordedNotRetried: a permanent refusal is recorded on the
// notification and not retried; the others are delivered; a temporary
// refusal leaves the job to be retried later.
func TestBouncesAreRecordedNotRetried(t *testing.T) {
	backend := &refusingSMTP{permanent: map[string]bool{"parti@exemple.org": true}, temporary: map[string]bool{"plein@exemple.org": true}}
	srv := smtp.NewServer(backend)
	srv.Domain = "localhost"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	m, err := mailer.NewFromURL("smtp://"+ln.Addr().String(), "Maillage <bonjour@maillage.example>")
	if err != nil {
		t.Fatal(err)
	}
	w := newNSWorld(t, m)
	w.user("Animatrice", "fr-CA")
	w.user("Parti", "fr-CA")
	w.user("Présent", "fr-CA")
	w.user("Plein", "fr-CA")
	c := w.community("Coopératives", maillage.VisibilityPublic, "Animatrice", "Parti", "Présent")
	for _, n := range []string{"Parti", "Présent", "Plein"} {
		w.setMode(n, "", maillage.NotifyEach) // emails at once, to meet the refusals
	}
	th := w.thread(c, "Animatrice", "Assemblée générale")
	w.emit(maillage.Event{Kind: maillage.EventThreadCreated, ActorID: w.users["Animatrice"].ID, SubjectType: maillage.SubjectThread,
		SubjectID: th.ID, CommunityID: c.ID, AllMembers: true})
	w.drain()
	if len(backend.got) != 1 || backend.got[0] != "present@exemple.org" {
		t.Errorf("delivered to %v", backend.got)
	}
	if st := w.jobs("notify.email"); st.Done != 1 || st.Pending != 0 || st.Failed != 0 {
		t.Errorf("email jobs after a permanent refusal: %+v", st)
	}
	refused := w.inbox("Parti")[0]
	owed, failure, at, err := w.db.EmailState(w.ctx, refused.ID)
	if err != nil || owed != "" || at != nil || !strings.Contains(failure, "550") {
		t.Errorf("refused email: owed %q, failure %q, sent %v (%v)", owed, failure, at, err)
	}
	// A full mailbox (451): the job fails for now and waits for a retry,
	// the email still owed.
	w.update(func(tx *store.Tx) error {
		return tx.UpsertMember(w.ctx, c.ID, w.users["Plein"].ID, maillage.RoleMember)
	})
	th2 := w.thread(c, "Animatrice", "Procès-verbal")
	w.emit(maillage.Event{Kind: maillage.EventThreadCreated, ActorID: w.users["Animatrice"].ID, SubjectType: maillage.SubjectThread,
		SubjectID: th2.ID, CommunityID: c.ID, AllMembers: true})
	w.drain()
	if st := w.jobs("notify.email"); st.Pending != 1 {
		t.Errorf("email jobs after a temporary refusal: %+v", st)
	}
	var plein string
	for _, n := range w.inbox("Plein") {
		plein = n.ID
	}
	if owed, _, _, _ := w.db.EmailState(w.ctx, plein); owed != "each" {
		t.Errorf("the temporarily refused email is no longer owed: %q", owed)
	}
}

// TestEmailRenderedAsSeenWhenSent: an email is written when it leaves,
// as its recipient may see the subject then; a note made private between
// the fan-out and the email is not emailed about.
func TestEmailRenderedAsSeenWhenSent(t *testing.T) {
	w := newNSWorld(t, nil)
	w.user("Autrice", "fr-CA")
	w.user("Lectrice", "fr-CA")
	c := w.community("Ressources", maillage.VisibilityPublic, "Autrice", "Lectrice")
	w.setMode("Lectrice", "", maillage.NotifyEach)
	note, nb := w.noteInNotebook("Brouillon public", maillage.VisibilityPublic, "Autrice", c)
	payload, _ := json.Marshal(maillage.Event{Kind: maillage.EventNotePublished, ActorID: w.users["Autrice"].ID,
		SubjectType: maillage.SubjectNote, SubjectID: note.ID, ParentType: maillage.SubjectNotebook, ParentID: nb.ID, CommunityID: c.ID})
	w.update(func(tx *store.Tx) error {
		_, err := tx.Follow(w.ctx, w.users["Lectrice"].ID, maillage.FollowNotebook, nb.ID)
		return err
	})
	if err := w.notifier.HandleEvent(w.ctx, payload); err != nil {
		t.Fatal(err)
	}
	n := w.inbox("Lectrice")
	if len(n) != 1 {
		t.Fatalf("%d notifications", len(n))
	}
	note.Visibility = maillage.VisibilityPrivate
	w.update(func(tx *store.Tx) error { return tx.UpdateNote(w.ctx, note, 0) })
	w.drain()
	if got := w.emails(); len(got) != 0 {
		t.Errorf("%d emails about a note made private, first: %q", len(got), got[0].Subject)
	}
	if _, failure, _, _ := w.db.EmailState(w.ctx, n[0].ID); failure != "subject no longer visible" {
		t.Errorf("email state %q", failure)
	}
	if len(w.inbox("Lectrice")) != 0 {
		t.Error("the notification is still listed")
	}
}

// TestLongEmailListsContinueInFreshJobs: a job sends a bounded number of
// emails, then a fresh job continues where it stopped; nobody is skipped
// or emailed twice.
func TestLongEmailListsContinueInFreshJobs(t *testing.T) {
	w := newNSWorld(t, nil)
	w.notifier.EmailsPerJob = 2
	w.user("Animatrice", "fr-CA")
	names := []string{"Un", "Deux", "Trois", "Quatre", "Cinq"}
	for _, n := range names {
		w.user(n, "fr-CA")
	}
	c := w.community("Grande", maillage.VisibilityPublic, "Animatrice", names...)
	for _, n := range names {
		w.setMode(n, "", maillage.NotifyEach)
	}
	th := w.thread(c, "Animatrice", "Annonce")
	w.emit(maillage.Event{Kind: maillage.EventThreadCreated, ActorID: w.users["Animatrice"].ID, SubjectType: maillage.SubjectThread,
		SubjectID: th.ID, CommunityID: c.ID, AllMembers: true})
	w.drain()
	got := map[string]int{}
	for _, e := range w.emails() {
		got[e.To]++
	}
	if len(got) != len(names) {
		t.Errorf("emails to %v", got)
	}
	for to, n := range got {
		if n != 1 {
			t.Errorf("%d emails to %s", n, to)
		}
	}
	if st := w.jobs(service.JobNotifyEmail); st.Done != 3 || st.Pending != 0 {
		t.Errorf("email jobs %+v, want 3 done (2 + 2 + 1)", st)
	}
}
