// Package recurrence reads RFC 5545 recurrence rules (RRULE) and expands a
// series of meetings into its occurrences, in the series' own time zone,
// so a meeting at 19:00 in Montréal stays at 19:00 across daylight-saving
// changes. Expansion is done by github.com/teambition/rrule-go; this
// package refuses the rules that calendar applications read differently,
// and adds the exceptions of a series: cancelled and moved occurrences.
package recurrence

import (
	"errors"
	"fmt"
	"strings"
	"time"
	// Time zones are embedded, so a server without a zoneinfo database
	// still computes local times (and builds VTIMEZONE) correctly.
	_ "time/tzdata"

	"github.com/teambition/rrule-go"
)

// DefaultTimezone is where Maillage's communities meet unless told otherwise.
const DefaultTimezone = "America/Toronto"

// MaxCount bounds COUNT: a series longer than that is a mistake, and
// every occurrence is expanded for calendars and reminders.
const MaxCount = 500

// MaxRuleLen bounds the length of a rule's text.
const MaxRuleLen = 300

// Reasons a rule is refused. Each is a stable code the service turns into
// a translated message (meeting.rrule_<reason>).
const (
	ReasonSyntax       = "syntax"        // not an RRULE at all
	ReasonTooFrequent  = "too_frequent"  // more than once a day
	ReasonCountUntil   = "count_until"   // COUNT and UNTIL together (RFC 5545 forbids it)
	ReasonTooMany      = "too_many"      // COUNT above MaxCount
	ReasonUntilBefore  = "until_before"  // UNTIL before the start
	ReasonStartOutside = "start_outside" // the start is not one of the rule's dates
	ReasonNoOccurrence = "no_occurrence" // the rule never happens
	ReasonTimezone     = "timezone"      // unknown time zone
)

// RuleError says why a rule (or a time zone) is refused.
type RuleError struct {
	Reason string
	// Detail is the parser's own words, for logs and API clients.
	Detail string
}

func (e *RuleError) Error() string {
	if e.Detail == "" {
		return "recurrence: " + e.Reason
	}
	return "recurrence: " + e.Reason + ": " + e.Detail
}

// Reason returns the reason of a *RuleError in err's chain, or "".
func Reason(err error) string {
	var re *RuleError
	if errors.As(err, &re) {
		return re.Reason
	}
	return ""
}

// Location loads a time zone by its IANA name ("" is DefaultTimezone).
func Location(name string) (*time.Location, error) {
	if name == "" {
		name = DefaultTimezone
	}
	// "Local" and "" would depend on the server; UTC is allowed by name.
	if name == "Local" || strings.ContainsAny(name, " \\") {
		return nil, &RuleError{Reason: ReasonTimezone, Detail: name}
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, &RuleError{Reason: ReasonTimezone, Detail: name}
	}
	return loc, nil
}

// Normalize cleans a rule as typed: an optional "RRULE:" prefix, spaces
// and case. It returns "" for "no recurrence".
func Normalize(rule string) string {
	rule = strings.ToUpper(strings.TrimSpace(rule))
	rule = strings.TrimPrefix(rule, "RRULE:")
	rule = strings.ReplaceAll(rule, " ", "")
	return strings.Trim(rule, ";")
}

