package web

import (
	"net/http"
	"strconv"

	"github.com/maillage/maillage/internal/service"
)

// perPage is the length of a directory page: enough to scan, short enough
// to read on a phone. No infinite scroll.
const perPage = 20

// pager is the pagination of a list, with links that keep its filters.
type pager struct {
	Page, Pages, Total int
	Prev, Next         string
	Items              []pageLink
}

type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool
}

// pageOf reads ?page= (1-based; anything odd is page 1) as a service page.
func pageOf(r *http.Request) (int, service.Page) {
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || n < 1 || n > 10000 {
		n = 1
	}
	return n, service.Page{Limit: perPage, Offset: (n - 1) * perPage}
}

// newPager builds the links around the current page: first, last, and the
// two neighbours on each side, with gaps between.
func newPager(r *http.Request, page, total int) pager {
	p := pager{Page: page, Total: total, Pages: (total + perPage - 1) / perPage}
	link := func(n int) string {
		q := r.URL.Query()
		q.Del("lang")
		if n == 1 {
			q.Del("page")
		} else {
			q.Set("page", strconv.Itoa(n))
		}
		if len(q) == 0 {
			return r.URL.Path
		}
		return r.URL.Path + "?" + q.Encode()
	}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if page < p.Pages {
		p.Next = link(page + 1)
	}
	last := 0
	for n := 1; n <= p.Pages; n++ {
		if n != 1 && n != p.Pages && (n < page-2 || n > page+2) {
			continue
		}
		if last != 0 && n > last+1 {
			p.Items = append(p.Items, pageLink{Gap: true})
		}
		p.Items = append(p.Items, pageLink{N: n, URL: link(n), Current: n == page})
		last = n
	}
	return p
}
