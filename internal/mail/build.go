package mail

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	gomail "github.com/wneessen/go-mail"

	"github.com/maillage/maillage/internal/maillage"
)

// build turns m into a go-mail message, using defaultFrom when m has no
// sender. Both mailers go through here, so an outbox file holds exactly
// what SMTP would have sent.
func build(m Message, defaultFrom string) (*gomail.Msg, error) {
	if len(m.To) == 0 {
		return nil, errors.New("mail: message has no recipient")
	}
	if m.Text == "" {
		return nil, errors.New("mail: message has no text part")
	}
	from := m.From
	if from == "" {
		from = defaultFrom
	}
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := msg.From(from); err != nil {
		return nil, fmt.Errorf("mail: sender %q: %w", from, err)
	}
	if err := msg.To(m.To...); err != nil {
		return nil, fmt.Errorf("mail: recipients: %w", err)
	}
	// Subjects carry names and titles people typed. They are cleaned when
	// typed; cleaning again here means no stored text, however old, can
	// break the header onto a line of its own.
	msg.Subject(maillage.CleanLine(m.Subject))
	for name, value := range m.Headers {
		// A line break would let a value smuggle in extra header fields.
		if name == "" || strings.ContainsAny(name, "\r\n: ") || strings.ContainsAny(value, "\r\n") {
			return nil, fmt.Errorf("mail: invalid header %q", name)
		}
		msg.SetGenHeader(gomail.Header(name), value)
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	for _, a := range m.Attachments {
		// The name is shown to the recipient and written in a header:
		// no line break may reach it.
		name := maillage.CleanLine(a.Name)
		if err := msg.AttachReader(name, bytes.NewReader(a.Data), gomail.WithFileContentType(gomail.ContentType(a.ContentType))); err != nil {
			return nil, fmt.Errorf("mail: attachment %q: %w", name, err)
		}
	}
	msg.SetMessageID()
	msg.SetDate()
	return msg, nil
}
