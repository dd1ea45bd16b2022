package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/alexedwards/scs/v2"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// BenchmarkNotePage draws a realistic public note through the real
// handler: about 8 KB of Markdown with a table of contents, twenty wiki
// links (some to notes the reader may not see), mentions, tags, three
// files and forty notes linking to it, half of them private. Run it as a
// visitor and as the note's author (whose page has more to show).
func BenchmarkNotePage(b *testing.B) {
	ctx := context.Background()
	db := testutil.OpenDB(b)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := service.New(service.Options{DB: db, Hasher: auth.NewHasher(auth.TestParams(), 2), BaseURL: "http://maillage.test",
		Logger: logger, Files: testutil.Files(b)})
	bundle, err := i18n.New()
	if err != nil {
		b.Fatal(err)
	}
	sessions := scs.New()
	sessions.Store = store.SessionStore{DB: db}
	h, err := New(Options{Service: svc, Bundle: bundle, Sessions: sessions, Logger: logger, BaseURL: "http://maillage.test"})
	if err != nil {
		b.Fatal(err)
	}

	people := make([]*maillage.User, 4)
	for i := range people {
		people[i], err = svc.CreateUser(ctx, maillage.SignUpInput{Name: fmt.Sprintf("Personne %d Tremblay", i),
			Email: fmt.Sprintf("p%d@example.org", i), Password: "mot de passe solide"}, false)
		if err != nil {
			b.Fatal(err)
		}
	}
	author, _, err := svc.Viewer(ctx, people[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	other, _, err := svc.Viewer(ctx, people[1].ID)
	if err != nil {
		b.Fatal(err)
	}
	// Targets of the wiki links: half public, half private to someone else.
	for i := range 10 {
		vis, v := "public", author
		if i%2 == 1 {
			vis, v = "private", other
		}
		if _, err := svc.CreateNote(ctx, v, maillage.NoteInput{Title: fmt.Sprintf("Ressource %d", i), Visibility: vis,
			Body: "Une ressource."}); err != nil {
			b.Fatal(err)
		}
	}
	var body strings.Builder
	for s := range 6 {
		fmt.Fprintf(&body, "## Section %d\n\n", s)
		for p := range 3 {
			fmt.Fprintf(&body, "Paragraphe %d de la section %d sur la transition socio-écologique des organismes communautaires, "+
				"avec **des mots en gras**, *de l’italique* et un lien vers [[Ressource %d]] ou [[Ressource absente %d]]. "+
				"Voir aussi @[%s](user:%s).\n\n", p, s, (s*3+p)%10, p, people[p%4].Name, people[p%4].ID)
		}
		body.WriteString("- un point\n- un autre point\n- un dernier point\n\n")
	}
	note, err := svc.CreateNote(ctx, author, maillage.NoteInput{Title: "Synthèse de la rencontre", Kind: "general",
		Summary: "Ce que la communauté a retenu.", Visibility: "public", Tags: []string{"transition", "numérique", "économie sociale"},
		Body: body.String(), AuthorIDs: []string{people[1].ID}})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 3 {
		if _, err := svc.UploadAttachment(ctx, author, note.ID, fmt.Sprintf("fichier-%d.txt", i),
			bytes.NewReader([]byte("Un fichier texte.\n"))); err != nil {
			b.Fatal(err)
		}
	}
	for i := range 40 {
		vis, v := "public", author
		if i%2 == 1 {
			vis, v = "private", other
		}
		if _, err := svc.CreateNote(ctx, v, maillage.NoteInput{Title: fmt.Sprintf("Note liée %d", i), Visibility: vis,
			Body: "Voir [[Synthèse de la rencontre]]."}); err != nil {
			b.Fatal(err)
		}
	}

	// The author's session cookie, from the real sign-in form.
	form := url.Values{"email": {people[0].Email}, "password": {"mot de passe solide"}}
	req := httptest.NewRequest(http.MethodPost, "/signin", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	cookies := rec.Result().Cookies()
	if len(cookies) == 0 {
		b.Fatalf("sign in: %d, no cookie", rec.Code)
	}

	for _, who := range []string{"visitor", "author"} {
		b.Run(who, func(b *testing.B) {
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, "/notes/"+note.ID, nil)
				if who == "author" {
					for _, c := range cookies {
						req.AddCookie(c)
					}
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "Section 5") {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
