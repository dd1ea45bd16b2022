package service_test

import (
	"context"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// mtEnv: alice manages the private community "Cercle" where bob is a
// member; olga is an outsider; pia manages a public community with a
// public notebook.
type mtEnv struct {
	s                 *service.Service
	db                *store.DB
	va, vb, vo, vp    maillage.Viewer
	alice, bob, olga  *maillage.User
	pia               *maillage.User
	circle, open      *maillage.Community
	publicNotebookID  string
	loc               *time.Location
	ctx               context.Context
	start             time.Time
	seriesID, privID  string
	publicMeetingID   string
	secondOccurrence  time.Time
	communityMeetings []string
}

func newMtEnv(t *testing.T) *mtEnv {
	t.Helper()
	e := &mtEnv{ctx: context.Background()}
	e.s, e.db = testutil.Service(t)
	e.alice, e.va = testutil.User(t, e.s, "Alice Tremblay", "alice@exemple.org")
	e.bob, _ = testutil.User(t, e.s, "Bob Roy", "bob@exemple.org")
	e.olga, e.vo = testutil.User(t, e.s, "Olga Fortin", "olga@exemple.org")
	e.pia, e.vp = testutil.User(t, e.s, "Pia Gagnon", "pia@exemple.org")
	var err error
	e.circle, err = e.s.CreateCommunity(e.ctx, e.va, maillage.CommunityInput{Name: "Cercle", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	e.va = testutil.ViewerOf(t, e.s, e.alice.ID)
	testutil.AddMember(t, e.s, e.va, e.circle.ID, e.bob.ID, maillage.RoleMember)
	e.vb = testutil.ViewerOf(t, e.s, e.bob.ID)
	e.open, err = e.s.CreateCommunity(e.ctx, e.vp, maillage.CommunityInput{Name: "Numériques", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	e.vp = testutil.ViewerOf(t, e.s, e.pia.ID)
	if err := e.s.Join(e.ctx, e.va, e.open.ID); err != nil {
		t.Fatal(err)
	}
	e.va = testutil.ViewerOf(t, e.s, e.alice.ID)
	nb, err := e.s.CreateNotebook(e.ctx, e.vp, maillage.NotebookInput{Title: "Carnet public", Visibility: "public", CommunityID: e.open.ID})
	if err != nil {
		t.Fatal(err)
	}
	e.publicNotebookID = nb.ID
	testutil.AddNotebookMember(t, e.s, e.vp, nb.ID, e.alice.ID, maillage.NotebookContributor)
	e.va = testutil.ViewerOf(t, e.s, e.alice.ID)
	e.loc, _ = time.LoadLocation("America/Toronto")
	// Third Thursday, every two months, from next January at 13:30.
	year := time.Now().Year() + 1
	e.start = time.Date(year, 1, 1, 13, 30, 0, 0, e.loc)
	for e.start.Weekday() != time.Thursday {
		e.start = e.start.AddDate(0, 0, 1)
	}
	e.start = e.start.AddDate(0, 0, 14)
	res, err := e.s.CreateMeeting(e.ctx, e.va, e.circle.ID, maillage.MeetingInput{Title: "Rencontre de la CdP", StartsAt: e.start,
		DurationMinutes: 120, RRule: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH", URL: "https://meet.jit.si/cercle", Visibility: "community",
		Tags: []string{"numérique"}})
	if err != nil {
		t.Fatal(err)
	}
	e.seriesID = res.Meeting.ID
	if res.InPast || res.Meeting.Timezone != "America/Toronto" {
		t.Fatalf("result %+v", res)
	}
	pub, err := e.s.CreateMeeting(e.ctx, e.va, e.circle.ID, maillage.MeetingInput{Title: "Portes ouvertes", StartsAt: e.start.AddDate(0, 0, 7),
		DurationMinutes: 60, Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	e.publicMeetingID = pub.Meeting.ID
	return e
}

// TestMeetingVisibility: a community meeting of a private community is
// absent (not found) for outsiders and visitors, like a meeting that does
// not exist; its members see it. Managers alone change it.
func TestMeetingVisibility(t *testing.T) {
	e := newMtEnv(t)
	if _, err := e.s.Meeting(e.ctx, e.vb, e.seriesID); err != nil {
		t.Fatalf("member: %v", err)
	}
	for name, v := range map[string]maillage.Viewer{"outsider": e.vo, "visitor": maillage.Anonymous()} {
		if _, err := e.s.Meeting(e.ctx, v, e.seriesID); !maillage.IsNotFound(err) {
			t.Errorf("%s sees the community meeting: %v", name, err)
		}
		if _, err := e.s.MeetingCalendar(e.ctx, v, e.seriesID); !maillage.IsNotFound(err) {
			t.Errorf("%s gets its calendar: %v", name, err)
		}
		if err := e.s.AnswerMeeting(e.ctx, v, e.seriesID, e.start, maillage.RSVPYes); !maillage.IsNotFound(err) && maillage.ErrorCode(err) != maillage.CodeUnauthorized {
			t.Errorf("%s answers: %v", name, err)
		}
	}
	// The private community is unlisted: even its public meeting is
	// invisible to outsiders, since it would reveal the community.
	if _, err := e.s.Meeting(e.ctx, e.vo, e.publicMeetingID); !maillage.IsNotFound(err) {
		t.Errorf("public meeting of an unlisted community: %v", err)
	}
	if err := e.s.CancelMeeting(e.ctx, e.vb, e.seriesID, true); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("a member cancels: %v", err)
	}
	if _, err := e.s.CreateMeeting(e.ctx, e.vb, e.circle.ID, maillage.MeetingInput{Title: "x", StartsAt: e.start, DurationMinutes: 60,
		Visibility: "community"}); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("a member schedules: %v", err)
	}
	ms, err := e.s.CommunityMeetings(e.ctx, e.vb, e.circle.ID)
	if err != nil || len(ms) != 2 {
		t.Errorf("member's list: %d, %v", len(ms), err)
	}
}

// TestMeetingOccurrencesAndChanges: at least ten next occurrences; an
// answer per occurrence; a moved occurrence keeps its identity and
// answers; cancelling tells those who answered.
func TestMeetingOccurrencesAndChanges(t *testing.T) {
	e := newMtEnv(t)
	view, err := e.s.Meeting(e.ctx, e.vb, e.seriesID)
	if err != nil {
		t.Fatal(err)
	}
	if len(view.Upcoming) < 10 {
		t.Fatalf("%d upcoming occurrences", len(view.Upcoming))
	}
	for _, o := range view.Upcoming {
		local := o.StartsAt.In(e.loc)
		if local.Weekday() != time.Thursday || (local.Day()-1)/7 != 2 || local.Hour() != 13 || local.Minute() != 30 {
			t.Errorf("occurrence %s is not a third Thursday at 13:30", local)
		}
	}
	second := view.Upcoming[1].Occurrence
	if err := e.s.AnswerMeeting(e.ctx, e.vb, e.seriesID, second, maillage.RSVPYes); err != nil {
		t.Fatal(err)
	}
	// A second click, another answer: replaced, not added.
	if err := e.s.AnswerMeeting(e.ctx, e.vb, e.seriesID, second, maillage.RSVPMaybe); err != nil {
		t.Fatal(err)
	}
	if err := e.s.AnswerMeeting(e.ctx, e.vb, e.seriesID, second.Add(time.Hour), maillage.RSVPYes); maillage.ErrorCode(err) != maillage.CodeNotFound {
		t.Errorf("answer to a date that is no occurrence: %v", err)
	}
	if err := e.s.AnswerMeeting(e.ctx, e.vb, e.seriesID, second, "peut-être"); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Errorf("unknown answer: %v", err)
	}
	moved := second.Add(24 * time.Hour)
	if err := e.s.MoveOccurrence(e.ctx, e.va, e.seriesID, second, moved, 90); err != nil {
		t.Fatal(err)
	}
	view, _ = e.s.Meeting(e.ctx, e.vb, e.seriesID)
	o, ok := view.Occurrence(second)
	if !ok || o.Status != maillage.OccurrenceMoved || !o.StartsAt.Equal(moved) || o.EndsAt.Sub(o.StartsAt) != 90*time.Minute ||
		o.MyAnswer != maillage.RSVPMaybe || o.Maybe != 1 {
		t.Errorf("moved occurrence: %+v", o)
	}
	third := view.Upcoming[2].Occurrence
	if err := e.s.CancelOccurrence(e.ctx, e.va, e.seriesID, third, true); err != nil {
		t.Fatal(err)
	}
	if err := e.s.AnswerMeeting(e.ctx, e.vb, e.seriesID, third, maillage.RSVPYes); maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Errorf("answer to a cancelled occurrence: %v", err)
	}
	jobs := pendingNotifyKinds(t, e.db)
	if jobs[string(maillage.EventMeetingChanged)] != 1 || jobs[string(maillage.EventMeetingCancelled)] != 1 {
		t.Errorf("notices queued: %v", jobs)
	}
	// The calendar: a standard decoder reads it, the moved occurrence
	// has its RECURRENCE-ID, the cancelled one an EXDATE.
	data, err := e.s.MeetingCalendar(e.ctx, e.vb, e.seriesID)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := goical.NewDecoder(strings.NewReader(string(data))).Decode()
	if err != nil {
		t.Fatalf("calendar: %v\n%s", err, data)
	}
	if n := len(cal.Events()); n != 2 {
		t.Errorf("%d VEVENTs, want the series and the moved occurrence", n)
	}
	text := string(data)
	for _, want := range []string{"RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH", "EXDATE;TZID=America/Toronto:" + third.In(e.loc).Format("20060102T150405"),
		"RECURRENCE-ID;TZID=America/Toronto:" + second.In(e.loc).Format("20060102T150405"), "BEGIN:VTIMEZONE"} {
		if !strings.Contains(text, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
}

// pendingNotifyKinds counts the queued notification events by kind.
func pendingNotifyKinds(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, p := range notifyPayloads(t, db) {
		for _, k := range []maillage.EventKind{maillage.EventMeetingChanged, maillage.EventMeetingCancelled, maillage.EventMeetingReminder} {
			if strings.Contains(p, `"kind":"`+string(k)+`"`) {
				out[string(k)]++
			}
		}
	}
	return out
}

// notifyPayloads claims the queued notification jobs and returns their
// payloads (the test runs no worker).
func notifyPayloads(t *testing.T, db *store.DB) []string {
	t.Helper()
	jobs, err := db.ClaimJobs(context.Background(), 10000, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, j := range jobs {
		if j.Kind == maillage.JobNotify {
			out = append(out, string(j.Payload))
		}
	}
	return out
}

// TestMeetingBadInput: every refusal names its field and loses nothing.
func TestMeetingBadInput(t *testing.T) {
	e := newMtEnv(t)
	july := time.Date(e.start.Year(), 7, 16, 19, 0, 0, 0, time.FixedZone("", -5*3600)) // Montréal is at -04:00 in July
	for name, tc := range map[string]struct {
		in    maillage.MeetingInput
		field string
		msg   string
	}{
		"rule":      {maillage.MeetingInput{Title: "a", StartsAt: e.start, DurationMinutes: 60, Visibility: "community", RRule: "every 2 months"}, "rrule", "meeting.rrule_syntax"},
		"outside":   {maillage.MeetingInput{Title: "a", StartsAt: e.start, DurationMinutes: 60, Visibility: "community", RRule: "FREQ=MONTHLY;BYDAY=1MO"}, "rrule", "meeting.rrule_start_outside"},
		"hourly":    {maillage.MeetingInput{Title: "a", StartsAt: e.start, DurationMinutes: 60, Visibility: "community", RRule: "FREQ=HOURLY"}, "rrule", "meeting.rrule_too_frequent"},
		"offset":    {maillage.MeetingInput{Title: "a", StartsAt: july, DurationMinutes: 60, Visibility: "community"}, "starts_at", "meeting.offset_mismatch"},
		"zone":      {maillage.MeetingInput{Title: "a", StartsAt: e.start, DurationMinutes: 60, Visibility: "community", Timezone: "Mars/Olympus"}, "timezone", "meeting.timezone_unknown"},
		"duration":  {maillage.MeetingInput{Title: "a", StartsAt: e.start, DurationMinutes: 0, Visibility: "community"}, "duration_minutes", "meeting.duration_range"},
		"visiblity": {maillage.MeetingInput{Title: "a", StartsAt: e.start, DurationMinutes: 60, Visibility: "private"}, "visibility", "field.invalid_choice"},
	} {
		_, err := e.s.CreateMeeting(e.ctx, e.va, e.circle.ID, tc.in)
		me := maillage.AsError(err)
		if err == nil || me.Code != maillage.CodeInvalid || len(me.Fields) == 0 || me.Fields[0].Field != tc.field || me.Fields[0].MessageID != tc.msg {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A meeting in the past is recorded, and said to be in the past.
	res, err := e.s.CreateMeeting(e.ctx, e.va, e.circle.ID, maillage.MeetingInput{Title: "Cadrage", StartsAt: time.Date(2025, 1, 15, 10, 0, 0, 0, e.loc),
		DurationMinutes: 120, Visibility: "community"})
	if err != nil || !res.InPast {
		t.Errorf("past meeting: %+v, %v", res, err)
	}
	// A double click: the same meeting, not a twin.
	again, err := e.s.CreateMeeting(e.ctx, e.va, e.circle.ID, maillage.MeetingInput{Title: "Cadrage", StartsAt: time.Date(2025, 1, 15, 10, 0, 0, 0, e.loc),
		DurationMinutes: 120, Visibility: "community"})
	if err != nil || again.Meeting.ID != res.Meeting.ID {
		t.Errorf("double click made a twin: %v", err)
	}
}

// TestOccurrenceNotebookAndPublication: the note-taker is named with
// consent; the notebook opens from the template once (a second click
// gives the same); publishing files the summary and resources in a
// public community's notebook, which tells that community.
func TestOccurrenceNotebookAndPublication(t *testing.T) {
	e := newMtEnv(t)
	inv, err := e.s.SetNoteTaker(e.ctx, e.va, e.seriesID, e.bob.ID)
	if err != nil || inv == nil {
		t.Fatalf("name bob: %v %v", inv, err)
	}
	if m, _ := e.s.Meeting(e.ctx, e.vb, e.seriesID); m.Meeting.NoteTakerID != "" {
		t.Errorf("bob is note-taker before accepting")
	}
	testutil.Accept(t, e.s, inv)
	view, _ := e.s.Meeting(e.ctx, e.vb, e.seriesID)
	if !view.IsNoteTaker {
		t.Fatalf("bob accepted but is not the note-taker")
	}
	occ := view.Upcoming[0].Occurrence
	nbID, err := e.s.OpenOccurrenceNotebook(e.ctx, e.va, e.seriesID, occ, false)
	if err != nil {
		t.Fatal(err)
	}
	again, err := e.s.OpenOccurrenceNotebook(e.ctx, e.vb, e.seriesID, occ, false)
	if err != nil || again != nbID {
		t.Errorf("second click: %s %v, want %s", again, err, nbID)
	}
	nb, err := e.s.Notebook(e.ctx, e.vb, nbID)
	if err != nil || nb.Visibility != maillage.VisibilityCommunity || nb.CommunityID != e.circle.ID {
		t.Fatalf("notebook %+v %v", nb, err)
	}
	m, _ := e.db.Meeting(e.ctx, e.seriesID)
	var ch maillage.OccurrenceChange
	for _, c := range m.Changes {
		if c.Occurrence.Equal(occ) {
			ch = c
		}
	}
	// Bob, the note-taker, is invited to co-sign the three notes.
	testutil.AcceptNote(t, e.s, ch.MinuteNoteID, e.bob.ID)
	for id, want := range map[string]maillage.Visibility{ch.MinuteNoteID: "private", ch.SummaryNoteID: "community", ch.ResourcesNoteID: "community"} {
		n, err := e.s.Note(e.ctx, e.va, id)
		if err != nil || n.Visibility != want {
			t.Errorf("note %s: %v, want %s", id, err, want)
		}
	}
	// Olga cannot open or publish; Bob cannot file into a notebook he
	// does not contribute to, and nothing is filed then.
	if _, err := e.s.OpenOccurrenceNotebook(e.ctx, e.vo, e.seriesID, occ, false); !maillage.IsNotFound(err) {
		t.Errorf("outsider opens: %v", err)
	}
	if err := e.s.PublishOccurrence(e.ctx, e.vb, e.seriesID, occ, []string{e.publicNotebookID}); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("publish without the right: %v", err)
	}
	if err := e.s.PublishOccurrence(e.ctx, e.va, e.seriesID, occ, []string{e.publicNotebookID}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{ch.SummaryNoteID, ch.ResourcesNoteID} {
		if n, err := e.s.Note(e.ctx, e.vo, id); err != nil || n.Visibility != maillage.VisibilityPublic {
			t.Errorf("published note %s not public: %v", id, err)
		}
	}
	pub, err := e.s.Notebook(e.ctx, e.vo, e.publicNotebookID)
	if err != nil {
		t.Fatal(err)
	}
	notes, _, err := e.s.NotebookNotes(e.ctx, e.vo, pub.ID, service.NotebookNoteFilter{})
	if err != nil || len(notes) != 2 {
		t.Errorf("public notebook holds %d notes (%v), want the summary and the resources", len(notes), err)
	}
	integrated := 0
	for _, p := range notifyPayloads(t, e.db) {
		if strings.Contains(p, `"kind":"`+string(maillage.EventNoteIntegrated)+`"`) {
			integrated++
		}
	}
	if integrated != 2 {
		t.Errorf("%d integration notices, want 2", integrated)
	}
}

// TestAttendanceAndReminders: managers record who came, members only;
// a reminder goes once per occurrence.
func TestAttendanceAndReminders(t *testing.T) {
	e := newMtEnv(t)
	yes, no := true, false
	if err := e.s.RecordAttendance(e.ctx, e.va, e.seriesID, e.start, map[string]*bool{e.bob.ID: &yes, e.olga.ID: &no}); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Errorf("outsider in the list: %v", err)
	}
	if rows, _, _ := e.s.Attendance(e.ctx, e.va, e.seriesID, e.start); len(rows) != 0 {
		t.Errorf("a refused list wrote %d rows", len(rows))
	}
	if err := e.s.RecordAttendance(e.ctx, e.va, e.seriesID, e.start, map[string]*bool{e.bob.ID: &yes, e.alice.ID: &yes}); err != nil {
		t.Fatal(err)
	}
	if err := e.s.RecordAttendance(e.ctx, e.vb, e.seriesID, e.start, map[string]*bool{e.bob.ID: &yes}); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("a member records: %v", err)
	}
	rows, occ, err := e.s.Attendance(e.ctx, e.va, e.seriesID, time.Time{})
	if !occ.Equal(e.start) {
		t.Errorf("default occurrence %v, want the first %v", occ, e.start)
	}
	if err != nil || len(rows) != 2 || rows[0].Attended == nil || !*rows[0].Attended {
		t.Errorf("attendance %+v %v", rows, err)
	}
	n, err := e.s.QueueMeetingReminders(e.ctx, e.start.Add(-2*time.Hour))
	if err != nil || n != 1 {
		t.Errorf("reminders queued: %d %v", n, err)
	}
	if n, _ := e.s.QueueMeetingReminders(e.ctx, e.start.Add(-time.Hour)); n != 0 {
		t.Errorf("a reminder went twice")
	}
}

// TestCalendarFeeds: a community's feed for its members; a person's
// private feed through its secret only, replaced when renewed.
func TestCalendarFeeds(t *testing.T) {
	e := newMtEnv(t)
	if _, err := e.s.CommunityCalendar(e.ctx, e.vo, e.circle.ID); !maillage.IsNotFound(err) {
		t.Errorf("outsider reads the private community's feed: %v", err)
	}
	data, err := e.s.CommunityCalendar(e.ctx, e.vb, e.circle.ID)
	if err != nil || strings.Count(string(data), "BEGIN:VEVENT") != 2 {
		t.Errorf("member's feed: %v\n%s", err, data)
	}
	token, err := e.s.NewCalendarToken(e.ctx, e.vb)
	if err != nil {
		t.Fatal(err)
	}
	v, err := e.s.CalendarViewer(e.ctx, token)
	if err != nil || v.UserID != e.bob.ID {
		t.Fatalf("token viewer: %v %v", v.UserID, err)
	}
	personal, err := e.s.PersonalCalendar(e.ctx, v, "Bob")
	if err != nil || !strings.Contains(string(personal), "Rencontre de la CdP") {
		t.Errorf("personal feed: %v", err)
	}
	if _, err := e.s.NewCalendarToken(e.ctx, e.vb); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.CalendarViewer(e.ctx, token); !maillage.IsNotFound(err) {
		t.Errorf("an old secret still works: %v", err)
	}
	if _, err := e.s.CalendarViewer(e.ctx, "mlg_cal_guess"); !maillage.IsNotFound(err) {
		t.Errorf("a guessed secret: %v", err)
	}
}

// TestMeetingSearch: meetings are found by who may see them, and no one
// else; a change of title is found at once.
func TestMeetingSearch(t *testing.T) {
	e := newMtEnv(t)
	find := func(v maillage.Viewer, q string) []string {
		t.Helper()
		res, err := e.s.Search(e.ctx, v, service.SearchInput{Q: q, Types: []string{"meeting"}, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
			if h.Path() != "/meetings/"+h.ID {
				t.Errorf("hit path %s", h.Path())
			}
		}
		return ids
	}
	if got := find(e.vb, "rencontre"); len(got) != 1 || got[0] != e.seriesID {
		t.Errorf("Bob finds %v, want the series", got)
	}
	for name, v := range map[string]maillage.Viewer{"outsider": e.vo, "visitor": maillage.Anonymous()} {
		if got := find(v, "rencontre"); len(got) != 0 {
			t.Errorf("%s finds %v", name, got)
		}
		if got := find(v, "portes ouvertes"); len(got) != 0 {
			t.Errorf("%s finds the public meeting of an unlisted community: %v", name, got)
		}
	}
	view, _ := e.s.Meeting(e.ctx, e.va, e.seriesID)
	m := view.Meeting
	if _, err := e.s.UpdateMeeting(e.ctx, e.va, m.ID, maillage.MeetingInput{Title: "Atelier cybersécurité", StartsAt: m.StartsAt,
		DurationMinutes: m.DurationMinutes, RRule: m.RRule, Visibility: string(m.Visibility)}); err != nil {
		t.Fatal(err)
	}
	if got := find(e.vb, "cybersécurité"); len(got) != 1 {
		t.Errorf("the new title is not found: %v", got)
	}
}
