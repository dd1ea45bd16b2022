package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// Profile returns a person as the viewer may see them: absent when the
// profile is not visible, without the email unless the viewer may see it.
func (s *Service) Profile(ctx context.Context, v maillage.Viewer, userID string) (*maillage.User, error) {
	u, err := s.db.User(ctx, userID)
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewProfile(v, u.Access()) {
		return nil, maillage.ErrNotFound
	}
	if !maillage.CanViewEmail(v, u.Access()) {
		u.Email = ""
	}
	tags, err := s.db.UserInterests(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	u.Interests = tags[u.ID]
	if u.Links, err = s.db.UserLinks(ctx, u.ID); err != nil {
		return nil, err
	}
	if u.Affiliations, err = s.db.UserAffiliations(ctx, u.ID); err != nil {
		return nil, err
	}
	return u, nil
}

// UpdateProfile changes a profile; only its owner (or an administrator) may.
func (s *Service) UpdateProfile(ctx context.Context, v maillage.Viewer, userID string, in maillage.ProfileInput) (*maillage.User, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	if _, err := s.Profile(ctx, v, userID); err != nil {
		return nil, err
	}
	if !maillage.CanEditProfile(v, userID) {
		return nil, maillage.ErrForbidden
	}
	in.Name = maillage.CleanLine(in.Name)
	in.Pronouns = maillage.CleanLine(in.Pronouns)
	in.Bio = maillage.CleanText(in.Bio)
	in.Region = maillage.CleanLine(in.Region)
	in.Language = maillage.CleanLine(in.Language)
	var links []maillage.Link
	for _, l := range in.Links {
		if l.URL = maillage.CleanLine(l.URL); l.URL != "" {
			links = append(links, l)
		}
	}
	in.Links = links
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var out *maillage.User
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		u, err := tx.User(ctx, userID)
		if err != nil {
			return err
		}
		u.Name, u.Pronouns, u.Bio, u.Region = in.Name, in.Pronouns, in.Bio, in.Region
		if in.Language != "" {
			u.Language = in.Language
		}
		if in.ProfileVisibility != "" {
			u.ProfileVisibility = maillage.ProfileVisibility(in.ProfileVisibility)
		}
		if in.Contact != "" {
			u.Contact = maillage.ContactPreference(in.Contact)
		}
		u.Links = in.Links
		tags, err := tx.EnsureTags(ctx, in.Interests, v.UserID)
		if err != nil {
			return err
		}
		if err := tx.UpdateProfile(ctx, u, ids(tags)); err != nil {
			return err
		}
		u.Interests = tags
		out = u
		return nil
	})
	return out, err
}

// PeopleFilter selects people in the directory.
type PeopleFilter struct {
	Query  string
	Tag    string // a tag label or slug
	Region string
	// Descendants takes in the people interested in the tag's descendants.
	Descendants bool
	Page
}

// People lists the profiles the viewer may see, with their interests.
func (s *Service) People(ctx context.Context, v maillage.Viewer, f PeopleFilter) ([]maillage.User, int, error) {
	tagIDs, ok, err := s.tagFilter(ctx, f.Tag, f.Descendants)
	if err != nil || !ok {
		return nil, 0, err
	}
	users, total, err := s.db.Users(ctx, v, store.UserFilter{Query: f.Query, TagIDs: tagIDs, Region: f.Region, Limit: f.Limit, Offset: f.Offset})
	if err != nil {
		return nil, 0, err
	}
	userIDs := make([]string, len(users))
	for i, u := range users {
		userIDs[i] = u.ID
	}
	tags, err := s.db.UserInterests(ctx, userIDs...)
	if err != nil {
		return nil, 0, err
	}
	for i := range users {
		users[i].Interests = tags[users[i].ID]
		if !maillage.CanViewEmail(v, users[i].Access()) {
			users[i].Email = ""
		}
	}
	return users, total, nil
}
