package httpx

import (
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// ValidUTF8 keeps bytes that are not UTF-8 out of the application, where
// PostgreSQL would refuse them with an internal error. Nothing can live
// at a path that is not UTF-8, so such a path answers notFound; query
// values are repaired with U+FFFD, so a filter simply finds nothing.
func ValidUTF8(notFound http.Handler) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !utf8.ValidString(r.URL.Path) {
				notFound.ServeHTTP(w, r)
				return
			}
			if q := r.URL.RawQuery; q != "" {
				if u, err := url.QueryUnescape(q); err != nil || !utf8.ValidString(u) {
					values := r.URL.Query()
					for k, vs := range values {
						for i, v := range vs {
							vs[i] = strings.ToValidUTF8(v, "\uFFFD")
						}
						if fixed := strings.ToValidUTF8(k, "\uFFFD"); fixed != k {
							delete(values, k)
							values[fixed] = vs
						}
					}
					r2 := r.Clone(r.Context())
					r2.URL.RawQuery = values.Encode()
					r = r2
				}
			}
			next.ServeHTTP(w, r)
		})
	}
}
