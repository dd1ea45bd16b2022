package mail

import (
	"errors"

	gomail "github.com/wneessen/go-mail"
)

// IsPermanent reports whether a sending error is a permanent refusal by
// the SMTP server (a 5xx reply: unknown mailbox, address rejected).
// Sending the same message again would fail the same way, so callers
// record the failure instead of retrying it.
func IsPermanent(err error) bool {
	var se *gomail.SendError
	if !errors.As(err, &se) {
		return false
	}
	code := se.ErrorCode()
	return code >= 500 && code < 600
}
