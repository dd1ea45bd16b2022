package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// notificationItem is one line of the notifications page.
type notificationItem struct {
	N    maillage.Notification
	Text string
	// URL opens the notification: it is marked read on the way to its subject.
	URL string
}

type notificationsData struct {
	Items      []notificationItem
	UnreadOnly bool
	// Group and Community narrow the list (empty: all).
	Group     maillage.NotificationGroup
	Community string
	// CommunityName names the community filtered on.
	CommunityName string
	// Groups are the unread notifications counted by community and group.
	Groups []service.NotificationSummary
	// Query is the filter as a query string ("group=…&community=…"),
	// without the unread switch.
	Query string
	Pager pager
	// Back is the page's own address, where marking read returns.
	Back string
	// Invitations await the viewer's answer, above the notifications.
	Invitations []maillage.Invitation
}

// notifications lists the viewer's notifications, newest first, unread
// ones marked; ?unread=1 keeps the unread ones only, ?group= one group of
// kinds, ?community= one community. Above the list, the unread ones are
// counted by community and group, each a filter.
func (s *server) notifications(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	n, page := pageOf(r)
	q := notificationQuery(r.URL.Query())
	q.Page = page
	list, total, err := s.svc.FindNotifications(r.Context(), st.Viewer, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := notificationsData{UnreadOnly: q.UnreadOnly, Group: q.Group, Community: q.CommunityID,
		Pager: newPager(r, n, total), Back: r.URL.RequestURI(), Query: filterQuery(q).Encode()}
	if d.Groups, err = s.svc.NotificationSummary(r.Context(), st.Viewer); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, g := range d.Groups {
		if g.CommunityID != "" && g.CommunityID == q.CommunityID {
			d.CommunityName = g.CommunityName
		}
	}
	if d.Invitations, err = s.svc.MyInvitations(r.Context(), st.Viewer); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, item := range list {
		if d.CommunityName == "" && item.CommunityID == q.CommunityID {
			d.CommunityName = item.CommunityName
		}
		d.Items = append(d.Items, notificationItem{N: item, Text: service.NotificationText(st.L, item),
			URL: "/notifications/" + url.PathEscape(item.ID)})
	}
	s.render(w, r, http.StatusOK, view{Template: "notifications", Title: st.L.T("notifications.web.title"), Nav: "notifications", Data: d})
}

// notificationQuery reads the filter of the notifications page, from its
// address or from a form.
func notificationQuery(v url.Values) service.NotificationQuery {
	return service.NotificationQuery{UnreadOnly: v.Get("unread") == "1",
		Group: maillage.NotificationGroup(v.Get("group")), CommunityID: v.Get("community")}
}

// filterQuery is the group and community of a query as URL parameters.
func filterQuery(q service.NotificationQuery) url.Values {
	v := url.Values{}
	if q.Group != "" {
		v.Set("group", string(q.Group))
	}
	if q.CommunityID != "" {
		v.Set("community", q.CommunityID)
	}
	return v
}

// readNotifications marks read the notifications under the filter sent
// with the form (a group, a community), then returns to the list.
func (s *server) readNotifications(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	if _, err := s.svc.MarkNotificationsRead(r.Context(), state(r).Viewer, notificationQuery(r.PostForm)); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, backTo(r, "/notifications"), "home.notifications.marked")
}

// openNotification marks a notification read and goes to its subject.
// Email links come here too, so one click both reads and opens it.
func (s *server) openNotification(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	n, err := s.svc.Notification(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.svc.MarkNotificationRead(r.Context(), st.Viewer, n.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, subjectPath(*n), http.StatusSeeOther)
}

// subjectPath is where a notification leads.
func subjectPath(n maillage.Notification) string {
	id := url.PathEscape(n.SubjectID)
	switch n.Kind {
	case maillage.EventJoinRequest:
		return "/communities/" + url.PathEscape(n.CommunityID) + "/requests"
	case maillage.EventReport:
		return "/communities/" + url.PathEscape(n.CommunityID) + "/moderation"
	}
	switch n.SubjectType {
	case maillage.SubjectNote, maillage.SubjectNoteInvitation:
		return "/notes/" + id
	case maillage.SubjectNotebook, maillage.SubjectNotebookInvitation:
		return "/notebooks/" + id
	case maillage.SubjectKnowledgeBaseInvitation:
		return "/knowledge-bases/" + id
	case maillage.SubjectMeeting, maillage.SubjectMeetingInvitation:
		return "/meetings/" + id
	case maillage.SubjectThread:
		return "/threads/" + id
	case maillage.SubjectReply:
		return "/threads/" + url.PathEscape(n.SubjectRef) + "#reply-" + id
	case maillage.SubjectCommunity:
		return "/communities/" + id
	case maillage.SubjectConversation:
		return "/messages/" + id
	case maillage.SubjectUser:
		return "/people/" + id
	case maillage.SubjectTag:
		return "/tags/" + url.PathEscape(n.SubjectRef)
	case maillage.SubjectNomination:
		return "/nominations/" + id + "/answer"
	}
	return "/notifications"
}

// readNotification marks one notification read and returns to the list.
func (s *server) readNotification(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	if err := s.svc.MarkNotificationRead(r.Context(), state(r).Viewer, r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, backTo(r, "/notifications"), "")
}

// readAllNotifications marks every notification of the viewer read.
func (s *server) readAllNotifications(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	if _, err := s.svc.MarkAllNotificationsRead(r.Context(), state(r).Viewer); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, backTo(r, "/notifications"), "notifications.web.all_read")
}

// backTo is the local page a form names in its "next" field, or def.
func backTo(r *http.Request, def string) string {
	if next := localPath(r.PostForm.Get("next")); next != "" {
		return next
	}
	return def
}
