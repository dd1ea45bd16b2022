package app_test

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/config"
	"github.com/maillage/maillage/internal/testutil"
)

// TestSignUpEmailOverSMTP signs up through the real program configured
// with an SMTP server, receives the confirmation email over a real SMTP
// exchange, and confirms the address with its link.
func TestSignUpEmailOverSMTP(t *testing.T) {
	sink := testutil.StartSMTPSink(t)
	m := bootWith(t, func(c *config.Config) {
		c.SMTPURL = "smtp://" + sink.Addr
		c.MailFrom = "Maillage <bonjour@maillage.example>"
	})
	c := client(t)
	res, err := c.PostForm(m.URL()+"/signup", url.Values{"name": {"Rosalie Kanapé"}, "email": {"rosalie@exemple.org"},
		"password": {"un mot de passe solide"}, "interests": {"Économie sociale"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/signup?sent=1" {
		t.Fatalf("sign-up: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}

	got := sink.WaitFor(t, "rosalie@exemple.org", 15*time.Second)
	msg, err := mail.ReadMessage(strings.NewReader(got.Data))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if !strings.Contains(got.From, "bonjour@maillage.example") || !strings.Contains(strings.ToLower(subject), "confirm") {
		t.Fatalf("from %q, subject %q", got.From, subject)
	}
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mediaType != "multipart/alternative" {
		t.Fatalf("content type %q: %v", mediaType, err)
	}
	var text string
	parts := multipart.NewReader(msg.Body, params["boundary"])
	kinds := map[string]bool{}
	for {
		p, err := parts.NextPart()
		if err != nil {
			break
		}
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		kinds[ct] = true
		b := new(strings.Builder)
		if _, err := io.Copy(b, p); err != nil {
			t.Fatal(err)
		}
		if ct == "text/plain" {
			text = b.String()
		}
	}
	if !kinds["text/plain"] || !kinds["text/html"] {
		t.Fatalf("parts: %v", kinds)
	}
	link := regexp.MustCompile(`http://localhost:8080/email/confirm\?token=[a-z0-9]+`).FindString(text)
	if link == "" {
		t.Fatalf("no confirmation link in:\n%s", text)
	}
	token := strings.TrimPrefix(link, "http://localhost:8080/email/confirm?token=")
	res, err = c.PostForm(m.URL()+"/email/confirm", url.Values{"token": {token}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("confirm: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	// Confirmed on the device that signed up: signed in.
	res, err = c.Get(m.URL() + "/settings/profile")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("not signed in after confirming: %d", res.StatusCode)
	}
	u, _, err := m.DB.UserCredentials(context.Background(), "rosalie@exemple.org")
	if err != nil || u.EmailConfirmedAt == nil {
		t.Fatalf("address not confirmed: %+v %v", u, err)
	}
}
