package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// missingKey matches a message ID shown as-is: the localizer returns the
// ID when a message is missing.
var missingKey = regexp.MustCompile(`\b(field|error|account|web|community|organization|tags?|email|nav|home|count|token)\.[a-z_.]+\b`)

// TestEveryPageRendersInBothLanguages draws every page of a populated
// world, for a member and for a visitor, in French and in English.
func TestEveryPageRendersInBothLanguages(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	tag := w.Alice.Interests[0].Slug

	memberPages := []string{
		"/", "/people", "/people?q=alice&tag=" + tag + "&region=06", "/people/" + w.Alice.ID, "/people/" + w.Bob.ID,
		"/organizations", "/organizations?type=cooperative&region=06", "/organizations/new",
		"/organizations/" + w.Org.ID, "/organizations/" + w.Org.ID + "/edit", "/organizations/" + w.Org.ID + "/delete",
		"/communities", "/communities?mine=1", "/communities/new",
		"/communities/" + w.Public.ID, "/communities/" + w.Listed.ID, "/communities/" + w.Secret.ID,
		"/communities/" + w.Public.ID + "/edit", "/communities/" + w.Public.ID + "/members",
		"/communities/" + w.Listed.ID + "/requests",
		"/tags/" + tag, "/tags/suggest?q=nu",
		"/settings/profile", "/settings/password", "/settings/tokens",
	}
	visitorPages := []string{
		"/", "/signup", "/signup?sent=1", "/signin", "/password/forgot", "/password/forgot?sent=1", "/password/reset?token=x", "/email/confirm?token=x",
		"/people", "/people/" + w.Alice.ID, "/organizations", "/organizations/" + w.Org.ID,
		"/communities", "/communities/" + w.Public.ID, "/communities/" + w.Listed.ID,
		"/communities/" + w.Public.ID + "/members", "/tags/" + tag,
	}
	for _, lang := range []string{"fr-CA", "en"} {
		member := e.client()
		member.get("/?lang=" + lang)
		member.signIn("alice@example.org", testPassword)
		visitor := e.client()
		visitor.get("/?lang=" + lang)
		// A non-manager sees the join buttons of a community.
		carol := e.client()
		carol.get("/?lang=" + lang)
		carol.signIn("carol@example.org", testPassword)

		check := func(who string, c *client, path string) {
			t.Helper()
			r := c.get(path)
			if r.Status != http.StatusOK {
				t.Errorf("%s %s %s: status %d\n%s", lang, who, path, r.Status, excerptBody(r.Body))
				return
			}
			if !strings.HasPrefix(path, "/tags/suggest") && !strings.Contains(r.Body, `<html lang="`+lang+`">`) {
				t.Errorf("%s %s %s: wrong <html lang>", lang, who, path)
			}
			if m := missingKey.FindAllString(stripURLs(r.Body), -1); len(m) > 0 {
				t.Errorf("%s %s %s: untranslated %q", lang, who, path, m)
			}
		}
		for _, p := range memberPages {
			check("member", member, p)
		}
		for _, p := range visitorPages {
			check("visitor", visitor, p)
		}
		for _, p := range []string{"/communities/" + w.Public.ID, "/communities/" + w.Listed.ID, "/organizations/" + w.Org.ID} {
			check("outsider", carol, p)
		}
		// Error pages are translated too.
		for _, p := range []string{"/nowhere", "/people/nobody", "/communities/" + w.Secret.ID + "x"} {
			r := visitor.get(p)
			wantStatus(t, r, http.StatusNotFound)
			if m := missingKey.FindAllString(stripURLs(r.Body), -1); len(m) > 0 || !strings.Contains(r.Body, `<html lang="`+lang+`">`) {
				t.Errorf("%s 404 %s: untranslated %q", lang, p, m)
			}
		}
	}
}

// stripURLs drops attribute values (URLs, hashes) so file names such as
// "htmx.min.js" are not taken for message IDs.
func stripURLs(body string) string {
	return regexp.MustCompile(`(href|src|action|hx-get|content)="[^"]*"`).ReplaceAllString(body, "")
}

// TestLanguageSwitch checks the order of preference: ?lang= (remembered
// in a cookie), then the user's preference, then Accept-Language.
func TestLanguageSwitch(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.lang = "en-US,en;q=0.8"
	mustContain(t, c.get("/"), `<html lang="en">`, "Skip to content")
	c.lang = ""
	mustContain(t, c.get("/"), `<html lang="fr-CA">`)
	r := c.get("/signin?lang=en")
	mustContain(t, r, `<html lang="en">`)
	mustContain(t, c.get("/people"), `<html lang="en">`, `aria-current="true"><span aria-hidden="true">EN`)
	mustContain(t, c.get("/people?lang=fr"), `<html lang="fr-CA">`)

	// A user who chose English sees English without a cookie.
	u := e.user("Jo Smith", "jo@example.org")
	v := e.viewer(u.ID)
	if _, err := e.Svc.UpdateProfile(t.Context(), v, u.ID, maillage.ProfileInput{Name: "Jo Smith", Language: "en"}); err != nil {
		t.Fatal(err)
	}
	c2 := e.client()
	c2.signIn("jo@example.org", testPassword)
	mustContain(t, c2.get("/"), `<html lang="en">`, "Hello, Jo Smith")
}

// TestStaticFiles checks content-hash URLs, types and cache headers.
func TestStaticFiles(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	home := c.get("/")
	m := regexp.MustCompile(`href="(/static/[0-9a-f]+/css/app.css)"`).FindStringSubmatch(home.Body)
	if m == nil {
		t.Fatal("no stylesheet link")
	}
	r := c.get(m[1])
	wantStatus(t, r, http.StatusOK)
	if ct := r.Header.Get("Content-Type"); ct != "text/css; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	if cc := r.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("cache control %q", cc)
	}
	js := regexp.MustCompile(`src="(/static/[0-9a-f]+/vendor/htmx.min.js)"`).FindStringSubmatch(home.Body)
	if js == nil {
		t.Fatal("no htmx script")
	}
	if r := c.get(js[1]); r.Header.Get("Content-Type") != "text/javascript; charset=utf-8" {
		t.Errorf("htmx content type %q", r.Header.Get("Content-Type"))
	}
	// An old hash still works but is not cached for long; unknown files are 404.
	r = c.get("/static/000000000000/css/app.css")
	if r.Status != http.StatusOK || strings.Contains(r.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("stale hash: %d %q", r.Status, r.Header.Get("Cache-Control"))
	}
	if r := c.get("/static/x/nothing.css"); r.Status != http.StatusNotFound {
		t.Errorf("unknown static file: %d", r.Status)
	}
	// No inline script or style anywhere: the content security policy forbids them.
	for _, bad := range []string{"<style", " style=", "<script>", " onclick=", "hx-on"} {
		if strings.Contains(home.Body, bad) {
			t.Errorf("home page contains %q", bad)
		}
	}
}

// TestTagSuggestions checks the htmx fragment.
func TestTagSuggestions(t *testing.T) {
	e := newEnv(t)
	e.world()
	c := e.client()
	r := c.get("/tags/suggest?field=interests&interests=" + "coop%C3%A9ratives%2C+%C3%A9co")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `data-tag="économie sociale"`, `data-for="f-interests"`)
	mustNotContain(t, r, "<html")
	if r := c.get("/tags/suggest?q="); strings.TrimSpace(r.Body) != "" {
		t.Errorf("empty query gives %q", r.Body)
	}
}
