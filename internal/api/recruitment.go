package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// A community's recruitment: its shortlist of candidates and the
// invitations emailed to them. For the community's managers only; 404 to
// anyone else, members included.

type candidateNoteJSON struct {
	ID         string `json:"id"`
	AuthorID   string `json:"author_id,omitempty"`
	AuthorName string `json:"author_name,omitempty"`
	Body       string `json:"body"`
	CreatedAt  string `json:"created_at" format:"date-time"`
}

// emailInvitationJSON is an invitation emailed to join a community. A
// member's own address is never shown.
type emailInvitationJSON struct {
	ID            string  `json:"id"`
	CommunityID   string  `json:"community_id"`
	CandidateID   string  `json:"candidate_id,omitempty"`
	Name          string  `json:"name,omitempty"`
	Email         string  `json:"email,omitempty" doc:"the address invited; empty for a member of Maillage"`
	UserID        string  `json:"user_id,omitempty" doc:"the member of Maillage invited"`
	ActorID       string  `json:"actor_id,omitempty" doc:"the actor card of the person invited"`
	Status        string  `json:"status" enum:"pending,accepted,declined"`
	Expired       bool    `json:"expired"`
	InvitedBy     string  `json:"invited_by,omitempty"`
	InvitedByName string  `json:"invited_by_name,omitempty"`
	CreatedAt     string  `json:"created_at" format:"date-time"`
	ExpiresAt     string  `json:"expires_at" format:"date-time"`
	AnsweredAt    *string `json:"answered_at" format:"date-time"`
	Reminders     int     `json:"reminders"`
}

type candidateJSON struct {
	ID             string               `json:"id"`
	Name           string               `json:"name"`
	Kind           string               `json:"kind" enum:"user,organization,actor,email"`
	UserID         string               `json:"user_id,omitempty"`
	OrganizationID string               `json:"organization_id,omitempty"`
	ActorID        string               `json:"actor_id,omitempty"`
	Email          string               `json:"email,omitempty"`
	Status         string               `json:"status" enum:"identified,contacted,invited,accepted,declined,no_answer"`
	Source         string               `json:"source" enum:"search,suggestion,nomination,free"`
	SourceDetail   string               `json:"source_detail"`
	Labels         []string             `json:"labels"`
	Notes          []candidateNoteJSON  `json:"notes"`
	Invitation     *emailInvitationJSON `json:"invitation" doc:"the latest invitation emailed, or null"`
	CreatedAt      string               `json:"created_at" format:"date-time"`
	UpdatedAt      string               `json:"updated_at" format:"date-time"`
}

type candidateList struct {
	Candidates []candidateJSON `json:"candidates"`
	Counts     map[string]int  `json:"counts" doc:"candidates by status, all filters aside"`
}

type candidateCreate struct {
	UserID         string   `json:"user_id" doc:"a member of Maillage; or"`
	OrganizationID string   `json:"organization_id" doc:"an organisation; or"`
	ActorID        string   `json:"actor_id" doc:"an actor card; or"`
	Email          string   `json:"email" doc:"an email address, with name"`
	Name           string   `json:"name" doc:"the name of a candidate known by email alone"`
	Status         string   `json:"status" enum:"identified,contacted,invited,accepted,declined,no_answer" doc:"identified when omitted"`
	Source         string   `json:"source" enum:"search,suggestion,nomination,free" doc:"search for a member, organisation or card, free for an address, when omitted"`
	SourceDetail   string   `json:"source_detail" doc:"who nominated them, which search found them"`
	Note           string   `json:"note" doc:"a first entry of the candidate's dated log"`
	Labels         []string `json:"labels"`
}

type candidatePatch struct {
	Status       *string   `json:"status" enum:"identified,contacted,invited,accepted,declined,no_answer"`
	Source       *string   `json:"source" enum:"search,suggestion,nomination,free"`
	SourceDetail *string   `json:"source_detail"`
	Labels       *[]string `json:"labels" doc:"replaces the labels"`
	Note         string    `json:"note" doc:"adds a dated entry to the log"`
}

type inviteSkipJSON struct {
	Name    string `json:"name,omitempty"`
	UserID  string `json:"user_id,omitempty"`
	Email   string `json:"email,omitempty"`
	Reason  string `json:"reason" enum:"member,pending,unknown,no_address,invite_self,blocked,you_blocked"`
	Message string `json:"message"`
}

// emailInvitationResult answers an invitation of several people at once.
type emailInvitationResult struct {
	Invitations []emailInvitationJSON `json:"invitations" doc:"one per person emailed"`
	Skipped     []inviteSkipJSON      `json:"skipped" doc:"people who needed no invitation, and why"`
}

type reminderRequest struct {
	CandidateIDs []string `json:"candidate_ids" doc:"only these candidates; everyone who did not answer when omitted"`
}

type reminderResult struct {
	Reminded int `json:"reminded" doc:"reminders emailed"`
	TooSoon  int `json:"too_soon" doc:"unanswered invitations left alone: they, or a reminder, left less than a day ago"`
}

func emailInvitationOut(inv *maillage.RecruitmentInvitation, expired bool) *emailInvitationJSON {
	if inv == nil {
		return nil
	}
	return &emailInvitationJSON{ID: inv.ID, CommunityID: inv.CommunityID, CandidateID: inv.CandidateID, Name: inv.Name,
		Email: inv.Email, UserID: inv.UserID, ActorID: inv.ActorID, Status: string(inv.Status), Expired: expired,
		InvitedBy: inv.InvitedBy, InvitedByName: inv.InvitedByName, CreatedAt: stamp(inv.CreatedAt), ExpiresAt: stamp(inv.ExpiresAt),
		AnsweredAt: stampPtr(inv.AnsweredAt), Reminders: inv.Reminders}
}

