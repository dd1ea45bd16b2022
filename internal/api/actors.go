package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// actorCreate adds a card about a person or an organisation not on Maillage.
type actorCreate struct {
	Name             string   `json:"name" required:"true"`
	Kind             string   `json:"kind" required:"true" enum:"person,organization"`
	Description      string   `json:"description" doc:"public professional information only"`
	Title            string   `json:"title" doc:"a person's role, as publicly stated"`
	OrganizationName string   `json:"organization_name" doc:"a person's organisation, as publicly stated"`
	Website          string   `json:"website" doc:"absolute http(s) URL"`
	Email            string   `json:"email" doc:"a public professional address; a member whose confirmed address matches may claim the card"`
	Region           string   `json:"region" doc:"region code (01..17, hq)"`
	Address          string   `json:"address"`
	Latitude         *float64 `json:"latitude" doc:"give both coordinates or neither"`
	Longitude        *float64 `json:"longitude"`
	Tags             []string `json:"tags" doc:"tag labels"`
	Visibility       string   `json:"visibility" required:"true" enum:"public,members,community,private" doc:"members: anyone signed in; community: the members of community_id; private: the creator"`
	CommunityID      string   `json:"community_id" doc:"required when visibility is community"`
	Source           string   `json:"source" doc:"where what the card says comes from (a URL, a publication)"`
}

// actorPatch edits a card; omitted fields keep their value and a null
// coordinate removes it.
type actorPatch struct {
	Name             *string        `json:"name"`
	Kind             *string        `json:"kind" enum:"person,organization"`
	Description      *string        `json:"description"`
	Title            *string        `json:"title"`
	OrganizationName *string        `json:"organization_name"`
	Website          *string        `json:"website"`
	Email            *string        `json:"email"`
	Region           *string        `json:"region"`
	Address          *string        `json:"address"`
	Latitude         nullableNumber `json:"latitude"`
	Longitude        nullableNumber `json:"longitude"`
	Tags             *[]string      `json:"tags"`
	Visibility       *string        `json:"visibility" enum:"public,members,community,private"`
	CommunityID      *string        `json:"community_id"`
	Source           *string        `json:"source"`
	Version          *int           `json:"version" doc:"the version this edit starts from (from a GET); a stale one answers 409 and nothing is saved"`
}

type actorJSON struct {
	ID               string        `json:"id"`
	Kind             string        `json:"kind" enum:"person,organization"`
	Name             string        `json:"name"`
	Description      string        `json:"description"`
	Title            string        `json:"title"`
	OrganizationName string        `json:"organization_name"`
	Website          string        `json:"website"`
	Email            string        `json:"email"`
	Region           string        `json:"region"`
	Address          string        `json:"address"`
	Latitude         *float64      `json:"latitude"`
	Longitude        *float64      `json:"longitude"`
	Tags             []string      `json:"tags" doc:"tag labels"`
	TagSlugs         []string      `json:"tag_slugs"`
	Visibility       string        `json:"visibility" enum:"public,members,community,private"`
	CommunityID      string        `json:"community_id,omitempty"`
	Source           string        `json:"source"`
	ClaimedUserID    string        `json:"claimed_user_id,omitempty" doc:"the member who claimed the card, when the caller may see their profile"`
	Notes            *[]noteRefOut `json:"notes,omitempty" doc:"attached notes the caller may see (single card only)"`
	CanEdit          *bool         `json:"can_edit,omitempty" doc:"whether the caller may edit it (single card only)"`
	CanClaim         *bool         `json:"can_claim,omitempty" doc:"whether the caller's confirmed address matches: claiming takes the card at once"`
	CreatedAt        string        `json:"created_at" format:"date-time"`
	UpdatedAt        string        `json:"updated_at" format:"date-time"`
	Version          int           `json:"version" doc:"counts edits; send it back in a PATCH to detect concurrent edits"`
}

type noteRefOut struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

