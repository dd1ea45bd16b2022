package maillage

import (
	"errors"
	"fmt"
)

// Code is a machine-readable error class. The HTTP status is chosen from it
// at the edge (web and API); the store and services never speak HTTP.
type Code string

// Error codes. They appear as-is in API error bodies, so they are part of
// the public contract: add new ones, never rename.
const (
	CodeInvalid      Code = "invalid"
	CodeUnauthorized Code = "unauthorized"
	CodeForbidden    Code = "forbidden"
	CodeNotFound     Code = "not_found"
	CodeConflict     Code = "conflict"
	CodeTooLarge     Code = "too_large"
	CodeRateLimited  Code = "rate_limited"
	CodeInternal     Code = "internal"
)

// Error is a domain error: a code for machines, a message ID for people
// (translated at the edge) and, for invalid input, one entry per field.
// Internal detail stays in Err, which is logged and never shown.
type Error struct {
	Code      Code
	MessageID string
	Data      map[string]any
	Fields    []FieldError
	Err       error
}

// FieldError tells which form field is wrong and why, as a message ID.
type FieldError struct {
	Field     string
	MessageID string
	Data      map[string]any
}

// Error implements error. The text is for logs, not for users.
func (e *Error) Error() string {
	s := string(e.Code) + ": " + e.MessageID
	for _, f := range e.Fields {
		s += fmt.Sprintf(" [%s: %s]", f.Field, f.MessageID)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap exposes the underlying cause to errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

// Errorf builds a domain error with a code and a message ID.
func Errorf(code Code, messageID string) *Error {
	return &Error{Code: code, MessageID: messageID}
}

// WithData returns a copy of e carrying template data for its message.
func (e *Error) WithData(data map[string]any) *Error {
	c := *e
	c.Data = data
	return &c
}

// Wrap returns a copy of e that keeps err as its (hidden) cause.
func (e *Error) Wrap(err error) *Error {
	c := *e
	c.Err = err
	return &c
}

// Common errors. Use them with errors.Is via ErrorCode, or return them
// directly when no more specific message helps the user.
var (
	// ErrNotFound is returned for anything absent or not visible: the two
	// must be indistinguishable.
	ErrNotFound = Errorf(CodeNotFound, "error.not_found")
	// ErrForbidden is for a visible thing the viewer may not act upon.
	ErrForbidden = Errorf(CodeForbidden, "error.forbidden")
	// ErrUnauthorized asks the viewer to sign in.
	ErrUnauthorized = Errorf(CodeUnauthorized, "error.unauthorized")
	// ErrConflict is a generic uniqueness or concurrency conflict.
	ErrConflict = Errorf(CodeConflict, "error.conflict")
	// ErrEditConflict says someone else saved the record since the edit began.
	ErrEditConflict = Errorf(CodeConflict, "error.edit_conflict")
	// ErrRateLimited asks the client to slow down.
	ErrRateLimited = Errorf(CodeRateLimited, "error.rate_limited")
)

// ErrorCode returns the code of the first domain error in err's chain,
// CodeInternal for any other error and "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// AsError returns the domain error in err's chain, or an internal error
// wrapping err, so the edges always have a code and a safe message.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: CodeInternal, MessageID: "error.internal", Err: err}
}

// IsNotFound reports whether err means "absent or not visible".
func IsNotFound(err error) bool { return ErrorCode(err) == CodeNotFound }
