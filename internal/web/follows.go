package web

import (
	"net/http"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
)

// followButton is the data of the "follow_button" partial
// (templates/partials/notifications.html). A page handler builds it with
// s.followButton and passes it to its template:
//
//	d.Follow = s.followButton(r, maillage.FollowThread, t.ID, t.Title)
//	{{template "follow_button" .Data.Follow}}
//
// Visitors see nothing; members see "Follow" or "Unfollow".
type followButton struct {
	L         *i18n.Localizer
	Type      maillage.FollowTarget
	ID        string
	Label     string // what is followed, read after the button's text by screen readers
	Next      string // where the form returns
	Following bool
	SignedIn  bool
}

// followButton reads whether the viewer follows the target. An error
// only shows the button in its "Follow" state: the page must not fail for it.
func (s *server) followButton(r *http.Request, t maillage.FollowTarget, id, label string) followButton {
	st := state(r)
	b := followButton{L: st.L, Type: t, ID: id, Label: label, Next: r.URL.RequestURI(), SignedIn: st.Viewer.SignedIn()}
	if b.SignedIn {
		var err error
		if b.Following, err = s.svc.IsFollowing(r.Context(), st.Viewer, t, id); err != nil {
			s.log.Warn("follow button", "err", err)
		}
	}
	return b
}

// follow and unfollow answer the follow button: with htmx, the button in
// its new state; otherwise a redirect back to the page.
func (s *server) follow(w http.ResponseWriter, r *http.Request) {
	s.followAction(w, r, true)
}

func (s *server) unfollow(w http.ResponseWriter, r *http.Request) {
	s.followAction(w, r, false)
}

func (s *server) followAction(w http.ResponseWriter, r *http.Request, on bool) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	t, id := maillage.FollowTarget(r.PostForm.Get("target_type")), r.PostForm.Get("target_id")
	var err error
	switch {
	case on && t == maillage.FollowTag:
		// A tag may be followed with the tags below it (a checkbox).
		err = s.svc.FollowTag(r.Context(), st.Viewer, id, r.PostForm.Get("descendants") == "1")
	case on:
		err = s.svc.Follow(r.Context(), st.Viewer, t, id)
	default:
		err = s.svc.Unfollow(r.Context(), st.Viewer, t, id)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	next := backTo(r, "/settings/notifications")
	if r.Header.Get("HX-Request") == "true" {
		s.renderFragment(w, r, "follow_button", followButton{L: st.L, Type: t, ID: id, Label: r.PostForm.Get("label"),
			Next: next, Following: on, SignedIn: true})
		return
	}
	flash := "notifications.follow.unfollowed"
	if on {
		flash = "notifications.follow.followed"
	}
	s.redirect(w, r, next, flash)
}
