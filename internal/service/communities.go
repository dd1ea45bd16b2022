package service

import (
	"context"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// CreateCommunity starts a community; its creator becomes its manager.
func (s *Service) CreateCommunity(ctx context.Context, v maillage.Viewer, in maillage.CommunityInput) (*maillage.Community, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	in = trimCommunity(in)
	if err := in.Validate(); err != nil {
		return nil, err
	}
	c := &maillage.Community{ID: auth.NewID(), CreatedBy: v.UserID}
	fillCommunity(c, in)
	var existing string
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		// The same person creating the same name again within minutes is
		// a form sent twice (a double click, a reload): answer with the
		// community already made instead of a twin.
		id, err := tx.RecentCommunityByCreator(ctx, v.UserID, in.Name, tx.Now().Add(-duplicateWindow))
		if err == nil {
			existing = id
			return nil
		}
		if !maillage.IsNotFound(err) {
			return err
		}
		tags, err := tx.EnsureTags(ctx, in.Tags, v.UserID)
		if err != nil {
			return err
		}
		c.Tags = tags
		return tx.CreateCommunity(ctx, c)
	})
	if err != nil {
		return nil, err
	}
	if existing != "" {
		return s.db.Community(ctx, existing)
	}
	return c, nil
}

// duplicateWindow is how long a second identical creation by the same
// person counts as the same submission.
const duplicateWindow = 10 * time.Minute

// UpdateCommunity edits a community: managers and administrators.
func (s *Service) UpdateCommunity(ctx context.Context, v maillage.Viewer, id string, in maillage.CommunityInput) (*maillage.Community, error) {
	c, err := s.managedCommunity(ctx, v, id)
	if err != nil {
		return nil, err
	}
	in = trimCommunity(in)
	if err := in.Validate(); err != nil {
		return nil, err
	}
	fillCommunity(c, in)
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		tags, err := tx.EnsureTags(ctx, in.Tags, v.UserID)
		if err != nil {
			return err
		}
		c.Tags = tags
		return tx.UpdateCommunity(ctx, c, in.Version)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Community returns a community the viewer may see; otherwise not found.
func (s *Service) Community(ctx context.Context, v maillage.Viewer, id string) (*maillage.Community, error) {
	c, err := s.db.Community(ctx, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanSeeCommunity(v, c.Access()) {
		return nil, maillage.ErrNotFound
	}
	if err := s.hideMentions(ctx, v, &c.Description); err != nil {
		return nil, err
	}
	return c, nil
}

// CommunityFilter selects communities.
type CommunityFilter struct {
	Query    string
	Tag      string
	Region   string
	MemberID string
	// Visibility keeps only public or only private communities ("" for both).
	Visibility maillage.Visibility
	// Descendants takes in the communities carrying the tag's descendants.
	Descendants bool
	Page
}

// Communities lists the communities the viewer may see.
func (s *Service) Communities(ctx context.Context, v maillage.Viewer, f CommunityFilter) ([]maillage.Community, int, error) {
	tagIDs, ok, err := s.tagFilter(ctx, f.Tag, f.Descendants)
	if err != nil || !ok {
		return nil, 0, err
	}
	list, total, err := s.db.Communities(ctx, v, store.CommunityFilter{Query: f.Query, TagIDs: tagIDs, Region: f.Region,
		MemberID: f.MemberID, Visibility: f.Visibility, Limit: f.Limit, Offset: f.Offset})
	if err == nil {
		err = s.hideMentions(ctx, v, textsOf(list, func(c *maillage.Community) *string { return &c.Description })...)
	}
	return list, total, err
}

// Members lists a community's members as the viewer may see them. For a
// private community seen from outside, the list is not shown (forbidden:
// the community itself is visible, its content is not).
func (s *Service) Members(ctx context.Context, v maillage.Viewer, id string, p Page) ([]maillage.Membership, int, error) {
	c, err := s.Community(ctx, v, id)
	if err != nil {
		return nil, 0, err
	}
	if !maillage.CanReadCommunity(v, c.Access()) {
		return nil, 0, maillage.ErrForbidden
	}
	return s.db.Members(ctx, v, id, p.Limit, p.Offset)
}

// Join makes the viewer a member of a public community.
func (s *Service) Join(ctx context.Context, v maillage.Viewer, id string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	c, err := s.Community(ctx, v, id)
	if err != nil {
		return err
	}
	if v.IsMember(id) {
		return nil
	}
	if !maillage.CanJoinCommunity(v, c.Access()) {
		return maillage.Errorf(maillage.CodeForbidden, "community.join_private")
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.UpsertMember(ctx, id, v.UserID, maillage.RoleMember) })
}

// RequestToJoin asks a private community's managers to let the viewer in.
func (s *Service) RequestToJoin(ctx context.Context, v maillage.Viewer, id, message string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	c, err := s.Community(ctx, v, id)
	if err != nil {
		return err
	}
	if v.IsMember(id) {
		return nil
	}
	if !maillage.CanRequestToJoin(v, c.Access()) {
		return maillage.ErrForbidden
	}
	message = maillage.CleanText(message)
	var val maillage.Validator
	val.MaxLen("message", message, maillage.MaxJoinMessageLen)
	if err := val.Err(); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.CreateJoinRequest(ctx, id, v.UserID, message) })
}

