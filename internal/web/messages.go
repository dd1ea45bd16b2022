package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// messagesPerPage is how many messages a conversation page shows.
const messagesPerPage = 30

// messageFieldName maps a service field name to the message forms' own,
// whose labels (web.field.<name>) belong to the messages area.
func messageFieldName(field string) string {
	switch field {
	case "participant_ids", "user_id":
		return "recipients"
	case "subject":
		return "message_subject"
	case "body":
		return "message_body"
	}
	return field
}

// messageFormError renames the fields of a domain error to the names of
// the message forms, so errors land next to the right control.
func messageFormError(err error) error {
	var e *maillage.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	c := *e
	c.Fields = slices.Clone(e.Fields)
	for i, f := range c.Fields {
		c.Fields[i].Field = messageFieldName(f.Field)
	}
	return &c
}

// messageFormStatus is the status of a message form shown again: 403
// when a block refused it, else as for any form.
func messageFormStatus(err error) int {
	if maillage.ErrorCode(err) == maillage.CodeForbidden {
		return http.StatusForbidden
	}
	return formStatus(err)
}

type conversationsData struct {
	Conversations []conversationItem
	Unread        bool
	Pager         pager
}

// conversationItem is one line of the list of conversations.
type conversationItem struct {
	service.ConversationSummary
	Title string
}

// conversationTitle names a conversation for the viewer: its subject, or
// the other participants (or, left alone, the viewer).
func conversationTitle(c *maillage.Conversation, viewerID string) string {
	if c.Subject != "" {
		return c.Subject
	}
	if t := maillage.ParticipantNames(c.Participants, viewerID); t != "" {
		return t
	}
	return maillage.ParticipantNames(c.Participants, "")
}

func (s *server) messagesPage(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	n, page := pageOf(r)
	unread := r.URL.Query().Get("unread") == "1"
	list, total, err := s.svc.Conversations(r.Context(), st.Viewer, service.ConversationFilter{Unread: unread, Page: page})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items := make([]conversationItem, len(list))
	for i := range list {
		items[i] = conversationItem{ConversationSummary: list[i], Title: conversationTitle(&list[i].Conversation, st.Viewer.UserID)}
	}
	s.render(w, r, http.StatusOK, view{Template: "messages", Title: st.L.T("web.messages.title"), Nav: "messages",
		Data: conversationsData{Conversations: items, Unread: unread, Pager: newPager(r, n, total)}})
}

// conversationData feeds a conversation's page.
type conversationData struct {
	C     *maillage.Conversation
	Title string
	// Messages are oldest first, as they are read.
	Messages []service.MessageView
	// ReadUntil is when the viewer last read it before this visit: later
	// messages of others are marked new.
	ReadUntil    *time.Time
	Older, Newer string
}

// IsNew reports whether a message arrived since the viewer's last visit.
func (d conversationData) IsNew(m service.MessageView, viewerID string) bool {
	if m.AuthorID == viewerID {
		return false
	}
	return d.ReadUntil == nil || m.CreatedAt.After(*d.ReadUntil)
}

func (s *server) conversationPage(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	s.renderConversation(w, r, http.StatusOK, newForm(nil))
}

// renderConversation draws a conversation with the reply form f. The
// first page (the latest messages) counts as read.
func (s *server) renderConversation(w http.ResponseWriter, r *http.Request, status int, f *form) {
	st, id := state(r), r.PathValue("id")
	c, err := s.svc.Conversation(r.Context(), st.Viewer, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || n < 1 || n > 10000 {
		n = 1
	}
	msgs, total, err := s.svc.ConversationMessages(r.Context(), st.Viewer, id, service.Page{Limit: messagesPerPage, Offset: (n - 1) * messagesPerPage})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	slices.Reverse(msgs)
	if n == 1 && c.Unread > 0 {
		if err := s.svc.MarkConversationRead(r.Context(), st.Viewer, id); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	d := conversationData{C: c, Title: conversationTitle(c, st.Viewer.UserID), Messages: msgs, ReadUntil: c.LastReadAt}
	base := "/messages/" + url.PathEscape(id)
	if n*messagesPerPage < total {
		d.Older = base + "?page=" + strconv.Itoa(n+1)
	}
	if n == 2 {
		d.Newer = base
	} else if n > 2 {
		d.Newer = base + "?page=" + strconv.Itoa(n-1)
	}
	s.render(w, r, status, view{Template: "conversation", Title: d.Title, Nav: "messages", Form: f, Data: d})
}

// postMessage answers the reply form. With htmx, the page it redirects
// to replaces the conversation in place; without, the browser follows.
func (s *server) postMessage(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	if _, err := s.svc.PostMessage(r.Context(), st.Viewer, id, r.PostForm.Get("message_body")); err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, messageFormError(err)) {
			s.fail(w, r, err)
			return
		}
		s.renderConversation(w, r, messageFormStatus(err), f)
		return
	}
	http.Redirect(w, r, "/messages/"+url.PathEscape(id)+"#message-form", http.StatusSeeOther)
}

func (s *server) muteConversation(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	muted := r.PostForm.Get("muted") != "0"
	if err := s.svc.MuteConversation(r.Context(), st.Viewer, id, muted); err != nil {
		s.fail(w, r, err)
		return
	}
	flash := "web.messages.muted_done"
	if !muted {
		flash = "web.messages.unmuted_done"
	}
	s.redirect(w, r, "/messages/"+url.PathEscape(id), flash)
}

func (s *server) leaveConversation(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	if err := s.svc.LeaveConversation(r.Context(), st.Viewer, r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/messages", "web.messages.left")
}
