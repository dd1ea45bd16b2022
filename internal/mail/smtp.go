package mail

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Default ports when the SMTP URL has none: submission with STARTTLS, and
// submission over implicit TLS (RFC 8314).
const (
	defaultSMTPPort  = 587
	defaultSMTPSPort = 465
	smtpTimeout      = 30 * time.Second
)

// SMTPMailer sends email through an SMTP server, one connection per
// message, so it is safe for concurrent use (the jobs worker pool).
type SMTPMailer struct {
	client *gomail.Client
	from   string
}

// NewFromURL configures an SMTP mailer from a URL:
//
//	smtp://user:password@host:port   STARTTLS when the server offers it
//	smtps://user:password@host:port  implicit TLS
//
// Without a user no authentication is attempted. With one, the password is
// only sent over an encrypted connection (or with a challenge-response
// mechanism), never in clear text. from is the default sender.
func NewFromURL(rawURL, from string) (*SMTPMailer, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		// url.Error repeats the whole URL, password included: keep only the cause.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("mail: invalid SMTP URL: %w", err)
	}
	var opts []gomail.Option
	port := defaultSMTPPort
	switch u.Scheme {
	case "smtp":
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	case "smtps":
		port = defaultSMTPSPort
		opts = append(opts, gomail.WithSSL())
	default:
		return nil, fmt.Errorf("mail: SMTP URL scheme must be smtp or smtps, not %q", u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, errors.New("mail: SMTP URL has no host")
	}
	if p := u.Port(); p != "" {
		port, err = strconv.Atoi(p)
		if err != nil || port < 1 || port > 65535 {
			return nil, fmt.Errorf("mail: SMTP URL has an invalid port %q", p)
		}
	}
	opts = append(opts, gomail.WithPort(port), gomail.WithTimeout(smtpTimeout))
	if user := u.User.Username(); user != "" {
		pass, _ := u.User.Password()
		opts = append(opts,
			gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(user),
			gomail.WithPassword(pass),
		)
	}
	if from == "" {
		return nil, errors.New("mail: no default sender address")
	}
	client, err := gomail.NewClient(u.Hostname(), opts...)
	if err != nil {
		return nil, fmt.Errorf("mail: configure SMTP client: %w", err)
	}
	return &SMTPMailer{client: client, from: from}, nil
}

// Send delivers m, giving up when ctx is done.
func (s *SMTPMailer) Send(ctx context.Context, m Message) error {
	msg, err := build(m, s.from)
	if err != nil {
		return err
	}
	if err := s.client.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("mail: send to %s: %w", s.client.ServerAddr(), err)
	}
	return nil
}
