package store

import (
	"strconv"
	"strings"
)

// args numbers query parameters as they are added, so dynamic filters can
// be composed without counting placeholders by hand.
type args []any

// add appends v and returns its placeholder ("$3").
func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// list appends each value and returns their placeholders joined by commas,
// for IN (...) lists.
func (a *args) list(values []string) string {
	ph := make([]string, len(values))
	for i, v := range values {
		ph[i] = a.add(v)
	}
	return strings.Join(ph, ", ")
}

// tagIn is the condition "col is one of the filter's tags": one ID, any
// of several (a tag with its descendants), or both together.
func tagIn(col, one string, many []string, a *args) string {
	ids := many
	if one != "" {
		ids = append([]string{one}, many...)
	}
	if len(ids) == 1 {
		return col + " = " + a.add(ids[0])
	}
	return col + " IN (" + a.list(ids) + ")"
}
