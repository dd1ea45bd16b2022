package service

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/mail"
)

// JobEmail is the job kind that sends one email.
const JobEmail = "email"

// Email kinds, each with its subject and text in the locale files
// (email.<kind>.subject, .greeting, .body, .action, .ignore).
const (
	EmailConfirm = "confirm"
	EmailReset   = "reset"
	// EmailAccountExists answers a sign-up with an address that already has
	// an account: it goes to the owner, never to the person signing up.
	EmailAccountExists = "account_exists"
)

// EmailJob is the payload of a JobEmail: enough to render the message in
// the recipient's language when the job runs.
type EmailJob struct {
	Kind string `json:"kind"`
	To   string `json:"to"`
	Name string `json:"name"`
	Lang string `json:"lang"`
	Link string `json:"link"`
	// Data fills the message's placeholders beyond Name (who asks, what).
	Data map[string]string `json:"data,omitempty"`
}

// Mailer sends the emails queued as jobs. It renders each one in the
// recipient's language, as text and HTML.
type Mailer struct {
	Mail    mail.Mailer
	Bundle  *i18n.Bundle
	From    string
	BaseURL string
}

var emailHTML = template.Must(template.New("email").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1d2b2a; max-width: 36rem; margin: 0 auto; padding: 1rem">
<p>{{.Greeting}}</p>
<p>{{.Body}}</p>
<p><a href="{{.Link}}" style="display: inline-block; background: #0f5f5c; color: #fff; padding: .6rem 1rem; border-radius: .4rem; text-decoration: none">{{.Action}}</a></p>
<p style="font-size: .9rem; color: #4a5756">{{.Ignore}}</p>
<p style="font-size: .9rem; color: #4a5756">Maillage — <a href="{{.BaseURL}}">{{.BaseURL}}</a></p>
</body></html>`))

// Handle runs one JobEmail.
func (m *Mailer) Handle(ctx context.Context, payload json.RawMessage) error {
	var j EmailJob
	if err := json.Unmarshal(payload, &j); err != nil {
		return fmt.Errorf("email job: %w", err)
	}
	loc := m.Bundle.Localizer(j.Lang)
	p := "email." + j.Kind + "."
	data := map[string]any{"Name": j.Name, "ForgotURL": strings.TrimRight(m.BaseURL, "/") + "/password/forgot"}
	for k, v := range j.Data {
		data[k] = v
	}
	greeting := loc.T("email.greeting", data)
	if j.Name == "" {
		// Someone asked by address alone: no name to greet them by.
		greeting = loc.T("email.greeting_anonymous")
	}
	view := map[string]any{
		"Lang":     loc.Lang(),
		"Subject":  loc.T(p + "subject"),
		"Greeting": greeting,
		"Body":     loc.T(p+"body", data),
		"Action":   loc.T(p + "action"),
		"Ignore":   loc.T(p + "ignore"),
		"Link":     j.Link,
		"BaseURL":  m.BaseURL,
	}
	var html bytes.Buffer
	if err := emailHTML.Execute(&html, view); err != nil {
		return fmt.Errorf("email job: %w", err)
	}
	text := fmt.Sprintf("%s\n\n%s\n\n%s\n%s\n\n%s\n\n-- \nMaillage — %s\n",
		view["Greeting"], view["Body"], view["Action"], j.Link, view["Ignore"], m.BaseURL)
	return m.Mail.Send(ctx, mail.Message{
		To: []string{j.To}, From: m.From, Subject: view["Subject"].(string), Text: text, HTML: html.String(),
	})
}
