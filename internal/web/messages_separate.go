package web

import (
	"net/http"

	"github.com/maillage/maillage/internal/service"
)

// startSeparately sends the message to each recipient in a conversation
// of their own, then shows the list of conversations.
func (s *server) startSeparately(w http.ResponseWriter, r *http.Request, in service.ConversationInput) {
	st := state(r)
	sent, err := s.svc.StartSeparateConversations(r.Context(), st.Viewer, in)
	if err != nil && len(sent) == 0 {
		f := newForm(r.PostForm)
		if !f.apply(st.L, messageFormError(err)) {
			s.fail(w, r, err)
			return
		}
		people, _ := s.svc.MessageRecipients(r.Context(), st.Viewer, in.ParticipantIDs)
		s.renderMessageNew(w, r, messageFormStatus(err), f, people)
		return
	}
	if err != nil {
		// Some were sent before a failure: say so, and show where they are.
		s.log.Warn("separate messages", "err", err, "sent", len(sent))
		s.redirect(w, r, "/messages", "contribute.people.sent_partly")
		return
	}
	s.redirect(w, r, "/messages", "contribute.people.sent_separately")
}
