package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// NotificationQuery narrows the viewer's notifications: unread ones, one
// group of kinds, one community.
type NotificationQuery struct {
	UnreadOnly  bool
	Group       maillage.NotificationGroup
	CommunityID string
	Page
}

// filter checks the query and turns it into the store's filter.
func (q NotificationQuery) filter() (store.NotificationFilter, error) {
	f := store.NotificationFilter{UnreadOnly: q.UnreadOnly, CommunityID: q.CommunityID, Limit: q.Limit, Offset: q.Offset}
	if q.Group != "" {
		if !q.Group.Valid() {
			return f, fieldError(maillage.CodeInvalid, "group", "home.notifications.error_group", nil)
		}
		f.Kinds = q.Group.Kinds()
	}
	return f, nil
}

// NotificationSummary is how many unread notifications of one group the
// viewer has about one community (none named: CommunityID is empty).
type NotificationSummary struct {
	CommunityID   string
	CommunityName string
	Group         maillage.NotificationGroup
	Unread        int
}

// FindNotifications lists the viewer's notifications under the query,
// newest first, with their total. Only those about what the viewer may
// still see are listed or counted; a community the viewer may not see
// filters down to nothing.
func (s *Service) FindNotifications(ctx context.Context, v maillage.Viewer, q NotificationQuery) ([]maillage.Notification, int, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, 0, err
	}
	f, err := q.filter()
	if err != nil {
		return nil, 0, err
	}
	list, total, err := s.db.Notifications(ctx, v.UserID, f)
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

// NotificationSummary groups the viewer's unread notifications by
// community and group of kinds, the most recently active first.
func (s *Service) NotificationSummary(ctx context.Context, v maillage.Viewer) ([]NotificationSummary, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	counts, err := s.db.UnreadNotificationCounts(ctx, v.UserID)
	if err != nil {
		return nil, err
	}
	var out []NotificationSummary
	at := map[NotificationSummary]int{} // key without the count -> index in out
	for _, c := range counts {
		key := NotificationSummary{CommunityID: c.CommunityID, CommunityName: c.CommunityName, Group: maillage.GroupOf(c.Kind)}
		if i, ok := at[key]; ok {
			out[i].Unread += c.Unread
			continue
		}
		at[key] = len(out)
		key.Unread = c.Unread
		out = append(out, key)
	}
	return out, nil
}

// MarkNotificationsRead marks read the viewer's unread notifications
// under the query (its page is ignored) and returns how many changed.
func (s *Service) MarkNotificationsRead(ctx context.Context, v maillage.Viewer, q NotificationQuery) (int, error) {
	if err := requireSignedIn(v); err != nil {
		return 0, err
	}
	f, err := q.filter()
	if err != nil {
		return 0, err
	}
	var n int
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		n, err = tx.MarkNotificationsRead(ctx, v.UserID, f)
		return err
	})
	return n, err
}
