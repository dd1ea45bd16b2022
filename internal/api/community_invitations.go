package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

type invitationCreate struct {
	UserID string `json:"user_id" required:"true" doc:"the person invited"`
}

type invitationJSON struct {
	CommunityID   string `json:"community_id"`
	CommunityName string `json:"community_name"`
	UserID        string `json:"user_id"`
	Name          string `json:"name"`
	InvitedBy     string `json:"invited_by,omitempty"`
	InvitedByName string `json:"invited_by_name,omitempty"`
	Status        string `json:"status" enum:"pending,accepted,declined"`
	CreatedAt     string `json:"created_at" format:"date-time"`
}

type invitationList struct {
	Invitations []invitationJSON `json:"invitations"`
}

func invitationsOut(list []maillage.Invitation) invitationList {
	out := invitationList{Invitations: make([]invitationJSON, len(list))}
	for i, inv := range list {
		out.Invitations[i] = invitationJSON{CommunityID: inv.CommunityID, CommunityName: inv.CommunityName, UserID: inv.UserID,
			Name: inv.UserName, InvitedBy: inv.InvitedBy, InvitedByName: inv.InvitedByName, Status: string(inv.Status),
			CreatedAt: stamp(inv.CreatedAt)}
	}
	return out
}

func (s *server) invite(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in invitationCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	userID := strings.TrimSpace(in.UserID)
	if userID == "" {
		return invalidField("user_id", "field.required")
	}
	id := r.PathValue("id")
	if err := s.svc.Invite(r.Context(), v, id, userID); err != nil {
		return err
	}
	list, err := s.svc.CommunityInvitations(r.Context(), v, id)
	if err != nil {
		return err
	}
	for _, inv := range list {
		if inv.UserID == userID {
			w.Header().Set("Location", Prefix+"/communities/"+id+"/invitations")
			s.writeJSON(w, http.StatusCreated, invitationsOut([]maillage.Invitation{inv}).Invitations[0])
			return nil
		}
	}
	return maillage.ErrNotFound
}

func (s *server) listCommunityInvitations(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	list, err := s.svc.CommunityInvitations(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, invitationsOut(list))
	return nil
}

func (s *server) withdrawInvitation(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.WithdrawInvitation(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("user_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) myInvitations(w http.ResponseWriter, r *http.Request) error {
	list, err := s.svc.MyInvitations(r.Context(), viewerOf(r))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, invitationsOut(list))
	return nil
}

func (s *server) acceptInvitation(w http.ResponseWriter, r *http.Request) error {
	return s.answerInvitation(w, r, true)
}

func (s *server) declineInvitation(w http.ResponseWriter, r *http.Request) error {
	return s.answerInvitation(w, r, false)
}

func (s *server) answerInvitation(w http.ResponseWriter, r *http.Request, accept bool) error {
	if err := s.svc.AnswerInvitation(r.Context(), viewerOf(r), r.PathValue("id"), accept); err != nil {
		return err
	}
	noContent(w)
	return nil
}

type managementTransfer struct {
	UserID string `json:"user_id" required:"true" doc:"a member who becomes manager while the caller steps down to member"`
}

func (s *server) transferManagement(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in managementTransfer
	if err := decode(r, &in, false); err != nil {
		return err
	}
	if strings.TrimSpace(in.UserID) == "" {
		return invalidField("user_id", "field.required")
	}
	if err := s.svc.TransferManagement(r.Context(), v, r.PathValue("id"), strings.TrimSpace(in.UserID)); err != nil {
		return err
	}
	noContent(w)
	return nil
}
