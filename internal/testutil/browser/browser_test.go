package browser

import (
	"fmt"
	"html"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// serve starts an HTTP server on 127.0.0.1 (never on an external address).
func serve(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL
}

const formPage = `<!doctype html>
<html lang="fr-CA"><head><meta charset="utf-8"><title>Formulaire</title></head>
<body>
<form method="post" action="/bonjour">
  <label for="nom">Nom</label>
  <input id="nom" name="nom" autocomplete="off">
  <button type="submit" id="envoyer">Envoyer</button>
</form>
<script>document.body.dataset.ready = "oui";</script>
</body></html>`

// TestBrowserHarness proves that Chromium starts here, fills a form, submits
// it to a local server and reads the answer.
func TestBrowserHarness(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, formPage)
	})
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /bonjour", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="fr-CA"><head><meta charset="utf-8"><title>Réponse</title></head>
<body><p id="resultat">Bonjour, %s !</p></body></html>`, html.EscapeString(r.PostFormValue("nom")))
	})
	base := serve(t, mux)

	ctx := New(t)
	Do(t, ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#nom")),
		chromedp.SendKeys(chromedp.CSS("#nom"), "Émilie Tremblay"),
		chromedp.Click(chromedp.CSS("#envoyer")),
	)
	if got, want := Text(t, ctx, "#resultat"), "Bonjour, Émilie Tremblay !"; got != want {
		t.Fatalf("result text = %q, want %q", got, want)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if title != "Réponse" {
		t.Errorf("title = %q, want %q", title, "Réponse")
	}

	// An absolute path is always written: check the PNG signature.
	shot := Screenshot(t, ctx, filepath.Join(t.TempDir(), "page.png"))
	b, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "\x89PNG\r\n\x1a\n") {
		t.Errorf("screenshot is not a PNG (%d bytes)", len(b))
	}
}

// recordingTB stands in for a test so that what New reports at cleanup can be
// inspected instead of failing the real test.
type recordingTB struct {
	testing.TB
	cleanups []func()
	errors   []string
}

func (r *recordingTB) Cleanup(f func())          { r.cleanups = append(r.cleanups, f) }
func (r *recordingTB) Errorf(f string, a ...any) { r.errors = append(r.errors, fmt.Sprintf(f, a...)) }
func (r *recordingTB) Failed() bool              { return len(r.errors) > 0 }
func (r *recordingTB) Logf(string, ...any)       {}
func (r *recordingTB) Helper()                   {}
func (r *recordingTB) runCleanups() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}

// TestBrowserHarnessReportsExceptions checks that an uncaught JavaScript
// exception on a page is reported as a test error when the test ends.
func TestBrowserHarnessReportsExceptions(t *testing.T) {
	base := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><meta charset="utf-8"><title>x</title></head>
<body><p id="p">ok</p><script>console.error("attendu"); throw new Error("boum-attendu");</script></body></html>`)
	}))

	rec := &recordingTB{TB: t}
	ctx := New(rec)
	Do(t, ctx, chromedp.Navigate(base+"/"))
	if got := Text(t, ctx, "#p"); got != "ok" {
		t.Fatalf("text = %q", got)
	}
	rec.runCleanups()
	if len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "boum-attendu") {
		t.Fatalf("errors reported at cleanup = %q, want one mentioning boum-attendu", rec.errors)
	}
}
