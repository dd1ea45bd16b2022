package maillage

import (
	"net/mail"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Validator collects field errors so a form shows every problem at once
// instead of one per submission.
type Validator struct {
	fields []FieldError
}

// Add records an error on a field.
func (v *Validator) Add(field, messageID string, data map[string]any) {
	v.fields = append(v.fields, FieldError{Field: field, MessageID: messageID, Data: data})
}

// Has reports whether the field already has an error, so later checks do
// not pile a second message on the same field.
func (v *Validator) Has(field string) bool {
	for _, f := range v.fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Required checks that a trimmed value is not empty.
func (v *Validator) Required(field, value string) {
	if strings.TrimSpace(value) == "" && !v.Has(field) {
		v.Add(field, "field.required", nil)
	}
}

// MaxLen checks a length in characters (not bytes: "é" counts once).
func (v *Validator) MaxLen(field, value string, max int) {
	if utf8.RuneCountInString(value) > max && !v.Has(field) {
		v.Add(field, "field.too_long", map[string]any{"Max": max})
	}
}

// Email checks a plain address (no display name). Empty is left to Required.
func (v *Validator) Email(field, value string) {
	if value == "" || v.Has(field) {
		return
	}
	if !ValidEmail(value) {
		v.Add(field, "field.invalid_email", nil)
	}
}

// URL checks an absolute http or https URL. Empty is left to Required.
func (v *Validator) URL(field, value string) {
	if value == "" || v.Has(field) {
		return
	}
	if !ValidURL(value) {
		v.Add(field, "field.invalid_url", nil)
	}
}

// OneOf checks that value is one of the allowed ones. Empty is left to Required.
func (v *Validator) OneOf(field, value string, allowed []string) {
	if value == "" || v.Has(field) {
		return
	}
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	v.Add(field, "field.invalid_choice", nil)
}

// Err returns an invalid-input error listing the fields, or nil.
func (v *Validator) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Code: CodeInvalid, MessageID: "error.invalid", Fields: v.fields}
}

// ValidEmail reports whether s is a single bare email address with a
// dotted domain, as people type them into forms.
func ValidEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " <>\"") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".")
}

// ValidURL reports whether s is an absolute http(s) URL with a host.
func ValidURL(s string) bool {
	if len(s) > 2000 {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(u.Host, " <>\"")
}

// NormalizeEmail lowercases and trims an email so lookups and uniqueness
// ignore case.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
