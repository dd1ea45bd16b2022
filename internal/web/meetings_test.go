package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/maillage/maillage/internal/maillage"
)

// TestMeetingPages drives the meeting pages through the real router:
// Alice schedules a series in the listed private community, Bob answers,
// Alice moves and cancels dates, records attendance, opens a notebook;
// Carol, an outsider, and visitors get 404 exactly like an absent
// meeting; bad input comes back on the form, translated, with nothing lost.
func TestMeetingPages(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	alice, bob, carol := e.signedIn(w.Alice.Email), e.signedIn(w.Bob.Email), e.signedIn(w.Carol.Email)
	loc, _ := time.LoadLocation("America/Toronto")
	start := time.Date(time.Now().Year()+1, 1, 1, 13, 30, 0, 0, loc)
	for start.Weekday() != time.Thursday {
		start = start.AddDate(0, 0, 1)
	}
	start = start.AddDate(0, 0, 14) // the third Thursday of January

	if r := bob.get("/communities/" + w.Listed.ID + "/meetings/new"); r.Status != http.StatusForbidden {
		t.Errorf("a member opens the form: %d", r.Status)
	}
	form := url.Values{"title": {"Rencontre de la CdP"}, "description": {"1. Tour de table"}, "starts_at": {start.Format(localLayout)},
		"duration_minutes": {"120"}, "timezone": {"America/Toronto"}, "repeat": {"bimonthly"}, "visibility": {"community"},
		"url": {"https://meet.jit.si/cercle"}, "tags": {"numérique"}}
	// Bad input first: a custom rule that is no rule, and a time the
	// spring change skips. The form comes back with the values typed.
	bad := cloneValues(form)
	bad.Set("repeat", "custom")
	bad.Set("rrule", "tous les deux mois")
	r := alice.post("/communities/"+w.Listed.ID+"/meetings", bad)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Règle de récurrence illisible") || !strings.Contains(r.Body, "tous les deux mois") {
		t.Errorf("bad rule: %d\n%s", r.Status, excerptBody(r.Body))
	}
	gap := cloneValues(form)
	spring := time.Date(start.Year(), 3, 8, 2, 30, 0, 0, time.UTC) // the second Sunday of March, when clocks go forward
	for spring.Weekday() != time.Sunday {
		spring = spring.AddDate(0, 0, 1)
	}
	gap.Set("starts_at", spring.Format(localLayout))
	gap.Set("repeat", "")
	r = alice.post("/communities/"+w.Listed.ID+"/meetings", gap)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "n’existe pas ce jour-là") {
		t.Errorf("a time in the spring gap: %d\n%s", r.Status, excerptBody(r.Body))
	}
	r = alice.post("/communities/"+w.Listed.ID+"/meetings", form)
	if r.Status != http.StatusOK || !strings.HasPrefix(r.URL.Path, "/meetings/") || !strings.Contains(r.Body, "Rencontre planifiée") {
		t.Fatalf("create: %d %s\n%s", r.Status, r.URL, excerptBody(r.Body))
	}
	meetingPath := r.URL.Path
	id := strings.TrimPrefix(meetingPath, "/meetings/")
	if !strings.Contains(r.Body, "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH") {
		t.Errorf("the preset did not give the third Thursday every two months")
	}
	// The community page lists it for members only.
	if r := bob.get("/communities/" + w.Listed.ID); !strings.Contains(r.Body, "Rencontre de la CdP") {
		t.Errorf("the community page lacks the meeting for Bob")
	}
	if r := carol.get("/communities/" + w.Listed.ID); strings.Contains(r.Body, "Rencontre de la CdP") {
		t.Errorf("the community page shows the members' meeting to Carol")
	}
	absent := carol.get("/meetings/01zzzzzzzzzzzzzzzzzzzzzz99")
	for name, c := range map[string]*client{"carol": carol, "visitor": e.client()} {
		for _, p := range []string{meetingPath, meetingPath + "/calendar.ics"} {
			r := c.get(p)
			if r.Status != http.StatusNotFound || name == "carol" && p == meetingPath && strings.ReplaceAll(r.Body, id, "") != strings.ReplaceAll(absent.Body, "01zzzzzzzzzzzzzzzzzzzzzz99", "") {
				t.Errorf("%s GET %s: %d", name, p, r.Status)
			}
		}
	}
	occ := start.UTC().Format(time.RFC3339)
	// Bob answers the first occurrence, twice (a double click).
	for i := 0; i < 2; i++ {
		r = bob.post(meetingPath+"/rsvp", url.Values{"occurrence": {occ}, "answer": {"yes"}})
		if r.Status != http.StatusOK || !strings.Contains(r.Body, "Réponse enregistrée") {
			t.Fatalf("rsvp: %d", r.Status)
		}
	}
	if !strings.Contains(r.Body, `aria-pressed="true">J’y serai`) || !strings.Contains(r.Body, "Oui\u202f: 1 ·") {
		t.Errorf("the answer is not shown once:\n%s", excerptBody(r.Body))
	}
	// Alice moves the second date by a day, cancels the third.
	second := time.Date(start.Year(), 3, 15, 13, 30, 0, 0, loc)
	for second.Weekday() != time.Thursday {
		second = second.AddDate(0, 0, 1)
	}
	r = alice.post(meetingPath+"/move", url.Values{"occurrence": {second.UTC().Format(time.RFC3339)},
		"starts_at": {second.AddDate(0, 0, 1).Format(localLayout)}, "duration_minutes": {"90"}})
	if !strings.Contains(r.Body, "Rencontre déplacée") || !strings.Contains(r.Body, "Déplacée") {
		t.Errorf("move: %d\n%s", r.Status, excerptBody(r.Body))
	}
	r = alice.post(meetingPath+"/move", url.Values{"occurrence": {second.UTC().Format(time.RFC3339)}, "starts_at": {"pas une date"}})
	if !strings.Contains(r.Body, "rien n’a été déplacé") {
		t.Errorf("a bad move is not explained:\n%s", excerptBody(r.Body))
	}
	if r := bob.post(meetingPath+"/cancel", url.Values{"occurrence": {occ}}); r.Status != http.StatusForbidden {
		t.Errorf("a member cancels: %d", r.Status)
	}
	// Attendance: the sheet lists members, Alice checks Bob.
	r = alice.get(meetingPath + "/attendance?occurrence=" + url.QueryEscape(occ))
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Bob Lavoie") {
		t.Fatalf("attendance sheet: %d", r.Status)
	}
	r = alice.post(meetingPath+"/attendance", url.Values{"occurrence": {occ}, "listed": {w.Bob.ID, w.Alice.ID}, "attended": {w.Bob.ID}})
	if !strings.Contains(r.Body, "Présences enregistrées") {
		t.Errorf("attendance: %d", r.Status)
	}
	rows, _, err := e.Svc.Attendance(t.Context(), e.viewer(w.Alice.ID), id, start)
	if err != nil || len(rows) != 2 {
		t.Fatalf("attendance rows: %v %v", rows, err)
	}
	for _, a := range rows {
		if came := a.UserID == w.Bob.ID; a.Attended == nil || *a.Attended != came {
			t.Errorf("attendance of %s: %v", a.UserName, a.Attended)
		}
	}
	// The calendar: Bob downloads it; a standard decoder reads it.
	r = bob.get(meetingPath + "/calendar.ics")
	if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("ics: %d", r.Status)
	}
	cal, err := goical.NewDecoder(strings.NewReader(r.Body)).Decode()
	if err != nil || len(cal.Events()) != 2 {
		t.Errorf("ics decodes to %v events: %v", cal, err)
	}
	// The notebook of the first occurrence, in one click.
	r = alice.post(meetingPath+"/notebook", url.Values{"occurrence": {occ}, "minute_visibility": {"private"}})
	if r.Status != http.StatusOK || !strings.HasPrefix(r.URL.Path, "/notebooks/") || !strings.Contains(r.Body, "Compte rendu") {
		t.Errorf("open the notebook: %d %s", r.Status, r.URL)
	}
	// The subscription page: the secret shown once, and it works.
	r = bob.post("/calendar/secret", nil)
	i := strings.Index(r.Body, "/api/v1/me/calendar.ics?token=")
	if r.Status != http.StatusOK || i < 0 {
		t.Fatalf("calendar secret: %d", r.Status)
	}
	feed := r.Body[i : i+len("/api/v1/me/calendar.ics?token=")+len("mlg_cal_")+52]
	// (The API serves the feed; this handler is the pages' alone.)
	token := strings.TrimPrefix(feed, "/api/v1/me/calendar.ics?token=")
	if v, err := e.Svc.CalendarViewer(t.Context(), token); err != nil || v.UserID != w.Bob.ID {
		t.Errorf("the secret shown is not Bob's: %v", err)
	}
	// English too.
	bob.lang = "en"
	if r := bob.get(meetingPath + "?lang=en"); !strings.Contains(r.Body, "Next meetings") || !strings.Contains(r.Body, "I&#39;ll be there") {
		t.Errorf("the English page:\n%s", excerptBody(r.Body))
	}
	_ = maillage.RSVPYes
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
