package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
)

//go:embed templates
var templateFS embed.FS

// templates holds one parsed set per page: a clone of the layout and the
// partials with the page's own file added. Sets are parsed once and only
// executed afterwards, which html/template allows concurrently.
type templates struct {
	pages map[string]*template.Template
	// partials executes fragments (htmx answers) without the layout.
	partials *template.Template
}

func parseTemplates(static *staticFiles) (*templates, error) {
	base, err := template.New("").Funcs(templateFuncs(static)).ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	t := &templates{pages: map[string]*template.Template{}, partials: base}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "layout" {
			continue
		}
		clone, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := clone.ParseFS(templateFS, f); err != nil {
			return nil, err
		}
		if clone.Lookup("content") == nil {
			return nil, fmt.Errorf("%s defines no \"content\" template", f)
		}
		t.pages[name] = clone
	}
	return t, nil
}

// page is the data every page template receives. The localizer travels
// here rather than in per-request template functions, which would race.
type page struct {
	L      *i18n.Localizer
	Lang   string
	Viewer maillage.Viewer
	User   *maillage.User
	Title  string
	Nav    string
	// Unread counts the viewer's unread notifications, for the menu.
	Unread    int
	LangURLs  []langLink
	Flash     *flashMessage
	RequestID string
	Path      string
	Form      *form
	Data      any
}

// langLink is one entry of the language switch.
type langLink struct {
	Lang, Label, URL string
	Current          bool
}

// view is what a handler asks to render.
type view struct {
	Template string
	Title    string // already translated
	Nav      string // main navigation entry to mark as current
	Data     any
	Form     *form
}

// render executes a page into a buffer first, so a template error becomes
// a clean 500 instead of half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, v view) {
	st := state(r)
	t, ok := s.tmpl.pages[v.Template]
	if !ok {
		s.serverError(w, r, fmt.Errorf("no template %q", v.Template))
		return
	}
	p := &page{
		L: st.L, Lang: st.L.Lang(), Viewer: st.Viewer, User: st.User,
		Title: v.Title, Nav: v.Nav, Data: v.Data, Form: v.Form,
		RequestID: httpx.RequestIDFrom(r.Context()), Path: r.URL.Path,
		LangURLs: langLinks(r, st.L.Lang()),
		Flash:    s.popFlash(r),
	}
	if st.Viewer.SignedIn() {
		// The menu's badge: a capped, indexed count; a failure only hides it.
		n, err := s.svc.UnreadNotifications(r.Context(), st.Viewer)
		if err != nil {
			s.log.Warn("render: unread notifications", "err", err, "request_id", p.RequestID)
		}
		p.Unread = n
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.log.Error("render", "template", v.Template, "err", err, "request_id", p.RequestID)
		if v.Template != "error" {
			s.serverError(w, r, fmt.Errorf("render %s: %w", v.Template, err))
		} else {
			http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		}
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	// Pages depend on who is signed in: never store them in shared caches.
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Language", p.Lang)
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// renderFragment executes a partial alone, for htmx requests.
func (s *server) renderFragment(w http.ResponseWriter, r *http.Request, name string, data any) {
	var buf bytes.Buffer
	if err := s.tmpl.partials.ExecuteTemplate(&buf, name, data); err != nil {
		s.serverError(w, r, fmt.Errorf("render fragment %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

// langLinks builds the language switch: the current URL with ?lang= set.
func langLinks(r *http.Request, current string) []langLink {
	out := make([]langLink, 0, 2)
	for _, l := range []struct{ lang, label string }{{i18n.FrenchCA, "FR"}, {i18n.English, "EN"}} {
		q := r.URL.Query()
		q.Set("lang", l.lang)
		// Links from a POST answer (a form shown again) go to the page itself.
		if r.Method != http.MethodGet {
			q = url.Values{"lang": {l.lang}}
		}
		out = append(out, langLink{Lang: l.lang, Label: l.label, URL: r.URL.Path + "?" + q.Encode(), Current: l.lang == current})
	}
	return out
}
