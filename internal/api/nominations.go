package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// Nominations: "name up to 5 people or organisations who matter on this
// theme". The answers and results are for the requester alone: every
// other caller gets 404, like a request that does not exist.

type nominationCreate struct {
	Tag           string   `json:"tag" required:"true" doc:"the theme: a tag's label or slug"`
	Question      string   `json:"question" required:"true" doc:"what the people asked read"`
	CommunityID   string   `json:"community_id,omitempty" doc:"a community of the caller the request comes from"`
	RespondentIDs []string `json:"respondent_ids" doc:"members asked in the application"`
	Emails        []string `json:"emails" doc:"addresses asked by email; each gets a secret link to answer without an account"`
}

type nomineeIn struct {
	UserID         string `json:"user_id,omitempty" doc:"a member"`
	OrganizationID string `json:"organization_id,omitempty" doc:"an organisation of the directory"`
	ActorID        string `json:"actor_id,omitempty" doc:"an actor card the caller may see"`
	Name           string `json:"name,omitempty" doc:"a name: one record the caller may see with that name (accents and case ignored) is taken; otherwise a card only the requester sees is made"`
	Kind           string `json:"kind,omitempty" enum:"person,organization" doc:"with name: what a new card describes (person by default)"`
	New            bool   `json:"new,omitempty" doc:"with name: make a new card even when a record has that name"`
	Reason         string `json:"reason,omitempty" doc:"why they matter"`
}

type nominationAnswer struct {
	Nominees []nomineeIn `json:"nominees" required:"true" doc:"1 to 5 nominees, each given once"`
}

type nomineeRefJSON struct {
	Type string `json:"type" required:"true" enum:"user,organization,actor"`
	ID   string `json:"id" required:"true"`
}

type nominationWaveCreate struct {
	Nominees []nomineeRefJSON `json:"nominees" required:"true" doc:"nominees of the request to ask in turn: members, or actor cards with an address"`
}

type nominationVoiceJSON struct {
	RespondentID string `json:"respondent_id"`
	Name         string `json:"name" doc:"the respondent's name, or the address they were asked at"`
	Reason       string `json:"reason"`
}

type nomineeJSON struct {
	Type        string                `json:"type" enum:"user,organization,actor"`
	ID          string                `json:"id"`
	Name        string                `json:"name"`
	Count       int                   `json:"count" doc:"how many respondents named them"`
	NominatedBy []nominationVoiceJSON `json:"nominated_by"`
	AskAgain    bool                  `json:"can_ask_again" doc:"a member, or a card with an address: a second wave may ask them"`
}

type respondentJSON struct {
	ID       string  `json:"id"`
	UserID   string  `json:"user_id,omitempty"`
	Name     string  `json:"name,omitempty"`
	Email    string  `json:"email,omitempty"`
	Answered *string `json:"answered_at" format:"date-time"`
}

// nominationJSON is a request with its results, for its requester.
type nominationJSON struct {
	ID          string           `json:"id"`
	Tag         string           `json:"tag" doc:"the theme's label"`
	TagSlug     string           `json:"tag_slug,omitempty"`
	Question    string           `json:"question"`
	CommunityID string           `json:"community_id,omitempty"`
	ParentID    string           `json:"parent_id,omitempty" doc:"the request whose nominees this one asks"`
	Wave        int              `json:"wave"`
	Closed      bool             `json:"closed"`
	CreatedAt   string           `json:"created_at" format:"date-time"`
	Asked       int              `json:"asked" doc:"how many people are asked"`
	Answers     int              `json:"answers" doc:"how many answered"`
	Respondents []respondentJSON `json:"respondents"`
	Nominees    []nomineeJSON    `json:"nominees"`
}

// nominationQuestionJSON is a request as the people asked see it.
type nominationQuestionJSON struct {
	ID            string      `json:"id"`
	Tag           string      `json:"tag"`
	Question      string      `json:"question"`
	RequesterID   string      `json:"requester_id"`
	RequesterName string      `json:"requester_name"`
	Closed        bool        `json:"closed"`
	Answer        []nomineeIn `json:"answer" doc:"the caller's answer so far: members and organisations by ID, other names as given"`
	Private       string      `json:"privacy" doc:"only the requester sees the answers"`
}

