// Package mail sends email: over SMTP in production, or into a folder of
// .eml files (an outbox) in development and tests, where no message should
// leave the machine. Both build messages the same way.
package mail

import (
	"context"
	"fmt"
)

// Message is one email. Text is required, because some readers and screen
// readers prefer plain text; HTML is optional and, when set, sent as the
// richer alternative of a multipart/alternative message.
type Message struct {
	// To lists the recipients' addresses, as "name@example.ca" or
	// "Nom Prénom <name@example.ca>".
	To []string
	// From overrides the mailer's default sender when not empty.
	From    string
	Subject string
	Text    string
	HTML    string
	// Headers adds header fields, for example List-Unsubscribe and
	// List-Unsubscribe-Post (RFC 8058) on notification emails.
	Headers map[string]string
	// Attachments are files sent with the message (an invitation's
	// mandate as a PDF).
	Attachments []Attachment
}

// Attachment is a file sent with a message.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
}

// Mailer sends email. Implementations are safe for concurrent use.
type Mailer interface {
	Send(ctx context.Context, m Message) error
}

// New returns an SMTP mailer when smtpURL is set, and otherwise an outbox
// mailer writing into outboxDir. from is the default sender address.
func New(smtpURL, outboxDir, from string) (Mailer, error) {
	if smtpURL != "" {
		m, err := NewFromURL(smtpURL, from)
		if err != nil {
			return nil, err
		}
		return m, nil
	}
	if outboxDir == "" {
		return nil, fmt.Errorf("mail: neither an SMTP URL nor an outbox folder is configured")
	}
	m, err := NewOutbox(outboxDir, from)
	if err != nil {
		return nil, err
	}
	return m, nil
}
