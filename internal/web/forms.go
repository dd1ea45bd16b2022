package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
)

// form is a submitted (or pre-filled) form: the values as typed, so
// nothing is lost when it comes back with errors, and the errors
// translated, by field and in order for the summary box.
type form struct {
	Values  url.Values
	Errors  map[string]string
	Summary []summaryItem
	// Message is an error about the whole form (wrong password, conflict).
	Message string
	// Extra carries what a particular form needs besides values (the
	// duplicate organisation found, say).
	Extra map[string]any
}

// summaryItem is one line of the error summary, linking to its field.
type summaryItem struct {
	Field, Anchor, Label, Message string
}

func newForm(values url.Values) *form {
	if values == nil {
		values = url.Values{}
	}
	return &form{Values: values, Errors: map[string]string{}, Extra: map[string]any{}}
}

// Get returns a field's value as typed.
func (f *form) Get(name string) string { return f.Values.Get(name) }

// Error returns a field's translated error, or "".
func (f *form) Error(name string) string { return f.Errors[name] }

// Has reports whether the form has any error to show.
func (f *form) Has() bool { return len(f.Errors) > 0 || f.Message != "" }

// Checked reports whether a checkbox or radio with this value is set.
func (f *form) Checked(name, value string) bool {
	for _, v := range f.Values[name] {
		if v == value {
			return true
		}
	}
	return false
}

// At returns the i-th value of a repeated field (profile link rows).
func (f *form) At(name string, i int) string {
	if vs := f.Values[name]; i < len(vs) {
		return vs[i]
	}
	return ""
}

// addError records a translated error for a field. The summary names the
// field with its generic label, web.field.<name>.
func (f *form) addError(l *i18n.Localizer, field, messageID string, data map[string]any) {
	msg := l.T(messageID, data)
	if _, dup := f.Errors[field]; dup {
		return
	}
	f.Errors[field] = msg
	f.Summary = append(f.Summary, summaryItem{Field: field, Anchor: fieldID(field), Label: l.T(labelID(field)), Message: msg})
}

// apply copies a domain error onto the form. It reports false when err is
// not about the input, so the caller falls back to the error pages.
func (f *form) apply(l *i18n.Localizer, err error) bool {
	e := maillage.AsError(err)
	switch e.Code {
	case maillage.CodeInvalid, maillage.CodeConflict:
	default:
		if len(e.Fields) == 0 {
			return false
		}
	}
	for _, fe := range e.Fields {
		f.addError(l, fe.Field, fe.MessageID, fe.Data)
	}
	if len(e.Fields) == 0 {
		f.Message = l.T(e.MessageID, e.Data)
	}
	return true
}

// fieldID is the HTML id of a field's control.
func fieldID(name string) string {
	if name == "links" {
		return "f-links-0-url"
	}
	return "f-" + strings.ReplaceAll(name, "_", "-")
}

// formStatus is the status of a form shown again: 422 for input the
// server understood but refused, 409 for a conflict.
func formStatus(err error) int {
	if maillage.ErrorCode(err) == maillage.CodeConflict {
		return http.StatusConflict
	}
	return http.StatusUnprocessableEntity
}

// parseForm reads a POST body. A body over the limit is reported as such
// so the caller can answer 413.
func parseForm(r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return maillage.Errorf(maillage.CodeTooLarge, "error.too_large").Wrap(err)
		}
		return maillage.Errorf(maillage.CodeInvalid, "error.invalid").Wrap(fmt.Errorf("parse form: %w", err))
	}
	// Browsers send UTF-8, but a broken client may not; PostgreSQL would
	// refuse the bytes with an internal error, so they become U+FFFD here,
	// as JSON decoding does for the API.
	for _, vals := range []url.Values{r.PostForm, r.Form} {
		for k, vs := range vals {
			for i, v := range vs {
				vs[i] = strings.ToValidUTF8(v, "\uFFFD")
			}
			vals[k] = vs
		}
	}
	return nil
}

// trimmed returns a form value without surrounding white space.
func trimmed(r *http.Request, name string) string { return strings.TrimSpace(r.PostForm.Get(name)) }

// splitTags reads a comma-separated tag field ("économie sociale, TSÉ").
// Semicolons count as commas: people type both.
func splitTags(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		p = maillage.CleanTagLabel(p)
		if p == "" || seen[strings.ToLower(p)] {
			continue
		}
		seen[strings.ToLower(p)] = true
		out = append(out, p)
	}
	return out
}

// joinTags writes tags back into a comma-separated field.
func joinTags(tags []maillage.Tag) string {
	labels := make([]string, len(tags))
	for i, t := range tags {
		labels[i] = t.Label
	}
	return strings.Join(labels, ", ")
}

// localPath keeps a ?next= target on this site: a path starting with one
// slash, so "//evil.example" and "https://evil.example" are refused.
func localPath(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return ""
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return ""
	}
	return u.RequestURI()
}

// labelID names a field's label message. go-i18n reserves a few key names
// inside TOML tables (description, id, other...), hence the suffix.
func labelID(field string) string {
	return "web.field." + unreserved(field)
}

// unreserved renames a message key go-i18n would read as a message
// attribute ("description", "other") rather than a nested message.
func unreserved(key string) string {
	switch key {
	case "id", "description", "hash", "zero", "one", "two", "few", "many", "other", "translation":
		return key + "_text"
	}
	return key
}

// formVersion reads the version an edit form started from; a missing or
// altered value skips the check rather than refusing the edit.
func formVersion(r *http.Request) int {
	v, err := strconv.Atoi(r.PostForm.Get("version"))
	if err != nil || v < 0 {
		return 0
	}
	return v
}

// keepEditOnConflict prepares a form refused because someone saved first:
// the person's text stays as typed and the form now names the current
// version, so saving again knowingly replaces the other change.
func keepEditOnConflict(r *http.Request, err error, current int) {
	if maillage.AsError(err).MessageID == maillage.ErrEditConflict.MessageID {
		r.PostForm.Set("version", strconv.Itoa(current))
	}
}
