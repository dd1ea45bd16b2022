package app_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

// The meetings of a leak world: in each community, a series for its
// members and, sometimes, a public meeting, with answers, a cancelled
// and a moved occurrence, a note-taker invited and a reminder sent. (The
// notebooks opened for occurrences are ordinary notebooks and notes, which
// the world's own notebooks already cover.) Their titles carry secret codes, so every
// page, list, calendar, notification and email that names one is checked
// against the policy.

// leakMeeting is a meeting of the world.
type leakMeeting struct {
	m  *maillage.Meeting
	lc *leakCommunity
}

// access is the meeting's policy view, with its community as it is now.
func (lm *leakMeeting) access() maillage.MeetingAccess {
	return lm.m.Access(lm.lc.c.Access())
}

func (w *leakWorld) buildMeetings(t *testing.T) {
	s := w.m.Service
	loc, err := time.LoadLocation("America/Toronto")
	w.must(t, "time zone", err)
	now := w.clock.now().In(loc)
	for _, lc := range w.communities {
		manager := w.viewerOf(t, lc.c.CreatedBy)
		if !maillage.CanManageCommunity(manager, lc.c.Access()) {
			continue
		}
		start := time.Date(now.Year(), now.Month(), now.Day()+2, 19, 0, 0, 0, loc)
		visibilities := []string{"community"}
		if w.chance(0.6) {
			visibilities = append(visibilities, "public")
		}
		for _, vis := range visibilities {
			code := w.code()
			in := maillage.MeetingInput{Title: "Zeta Rencontre " + code, Description: "Ordre du jour " + code, StartsAt: start,
				DurationMinutes: 90, Visibility: vis, URL: "https://visio.exemple.org/" + code, Tags: []string{"Zeta commun"}}
			if vis == "community" {
				in.RRule = "FREQ=WEEKLY;COUNT=6"
			}
			res, err := s.CreateMeeting(w.ctx, manager, lc.c.ID, in)
			w.must(t, "meeting", err)
			lm := &leakMeeting{m: res.Meeting, lc: lc}
			w.meetings = append(w.meetings, lm)
			w.secret(code, vis+" meeting "+in.Title+" of "+lc.c.Name, lm.m.ID, func(v maillage.Viewer) bool {
				return maillage.CanViewMeeting(v, lm.access())
			})
			// Members answer; the facilitator records who came.
			for _, p := range w.members() {
				pv := w.viewerOf(t, p.u.ID)
				if pv.IsMember(lc.c.ID) && w.chance(0.6) {
					w.must(t, "rsvp", s.AnswerMeeting(w.ctx, pv, lm.m.ID, start, []maillage.RSVP{"yes", "no", "maybe"}[w.pick(3)]))
				}
			}
			if in.RRule == "" {
				continue
			}
			w.must(t, "cancel occurrence", s.CancelOccurrence(w.ctx, manager, lm.m.ID, start.AddDate(0, 0, 7), true))
			w.must(t, "move occurrence", s.MoveOccurrence(w.ctx, manager, lm.m.ID, start.AddDate(0, 0, 14), start.AddDate(0, 0, 15), 60))
			for _, p := range w.members() {
				if p.u.ID != lc.c.CreatedBy && w.viewerOf(t, p.u.ID).IsMember(lc.c.ID) {
					_, err := s.SetNoteTaker(w.ctx, manager, lm.m.ID, p.u.ID)
					w.must(t, "note-taker", err)
					break
				}
			}
		}
	}
	// The reminders of the first occurrences go out through the
	// notifications and their emails, to the people who may see them.
	_, err = s.QueueMeetingReminders(w.ctx, now.Add(47*time.Hour))
	w.must(t, "reminders", err)
}

// addMeetingItems lists the meetings as route parameters name them.
func (w *leakWorld) addMeetingItems() {
	for _, lm := range w.meetings {
		m := lm
		see := func(v maillage.Viewer) bool { return maillage.CanViewMeeting(v, m.access()) }
		manage := func(v maillage.Viewer) bool { return see(v) && maillage.CanManageMeeting(v, m.access()) }
		w.items["meeting"] = append(w.items["meeting"], &leakItem{kind: "meeting", label: m.m.Title,
			vals: map[string]string{"meeting": m.m.ID}, can: leakCan{"see": see, "manage": manage}})
	}
}

