package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// notificationGroupJSON counts the caller's unread notifications of one
// group about one community.
type notificationGroupJSON struct {
	Group     string   `json:"group" enum:"discussions,notes,messages,invitations,management"`
	Community *refJSON `json:"community,omitempty" doc:"absent for notifications about no community, or one the caller may not see"`
	Unread    int      `json:"unread"`
}

type notificationGroupList struct {
	Groups []notificationGroupJSON `json:"groups" doc:"the most recently active first"`
}

// notificationsReadFilter marks read the unread notifications of a group,
// of a community, or both.
type notificationsReadFilter struct {
	Group       string `json:"group,omitempty" enum:"discussions,notes,messages,invitations,management"`
	CommunityID string `json:"community_id,omitempty"`
}

// groupDoc documents the group parameter.
const groupDoc = "a group of kinds: discussions, notes, messages, invitations, management"

// notificationQueryOf reads the filter of the notification list.
func notificationQueryOf(r *http.Request) (service.NotificationQuery, error) {
	unreadOnly, err := boolParam(r, "unread_only")
	if err != nil {
		return service.NotificationQuery{}, err
	}
	q := r.URL.Query()
	return service.NotificationQuery{UnreadOnly: unreadOnly,
		Group:       maillage.NotificationGroup(strings.TrimSpace(q.Get("group"))),
		CommunityID: strings.TrimSpace(q.Get("community"))}, nil
}

func (s *server) listNotificationGroups(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	sum, err := s.svc.NotificationSummary(r.Context(), v)
	if err != nil {
		return err
	}
	out := notificationGroupList{Groups: make([]notificationGroupJSON, 0, len(sum))}
	for _, g := range sum {
		j := notificationGroupJSON{Group: string(g.Group), Unread: g.Unread}
		if g.CommunityID != "" {
			j.Community = &refJSON{ID: g.CommunityID, Name: g.CommunityName}
		}
		out.Groups = append(out.Groups, j)
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) readNotificationGroup(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in notificationsReadFilter
	if err := decode(r, &in, false); err != nil {
		return err
	}
	n, err := s.svc.MarkNotificationsRead(r.Context(), v, service.NotificationQuery{
		Group: maillage.NotificationGroup(strings.TrimSpace(in.Group)), CommunityID: strings.TrimSpace(in.CommunityID)})
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, readAllJSON{Marked: n})
	return nil
}

// groupNames lists the groups, for the documentation.
func groupNames() []string {
	var out []string
	for _, g := range maillage.NotificationGroups() {
		out = append(out, string(g))
	}
	return out
}
