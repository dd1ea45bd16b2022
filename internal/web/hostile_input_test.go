package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// TestHostileTextIsInert stores markup and script in every free-text field
// people fill (names, pronouns, bio, descriptions, addresses, roles, tags)
// and checks that every page showing them prints them as text.
func TestHostileTextIsInert(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	payloads := []string{
		`<script>alert(1)</script>`,
		`<img src=x onerror=alert(2)>`,
		`"><svg onload=alert(3)>`,
		`<iframe src="javascript:alert(4)"></iframe>`,
	}
	u := e.user("Hostile", "hostile@example.org")
	v := e.viewer(u.ID)
	if _, err := e.Svc.UpdateProfile(ctx, v, u.ID, maillage.ProfileInput{
		Name: "Nom " + payloads[0], Pronouns: payloads[2][:20], Bio: strings.Join(payloads, "\n"),
		ProfileVisibility: "public", Interests: []string{"<b>gras</b>"},
	}); err != nil {
		t.Fatal(err)
	}
	o, err := e.Svc.CreateOrganization(ctx, v, maillage.OrganizationInput{
		Name: "Org " + payloads[1], Description: strings.Join(payloads, " "), Address: payloads[3][:40],
		Tags: []string{"<b>gras</b>"}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Svc.DeclareAffiliation(ctx, v, o.ID, payloads[2]); err != nil {
		t.Fatal(err)
	}
	c, err := e.Svc.CreateCommunity(ctx, v, maillage.CommunityInput{
		Name: "Comm " + payloads[2], Description: strings.Join(payloads, " "), Visibility: "public", Tags: []string{"<b>gras</b>"}})
	if err != nil {
		t.Fatal(err)
	}
	cl := e.client()
	cl.signIn("hostile@example.org", "mot de passe solide")
	pages := []string{"/", "/people", "/people/" + u.ID, "/organizations", "/organizations/" + o.ID,
		"/organizations/" + o.ID + "/edit", "/communities", "/communities/" + c.ID, "/communities/" + c.ID + "/members",
		"/communities/" + c.ID + "/edit", "/tags/b-gras-b", "/settings/profile", "/tags/suggest?q=" + url.QueryEscape("<b>")}
	for _, p := range pages {
		r := cl.get(p)
		wantStatus(t, r, http.StatusOK)
		for _, bad := range append(payloads, "<b>gras</b>", "<svg", "<img src=x", "<iframe") {
			if strings.Contains(r.Body, bad) {
				t.Errorf("%s prints %q unescaped", p, bad)
			}
		}
	}
}

// TestInvalidUTF8IsRepaired: bytes that are not UTF-8 in a form are kept
// as replacement characters, never a server error (PostgreSQL refuses them).
func TestInvalidUTF8IsRepaired(t *testing.T) {
	e := newEnv(t)
	e.user("Ana", "ana@example.org")
	c := e.client()
	c.signIn("ana@example.org", "mot de passe solide")
	r := c.post("/organizations", url.Values{"name": {"Coop \xff\xfe du quartier"}, "tags": {"\xc3\x28"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Coop \uFFFD du quartier")
}

// TestInvalidUTF8InFilters: filters with bytes that are not UTF-8 find
// nothing rather than failing.
func TestInvalidUTF8InFilters(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	for _, p := range []string{"/organizations?tag=%FF&q=%FE", "/people?tag=%FF&q=%FE", "/communities?tag=%FF&q=%FE",
		"/tags/%FF", "/tags/suggest?q=%FF"} {
		r := c.get(p)
		if r.Status != http.StatusOK && r.Status != http.StatusNotFound {
			t.Errorf("%s: %d", p, r.Status)
		}
	}
}
