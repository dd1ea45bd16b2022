package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// subjectJSON names what a notification is about, titled as the caller
// may see it now.
type subjectJSON struct {
	Type  string `json:"type" enum:"note,notebook,thread,reply,community,conversation,user,tag,note_invitation,notebook_invitation,knowledge_base_invitation,nomination" doc:"the *_invitation types name the item invited to (its ID and title): what the invitation shows of it"`
	ID    string `json:"id"`
	Title string `json:"title" doc:"current title; a reply is titled by its thread, a person by their name"`
	Ref   string `json:"ref,omitempty" doc:"completes the address: a reply's thread ID, a tag's slug"`
}

type refJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type notificationJSON struct {
	ID        string       `json:"id"`
	Kind      string       `json:"kind" doc:"what happened: thread_created, reply_created, mention, note_published, note_shared, note_integrated, message, invitation, join_request, join_accepted, report, note_author_added, followed_item, note_invitation, notebook_invitation, knowledge_base_invitation, manager_invitation, acquaintance, nomination_request"`
	Read      bool         `json:"read"`
	Subject   subjectJSON  `json:"subject"`
	Parent    *subjectJSON `json:"parent,omitempty" doc:"the notebook or thread the subject was added to"`
	Community *refJSON     `json:"community,omitempty" doc:"where it happened, when the caller may see that community"`
	Actor     *refJSON     `json:"actor,omitempty" doc:"who acted"`
	Direct    bool         `json:"direct" doc:"the event named the caller (mention, message, invitation) rather than reaching them through a membership or a follow"`
	Text      string       `json:"text" doc:"the notification as a sentence in the language of the answer"`
	CreatedAt string       `json:"created_at"`
	ReadAt    *string      `json:"read_at,omitempty"`
}

// notificationList keeps the fixed shape {"notifications": [...]} and adds
// the paging of other lists.
type notificationList struct {
	Notifications []notificationJSON `json:"notifications" doc:"newest first"`
	Total         int                `json:"total"`
	Limit         int                `json:"limit"`
	Offset        int                `json:"offset"`
	Unread        int                `json:"unread" doc:"unread notifications, counted up to 100"`
}

type readAllJSON struct {
	Marked int `json:"marked" doc:"how many notifications were unread"`
}

func notificationOut(r *http.Request, n maillage.Notification) notificationJSON {
	out := notificationJSON{ID: n.ID, Kind: string(n.Kind), Read: n.Read(), Direct: n.Direct,
		Subject:   subjectJSON{Type: string(n.SubjectType), ID: n.SubjectID, Title: n.SubjectTitle, Ref: n.SubjectRef},
		Text:      service.NotificationText(stateOf(r).l, n),
		CreatedAt: stamp(n.CreatedAt), ReadAt: stampPtr(n.ReadAt)}
	if n.ParentID != "" {
		out.Parent = &subjectJSON{Type: string(n.ParentType), ID: n.ParentID, Title: n.ParentTitle}
	}
	if n.CommunityName != "" {
		out.Community = &refJSON{ID: n.CommunityID, Name: n.CommunityName}
	}
	if n.ActorID != "" && n.ActorName != "" {
		out.Actor = &refJSON{ID: n.ActorID, Name: n.ActorName}
	}
	return out
}

func (s *server) listNotifications(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	p, err := page(r)
	if err != nil {
		return err
	}
	q, err := notificationQueryOf(r)
	if err != nil {
		return err
	}
	q.Page = p
	list, total, err := s.svc.FindNotifications(r.Context(), v, q)
	if err != nil {
		return err
	}
	unread, err := s.svc.UnreadNotifications(r.Context(), v)
	if err != nil {
		return err
	}
	out := notificationList{Notifications: make([]notificationJSON, 0, len(list)), Total: total, Limit: p.Limit, Offset: p.Offset, Unread: unread}
	for _, n := range list {
		out.Notifications = append(out.Notifications, notificationOut(r, n))
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) readNotification(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.MarkNotificationRead(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) readAllNotifications(w http.ResponseWriter, r *http.Request) error {
	n, err := s.svc.MarkAllNotificationsRead(r.Context(), viewerOf(r))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, readAllJSON{Marked: n})
	return nil
}

// boolParam reads an optional true/false query parameter (1/0 too).
func boolParam(r *http.Request, name string) (bool, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, invalid("api.bad_param", map[string]any{"Param": name}, name)
	}
	return b, nil
}
