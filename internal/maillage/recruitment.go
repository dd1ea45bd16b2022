package maillage

import "time"

// Recruitment: before a community of practice meets, its facilitators
// look for the people who matter on its theme and invite them. A
// community's shortlist of Candidates, their notes and labels, and the
// emailed RecruitmentInvitations are its managers' working papers: nobody
// else sees them, not even its members (CanViewShortlist).

// CandidateStatus is where a candidate stands in the recruitment.
type CandidateStatus string

// Candidate statuses, in the order a recruitment goes through them.
const (
	CandidateIdentified CandidateStatus = "identified"
	CandidateContacted  CandidateStatus = "contacted"
	CandidateInvited    CandidateStatus = "invited"
	CandidateAccepted   CandidateStatus = "accepted"
	CandidateDeclined   CandidateStatus = "declined"
	CandidateNoAnswer   CandidateStatus = "no_answer"
)

// CandidateStatuses lists the statuses in order.
func CandidateStatuses() []CandidateStatus {
	return []CandidateStatus{CandidateIdentified, CandidateContacted, CandidateInvited, CandidateAccepted,
		CandidateDeclined, CandidateNoAnswer}
}

// CandidateSource is how the managers came to a candidate.
type CandidateSource string

// Candidate sources.
const (
	SourceSearch     CandidateSource = "search"
	SourceSuggestion CandidateSource = "suggestion"
	SourceNomination CandidateSource = "nomination"
	SourceFree       CandidateSource = "free"
)

// CandidateSources lists the sources.
func CandidateSources() []CandidateSource {
	return []CandidateSource{SourceSearch, SourceSuggestion, SourceNomination, SourceFree}
}

// CandidateKind says what a candidate is.
type CandidateKind string

// Candidate kinds.
const (
	CandidateMember       CandidateKind = "user"
	CandidateOrganization CandidateKind = "organization"
	CandidateActor        CandidateKind = "actor"
	CandidateContact      CandidateKind = "email"
)

// Candidate is one entry of a community's shortlist: a member of
// Maillage, an organisation, an actor card, or a person known by name and
// email address alone.
type Candidate struct {
	ID             string
	CommunityID    string
	UserID         string
	OrganizationID string
	ActorID        string
	// Name is the name as the managers saw it when they added it.
	Name string
	// Email is the address a manager typed, or an actor card's public
	// one; a member's own address is never copied here.
	Email        string
	Status       CandidateStatus
	Source       CandidateSource
	SourceDetail string
	Labels       []string
	Notes        []CandidateNote
	CreatedBy    string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	// LastInvitation is the candidate's latest emailed invitation, if any.
	LastInvitation *RecruitmentInvitation
}

// Kind says what the candidate is.
func (c Candidate) Kind() CandidateKind {
	switch {
	case c.UserID != "":
		return CandidateMember
	case c.OrganizationID != "":
		return CandidateOrganization
	case c.ActorID != "":
		return CandidateActor
	}
	return CandidateContact
}

// LastNote is the latest entry of the candidate's log, nil for none.
func (c Candidate) LastNote() *CandidateNote {
	if len(c.Notes) == 0 {
		return nil
	}
	return &c.Notes[len(c.Notes)-1]
}

// CandidateNote is one dated entry of a candidate's log.
type CandidateNote struct {
	ID         string
	AuthorID   string
	AuthorName string
	Body       string
	CreatedAt  time.Time
}

// Recruitment limits.
const (
	MaxCandidateNoteLen   = 4000
	MaxSourceDetailLen    = 300
	MaxCandidateLabels    = 12
	MaxCandidateLabelLen  = 60
	MaxInvitationMessage  = 4000
	MaxShortlistSize      = 1000
	MaxInvitationsAtOnce  = 50
	InvitationValidity    = 30 * 24 * time.Hour
	InvitationReminderGap = 24 * time.Hour
)

// CandidateInput adds a candidate: exactly one of UserID,
// OrganizationID, ActorID or Email (with Name) names who.
type CandidateInput struct {
	UserID         string
	OrganizationID string
	ActorID        string
	Email          string
	Name           string
	Status         string
	Source         string
	SourceDetail   string
	Note           string
	Labels         []string
}

