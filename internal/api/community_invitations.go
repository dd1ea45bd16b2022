package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

// invitationCreate invites people to a community. With user_ids, emails
// or candidate_ids it emails each person an invitation (managers; see
// inviteByEmail); with user_id alone it invites one member of Maillage in
// the application, as a member or a manager.
type invitationCreate struct {
	UserID       string   `json:"user_id" doc:"one member of Maillage invited in the application (with role)"`
	Role         string   `json:"role" enum:"member,manager" doc:"the role offered with user_id, member when omitted"`
	UserIDs      []string `json:"user_ids" doc:"members of Maillage to email an invitation to"`
	Emails       []string `json:"emails" doc:"addresses to email an invitation to"`
	CandidateIDs []string `json:"candidate_ids" doc:"candidates of the shortlist to email an invitation to"`
	Message      string   `json:"message" doc:"a personal message, in every email"`
	Attachment   string   `json:"attachment" enum:"description,note" doc:"attach the community's description, or a note (note_id), as a PDF"`
	NoteID       string   `json:"note_id" doc:"the note attached, with attachment note"`
}

// emailForm tells the grouped, emailed form of an invitation.
func (in invitationCreate) emailForm() bool {
	return len(in.UserIDs)+len(in.Emails)+len(in.CandidateIDs) > 0 || in.Message != "" || in.Attachment != ""
}

// invitationJSON is an invitation to take a role in a community, note,
// notebook or knowledge base. The item's title is all it shows of an
// item its invitee may not see yet.
type invitationJSON struct {
	Kind          string `json:"kind" enum:"community,note,notebook,knowledge_base"`
	ItemID        string `json:"item_id"`
	ItemTitle     string `json:"item_title"`
	Role          string `json:"role" enum:"member,manager,author,contributor" doc:"the role offered"`
	CommunityID   string `json:"community_id,omitempty" doc:"community invitations: the community"`
	CommunityName string `json:"community_name,omitempty"`
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

// invitationSent is the 202 answer of a call that could not put a
// person's name on something without their consent: it invited them.
type invitationSent struct {
	Invitation invitationJSON `json:"invitation"`
}

func invitationOut(inv maillage.Invitation) invitationJSON {
	out := invitationJSON{Kind: string(inv.Kind), ItemID: inv.ItemID, ItemTitle: inv.ItemTitle, Role: inv.Role,
		UserID: inv.UserID, Name: inv.UserName, InvitedBy: inv.InvitedBy, InvitedByName: inv.InvitedByName,
		Status: string(inv.Status), CreatedAt: stamp(inv.CreatedAt)}
	if inv.Kind == maillage.InviteCommunity {
		out.CommunityID, out.CommunityName = inv.ItemID, inv.ItemTitle
	}
	return out
}

func invitationsOut(list []maillage.Invitation) invitationList {
	out := invitationList{Invitations: make([]invitationJSON, len(list))}
	for i, inv := range list {
		out.Invitations[i] = invitationOut(inv)
	}
	return out
}

// writeInvitationSent answers 202 with the invitation a call sent.
func (s *server) writeInvitationSent(w http.ResponseWriter, location string, inv *maillage.Invitation) {
	w.Header().Set("Location", Prefix+location)
	s.writeJSON(w, http.StatusAccepted, invitationSent{Invitation: invitationOut(*inv)})
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
	if in.emailForm() {
		return s.inviteByEmail(w, r, in)
	}
	userID := strings.TrimSpace(in.UserID)
	if userID == "" {
		return invalidField("user_id", "field.required")
	}
	id := r.PathValue("id")
	inv, err := s.svc.InvitePerson(r.Context(), v, maillage.InviteCommunity, id, userID, in.Role)
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/communities/"+id+"/invitations")
	s.writeJSON(w, http.StatusCreated, invitationOut(*inv))
	return nil
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
	return s.answerInvitation(w, r, maillage.InviteCommunity, true)
}

func (s *server) declineInvitation(w http.ResponseWriter, r *http.Request) error {
	return s.answerInvitation(w, r, maillage.InviteCommunity, false)
}

// answerInvitation accepts or declines the caller's own invitation to an
// item, and answers it as it now stands.
func (s *server) answerInvitation(w http.ResponseWriter, r *http.Request, k maillage.InvitationKind, accept bool) error {
	inv, err := s.svc.AnswerItemInvitation(r.Context(), viewerOf(r), k, r.PathValue("id"), accept)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, invitationOut(*inv))
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
	id := r.PathValue("id")
	inv, err := s.svc.TransferManagement(r.Context(), v, id, strings.TrimSpace(in.UserID))
	if err != nil {
		return err
	}
	if inv != nil {
		s.writeInvitationSent(w, "/communities/"+id+"/invitations", inv)
		return nil
	}
	noContent(w)
	return nil
}
