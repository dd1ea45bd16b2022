package api

import (
	"errors"
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

type memberAdd struct {
	UserID string `json:"user_id" required:"true"`
	Role   string `json:"role" enum:"member,manager" doc:"member when omitted; also changes the role of a current member"`
}

type joinRequestCreate struct {
	Message string `json:"message" doc:"a word for the managers, at most 1000 characters"`
}

func (s *server) listMembers(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	ms, total, err := s.svc.Members(r.Context(), viewerOf(r), r.PathValue("id"), p)
	if err != nil {
		return err
	}
	items := make([]memberJSON, len(ms))
	for i, m := range ms {
		items[i] = memberJSON{UserID: m.UserID, Name: m.UserName, Role: string(m.Role), JoinedAt: stamp(m.CreatedAt)}
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) addMember(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in memberAdd
	if err := decode(r, &in, false); err != nil {
		return err
	}
	id := r.PathValue("id")
	role := maillage.Role(in.Role)
	if role == "" {
		role = maillage.RoleMember
	}
	inv, err := s.svc.AddMember(r.Context(), v, id, in.UserID, role)
	if err != nil {
		var e *maillage.Error
		if in.UserID == "" && errors.As(err, &e) && e.MessageID == "community.unknown_person" {
			// No person named at all is bad input, not an unknown person.
			return invalidField("user_id", "field.required")
		}
		return err
	}
	if inv != nil {
		s.writeInvitationSent(w, "/communities/"+id+"/invitations", inv)
		return nil
	}
	w.Header().Set("Location", Prefix+"/communities/"+id+"/members")
	s.writeJSON(w, http.StatusCreated, membershipJSON{CommunityID: id, UserID: in.UserID, Role: string(role)})
	return nil
}

func (s *server) removeMember(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.RemoveMember(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("user_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) join(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.Join(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) requestToJoin(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in joinRequestCreate
	if err := decode(r, &in, true); err != nil {
		return err
	}
	if err := s.svc.RequestToJoin(r.Context(), v, r.PathValue("id"), in.Message); err != nil {
		return err
	}
	w.WriteHeader(http.StatusAccepted)
	return nil
}

func (s *server) listRequests(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	reqs, err := s.svc.JoinRequests(r.Context(), viewerOf(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	items := make([]joinRequestJSON, 0, len(reqs))
	for _, q := range window(reqs, p) {
		items = append(items, joinRequestJSON{UserID: q.UserID, Name: q.UserName, Message: q.Message, CreatedAt: stamp(q.CreatedAt)})
	}
	s.writeJSON(w, http.StatusOK, newList(items, len(reqs), p))
	return nil
}

func (s *server) acceptRequest(w http.ResponseWriter, r *http.Request) error {
	return s.answerRequest(w, r, true)
}

func (s *server) declineRequest(w http.ResponseWriter, r *http.Request) error {
	return s.answerRequest(w, r, false)
}

func (s *server) answerRequest(w http.ResponseWriter, r *http.Request, accept bool) error {
	if err := s.svc.AnswerRequest(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("user_id"), accept); err != nil {
		return err
	}
	noContent(w)
	return nil
}

// invalidField is a 400 on one input field.
func invalidField(field, messageID string) error {
	return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
		Fields: []maillage.FieldError{{Field: field, MessageID: messageID}}}
}
