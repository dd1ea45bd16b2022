package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// TestBrowserPrivateCommunityMentionAndShare follows a facilitator through
// the real program: create a private community, invite a colleague, post
// a thread, reply mentioning her, share a note into the discussion. The
// colleague then finds the mention in her notifications and in her mail.
func TestBrowserPrivateCommunityMentionAndShare(t *testing.T) {
	ctx0 := context.Background()
	m := boot(t)
	s := m.Service
	alice, _ := testutil.User(t, s, "Alice Côté", "alice@exemple.org")
	bea, bv := testutil.User(t, s, "Béatrice Nguyen", "bea@exemple.org")
	ctx := browser.New(t)
	signIn := func(email string) {
		browser.Do(t, ctx,
			chromedp.Navigate(m.URL()+"/signin?lang=fr-CA"),
			chromedp.WaitVisible(chromedp.CSS("#f-email")),
			chromedp.SendKeys(chromedp.CSS("#f-email"), email),
			chromedp.SendKeys(chromedp.CSS("#f-password"), testutil.Password),
			chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`.account-menu > summary`)),
		)
	}
	path := func() string {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		return strings.SplitN(strings.TrimPrefix(loc, m.URL()), "?", 2)[0]
	}
	signIn(alice.Email)

	// A private community.
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+"/communities/new"),
		chromedp.WaitVisible(chromedp.CSS("#f-name")),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "CdP Numérique Estrie"),
		chromedp.Click(chromedp.CSS(`input[name=visibility][value=private]`)),
		chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	communityPath := path()
	communityID := strings.TrimPrefix(communityPath, "/communities/")

	// Invite Béatrice; she accepts from the community page.
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+communityPath+"/invite?q=Béatrice"),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/invitations"] button`)),
		chromedp.Click(chromedp.CSS(`form[action$="/invitations"] button`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	if err := s.AnswerInvitation(ctx0, bv, communityID, true); err != nil {
		t.Fatalf("Béatrice accepts: %v", err)
	}

	// A note of the community, to share later.
	av := testutil.ViewerOf(t, s, alice.ID)
	note, err := s.CreateNote(ctx0, av, maillage.NoteInput{Title: "Outils de visioconférence libres", Kind: "general",
		Visibility: "community", CommunityID: communityID, Body: "Jitsi, BigBlueButton…"})
	if err != nil {
		t.Fatal(err)
	}

	// A thread, then a reply mentioning Béatrice through the suggestions.
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+communityPath+"/threads/new"),
		chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Prochaine rencontre"),
		chromedp.SendKeys(chromedp.CSS("#f-body"), "Quelles dates vous conviennent en mars ?"),
		chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/replies"]`)),
	)
	browser.Do(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#f-body"), "Merci "),
		chromedp.SendKeys(chromedp.CSS("#f-body"), "@Béa"),
		chromedp.WaitVisible(chromedp.CSS(".mention-suggestions button[data-insert]")),
		chromedp.Click(chromedp.CSS(".mention-suggestions button[data-insert]")),
		chromedp.SendKeys(chromedp.CSS("#f-body"), " pour la salle."),
		chromedp.Click(chromedp.CSS(`form[action$="/replies"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("a.mention")),
	)
	if got := browser.Text(t, ctx, "a.mention"); got != "@Béatrice Nguyen" {
		t.Errorf("mention renders as %q", got)
	}

	// Share the note into the discussion in one click.
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+communityPath),
		chromedp.WaitVisible(chromedp.CSS("#f-note-id")),
		chromedp.Click(chromedp.CSS(`form[action$="/share-note"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	if err := m.Worker.Drain(ctx0); err != nil {
		t.Fatal(err)
	}
	threads, _, err := s.Threads(ctx0, av, communityID, service.Page{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	shared := false
	for _, th := range threads {
		shared = shared || th.NoteID == note.ID
	}
	if !shared {
		t.Error("no thread shares the note")
	}

	// Béatrice finds the mention in her notifications…
	browser.Do(t, ctx, chromedp.Click(chromedp.CSS(`.account-menu > summary`)), chromedp.Click(chromedp.CSS(`form[action="/signout"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.header-links a[href="/signin"]`)))
	signIn(bea.Email)
	browser.Do(t, ctx, chromedp.Navigate(m.URL()+"/notifications"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	page := browser.Text(t, ctx, "main")
	if !strings.Contains(page, "Prochaine rencontre") {
		t.Errorf("Béatrice's notifications do not name the thread: %q", page)
	}
	if badge := browser.Text(t, ctx, ".header-links .badge"); badge == "" {
		t.Error("no unread count in the menu")
	}
	list, _, err := s.Notifications(ctx0, testutil.ViewerOf(t, s, bea.ID), false, service.Page{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	mentioned := false
	for _, n := range list {
		mentioned = mentioned || n.Kind == maillage.EventMention
	}
	if !mentioned {
		t.Errorf("no mention among Béatrice's notifications: %+v", list)
	}
	// …and in her mail.
	files, _ := filepath.Glob(filepath.Join(m.Config.DataDir, "outbox", "*.eml"))
	found := false
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		found = found || (strings.Contains(text, "bea@exemple.org") && strings.Contains(text, "List-Unsubscribe") &&
			strings.Contains(strings.ReplaceAll(text, "=\r\n", ""), "Prochaine rencontre"))
	}
	if !found {
		t.Errorf("no email to Béatrice about the thread among %d emails", len(files))
	}
}
