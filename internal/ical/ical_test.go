package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"
)

// TestSeriesParsesAndExpandsAcrossDaylightSaving writes a series every
// two weeks at 19:00 in Montréal with a cancelled and a moved occurrence,
// reads it back with a standard iCalendar decoder and expands it with an
// RRULE library: the occurrences stay at 19:00 local across the change
// of 8 March 2026, the cancelled one is gone and the moved one is found
// by its RECURRENCE-ID.
func TestSeriesParsesAndExpandsAcrossDaylightSaving(t *testing.T) {
	loc, err := time.LoadLocation("America/Toronto")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 2, 12, 19, 0, 0, 0, loc)
	moved := Moved{Original: start.AddDate(0, 0, 42), Start: start.AddDate(0, 0, 43), Duration: time.Hour, Sequence: 3}
	ev := Event{UID: "m1@maillage", Sequence: 2, Title: "Rencontre, suivi; bilan", Description: "Ordre du jour\n1. Bilan",
		URL: "https://meet.jit.si/maillage", Location: "En ligne", Categories: []string{"numérique"},
		Start: start, Duration: 2 * time.Hour, Rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=6",
		ExDates: []time.Time{start.AddDate(0, 0, 14)}, Moved: []Moved{moved},
		Created: start.Add(-time.Hour), Modified: start}
	var buf bytes.Buffer
	if err := Write(&buf, Calendar{Name: "CdP", Events: []Event{ev}, Stamp: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}, loc); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	for _, want := range []string{"BEGIN:VTIMEZONE", "TZID:America/Toronto", "BEGIN:DAYLIGHT", "BEGIN:STANDARD",
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
		"DTSTART;TZID=America/Toronto:20260212T190000", "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=6",
		"EXDATE;TZID=America/Toronto:20260226T190000", "RECURRENCE-ID;TZID=America/Toronto:20260326T190000",
		"SEQUENCE:3", "SUMMARY:Rencontre\\, suivi\\; bilan", "TZOFFSETFROM:-0500", "X-WR-CALNAME:CdP", "\r\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("the file lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "VALUE=TEXT") {
		t.Errorf("a property carries VALUE=TEXT:\n%s", text)
	}
	cal, err := goical.NewDecoder(strings.NewReader(text)).Decode()
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("%d events, want the series and the moved occurrence", len(events))
	}
	master := events[0]
	if master.Props.Get(goical.PropRecurrenceID) != nil {
		master = events[1]
	}
	dtstart, err := master.DateTimeStart(nil)
	if err != nil {
		t.Fatal(err)
	}
	opt, err := master.Props.RecurrenceRule()
	if err != nil {
		t.Fatal(err)
	}
	opt.Dtstart = dtstart
	r, err := rrule.NewRRule(*opt)
	if err != nil {
		t.Fatal(err)
	}
	var set rrule.Set
	set.RRule(r)
	for _, p := range master.Props.Values(goical.PropExceptionDates) {
		x, err := p.DateTime(nil)
		if err != nil {
			t.Fatal(err)
		}
		set.ExDate(x)
	}
	var got []string
	for _, o := range set.All() {
		got = append(got, o.UTC().Format("01-02T15:04Z")+"/"+o.In(loc).Format("15:04"))
	}
	// 12 Feb (EST, 00:00Z), 26 Feb cancelled, 12 and 26 March (EDT,
	// 23:00Z), 9 April (moved, still in the rule), 23 April.
	want := []string{"02-13T00:00Z/19:00", "03-12T23:00Z/19:00", "03-26T23:00Z/19:00", "04-09T23:00Z/19:00", "04-23T23:00Z/19:00"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("expanded %v, want %v", got, want)
	}
	for _, e := range events {
		if e.Props.Get(goical.PropRecurrenceID) == nil {
			continue
		}
		s, _ := e.DateTimeStart(nil)
		rid, _ := e.Props.DateTime(goical.PropRecurrenceID, nil)
		if !s.Equal(moved.Start) || !rid.Equal(moved.Original) {
			t.Errorf("moved occurrence: start %v, recurrence-id %v", s, rid)
		}
	}
}

// TestCancelledAndEmpty: a cancelled meeting says so; an empty feed is
// still a valid calendar.
func TestCancelledAndEmpty(t *testing.T) {
	loc, _ := time.LoadLocation("America/Toronto")
	var buf bytes.Buffer
	ev := Event{UID: "x@m", Sequence: 1, Title: "Annulée", Start: time.Date(2026, 7, 1, 9, 0, 0, 0, loc), Duration: time.Hour, Cancelled: true}
	if err := Write(&buf, Calendar{Events: []Event{ev}, Stamp: time.Now()}, loc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "STATUS:CANCELLED") {
		t.Errorf("no STATUS:CANCELLED:\n%s", buf.String())
	}
	buf.Reset()
	if err := Write(&buf, Calendar{Name: "Vide", Stamp: time.Now()}, loc); err != nil {
		t.Fatal(err)
	}
	if _, err := goical.NewDecoder(&buf).Decode(); err != nil {
		t.Errorf("empty feed: %v", err)
	}
}

// TestZoneWithoutDaylightSaving has one standard observance.
func TestZoneWithoutDaylightSaving(t *testing.T) {
	loc, _ := time.LoadLocation("America/Regina")
	tz := Timezone(loc, 2026)
	if len(tz.Children) != 1 || tz.Children[0].Name != goical.CompTimezoneStandard {
		t.Errorf("Regina: %+v", tz.Children)
	}
}