// WithdrawRequest cancels the viewer's own pending request.
func (s *Service) WithdrawRequest(ctx context.Context, v maillage.Viewer, id string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	if _, err := s.Community(ctx, v, id); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteJoinRequest(ctx, id, v.UserID) })
}

// HasRequested reports whether the viewer awaits an answer to join.
func (s *Service) HasRequested(ctx context.Context, v maillage.Viewer, id string) (bool, error) {
	if !v.SignedIn() {
		return false, nil
	}
	return s.db.HasJoinRequest(ctx, id, v.UserID)
}

// JoinRequests lists pending requests for the community's managers.
func (s *Service) JoinRequests(ctx context.Context, v maillage.Viewer, id string) ([]maillage.JoinRequest, error) {
	if _, err := s.managedCommunity(ctx, v, id); err != nil {
		return nil, err
	}
	return s.db.JoinRequests(ctx, id)
}

// AnswerRequest accepts (adds as member) or declines a join request.
func (s *Service) AnswerRequest(ctx context.Context, v maillage.Viewer, id, userID string, accept bool) error {
	if _, err := s.managedCommunity(ctx, v, id); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteJoinRequest(ctx, id, userID); err != nil {
			return err
		}
		if accept {
			return tx.UpsertMember(ctx, id, userID, maillage.RoleMember)
		}
		return nil
	})
}

// AddMember lets a manager give someone a role in the community, or
// change it. The person must be someone the manager can see. Putting a
// person's name on a community takes their consent: unless the viewer is
// a platform administrator or the person themselves, or the change only
// lowers a role, the person is sent an invitation with the role offered,
// returned here, and holds the role only once they accept it. A nil
// invitation means the change is made. The last manager cannot be made a
// member.
func (s *Service) AddMember(ctx context.Context, v maillage.Viewer, id, userID string, role maillage.Role) (*maillage.Invitation, error) {
	if _, err := s.managedCommunity(ctx, v, id); err != nil {
		return nil, err
	}
	if role == "" {
		role = maillage.RoleMember
	}
	if role != maillage.RoleMember && role != maillage.RoleManager {
		return nil, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "role", MessageID: "field.invalid_choice"}}}
	}
	if _, err := s.Profile(ctx, v, userID); err != nil {
		if maillage.IsNotFound(err) {
			return nil, &maillage.Error{Code: maillage.CodeNotFound, MessageID: "community.unknown_person",
				Fields: []maillage.FieldError{{Field: "user_id", MessageID: "community.unknown_person"}}}
		}
		return nil, err
	}
	direct := v.Admin || userID == v.UserID
	invite := false
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		if !direct {
			cur, err := tx.MemberRole(ctx, id, userID)
			if err != nil && !maillage.IsNotFound(err) {
				return err
			}
			if cur == "" || (cur == maillage.RoleMember && role == maillage.RoleManager) {
				invite = true // decided here, where the role cannot change meanwhile
				return nil
			}
		}
		if role == maillage.RoleMember {
			if err := keepAManager(ctx, tx, id, userID); err != nil {
				return err
			}
		}
		if err := tx.UpsertMember(ctx, id, userID, role); err != nil {
			return err
		}
		// An invitation still waiting has nothing left to offer.
		if err := tx.DeleteInvitation(ctx, maillage.InviteCommunity, id, userID); err != nil && !maillage.IsNotFound(err) {
			return err
		}
		// Notes whose authors are the community's managers follow the change.
		return s.SyncCommunityNoteAuthors(ctx, tx, id)
	})
	if err != nil || !invite {
		return nil, err
	}
	return s.InvitePerson(ctx, v, maillage.InviteCommunity, id, userID, string(role))
}

