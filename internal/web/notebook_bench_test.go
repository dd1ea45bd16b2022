package web

import (
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

// BenchmarkNotebookPage renders the page of a notebook of 500 notes of
// mixed visibility (a third each private, community, public) in five
// categories, through the real handler (middleware, session, database,
// templates), for its author (who sees all 500) and for a visitor (who
// sees the public third), next to a baseline serving the same bytes from
// memory.
func BenchmarkNotebookPage(b *testing.B) {
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
	author, err := svc.CreateUser(ctx, maillage.SignUpInput{Name: "Alice Côté", Email: "alice@example.org", Password: testPassword}, false)
	if err != nil {
		b.Fatal(err)
	}
	v, _, err := svc.Viewer(ctx, author.ID)
	if err != nil {
		b.Fatal(err)
	}
	c, err := svc.CreateCommunity(ctx, v, maillage.CommunityInput{Name: "Cercle", Visibility: "private"})
	if err != nil {
		b.Fatal(err)
	}
	v, _, _ = svc.Viewer(ctx, author.ID)
	nb, err := svc.CreateNotebook(ctx, v, maillage.NotebookInput{Title: "Rencontres", Description: "Les **rencontres**.",
		Guide: "Court et clair.", Visibility: "public", CommunityID: c.ID})
	if err != nil {
		b.Fatal(err)
	}
	var cats []string
	for i := range 5 {
		cat, err := svc.CreateNotebookCategory(ctx, v, nb.ID, fmt.Sprintf("Catégorie %d", i+1))
		if err != nil {
			b.Fatal(err)
		}
		cats = append(cats, cat.ID)
	}
	vis := []maillage.Visibility{maillage.VisibilityPrivate, maillage.VisibilityCommunity, maillage.VisibilityPublic}
	err = db.Update(ctx, func(tx *store.Tx) error {
		tags, err := tx.EnsureTags(ctx, []string{"économie sociale", "numérique"}, author.ID)
		if err != nil {
			return err
		}
		for i := range 500 {
			n := &maillage.Note{ID: auth.NewID(), Title: fmt.Sprintf("Note %03d sur la transition", i),
				Summary: "Ce que la rencontre a retenu, en quelques lignes.", Body: "Texte", Kind: maillage.NoteGeneral,
				Visibility: vis[i%3], License: maillage.LicenseCCBY, CreatedBy: author.ID,
				Authors: []maillage.NoteAuthor{{UserID: author.ID}}, Tags: tags}
			if n.Visibility == maillage.VisibilityCommunity {
				n.CommunityID = c.ID
			}
			if err := tx.CreateNote(ctx, n); err != nil {
				return err
			}
			if _, err := tx.AddNotebookNote(ctx, nb.ID, n.ID, cats[i%5], author.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	// Sign the author in through the real form, for the session cookie.
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/signin", strings.NewReader(url.Values{"email": {"alice@example.org"},
		"password": {testPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	h.ServeHTTP(rec, req)
	cookies := rec.Result().Cookies()
	if rec.Code != http.StatusSeeOther || len(cookies) == 0 {
		b.Fatalf("sign in: %d", rec.Code)
	}
	page := "/notebooks/" + nb.ID
	for _, who := range []struct {
		name    string
		cookies []*http.Cookie
		want    string
	}{{"author", cookies, "500 notes"}, {"visitor", nil, "166 notes"}} {
		get := func() *httptest.ResponseRecorder {
			r := httptest.NewRequest(http.MethodGet, page, nil)
			for _, ck := range who.cookies {
				r.AddCookie(ck)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			return rec
		}
		first := get()
		if first.Code != http.StatusOK || !strings.Contains(first.Body.String(), who.want) {
			b.Fatalf("%s: %d, want %q", who.name, first.Code, who.want)
		}
		body, ctype := first.Body.Bytes(), first.Header().Get("Content-Type")
		b.Run("page/"+who.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				get()
			}
		})
		b.Run("memory/"+who.name, func(b *testing.B) {
			mem := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", ctype)
				w.Write(body)
			})
			b.ReportAllocs()
			for b.Loop() {
				mem.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, page, nil))
			}
		})
	}
}
