package service

import (
	"context"
	"slices"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// CreateOrganization adds an organisation to the directory. An existing
// organisation with the same website is a duplicate; one with the same
// name is reported too, unless the person confirms it is a different one
// (homonyms exist: every region has its "Centre d'action bénévole").
func (s *Service) CreateOrganization(ctx context.Context, v maillage.Viewer, in maillage.OrganizationInput, distinctName bool) (*maillage.Organization, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	if !maillage.CanCreateOrganization(v) {
		return nil, maillage.ErrForbidden
	}
	in = trimOrg(in)
	lat, lon, err := in.Validate()
	if err != nil {
		return nil, err
	}
	o := &maillage.Organization{ID: auth.NewID(), CreatedBy: v.UserID}
	fillOrg(o, in, lat, lon)
	var existing string
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		// A form sent twice by the same person (double click, reload)
		// answers with the organisation already added, not a duplicate error.
		similar, err := tx.SimilarOrganizations(ctx, o.Name, "", "")
		if err != nil {
			return err
		}
		for _, other := range similar {
			if other.CreatedBy == v.UserID && other.CreatedAt.After(tx.Now().Add(-duplicateWindow)) {
				existing = other.ID
				return nil
			}
		}
		if err := checkDuplicateOrg(ctx, tx, o, distinctName); err != nil {
			return err
		}
		tags, err := tx.EnsureTags(ctx, in.Tags, v.UserID)
		if err != nil {
			return err
		}
		o.Tags = tags
		return tx.CreateOrganization(ctx, o)
	})
	if err != nil {
		return nil, err
	}
	if existing != "" {
		return s.db.Organization(ctx, existing)
	}
	return o, nil
}

// UpdateOrganization edits an organisation; see maillage.CanEditOrganization.
func (s *Service) UpdateOrganization(ctx context.Context, v maillage.Viewer, id string, in maillage.OrganizationInput) (*maillage.Organization, error) {
	o, err := s.editableOrganization(ctx, v, id)
	if err != nil {
		return nil, err
	}
	in = trimOrg(in)
	lat, lon, err := in.Validate()
	if err != nil {
		return nil, err
	}
	fillOrg(o, in, lat, lon)
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		// Renaming onto another entry's name is allowed (homonyms), but not
		// taking another entry's website.
		if err := checkDuplicateOrg(ctx, tx, o, true); err != nil {
			return err
		}
		tags, err := tx.EnsureTags(ctx, in.Tags, v.UserID)
		if err != nil {
			return err
		}
		o.Tags = tags
		return tx.UpdateOrganization(ctx, o, in.Version)
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// DeleteOrganization removes an organisation from the directory.
func (s *Service) DeleteOrganization(ctx context.Context, v maillage.Viewer, id string) error {
	if _, err := s.editableOrganization(ctx, v, id); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteOrganization(ctx, id) })
}

// Organization returns an organisation with the members the viewer may see.
func (s *Service) Organization(ctx context.Context, v maillage.Viewer, id string) (*maillage.Organization, error) {
	o, err := s.db.Organization(ctx, id)
	if err != nil {
		return nil, err
	}
	if o.Members, err = s.db.OrganizationMembers(ctx, v, id); err != nil {
		return nil, err
	}
	return o, nil
}

// CanEditOrganization tells pages whether to offer editing.
func (s *Service) CanEditOrganization(ctx context.Context, v maillage.Viewer, o *maillage.Organization) bool {
	if !v.SignedIn() {
		return false
	}
	admins, err := s.db.OrganizationAdminIDs(ctx, o.ID)
	if err != nil {
		s.log.Warn("organization admins", "err", err)
		return false
	}
	return maillage.CanEditOrganization(v, maillage.OrganizationAccess{CreatedBy: o.CreatedBy, AdminIDs: admins})
}

// OrganizationFilter selects organisations.
type OrganizationFilter struct {
	Query  string
	Tag    string
	Region string
	Type   string
	// Descendants takes in the organisations carrying the tag's descendants.
	Descendants bool
	Page
}

// Organizations lists the directory.
func (s *Service) Organizations(ctx context.Context, v maillage.Viewer, f OrganizationFilter) ([]maillage.Organization, int, error) {
	tagIDs, ok, err := s.tagFilter(ctx, f.Tag, f.Descendants)
	if err != nil || !ok {
		return nil, 0, err
	}
	return s.db.Organizations(ctx, store.OrganizationFilter{Query: f.Query, TagIDs: tagIDs, Region: f.Region, Type: f.Type,
		Limit: f.Limit, Offset: f.Offset})
}

