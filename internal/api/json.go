package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maillage/maillage/internal/maillage"
)

// MaxBodyBytes caps request bodies (1 MiB).
const MaxBodyBytes = 1 << 20

// writeJSON writes v as the answer, with the given status.
func (s *server) writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.log.Error("api: encode answer", "err", err)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, `{"error":{"code":"internal","message":"internal error"}}`+"\n")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// noContent answers 204.
func noContent(w http.ResponseWriter) { w.WriteHeader(http.StatusNoContent) }

// invalid builds a 400 error with a top message and optional field.
func invalid(messageID string, data map[string]any, field string) *maillage.Error {
	e := &maillage.Error{Code: maillage.CodeInvalid, MessageID: messageID, Data: data}
	if field != "" {
		e.Fields = []maillage.FieldError{{Field: field, MessageID: messageID, Data: data}}
	}
	return e
}

// decode reads a JSON object body into dst: Content-Type must be JSON,
// the body at most MaxBodyBytes, without unknown fields or trailing data.
// Type errors name the field. When optional is true, an empty body leaves
// dst untouched.
func decode(r *http.Request, dst any, optional bool) error {
	if optional && r.ContentLength == 0 && r.Header.Get("Content-Type") == "" {
		return nil
	}
	if !isJSON(r.Header.Get("Content-Type")) {
		return invalid("api.content_type", nil, "")
	}
	if r.ContentLength > MaxBodyBytes {
		return maillage.Errorf(maillage.CodeTooLarge, "api.too_large")
	}
	// The body is already capped by the handler (httpx.MaxBodyBytes), so
	// it is read whole: text that is not UTF-8 is refused plainly rather
	// than silently changed by the decoder.
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	if !utf8.Valid(body) {
		return invalid("api.bad_utf8", nil, "")
	}
	if optional && len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		if errors.Is(err, io.EOF) && optional {
			return nil
		}
		return decodeError(err)
	}
	// Exactly one value: anything after it but white space is refused.
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return invalid("api.trailing_data", nil, "")
	}
	return nil
}

func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "application/json" || (strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")))
}

// decodeError turns a decoding failure into a translated invalid-input
// error that names the field when there is one.
func decodeError(err error) error {
	var tooBig *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &tooBig):
		return err
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			return invalid("api.not_object", nil, "")
		}
		data := map[string]any{"Field": field, "Expected": expected(typeErr.Type)}
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "api.wrong_type", Data: data,
			Fields: []maillage.FieldError{{Field: field, MessageID: "api.wrong_type", Data: data}}}
	case errors.As(err, &syntaxErr):
		return invalid("api.bad_json", map[string]any{"Offset": syntaxErr.Offset}, "")
	case errors.Is(err, io.EOF):
		return invalid("api.empty_body", nil, "")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return invalid("api.bad_json", map[string]any{"Offset": "EOF"}, "")
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if f, err := strconv.Unquote(name); err == nil {
			name = f
		}
		data := map[string]any{"Field": name}
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "api.unknown_field", Data: data,
			Fields: []maillage.FieldError{{Field: name, MessageID: "api.unknown_field", Data: data}}}
	}
	return invalid("api.bad_json", map[string]any{"Offset": "?"}, "")
}

// msgRef is message data that is itself a message ID, translated when
// the error is written.
type msgRef string

// expected names the JSON type a Go type accepts, as a message reference.
func expected(t reflect.Type) msgRef {
	return msgRef("api.type." + jsonKind(t))
}

func jsonKind(t reflect.Type) string {
	if t == nil {
		return "value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeFor[nullableNumber]() {
		return "number"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return "value"
}

// nullableNumber is a number in a partial update where null means
// "remove" and an absent field means "unchanged".
type nullableNumber struct {
	Set   bool // the field was present
	Valid bool // it was a number, not null
	Value float64
}

// UnmarshalJSON implements json.Unmarshaler.
func (n *nullableNumber) UnmarshalJSON(b []byte) error {
	n.Set = true
	if string(b) == "null" {
		n.Valid = false
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return &json.UnmarshalTypeError{Value: "non-number", Type: reflect.TypeFor[float64]()}
	}
	n.Valid, n.Value = true, f
	return nil
}

// coordText renders an optional coordinate as the text the domain input
// expects ("" for none).
func coordText(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

func (n nullableNumber) ptr() *float64 {
	if !n.Valid {
		return nil
	}
	return &n.Value
}
