package demo

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

// testMeetings: the community of practice's calendar holds the two
// framing meetings and the series every two months, whose eight meetings
// held so far open their notes in the meetings notebook, with attendance
// taken from the minutes and answers to the next meeting; outsiders see
// none of it.
func testMeetings(t *testing.T, w *world) {
	ctx := context.Background()
	camille := w.as(t, DemoEmail)
	cdp := findCommunity(t, w.s, camille, cdpName)
	ms, err := w.s.CommunityMeetings(ctx, camille, cdp.ID)
	if err != nil || len(ms) != 3 || w.sum.Meetings != 3 {
		t.Fatalf("%d meetings (summary %d), want 2 framing meetings and the series: %v", len(ms), w.sum.Meetings, err)
	}
	var series *maillage.Meeting
	for i := range ms {
		if ms[i].RRule != "" {
			series = &ms[i]
		}
	}
	if series == nil || series.RRule != seriesRule || series.NoteTakerName != "Amina Benali" {
		t.Fatalf("the series: %+v", series)
	}
	view, err := w.s.Meeting(ctx, camille, series.ID)
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("America/Toronto")
	withNotebook, cancelled := 0, 0
	var moved *maillage.Occurrence
	for i, o := range view.Past {
		if o.NotebookID != "" {
			withNotebook++
		}
		if o.Status == maillage.OccurrenceCancelled {
			cancelled++
		}
		if o.Status == maillage.OccurrenceMoved {
			moved = &view.Past[i]
		}
		if local := o.StartsAt.In(loc); local.Hour() != 13 || local.Minute() != 30 || local.Weekday() != time.Wednesday {
			t.Errorf("occurrence at %s, not a Wednesday at 13 h 30 local time", local)
		}
	}
	if withNotebook != 8 {
		t.Errorf("%d past occurrences open a notebook, want 8", withNotebook)
	}
	if moved == nil || moved.StartsAt.In(loc).Day() != 16 {
		t.Errorf("the September 2026 meeting is not moved to the 16th: %+v", moved)
	}
	rows, _, err := w.s.Attendance(ctx, camille, series.ID, time.Date(2025, 3, 12, 13, 30, 0, 0, loc))
	if err != nil {
		t.Fatal(err)
	}
	came := 0
	for _, a := range rows {
		if a.Attended != nil && *a.Attended {
			came++
		}
	}
	if came != 17 {
		t.Errorf("%d people attended the first meeting, the minute says 17", came)
	}
	next, ok := view.Occurrence(time.Date(2027, 1, 13, 13, 30, 0, 0, loc))
	if !ok || next.Yes != 4 || next.Maybe != 2 || next.No != 1 {
		t.Errorf("answers to January 2027: %+v", next)
	}
	// Someone outside the community sees none of it.
	outsider := w.as(t, AdminEmail)
	outsider.Admin = false
	if _, err := w.s.Meeting(ctx, outsider, series.ID); !maillage.IsNotFound(err) {
		t.Errorf("an outsider sees the series: %v", err)
	}
	cal, err := w.s.MeetingCalendar(ctx, camille, series.ID)
	if err != nil || !strings.Contains(string(cal), "EXDATE;TZID=America/Toronto:20250709T133000") ||
		!strings.Contains(string(cal), "RECURRENCE-ID;TZID=America/Toronto:20260909T133000") {
		t.Errorf("the series' calendar: %v\n%s", err, cal)
	}
}