// TransferManagement hands a community over. Managing takes consent: when
// the member named already manages the community (or the viewer is a
// platform administrator, who names managers directly), they are made
// manager and the viewer steps down to member, in one step, so the
// community is never left without a manager; otherwise the member is
// invited to manage (the invitation is returned) and the viewer stays a
// manager until they step down themselves, once the invitation is
// accepted.
func (s *Service) TransferManagement(ctx context.Context, v maillage.Viewer, communityID, toUserID string) (*maillage.Invitation, error) {
	if _, err := s.managedCommunity(ctx, v, communityID); err != nil {
		return nil, err
	}
	if toUserID == v.UserID {
		return nil, nil
	}
	invite := false
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		cur, err := tx.MemberRole(ctx, communityID, toUserID)
		if maillage.IsNotFound(err) {
			return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "discussion.transfer_not_member",
				Fields: []maillage.FieldError{{Field: "user_id", MessageID: "discussion.transfer_not_member"}}}
		}
		if err != nil {
			return err
		}
		if cur != maillage.RoleManager && !v.Admin {
			invite = true // decided here, where the role cannot change meanwhile
			return nil
		}
		if err := tx.UpsertMember(ctx, communityID, toUserID, maillage.RoleManager); err != nil {
			return err
		}
		if _, err := tx.MemberRole(ctx, communityID, v.UserID); maillage.IsNotFound(err) {
			// An administrator who is not a member hands over nothing of theirs.
			return s.SyncCommunityNoteAuthors(ctx, tx, communityID)
		}
		if err := keepAManager(ctx, tx, communityID, v.UserID); err != nil {
			return err
		}
		if err := tx.UpsertMember(ctx, communityID, v.UserID, maillage.RoleMember); err != nil {
			return err
		}
		return s.SyncCommunityNoteAuthors(ctx, tx, communityID)
	})
	if err != nil || !invite {
		return nil, err
	}
	return s.InvitePerson(ctx, v, maillage.InviteCommunity, communityID, toUserID, string(maillage.RoleManager))
}

// RemoveMember lets a manager remove someone, or anyone leave.
func (s *Service) RemoveMember(ctx context.Context, v maillage.Viewer, id, userID string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	c, err := s.Community(ctx, v, id)
	if err != nil {
		return err
	}
	self := userID == v.UserID
	if !self && !maillage.CanManageCommunity(v, c.Access()) {
		if !maillage.CanReadCommunity(v, c.Access()) {
			return maillage.ErrNotFound
		}
		return maillage.ErrForbidden
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if err := keepAManager(ctx, tx, id, userID); err != nil {
			return err
		}
		if err := tx.DeleteMember(ctx, id, userID); err != nil {
			return err
		}
		return s.SyncCommunityNoteAuthors(ctx, tx, id)
	})
}

// Leave removes the viewer from a community.
func (s *Service) Leave(ctx context.Context, v maillage.Viewer, id string) error {
	return s.RemoveMember(ctx, v, id, v.UserID)
}

// keepAManager refuses to remove or demote the last manager: a community
// without one could never be managed again.
func keepAManager(ctx context.Context, tx *store.Tx, communityID, userID string) error {
	role, err := tx.MemberRole(ctx, communityID, userID)
	if maillage.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if role != maillage.RoleManager {
		return nil
	}
	n, err := tx.CountManagers(ctx, communityID)
	if err != nil {
		return err
	}
	if n <= 1 {
		return maillage.Errorf(maillage.CodeConflict, "community.last_manager")
	}
	return nil
}

func (s *Service) managedCommunity(ctx context.Context, v maillage.Viewer, id string) (*maillage.Community, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	c, err := s.Community(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanManageCommunity(v, c.Access()) {
		return nil, maillage.ErrForbidden
	}
	return c, nil
}

func trimCommunity(in maillage.CommunityInput) maillage.CommunityInput {
	in.Name = maillage.CleanLine(in.Name)
	in.Description = maillage.CleanText(in.Description)
	in.Visibility = maillage.CleanLine(in.Visibility)
	in.Region = maillage.CleanLine(in.Region)
	// A public community is always listed; "listed" only matters for private ones.
	if in.Visibility == string(maillage.VisibilityPublic) {
		in.Listed = true
	}
	return in
}

func fillCommunity(c *maillage.Community, in maillage.CommunityInput) {
	c.Name, c.Description, c.Visibility = in.Name, in.Description, maillage.Visibility(in.Visibility)
	c.Listed, c.Region = in.Listed, in.Region
}

// MayLeave reports whether the viewer may leave the community now: a
// member may, except its only manager, who first hands management over.
func (s *Service) MayLeave(ctx context.Context, v maillage.Viewer, c *maillage.Community) (bool, error) {
	if !v.IsMember(c.ID) {
		return false, nil
	}
	if !v.IsManager(c.ID) {
		return true, nil
	}
	n, err := s.db.ManagerCount(ctx, c.ID)
	return n > 1, err
}
