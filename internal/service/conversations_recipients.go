package service

import (
	"context"
	"slices"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// MessageRecipients returns the people the viewer is about to write to,
// as the new-message form shows them, or the same errors starting the
// conversation would give (unknown people, too many, oneself only, a
// block). IDs the viewer may not see are reported as unknown, never named.
func (s *Service) MessageRecipients(ctx context.Context, v maillage.Viewer, ids []string) ([]maillage.User, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	var val maillage.Validator
	people, err := s.checkRecipients(ctx, v, ids, 1, &val)
	if err != nil {
		return nil, err
	}
	if err := val.Err(); err != nil {
		return people, err
	}
	if err := checkBlocks(ctx, s.db, v.UserID, people); err != nil {
		return people, err
	}
	return people, nil
}

// checkRecipients loads the people named by ids (blanks, repeats and the
// viewer left out) for a conversation that already has existing people,
// recording what is wrong with them in val.
func (s *Service) checkRecipients(ctx context.Context, v maillage.Viewer, ids []string, existing int, val *maillage.Validator) ([]maillage.User, error) {
	var clean []string
	self := false
	for _, id := range ids {
		id = strings.TrimSpace(id)
		switch {
		case id == "" || slices.Contains(clean, id):
		case id == v.UserID:
			self = true
		default:
			clean = append(clean, id)
		}
	}
	switch {
	case len(clean) == 0 && self:
		val.Add(fieldParticipants, "conversation.only_yourself", nil)
		return nil, nil
	case len(clean) == 0:
		val.Add(fieldParticipants, "conversation.no_recipient", nil)
		return nil, nil
	case existing+len(clean) > MaxParticipants:
		val.Add(fieldParticipants, "conversation.too_many", map[string]any{"Max": MaxParticipants})
		return nil, nil
	}
	var people []maillage.User
	unknown := false
	for _, id := range clean {
		u, err := s.db.User(ctx, id)
		if maillage.IsNotFound(err) {
			unknown = true
			continue
		}
		if err != nil {
			return nil, err
		}
		if !maillage.CanViewProfile(v, u.Access()) {
			unknown = true
			continue
		}
		if u.Contact == maillage.ContactNone {
			val.Add(fieldParticipants, "conversation.no_contact", map[string]any{"Name": u.Name})
		}
		u.Email = ""
		people = append(people, *u)
	}
	if unknown {
		val.Add(fieldParticipants, "conversation.unknown_recipient", nil)
	}
	return people, nil
}

// blockReader is what checkBlocks reads, in a transaction or not.
type blockReader interface {
	BlockersOf(ctx context.Context, blockedID string, userIDs []string) ([]string, error)
	BlockedBy(ctx context.Context, blockerID string, userIDs []string) ([]string, error)
}

var (
	_ blockReader = (*store.Tx)(nil)
	_ blockReader = (*store.DB)(nil)
)

// checkBlocks refuses to let authorID write to people who blocked them,
// or to people they blocked themselves (unblocking comes first). Writing
// to one person, the answer does not name them: the form already does.
func checkBlocks(ctx context.Context, r blockReader, authorID string, people []maillage.User) error {
	ids := personIDs(people)
	blockers, err := r.BlockersOf(ctx, authorID, ids)
	if err != nil {
		return err
	}
	if len(blockers) > 0 {
		name := ""
		if len(people) > 1 {
			name = nameOf(people, blockers[0])
		}
		return errBlocked(fieldParticipants, name)
	}
	blocked, err := r.BlockedBy(ctx, authorID, ids)
	if err != nil {
		return err
	}
	if len(blocked) > 0 {
		data := map[string]any{"Name": nameOf(people, blocked[0])}
		return &maillage.Error{Code: maillage.CodeForbidden, MessageID: "conversation.you_blocked", Data: data,
			Fields: []maillage.FieldError{{Field: fieldParticipants, MessageID: "conversation.you_blocked", Data: data}}}
	}
	return nil
}

// errBlocked says that someone does not receive the viewer's messages,
// and nothing more. With a name, it says who among several people.
func errBlocked(field, name string) error {
	id, data := "conversation.blocked", map[string]any(nil)
	if name != "" {
		id, data = "conversation.blocked_named", map[string]any{"Name": name}
	}
	return &maillage.Error{Code: maillage.CodeForbidden, MessageID: id, Data: data,
		Fields: []maillage.FieldError{{Field: field, MessageID: id, Data: data}}}
}

func nameOf(people []maillage.User, id string) string {
	for _, p := range people {
		if p.ID == id {
			return p.Name
		}
	}
	return ""
}
