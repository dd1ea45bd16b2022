package recurrence

import (
	"testing"
	"time"
)

func toronto(t *testing.T) *time.Location {
	t.Helper()
	loc, err := Location("")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestDaylightSavingKeepsLocalTime: a meeting every two weeks at 19:00 in
// Montréal stays at 19:00 local when the clocks change (8 March and
// 1 November 2026), so its UTC time moves by an hour.
func TestDaylightSavingKeepsLocalTime(t *testing.T) {
	loc := toronto(t)
	s := Series{Start: time.Date(2026, 2, 26, 19, 0, 0, 0, loc), Duration: 2 * time.Hour, Rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"}
	got, err := s.Occurrences(s.Start, time.Date(2026, 3, 27, 0, 0, 0, 0, loc), 0)
	if err != nil {
		t.Fatal(err)
	}
	wantUTC := []string{"2026-02-27T00:00:00Z", "2026-03-12T23:00:00Z", "2026-03-26T23:00:00Z"}
	if len(got) != len(wantUTC) {
		t.Fatalf("got %d occurrences, want %d: %v", len(got), len(wantUTC), got)
	}
	for i, o := range got {
		if o.Start.Hour() != 19 || o.Start.UTC().Format(time.RFC3339) != wantUTC[i] {
			t.Errorf("occurrence %d: %s (UTC %s), want 19:00 local and %s", i, o.Start, o.Start.UTC(), wantUTC[i])
		}
	}
	// Back to standard time in the autumn.
	s.Start = time.Date(2026, 10, 22, 19, 0, 0, 0, loc)
	got, err = s.Occurrences(s.Start, s.Start.AddDate(0, 0, 20), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Start.UTC().Hour() != 23 || got[1].Start.UTC().Hour() != 0 || got[1].Start.Hour() != 19 {
		t.Errorf("autumn change: %v", got)
	}
}

// TestThirdThursdayEveryTwoMonths: the rules of the story.
func TestThirdThursdayEveryTwoMonths(t *testing.T) {
	loc := toronto(t)
	start := time.Date(2026, 1, 15, 13, 30, 0, 0, loc) // third Thursday of January
	rule := PresetBimonthlyDay.Rule(start)
	if rule != "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH" {
		t.Fatalf("preset rule = %q", rule)
	}
	s := Series{Start: start, Duration: 2 * time.Hour, Rule: rule}
	got, err := s.Next(start, 4)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-01-15", "2026-03-19", "2026-05-21", "2026-07-16"}
	for i, o := range got {
		if o.Start.Format("2006-01-02") != want[i] || o.Start.Hour() != 13 {
			t.Errorf("occurrence %d = %s, want %s 13:30", i, o.Start, want[i])
		}
	}
}

// TestChanges: a cancelled occurrence stays listed as cancelled, a moved
// one appears at its new time (even when moved into the window from
// outside it) and keeps its original start as identity.
func TestChanges(t *testing.T) {
	loc := toronto(t)
	start := time.Date(2026, 1, 7, 10, 0, 0, 0, loc)
	s := Series{Start: start, Duration: time.Hour, Rule: "FREQ=WEEKLY;COUNT=4", Changes: []Change{
		{Original: start.AddDate(0, 0, 7), Cancelled: true},
		{Original: start.AddDate(0, 0, 21), Start: start.AddDate(0, 0, 12).Add(4 * time.Hour), Duration: 90 * time.Minute},
	}}
	got, err := s.Occurrences(start, start.AddDate(0, 0, 15), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 { // 7 Jan, 14 Jan cancelled, 28 Jan moved to 19 Jan, 21 Jan
		t.Fatalf("got %v", got)
	}
	if !got[1].Cancelled || got[2].Original != start.AddDate(0, 0, 21) || !got[2].Moved || got[2].End.Sub(got[2].Start) != 90*time.Minute {
		t.Errorf("changes not applied: %+v", got)
	}
	if last, ok := s.Last(); !ok || !last.Equal(start.AddDate(0, 0, 21)) {
		t.Errorf("Last = %v %v", last, ok)
	}
}

// TestBadRules: every refusal has its reason.
func TestBadRules(t *testing.T) {
	loc := toronto(t)
	start := time.Date(2026, 1, 15, 13, 30, 0, 0, loc) // a Thursday
	for rule, reason := range map[string]string{
		"FREQ=SOMETIMES":                      ReasonSyntax,
		"every 2 months":                      ReasonSyntax,
		"INTERVAL=2":                          ReasonSyntax,
		"DTSTART:20260101T000000Z":            ReasonSyntax,
		"FREQ=HOURLY":                         ReasonTooFrequent,
		"FREQ=DAILY;BYHOUR=9,14":              ReasonTooFrequent,
		"FREQ=WEEKLY;COUNT=3;UNTIL=20270101":  ReasonCountUntil,
		"FREQ=DAILY;COUNT=100000":             ReasonTooMany,
		"FREQ=WEEKLY;UNTIL=20250101T000000Z":  ReasonUntilBefore,
		"FREQ=MONTHLY;BYDAY=1MO":              ReasonStartOutside,
		"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30": ReasonNoOccurrence,
		"FREQ=MONTHLY;BYMONTHDAY=40":          ReasonSyntax,
	} {
		_, err := Parse(Normalize(rule), start)
		if got := Reason(err); got != reason {
			t.Errorf("%q: reason %q (%v), want %q", rule, got, err, reason)
		}
	}
	if _, err := Parse(Normalize("rrule:freq=monthly;interval=2;byday=3th"), start); err != nil {
		t.Errorf("a valid rule in lower case with its prefix: %v", err)
	}
	if _, err := Location("Mars/Olympus"); Reason(err) != ReasonTimezone {
		t.Errorf("unknown zone: %v", err)
	}
}

// TestNextOfEndedSeries stops at the end instead of searching for decades.
func TestNextOfEndedSeries(t *testing.T) {
	loc := toronto(t)
	start := time.Date(2026, 1, 7, 10, 0, 0, 0, loc)
	s := Series{Start: start, Duration: time.Hour, Rule: "FREQ=WEEKLY;COUNT=2"}
	got, err := s.Next(start, 10)
	if err != nil || len(got) != 2 {
		t.Fatalf("Next = %v, %v", got, err)
	}
	single := Series{Start: start, Duration: time.Hour}
	if got, _ := single.Next(start.Add(time.Minute), 10); len(got) != 0 {
		t.Errorf("a past single meeting has no next occurrence: %v", got)
	}
}