// CandidateUpdate changes a candidate; nil fields stay as they are. Note
// adds an entry to the log.
type CandidateUpdate struct {
	Status       *string
	Source       *string
	SourceDetail *string
	Labels       *[]string
	Note         string
}

// ValidCandidateStatus reports whether s names a status.
func ValidCandidateStatus(s string) bool {
	for _, x := range CandidateStatuses() {
		if string(x) == s {
			return true
		}
	}
	return false
}

// ValidCandidateSource reports whether s names a source.
func ValidCandidateSource(s string) bool {
	for _, x := range CandidateSources() {
		if string(x) == s {
			return true
		}
	}
	return false
}

// RecruitmentAttachment is what an emailed invitation carries as a PDF.
type RecruitmentAttachment string

// Attachments of an emailed invitation.
const (
	AttachNothing     RecruitmentAttachment = ""
	AttachDescription RecruitmentAttachment = "description"
	AttachNote        RecruitmentAttachment = "note"
)

// RecruitmentInvitation is an emailed invitation to join a community,
// answered through the link it carries, signed in or not.
type RecruitmentInvitation struct {
	ID            string
	CommunityID   string
	CandidateID   string
	Email         string
	Name          string
	UserID        string
	ActorID       string
	Message       string
	Attachment    RecruitmentAttachment
	MandateNoteID string
	Language      string
	InvitedBy     string
	InvitedByName string
	Status        InvitationStatus
	AnsweredBy    string
	SignUpUserID  string
	CreatedAt     time.Time
	ExpiresAt     time.Time
	AnsweredAt    *time.Time
	RemindedAt    *time.Time
	Reminders     int
	// CommunityName and CommunityDescription are what the invitation
	// shows of the community to whoever holds its link.
	CommunityName        string
	CommunityDescription string
}

// Expired reports whether a pending invitation can no longer be answered.
func (i RecruitmentInvitation) Expired(now time.Time) bool {
	return i.Status == InvitationPending && !now.Before(i.ExpiresAt)
}

// MayRemind reports whether a reminder may leave now: the invitation is
// unanswered and valid, and neither it nor a reminder left within a day.
func (i RecruitmentInvitation) MayRemind(now time.Time) bool {
	if i.Status != InvitationPending {
		return false
	}
	last := i.CreatedAt
	if i.RemindedAt != nil && i.RemindedAt.After(last) {
		last = *i.RemindedAt
	}
	return now.Sub(last) >= InvitationReminderGap
}

// InviteInput is a manager's invitation of several people at once.
type InviteInput struct {
	UserIDs      []string
	Emails       []string
	CandidateIDs []string
	Message      string
	Attachment   string
	NoteID       string
}

// CanViewShortlist says who sees a community's recruitment: its shortlist,
// the notes on candidates and the emailed invitations. Only those who
// manage the community; to anyone else it does not exist.
func CanViewShortlist(v Viewer, c CommunityAccess) bool { return v.Reaches(c.ShortlistAudiences()) }

// ShortlistAudiences is who sees the recruitment (CanViewShortlist).
func (c CommunityAccess) ShortlistAudiences() []Audience { return c.ManageAudiences() }

// CandidateCardAccess is what the policy needs to know of an actor card to
// tell who sees it.
type CandidateCardAccess struct {
	Visibility  string
	CommunityID string
	CreatedBy   string
}

// Audiences is who sees an actor card: everyone when public,
// signed-in people for "members", a community's members for
// "community", its author alone for "private" (and administrators).
func (a CandidateCardAccess) Audiences() []Audience {
	out := []Audience{Admins()}
	if a.CreatedBy != "" {
		out = append(out, Person(a.CreatedBy))
	}
	switch a.Visibility {
	case "public":
		out = append(out, Everyone())
	case "members":
		out = append(out, SignedInPeople())
	case "community":
		if a.CommunityID != "" {
			out = append(out, MembersOf(a.CommunityID))
		}
	}
	return out
}
