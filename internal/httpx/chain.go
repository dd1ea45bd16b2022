// Package httpx holds the HTTP plumbing shared by the web and API front
// ends: middleware (request id, access log, panic recovery, security
// headers, body limits), the client address, and rate limiting. It depends
// only on the standard library.
package httpx

import "net/http"

// Chain wraps h with mws, the first being the outermost: the first to see
// the request and the last to see the response. A typical order is
//
//	Chain(mux, RequestID, AccessLog(log), Recover(log, render500), SecurityHeaders, MaxBodyBytes(n))
//
// so the log line carries the request id and records the 500 that Recover
// writes.
func Chain(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}
