package service

import (
	"context"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// CreateActor adds a card about a person or an organisation who is not
// on Maillage. A card for a community is made by one of its members only,
// since it shows the card to them.
func (s *Service) CreateActor(ctx context.Context, v maillage.Viewer, in maillage.ActorInput) (*maillage.Actor, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	if !maillage.CanCreateActor(v) {
		return nil, maillage.ErrForbidden
	}
	a := &maillage.Actor{ID: auth.NewID(), CreatedBy: v.UserID}
	if err := s.fillActor(v, a, in); err != nil {
		return nil, err
	}
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		tags, err := tx.EnsureTags(ctx, in.Tags, v.UserID)
		if err != nil {
			return err
		}
		a.Tags = tags
		return tx.CreateActor(ctx, a)
	})
	if err != nil {
		return nil, err
	}
	return s.db.Actor(ctx, a.ID)
}

// fillActor cleans and checks the input and writes it on the card.
func (s *Service) fillActor(v maillage.Viewer, a *maillage.Actor, in maillage.ActorInput) error {
	in = cleanActorInput(in)
	lat, lon, err := in.Validate()
	if err != nil {
		return err
	}
	if in.Visibility == string(maillage.ActorCommunity) && !maillage.CanLinkContentToCommunity(v, in.CommunityID) &&
		in.CommunityID != a.CommunityID {
		return fieldError(maillage.CodeInvalid, "community_id", "actors.not_member", nil)
	}
	a.Kind, a.Name, a.Description = maillage.ActorKind(in.Kind), in.Name, in.Description
	a.Title, a.OrganizationName, a.Website, a.Email = in.Title, in.OrganizationName, in.Website, in.Email
	a.Region, a.Address, a.Latitude, a.Longitude = in.Region, in.Address, lat, lon
	a.Visibility, a.Source = maillage.ActorVisibility(in.Visibility), in.Source
	a.CommunityID = ""
	if a.Visibility == maillage.ActorCommunity {
		a.CommunityID = in.CommunityID
	}
	return nil
}

// cleanActorInput normalises what people typed (CleanLine, CleanText);
// an email is compared case-insensitively, so it is stored lower-cased.
func cleanActorInput(in maillage.ActorInput) maillage.ActorInput {
	in.Name = maillage.CleanLine(in.Name)
	in.Kind = strings.ToLower(maillage.CleanLine(in.Kind))
	in.Description = maillage.CleanText(in.Description)
	in.Title = maillage.CleanLine(in.Title)
	in.OrganizationName = maillage.CleanLine(in.OrganizationName)
	in.Website = maillage.CleanLine(in.Website)
	in.Email = strings.ToLower(maillage.CleanLine(in.Email))
	in.Region = maillage.CleanLine(in.Region)
	in.Address = maillage.CleanLine(in.Address)
	in.Latitude = maillage.CleanLine(in.Latitude)
	in.Longitude = maillage.CleanLine(in.Longitude)
	in.Visibility = strings.ToLower(maillage.CleanLine(in.Visibility))
	in.CommunityID = maillage.CleanLine(in.CommunityID)
	in.Source = maillage.CleanLine(in.Source)
	return in
}

// Actor returns a card the viewer may see; one they may not see is not
// found, exactly like one that does not exist.
func (s *Service) Actor(ctx context.Context, v maillage.Viewer, id string) (*maillage.Actor, error) {
	a, err := s.db.Actor(ctx, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewActor(v, a.Access()) {
		return nil, maillage.ErrNotFound
	}
	return a, nil
}

// editableActor returns a card the viewer may edit: not found when they
// may not see it, forbidden when they see it without the right to edit.
func (s *Service) editableActor(ctx context.Context, v maillage.Viewer, id string) (*maillage.Actor, error) {
	a, err := s.Actor(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	if !maillage.CanEditActor(v, a.Access()) {
		return nil, maillage.ErrForbidden
	}
	return a, nil
}

// UpdateActor edits a card; see maillage.CanEditActor.
func (s *Service) UpdateActor(ctx context.Context, v maillage.Viewer, id string, in maillage.ActorInput) (*maillage.Actor, error) {
	a, err := s.editableActor(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if err := s.fillActor(v, a, in); err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		tags, err := tx.EnsureTags(ctx, in.Tags, v.UserID)
		if err != nil {
			return err
		}
		a.Tags = tags
		return tx.UpdateActor(ctx, a, in.Version)
	})
	if err != nil {
		return nil, err
	}
	return s.db.Actor(ctx, a.ID)
}

// ActorInputOf is a card as the form that edits it.
func ActorInputOf(a *maillage.Actor) maillage.ActorInput {
	in := maillage.ActorInput{Name: a.Name, Kind: string(a.Kind), Description: a.Description, Title: a.Title,
		OrganizationName: a.OrganizationName, Website: a.Website, Email: a.Email, Region: a.Region, Address: a.Address,
		Visibility: string(a.Visibility), CommunityID: a.CommunityID, Source: a.Source, Version: a.Version}
	if a.Latitude != nil && a.Longitude != nil {
		in.Latitude, in.Longitude = strconv.FormatFloat(*a.Latitude, 'f', -1, 64), strconv.FormatFloat(*a.Longitude, 'f', -1, 64)
	}
	for _, t := range a.Tags {
		in.Tags = append(in.Tags, t.Label)
	}
	return in
}

// DeleteActor removes a card (Law 25: removable).
func (s *Service) DeleteActor(ctx context.Context, v maillage.Viewer, id string) error {
	if _, err := s.editableActor(ctx, v, id); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteActor(ctx, id) })
}