// Parse reads a normalized rule for a series starting at start (a time in
// the series' location) and checks that every calendar application will
// read it the same way. The rule must not carry DTSTART: the series' start is it.
func Parse(rule string, start time.Time) (*rrule.RRule, error) {
	if len(rule) > MaxRuleLen {
		return nil, &RuleError{Reason: ReasonSyntax, Detail: "too long"}
	}
	if strings.Contains(rule, "DTSTART") || strings.ContainsAny(rule, "\r\n:") {
		return nil, &RuleError{Reason: ReasonSyntax, Detail: "only the RRULE value is expected"}
	}
	opt, err := rrule.StrToROptionInLocation(rule, start.Location())
	if err != nil {
		return nil, &RuleError{Reason: ReasonSyntax, Detail: err.Error()}
	}
	switch opt.Freq {
	case rrule.HOURLY, rrule.MINUTELY, rrule.SECONDLY:
		return nil, &RuleError{Reason: ReasonTooFrequent, Detail: opt.Freq.String()}
	}
	if len(opt.Byhour) > 0 || len(opt.Byminute) > 0 || len(opt.Bysecond) > 0 {
		return nil, &RuleError{Reason: ReasonTooFrequent, Detail: "BYHOUR, BYMINUTE and BYSECOND are not supported: the start gives the time"}
	}
	if opt.Interval < 0 || opt.Count < 0 {
		return nil, &RuleError{Reason: ReasonSyntax, Detail: "negative INTERVAL or COUNT"}
	}
	if opt.Count > 0 && !opt.Until.IsZero() {
		return nil, &RuleError{Reason: ReasonCountUntil}
	}
	if opt.Count > MaxCount {
		return nil, &RuleError{Reason: ReasonTooMany, Detail: fmt.Sprintf("COUNT=%d", opt.Count)}
	}
	if !opt.Until.IsZero() && opt.Until.Before(start) {
		return nil, &RuleError{Reason: ReasonUntilBefore}
	}
	opt.Dtstart = start
	r, err := rrule.NewRRule(*opt)
	if err != nil {
		return nil, &RuleError{Reason: ReasonSyntax, Detail: err.Error()}
	}
	// RFC 5545 counts the start as the first occurrence even when the
	// rule would not produce it; some applications do, others do not.
	// Refusing such a start keeps every calendar showing the same dates.
	first := r.After(start, true)
	if first.IsZero() {
		return nil, &RuleError{Reason: ReasonNoOccurrence}
	}
	if !first.Equal(start) {
		return nil, &RuleError{Reason: ReasonStartOutside,
			Detail: "the rule's first date is " + first.Format("2006-01-02 15:04")}
	}
	return r, nil
}

// Preset names a common rule offered by forms; Rule builds it from the start.
type Preset string

// Presets offered by the meeting form.
const (
	PresetNone         Preset = ""
	PresetWeekly       Preset = "weekly"
	PresetBiweekly     Preset = "biweekly"
	PresetMonthlyDay   Preset = "monthly"   // the same weekday of the month (third Thursday)
	PresetBimonthlyDay Preset = "bimonthly" // every two months, same weekday of the month
	PresetCustom       Preset = "custom"    // the rule typed in full
	PresetQuarterlyDay Preset = "quarterly" // every three months, same weekday of the month
)

// weekdayCodes are the RFC 5545 weekday codes, Monday first.
const weekdayCodes = "MOTUWETHFRSASU"

// Presets lists the presets in the order forms offer them.
func Presets() []Preset {
	return []Preset{PresetNone, PresetWeekly, PresetBiweekly, PresetMonthlyDay, PresetBimonthlyDay, PresetQuarterlyDay, PresetCustom}
}

// Rule builds the rule of a preset for a series starting at start (local
// time): "monthly" on the start's weekday and its rank in the month (the
// third Thursday; the last one when it is in the month's last week and
// would be a fifth). It returns "" for PresetNone and PresetCustom.
func (p Preset) Rule(start time.Time) string {
	day := weekday(start.Weekday())
	rank := (start.Day()-1)/7 + 1
	if rank == 5 {
		rank = -1
	}
	monthly := func(interval int) string {
		s := "FREQ=MONTHLY"
		if interval > 1 {
			s += fmt.Sprintf(";INTERVAL=%d", interval)
		}
		return s + fmt.Sprintf(";BYDAY=%d%s", rank, day)
	}
	switch p {
	case PresetWeekly:
		return "FREQ=WEEKLY;BYDAY=" + day
	case PresetBiweekly:
		return "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + day
	case PresetMonthlyDay:
		return monthly(1)
	case PresetBimonthlyDay:
		return monthly(2)
	case PresetQuarterlyDay:
		return monthly(3)
	}
	return ""
}

// weekday is the RFC 5545 code of a weekday (MO, TU ...).
func weekday(d time.Weekday) string {
	i := (int(d) + 6) % 7 // Monday first
	return weekdayCodes[2*i : 2*i+2]
}
