package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// TestHiddenPeopleStayHiddenOnPages: a person whose profile is for
// members only is named nowhere a visitor looks (bylines, mentions,
// threads, reactions, member lists, notebooks, Atom feeds), not even by a
// link to their profile; signed in, the same pages name and link them.
func TestHiddenPeopleStayHiddenOnPages(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ana := e.user("Ana Publique", "ana@example.org")
	dave := e.user("Dave Discret", "dave@example.org") // profiles are for members by default
	va := e.viewer(ana.ID)
	_, err := e.Svc.UpdateProfile(ctx, va, ana.ID, maillage.ProfileInput{Name: ana.Name, ProfileVisibility: "public", Language: "fr-CA"})
	must(err)
	c, err := e.Svc.CreateCommunity(ctx, va, maillage.CommunityInput{Name: "Cuisine collective", Visibility: "public"})
	must(err)
	must(e.Svc.Join(ctx, e.viewer(dave.ID), c.ID))
	vd := e.viewer(dave.ID)
	va = e.viewer(ana.ID)
	mention := "@[Dave Discret](user:" + dave.ID + ")"
	th, err := e.Svc.CreateThread(ctx, vd, c.ID, maillage.ThreadInput{Title: "Fil du trésorier", Body: "Bonjour"})
	must(err)
	_, err = e.Svc.CreateReply(ctx, vd, th.ID, maillage.ReplyInput{Body: "Et encore"})
	must(err)
	ath, err := e.Svc.CreateThread(ctx, va, c.ID, maillage.ThreadInput{Title: "Merci", Body: "Merci " + mention})
	must(err)
	_, err = e.Svc.ToggleReaction(ctx, vd, maillage.SubjectThread, ath.ID, maillage.ReactionHeart)
	must(err)
	n, err := e.Svc.CreateNote(ctx, va, maillage.NoteInput{Title: "Remerciements",
		Body: "## Avec " + mention + "\n\nMerci " + mention + " !", Visibility: "public"})
	must(err)
	own, err := e.Svc.CreateNote(ctx, vd, maillage.NoteInput{Title: "Note du trésorier", Body: "Texte", Visibility: "public"})
	must(err)
	nb, err := e.Svc.CreateNotebook(ctx, vd, maillage.NotebookInput{Title: "Carnet du trésorier", Description: "Par " + mention, Visibility: "public"})
	must(err)
	for _, id := range []string{n.ID, own.ID} {
		_, err = e.Svc.AddNoteToNotebook(ctx, vd, nb.ID, id, "")
		must(err)
	}

	visitor := e.client()
	pages := []string{"/notes/" + n.ID, "/notes/" + own.ID, "/notes", "/threads/" + th.ID, "/threads/" + ath.ID,
		"/communities/" + c.ID, "/communities/" + c.ID + "/members", "/communities/" + c.ID + "/feed.atom",
		"/notebooks/" + nb.ID, "/notebooks/" + nb.ID + "/members", "/notebooks/" + nb.ID + "/feed.atom", "/notebooks",
		"/people", "/people/suggest?q=Dav", "/notes/suggest?q=Rem", "/tags/suggest?q=a"}
	for _, p := range pages {
		r := visitor.get(p)
		wantStatus(t, r, http.StatusOK)
		for _, leak := range []string{dave.ID, "Dave", "Discret"} {
			if strings.Contains(r.Body, leak) {
				t.Errorf("a visitor reads %q on %s", leak, p)
			}
		}
	}
	mustContain(t, visitor.get("/notes/"+n.ID), "Merci un·e membre !")
	en := e.client()
	en.lang = "en"
	mustContain(t, en.get("/notes/"+n.ID+"?lang=en"), "Merci a member !")

	member := e.client()
	member.signIn("ana@example.org", "mot de passe solide")
	for _, p := range []string{"/notes/" + n.ID, "/threads/" + th.ID, "/communities/" + c.ID + "/members", "/notebooks/" + nb.ID} {
		mustContain(t, member.get(p), `href="/people/`+dave.ID+`"`)
	}
}
