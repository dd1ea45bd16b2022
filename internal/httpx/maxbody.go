package httpx

import "net/http"

// MaxBodyBytes caps request bodies at n bytes. Reading past the limit fails
// with an *http.MaxBytesError, which handlers turn into a 413; the server
// also stops reading the connection, so a huge upload is not drained.
func MaxBodyBytes(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Body != nil && r.Body != http.NoBody {
				r.Body = http.MaxBytesReader(w, r.Body, n)
			}
			next.ServeHTTP(w, r)
		})
	}
}
