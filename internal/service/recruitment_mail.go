package service

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
)

// RecruitmentMailer sends the emailed invitations to join a community and
// their reminders (JobRecruitmentEmail), in the invitee's language, with
// the mandate attached as a PDF when the managers chose one.
type RecruitmentMailer struct {
	Service *Service
	Mailer  *Mailer
}

var recruitmentHTML = template.Must(template.New("recruitment").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1d2b2a; max-width: 36rem; margin: 0 auto; padding: 1rem">
<p>{{.Greeting}}</p>
<p>{{.Intro}}</p>
{{- if .Message}}
<blockquote style="margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #0f5f5c; white-space: pre-line">{{.Message}}</blockquote>
{{- end}}
{{- if .Description}}
<p><strong>{{.DescriptionLabel}}</strong></p>
<p style="white-space: pre-line">{{.Description}}</p>
{{- end}}
{{- if .AttachmentNote}}<p>{{.AttachmentNote}}</p>{{end}}
<p><a href="{{.Link}}" style="display: inline-block; background: #0f5f5c; color: #fff; padding: .6rem 1rem; border-radius: .4rem; text-decoration: none">{{.Action}}</a></p>
<p style="font-size: .9rem; color: #4a5756">{{.Validity}}</p>
<p style="font-size: .9rem; color: #4a5756">{{.Ignore}}</p>
<p style="font-size: .9rem; color: #4a5756">Maillage — <a href="{{.BaseURL}}">{{.BaseURL}}</a></p>
</body></html>`))

// Handle runs one JobRecruitmentEmail. An invitation answered before the
// job ran, or gone with its community, needs no email.
func (m *RecruitmentMailer) Handle(ctx context.Context, payload json.RawMessage) error {
	var j RecruitmentEmailJob
	if err := json.Unmarshal(payload, &j); err != nil {
		return fmt.Errorf("recruitment email: %w", err)
	}
	s := m.Service
	inv, err := s.db.RecruitmentInvitationByID(ctx, j.InvitationID)
	if maillage.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("recruitment email: %w", err)
	}
	if inv.Status != maillage.InvitationPending {
		return nil
	}
	reader := maillage.Anonymous()
	if inv.UserID != "" {
		if reader, _, err = s.Viewer(ctx, inv.UserID); err != nil {
			return fmt.Errorf("recruitment email: %w", err)
		}
	}
	if err := s.hideMentions(ctx, reader, &inv.CommunityDescription, &inv.Message); err != nil {
		return fmt.Errorf("recruitment email: %w", err)
	}
	loc := m.Mailer.Bundle.Localizer(inv.Language)
	inviter := inv.InvitedByName
	if inviter == "" {
		inviter = loc.T("recruitment.email.someone")
	}
	data := map[string]any{"Name": inv.Name, "Community": inv.CommunityName, "Inviter": inviter,
		"Date": loc.Date(inv.ExpiresAt)}
	subject := loc.T("recruitment.email.subject", data)
	if j.Reminder {
		subject = loc.T("recruitment.email.reminder_subject", data)
	}
	greeting := loc.T("recruitment.email.greeting_anonymous")
	if inv.Name != "" {
		greeting = loc.T("email.greeting", data)
	}
	attachments, attachmentNote, err := m.attachments(ctx, inv, reader, loc.T("recruitment.email.attached", data))
	if err != nil {
		return err
	}
	view := map[string]any{
		"Lang": loc.Lang(), "Subject": subject, "Greeting": greeting,
		"Intro":            loc.T("recruitment.email.intro", data),
		"Message":          inv.Message,
		"DescriptionLabel": loc.T("recruitment.email.about", data),
		"Description":      inv.CommunityDescription,
		"AttachmentNote":   attachmentNote,
		"Action":           loc.T("recruitment.email.action"),
		"Validity":         loc.T("recruitment.email.validity", data),
		"Ignore":           loc.T("recruitment.email.ignore"),
		"Link":             j.Link,
		"BaseURL":          m.Mailer.BaseURL,
	}
	if j.Reminder {
		view["Intro"] = loc.T("recruitment.email.reminder_intro", data)
	}
	var html bytes.Buffer
	if err := recruitmentHTML.Execute(&html, view); err != nil {
		return fmt.Errorf("recruitment email: %w", err)
	}
	var text strings.Builder
	fmt.Fprintf(&text, "%s\n\n%s\n\n", greeting, view["Intro"])
	if inv.Message != "" {
		fmt.Fprintf(&text, "%s\n\n", quoteLines(inv.Message))
	}
	if inv.CommunityDescription != "" {
		fmt.Fprintf(&text, "%s\n%s\n\n", view["DescriptionLabel"], inv.CommunityDescription)
	}
	if attachmentNote != "" {
		fmt.Fprintf(&text, "%s\n\n", attachmentNote)
	}
	fmt.Fprintf(&text, "%s\n%s\n\n%s\n\n%s\n\n-- \nMaillage — %s\n", view["Action"], j.Link, view["Validity"], view["Ignore"],
		m.Mailer.BaseURL)
	to := inv.Email
	if inv.Name != "" {
		to = fmt.Sprintf("%q <%s>", maillage.CleanLine(inv.Name), inv.Email)
	}
	return m.Mailer.Mail.Send(ctx, mail.Message{To: []string{to}, From: m.Mailer.From, Subject: subject,
		Text: text.String(), HTML: html.String(), Attachments: attachments})
}

// attachments renders the mandate the managers chose as a PDF, and the
// line of the email that mentions it. A note deleted since attaches
// nothing.
func (m *RecruitmentMailer) attachments(ctx context.Context, inv *maillage.RecruitmentInvitation, reader maillage.Viewer, line string) ([]mail.Attachment, string, error) {
	s := m.Service
	var title, body string
	switch inv.Attachment {
	case maillage.AttachDescription:
		title, body = inv.CommunityName, inv.CommunityDescription
	case maillage.AttachNote:
		if inv.MandateNoteID == "" {
			return nil, "", nil
		}
		n, err := s.db.Note(ctx, inv.MandateNoteID)
		if maillage.IsNotFound(err) {
			return nil, "", nil
		}
		if err != nil {
			return nil, "", fmt.Errorf("recruitment email: %w", err)
		}
		title, body = n.Title, n.Body
		if err := s.hideMentions(ctx, reader, &body); err != nil {
			return nil, "", fmt.Errorf("recruitment email: %w", err)
		}
	default:
		return nil, "", nil
	}
	pdf, err := mandatePDF(title, inv.CommunityName+" — Maillage", body, s.db.Now())
	if err != nil {
		return nil, "", err
	}
	name := fold.Slug(title)
	if name == "" {
		name = "mandat"
	}
	if len(name) > 80 {
		name = strings.Trim(name[:80], "-")
	}
	return []mail.Attachment{{Name: name + ".pdf", ContentType: "application/pdf", Data: pdf}}, line, nil
}

// quoteLines prefixes each line of a message with "> ", as replies quote.
func quoteLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}
