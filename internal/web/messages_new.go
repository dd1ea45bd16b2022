package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// messageNewData feeds the new-message form: the people it goes to, as
// the writer may see them (unknown or hidden IDs are dropped, with an
// error that does not name them).
type messageNewData struct {
	People []maillage.User
	// Community is set when a manager writes to its members.
	Community *maillage.Community
}

// newMessageForm is /messages/new?to=ID&to=ID, reached from a profile
// (one person) or from the directory (several).
func (s *server) newMessageForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	ids := r.URL.Query()["to"]
	f := newForm(url.Values{"mode": {"separate"}})
	var community *maillage.Community
	if cid := r.URL.Query().Get("community"); cid != "" {
		// A manager writes to the members of their community.
		members, err := s.svc.CommunityRecipients(r.Context(), st.Viewer, cid)
		if err != nil && !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		ids = append(ids, members...)
		if community, err = s.svc.Community(r.Context(), st.Viewer, cid); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	var people []maillage.User
	if len(ids) > 0 {
		var err error
		people, err = s.svc.MessageRecipients(r.Context(), st.Viewer, ids)
		if err != nil && !f.apply(st.L, messageFormError(err)) {
			s.fail(w, r, err)
			return
		}
	}
	s.renderMessageNewFor(w, r, http.StatusOK, f, messageNewData{People: people, Community: community})
}

func (s *server) renderMessageNew(w http.ResponseWriter, r *http.Request, status int, f *form, people []maillage.User) {
	s.renderMessageNewFor(w, r, status, f, messageNewData{People: people})
}

func (s *server) renderMessageNewFor(w http.ResponseWriter, r *http.Request, status int, f *form, d messageNewData) {
	s.render(w, r, status, view{Template: "message_new", Title: state(r).L.T("web.messages.new_title"), Nav: "messages",
		Form: f, Data: d})
}

// chooseRecipients receives the people picked in the directory and
// opens the new-message form for them; the GET address keeps a reload
// from asking to send the form again.
func (s *server) chooseRecipients(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	q := url.Values{}
	for _, name := range []string{"user_id", "to"} {
		for _, id := range r.PostForm[name] {
			if id != "" && len(q["to"]) <= service.MaxParticipants {
				q.Add("to", id)
			}
		}
	}
	to := "/messages/new"
	if len(q) > 0 {
		to += "?" + q.Encode()
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// startConversation creates the conversation and its first message.
func (s *server) startConversation(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	ids := r.PostForm["to"]
	in := service.ConversationInput{ParticipantIDs: ids, Subject: r.PostForm.Get("message_subject"), Body: r.PostForm.Get("message_body")}
	if r.PostForm.Get("mode") == "separate" && len(ids) > 1 {
		s.startSeparately(w, r, in)
		return
	}
	c, err := s.svc.StartConversation(r.Context(), st.Viewer, in)
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, messageFormError(err)) {
			s.fail(w, r, err)
			return
		}
		// The recipients are shown again as the writer may see them; the
		// error already says what is wrong with them.
		people, _ := s.svc.MessageRecipients(r.Context(), st.Viewer, ids)
		s.renderMessageNew(w, r, messageFormStatus(err), f, people)
		return
	}
	s.redirect(w, r, "/messages/"+url.PathEscape(c.ID), "web.messages.sent")
}
