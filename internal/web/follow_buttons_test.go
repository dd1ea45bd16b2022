package web

import (
	"context"
	htmlstd "html"
	"net/url"
	"regexp"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// followFormRE finds the follow button's form on a page, and
// hiddenInputRE its fields.
var (
	followFormRE  = regexp.MustCompile(`(?s)<form method="post" action="([^"]+)" class="follow-form".*?</form>`)
	hiddenInputRE = regexp.MustCompile(`<input type="hidden" name="([a-z_]+)" value="([^"]*)">`)
)

// followForm returns the action and fields of the follow button of a
// page, or "" when the page has none.
func followForm(body string) (string, url.Values) {
	m := followFormRE.FindStringSubmatch(body)
	if m == nil {
		return "", nil
	}
	form := url.Values{}
	for _, in := range hiddenInputRE.FindAllStringSubmatch(m[0], -1) {
		form.Set(in[1], htmlstd.UnescapeString(in[2]))
	}
	return htmlstd.UnescapeString(m[1]), form
}

// TestFollowButtonsOnPages checks that a member finds the follow button on
// the pages of a community, a notebook, a thread, a tag and a person, that
// pressing it (as the browser would, without JavaScript) makes the follow
// exist and turns the button into "Unfollow", and that visitors see none.
func TestFollowButtonsOnPages(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	ctx := context.Background()
	alice := e.viewer(w.Alice.ID)
	nb, err := e.Svc.CreateNotebook(ctx, alice, maillage.NotebookInput{Title: "Carnet des rencontres", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	th, err := e.Svc.CreateThread(ctx, alice, w.Public.ID, maillage.ThreadInput{Title: "Ordre du jour de mai",
		Body: "Que mettons-nous à l’ordre du jour ?"})
	if err != nil {
		t.Fatal(err)
	}
	tag := w.Alice.Interests[0]
	pages := []struct {
		name, path string
		target     maillage.FollowTarget
		id         string
	}{
		{"community", "/communities/" + w.Public.ID, maillage.FollowCommunity, w.Public.ID},
		{"notebook", "/notebooks/" + nb.ID, maillage.FollowNotebook, nb.ID},
		{"thread", "/threads/" + th.ID, maillage.FollowThread, th.ID},
		{"tag", "/tags/" + tag.Slug, maillage.FollowTag, tag.ID},
		{"person", "/people/" + w.Alice.ID, maillage.FollowPerson, w.Alice.ID},
	}

	visitor := e.client()
	for _, p := range pages {
		r := visitor.get(p.path)
		wantStatus(t, r, 200)
		if action, _ := followForm(r.Body); action != "" {
			t.Errorf("visitor: %s page has a follow button", p.name)
		}
	}

	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	bv := e.viewer(w.Bob.ID)
	for _, p := range pages {
		r := bob.get(p.path)
		wantStatus(t, r, 200)
		action, form := followForm(r.Body)
		if action != "/follows" || form.Get("target_type") != string(p.target) || form.Get("target_id") != p.id {
			t.Errorf("%s page: follow button %q %v\n%s", p.name, action, form, excerptBody(r.Body))
			continue
		}
		mustContain(t, r, ">Suivre<span class=\"visually-hidden\">")
		r = bob.post(action, form)
		wantStatus(t, r, 200)
		if r.URL.Path != p.path {
			t.Errorf("%s: following led to %s", p.name, r.URL)
		}
		mustContain(t, r, "C’est noté : vous serez avisé·e des nouveautés.", ">Ne plus suivre<span class=\"visually-hidden\">")
		if action, _ := followForm(r.Body); action != "/follows/delete" {
			t.Errorf("%s: after following, the button posts to %q", p.name, action)
		}
		if ok, err := e.Svc.IsFollowing(ctx, bv, p.target, p.id); err != nil || !ok {
			t.Errorf("%s: following = %v, %v", p.name, ok, err)
		}
	}

	// A reply sent empty draws the thread again from its POST address;
	// the button still leads back to the thread.
	r := bob.post("/threads/"+th.ID+"/replies", url.Values{"body": {""}})
	if _, form := followForm(r.Body); form.Get("next") != "/threads/"+th.ID {
		t.Errorf("after a reply with errors, the follow button returns to %q", form.Get("next"))
	}

	// Nobody follows themselves: Alice's own profile has no button.
	ac := e.client()
	ac.signIn("alice@example.org", testPassword)
	if action, _ := followForm(ac.get("/people/" + w.Alice.ID).Body); action != "" {
		t.Error("one's own profile has a follow button")
	}
	// In English too.
	mustContain(t, ac.get("/communities/"+w.Public.ID+"?lang=en"), ">Follow<span class=\"visually-hidden\"> "+w.Public.Name)
}