// SetAffiliation records that a person works with an organisation. People
// declare their own affiliations; the organisation's editors may add
// others and grant the right to edit.
func (s *Service) SetAffiliation(ctx context.Context, v maillage.Viewer, orgID, userID, role string, admin bool) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	o, err := s.db.Organization(ctx, orgID)
	if err != nil {
		return err
	}
	if _, err := s.Profile(ctx, v, userID); err != nil {
		return err
	}
	editor := s.CanEditOrganization(ctx, v, o)
	if !editor && (userID != v.UserID || admin) {
		return maillage.ErrForbidden
	}
	role = maillage.CleanLine(role)
	var val maillage.Validator
	val.MaxLen("role", role, maillage.MaxRoleLen)
	if err := val.Err(); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		return tx.UpsertAffiliation(ctx, maillage.Affiliation{OrganizationID: orgID, UserID: userID, Role: role, Admin: admin})
	})
}

// DeclareAffiliation records or updates the viewer's own role title at an
// organisation ("I work here"), keeping whatever right to edit the
// organisation they already have.
func (s *Service) DeclareAffiliation(ctx context.Context, v maillage.Viewer, orgID, role string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	admins, err := s.db.OrganizationAdminIDs(ctx, orgID)
	if err != nil {
		return err
	}
	return s.SetAffiliation(ctx, v, orgID, v.UserID, role, slices.Contains(admins, v.UserID))
}

// SetOrganizationEditor grants or removes an affiliated person's right to
// edit the organisation, keeping their role title. Only editors may.
func (s *Service) SetOrganizationEditor(ctx context.Context, v maillage.Viewer, orgID, userID string, editor bool) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	affs, err := s.db.UserAffiliations(ctx, userID)
	if err != nil {
		return err
	}
	for _, a := range affs {
		if a.OrganizationID == orgID {
			return s.SetAffiliation(ctx, v, orgID, userID, a.Role, editor)
		}
	}
	return maillage.ErrNotFound
}

// RemoveAffiliation ends an affiliation: the person themself or an editor.
func (s *Service) RemoveAffiliation(ctx context.Context, v maillage.Viewer, orgID, userID string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	o, err := s.db.Organization(ctx, orgID)
	if err != nil {
		return err
	}
	if userID != v.UserID && !s.CanEditOrganization(ctx, v, o) {
		return maillage.ErrForbidden
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteAffiliation(ctx, orgID, userID) })
}

func (s *Service) editableOrganization(ctx context.Context, v maillage.Viewer, id string) (*maillage.Organization, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	o, err := s.db.Organization(ctx, id)
	if err != nil {
		return nil, err
	}
	if !s.CanEditOrganization(ctx, v, o) {
		return nil, maillage.ErrForbidden
	}
	return o, nil
}

func checkDuplicateOrg(ctx context.Context, tx *store.Tx, o *maillage.Organization, distinctName bool) error {
	similar, err := tx.SimilarOrganizations(ctx, o.Name, o.Website, o.ID)
	if err != nil {
		return err
	}
	for _, other := range similar {
		sameSite := o.Website != "" && sameWebsite(o.Website, other.Website)
		if sameSite || !distinctName {
			field, msg := "name", "organization.duplicate_name"
			if sameSite {
				field, msg = "website", "organization.duplicate_website"
			}
			data := map[string]any{"Name": other.Name, "ID": other.ID}
			return &maillage.Error{Code: maillage.CodeConflict, MessageID: msg, Data: data,
				Fields: []maillage.FieldError{{Field: field, MessageID: msg, Data: data}}}
		}
	}
	return nil
}

func trimOrg(in maillage.OrganizationInput) maillage.OrganizationInput {
	in.Name = maillage.CleanLine(in.Name)
	in.Description = maillage.CleanText(in.Description)
	in.Type = maillage.CleanLine(in.Type)
	in.Region = maillage.CleanLine(in.Region)
	in.Address = maillage.CleanLine(in.Address)
	in.Website = maillage.CleanLine(in.Website)
	in.Latitude = maillage.CleanLine(in.Latitude)
	in.Longitude = maillage.CleanLine(in.Longitude)
	if in.Type == "" {
		in.Type = string(maillage.OrgOther)
	}
	return in
}

func fillOrg(o *maillage.Organization, in maillage.OrganizationInput, lat, lon *float64) {
	o.Name, o.Description, o.Type = in.Name, in.Description, maillage.OrganizationType(in.Type)
	o.Region, o.Address, o.Website = in.Region, in.Address, in.Website
	o.Latitude, o.Longitude = lat, lon
}