func actorOut(a *maillage.Actor) actorJSON {
	labels, slugs := tagLabels(a.Tags)
	return actorJSON{ID: a.ID, Kind: string(a.Kind), Name: a.Name, Description: a.Description, Title: a.Title,
		OrganizationName: a.OrganizationName, Website: a.Website, Email: a.Email, Region: a.Region, Address: a.Address,
		Latitude: a.Latitude, Longitude: a.Longitude, Tags: labels, TagSlugs: slugs, Visibility: string(a.Visibility),
		CommunityID: a.CommunityID, Source: a.Source, CreatedAt: stamp(a.CreatedAt), UpdatedAt: stamp(a.UpdatedAt), Version: a.Version}
}

func (s *server) listActors(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	kind, err := choice(r, "kind", maillage.ActorKinds())
	if err != nil {
		return err
	}
	q := r.URL.Query()
	list, total, err := s.svc.Actors(r.Context(), viewerOf(r), service.ActorFilter{Query: strings.TrimSpace(q.Get("q")),
		Tag: q.Get("tag"), Kind: kind, Page: p})
	if err != nil {
		return err
	}
	items := make([]actorJSON, len(list))
	for i := range list {
		items[i] = actorOut(&list[i])
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) createActor(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in actorCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	a, err := s.svc.CreateActor(r.Context(), v, maillage.ActorInput{Name: in.Name, Kind: in.Kind, Description: in.Description,
		Title: in.Title, OrganizationName: in.OrganizationName, Website: in.Website, Email: in.Email, Region: in.Region,
		Address: in.Address, Latitude: coordText(in.Latitude), Longitude: coordText(in.Longitude), Tags: in.Tags,
		Visibility: in.Visibility, CommunityID: in.CommunityID, Source: in.Source})
	if err != nil {
		return err
	}
	return s.answerActor(w, r, http.StatusCreated, a.ID)
}

func (s *server) getActor(w http.ResponseWriter, r *http.Request) error {
	return s.answerActor(w, r, http.StatusOK, r.PathValue("id"))
}

// answerActor writes a card's page as the caller sees it.
func (s *server) answerActor(w http.ResponseWriter, r *http.Request, status int, id string) error {
	p, err := s.svc.ActorPage(r.Context(), viewerOf(r), id)
	if err != nil {
		return err
	}
	out := actorOut(p.Actor)
	if p.ClaimedBy != nil {
		out.ClaimedUserID = p.ClaimedBy.ID
	}
	notes := make([]noteRefOut, len(p.Notes))
	for i, n := range p.Notes {
		notes[i] = noteRefOut{ID: n.ID, Title: n.Title}
	}
	out.Notes, out.CanEdit, out.CanClaim = &notes, &p.CanEdit, &p.CanClaim
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/actors/"+p.Actor.ID)
	}
	s.writeJSON(w, status, out)
	return nil
}

