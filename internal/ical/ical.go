// Package ical writes meetings as iCalendar (RFC 5545) files and feeds
// that Google Calendar, Outlook and Apple Calendar subscribe to: a
// VTIMEZONE for every zone used, the series with its RRULE, cancelled
// occurrences as EXDATE, moved ones as a VEVENT of their own with
// RECURRENCE-ID, SEQUENCE raised on every change and STATUS:CANCELLED for
// a cancelled series. Encoding (line folding, escaping, the checks of the
// standard's cardinalities) is github.com/emersion/go-ical's.
package ical

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"

	goical "github.com/emersion/go-ical"
)

// ProductID names Maillage in every calendar it writes.
const ProductID = "-//Maillage//Rencontres//FR"

// Moved is one occurrence of a series moved to another time.
type Moved struct {
	Original time.Time
	Start    time.Time
	Duration time.Duration
	Sequence int
}

// Event is one meeting: a single event or a series.
type Event struct {
	UID         string
	Sequence    int
	Title       string
	Description string
	Location    string
	URL         string
	Categories  []string
	// Start is in the meeting's location, which names its VTIMEZONE.
	Start    time.Time
	Duration time.Duration
	Rule     string // normalized RRULE value, "" for a single meeting
	// ExDates are the original starts of cancelled occurrences.
	ExDates []time.Time
	Moved   []Moved
	// Cancelled marks the whole meeting (or series) cancelled.
	Cancelled bool
	Created   time.Time
	Modified  time.Time
}

// Calendar is a file or feed of meetings.
type Calendar struct {
	// Name is shown by applications that subscribe (X-WR-CALNAME).
	Name   string
	Events []Event
	// Stamp is DTSTAMP: when the file was made.
	Stamp time.Time
}

