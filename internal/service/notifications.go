package service

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// MaxUnreadCount caps the unread count of the menu: past it, "99+" says
// enough and the count stays cheap.
const MaxUnreadCount = 100

// Notifications lists the viewer's notifications, newest first, with
// their total. Those about something the viewer may no longer see are
// left out; titles are current.
func (s *Service) Notifications(ctx context.Context, v maillage.Viewer, unreadOnly bool, p Page) ([]maillage.Notification, int, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, 0, err
	}
	list, total, err := s.db.Notifications(ctx, v.UserID, store.NotificationFilter{UnreadOnly: unreadOnly, Limit: p.Limit, Offset: p.Offset})
	if err != nil {
		return nil, 0, err
	}
	for i := range list {
		if err := s.completeNotification(ctx, v.UserID, &list[i]); err != nil {
			return nil, 0, err
		}
	}
	return list, total, nil
}

// Notification returns one of the viewer's notifications; another
// person's, or one about something the viewer may no longer see, is not
// found.
func (s *Service) Notification(ctx context.Context, v maillage.Viewer, id string) (*maillage.Notification, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	// The store reads the viewer's own rows only (maillage.CanViewNotification).
	n, err := s.db.Notification(ctx, v.UserID, id)
	if err != nil {
		return nil, err
	}
	return n, s.completeNotification(ctx, v.UserID, n)
}

// completeNotification names a conversation without a subject after its
// other participants, as its recipient sees it.
func (s *Service) completeNotification(ctx context.Context, userID string, n *maillage.Notification) error {
	if n.SubjectType == maillage.SubjectConversation && n.SubjectTitle == "" {
		t, err := s.db.ConversationTitle(ctx, n.SubjectID, userID)
		if err != nil && !maillage.IsNotFound(err) {
			return fmt.Errorf("notification title: %w", err)
		}
		n.SubjectTitle = t
	}
	return nil
}

// UnreadNotifications counts the viewer's unread notifications, up to
// MaxUnreadCount.
func (s *Service) UnreadNotifications(ctx context.Context, v maillage.Viewer) (int, error) {
	if !v.SignedIn() {
		return 0, nil
	}
	return s.db.UnreadNotifications(ctx, v.UserID, MaxUnreadCount)
}

// MarkNotificationRead marks one of the viewer's notifications read.
func (s *Service) MarkNotificationRead(ctx context.Context, v maillage.Viewer, id string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.MarkNotificationRead(ctx, v.UserID, id) })
}

// MarkAllNotificationsRead marks all the viewer's notifications read and
// returns how many were unread.
func (s *Service) MarkAllNotificationsRead(ctx context.Context, v maillage.Viewer) (int, error) {
	if err := requireSignedIn(v); err != nil {
		return 0, err
	}
	var n int
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		var err error
		n, err = tx.MarkAllNotificationsRead(ctx, v.UserID)
		return err
	})
	return n, err
}

// NotificationText is the sentence telling a notification in the
// reader's language ("Camille a lancé la discussion « Budget 2026 »").
// It carries titles and names only, never content.
func NotificationText(l *i18n.Localizer, n maillage.Notification) string {
	data := map[string]any{
		"Actor":     n.ActorName,
		"Title":     n.SubjectTitle,
		"Parent":    n.ParentTitle,
		"Community": n.CommunityName,
	}
	if n.ActorName == "" {
		data["Actor"] = l.T("notifications.someone")
	}
	if n.SubjectTitle == "" {
		data["Title"] = l.T("notifications.untitled")
	}
	id := "notifications.kind." + string(n.Kind)
	if s := l.T(id, data); s != id {
		return s
	}
	return l.T("notifications.kind.fallback", data)
}
