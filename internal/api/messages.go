package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

type messageCreate struct {
	Body string `json:"body" required:"true" doc:"Markdown, at most 20000 characters; the same body again within a minute answers the message already sent"`
}

type conversationMessageJSON struct {
	ID             string  `json:"id"`
	ConversationID string  `json:"conversation_id"`
	AuthorID       string  `json:"author_id" doc:"empty when the author's account was deleted"`
	AuthorName     string  `json:"author_name"`
	Body           string  `json:"body" doc:"Markdown as written"`
	HTML           string  `json:"html,omitempty" doc:"the body rendered for the caller (links to what they may see only)"`
	CreatedAt      string  `json:"created_at"`
	EditedAt       *string `json:"edited_at"`
}

func messageOut(m *maillage.Message, html string) conversationMessageJSON {
	return conversationMessageJSON{ID: m.ID, ConversationID: m.ConversationID, AuthorID: m.AuthorID, AuthorName: m.AuthorName,
		Body: m.Body, HTML: html, CreatedAt: stamp(m.CreatedAt), EditedAt: stampPtr(m.EditedAt)}
}

func (s *server) postConversationMessage(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in messageCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	m, err := s.svc.PostMessage(r.Context(), v, r.PathValue("id"), in.Body)
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/conversations/"+m.ConversationID)
	s.writeJSON(w, http.StatusCreated, messageOut(m, ""))
	return nil
}
