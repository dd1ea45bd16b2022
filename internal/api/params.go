package api

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/service"
)

// Page sizes of lists.
const (
	defaultLimit = 20
	maxLimit     = 100
	maxOffset    = 1_000_000
)

// page reads limit and offset: limit 1..100 (20 by default), offset 0 or
// more. Anything else is a 400 naming the parameter.
func page(r *http.Request) (service.Page, error) {
	lim, err := limitOf(r)
	if err != nil {
		return service.Page{}, err
	}
	p := service.Page{Limit: lim}
	q := r.URL.Query()
	if q.Has("offset") {
		n, err := strconv.Atoi(strings.TrimSpace(q.Get("offset")))
		if err != nil || n < 0 || n > maxOffset {
			return p, invalid("api.bad_limit", map[string]any{"Param": "offset", "Min": 0, "Max": maxOffset}, "offset")
		}
		p.Offset = n
	}
	return p, nil
}

// limitOf reads the limit parameter alone, for lists without offset.
func limitOf(r *http.Request) (int, error) {
	q := r.URL.Query()
	if !q.Has("limit") {
		return defaultLimit, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(q.Get("limit")))
	if err != nil || n < 1 || n > maxLimit {
		return 0, invalid("api.bad_limit", map[string]any{"Param": "limit", "Min": 1, "Max": maxLimit}, "limit")
	}
	return n, nil
}

// choice reads an optional query parameter that must be one of allowed.
func choice(r *http.Request, name string, allowed []string) (string, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" || slices.Contains(allowed, v) {
		return v, nil
	}
	return "", invalid("api.bad_param", map[string]any{"Param": name}, name)
}

// window applies a page to a list loaded whole.
func window[T any](items []T, p service.Page) []T {
	if p.Offset >= len(items) {
		return []T{}
	}
	end := min(len(items), p.Offset+p.Limit)
	return items[p.Offset:end]
}

// list is the envelope of every paginated list.
type list[T any] struct {
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
	Items  []T `json:"items"`
}

func newList[T any](items []T, total int, p service.Page) list[T] {
	if items == nil {
		items = []T{}
	}
	return list[T]{Total: total, Limit: p.Limit, Offset: p.Offset, Items: items}
}