func nominationOut(res *service.NominationResults) nominationJSON {
	r := res.Request
	out := nominationJSON{ID: r.ID, Tag: r.TagLabel, TagSlug: r.TagSlug, Question: r.Question, CommunityID: r.CommunityID,
		ParentID: r.ParentID, Wave: r.Wave, Closed: r.Closed(), CreatedAt: stamp(r.CreatedAt), Asked: r.Respondents,
		Answers: r.Answered, Respondents: []respondentJSON{}, Nominees: []nomineeJSON{}}
	for _, p := range res.Respondents {
		out.Respondents = append(out.Respondents, respondentJSON{ID: p.ID, UserID: p.UserID, Name: p.UserName, Email: p.Email,
			Answered: stampPtr(p.AnsweredAt)})
	}
	for _, t := range res.Tallies {
		n := nomineeJSON{Type: string(t.Nominee.Type), ID: t.Nominee.ID, Name: t.Name, Count: t.Count, AskAgain: t.CanAskAgain(),
			NominatedBy: []nominationVoiceJSON{}}
		for _, b := range t.NominatedBy {
			n.NominatedBy = append(n.NominatedBy, nominationVoiceJSON{RespondentID: b.RespondentID, Name: b.Name, Reason: b.Reason})
		}
		out.Nominees = append(out.Nominees, n)
	}
	return out
}

func (s *server) createNomination(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in nominationCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	req, err := s.svc.CreateNominationRequest(r.Context(), v, service.NominationRequestInput{Tag: in.Tag, Question: in.Question,
		CommunityID: in.CommunityID, RespondentIDs: in.RespondentIDs, Emails: in.Emails})
	if err != nil {
		return err
	}
	return s.writeNomination(w, r, http.StatusCreated, req.ID)
}

// writeNomination answers with a request's results, as its requester sees them.
func (s *server) writeNomination(w http.ResponseWriter, r *http.Request, status int, id string) error {
	res, err := s.svc.NominationResults(r.Context(), viewerOf(r), id)
	if err != nil {
		return err
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/nominations/"+id)
	}
	s.writeJSON(w, status, nominationOut(res))
	return nil
}

func (s *server) getNomination(w http.ResponseWriter, r *http.Request) error {
	return s.writeNomination(w, r, http.StatusOK, r.PathValue("id"))
}

func (s *server) getNominationQuestion(w http.ResponseWriter, r *http.Request) error {
	return s.writeNominationQuestion(w, r, http.StatusOK)
}

// writeNominationQuestion answers with the request as the caller sees it.
func (s *server) writeNominationQuestion(w http.ResponseWriter, r *http.Request, status int) error {
	v := viewerOf(r)
	ask, err := s.svc.NominationRequestAsked(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	q := ask.Request
	out := nominationQuestionJSON{ID: q.ID, Tag: q.TagLabel, Question: q.Question, RequesterID: q.RequesterID,
		RequesterName: q.RequesterName, Closed: q.Closed(), Answer: []nomineeIn{},
		Private: s.localizerOf(r).T("nomination.private_notice", map[string]any{"Name": q.RequesterName})}
	for _, l := range ask.Answer {
		n := nomineeIn{Name: l.Name, Reason: l.Reason}
		switch l.Nominee.Type {
		case maillage.NomineeUser:
			n.UserID = l.Nominee.ID
		case maillage.NomineeOrganization:
			n.OrganizationID = l.Nominee.ID
		}
		out.Answer = append(out.Answer, n)
	}
	s.writeJSON(w, status, out)
	return nil
}

func (s *server) answerNomination(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in nominationAnswer
	if err := decode(r, &in, false); err != nil {
		return err
	}
	list := make([]service.NomineeInput, len(in.Nominees))
	for i, n := range in.Nominees {
		list[i] = service.NomineeInput{UserID: n.UserID, OrganizationID: n.OrganizationID, ActorID: n.ActorID, Name: n.Name,
			Kind: n.Kind, New: n.New, Reason: n.Reason}
	}
	if err := s.svc.AnswerNomination(r.Context(), v, r.PathValue("id"), list); err != nil {
		return err
	}
	return s.writeNominationQuestion(w, r, http.StatusCreated)
}

func (s *server) closeNomination(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	if _, err := s.svc.CloseNominationRequest(r.Context(), v, r.PathValue("id")); err != nil {
		return err
	}
	return s.writeNomination(w, r, http.StatusOK, r.PathValue("id"))
}

func (s *server) createNominationWave(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in nominationWaveCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	picks := make([]maillage.NomineeRef, len(in.Nominees))
	for i, n := range in.Nominees {
		picks[i] = maillage.NomineeRef{Type: maillage.NomineeType(n.Type), ID: n.ID}
	}
	req, err := s.svc.NominationSecondWave(r.Context(), v, r.PathValue("id"), picks)
	if err != nil {
		return err
	}
	return s.writeNomination(w, r, http.StatusCreated, req.ID)
}

// localizerOf is the caller's language.
func (s *server) localizerOf(r *http.Request) *i18n.Localizer {
	if l := stateOf(r).l; l != nil {
		return l
	}
	return s.bundle.Localizer("")
}
