package preview

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// localFetcher reaches loopback test servers.
func localFetcher(o Options) *Fetcher {
	o.AllowPrivate = true
	return NewFetcher(o)
}

func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchOpenGraphAfterRedirect(t *testing.T) {
	var userAgent, acceptLanguage atomic.Value // string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/court":
			http.Redirect(w, r, "/dossiers/article.html", http.StatusFound)
		case "/dossiers/article.html":
			userAgent.Store(r.UserAgent())
			acceptLanguage.Store(r.Header.Get("Accept-Language"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<!doctype html><html lang="fr-CA"><head>
				<title>Titre HTML</title>
				<meta property="og:title" content="Coopératives d’habitation">
				<meta property="og:description" content="Un portrait des coops au Québec.">
				<meta property="og:image" content="img/carte.png">
				<meta property="og:site_name" content="Chantier de l’économie sociale">
				</head><body><p>…</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	})
	f := localFetcher(Options{BaseURL: "https://maillage.example"})
	p, err := f.Fetch(context.Background(), srv.URL+"/court")
	if err != nil {
		t.Fatal(err)
	}
	want := Preview{
		URL:         srv.URL + "/dossiers/article.html",
		Title:       "Coopératives d’habitation",
		Description: "Un portrait des coops au Québec.",
		ImageURL:    srv.URL + "/dossiers/img/carte.png",
		SiteName:    "Chantier de l’économie sociale",
	}
	if p != want {
		t.Fatalf("got  %+v\nwant %+v", p, want)
	}
	if ua := userAgent.Load(); ua != "Maillage link preview (+https://maillage.example)" {
		t.Errorf("User-Agent = %q", ua)
	}
	if al, _ := acceptLanguage.Load().(string); !strings.HasPrefix(al, "fr-CA") {
		t.Errorf("Accept-Language = %q", al)
	}
}

func TestFetchFallsBackToTitleAndDescription(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xhtml+xml")
		fmt.Fprint(w, `<html><head><title> Réseau  des
			CDC </title><meta name="description" content="Corporations de développement communautaire"></head></html>`)
	})
	p, err := localFetcher(Options{}).Fetch(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Réseau des CDC" || p.Description != "Corporations de développement communautaire" || p.ImageURL != "" {
		t.Fatalf("got %+v", p)
	}
}

func TestFetchDecodesLatin1(t *testing.T) {
	const title = "Économie sociale à Québec : coopératives et OBNL"
	const desc = "Être membre, c’est à la fois participer et décider."
	enc := func(s string) string {
		b, err := charmap.ISO8859_1.NewEncoder().String(strings.ReplaceAll(s, "’", "'"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	wantDesc := strings.ReplaceAll(desc, "’", "'")
	cases := []struct {
		name, contentType, head string
		pad                     int
	}{
		{"charset in header", "text/html; charset=ISO-8859-1", "", 0},
		{"charset in meta", "text/html", `<meta charset="iso-8859-1">`, 0},
		{"http-equiv meta", "text/html", `<meta http-equiv="Content-Type" content="text/html; charset=latin1">`, 0},
		{"undeclared, accents early", "text/html", "", 0},
		{"undeclared, accents after 1 KiB", "text/html", "", 3000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", c.contentType)
				fmt.Fprint(w, "<html><head>"+c.head+"<!-- "+strings.Repeat("x", c.pad)+" -->"+
					"<title>"+enc(title)+"</title><meta name=description content=\""+enc(desc)+"\"></head>")
			})
			p, err := localFetcher(Options{}).Fetch(context.Background(), srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != title || p.Description != wantDesc {
				t.Fatalf("got %q / %q", p.Title, p.Description)
			}
		})
	}
}

func TestFetchUndeclaredUTF8AfterLongASCIIPrefix(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><head><!-- "+strings.Repeat("x", 3000)+" --><title>Économie sociale</title></head>")
	})
	p, err := localFetcher(Options{}).Fetch(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Économie sociale" {
		t.Fatalf("title = %q", p.Title)
	}
}

func TestFetchRefusesNonHTML(t *testing.T) {
	cases := []struct {
		name        string
		contentType []string // nil: no header at all
		body        string
	}{
		{"json", []string{"application/json"}, `{"title":"x"}`},
		{"image", []string{"image/png"}, "\x89PNG\r\n\x1a\n"},
		{"plain text", []string{"text/plain; charset=utf-8"}, "<title>not html</title>"},
		{"sniffed image", nil, "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
		{"garbage type", []string{"text/html;;;=="}, "<title>x</title>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header()["Content-Type"] = c.contentType
				fmt.Fprint(w, c.body)
			})
			_, err := localFetcher(Options{}).Fetch(context.Background(), srv.URL)
			if !errors.Is(err, ErrNotHTML) {
				t.Fatalf("err = %v, want ErrNotHTML", err)
			}
		})
	}
}

func TestFetchSniffsUndeclaredHTML(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		fmt.Fprint(w, "<!DOCTYPE html><html><head><title>Sans en-tête</title></head>")
	})
	p, err := localFetcher(Options{}).Fetch(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Sans en-tête" {
		t.Fatalf("title = %q", p.Title)
	}
}

func TestFetchRefusesErrorStatus(t *testing.T) {
	for _, code := range []int{http.StatusNotFound, http.StatusInternalServerError, http.StatusNoContent + 100} {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(code)
			fmt.Fprint(w, "<title>Erreur</title>")
		})
		_, err := localFetcher(Options{}).Fetch(context.Background(), srv.URL)
		if !errors.Is(err, ErrHTTPStatus) {
			t.Errorf("status %d: err = %v, want ErrHTTPStatus", code, err)
		}
	}
}

func TestFetchNeverFollowsMetaRefresh(t *testing.T) {
	var refreshed atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/ailleurs" {
			refreshed.Add(1)
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<head><meta http-equiv="refresh" content="0; url=/ailleurs"><title>Ici</title></head>`)
	})
	p, err := localFetcher(Options{}).Fetch(context.Background(), srv.URL+"/ici")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Ici" || refreshed.Load() != 0 {
		t.Fatalf("title %q, refresh target hit %d times", p.Title, refreshed.Load())
	}
}

func TestFetchRedirectMustStayHTTP(t *testing.T) {
	for _, target := range []string{"file:///etc/passwd", "ftp://exemple.org/", "javascript:alert(1)",
		"gopher://exemple.org:70/", "http://user:secret@exemple.org/"} {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", target)
			w.WriteHeader(http.StatusFound)
		})
		_, err := localFetcher(Options{}).Fetch(context.Background(), srv.URL)
		if !errors.Is(err, ErrBadURL) {
			t.Errorf("redirect to %s: err = %v, want ErrBadURL", target, err)
		}
	}
}

func TestFetchRejectsBadURLs(t *testing.T) {
	f := NewFetcher(Options{})
	for _, raw := range []string{"", "exemple.org", "//exemple.org/", "ftp://exemple.org/", "file:///etc/passwd",
		"javascript:alert(1)", "data:text/html,<title>x</title>", "http:///chemin", "http:exemple.org",
		"https://user:pw@exemple.org/", "https://user@exemple.org/", "http://exemple.org/" + strings.Repeat("a", 3000),
		"http://[::1", "mailto:info@exemple.org"} {
		if _, err := f.Fetch(context.Background(), raw); !errors.Is(err, ErrBadURL) {
			t.Errorf("Fetch(%.40q) = %v, want ErrBadURL", raw, err)
		}
	}
}
