package i18n

import (
	"fmt"
	"strconv"
	"time"

	"golang.org/x/text/number"
)

// Date formats the day of t, as seen in Toronto, in long form:
// "28 novembre 2026" (with "1er" for the first of the month, as French
// requires) or "November 28, 2026".
func (l *Localizer) Date(t time.Time) string {
	t = t.In(l.tz)
	if l.lang == English {
		return t.Format("January 2, 2006")
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return day + " " + frenchMonth(t.Month()) + " " + strconv.Itoa(t.Year())
}

// DateTime formats t, as seen in Toronto, with its time of day:
// "28 novembre 2026 à 14 h 05" (24-hour clock, the Office québécois de la
// langue française style, "14 h" on the hour) or
// "November 28, 2026 at 2:05 PM".
func (l *Localizer) DateTime(t time.Time) string {
	t = t.In(l.tz)
	if l.lang == English {
		return l.Date(t) + " at " + t.Format("3:04 PM")
	}
	clock := strconv.Itoa(t.Hour()) + " h"
	if t.Minute() != 0 {
		clock += fmt.Sprintf(" %02d", t.Minute())
	}
	return l.Date(t) + " à " + clock
}

// Number formats an integer or floating-point number with this language's
// separators: "1 234,5" (no-break space) or "1,234.5", with at most three
// decimals. It takes any so templates can pass whatever numeric type they
// hold; a value that is not a number is printed as with %v.
func (l *Localizer) Number(n any) string {
	switch n.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return l.printer.Sprint(number.Decimal(n))
	default:
		return fmt.Sprint(n)
	}
}

// frenchMonth names m in lowercase, as French writes month names.
func frenchMonth(m time.Month) string {
	names := [...]string{
		"janvier", "février", "mars", "avril", "mai", "juin",
		"juillet", "août", "septembre", "octobre", "novembre", "décembre",
	}
	return names[m-1]
}
