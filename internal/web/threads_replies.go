package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/maillage/maillage/internal/maillage"
)

// createReply posts a reply and goes back to it. A refused reply (empty,
// too long, a locked thread) comes back on the thread page with the text
// as typed; with htmx the page's discussion section replaces the old one.
func (s *server) createReply(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	rep, err := s.svc.CreateReply(r.Context(), st.Viewer, id, maillage.ReplyInput{Body: r.PostForm.Get("body"),
		ParentID: r.PostForm.Get("parent_id")})
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderThread(w, r, formStatus(err), f)
		return
	}
	s.redirect(w, r, "/threads/"+url.PathEscape(id)+"#reply-"+rep.ID, "web.discussion.reply_posted")
}

// replyFormData feeds the page that edits a reply.
type replyFormData struct {
	Reply  *maillage.Reply
	Thread *maillage.Thread
}

// editableReply loads a reply the viewer may edit, answering otherwise.
func (s *server) editableReply(w http.ResponseWriter, r *http.Request) (*maillage.Reply, *maillage.Thread, bool) {
	st := state(r)
	rep, t, err := s.svc.Reply(r.Context(), st.Viewer, r.PathValue("id"))
	if err == nil && rep.Deleted() {
		err = maillage.ErrNotFound
	}
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	if !s.requireSignedIn(w, r) {
		return nil, nil, false
	}
	if !maillage.CanEditPost(st.Viewer, rep.AuthorID, t.Community) {
		s.fail(w, r, maillage.ErrForbidden)
		return nil, nil, false
	}
	return rep, t, true
}

func (s *server) editReplyForm(w http.ResponseWriter, r *http.Request) {
	rep, t, ok := s.editableReply(w, r)
	if !ok {
		return
	}
	f := newForm(url.Values{"body": {rep.Body}, "version": {strconv.Itoa(rep.Version)}})
	s.render(w, r, http.StatusOK, view{Template: "thread_reply_form", Title: state(r).L.T("web.discussion.edit_reply"),
		Nav: "communities", Form: f, Data: replyFormData{Reply: rep, Thread: t}})
}

func (s *server) updateReply(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	rep, t, ok := s.editableReply(w, r)
	if !ok {
		return
	}
	st := state(r)
	_, err := s.svc.UpdateReply(r.Context(), st.Viewer, rep.ID, maillage.ReplyInput{Body: r.PostForm.Get("body"), Version: formVersion(r)})
	if err != nil {
		keepEditOnConflict(r, err, rep.Version)
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		relabelDiscussionErrors(f, st.L)
		s.render(w, r, formStatus(err), view{Template: "thread_reply_form", Title: st.L.T("web.discussion.edit_reply"),
			Nav: "communities", Form: f, Data: replyFormData{Reply: rep, Thread: t}})
		return
	}
	s.redirect(w, r, "/threads/"+url.PathEscape(t.ID)+"#reply-"+rep.ID, "web.discussion.saved")
}

func (s *server) deleteReplyConfirm(w http.ResponseWriter, r *http.Request) {
	rep, t, ok := s.editableReply(w, r)
	if !ok {
		return
	}
	st := state(r)
	s.render(w, r, http.StatusOK, view{Template: "thread_delete", Title: st.L.T("web.discussion.delete_reply"), Nav: "communities",
		Data: postDeleteData{Action: "/replies/" + rep.ID + "/delete", Back: "/threads/" + t.ID + "#reply-" + rep.ID,
			Question: st.L.T("web.discussion.delete_reply_question")}})
}

func (s *server) deleteReply(w http.ResponseWriter, r *http.Request) {
	rep, t, ok := s.editableReply(w, r)
	if !ok {
		return
	}
	if _, err := s.svc.DeleteReply(r.Context(), state(r).Viewer, rep.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/threads/"+url.PathEscape(t.ID)+"#discussion", "web.discussion.reply_deleted")
}

// moderateReply hides a reply or shows it again.
func (s *server) moderateReply(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	rep, err := s.svc.HideReply(r.Context(), st.Viewer, r.PathValue("id"), r.PostForm.Get("on") == "1")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/threads/"+url.PathEscape(rep.ThreadID)+"#reply-"+rep.ID, "web.discussion.hide_changed")
}
