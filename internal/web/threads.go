package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// thread draws a thread with its replies and the reply form. The form
// answers the reply named by ?reply_to=, so answering a reply works
// without JavaScript.
func (s *server) thread(w http.ResponseWriter, r *http.Request) {
	s.renderThread(w, r, http.StatusOK, newForm(url.Values{"parent_id": {r.URL.Query().Get("reply_to")}}))
}

func (s *server) renderThread(w http.ResponseWriter, r *http.Request, status int, f *form) {
	st := state(r)
	p, err := s.svc.ThreadPage(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	relabelDiscussionErrors(f, st.L)
	d := newThreadData(p, f.Get("parent_id"))
	d.Follow = s.followButton(r, maillage.FollowThread, p.Thread.ID, p.Thread.Title)
	// A reply sent with errors comes back here from a POST address:
	// the button returns to the thread itself.
	d.Follow.Next = "/threads/" + url.PathEscape(p.Thread.ID)
	if d.ReplyTo == nil {
		f.Values.Del("parent_id")
	}
	s.render(w, r, status, view{Template: "thread", Title: p.Thread.Title, Nav: "communities", Form: f, Data: d})
}

// threadFormData feeds the form that starts or edits a thread.
type threadFormData struct {
	Action    string
	Edit      bool
	Community *maillage.Community
	Thread    *maillage.Thread
}

func (s *server) newThreadForm(w http.ResponseWriter, r *http.Request) {
	c, ok := s.postable(w, r)
	if !ok {
		return
	}
	s.renderThreadForm(w, r, http.StatusOK, newForm(nil), threadFormData{Action: "/communities/" + c.ID + "/threads", Community: c})
}

// postable returns a community the viewer may post in: invisible ones are
// absent, visitors are asked to sign in, non-members are refused.
func (s *server) postable(w http.ResponseWriter, r *http.Request) (*maillage.Community, bool) {
	st := state(r)
	c, err := s.svc.Community(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if !s.requireSignedIn(w, r) {
		return nil, false
	}
	if !maillage.CanPostInCommunity(st.Viewer, c.Access()) {
		s.fail(w, r, maillage.Errorf(maillage.CodeForbidden, "discussion.members_only"))
		return nil, false
	}
	return c, true
}

func (s *server) renderThreadForm(w http.ResponseWriter, r *http.Request, status int, f *form, d threadFormData) {
	l := state(r).L
	relabelDiscussionErrors(f, l)
	title := l.T("web.discussion.new_thread")
	if d.Edit {
		title = l.T("web.discussion.edit_thread")
	}
	s.render(w, r, status, view{Template: "thread_form", Title: title, Nav: "communities", Form: f, Data: d})
}

func threadInput(r *http.Request) maillage.ThreadInput {
	return maillage.ThreadInput{Title: trimmed(r, "title"), Body: r.PostForm.Get("body"), Version: formVersion(r)}
}

func (s *server) createThread(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	t, err := s.svc.CreateThread(r.Context(), st.Viewer, r.PathValue("id"), threadInput(r))
	if err != nil {
		f := newForm(r.PostForm)
		c, cerr := s.svc.Community(r.Context(), st.Viewer, r.PathValue("id"))
		if cerr != nil || !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderThreadForm(w, r, formStatus(err), f, threadFormData{Action: "/communities/" + c.ID + "/threads", Community: c})
		return
	}
	s.redirect(w, r, "/threads/"+url.PathEscape(t.ID), "web.discussion.thread_created")
}

// editableThread loads a thread the viewer may edit, answering otherwise.
func (s *server) editableThread(w http.ResponseWriter, r *http.Request) (*maillage.Thread, bool) {
	st := state(r)
	t, err := s.svc.Thread(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if !s.requireSignedIn(w, r) {
		return nil, false
	}
	if !maillage.CanEditPost(st.Viewer, t.AuthorID, t.Community) {
		s.fail(w, r, maillage.ErrForbidden)
		return nil, false
	}
	return t, true
}

func (s *server) editThreadForm(w http.ResponseWriter, r *http.Request) {
	t, ok := s.editableThread(w, r)
	if !ok {
		return
	}
	f := newForm(url.Values{"title": {t.Title}, "body": {t.Body}, "version": {strconv.Itoa(t.Version)}})
	s.renderThreadForm(w, r, http.StatusOK, f, threadFormData{Action: "/threads/" + t.ID + "/edit", Edit: true, Thread: t})
}

func (s *server) updateThread(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	t, ok := s.editableThread(w, r)
	if !ok {
		return
	}
	st := state(r)
	if _, err := s.svc.UpdateThread(r.Context(), st.Viewer, t.ID, threadInput(r)); err != nil {
		keepEditOnConflict(r, err, t.Version)
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderThreadForm(w, r, formStatus(err), f, threadFormData{Action: "/threads/" + t.ID + "/edit", Edit: true, Thread: t})
		return
	}
	s.redirect(w, r, "/threads/"+url.PathEscape(t.ID), "web.discussion.saved")
}

// postDeleteData feeds the page that asks before deleting a post.
type postDeleteData struct {
	Action, Back, Question string
}

func (s *server) deleteThreadConfirm(w http.ResponseWriter, r *http.Request) {
	t, ok := s.editableThread(w, r)
	if !ok {
		return
	}
	st := state(r)
	s.render(w, r, http.StatusOK, view{Template: "thread_delete", Title: st.L.T("web.discussion.delete_thread"), Nav: "communities",
		Data: postDeleteData{Action: "/threads/" + t.ID + "/delete", Back: "/threads/" + t.ID,
			Question: st.L.T("web.discussion.delete_thread_question", map[string]any{"Title": t.Title})}})
}

func (s *server) deleteThread(w http.ResponseWriter, r *http.Request) {
	t, ok := s.editableThread(w, r)
	if !ok {
		return
	}
	if err := s.svc.DeleteThread(r.Context(), state(r).Viewer, t.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(t.CommunityID)+"#discussion", "web.discussion.thread_deleted")
}

// moderateThread pins, locks or hides a thread, or undoes it.
func (s *server) moderateThread(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	flags := map[string]struct {
		flag service.ThreadFlag
		msg  string
	}{"pinned": {service.ThreadPinned, "web.discussion.pin_changed"}, "locked": {service.ThreadLocked, "web.discussion.lock_changed"},
		"hidden": {service.ThreadHidden, "web.discussion.hide_changed"}}
	flag, known := flags[r.PostForm.Get("flag")]
	if !known {
		s.fail(w, r, maillage.Errorf(maillage.CodeInvalid, "error.invalid"))
		return
	}
	if _, err := s.svc.ModerateThread(r.Context(), st.Viewer, id, flag.flag, r.PostForm.Get("on") == "1"); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/threads/"+url.PathEscape(id), flag.msg)
}
