package service

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// unsubscribeLinkLife is how long an email's one-click unsubscribe link
// works: mail stays in inboxes for a long time.
const unsubscribeLinkLife = 365 * 24 * time.Hour

// UnsubscribeTokenPrefix starts the secret of every unsubscribe link.
const UnsubscribeTokenPrefix = "mlg_unsub_"

// emailItem is one notification in an email: its sentence and its link.
type emailItem struct {
	Text string
	Link string
	When string
}

// emailGroup is the notifications of one community in a digest.
type emailGroup struct {
	Name  string
	Items []emailItem
}

// notifyEmailView is what the notification email templates receive.
type notifyEmailView struct {
	Lang, Subject, Greeting, Intro string
	// Detail says more under the intro (what an invitation asks).
	Detail string
	Groups []emailGroup
	// Action and Link make the button of a single notification's email.
	Action, Link                                            string
	Why, Settings, SettingsURL, Unsubscribe, UnsubscribeURL string
	BaseURL                                                 string
}

var notifyEmailHTML = template.Must(template.New("notify").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1d2b2a; max-width: 36rem; margin: 0 auto; padding: 1rem">
<p>{{.Greeting}}</p>
{{- with .Intro}}
<p>{{.}}</p>
{{- end}}
{{- with .Detail}}
<p>{{.}}</p>
{{- end}}
{{- range .Groups}}
{{- with .Name}}
<h2 style="font-size: 1.1rem; margin: 1.5rem 0 .5rem">{{.}}</h2>
{{- end}}
<ul style="padding-left: 1.2rem">
{{- range .Items}}
<li style="margin: .4rem 0"><a href="{{.Link}}" style="color: #0f5f5c">{{.Text}}</a>{{with .When}} <span style="color: #4a5756; font-size: .9rem">· {{.}}</span>{{end}}</li>
{{- end}}
</ul>
{{- end}}
{{- if .Link}}
<p><a href="{{.Link}}" style="display: inline-block; background: #0f5f5c; color: #fff; padding: .6rem 1rem; border-radius: .4rem; text-decoration: none">{{.Action}}</a></p>
{{- end}}
<hr style="border: 0; border-top: 1px solid #d5dcdb; margin: 1.5rem 0">
<p style="font-size: .9rem; color: #4a5756">{{.Why}}</p>
<p style="font-size: .9rem; color: #4a5756"><a href="{{.SettingsURL}}" style="color: #0f5f5c">{{.Settings}}</a> · <a href="{{.UnsubscribeURL}}" style="color: #0f5f5c">{{.Unsubscribe}}</a></p>
<p style="font-size: .9rem; color: #4a5756">Maillage — <a href="{{.BaseURL}}" style="color: #0f5f5c">{{.BaseURL}}</a></p>
</body></html>`))

// text renders the plain-text part of a notification email: the same
// content as the HTML one, links written out.
func (v notifyEmailView) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", v.Greeting)
	if v.Intro != "" {
		fmt.Fprintf(&b, "%s\n\n", v.Intro)
	}
	if v.Detail != "" {
		fmt.Fprintf(&b, "%s\n\n", v.Detail)
	}
	for _, g := range v.Groups {
		if g.Name != "" {
			fmt.Fprintf(&b, "%s\n%s\n", g.Name, strings.Repeat("=", min(len([]rune(g.Name)), 60)))
		}
		for _, it := range g.Items {
			fmt.Fprintf(&b, "- %s", it.Text)
			if it.When != "" {
				fmt.Fprintf(&b, " (%s)", it.When)
			}
			fmt.Fprintf(&b, "\n  %s\n", it.Link)
		}
		b.WriteString("\n")
	}
	if v.Link != "" {
		fmt.Fprintf(&b, "%s :\n%s\n\n", v.Action, v.Link)
	}
	fmt.Fprintf(&b, "-- \n%s\n%s : %s\n%s : %s\n\nMaillage — %s\n", v.Why, v.Settings, v.SettingsURL, v.Unsubscribe, v.UnsubscribeURL, v.BaseURL)
	return b.String()
}

// notificationLink opens a notification: it marks it read, then leads to
// its subject (after signing in if needed).
func (m *Mailer) notificationLink(id string) string {
	return strings.TrimRight(m.BaseURL, "/") + "/notifications/" + id
}

// newView starts the view of an email to u in their language.
func (m *Mailer) newView(l *i18n.Localizer, u *maillage.User, subject, unsubscribeURL string, scoped bool) notifyEmailView {
	base := strings.TrimRight(m.BaseURL, "/")
	why := "notifications.email.why_all"
	if scoped {
		why = "notifications.email.why_community"
	}
	return notifyEmailView{
		Lang: l.Lang(), Subject: subject,
		Greeting:    l.T("notifications.email.greeting", map[string]any{"Name": u.Name}),
		Why:         l.T(why),
		Settings:    l.T("notifications.email.settings"),
		SettingsURL: base + "/settings/notifications",
		Unsubscribe: l.T("notifications.email.unsubscribe"), UnsubscribeURL: unsubscribeURL,
		BaseURL: base,
	}
}

// message builds the email of a view, with the headers that let mail
// clients offer a one-click unsubscribe (RFC 8058) and that mark it as
// automatic, so out-of-office replies stay quiet (RFC 3834).
func (m *Mailer) message(to string, v notifyEmailView) (mail.Message, error) {
	var html bytes.Buffer
	if err := notifyEmailHTML.Execute(&html, v); err != nil {
		return mail.Message{}, fmt.Errorf("render email: %w", err)
	}
	return mail.Message{
		To: []string{to}, From: m.From, Subject: v.Subject, Text: v.text(), HTML: html.String(),
		Headers: map[string]string{
			"List-Unsubscribe":      "<" + v.UnsubscribeURL + ">",
			"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
			"Auto-Submitted":        "auto-generated",
		},
	}, nil
}

// unsubscribeURL makes a one-click unsubscribe link for a person and a
// scope (a community, or "" for every email). Only its hash is stored.
func (n *Notifier) unsubscribeURL(ctx context.Context, userID, communityID string) (string, error) {
	plain, hash, err := auth.NewToken(UnsubscribeTokenPrefix)
	if err != nil {
		return "", err
	}
	db := n.Service.db
	err = db.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateUnsubscribeToken(ctx, hash, userID, communityID, tx.Now().Add(unsubscribeLinkLife))
	})
	if err != nil {
		return "", err
	}
	return strings.TrimRight(n.Mailer.BaseURL, "/") + "/unsubscribe/" + plain, nil
}

// eachEmail renders the email of a single notification.
func (n *Notifier) eachEmail(l *i18n.Localizer, u *maillage.User, notif *maillage.Notification, unsubscribeURL string) (mail.Message, error) {
	text := NotificationText(l, *notif)
	v := n.Mailer.newView(l, u, text, unsubscribeURL, notif.CommunityID != "")
	v.Intro = text
	v.Action, v.Link = l.T("notifications.email.open"), n.Mailer.notificationLink(notif.ID)
	if maillage.GroupOf(notif.Kind) == maillage.GroupInvitations && notif.Kind != maillage.EventJoinAccepted {
		// An invitation asks for an answer: say what it means and why
		// this email came, rather than "you follow this community".
		v.Detail = l.T("home.email.invitation_detail")
		v.Why = l.T("home.email.invitation_why", map[string]any{"Actor": notif.ActorName})
		v.Action = l.T("home.email.invitation_action")
	}
	return n.Mailer.message(u.Email, v)
}

// digestEmail renders a digest: the notifications grouped by community,
// in the order they came.
func (n *Notifier) digestEmail(l *i18n.Localizer, u *maillage.User, period maillage.NotifyMode, items []maillage.Notification, unsubscribeURL string) (mail.Message, error) {
	data := map[string]any{"Count": l.Number(len(items))}
	subject := l.N("notifications.email.digest_subject_"+string(period), len(items), data)
	v := n.Mailer.newView(l, u, subject, unsubscribeURL, false)
	v.Intro = l.N("notifications.email.digest_intro_"+string(period), len(items), data)
	index := map[string]int{}
	for _, it := range items {
		name := it.CommunityName
		if name == "" {
			name = l.T("notifications.email.elsewhere")
		}
		i, ok := index[name]
		if !ok {
			i = len(v.Groups)
			index[name] = i
			v.Groups = append(v.Groups, emailGroup{Name: name})
		}
		v.Groups[i].Items = append(v.Groups[i].Items, emailItem{Text: NotificationText(l, it),
			Link: n.Mailer.notificationLink(it.ID), When: l.DateTime(it.CreatedAt)})
	}
	return n.Mailer.message(u.Email, v)
}
