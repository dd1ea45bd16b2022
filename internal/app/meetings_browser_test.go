package app_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	goical "github.com/emersion/go-ical"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// TestBrowserMeetingSeries follows a facilitator through the real
// program: schedule a meeting every two months on the third Thursday,
// answer "I'll be there", open the first occurrence's notebook from its
// template in one click, then publish its summary and resources into a
// public community's notebook, whose members are told.
func TestBrowserMeetingSeries(t *testing.T) {
	ctx0 := context.Background()
	m := boot(t)
	s := m.Service
	alice, av := testutil.User(t, s, "Alice Côté", "alice@exemple.org")
	_, pv := testutil.User(t, s, "Paul Roy", "paul@exemple.org")
	cdp, err := s.CreateCommunity(ctx0, av, maillage.CommunityInput{Name: "CdP Transformation numérique", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	open, err := s.CreateCommunity(ctx0, av, maillage.CommunityInput{Name: "Numériques et données", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Join(ctx0, pv, open.ID); err != nil {
		t.Fatal(err)
	}
	av = testutil.ViewerOf(t, s, alice.ID)
	pub, err := s.CreateNotebook(ctx0, av, maillage.NotebookInput{Title: "Carnet de la communauté", Visibility: "public", CommunityID: open.ID})
	if err != nil {
		t.Fatal(err)
	}

	ctx := browser.New(t)
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+"/signin?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), alice.Email),
		chromedp.SendKeys(chromedp.CSS("#f-password"), testutil.Password),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/signout"]`)),
	)
	// The third Thursday of next January, at 13:30.
	loc, _ := time.LoadLocation("America/Toronto")
	start := time.Date(time.Now().Year()+1, 1, 1, 13, 30, 0, 0, loc)
	for start.Weekday() != time.Thursday {
		start = start.AddDate(0, 0, 1)
	}
	start = start.AddDate(0, 0, 14)

	// From the community's page, schedule the series.
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+"/communities/"+cdp.ID),
		chromedp.WaitVisible(chromedp.CSS(`#meetings a[href$="/meetings/new"]`)),
		chromedp.Click(chromedp.CSS(`#meetings a[href$="/meetings/new"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Rencontre de la CdP"),
		chromedp.SendKeys(chromedp.CSS("#f-description"), "1. Tour de table\n2. Diagnostic numérique"),
		chromedp.SetValue(chromedp.CSS("#f-starts-at"), start.Format("2006-01-02T15:04")),
		chromedp.SetValue(chromedp.CSS("#f-repeat"), "bimonthly"),
		chromedp.SendKeys(chromedp.CSS("#f-url"), "https://meet.jit.si/cdp-numerique"),
		chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	loc0, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	meetingPath := strings.SplitN(strings.TrimPrefix(loc0, m.URL()), "?", 2)[0]
	if !strings.HasPrefix(meetingPath, "/meetings/") {
		t.Fatalf("after scheduling: %s", loc0)
	}
	meetingID := strings.TrimPrefix(meetingPath, "/meetings/")
	page := browser.Text(t, ctx, "main")
	if !strings.Contains(page, "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH") || strings.Count(page, "13 h 30") < 10 {
		t.Errorf("the meeting page lacks the rule or ten occurrences at 13 h 30: %q", page)
	}

	// Answer the first occurrence.
	first := `.occurrence:first-of-type `
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(first+`form.rsvp button[value=yes]`)),
		chromedp.WaitVisible(chromedp.CSS(first+`form.rsvp button[value=yes][aria-pressed=true]`)),
	)
	view, err := s.Meeting(ctx0, testutil.ViewerOf(t, s, alice.ID), meetingID)
	if err != nil {
		t.Fatal(err)
	}
	if o := view.Upcoming[0]; o.MyAnswer != maillage.RSVPYes || o.Yes != 1 {
		t.Errorf("the answer is not stored: %+v", o)
	}

	// Open the occurrence's notebook from its template, in one click:
	// the answer's flash is still on this page, so wait for the notebook's.
	browser.Do(t, ctx, chromedp.Click(chromedp.CSS(first+`form[action$="/notebook"] button`)))
	waitPath(t, ctx, m.URL(), "/notebooks/")
	browser.Do(t, ctx, chromedp.WaitVisible(chromedp.CSS(".flash.success")))
	page = browser.Text(t, ctx, "main")
	for _, want := range []string{"Rencontre de la CdP —", "compte rendu", "résumé", "ressources"} {
		if !strings.Contains(page, want) {
			t.Errorf("the notebook page lacks %q: %q", want, page)
		}
	}

	// Publish its summary and resources into the public community's notebook.
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+meetingPath),
		chromedp.WaitVisible(chromedp.CSS(first+`a[href*="/publish"]`)),
		chromedp.Click(chromedp.CSS(first+`a[href*="/publish"]`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=notebook_id][value="`+pub.ID+`"]`)),
		chromedp.Click(chromedp.CSS(`input[name=notebook_id][value="`+pub.ID+`"]`)),
		chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	notes, _, err := s.NotebookNotes(ctx0, maillage.Anonymous(), pub.ID, service.NotebookNoteFilter{})
	if err != nil || len(notes) != 2 {
		t.Fatalf("the public notebook holds %d notes for visitors (%v), want the summary and the resources", len(notes), err)
	}
	// Paul, a member of the public community, is told.
	if err := m.Worker.Drain(ctx0); err != nil {
		t.Fatal(err)
	}
	list, _, err := s.Notifications(ctx0, testutil.ViewerOf(t, s, pv.UserID), false, service.Page{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	told := 0
	for _, n := range list {
		if n.Kind == maillage.EventNoteIntegrated {
			told++
		}
	}
	if told != 2 {
		t.Errorf("Paul heard of %d integrated notes, want 2: %+v", told, list)
	}

	// The .ics link of the page downloads a calendar a standard decoder reads.
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('a[href$="/calendar.ics"]').getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	if href != meetingPath+"/calendar.ics" {
		t.Errorf("the download link is %q", href)
	}
	// Without the session the private meeting's calendar is absent.
	resp, err := http.Get(m.URL() + href)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("the private meeting's calendar without a session: %d", resp.StatusCode)
	}
	data, err := s.MeetingCalendar(ctx0, testutil.ViewerOf(t, s, alice.ID), meetingID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := goical.NewDecoder(strings.NewReader(string(data))).Decode(); err != nil {
		t.Errorf("calendar: %v", err)
	}
}

// waitPath waits until the browser is on a page whose path starts with prefix.
func waitPath(t *testing.T, ctx context.Context, base, prefix string) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err == nil && strings.HasPrefix(strings.TrimPrefix(loc, base), prefix) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("still at %s, waiting for %s…", loc, prefix)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
