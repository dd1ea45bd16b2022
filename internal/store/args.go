package store

import "strconv"

// args numbers query parameters as they are added, so dynamic filters can
// be composed without counting placeholders by hand.
type args []any

// add appends v and returns its placeholder ("$3").
func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}
