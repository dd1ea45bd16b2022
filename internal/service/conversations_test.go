package service_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// messaging is a small world for conversation tests: five members with a
// clock that moves one second per transaction.
type messaging struct {
	t   *testing.T
	s   *service.Service
	db  *store.DB
	ids map[string]string
	vs  map[string]maillage.Viewer
}

func newMessaging(t *testing.T) *messaging {
	t.Helper()
	s, db := testutil.Service(t)
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time {
		now = now.Add(time.Second)
		return now
	}
	m := &messaging{t: t, s: s, db: db, ids: map[string]string{}, vs: map[string]maillage.Viewer{}}
	for _, name := range []string{"Alice", "Bob", "Carol", "Dave", "Ève"} {
		u, v := testutil.User(t, s, name, strings.ToLower(name)+"@exemple.org")
		m.ids[name], m.vs[name] = u.ID, v
	}
	return m
}

func (m *messaging) start(from string, subject, body string, to ...string) *maillage.Conversation {
	m.t.Helper()
	ids := make([]string, len(to))
	for i, n := range to {
		ids[i] = m.ids[n]
	}
	c, err := m.s.StartConversation(context.Background(), m.vs[from], service.ConversationInput{ParticipantIDs: ids, Subject: subject, Body: body})
	if err != nil {
		m.t.Fatalf("%s starts a conversation: %v", from, err)
	}
	return c
}

// events claims the message events enqueued since the last call.
func (m *messaging) events() []maillage.Event {
	m.t.Helper()
	jobs, err := m.db.ClaimJobs(context.Background(), 1000, time.Hour)
	if err != nil {
		m.t.Fatal(err)
	}
	var out []maillage.Event
	for _, j := range jobs {
		if j.Kind != maillage.JobNotify {
			continue
		}
		var e maillage.Event
		if err := json.Unmarshal(j.Payload, &e); err != nil {
			m.t.Fatal(err)
		}
		if e.Kind == maillage.EventMessage {
			out = append(out, e)
		}
	}
	return out
}

func (m *messaging) names(ids []string) []string {
	var out []string
	for _, id := range ids {
		for n, nid := range m.ids {
			if nid == id {
				out = append(out, n)
			}
		}
	}
	slices.Sort(out)
	return out
}

func messageID(err error) string { return maillage.AsError(err).MessageID }

func fieldMessages(err error) map[string]string {
	out := map[string]string{}
	for _, f := range maillage.AsError(err).Fields {
		out[f.Field] = f.MessageID
	}
	return out
}

func TestConversationIsForItsParticipantsOnly(t *testing.T) {
	ctx := context.Background()
	m := newMessaging(t)
	c := m.start("Alice", "Projet commun", "Bonjour à vous deux", "Bob", "Carol")
	if c.Kind != maillage.ConversationGroup || len(c.Participants) != 3 || c.Subject != "Projet commun" {
		t.Fatalf("new group: %+v", c)
	}
	outsiders := map[string]maillage.Viewer{"dave": m.vs["Dave"], "visitor": maillage.Anonymous(),
		"administrator": {UserID: m.ids["Dave"], Admin: true}}
	for name, v := range outsiders {
		calls := map[string]error{}
		_, calls["Conversation"] = m.s.Conversation(ctx, v, c.ID)
		_, _, calls["ConversationMessages"] = m.s.ConversationMessages(ctx, v, c.ID, service.Page{})
		_, calls["PostMessage"] = m.s.PostMessage(ctx, v, c.ID, "Je m'invite")
		calls["MarkConversationRead"] = m.s.MarkConversationRead(ctx, v, c.ID)
		calls["MuteConversation"] = m.s.MuteConversation(ctx, v, c.ID, true)
		calls["LeaveConversation"] = m.s.LeaveConversation(ctx, v, c.ID)
		_, calls["AddParticipants"] = m.s.AddParticipants(ctx, v, c.ID, []string{m.ids["Ève"]})
		for call, err := range calls {
			if !maillage.IsNotFound(err) {
				t.Errorf("%s: %s on someone else's conversation: %v, want not found", name, call, err)
			}
		}
		// Identical to a conversation that does not exist.
		if _, err := m.s.Conversation(ctx, v, "absent"); !maillage.IsNotFound(err) {
			t.Errorf("%s: absent conversation: %v", name, err)
		}
	}
	if list, total, err := m.s.Conversations(ctx, m.vs["Dave"], service.ConversationFilter{}); err != nil || total != 0 || len(list) != 0 {
		t.Fatalf("dave's list: %d %v", total, err)
	}
	if _, _, err := m.s.Conversations(ctx, maillage.Anonymous(), service.ConversationFilter{}); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("a visitor's list: %v", err)
	}
	if n, _ := m.s.UnreadConversationCount(ctx, m.vs["Bob"]); n != 1 {
		t.Fatalf("bob's unread conversations: %d", n)
	}
	msgs, total, err := m.s.ConversationMessages(ctx, m.vs["Bob"], c.ID, service.Page{Limit: 10})
	if err != nil || total != 1 || !strings.Contains(string(msgs[0].HTML), "Bonjour à vous deux") || msgs[0].AuthorName != "Alice" {
		t.Fatalf("bob reads: %+v %v", msgs, err)
	}
}