// Write encodes the calendar. A calendar with no events still carries the
// default time zone, since RFC 5545 wants at least one component and a
// new community's feed has nothing yet.
func Write(w io.Writer, c Calendar, defaultZone *time.Location) error {
	cal := goical.NewCalendar()
	cal.Props.SetText(goical.PropVersion, "2.0")
	cal.Props.SetText(goical.PropProductID, ProductID)
	cal.Props.SetText(goical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(goical.PropMethod, "PUBLISH")
	if c.Name != "" {
		setText(cal.Props, "X-WR-CALNAME", c.Name)
		cal.Props.SetText(goical.PropName, c.Name)
	}
	// Feeds are fetched again every few hours by the applications that read it.
	refresh := goical.NewProp(goical.PropRefreshInterval)
	refresh.SetValueType(goical.ValueDuration)
	refresh.Value = "PT6H"
	cal.Props.Set(refresh)
	setRaw(cal.Props, "X-PUBLISHED-TTL", "PT6H")

	zones := map[string]*time.Location{}
	first := map[string]time.Time{}
	note := func(t time.Time) {
		name := t.Location().String()
		if name == "UTC" {
			return
		}
		zones[name] = t.Location()
		if f, ok := first[name]; !ok || t.Before(f) {
			first[name] = t
		}
	}
	for _, e := range c.Events {
		note(e.Start)
		for _, m := range e.Moved {
			note(m.Start.In(e.Start.Location()))
		}
	}
	if len(zones) == 0 && defaultZone != nil {
		zones[defaultZone.String()] = defaultZone
		first[defaultZone.String()] = c.Stamp.In(defaultZone)
	}
	names := make([]string, 0, len(zones))
	for n := range zones {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		cal.Children = append(cal.Children, Timezone(zones[n], first[n].Year()))
	}
	for _, e := range c.Events {
		cal.Children = append(cal.Children, e.components(c.Stamp)...)
	}
	if err := goical.NewEncoder(w).Encode(cal); err != nil {
		return fmt.Errorf("ical: %w", err)
	}
	return nil
}

// components are the VEVENTs of one meeting: the series, then one per
// moved occurrence.
func (e Event) components(stamp time.Time) []*goical.Component {
	loc := e.Start.Location()
	master := e.base(stamp, e.Sequence)
	master.Props.SetDateTime(goical.PropDateTimeStart, e.Start)
	master.Props.SetDateTime(goical.PropDateTimeEnd, e.Start.Add(e.Duration))
	if e.Rule != "" {
		p := goical.NewProp(goical.PropRecurrenceRule)
		p.SetValueType(goical.ValueRecurrence)
		p.Value = e.Rule
		master.Props.Set(p)
		for _, x := range e.ExDates {
			p := goical.NewProp(goical.PropExceptionDates)
			p.SetDateTime(x.In(loc))
			master.Props.Add(p)
		}
	}
	if e.Cancelled {
		master.Props.SetText(goical.PropStatus, string(goical.EventCancelled))
	} else {
		master.Props.SetText(goical.PropStatus, string(goical.EventConfirmed))
	}
	out := []*goical.Component{master}
	if e.Rule == "" {
		return out
	}
	for _, m := range e.Moved {
		seq := m.Sequence
		if seq < e.Sequence {
			seq = e.Sequence
		}
		ev := e.base(stamp, seq)
		rid := goical.NewProp(goical.PropRecurrenceID)
		rid.SetDateTime(m.Original.In(loc))
		ev.Props.Set(rid)
		d := m.Duration
		if d <= 0 {
			d = e.Duration
		}
		ev.Props.SetDateTime(goical.PropDateTimeStart, m.Start.In(loc))
		ev.Props.SetDateTime(goical.PropDateTimeEnd, m.Start.Add(d).In(loc))
		status := goical.EventConfirmed
		if e.Cancelled {
			status = goical.EventCancelled
		}
		ev.Props.SetText(goical.PropStatus, string(status))
		out = append(out, ev)
	}
	return out
}

// base is a VEVENT with the meeting's fields shared by the series and its
// moved occurrences.
func (e Event) base(stamp time.Time, seq int) *goical.Component {
	ev := goical.NewEvent()
	ev.Props.SetText(goical.PropUID, e.UID)
	ev.Props.SetDateTime(goical.PropDateTimeStamp, stamp.UTC())
	p := goical.NewProp(goical.PropSequence)
	p.SetValueType(goical.ValueInt)
	p.Value = strconv.Itoa(seq)
	ev.Props.Set(p)
	ev.Props.SetText(goical.PropSummary, e.Title)
	if e.Description != "" {
		ev.Props.SetText(goical.PropDescription, e.Description)
	}
	if e.Location != "" {
		ev.Props.SetText(goical.PropLocation, e.Location)
	}
	if e.URL != "" {
		u := goical.NewProp(goical.PropURL)
		u.SetValueType(goical.ValueURI)
		u.Value = e.URL
		ev.Props.Set(u)
	}
	if len(e.Categories) > 0 {
		c := goical.NewProp(goical.PropCategories)
		c.SetTextList(e.Categories)
		ev.Props.Set(c)
	}
	if !e.Created.IsZero() {
		ev.Props.SetDateTime(goical.PropCreated, e.Created.UTC())
	}
	if !e.Modified.IsZero() {
		ev.Props.SetDateTime(goical.PropLastModified, e.Modified.UTC())
	}
	return ev.Component
}

// setText sets a text property without a VALUE parameter: properties
// whose type the encoder does not know (X-WR-CALNAME) would otherwise be
// written with VALUE=TEXT, which some applications do not expect.
func setText(props goical.Props, name, text string) {
	p := goical.NewProp(name)
	p.SetText(text)
	p.Params.Del(goical.ParamValue)
	props.Set(p)
}

// setRaw sets a property's value as written (a UTC offset, a duration).
func setRaw(props goical.Props, name, value string) {
	p := goical.NewProp(name)
	p.Value = value
	props.Set(p)
}
