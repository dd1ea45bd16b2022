package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"
)

// meetingFixture schedules, through the API, a series every two months
// on the third Thursday in alice's private community, where bob is a
// member; it returns the meeting's answer.
func meetingFixture(t *testing.T, e *env, title string) meetingJSON {
	t.Helper()
	loc, _ := time.LoadLocation("America/Toronto")
	start := time.Date(time.Now().Year()+1, 1, 1, 13, 30, 0, 0, loc)
	for start.Weekday() != time.Thursday {
		start = start.AddDate(0, 0, 1)
	}
	start = start.AddDate(0, 0, 14)
	body := `{"title":"` + title + `","description":"Ordre du jour","starts_at":"` + start.Format(time.RFC3339) +
		`","duration_minutes":120,"rrule":"FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH","url":"https://meet.jit.si/cercle","visibility":"community","tags":["numérique"]}`
	w := e.call(http.MethodPost, "/api/v1/communities/"+e.priv.ID+"/meetings", "alice", body)
	if w.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	var m meetingJSON
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestEveryMeetingRouteAnswers calls every meeting route as someone
// allowed to, on a fresh series, and expects its documented status.
func TestEveryMeetingRouteAnswers(t *testing.T) {
	e := newEnv(t)
	pubNB := e.call(http.MethodPost, "/api/v1/notebooks", "alice", `{"title":"Carnet public","visibility":"public","community_id":"`+e.pub.ID+`"}`)
	var nb struct{ ID string }
	json.Unmarshal(pubNB.Body.Bytes(), &nb)
	for _, rt := range e.srv.routes() {
		if rt.Group != "meetings" {
			continue
		}
		t.Run(rt.Op, func(t *testing.T) {
			m := meetingFixture(t, e, "Rencontre "+rt.Op)
			occ := (*m.Occurrences)[0].Occurrence
			second := (*m.Occurrences)[1].Occurrence
			if rt.Op == "acceptMeetingInvitation" || rt.Op == "declineMeetingInvitation" {
				if w := e.call(http.MethodPut, "/api/v1/meetings/"+m.ID+"/note-taker", "alice", `{"user_id":"`+e.users["bob"].ID+`"}`); w.Code != http.StatusAccepted {
					t.Fatalf("invite bob: %d %s", w.Code, w.Body)
				}
			}
			if rt.Op == "publishOccurrence" {
				if w := e.call(http.MethodPost, "/api/v1/meetings/"+m.ID+"/notebook", "alice", `{"occurrence":"`+occ+`"}`); w.Code != http.StatusCreated {
					t.Fatalf("open notebook: %d %s", w.Code, w.Body)
				}
			}
			bodies := map[string]string{
				"createMeeting": `{"title":"Autre","starts_at":"2030-01-17T13:30:00-05:00","duration_minutes":60,"visibility":"public"}`,
				"updateMeeting": `{"location":"Salle 2"}`,
				"answerMeeting": `{"occurrence":"` + occ + `","answer":"yes"}`,
				"cancelMeeting": `{"occurrence":"` + second + `"}`,
				"moveOccurrence": `{"occurrence":"` + second + `","starts_at":"` +
					mustTime(t, second).Add(24*time.Hour).Format(time.RFC3339) + `"}`,
				"recordAttendance":       `{"occurrence":"` + occ + `","attendees":[{"user_id":"` + e.users["bob"].ID + `","attended":true}]}`,
				"setNoteTaker":           `{"user_id":"` + e.users["alice"].ID + `"}`,
				"openOccurrenceNotebook": `{"occurrence":"` + occ + `","minute_visibility":"community"}`,
				"publishOccurrence":      `{"occurrence":"` + occ + `","notebook_ids":["` + nb.ID + `"]}`,
			}
			who := "alice"
			if strings.Contains(rt.Op, "MeetingInvitation") {
				who = "bob"
			}
			path := strings.NewReplacer("{id}", m.ID).Replace(rt.Path)
			if strings.HasPrefix(rt.Path, "/api/v1/communities/") {
				path = strings.NewReplacer("{id}", e.priv.ID).Replace(rt.Path)
			}
			if rt.Op == "getAttendance" {
				path += "?occurrence=" + occ
			}
			w := e.call(rt.Method, path, who, bodies[rt.Op])
			if w.Code != rt.Status {
				t.Errorf("%s %s: %d, want %d: %s", rt.Method, path, w.Code, rt.Status, w.Body)
			}
		})
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestMeetingAPIContract: the fixed shapes of the contract, the calendar
// parsed by a standard decoder, the private meeting absent for others,
// the feed by secret only, and translated errors for bad input.
func TestMeetingAPIContract(t *testing.T) {
	e := newEnv(t)
	m := meetingFixture(t, e, "Rencontre de la CdP")
	if m.ID == "" || m.RRule != "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH" || m.Occurrences == nil || len(*m.Occurrences) < 10 || m.Timezone != "America/Toronto" {
		t.Fatalf("created: %+v", m)
	}
	w := e.call(http.MethodGet, "/api/v1/meetings/"+m.ID, "bob", "")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"occurrences":[{"occurrence":`) {
		t.Fatalf("bob reads it: %d %s", w.Code, w.Body)
	}
	occ := (*m.Occurrences)[0].Occurrence
	if w := e.call(http.MethodPut, "/api/v1/meetings/"+m.ID+"/rsvp", "bob", `{"occurrence":"`+occ+`","answer":"maybe"}`); w.Code != http.StatusOK {
		t.Errorf("rsvp: %d %s", w.Code, w.Body)
	}
	// Absent for carol and visitors, exactly like a meeting that does not exist.
	absent := e.call(http.MethodGet, "/api/v1/meetings/"+absentID, "carol", "")
	for _, who := range []string{"carol", ""} {
		// The community is listed: its feed answers, without the meeting.
		if w := e.call(http.MethodGet, "/api/v1/communities/"+e.priv.ID+"/calendar.ics", who, ""); w.Code != http.StatusOK || strings.Contains(w.Body.String(), "Rencontre de la CdP") {
			t.Errorf("%q reads the listed community's feed: %d %s", who, w.Code, w.Body)
		}
		if w := e.call(http.MethodGet, "/api/v1/communities/"+e.secret.ID+"/calendar.ics", who, ""); w.Code != http.StatusNotFound {
			t.Errorf("%q reads the unlisted community's feed: %d", who, w.Code)
		}
		for _, p := range []string{"/api/v1/meetings/" + m.ID, "/api/v1/meetings/" + m.ID + "/calendar.ics"} {
			w := e.call(http.MethodGet, p, who, "")
			if w.Code != http.StatusNotFound || (strings.HasPrefix(p, "/api/v1/meetings/"+m.ID) && p == "/api/v1/meetings/"+m.ID && w.Body.String() != absent.Body.String()) {
				t.Errorf("%q GET %s: %d %s", who, p, w.Code, w.Body)
			}
		}
		if w := e.call(http.MethodPut, "/api/v1/meetings/"+m.ID+"/rsvp", who, `{"occurrence":"`+occ+`","answer":"yes"}`); w.Code != http.StatusNotFound && w.Code != http.StatusUnauthorized {
			t.Errorf("%q answers: %d", who, w.Code)
		}
	}
	// The calendar parses.
	w = e.call(http.MethodGet, "/api/v1/meetings/"+m.ID+"/calendar.ics", "bob", "")
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/calendar") {
		t.Fatalf("calendar: %d %s", w.Code, w.Header())
	}
	cal, err := goical.NewDecoder(w.Body).Decode()
	if err != nil || len(cal.Events()) != 1 {
		t.Fatalf("calendar decodes: %v", err)
	}
	// The personal feed: by secret, without a header, as calendar applications fetch it.
	w = e.call(http.MethodPost, "/api/v1/me/calendar-token", "bob", "")
	var tok calendarTokenJSON
	if w.Code != http.StatusCreated || json.Unmarshal(w.Body.Bytes(), &tok) != nil || !strings.Contains(tok.URL, tok.Token) {
		t.Fatalf("token: %d %s", w.Code, w.Body)
	}
	for path, want := range map[string]int{
		"/api/v1/me/calendar.ics?token=" + tok.Token:                              http.StatusOK,
		"/api/v1/communities/" + e.priv.ID + "/calendar.ics?token=" + tok.Token:   http.StatusOK,
		"/api/v1/me/calendar.ics?token=mlg_cal_devine":                            http.StatusNotFound,
		"/api/v1/communities/" + e.priv.ID + "/calendar.ics?token=mlg_cal_devine": http.StatusNotFound,
	} {
		w := e.call(http.MethodGet, path, "", "")
		if w.Code != want || (want == http.StatusOK && !strings.Contains(w.Body.String(), "Rencontre de la CdP")) {
			t.Errorf("GET %s: %d", path, w.Code)
		}
	}
	// Bad input: translated, per field, nothing written.
	for body, field := range map[string]string{
		`{"title":"x","starts_at":"demain","duration_minutes":60,"visibility":"community"}`:                                      "starts_at",
		`{"title":"x","starts_at":"2030-07-18T19:00:00-05:00","duration_minutes":60,"visibility":"community"}`:                   "starts_at",
		`{"title":"x","starts_at":"2030-01-17T13:30:00-05:00","duration_minutes":60,"visibility":"community","rrule":"tous"}`:    "rrule",
		`{"title":"x","starts_at":"2030-01-17T13:30:00-05:00","duration_minutes":60,"visibility":"community","timezone":"Nope"}`: "timezone",
	} {
		w := e.call(http.MethodPost, "/api/v1/communities/"+e.priv.ID+"/meetings", "alice", body)
		if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), `"field":"`+field+`"`) {
			t.Errorf("%s: %d %s", body, w.Code, w.Body)
		}
	}
	w = e.call(http.MethodGet, "/api/v1/communities/"+e.priv.ID+"/meetings", "bob", "")
	var list meetingList
	if json.Unmarshal(w.Body.Bytes(), &list) != nil || len(list.Meetings) != 1 {
		t.Errorf("list after refusals: %s", w.Body)
	}
}
