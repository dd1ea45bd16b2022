package app_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/config"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// emailLink finds a link to path in a raw email received over SMTP, its
// quoted-printable soft breaks undone, and returns its path and query.
func emailLink(t *testing.T, raw, path string) string {
	t.Helper()
	text := strings.ReplaceAll(strings.ReplaceAll(raw, "=\r\n", ""), "=3D", "=")
	m := regexp.MustCompile(regexp.QuoteMeta(path) + `[A-Za-z0-9_?=-]+`).FindString(text)
	if m == "" {
		t.Fatalf("no link to %s in:\n%s", path, text)
	}
	return m
}

// waitEmails waits until n emails reached addr, and returns them.
func waitEmails(t *testing.T, sink *testutil.SMTPSink, addr string, n int) []testutil.Email {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var got []testutil.Email
		for _, e := range sink.Emails() {
			for _, to := range e.To {
				if to == addr {
					got = append(got, e)
				}
			}
		}
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d emails to %s, want %d", len(got), addr, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowserRecruitmentInviteAndJoin follows a facilitator through the
// real program and a real SMTP exchange: she shortlists two members and
// a person known only by email, invites the three in one step with the
// mandate attached; a member declines through the emailed link, signed
// out; the newcomer opens hers, signs up from it (the form filled with
// her name and address), confirms her address and lands in the
// community; the shortlist shows the new statuses.
func TestBrowserRecruitmentInviteAndJoin(t *testing.T) {
	ctx0 := context.Background()
	sink := testutil.StartSMTPSink(t)
	m := bootWith(t, func(c *config.Config) {
		c.SMTPURL = "smtp://" + sink.Addr
		c.MailFrom = "Maillage <bonjour@maillage.example>"
	})
	s := m.Service
	aline, av := testutil.User(t, s, "Aline Animatrice", "aline@exemple.org")
	testutil.User(t, s, "Bruno Praticien", "bruno@exemple.org")
	testutil.User(t, s, "Chloé Chercheuse", "chloe@exemple.org")
	c, err := s.CreateCommunity(ctx0, av, maillage.CommunityInput{Name: "CdP Transformation numérique",
		Description: "Mandat : des rencontres virtuelles de deux heures aux deux mois.", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	page := m.URL() + "/communities/" + c.ID + "/recruitment"
	ctx := browser.New(t)
	signIn := func(email, password string) {
		browser.Do(t, ctx,
			chromedp.Navigate(m.URL()+"/signin?lang=fr-CA"),
			chromedp.WaitVisible(chromedp.CSS("#f-email")),
			chromedp.SendKeys(chromedp.CSS("#f-email"), email),
			chromedp.SendKeys(chromedp.CSS("#f-password"), password),
			chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`.account-menu > summary`)),
		)
	}
	signOut := func() {
		browser.Do(t, ctx, chromedp.Click(chromedp.CSS(`.account-menu > summary`)), chromedp.Click(chromedp.CSS(`form[action="/signout"] button`)),
			chromedp.WaitVisible(chromedp.CSS(`.header-links a[href="/signin"]`)))
	}
	signIn(aline.Email, testutil.Password)

	// Shortlist two members found by search, from the community's page.
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+"/communities/"+c.ID),
		chromedp.Click(chromedp.CSS(`.manage-menu > summary`)),
		chromedp.Click(chromedp.CSS(`a[href="/communities/`+c.ID+`/recruitment"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-find")),
	)
	for _, name := range []string{"Bruno", "Chloé"} {
		browser.Do(t, ctx,
			chromedp.SetValue(chromedp.CSS("#f-find"), name),
			chromedp.Click(chromedp.CSS(`form[role=search][action$="/recruitment"] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`form[action$="/recruitment/candidates"] button.small`)),
			chromedp.Click(chromedp.CSS(`form[action$="/recruitment/candidates"] button.small`)),
			chromedp.WaitVisible(chromedp.CSS(".flash.success")),
		)
	}
	// ... and a person who is not on Maillage, by name and address.
	browser.Do(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Noémie Nouvelle"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "noemie@exemple.org"),
		chromedp.SendKeys(chromedp.CSS("#f-candidate-note"), "Appelée le 3 mars, intéressée"),
		chromedp.Click(chromedp.CSS(`form[action$="/recruitment/candidates"][novalidate] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	// The previous page's notice satisfies the wait above before the new
	// page comes: the shortlist itself says when the third is in.
	var list []maillage.Candidate
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		list, _, err = s.Shortlist(ctx0, testutil.ViewerOf(t, s, aline.ID), c.ID, "")
		if err != nil || len(list) == 3 || time.Now().After(deadline) {
			break
		}
	}
	if err != nil || len(list) != 3 {
		t.Fatalf("shortlist after adding: %+v %v", list, err)
	}

	// Invite the three at once, with a message and the mandate attached.
	for _, cand := range list {
		browser.Do(t, ctx, chromedp.Click(chromedp.CSS("#pick-"+cand.ID)))
	}
	browser.Do(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#f-message"), "Nous aimerions vous compter parmi les participant·es."),
		chromedp.SetValue(chromedp.CSS("#f-invite-attachment"), "description"),
		chromedp.Click(chromedp.CSS(`#invite-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	// The previous page's notice may still show: wait for the new one.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		got := browser.Text(t, ctx, ".flash.success")
		if strings.Contains(got, "3 invitations sont parties") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after inviting: %q", got)
		}
	}
	noemie := waitEmails(t, sink, "noemie@exemple.org", 1)[0]
	if !strings.Contains(noemie.Data, "application/pdf") || !strings.Contains(noemie.Data, "Nous aimerions vous compter") {
		t.Errorf("the invitation lacks the message or the mandate:\n%s", noemie.Data)
	}
	bruno := waitEmails(t, sink, "bruno@exemple.org", 1)[0]
	signOut()

	// Bruno declines through his link, signed out.
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+emailLink(t, bruno.Data, "/join/")),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/decline"] button`)),
		chromedp.Click(chromedp.CSS(`form[action$="/decline"] button`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)

	// Noémie opens hers and signs up from it.
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+emailLink(t, noemie.Data, "/join/")),
		chromedp.WaitVisible(chromedp.CSS(`a[href^="/signup?invitation="]`)),
	)
	browser.Screenshot(t, ctx, "recruitment-join.png")
	if got := browser.Text(t, ctx, "main h1"); !strings.Contains(got, "CdP Transformation numérique") {
		t.Errorf("invitation page heading %q", got)
	}
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`a[href^="/signup?invitation="]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-password")),
	)
	name, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-name")))
	if err != nil {
		t.Fatal(err)
	}
	email, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-email")))
	if err != nil {
		t.Fatal(err)
	}
	if name != "Noémie Nouvelle" || email != "noemie@exemple.org" {
		t.Errorf("the sign-up form is filled with %q <%s>", name, email)
	}
	browser.Do(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#f-password"), "un mot de passe bien solide"),
		chromedp.Click(chromedp.CSS(`form[action="/signup"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	)
	// Signing up does not sign in, and does not join yet.
	browser.Do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`.header-links a[href="/signin"]`)))
	confirm := waitEmails(t, sink, "noemie@exemple.org", 2)[1]
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+emailLink(t, confirm.Data, "/email/confirm?token=")),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/email/confirm"] button[type=submit]`)),
		chromedp.Click(chromedp.CSS(`form[action="/email/confirm"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(loc, "/communities/"+c.ID) {
		t.Errorf("after confirming, at %s, want the community", loc)
	}
	if got := browser.Text(t, ctx, ".flash.success"); !strings.Contains(got, "bienvenue") {
		t.Errorf("flash %q", got)
	}
	signOut()

	// The facilitator's shortlist shows the answers.
	signIn(aline.Email, testutil.Password)
	browser.Do(t, ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("table.shortlist")))
	browser.Screenshot(t, ctx, "recruitment-shortlist.png")
	rows := browser.Text(t, ctx, "table.shortlist tbody")
	for _, want := range []string{"Noémie Nouvelle", "A accepté", "Bruno Praticien", "A décliné", "Chloé Chercheuse", "Invité·e"} {
		if !strings.Contains(rows, want) {
			t.Errorf("the shortlist does not show %q:\n%s", want, rows)
		}
	}
}