// ActorFilter selects cards.
type ActorFilter struct {
	Query string
	Tag   string
	Kind  string
	// Descendants takes in the cards carrying the tag's descendants.
	Descendants bool
	Page
}

// Actors lists the cards the viewer may see, unclaimed ones only.
func (s *Service) Actors(ctx context.Context, v maillage.Viewer, f ActorFilter) ([]maillage.Actor, int, error) {
	tagIDs, ok, err := s.tagFilter(ctx, f.Tag, f.Descendants)
	if err != nil || !ok {
		return nil, 0, err
	}
	return s.db.Actors(ctx, v, store.ActorFilter{Query: f.Query, TagIDs: tagIDs, Kind: f.Kind, Limit: f.Limit, Offset: f.Offset})
}

// ActorPage is what a card's page shows, decided for the viewer.
type ActorPage struct {
	Actor *maillage.Actor
	// Notes are the attached notes the viewer may see.
	Notes []maillage.NoteRef
	// ClaimedBy is the member who claimed the card, when the viewer may
	// see their profile.
	ClaimedBy *maillage.User
	CanEdit   bool
	// CanClaim: the viewer's confirmed address matches the card's email.
	CanClaim bool
	// CanRequestClaim: the viewer may ask for their claim to be approved.
	CanRequestClaim bool
	// CanRequestChange: the viewer may ask for correction or removal.
	CanRequestChange bool
	// Pending are the viewer's own pending requests about the card.
	Pending []maillage.ActorRequestKind
	// AttachableNotes are the viewer's person notes that could be attached.
	AttachableNotes []maillage.NoteRef
}

// ActorPage loads a card's page.
func (s *Service) ActorPage(ctx context.Context, v maillage.Viewer, id string) (*ActorPage, error) {
	a, err := s.Actor(ctx, v, id)
	if err != nil {
		return nil, err
	}
	p := &ActorPage{Actor: a, CanEdit: maillage.CanEditActor(v, a.Access())}
	if p.Notes, err = s.db.ActorNotes(ctx, v, a.ID); err != nil {
		return nil, err
	}
	if a.ClaimedUserID != "" {
		if u, err := s.Profile(ctx, v, a.ClaimedUserID); err == nil {
			p.ClaimedBy = u
		}
	}
	if !v.SignedIn() {
		return p, nil
	}
	match, err := s.actorEmailMatches(ctx, v, a)
	if err != nil {
		return nil, err
	}
	p.CanClaim = maillage.CanClaimActor(v, a.Access(), match)
	p.CanRequestClaim = !p.CanClaim && maillage.CanRequestActorClaim(v, a.Access())
	p.CanRequestChange = maillage.CanRequestActorCorrection(v, a.Access())
	if p.Pending, err = s.db.PendingActorRequestKinds(ctx, a.ID, v.UserID); err != nil {
		return nil, err
	}
	if p.CanEdit && a.ClaimedUserID == "" {
		if p.AttachableNotes, err = s.db.AttachableNotes(ctx, v, a.ID); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// actorEmailMatches reports whether the viewer's confirmed address is the
// card's email.
func (s *Service) actorEmailMatches(ctx context.Context, v maillage.Viewer, a *maillage.Actor) (bool, error) {
	if a.Email == "" || !v.SignedIn() {
		return false, nil
	}
	email, err := s.db.ConfirmedEmail(ctx, v.UserID)
	if err != nil {
		return false, err
	}
	return email != "" && strings.EqualFold(email, a.Email), nil
}

// AttachNoteToActor attaches a note to a card, or detaches it (actorID
// ""): its authors decide, about a card they may see.
func (s *Service) AttachNoteToActor(ctx context.Context, v maillage.Viewer, noteID, actorID string) error {
	if _, err := s.editableNote(ctx, v, noteID); err != nil {
		return err
	}
	if actorID != "" {
		if _, err := s.Actor(ctx, v, actorID); err != nil {
			return err
		}
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.AttachNoteToActor(ctx, noteID, actorID) })
}

// NoteActor returns the card a note is attached to, when the viewer may
// see it (nil otherwise).
func (s *Service) NoteActor(ctx context.Context, v maillage.Viewer, noteID string) (*maillage.Actor, error) {
	id, err := s.db.NoteActorID(ctx, noteID)
	if err != nil || id == "" {
		return nil, err
	}
	a, err := s.Actor(ctx, v, id)
	if maillage.IsNotFound(err) {
		return nil, nil
	}
	return a, err
}
