package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

// Invitations to co-author a note, or to take a role in a notebook or a
// knowledge base, share their handlers: k names the kind of item.

// listItemInvitations lists an item's unanswered and declined
// invitations, for the people who manage it.
func (s *server) listItemInvitations(k maillage.InvitationKind) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		v := viewerOf(r)
		if !v.SignedIn() {
			return maillage.ErrUnauthorized
		}
		list, err := s.svc.ItemInvitations(r.Context(), v, k, r.PathValue("id"))
		if err != nil {
			return err
		}
		s.writeJSON(w, http.StatusOK, invitationsOut(list))
		return nil
	}
}

// withdrawItemInvitation takes an invitation back.
func (s *server) withdrawItemInvitation(k maillage.InvitationKind) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := s.svc.WithdrawItemInvitation(r.Context(), viewerOf(r), k, r.PathValue("id"), r.PathValue("user_id")); err != nil {
			return err
		}
		noContent(w)
		return nil
	}
}

// answerItemInvitation accepts or declines the caller's invitation.
func (s *server) answerItemInvitation(k maillage.InvitationKind, accept bool) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		return s.answerInvitation(w, r, k, accept)
	}
}