func (s *server) patchActor(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	var p actorPatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	cur, err := s.svc.Actor(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	in := service.ActorInputOf(cur)
	set(&in.Name, p.Name)
	set(&in.Kind, p.Kind)
	set(&in.Description, p.Description)
	set(&in.Title, p.Title)
	set(&in.OrganizationName, p.OrganizationName)
	set(&in.Website, p.Website)
	set(&in.Email, p.Email)
	set(&in.Region, p.Region)
	set(&in.Address, p.Address)
	set(&in.Tags, p.Tags)
	set(&in.Visibility, p.Visibility)
	set(&in.CommunityID, p.CommunityID)
	set(&in.Source, p.Source)
	if p.Version != nil {
		in.Version = *p.Version
	}
	if p.Latitude.Set {
		in.Latitude = coordText(p.Latitude.ptr())
	}
	if p.Longitude.Set {
		in.Longitude = coordText(p.Longitude.ptr())
	}
	if _, err := s.svc.UpdateActor(r.Context(), v, cur.ID, in); err != nil {
		return err
	}
	return s.answerActor(w, r, http.StatusOK, cur.ID)
}

func (s *server) deleteActor(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.DeleteActor(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

// actorClaim is the optional message of a claim.
type actorClaim struct {
	Message string `json:"message" doc:"for the people who approve a claim without a matching address"`
}

type actorClaimJSON struct {
	Claimed bool              `json:"claimed" doc:"true: the card is the caller's now, with its tags and notes"`
	Request *actorRequestJSON `json:"request,omitempty" doc:"the claim waiting for approval (answer 202)"`
}

func (s *server) claimActor(w http.ResponseWriter, r *http.Request) error {
	var in actorClaim
	if err := decode(r, &in, true); err != nil {
		return err
	}
	res, err := s.svc.ClaimActor(r.Context(), viewerOf(r), r.PathValue("id"), in.Message)
	if err != nil {
		return err
	}
	if res.Request != nil {
		out := actorRequestOut(res.Request)
		s.writeJSON(w, http.StatusAccepted, actorClaimJSON{Request: &out})
		return nil
	}
	s.writeJSON(w, http.StatusOK, actorClaimJSON{Claimed: true})
	return nil
}

// actorRequestCreate asks for the correction or removal of a card.
type actorRequestCreate struct {
	Kind    string `json:"kind" required:"true" enum:"correction,removal"`
	Message string `json:"message" doc:"what to correct (required for a correction)"`
}

type actorRequestJSON struct {
	ID          string `json:"id"`
	ActorID     string `json:"actor_id" doc:"empty once the card is removed"`
	ActorName   string `json:"actor_name"`
	Kind        string `json:"kind" enum:"claim,correction,removal"`
	RequesterID string `json:"requester_id"`
	Requester   string `json:"requester"`
	Message     string `json:"message"`
	Status      string `json:"status" enum:"pending,approved,refused,closed"`
	DueAt       string `json:"due_at" format:"date-time" doc:"the date by which it must be answered (30 days, Québec's Law 25)"`
	CreatedAt   string `json:"created_at" format:"date-time"`
}

type actorRequestList struct {
	Requests []actorRequestJSON `json:"requests"`
}

// actorRequestAnswer approves or refuses a request.
type actorRequestAnswer struct {
	Approve bool   `json:"approve" doc:"true approves: a claim gives the card to the requester, a removal deletes the card"`
	Answer  string `json:"answer" doc:"a word for the requester"`
}

func actorRequestOut(r *maillage.ActorRequest) actorRequestJSON {
	return actorRequestJSON{ID: r.ID, ActorID: r.ActorID, ActorName: r.ActorName, Kind: string(r.Kind), RequesterID: r.RequesterID,
		Requester: r.RequesterName, Message: r.Message, Status: string(r.Status), DueAt: stamp(r.DueAt), CreatedAt: stamp(r.CreatedAt)}
}

func (s *server) requestActorChange(w http.ResponseWriter, r *http.Request) error {
	var in actorRequestCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	req, err := s.svc.RequestActorChange(r.Context(), viewerOf(r), r.PathValue("id"), maillage.ActorRequestKind(in.Kind), in.Message)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, actorRequestOut(req))
	return nil
}

func (s *server) listActorRequests(w http.ResponseWriter, r *http.Request) error {
	list, err := s.svc.ActorRequests(r.Context(), viewerOf(r))
	if err != nil {
		return err
	}
	out := actorRequestList{Requests: make([]actorRequestJSON, len(list))}
	for i := range list {
		out.Requests[i] = actorRequestOut(&list[i])
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) answerActorRequest(w http.ResponseWriter, r *http.Request) error {
	var in actorRequestAnswer
	if err := decode(r, &in, false); err != nil {
		return err
	}
	if err := s.svc.AnswerActorRequest(r.Context(), viewerOf(r), r.PathValue("id"), in.Approve, in.Answer); err != nil {
		return err
	}
	noContent(w)
	return nil
}

// noteActorPut attaches a note to a card.
type noteActorPut struct {
	ActorID string `json:"actor_id" doc:"the card; empty detaches the note"`
}

func (s *server) putNoteActor(w http.ResponseWriter, r *http.Request) error {
	var in noteActorPut
	if err := decode(r, &in, false); err != nil {
		return err
	}
	if err := s.svc.AttachNoteToActor(r.Context(), viewerOf(r), r.PathValue("id"), strings.TrimSpace(in.ActorID)); err != nil {
		return err
	}
	noContent(w)
	return nil
}
