package maillage

import "time"

// Nominations are the "snowball" method facilitators use to find who
// matters on a theme: they ask a few people to name up to five others
// (members, organisations, people or organisations not on Maillage), each
// with a reason, then may ask the people named the same question (a
// second wave). What people answer is for the requester alone: the
// respondents are told so, the people named learn nothing, and neither
// the answers nor the list of respondents show anywhere else.

// MaxNominees is how many people or organisations one answer may name.
const MaxNominees = 5

// MaxNominationRespondents bounds the people one request asks at once.
const MaxNominationRespondents = 100

// MaxNominationQuestionLen and MaxNominationReasonLen bound the texts.
const (
	MaxNominationQuestionLen = 500
	MaxNominationReasonLen   = 500
	MaxNomineeNameLen        = 200
)

// NomineeType names what a nominee is.
type NomineeType string

// Nominee types.
const (
	NomineeUser         NomineeType = "user"
	NomineeOrganization NomineeType = "organization"
	NomineeActor        NomineeType = "actor"
)

// Valid reports whether t is a known nominee type.
func (t NomineeType) Valid() bool {
	return t == NomineeUser || t == NomineeOrganization || t == NomineeActor
}

// NominationRequest asks chosen people to name who matters on a theme.
type NominationRequest struct {
	ID            string
	RequesterID   string
	RequesterName string
	TagID         string
	// TagSlug is empty when the tag no longer exists; TagLabel stays.
	TagSlug     string
	TagLabel    string
	Question    string
	CommunityID string
	// ParentID names the request whose nominees this one asks (wave 2 and on).
	ParentID  string
	Wave      int
	ClosedAt  *time.Time
	CreatedAt time.Time
	// Respondents is how many people are asked, Answered how many answered.
	Respondents int
	Answered    int
}

// Closed reports whether the request takes no more answers.
func (r NominationRequest) Closed() bool { return r.ClosedAt != nil }

// Access returns the policy view of the request.
func (r NominationRequest) Access(respondentIDs []string) NominationAccess {
	return NominationAccess{RequesterID: r.RequesterID, RespondentIDs: respondentIDs}
}

// NominationRespondent is one person asked: a member or an address.
type NominationRespondent struct {
	ID         string
	RequestID  string
	UserID     string
	UserName   string
	Email      string
	AnsweredAt *time.Time
}

// Label is how the requester sees the respondent: their name, or the
// address they were asked at.
func (r NominationRespondent) Label() string {
	if r.UserName != "" {
		return r.UserName
	}
	return r.Email
}

// NomineeRef names a nominee.
type NomineeRef struct {
	Type NomineeType
	ID   string
}

// NomineeMatch is an existing record a typed name may mean.
type NomineeMatch struct {
	Ref  NomineeRef
	Name string
}

// Nomination is one line of an answer.
type Nomination struct {
	RequestID    string
	RespondentID string
	Nominee      NomineeRef
	Name         string
	Reason       string
	CreatedAt    time.Time
}

// NominationTally is one nominee of a request's results: how many named
// them, and who, with their reasons.
type NominationTally struct {
	Nominee NomineeRef
	Name    string
	// Email is set for an actor card with a public professional address
	// (it may be asked in a second wave, as members may).
	Email       string
	Count       int
	NominatedBy []NominationVoice
}

// NominationVoice is one respondent naming a nominee.
type NominationVoice struct {
	RespondentID string
	Name         string
	Reason       string
}

// CanAskAgain reports whether a second wave may ask the nominee: members
// answer in the application, actor cards with an address by email.
func (t NominationTally) CanAskAgain() bool {
	return t.Nominee.Type == NomineeUser || (t.Nominee.Type == NomineeActor && t.Email != "")
}

// NominationAccess is what the policy needs to know about a request.
type NominationAccess struct {
	RequesterID string
	// RespondentIDs are the members asked (people asked by email have no
	// account: their secret link is their credential).
	RespondentIDs []string
}

// CanViewNominationRequest: the requester and the members asked see the
// request's question, theme and requester. Nobody else learns it exists,
// administrators included: what people confide about others is not the
// platform's to read.
func CanViewNominationRequest(v Viewer, a NominationAccess) bool { return v.Reaches(a.Audiences()) }

// Audiences is who may see the request (CanViewNominationRequest).
func (a NominationAccess) Audiences() []Audience {
	return append([]Audience{Person(a.RequesterID)}, people(a.RespondentIDs)...)
}

// CanViewNominationResults: the answers, the results and the list of
// respondents are for the requester alone.
func CanViewNominationResults(v Viewer, a NominationAccess) bool {
	return v.Reaches(a.ResultAudiences())
}

// ResultAudiences is who may see the answers (CanViewNominationResults).
func (a NominationAccess) ResultAudiences() []Audience { return []Audience{Person(a.RequesterID)} }

// CanAnswerNomination: the members asked answer; the requester sees the
// request but is not asked.
func CanAnswerNomination(v Viewer, a NominationAccess) bool {
	return v.Reaches(people(a.RespondentIDs))
}

// NomineeCardAccess is what matching a nominee's name needs to know about
// an actor card (a person or organisation not on Maillage).
type NomineeCardAccess struct {
	Visibility  string // public, members, community, private
	CommunityID string
	CreatedBy   string
}

// Audiences is who may find the card when naming a nominee: a public
// card everyone, a members' card anyone signed in, a community card the
// community's members, a private card its creator.
func (c NomineeCardAccess) Audiences() []Audience {
	switch c.Visibility {
	case "public":
		return []Audience{Everyone()}
	case "members":
		return []Audience{SignedInPeople()}
	case "community":
		return []Audience{MembersOf(c.CommunityID)}
	}
	return []Audience{Person(c.CreatedBy)}
}

// CardVisibilities lists the visibilities of actor cards.
func CardVisibilities() []string { return []string{"public", "members", "community", "private"} }

// The notification of a request to the members it asks.
const (
	// EventNominationRequest tells a member they are asked to name people.
	EventNominationRequest EventKind = "nomination_request"
	// SubjectNomination is a nomination request, named by its ID.
	SubjectNomination SubjectType = "nomination"
)
