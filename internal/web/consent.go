package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
)

// Putting a person's name on something takes their consent: adding a
// co-author, member or manager sends an invitation, shown to the person
// on their home page, notifications and invitations pages, and on the
// item's page, with Accept and Decline buttons (plain forms). The people
// who manage the item see the invitations sent, each with a Withdraw
// button.

// invitationBase is the address of the pages of a kind of item, up to the
// item's ID.
func invitationBase(k maillage.InvitationKind) string {
	switch k {
	case maillage.InviteNote:
		return "/notes/"
	case maillage.InviteNotebook:
		return "/notebooks/"
	case maillage.InviteKnowledgeBase:
		return "/knowledge-bases/"
	case maillage.InviteMeeting:
		return "/meetings/"
	}
	return "/communities/"
}

// invitationPath is the address of an invitation's item, for templates.
func invitationPath(k maillage.InvitationKind, itemID string) string {
	return invitationBase(k) + url.PathEscape(itemID)
}

// invitationNav is the menu entry an item's invitation page lights.
func invitationNav(k maillage.InvitationKind) string {
	switch k {
	case maillage.InviteNote:
		return "notes"
	case maillage.InviteNotebook, maillage.InviteKnowledgeBase:
		return "notebooks"
	}
	return "communities"
}

// invitationInstead answers an item's page with the viewer's invitation
// to it when the item itself is hidden from them (err is not found): its
// title and the answer buttons, nothing more. It reports whether it did.
func (s *server) invitationInstead(w http.ResponseWriter, r *http.Request, k maillage.InvitationKind, id string, err error) bool {
	if !maillage.IsNotFound(err) {
		return false
	}
	inv, ierr := s.svc.PendingItemInvitation(r.Context(), state(r).Viewer, k, id)
	if ierr != nil {
		return false
	}
	s.render(w, r, http.StatusOK, view{Template: "consent_invitation", Title: inv.ItemTitle, Nav: invitationNav(k), Data: inv})
	return true
}

// itemInvitations is what an item's page shows of invitations: the
// viewer's own, to answer, and, to those who manage the item, the ones
// sent.
type itemInvitations struct {
	Mine *maillage.Invitation
	Sent []maillage.Invitation
}

// loadItemInvitations reads an item's invitations for its page; canManage
// says whether the viewer manages it (authors of a note).
func (s *server) loadItemInvitations(r *http.Request, k maillage.InvitationKind, id string, canManage bool) (itemInvitations, error) {
	var out itemInvitations
	v := state(r).Viewer
	if !v.SignedIn() {
		return out, nil
	}
	inv, err := s.svc.PendingItemInvitation(r.Context(), v, k, id)
	switch {
	case err == nil:
		out.Mine = inv
	case !maillage.IsNotFound(err):
		return out, err
	}
	if canManage {
		if out.Sent, err = s.svc.ItemInvitations(r.Context(), v, k, id); err != nil {
			return out, err
		}
	}
	return out, nil
}

// answerItemInvitation accepts (then opens the item) or declines (then
// returns where the form says, or to the invitations page) the viewer's
// invitation.
func (s *server) answerItemInvitation(k maillage.InvitationKind, accept bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.signedInForm(w, r) {
			return
		}
		id := r.PathValue("id")
		if _, err := s.svc.AnswerItemInvitation(r.Context(), state(r).Viewer, k, id, accept); err != nil {
			s.fail(w, r, err)
			return
		}
		if accept {
			s.redirect(w, r, invitationPath(k, id), "consent.web.accepted")
			return
		}
		s.redirect(w, r, backTo(r, "/invitations"), "consent.web.declined")
	}
}

// withdrawItemInvitation takes an invitation back, then returns where the
// form says, or to the item's page.
func (s *server) withdrawItemInvitation(k maillage.InvitationKind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.signedInForm(w, r) {
			return
		}
		id := r.PathValue("id")
		if err := s.svc.WithdrawItemInvitation(r.Context(), state(r).Viewer, k, id, r.PathValue("user")); err != nil {
			s.fail(w, r, err)
			return
		}
		s.redirect(w, r, backTo(r, invitationPath(k, id)), "web.invite.withdrawn")
	}
}

// sentFlash is the message after adding someone: made at once, or
// invited (their name is used once they accept).
func sentFlash(inv *maillage.Invitation, done string) string {
	if inv == nil {
		return done
	}
	if inv.Role == "manager" {
		return "consent.web.invitation_sent_manager"
	}
	return "consent.web.invitation_sent"
}
