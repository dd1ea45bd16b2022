package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/service"
)

// untranslatedMessaging matches message IDs of the messaging area shown
// as-is (the localizer returns the ID of a missing message).
var untranslatedMessaging = regexp.MustCompile(`\b(web|conversation|block|field|error)\.[a-z_]+\.?[a-z_.]*\b`)

// conversationID extracts /messages/{id} from a final URL.
func conversationID(t *testing.T, r response) string {
	t.Helper()
	id, ok := strings.CutPrefix(r.URL.Path, "/messages/")
	if !ok || id == "" || strings.Contains(id, "/") || id == "new" {
		t.Fatalf("not a conversation page: %s\n%s", r.URL, excerptBody(r.Body))
	}
	return id
}

func TestGroupConversationFromThePeoplePage(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	for _, lang := range []string{"fr-CA", "en"} {
		alice := e.client()
		alice.get("/?lang=" + lang)
		alice.signIn("alice@example.org", testPassword)

		// The directory offers a checkbox per person (not oneself) and one button.
		people := alice.get("/people")
		mustContain(t, people, `form="write-selected"`, `value="`+w.Bob.ID+`"`, `value="`+w.Carol.ID+`"`, `action="/messages/new"`)
		mustNotContain(t, people, `name="user_id" value="`+w.Alice.ID+`"`)

		// Ticking Bob and Carol opens the new-message form for both.
		form := alice.post("/messages/new", url.Values{"user_id": {w.Bob.ID, w.Carol.ID}})
		wantStatus(t, form, http.StatusOK)
		if form.URL.Path != "/messages/new" || len(form.URL.Query()["to"]) != 2 {
			t.Fatalf("%s: selection not carried: %s", lang, form.URL)
		}
		mustContain(t, form, "Bob Lavoie", "Carol Roy", `name="to" value="`+w.Bob.ID+`"`, `name="message_body"`)
		checkTranslated(t, lang, form)

		// Sending creates one conversation with the three of them.
		body := "Bonjour à vous deux, **réunion** jeudi ? " + lang
		sent := alice.post("/messages", url.Values{"to": {w.Bob.ID, w.Carol.ID}, "message_subject": {"Réunion " + lang}, "message_body": {body}})
		wantStatus(t, sent, http.StatusOK)
		id := conversationID(t, sent)
		mustContain(t, sent, "Réunion "+lang, "<strong>réunion</strong>", "Bob Lavoie", "Carol Roy")
		checkTranslated(t, lang, sent)

		list := alice.get("/messages")
		wantStatus(t, list, http.StatusOK)
		mustContain(t, list, `href="/messages/`+id+`"`, "Réunion "+lang)
		checkTranslated(t, lang, list)

		// Bob sees it as unread, then reads it.
		bob := e.client()
		bob.get("/?lang=" + lang)
		bob.signIn("bob@example.org", testPassword)
		unread := bob.get("/messages?unread=1")
		mustContain(t, unread, `href="/messages/`+id+`"`, `class="conversation-item unread"`)
		page := bob.get("/messages/" + id)
		wantStatus(t, page, http.StatusOK)
		mustContain(t, page, "<strong>réunion</strong>", `hx-post="/messages/`+id+`/reply"`)
		checkTranslated(t, lang, page)
		mustNotContain(t, bob.get("/messages?unread=1"), `href="/messages/`+id+`"`)

		for _, p := range []string{"/messages/" + id + "/participants", "/messages/" + id + "/participants?q=a",
			"/settings/blocks", "/people/" + w.Alice.ID + "/block", "/messages/new"} {
			r := bob.get(p)
			wantStatus(t, r, http.StatusOK)
			checkTranslated(t, lang, r)
		}
	}
}

