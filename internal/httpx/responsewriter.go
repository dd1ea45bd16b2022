package httpx

import "net/http"

// responseRecorder notes the status and size of a response while passing it
// through. Unwrap lets http.ResponseController reach the underlying writer
// (deadlines, hijacking) and Flush keeps streaming responses working.
type responseRecorder struct {
	http.ResponseWriter
	status      int
	bytes       int64
	wroteHeader bool
}

func (rr *responseRecorder) WriteHeader(code int) {
	// 1xx responses (103 Early Hints) precede the real one; 101 is final.
	if !rr.wroteHeader && (code >= 200 || code == http.StatusSwitchingProtocols) {
		rr.status = code
		rr.wroteHeader = true
	}
	rr.ResponseWriter.WriteHeader(code)
}

func (rr *responseRecorder) Write(b []byte) (int, error) {
	if !rr.wroteHeader {
		rr.status = http.StatusOK
		rr.wroteHeader = true
	}
	n, err := rr.ResponseWriter.Write(b)
	rr.bytes += int64(n)
	return n, err
}

// Flush sends buffered data to the client, when the underlying writer can.
func (rr *responseRecorder) Flush() {
	if !rr.wroteHeader {
		rr.status = http.StatusOK
		rr.wroteHeader = true
	}
	_ = http.NewResponseController(rr.ResponseWriter).Flush()
}

// Unwrap returns the wrapped writer for http.ResponseController.
func (rr *responseRecorder) Unwrap() http.ResponseWriter { return rr.ResponseWriter }

// statusCode is the status sent, 200 if the handler wrote nothing at all
// (net/http then sends an empty 200).
func (rr *responseRecorder) statusCode() int {
	if !rr.wroteHeader {
		return http.StatusOK
	}
	return rr.status
}
