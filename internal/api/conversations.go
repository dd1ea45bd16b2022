package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// Private and group messages: only participants see a conversation; for
// anyone else it answers 404 like one that does not exist.

type conversationCreate struct {
	ParticipantIDs []string `json:"participant_ids" required:"true" doc:"the people written to, the caller excluded (added anyway); at most 49"`
	Subject        string   `json:"subject" doc:"optional, at most 200 characters"`
	Body           string   `json:"body" required:"true" doc:"the first message, Markdown, at most 20000 characters"`
}

type participantsAdd struct {
	ParticipantIDs []string `json:"participant_ids" required:"true" doc:"people to add; those already in are ignored"`
}

type muteSet struct {
	Muted *bool `json:"muted" doc:"true (the default) mutes, false unmutes"`
}

type conversationParticipantJSON struct {
	UserID   string `json:"user_id"`
	Name     string `json:"name"`
	JoinedAt string `json:"joined_at"`
}

type conversationJSON struct {
	ID            string                        `json:"id"`
	Subject       string                        `json:"subject"`
	Title         string                        `json:"title" doc:"the subject, or else the names of the other participants"`
	Kind          string                        `json:"kind" enum:"direct,group" doc:"direct: two people, unique for them; group: more (for good)"`
	Participants  []conversationParticipantJSON `json:"participants" doc:"the current participants"`
	Unread        int                           `json:"unread" doc:"messages of others since the caller last read it"`
	Muted         bool                          `json:"muted" doc:"the caller hears nothing of new messages"`
	LastReadAt    *string                       `json:"last_read_at"`
	CreatedAt     string                        `json:"created_at"`
	LastMessageAt string                        `json:"last_message_at"`
	// LastMessage is in lists; Messages in a single conversation.
	LastMessage *conversationMessageJSON       `json:"last_message,omitempty" doc:"in lists: the latest message"`
	Messages    *list[conversationMessageJSON] `json:"messages,omitempty" doc:"for one conversation: a page of messages, newest first"`
}

func conversationOut(c *maillage.Conversation, viewerID string) conversationJSON {
	out := conversationJSON{ID: c.ID, Subject: c.Subject, Kind: c.Kind, Unread: c.Unread, Muted: c.Muted,
		LastReadAt: stampPtr(c.LastReadAt), CreatedAt: stamp(c.CreatedAt), LastMessageAt: stamp(c.LastMessageAt),
		Participants: make([]conversationParticipantJSON, len(c.Participants))}
	out.Title = c.Subject
	if out.Title == "" {
		out.Title = maillage.ParticipantNames(c.Participants, viewerID)
	}
	for i, p := range c.Participants {
		out.Participants[i] = conversationParticipantJSON{UserID: p.UserID, Name: p.Name, JoinedAt: stamp(p.JoinedAt)}
	}
	return out
}

func (s *server) listConversations(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	p, err := page(r)
	if err != nil {
		return err
	}
	unread, err := choice(r, "unread", []string{"true", "false"})
	if err != nil {
		return err
	}
	list, total, err := s.svc.Conversations(r.Context(), v, service.ConversationFilter{Unread: unread == "true", Page: p})
	if err != nil {
		return err
	}
	items := make([]conversationJSON, len(list))
	for i := range list {
		items[i] = conversationOut(&list[i].Conversation, v.UserID)
		if m := list[i].Last; m != nil {
			out := messageOut(m, "")
			items[i].LastMessage = &out
		}
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) createConversation(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in conversationCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	c, err := s.svc.StartConversation(r.Context(), v, service.ConversationInput{ParticipantIDs: in.ParticipantIDs,
		Subject: in.Subject, Body: in.Body})
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/conversations/"+c.ID)
	return s.answerConversation(w, r, http.StatusCreated, c.ID, service.Page{Limit: defaultLimit})
}

func (s *server) getConversation(w http.ResponseWriter, r *http.Request) error {
	if !viewerOf(r).SignedIn() {
		return maillage.ErrUnauthorized
	}
	p, err := page(r)
	if err != nil {
		return err
	}
	return s.answerConversation(w, r, http.StatusOK, r.PathValue("id"), p)
}

// answerConversation writes a conversation with a page of its messages.
func (s *server) answerConversation(w http.ResponseWriter, r *http.Request, status int, id string, p service.Page) error {
	v := viewerOf(r)
	c, err := s.svc.Conversation(r.Context(), v, id)
	if err != nil {
		return err
	}
	msgs, total, err := s.svc.ConversationMessages(r.Context(), v, id, p)
	if err != nil {
		return err
	}
	items := make([]conversationMessageJSON, len(msgs))
	for i := range msgs {
		items[i] = messageOut(&msgs[i].Message, string(msgs[i].HTML))
	}
	out := conversationOut(c, v.UserID)
	page := newList(items, total, p)
	out.Messages = &page
	s.writeJSON(w, status, out)
	return nil
}

func (s *server) markConversationRead(w http.ResponseWriter, r *http.Request) error {
	if !viewerOf(r).SignedIn() {
		return maillage.ErrUnauthorized
	}
	if err := s.svc.MarkConversationRead(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) muteConversation(w http.ResponseWriter, r *http.Request) error {
	if !viewerOf(r).SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in muteSet
	if err := decode(r, &in, true); err != nil {
		return err
	}
	muted := in.Muted == nil || *in.Muted
	if err := s.svc.MuteConversation(r.Context(), viewerOf(r), r.PathValue("id"), muted); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) leaveConversation(w http.ResponseWriter, r *http.Request) error {
	if !viewerOf(r).SignedIn() {
		return maillage.ErrUnauthorized
	}
	if err := s.svc.LeaveConversation(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) addConversationParticipants(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in participantsAdd
	if err := decode(r, &in, false); err != nil {
		return err
	}
	c, err := s.svc.AddParticipants(r.Context(), v, r.PathValue("id"), in.ParticipantIDs)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, conversationOut(c, v.UserID))
	return nil
}