func TestLeftParticipantLosesAccessAndHearsNothing(t *testing.T) {
	ctx := context.Background()
	m := newMessaging(t)
	c := m.start("Alice", "", "Premier message", "Bob", "Carol")
	if got := m.names(m.events()[0].RecipientIDs); !slices.Equal(got, []string{"Bob", "Carol"}) {
		t.Fatalf("first message recipients: %v", got)
	}
	if err := m.s.LeaveConversation(ctx, m.vs["Carol"], c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := m.s.Conversation(ctx, m.vs["Carol"], c.ID); !maillage.IsNotFound(err) {
		t.Fatalf("carol still sees the conversation she left: %v", err)
	}
	if _, err := m.s.PostMessage(ctx, m.vs["Carol"], c.ID, "Je reviens"); !maillage.IsNotFound(err) {
		t.Fatalf("carol posts after leaving: %v", err)
	}
	if _, err := m.s.PostMessage(ctx, m.vs["Alice"], c.ID, "Carol est partie"); err != nil {
		t.Fatal(err)
	}
	if got := m.names(m.events()[0].RecipientIDs); !slices.Equal(got, []string{"Bob"}) {
		t.Fatalf("recipients after carol left: %v", got)
	}
	// Bob brings her back: she sees it again.
	if _, err := m.s.AddParticipants(ctx, m.vs["Bob"], c.ID, []string{m.ids["Carol"]}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.s.Conversation(ctx, m.vs["Carol"], c.ID); err != nil {
		t.Fatalf("carol added back: %v", err)
	}
}

func TestDirectConversationIsReused(t *testing.T) {
	ctx := context.Background()
	m := newMessaging(t)
	first := m.start("Alice", "", "Salut Bob", "Bob")
	if first.Kind != maillage.ConversationDirect {
		t.Fatalf("kind: %q", first.Kind)
	}
	again := m.start("Alice", "Un sujet", "Tu as vu mon message ?", "Bob")
	back := m.start("Bob", "", "Oui, désolé", "Alice")
	if again.ID != first.ID || back.ID != first.ID {
		t.Fatalf("1:1 not reused: %s %s %s", first.ID, again.ID, back.ID)
	}
	if again.Subject != "Un sujet" {
		t.Fatalf("a subject given later is kept: %q", again.Subject)
	}
	_, total, _ := m.s.ConversationMessages(ctx, m.vs["Alice"], first.ID, service.Page{})
	if total != 3 {
		t.Fatalf("messages in the reused conversation: %d", total)
	}
	// Bob leaves; Alice writing to him anew brings him back.
	if err := m.s.LeaveConversation(ctx, m.vs["Bob"], first.ID); err != nil {
		t.Fatal(err)
	}
	if c := m.start("Alice", "", "Bob ?", "Bob"); c.ID != first.ID {
		t.Fatal("a new direct conversation after leaving")
	}
	if _, err := m.s.Conversation(ctx, m.vs["Bob"], first.ID); err != nil {
		t.Fatalf("bob is not back: %v", err)
	}
	// Adding Carol makes it a group; Alice and Bob then get a new 1:1.
	grown, err := m.s.AddParticipants(ctx, m.vs["Bob"], first.ID, []string{m.ids["Carol"], m.ids["Alice"]})
	if err != nil || grown.Kind != maillage.ConversationGroup || len(grown.Participants) != 3 {
		t.Fatalf("grown: %+v %v", grown, err)
	}
	if c := m.start("Alice", "", "Juste entre nous", "Bob"); c.ID == first.ID || c.Kind != maillage.ConversationDirect {
		t.Fatalf("1:1 after the group: %+v", c)
	}
}

func TestDuplicateSubmissionsMakeOneMessage(t *testing.T) {
	ctx := context.Background()
	m := newMessaging(t)
	c1 := m.start("Alice", "", "Réunion jeudi ?", "Bob", "Carol")
	c2 := m.start("Alice", "", "Réunion jeudi ?", "Carol", "Bob")
	if c1.ID != c2.ID {
		t.Fatal("the same group started twice")
	}
	m1, err := m.s.PostMessage(ctx, m.vs["Bob"], c1.ID, "Oui")
	if err != nil {
		t.Fatal(err)
	}
	m2, err := m.s.PostMessage(ctx, m.vs["Bob"], c1.ID, "Oui")
	if err != nil || m2.ID != m1.ID {
		t.Fatalf("double submission: %v %v", m2, err)
	}
	if _, total, _ := m.s.ConversationMessages(ctx, m.vs["Bob"], c1.ID, service.Page{}); total != 2 {
		t.Fatalf("messages: %d, want 2", total)
	}
	if n := len(m.events()); n != 2 {
		t.Fatalf("events: %d, want 2 (one per message)", n)
	}
	// The same words a while later are a new message.
	m.db.Now = func() time.Time { return time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC) }
	if m3, err := m.s.PostMessage(ctx, m.vs["Bob"], c1.ID, "Oui"); err != nil || m3.ID == m1.ID {
		t.Fatalf("later message with the same words: %v %v", m3, err)
	}
	// A different group is a new conversation.
	if c3 := m.start("Alice", "", "Réunion jeudi ?", "Bob", "Dave"); c3.ID == c1.ID {
		t.Fatal("other people, same conversation")
	}
}

func TestEventRecipientsLeaveOutMutedAndAuthor(t *testing.T) {
	ctx := context.Background()
	m := newMessaging(t)
	c := m.start("Alice", "Groupe", "Bonjour", "Bob", "Carol", "Dave")
	m.events()
	if err := m.s.MuteConversation(ctx, m.vs["Bob"], c.ID, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.s.Conversation(ctx, m.vs["Bob"], c.ID); !got.Muted {
		t.Fatal("mute not recorded")
	}
	if _, err := m.s.PostMessage(ctx, m.vs["Carol"], c.ID, "Salut"); err != nil {
		t.Fatal(err)
	}
	ev := m.events()
	if len(ev) != 1 {
		t.Fatalf("events: %+v", ev)
	}
	e := ev[0]
	if e.Kind != maillage.EventMessage || e.ActorID != m.ids["Carol"] || e.SubjectType != maillage.SubjectConversation || e.SubjectID != c.ID {
		t.Fatalf("event: %+v", e)
	}
	if got := m.names(e.RecipientIDs); !slices.Equal(got, []string{"Alice", "Dave"}) {
		t.Fatalf("recipients: %v, want Alice and Dave (Bob muted, Carol wrote)", got)
	}
	if err := m.s.MuteConversation(ctx, m.vs["Bob"], c.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := m.s.PostMessage(ctx, m.vs["Carol"], c.ID, "Re-salut"); err != nil {
		t.Fatal(err)
	}
	if got := m.names(m.events()[0].RecipientIDs); !slices.Equal(got, []string{"Alice", "Bob", "Dave"}) {
		t.Fatalf("recipients after unmuting: %v", got)
	}
	// Reading clears the unread count.
	if got, _ := m.s.Conversation(ctx, m.vs["Bob"], c.ID); got.Unread != 3 {
		t.Fatalf("bob's unread: %d", got.Unread)
	}
	if err := m.s.MarkConversationRead(ctx, m.vs["Bob"], c.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.s.Conversation(ctx, m.vs["Bob"], c.ID); got.Unread != 0 {
		t.Fatalf("bob's unread after reading: %d", got.Unread)
	}
}

func TestBlockingStopsMessagesBothWays(t *testing.T) {
	ctx := context.Background()
	m := newMessaging(t)
	group := m.start("Alice", "", "Avant le blocage", "Bob", "Carol")
	m.events()
	if err := m.s.BlockPerson(ctx, m.vs["Carol"], m.ids["Alice"]); err != nil {
		t.Fatal(err)
	}
	if ok, _ := m.s.HasBlocked(ctx, m.vs["Carol"], m.ids["Alice"]); !ok {
		t.Fatal("block not recorded")
	}
	// Alice can neither start a conversation with Carol...
	_, err := m.s.StartConversation(ctx, m.vs["Alice"], service.ConversationInput{ParticipantIDs: []string{m.ids["Carol"]}, Body: "Coucou"})
	if maillage.ErrorCode(err) != maillage.CodeForbidden || messageID(err) != "conversation.blocked" || maillage.AsError(err).Data != nil {
		t.Fatalf("alice writes to carol who blocked her: %v", err)
	}
	_, err = m.s.StartConversation(ctx, m.vs["Alice"], service.ConversationInput{ParticipantIDs: []string{m.ids["Dave"], m.ids["Carol"]}, Body: "Coucou"})
	if messageID(err) != "conversation.blocked_named" || maillage.AsError(err).Data["Name"] != "Carol" {
		t.Fatalf("alice writes to a group with carol: %v", err)
	}
	if _, err := m.s.MessageRecipients(ctx, m.vs["Alice"], []string{m.ids["Carol"]}); messageID(err) != "conversation.blocked" {
		t.Fatalf("new message form to carol: %v", err)
	}
	// ...nor post where Carol takes part; nothing is sent.
	if _, err := m.s.PostMessage(ctx, m.vs["Alice"], group.ID, "Toujours là ?"); messageID(err) != "conversation.blocked" {
		t.Fatalf("alice posts in a conversation with carol: %v", err)
	}
	if _, total, _ := m.s.ConversationMessages(ctx, m.vs["Bob"], group.ID, service.Page{}); total != 1 {
		t.Fatalf("a refused message was saved: %d messages", total)
	}
	if ev := m.events(); len(ev) != 0 {
		t.Fatalf("a refused message notified: %+v", ev)
	}
	// Nor add Carol to another conversation.
	other := m.start("Alice", "", "Autre sujet", "Dave")
	m.events()
	if _, err := m.s.AddParticipants(ctx, m.vs["Alice"], other.ID, []string{m.ids["Carol"]}); messageID(err) != "conversation.blocked" {
		t.Fatalf("alice adds carol: %v", err)
	}
	// Carol may still write in the group; Alice still reads it.
	if _, err := m.s.PostMessage(ctx, m.vs["Carol"], group.ID, "Je reste"); err != nil {
		t.Fatal(err)
	}
	if got := m.names(m.events()[0].RecipientIDs); !slices.Equal(got, []string{"Alice", "Bob"}) {
		t.Fatalf("recipients of carol's message: %v", got)
	}
	// Carol must unblock Alice before writing to her directly.
	_, err = m.s.StartConversation(ctx, m.vs["Carol"], service.ConversationInput{ParticipantIDs: []string{m.ids["Alice"]}, Body: "Finalement"})
	if messageID(err) != "conversation.you_blocked" || maillage.AsError(err).Data["Name"] != "Alice" {
		t.Fatalf("carol writes to alice she blocked: %v", err)
	}
	list, total, err := m.s.BlockedPeople(ctx, m.vs["Carol"], service.Page{})
	if err != nil || total != 1 || list[0].BlockedID != m.ids["Alice"] {
		t.Fatalf("carol's blocks: %+v %v", list, err)
	}
	if err := m.s.UnblockPerson(ctx, m.vs["Carol"], m.ids["Alice"]); err != nil {
		t.Fatal(err)
	}
	if _, err := m.s.PostMessage(ctx, m.vs["Alice"], group.ID, "Merci"); err != nil {
		t.Fatalf("after unblocking: %v", err)
	}
	// Blocking oneself or someone unknown.
	if err := m.s.BlockPerson(ctx, m.vs["Carol"], m.ids["Carol"]); messageID(err) != "block.self" {
		t.Fatalf("block oneself: %v", err)
	}
	if err := m.s.BlockPerson(ctx, m.vs["Carol"], "absent"); !maillage.IsNotFound(err) {
		t.Fatalf("block someone unknown: %v", err)
	}
	if err := m.s.BlockPerson(ctx, maillage.Anonymous(), m.ids["Carol"]); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("a visitor blocks: %v", err)
	}
}

func TestConversationBadInput(t *testing.T) {
	ctx := context.Background()
	m := newMessaging(t)
	bob := []string{m.ids["Bob"]}
	many := make([]string, service.MaxParticipants)
	for i := range many {
		many[i] = "someone-" + strings.Repeat("x", i%3) + string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	cases := []struct {
		name  string
		in    service.ConversationInput
		field string
		msg   string
	}{
		{"empty body", service.ConversationInput{ParticipantIDs: bob, Body: "  \n "}, "body", "field.required"},
		{"huge body", service.ConversationInput{ParticipantIDs: bob, Body: strings.Repeat("é", service.MaxMessageLen+1)}, "body", "field.too_long"},
		{"huge subject", service.ConversationInput{ParticipantIDs: bob, Subject: strings.Repeat("s", 201), Body: "x"}, "subject", "field.too_long"},
		{"nobody", service.ConversationInput{Body: "x"}, "participant_ids", "conversation.no_recipient"},
		{"only oneself", service.ConversationInput{ParticipantIDs: []string{m.ids["Alice"], " "}, Body: "x"}, "participant_ids", "conversation.only_yourself"},
		{"unknown person", service.ConversationInput{ParticipantIDs: []string{m.ids["Bob"], "absent"}, Body: "x"}, "participant_ids", "conversation.unknown_recipient"},
		{"too many", service.ConversationInput{ParticipantIDs: many, Body: "x"}, "participant_ids", "conversation.too_many"},
	}
	for _, tc := range cases {
		_, err := m.s.StartConversation(ctx, m.vs["Alice"], tc.in)
		if maillage.ErrorCode(err) != maillage.CodeInvalid || fieldMessages(err)[tc.field] != tc.msg {
			t.Errorf("%s: %v, want %s on %s", tc.name, err, tc.msg, tc.field)
		}
	}
	if list, _, _ := m.s.Conversations(ctx, m.vs["Alice"], service.ConversationFilter{}); len(list) != 0 {
		t.Fatal("a refused conversation was created")
	}
	// Someone who does not wish to be contacted.
	u, err := m.s.Profile(ctx, m.vs["Dave"], m.ids["Dave"])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.s.UpdateProfile(ctx, m.vs["Dave"], u.ID, maillage.ProfileInput{Name: u.Name, Language: u.Language,
		ProfileVisibility: string(u.ProfileVisibility), Contact: string(maillage.ContactNone)}); err != nil {
		t.Fatal(err)
	}
	_, err = m.s.StartConversation(ctx, m.vs["Alice"], service.ConversationInput{ParticipantIDs: []string{u.ID}, Body: "x"})
	if fieldMessages(err)["participant_ids"] != "conversation.no_contact" {
		t.Fatalf("writing to someone who does not wish to be contacted: %v", err)
	}
	// A reply: empty, huge, unknown conversation.
	c := m.start("Alice", "", "Bonjour", "Bob")
	if _, err := m.s.PostMessage(ctx, m.vs["Bob"], c.ID, ""); fieldMessages(err)["body"] != "field.required" {
		t.Fatalf("empty reply: %v", err)
	}
	if _, err := m.s.PostMessage(ctx, m.vs["Bob"], c.ID, strings.Repeat("a", service.MaxMessageLen+1)); fieldMessages(err)["body"] != "field.too_long" {
		t.Fatalf("huge reply: %v", err)
	}
	if _, err := m.s.PostMessage(ctx, m.vs["Bob"], "absent", "x"); !maillage.IsNotFound(err) {
		t.Fatalf("reply to an unknown conversation: %v", err)
	}
	// Adding: too many, nobody.
	if _, err := m.s.AddParticipants(ctx, m.vs["Bob"], c.ID, many); fieldMessages(err)["participant_ids"] != "conversation.too_many" {
		t.Fatalf("adding too many: %v", err)
	}
	if _, err := m.s.AddParticipants(ctx, m.vs["Bob"], c.ID, nil); fieldMessages(err)["participant_ids"] != "conversation.no_recipient" {
		t.Fatalf("adding nobody: %v", err)
	}
	// The preview of recipients names people without their email.
	people, err := m.s.MessageRecipients(ctx, m.vs["Alice"], []string{m.ids["Bob"], m.ids["Carol"], m.ids["Bob"]})
	if err != nil || len(people) != 2 || people[0].Email != "" {
		t.Fatalf("recipients: %+v %v", people, err)
	}
}

// TestMessagesRenderForEachReader checks that links in a message resolve
// as each participant may see them: a private note is a link for its
// author and plain text for the others.
func TestMessagesRenderForEachReader(t *testing.T) {
	ctx := context.Background()
	m := newMessaging(t)
	note, err := m.s.CreateNote(ctx, m.vs["Alice"], maillage.NoteInput{Title: "Plan secret", Body: "Rien à voir.",
		Kind: "general", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	c := m.start("Alice", "", "Voir [[Plan secret]] avec @[Bob](user:"+m.ids["Bob"]+")", "Bob")
	for who, wantLink := range map[string]bool{"Alice": true, "Bob": false} {
		msgs, _, err := m.s.ConversationMessages(ctx, m.vs[who], c.ID, service.Page{})
		if err != nil {
			t.Fatal(err)
		}
		html := string(msgs[0].HTML)
		if got := strings.Contains(html, `href="/notes/`+note.ID+`"`); got != wantLink {
			t.Errorf("%s sees the link to the private note: %v\n%s", who, got, html)
		}
		if !strings.Contains(html, "Plan secret") || !strings.Contains(html, `href="/people/`+m.ids["Bob"]+`"`) {
			t.Errorf("%s: rendered message %s", who, html)
		}
	}
	// The list's excerpt is plain text, without Markdown syntax.
	list, _, err := m.s.Conversations(ctx, m.vs["Bob"], service.ConversationFilter{})
	if err != nil || len(list) != 1 || strings.Contains(list[0].LastText, "[[") || !strings.Contains(list[0].LastText, "Plan secret") {
		t.Fatalf("excerpt: %+v %v", list, err)
	}
}
