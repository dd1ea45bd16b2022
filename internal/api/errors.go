package api

import (
	"errors"
	"log/slog"
	"maps"
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
)

// errorBody is the one shape of every API error:
// {"error":{"code","message","fields"?}}.
type errorBody struct {
	Error errorJSON `json:"error"`
}

type errorJSON struct {
	Code    string      `json:"code" doc:"machine code: invalid, unauthorized, forbidden, not_found, conflict, too_large, rate_limited, internal"`
	Message string      `json:"message" doc:"human text in the negotiated language"`
	Fields  []fieldJSON `json:"fields,omitempty" doc:"one entry per invalid input field"`
	// ExistingID names the organisation a new one would duplicate.
	ExistingID string `json:"existing_id,omitempty" doc:"on a duplicate organisation, the ID of the existing one"`
	RequestID  string `json:"request_id,omitempty" doc:"quote it when reporting a problem"`
}

type fieldJSON struct {
	Field   string `json:"field"`
	Code    string `json:"code" doc:"machine code of the problem, e.g. required, too_long, invalid_choice, wrong_type"`
	Message string `json:"message"`
}

// statusOf chooses the HTTP status of a domain error code.
func statusOf(c maillage.Code) int {
	switch c {
	case maillage.CodeInvalid:
		return http.StatusBadRequest
	case maillage.CodeUnauthorized:
		return http.StatusUnauthorized
	case maillage.CodeForbidden:
		return http.StatusForbidden
	case maillage.CodeNotFound:
		return http.StatusNotFound
	case maillage.CodeConflict:
		return http.StatusConflict
	case maillage.CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case maillage.CodeRateLimited:
		return http.StatusTooManyRequests
	default:
		return http.StatusInternalServerError
	}
}

// apiMessage replaces generic messages written for web pages ("this
// page...") by wording that suits API clients.
func apiMessage(id string) (string, bool) {
	switch id {
	case "error.not_found":
		return "api.not_found", true
	case "error.forbidden":
		return "api.forbidden", true
	case "error.unauthorized":
		return "api.unauthorized", true
	case "error.too_large":
		return "api.too_large", true
	}
	return "", false
}

// fail writes the error answer of err. Internal errors are logged with
// the request ID and answered with a generic message.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		err = maillage.Errorf(maillage.CodeTooLarge, "api.too_large")
	}
	e := maillage.AsError(err)
	st := stateOf(r)
	l := st.l
	if l == nil {
		l = s.bundle.Localizer("")
	}
	status := statusOf(e.Code)
	code := e.Code
	if status == http.StatusInternalServerError {
		code = maillage.CodeInternal
		s.log.LogAttrs(r.Context(), slog.LevelError, "api: internal error",
			slog.String("err", err.Error()),
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("request_id", httpx.RequestIDFrom(r.Context())))
	}
	msgID, data := e.MessageID, e.Data
	if alt, ok := apiMessage(msgID); ok {
		msgID = alt
	}
	if code == maillage.CodeInternal {
		msgID, data = "error.internal", nil
	}
	body := errorJSON{Code: string(code), Message: l.T(msgID, localData(l, data))}
	if code == maillage.CodeInternal {
		body.RequestID = httpx.RequestIDFrom(r.Context())
	}
	if code != maillage.CodeInternal {
		for _, f := range e.Fields {
			body.Fields = append(body.Fields, fieldJSON{Field: f.Field, Code: fieldCode(f.MessageID), Message: l.T(f.MessageID, localData(l, f.Data))})
		}
	}
	if code == maillage.CodeConflict && strings.HasPrefix(e.MessageID, "organization.duplicate") {
		if id, ok := e.Data["ID"].(string); ok {
			body.ExistingID = id
		}
	}
	switch status {
	case http.StatusUnauthorized:
		if e.MessageID == errBadToken.MessageID {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		} else {
			w.Header().Set("WWW-Authenticate", `Bearer`)
		}
	case http.StatusTooManyRequests:
		w.Header().Set("Retry-After", "60")
	}
	s.writeJSON(w, status, errorBody{Error: body})
}

// fieldCode turns a field message ID ("field.too_long") into the machine
// code clients see ("too_long").
func fieldCode(messageID string) string {
	if i := strings.LastIndexByte(messageID, '.'); i >= 0 {
		return messageID[i+1:]
	}
	return messageID
}

// unmatched answers requests no route takes: 405 with Allow when the path
// exists with other methods, else the same 404 as an invisible resource.
func (s *server) unmatched(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "" && pattern != Prefix+"/" {
			allow = append(allow, m)
			if m == http.MethodGet {
				allow = append(allow, http.MethodHead)
			}
		}
	}
	if len(allow) == 0 {
		s.fail(w, r, maillage.ErrNotFound)
		return
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	s.writeJSON(w, http.StatusMethodNotAllowed, errorBody{Error: errorJSON{
		Code:    "method_not_allowed",
		Message: stateOf(r).l.T("api.method_not_allowed", map[string]any{"Method": r.Method, "Allow": strings.Join(allow, ", ")}),
	}})
}

// localData translates the message references in an error's data.
func localData(l *i18n.Localizer, data map[string]any) map[string]any {
	var out map[string]any
	for k, v := range data {
		if ref, ok := v.(msgRef); ok {
			if out == nil {
				out = maps.Clone(data)
			}
			out[k] = l.T(string(ref))
		}
	}
	if out == nil {
		return data
	}
	return out
}
