package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// participantsData feeds the page that adds people to a conversation: a
// search of the directory, without the people already in it.
type participantsData struct {
	C      *maillage.Conversation
	Title  string
	Query  string
	People []maillage.User
	More   bool
}

// participantsPerSearch bounds the people one search offers.
const participantsPerSearch = 20

func (s *server) participantsForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	s.renderParticipants(w, r, http.StatusOK, newForm(nil))
}

func (s *server) renderParticipants(w http.ResponseWriter, r *http.Request, status int, f *form) {
	st := state(r)
	c, err := s.svc.Conversation(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := participantsData{C: c, Title: conversationTitle(c, st.Viewer.UserID), Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	if d.Query != "" {
		people, total, err := s.svc.People(r.Context(), st.Viewer, service.PeopleFilter{Query: d.Query,
			Page: service.Page{Limit: participantsPerSearch}})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		in := c.ParticipantIDs()
		for _, p := range people {
			if !slices.Contains(in, p.ID) {
				d.People = append(d.People, p)
			}
		}
		d.More = total > participantsPerSearch
	}
	s.render(w, r, status, view{Template: "conversation_participants", Title: st.L.T("web.messages.add_title"), Nav: "messages",
		Form: f, Data: d})
}

func (s *server) addConversationParticipants(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	if _, err := s.svc.AddParticipants(r.Context(), st.Viewer, id, r.PostForm["user_id"]); err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, messageFormError(err)) {
			s.fail(w, r, err)
			return
		}
		s.renderParticipants(w, r, messageFormStatus(err), f)
		return
	}
	s.redirect(w, r, "/messages/"+url.PathEscape(id), "web.messages.participants_added")
}
