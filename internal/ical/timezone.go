package ical

import (
	"fmt"
	"time"

	goical "github.com/emersion/go-ical"
)

// Timezone describes loc as a VTIMEZONE from the given year on: the
// standard and daylight observances of that year, each repeating yearly
// on the same weekday of the month (the second Sunday of March ...).
// Calendar applications use it for zones they do not know, and Outlook
// requires it. Go's zone data is the source, so it follows the IANA
// database embedded in the binary; a zone that changes its rules after
// that year is described by the rules in force that year.
func Timezone(loc *time.Location, year int) *goical.Component {
	tz := goical.NewComponent(goical.CompTimezone)
	tz.Props.SetText(goical.PropTimezoneID, loc.String())
	start := time.Date(year, 1, 1, 0, 0, 0, 0, loc)
	end := start.AddDate(1, 0, 0)
	var changes []time.Time
	for t := start; t.Before(end) && len(changes) < 2; {
		_, next := t.ZoneBounds()
		if next.IsZero() || !next.Before(end) {
			break
		}
		changes = append(changes, next)
		t = next
	}
	if len(changes) < 2 {
		// No daylight saving time that year: one standard observance.
		name, off := start.Zone()
		tz.Children = append(tz.Children, observance(goical.CompTimezoneStandard, time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), name, off, off, ""))
		return tz
	}
	for _, c := range changes {
		before := c.Add(-time.Second)
		_, fromOff := before.Zone()
		name, toOff := c.Zone()
		kind := goical.CompTimezoneStandard
		if c.IsDST() {
			kind = goical.CompTimezoneDaylight
		}
		// DTSTART is the local time of the change as read before it.
		local := c.In(time.FixedZone("", fromOff))
		wall := time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), 0, time.UTC)
		tz.Children = append(tz.Children, observance(kind, wall, name, fromOff, toOff, yearlyRule(wall)))
	}
	return tz
}

// observance is a STANDARD or DAYLIGHT component.
func observance(kind string, wall time.Time, name string, from, to int, rule string) *goical.Component {
	o := goical.NewComponent(kind)
	p := goical.NewProp(goical.PropDateTimeStart)
	p.SetValueType(goical.ValueDateTime)
	p.Value = wall.Format("20060102T150405") // floating local time, as RFC 5545 wants here
	o.Props.Set(p)
	setRaw(o.Props, goical.PropTimezoneOffsetFrom, offset(from))
	setRaw(o.Props, goical.PropTimezoneOffsetTo, offset(to))
	if name != "" {
		o.Props.SetText(goical.PropTimezoneName, name)
	}
	if rule != "" {
		r := goical.NewProp(goical.PropRecurrenceRule)
		r.SetValueType(goical.ValueRecurrence)
		r.Value = rule
		o.Props.Set(r)
	}
	return o
}

// yearlyRule repeats a change on the same weekday rank of its month: the
// last one when it falls in the month's last seven days.
func yearlyRule(t time.Time) string {
	days := time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
	rank := (t.Day()-1)/7 + 1
	if t.Day() > days-7 {
		rank = -1
	}
	codes := [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}
	return fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", int(t.Month()), rank, codes[t.Weekday()])
}

// offset writes a UTC offset in seconds as ±HHMM.
func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	return fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec%3600/60)
}
