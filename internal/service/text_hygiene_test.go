package service_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// TestTextIsCleanedOnTheWayIn: names, titles and subjects that would fake
// a line in an email (line breaks), reverse what follows them (bidi
// overrides) or break PostgreSQL (NUL) are stored as one clean line;
// bodies keep their lines and lose the rest. Web and API both go through
// these services, so this is the one place the rule lives.
func TestTextIsCleanedOnTheWayIn(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	const dirty = "Ana\r\nBcc: victime@exemple.org\x00 \u202egpj.exe\u200f"
	const clean = "Ana Bcc: victime@exemple.org gpj.exe"

	if err := s.SignUp(ctx, maillage.SignUpInput{Email: "ana@exemple.org", Name: dirty, Password: testutil.Password},
		service.Client{IP: "192.0.2.1"}); err != nil {
		t.Fatal(err)
	}
	creds, err := db.Credentials(ctx, "ana@exemple.org")
	if err != nil {
		t.Fatal(err)
	}
	if u := creds.User; u.Name != clean {
		t.Fatalf("sign-up name %q", u.Name)
	}
	_, va := testutil.User(t, s, "Alice", "alice@exemple.org")
	bob, _ := testutil.User(t, s, "Bob", "bob@exemple.org")
	p, err := s.UpdateProfile(ctx, va, va.UserID, maillage.ProfileInput{Name: dirty, Pronouns: "elle\n", Bio: "un\r\ndeux\x00\u202e",
		ProfileVisibility: "public", Contact: "messages", Language: "fr-CA"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != clean || p.Pronouns != "elle" || p.Bio != "un\ndeux" {
		t.Fatalf("profile %q %q %q", p.Name, p.Pronouns, p.Bio)
	}
	c, err := s.CreateCommunity(ctx, va, maillage.CommunityInput{Name: dirty, Description: "a\r\nb\x07", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != clean || c.Description != "a\nb" {
		t.Fatalf("community %q %q", c.Name, c.Description)
	}
	va = testutil.ViewerOf(t, s, va.UserID)
	th, err := s.CreateThread(ctx, va, c.ID, maillage.ThreadInput{Title: dirty, Body: "corps\r\n\u2066x\u2069"})
	if err != nil {
		t.Fatal(err)
	}
	if th.Title != clean || th.Body != "corps\nx" {
		t.Fatalf("thread %q %q", th.Title, th.Body)
	}
	conv, err := s.StartConversation(ctx, va, service.ConversationInput{ParticipantIDs: []string{bob.ID}, Subject: dirty, Body: "Salut\x00"})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Conversation(ctx, va, conv.ID); err != nil || got.Subject != clean {
		t.Fatalf("conversation subject %q (%v)", got.Subject, err)
	}
	o, err := s.CreateOrganization(ctx, va, maillage.OrganizationInput{Name: dirty, Tags: []string{"éco\nsociale\u202e"}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if o.Name != clean || len(o.Tags) != 1 || o.Tags[0].Label != "éco sociale" {
		t.Fatalf("organisation %q %+v", o.Name, o.Tags)
	}
	// Text that is nothing but junk is empty, so required fields say so.
	if _, err := s.CreateNote(ctx, va, maillage.NoteInput{Title: "\x00\u202e\r\n", Visibility: "public"}); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Fatalf("junk title: %v", err)
	}
}
