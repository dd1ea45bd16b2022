package httpx

import (
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"runtime/debug"
)

// Recover turns a panic in a handler into a logged error and a clean 500:
// the stack goes to the log, never to the client. onPanic renders the error
// page (in the reader's language, say); when nil, a bare 500 is sent. If the
// handler had already started its response, nothing more can be sent and
// the panic is only logged.
//
// http.ErrAbortHandler is passed on untouched: it is the documented way to
// abort a response and net/http handles it quietly.
func Recover(logger *slog.Logger, onPanic func(w http.ResponseWriter, r *http.Request)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := &responseRecorder{ResponseWriter: w}
			// Headers set by outer middleware (request id, security
			// headers) belong on the error page; those the handler set
			// before panicking (a Content-Type, cookies) do not.
			outer := w.Header().Clone()
			defer func() {
				v := recover()
				if v == nil {
					return
				}
				if v == http.ErrAbortHandler {
					panic(v)
				}
				logger.LogAttrs(r.Context(), slog.LevelError, "panic in handler",
					slog.String("panic", fmt.Sprint(v)),
					slog.String("method", r.Method),
					slog.String("path", r.URL.Path),
					slog.String("request_id", RequestIDFrom(r.Context())),
					slog.String("stack", string(debug.Stack())),
				)
				if rec.wroteHeader {
					return
				}
				h := w.Header()
				clear(h)
				maps.Copy(h, outer)
				if onPanic != nil {
					onPanic(w, r)
					return
				}
				http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			}()
			next.ServeHTTP(rec, r)
		})
	}
}
