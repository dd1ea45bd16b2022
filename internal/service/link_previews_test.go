package service_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/jobs"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/preview"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// previewSite is a page describing itself with Open Graph tags.
func previewSite(t *testing.T, hits *atomic.Int32) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html><head><title>Ignoré</title>
<meta property="og:title" content="Territoires innovants">
<meta property="og:description" content="Un portrait des coopératives.">
<meta property="og:site_name" content="TIESS">
<meta property="og:image" content="http://images.exemple.org/a.png">
</head><body></body></html>`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestLinkPreviewJob(t *testing.T) {
	ctx := context.Background()
	var hits atomic.Int32
	site := previewSite(t, &hits)
	db := testutil.OpenDB(t)
	// Tests fetch from a loopback server, which production refuses.
	s := service.New(service.Options{DB: db, Hasher: auth.NewHasher(auth.TestParams(), 2), BaseURL: "http://maillage.test",
		Files: testutil.Files(t), Preview: preview.NewFetcher(preview.Options{AllowPrivate: true, Timeout: 3 * time.Second})})
	mgr, vMgr := testutil.User(t, s, "Responsable", "mgr@exemple.org")
	c, err := s.CreateCommunity(ctx, vMgr, maillage.CommunityInput{Name: "Coops", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	vMgr = testutil.ViewerOf(t, s, mgr.ID)
	body := "À lire : <" + site.URL + "/article> et [b](" + site.URL + "/b) <" + site.URL + "/c> <" + site.URL + "/d>"
	th, err := s.CreateThread(ctx, vMgr, c.ID, maillage.ThreadInput{Title: "Lecture", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	w := &jobs.Worker{DB: db, Handlers: map[string]jobs.Handler{
		service.JobLinkPreviews: s.HandleLinkPreviews,
		maillage.JobNotify:      func(context.Context, json.RawMessage) error { return nil },
	}}
	if err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if n := hits.Load(); n != 3 {
		t.Fatalf("%d pages fetched, want the first 3 links", n)
	}
	page, err := s.ThreadPage(ctx, maillage.Anonymous(), th.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Post.Previews) != 3 {
		t.Fatalf("previews: %+v", page.Post.Previews)
	}
	p := page.Post.Previews[0]
	// A plain-http image is dropped: only https images are shown.
	if p.URL != site.URL+"/article" || p.Title != "Territoires innovants" || p.SiteName != "TIESS" || p.Description == "" || p.ImageURL != "" {
		t.Fatalf("preview: %+v", p)
	}
	// A fresh preview is reused: posting the link again fetches nothing.
	if _, err := s.CreateReply(ctx, vMgr, th.ID, maillage.ReplyInput{Body: "Encore <" + site.URL + "/article>"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.JobCounts(ctx, service.JobLinkPreviews); n.Done != 1 || hits.Load() != 3 {
		t.Fatalf("fresh preview fetched again: %+v, %d hits", n, hits.Load())
	}
}

func TestLinkPreviewRefusesPrivateAddresses(t *testing.T) {
	ctx := context.Background()
	var hits atomic.Int32
	site := previewSite(t, &hits)
	// The production fetcher (the default) refuses loopback addresses.
	s, db := testutil.Service(t)
	payload, _ := json.Marshal(map[string][]string{"urls": {site.URL + "/interne"}})
	if err := s.HandleLinkPreviews(ctx, payload); err != nil {
		t.Fatalf("a refused fetch is an answer, not a job failure: %v", err)
	}
	if hits.Load() != 0 {
		t.Fatal("a private address was fetched")
	}
	got, err := db.LinkPreviews(ctx, []string{site.URL + "/interne"})
	if err != nil || got[site.URL+"/interne"].Status != maillage.LinkPreviewFailed || got[site.URL+"/interne"].Title != "" {
		t.Fatalf("stored preview: %+v %v", got, err)
	}
}