// visibleMeetingIDs are the meetings of a community the viewer may see.
func (w *leakWorld) visibleMeetingIDs(v maillage.Viewer, communityID string) []string {
	out := []string{}
	for _, lm := range w.meetings {
		if lm.lc.c.ID == communityID && maillage.CanViewMeeting(v, lm.access()) {
			out = append(out, lm.m.ID)
		}
	}
	return out
}

// TestLeakCalendarSecrets: a person's calendar feeds, read by a calendar
// application without a session, show exactly what that person may see;
// a guessed or replaced secret answers like an absent community.
func TestLeakCalendarSecrets(t *testing.T) {
	seed := leakSeed(t)
	t.Logf("seed %d; to replay: MAILLAGE_LEAK_SEED=%d go test -count=1 -run LeakCalendar ./internal/app/", seed, seed)
	w := buildLeakWorld(t, seed, 0)
	visitor := &leakViewer{name: "calendar application"}
	for _, p := range w.people {
		v := w.viewerOf(t, p.u.ID)
		secret, err := w.m.Service.NewCalendarToken(w.ctx, v)
		w.must(t, "calendar secret", err)
		hidden := w.hiddenFrom(v)
		res := w.get(visitor, "/api/v1/me/calendar.ics?token="+secret)
		if res.status != http.StatusOK {
			t.Errorf("%s's feed: %d", p.u.Name, res.status)
		}
		for _, l := range w.leaks(res.body, hidden, "") {
			t.Errorf("%s's feed leaks %s", p.u.Name, l)
		}
		for _, lm := range w.meetings {
			if maillage.CanViewMeeting(v, lm.access()) && v.IsMember(lm.lc.c.ID) && !strings.Contains(res.body, lm.m.Title) {
				t.Errorf("%s's feed lacks %s", p.u.Name, lm.m.Title)
			}
		}
		absent := w.get(visitor, "/api/v1/communities/"+leakAbsent["community"]+"/calendar.ics?token="+secret)
		for _, lc := range w.communities {
			res := w.get(visitor, "/api/v1/communities/"+lc.c.ID+"/calendar.ics?token="+secret)
			switch {
			case maillage.CanSeeCommunity(v, lc.c.Access()):
				if res.status != http.StatusOK {
					t.Errorf("%s's feed of %s: %d", p.u.Name, lc.c.Name, res.status)
				}
				for _, l := range w.leaks(res.body, hidden, "") {
					t.Errorf("%s's feed of %s leaks %s", p.u.Name, lc.c.Name, l)
				}
			case res.status != http.StatusNotFound || res.body != absent.body:
				t.Errorf("%s's secret opens the hidden %s: %d", p.u.Name, lc.c.Name, res.status)
			}
		}
	}
	// Without a secret, or with a made-up or replaced one: like a community that does not exist.
	absent := w.get(visitor, "/api/v1/communities/"+leakAbsent["community"]+"/calendar.ics")
	for _, lc := range w.communities {
		for _, q := range []string{"", "?token=mlg_cal_" + strings.Repeat("a", 52), "?token=" + lc.c.ID} {
			res := w.get(visitor, "/api/v1/communities/"+lc.c.ID+"/calendar.ics"+q)
			if lc.c.Visibility == maillage.VisibilityPrivate && !lc.c.Listed && (res.status != http.StatusNotFound || res.body != absent.body) {
				t.Errorf("%s%s answers %d without its secret", lc.c.Name, q, res.status)
			}
			for _, l := range w.leaks(res.body, w.hiddenFrom(maillage.Anonymous()), "") {
				t.Errorf("%s%s leaks %s", lc.c.Name, q, l)
			}
		}
	}
	if res := w.get(visitor, "/api/v1/me/calendar.ics?token=mlg_cal_devine"); res.status != http.StatusNotFound {
		t.Errorf("a guessed secret: %d", res.status)
	}
	t.Logf("%d meetings, %d people with a feed", len(w.meetings), len(w.people))
}
