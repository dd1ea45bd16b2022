package service

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// NotificationPreferences returns how the viewer wants email: their
// default and their mode in each community they belong to.
func (s *Service) NotificationPreferences(ctx context.Context, v maillage.Viewer) (*maillage.NotificationPreferences, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	return s.db.NotificationPreferences(ctx, v.UserID)
}

// PreferenceField is the form field of a community's mode.
func PreferenceField(communityID string) string { return "community_" + communityID }

// SetNotificationPreferences changes the viewer's default (unless p.Default
// is "") and the mode of each community listed in p.Communities ("" to
// follow the default). Communities not listed keep their mode; a
// community the viewer does not belong to is refused.
func (s *Service) SetNotificationPreferences(ctx context.Context, v maillage.Viewer, p maillage.NotificationPreferences) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	var val maillage.Validator
	if p.Default != "" && !p.Default.Valid() {
		val.Add("default", "field.invalid_choice", nil)
	}
	for _, c := range p.Communities {
		field := PreferenceField(c.CommunityID)
		switch {
		case !v.IsMember(c.CommunityID):
			val.Add(field, "notifications.error.not_member", nil)
		case c.Mode != "" && !c.Mode.Valid():
			val.Add(field, "field.invalid_choice", nil)
		}
	}
	if err := val.Err(); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if p.Default != "" {
			if err := tx.SetNotifyMode(ctx, v.UserID, "", p.Default); err != nil {
				return err
			}
		}
		for _, c := range p.Communities {
			if err := tx.SetNotifyMode(ctx, v.UserID, c.CommunityID, c.Mode); err != nil {
				return err
			}
		}
		return nil
	})
}

// UnsubscribeScope is what an email's unsubscribe link stops: the email
// of one community, or all email (CommunityID "").
type UnsubscribeScope struct {
	UserID string
	// Language is the person's, for the page answering a click that
	// carries no sign-in.
	Language      string
	CommunityID   string
	CommunityName string // "" when the person may no longer see it
	// Mode is the scope's current mode.
	Mode maillage.NotifyMode
}

// UnsubscribeScope reads what an unsubscribe link stops, without
// changing anything (the page that asks to confirm). An unknown or
// expired link is not found.
func (s *Service) UnsubscribeScope(ctx context.Context, token string) (*UnsubscribeScope, error) {
	userID, communityID, err := s.db.UnsubscribeToken(ctx, auth.HashToken(token))
	if err != nil {
		return nil, err
	}
	v, u, err := s.Viewer(ctx, userID)
	if err != nil {
		return nil, err
	}
	if u == nil {
		return nil, maillage.ErrNotFound
	}
	sc := &UnsubscribeScope{UserID: userID, Language: u.Language, CommunityID: communityID}
	if communityID != "" {
		c, err := s.db.Community(ctx, communityID)
		switch {
		case err == nil && maillage.CanSeeCommunity(v, c.Access()):
			sc.CommunityName = c.Name
		case err != nil && !maillage.IsNotFound(err):
			return nil, err
		}
	}
	if sc.Mode, err = s.scopeMode(ctx, userID, communityID); err != nil {
		return nil, err
	}
	return sc, nil
}

func (s *Service) scopeMode(ctx context.Context, userID, communityID string) (maillage.NotifyMode, error) {
	if communityID == "" {
		p, err := s.db.NotificationPreferences(ctx, userID)
		if err != nil {
			return "", err
		}
		return p.Default, nil
	}
	return s.db.NotifyMode(ctx, userID, communityID)
}

// Unsubscribe applies an email's one-click unsubscribe link: the link's
// scope (a community, or every email) switches to 'none'. The link is
// the credential: no sign-in is needed, and using it twice is harmless.
func (s *Service) Unsubscribe(ctx context.Context, token string) (*UnsubscribeScope, error) {
	sc, err := s.UnsubscribeScope(ctx, token)
	if err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.SetNotifyMode(ctx, sc.UserID, sc.CommunityID, maillage.NotifyNone); err != nil {
			return err
		}
		return tx.UseUnsubscribeToken(ctx, auth.HashToken(token))
	})
	if err != nil {
		return nil, fmt.Errorf("unsubscribe: %w", err)
	}
	sc.Mode = maillage.NotifyNone
	return sc, nil
}