// checkTranslated fails on a page in the wrong language or with a
// message ID shown untranslated.
func checkTranslated(t *testing.T, lang string, r response) {
	t.Helper()
	if !strings.Contains(r.Body, `<html lang="`+lang+`">`) {
		t.Errorf("%s %s: wrong <html lang>", lang, r.URL.Path)
	}
	if m := untranslatedMessaging.FindAllString(stripURLs(r.Body), -1); len(m) > 0 {
		t.Errorf("%s %s: untranslated %q", lang, r.URL.Path, m)
	}
}

func TestReplyWithAndWithoutJavaScript(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	ctx := context.Background()
	c, err := e.Svc.StartConversation(ctx, e.viewer(w.Alice.ID), service.ConversationInput{ParticipantIDs: []string{w.Bob.ID}, Body: "Salut Bob"})
	if err != nil {
		t.Fatal(err)
	}
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)

	// Without JavaScript: post, follow the redirect, see the message.
	r := bob.post("/messages/"+c.ID+"/reply", url.Values{"message_body": {"Salut Alice, sans JavaScript"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Salut Alice, sans JavaScript", "Salut Bob")

	// The same reply sent twice (a double click) is one message.
	bob.post("/messages/"+c.ID+"/reply", url.Values{"message_body": {"Salut Alice, sans JavaScript"}})
	if _, total, _ := e.Svc.ConversationMessages(ctx, e.viewer(w.Bob.ID), c.ID, service.Page{}); total != 2 {
		t.Fatalf("messages after a double submission: %d", total)
	}

	// With htmx: the redirect is followed and the page holds the fragment htmx selects.
	req, _ := http.NewRequest(http.MethodPost, bob.base+"/messages/"+c.ID+"/reply",
		strings.NewReader(url.Values{"message_body": {"Avec htmx"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	r = bob.do(req)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `id="conversation"`, "Avec htmx")

	// Refused: empty, or too long; the text typed stays.
	r = bob.post("/messages/"+c.ID+"/reply", url.Values{"message_body": {"   "}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, `id="form-errors"`, `href="#f-message-body"`, `aria-invalid="true"`)
	long := strings.Repeat("mot ", service.MaxMessageLen/4) + "de trop"
	r = bob.post("/messages/"+c.ID+"/reply", url.Values{"message_body": {long}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "de trop</textarea>", "20")

	// Mute and leave.
	r = bob.post("/messages/"+c.ID+"/mute", url.Values{"muted": {"1"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `name="muted" value="0"`, "muted-badge")
	r = bob.post("/messages/"+c.ID+"/leave", nil)
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/messages" {
		t.Fatalf("after leaving: %s", r.URL)
	}
	wantStatus(t, bob.get("/messages/"+c.ID), http.StatusNotFound)
}

func TestConversationPagesAreForParticipantsOnly(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	ctx := context.Background()
	c, err := e.Svc.StartConversation(ctx, e.viewer(w.Alice.ID), service.ConversationInput{ParticipantIDs: []string{w.Bob.ID}, Body: "Entre nous"})
	if err != nil {
		t.Fatal(err)
	}
	carol := e.client()
	carol.signIn("carol@example.org", testPassword)
	absent := carol.get("/messages/01abcdefghjkmnpqrstvwxyz00")
	wantStatus(t, absent, http.StatusNotFound)
	for _, r := range []response{
		carol.get("/messages/" + c.ID),
		carol.get("/messages/" + c.ID + "/participants"),
		carol.post("/messages/"+c.ID+"/reply", url.Values{"message_body": {"Je m'invite"}}),
		carol.post("/messages/"+c.ID+"/mute", url.Values{"muted": {"1"}}),
		carol.post("/messages/"+c.ID+"/leave", nil),
		carol.post("/messages/"+c.ID+"/participants", url.Values{"user_id": {w.Carol.ID}}),
	} {
		wantStatus(t, r, http.StatusNotFound)
		mustNotContain(t, r, "Entre nous", "Alice Côté")
	}
	mustNotContain(t, carol.get("/messages"), c.ID)

	// Visitors are asked to sign in.
	visitor := e.client()
	r := visitor.get("/messages/" + c.ID)
	if r.URL.Path != "/signin" {
		t.Fatalf("visitor: %s", r.URL)
	}
	mustNotContain(t, r, "Entre nous")
	mustNotContain(t, visitor.get("/people"), `form="write-selected"`)
	mustNotContain(t, visitor.get("/people/"+w.Bob.ID), "/messages/new", "/block")
}

func TestNewMessageBadInput(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	alice := e.client()
	alice.signIn("alice@example.org", testPassword)

	// Unknown or hidden IDs: a clear error that names no one.
	r := alice.get("/messages/new?to=" + w.Bob.ID + "&to=01abcdefghjkmnpqrstvwxyz00")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "introuvable", "Bob Lavoie")
	mustNotContain(t, r, `value="01abcdefghjkmnpqrstvwxyz00"`)
	// Oneself only.
	r = alice.get("/messages/new?to=" + w.Alice.ID)
	mustContain(t, r, "autre personne que vous-même")
	// Nobody chosen: the page says how to choose.
	r = alice.get("/messages/new")
	mustContain(t, r, `href="/people"`)

	// Empty message: refused, subject kept.
	r = alice.post("/messages", url.Values{"to": {w.Bob.ID}, "message_subject": {"Mon sujet"}, "message_body": {""}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, `value="Mon sujet"`, `href="#f-message-body"`, "Bob Lavoie")
	// Too many people.
	to := url.Values{"message_body": {"x"}}
	for i := 0; i <= service.MaxParticipants; i++ {
		to.Add("to", "id-"+strings.Repeat("x", i))
	}
	r = alice.post("/messages", to)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "au plus 50 personnes", `href="#f-recipients"`)
}

func TestBlockingFromTheProfile(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	profile := bob.get("/people/" + w.Alice.ID)
	mustContain(t, profile, `action="/messages/new"`, `value="`+w.Alice.ID+`"`, `action="/people/`+w.Alice.ID+`/block"`, "Bloquer / Débloquer")
	mustNotContain(t, bob.get("/people/"+w.Bob.ID), `action="/people/`+w.Bob.ID+`/block"`)

	confirm := bob.get("/people/" + w.Alice.ID + "/block")
	mustContain(t, confirm, `action="/people/`+w.Alice.ID+`/block"`, "Bloquer Alice Côté")
	r := bob.post("/people/"+w.Alice.ID+"/block", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Personne bloquée.")
	mustContain(t, bob.get("/people/"+w.Alice.ID+"/block"), `action="/people/`+w.Alice.ID+`/unblock"`)

	// Alice can no longer write to Bob, and is told no more than that.
	alice := e.client()
	alice.signIn("alice@example.org", testPassword)
	r = alice.post("/messages", url.Values{"to": {w.Bob.ID}, "message_body": {"Bob ?"}})
	wantStatus(t, r, http.StatusForbidden)
	mustContain(t, r, "Cette personne ne reçoit pas vos messages.", "Bob ?</textarea>")
	mustNotContain(t, r, "bloqu")
	mustContain(t, alice.get("/messages/new?to="+w.Bob.ID), "Cette personne ne reçoit pas vos messages.")

	// Bob's list of blocked people, and unblocking from it.
	blocks := bob.get("/settings/blocks")
	mustContain(t, blocks, "Alice Côté", `name="next" value="/settings/blocks"`)
	r = bob.post("/people/"+w.Alice.ID+"/unblock", url.Values{"next": {"/settings/blocks"}})
	if r.URL.Path != "/settings/blocks" {
		t.Fatalf("after unblocking: %s", r.URL)
	}
	mustContain(t, r, "Personne débloquée.")
	mustNotContain(t, r, `href="/people/`+w.Alice.ID+`"`)
	r = alice.post("/messages", url.Values{"to": {w.Bob.ID}, "message_body": {"Bob ?"}})
	wantStatus(t, r, http.StatusOK)
	conversationID(t, r)
	// Blocking oneself is refused.
	wantStatus(t, bob.get("/people/"+w.Bob.ID+"/block"), http.StatusBadRequest)
}