func (s *server) candidateOut(c maillage.Candidate) candidateJSON {
	out := candidateJSON{ID: c.ID, Name: c.Name, Kind: string(c.Kind()), UserID: c.UserID, OrganizationID: c.OrganizationID,
		ActorID: c.ActorID, Email: c.Email, Status: string(c.Status), Source: string(c.Source), SourceDetail: c.SourceDetail,
		Labels: c.Labels, Notes: []candidateNoteJSON{}, CreatedAt: stamp(c.CreatedAt), UpdatedAt: stamp(c.UpdatedAt)}
	if out.Labels == nil {
		out.Labels = []string{}
	}
	for _, n := range c.Notes {
		out.Notes = append(out.Notes, candidateNoteJSON{ID: n.ID, AuthorID: n.AuthorID, AuthorName: n.AuthorName, Body: n.Body,
			CreatedAt: stamp(n.CreatedAt)})
	}
	if inv := c.LastInvitation; inv != nil {
		out.Invitation = emailInvitationOut(inv, inv.Expired(s.svc.DB().Now()))
	}
	return out
}

func (s *server) listShortlist(w http.ResponseWriter, r *http.Request) error {
	list, counts, err := s.svc.Shortlist(r.Context(), viewerOf(r), r.PathValue("id"), r.URL.Query().Get("status"))
	if err != nil {
		return err
	}
	out := candidateList{Candidates: []candidateJSON{}, Counts: map[string]int{}}
	for _, c := range list {
		out.Candidates = append(out.Candidates, s.candidateOut(c))
	}
	for st, n := range counts {
		out.Counts[string(st)] = n
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) addCandidate(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	// Whether the shortlist exists for the caller comes before their input.
	if _, err := s.svc.RecruitmentCommunity(r.Context(), v, r.PathValue("id")); err != nil {
		return err
	}
	var in candidateCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	c, err := s.svc.AddCandidate(r.Context(), v, r.PathValue("id"), maillage.CandidateInput{UserID: in.UserID,
		OrganizationID: in.OrganizationID, ActorID: in.ActorID, Email: in.Email, Name: in.Name, Status: in.Status,
		Source: in.Source, SourceDetail: in.SourceDetail, Note: in.Note, Labels: in.Labels})
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/communities/"+r.PathValue("id")+"/shortlist/"+c.ID)
	s.writeJSON(w, http.StatusCreated, s.candidateOut(*c))
	return nil
}

func (s *server) getCandidate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.svc.Candidate(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("candidate_id"))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, s.candidateOut(*c))
	return nil
}

func (s *server) patchCandidate(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if _, err := s.svc.Candidate(r.Context(), v, r.PathValue("id"), r.PathValue("candidate_id")); err != nil {
		return err
	}
	var in candidatePatch
	if err := decode(r, &in, false); err != nil {
		return err
	}
	c, err := s.svc.UpdateCandidate(r.Context(), v, r.PathValue("id"), r.PathValue("candidate_id"), maillage.CandidateUpdate{
		Status: in.Status, Source: in.Source, SourceDetail: in.SourceDetail, Labels: in.Labels, Note: in.Note})
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, s.candidateOut(*c))
	return nil
}

func (s *server) deleteCandidate(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.DeleteCandidate(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("candidate_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

// inviteByEmail is the grouped form of POST .../invitations: everyone in
// user_ids, emails and candidate_ids gets an emailed invitation (members
// of Maillage the in-app one too).
func (s *server) inviteByEmail(w http.ResponseWriter, r *http.Request, in invitationCreate) error {
	st := stateOf(r)
	res, err := s.svc.InviteToCommunity(r.Context(), st.viewer, r.PathValue("id"), maillage.InviteInput{UserIDs: in.UserIDs,
		Emails: in.Emails, CandidateIDs: in.CandidateIDs, Message: in.Message, Attachment: in.Attachment, NoteID: in.NoteID},
		st.l.Lang())
	if err != nil {
		return err
	}
	out := emailInvitationResult{Invitations: []emailInvitationJSON{}, Skipped: []inviteSkipJSON{}}
	for i := range res.Sent {
		out.Invitations = append(out.Invitations, *emailInvitationOut(&res.Sent[i], false))
	}
	for _, sk := range res.Skipped {
		out.Skipped = append(out.Skipped, inviteSkipOut(st.l.T(sk.MessageID), sk))
	}
	w.Header().Set("Location", Prefix+"/communities/"+r.PathValue("id")+"/shortlist")
	s.writeJSON(w, http.StatusCreated, out)
	return nil
}

// inviteSkipOut names why someone was skipped, as a short code and a
// translated message.
func inviteSkipOut(message string, sk service.InviteSkip) inviteSkipJSON {
	reason := sk.MessageID
	if i := strings.LastIndexByte(reason, '.'); i >= 0 {
		reason = reason[i+1:]
	}
	reason = strings.TrimPrefix(reason, "skip_")
	return inviteSkipJSON{Name: sk.Name, UserID: sk.UserID, Email: sk.Email, Reason: reason, Message: message}
}

func (s *server) remindInvitations(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if _, err := s.svc.RecruitmentCommunity(r.Context(), v, r.PathValue("id")); err != nil {
		return err
	}
	var in reminderRequest
	if err := decode(r, &in, true); err != nil {
		return err
	}
	res, err := s.svc.RemindInvitations(r.Context(), v, r.PathValue("id"), in.CandidateIDs)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, reminderResult{Reminded: res.Reminded, TooSoon: res.TooSoon})
	return nil
}
