package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// The discussion of a community: threads, their moderation, reactions,
// reports and notes shared into it.

type threadCreate struct {
	Title string `json:"title" required:"true" doc:"at most 200 characters"`
	Body  string `json:"body" required:"true" doc:"Markdown, at most 50 000 characters"`
}

type threadPatch struct {
	Title   *string `json:"title"`
	Body    *string `json:"body"`
	Version *int    `json:"version" doc:"the version this edit starts from (from a GET); a stale one answers 409 and nothing is saved"`
}

type threadModeration struct {
	Pinned *bool `json:"pinned" doc:"shown first in the list"`
	Locked *bool `json:"locked" doc:"takes no new replies"`
	Hidden *bool `json:"hidden" doc:"seen by its author and the managers only"`
}

type noteShare struct {
	NoteID string `json:"note_id" required:"true" doc:"a note of the community (linked to it or in its notebooks) the caller authors"`
}

type reactionToggle struct {
	Reaction string `json:"reaction" required:"true" enum:"thumbs_up,heart,tada,idea,thanks,thinking"`
}

type reportCreate struct {
	Reason string `json:"reason" required:"true" doc:"what the managers should know, at most 1000 characters"`
}

type reactionJSON struct {
	Reaction string   `json:"reaction" enum:"thumbs_up,heart,tada,idea,thanks,thinking"`
	Emoji    string   `json:"emoji"`
	Count    int      `json:"count"`
	Mine     bool     `json:"mine" doc:"the caller gave this reaction"`
	Names    []string `json:"names" doc:"people who reacted whose profile the caller may see"`
}

type reactionList struct {
	Reactions []reactionJSON `json:"reactions"`
}

type threadJSON struct {
	ID          string `json:"id"`
	CommunityID string `json:"community_id"`
	Title       string `json:"title"`
	Body        string `json:"body" doc:"Markdown"`
	HTML        string `json:"html,omitempty" doc:"the body rendered for the caller (single thread only)"`
	AuthorID    string `json:"author_id,omitempty"`
	AuthorName  string `json:"author_name,omitempty" doc:"empty when the caller may not see the author's profile"`
	NoteID      string `json:"note_id,omitempty" doc:"the note this thread shares"`
	Pinned      bool   `json:"pinned"`
	Locked      bool   `json:"locked"`
	Hidden      bool   `json:"hidden"`
	// ReplyCount is set in lists.
	ReplyCount     *int           `json:"reply_count,omitempty" doc:"replies the caller may see (lists only)"`
	Reactions      []reactionJSON `json:"reactions,omitempty" doc:"single thread only"`
	CreatedAt      string         `json:"created_at" format:"date-time"`
	UpdatedAt      string         `json:"updated_at" format:"date-time"`
	EditedAt       *string        `json:"edited_at" format:"date-time" doc:"set once the post was changed"`
	LastActivityAt string         `json:"last_activity_at" format:"date-time"`
	Version        int            `json:"version"`
}

func threadOut(t *maillage.Thread) threadJSON {
	authorID := t.AuthorID
	if t.AuthorName == "" {
		authorID = "" // an author the caller may not see is not named, not even by ID
	}
	return threadJSON{ID: t.ID, CommunityID: t.CommunityID, Title: t.Title, Body: t.Body, AuthorID: authorID,
		AuthorName: t.AuthorName, NoteID: t.NoteID, Pinned: t.Pinned, Locked: t.Locked, Hidden: t.Hidden,
		CreatedAt: stamp(t.CreatedAt), UpdatedAt: stamp(t.UpdatedAt), EditedAt: stampPtr(t.EditedAt),
		LastActivityAt: stamp(t.LastActivityAt), Version: t.Version}
}

func reactionsOut(rc []maillage.ReactionCount) []reactionJSON {
	out := make([]reactionJSON, len(rc))
	for i, c := range rc {
		names := c.Names
		if names == nil {
			names = []string{}
		}
		out[i] = reactionJSON{Reaction: string(c.Reaction), Emoji: c.Reaction.Emoji(), Count: c.Count, Mine: c.Mine, Names: names}
	}
	return out
}

func (s *server) listThreads(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	list, total, err := s.svc.Threads(r.Context(), viewerOf(r), r.PathValue("id"), p)
	if err != nil {
		return err
	}
	items := make([]threadJSON, len(list))
	for i := range list {
		items[i] = threadOut(&list[i].Thread)
		n := list[i].Replies
		items[i].ReplyCount = &n
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

// answerThread writes a thread as the caller sees it, rendered.
func (s *server) answerThread(w http.ResponseWriter, r *http.Request, status int, id string) error {
	v := viewerOf(r)
	t, err := s.svc.Thread(r.Context(), v, id)
	if err != nil {
		return err
	}
	html, err := s.svc.RenderPosts(r.Context(), v, t.CommunityID, []string{t.Body})
	if err != nil {
		return err
	}
	rc, err := s.svc.ReactionCounts(r.Context(), v, maillage.SubjectThread, []string{t.ID})
	if err != nil {
		return err
	}
	out := threadOut(t)
	out.HTML, out.Reactions = string(html[0]), reactionsOut(rc[t.ID])
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/threads/"+t.ID)
	}
	s.writeJSON(w, status, out)
	return nil
}

func (s *server) getThread(w http.ResponseWriter, r *http.Request) error {
	return s.answerThread(w, r, http.StatusOK, r.PathValue("id"))
}

func (s *server) createThread(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in threadCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	t, err := s.svc.CreateThread(r.Context(), v, r.PathValue("id"), maillage.ThreadInput{Title: in.Title, Body: in.Body})
	if err != nil {
		return err
	}
	return s.answerThread(w, r, http.StatusCreated, t.ID)
}

func (s *server) patchThread(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var p threadPatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	cur, err := s.svc.Thread(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	in := maillage.ThreadInput{Title: cur.Title, Body: cur.Body, Version: cur.Version}
	set(&in.Title, p.Title)
	set(&in.Body, p.Body)
	set(&in.Version, p.Version)
	if _, err := s.svc.UpdateThread(r.Context(), v, cur.ID, in); err != nil {
		return err
	}
	return s.answerThread(w, r, http.StatusOK, cur.ID)
}

func (s *server) deleteThread(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.DeleteThread(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) moderateThread(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in threadModeration
	if err := decode(r, &in, false); err != nil {
		return err
	}
	id := r.PathValue("id")
	for _, m := range []struct {
		flag service.ThreadFlag
		on   *bool
	}{{service.ThreadPinned, in.Pinned}, {service.ThreadLocked, in.Locked}, {service.ThreadHidden, in.Hidden}} {
		if m.on == nil {
			continue
		}
		if _, err := s.svc.ModerateThread(r.Context(), v, id, m.flag, *m.on); err != nil {
			return err
		}
	}
	return s.answerThread(w, r, http.StatusOK, id)
}

func (s *server) reactToThread(w http.ResponseWriter, r *http.Request) error {
	return s.react(w, r, maillage.SubjectThread)
}

func (s *server) react(w http.ResponseWriter, r *http.Request, subject maillage.SubjectType) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in reactionToggle
	if err := decode(r, &in, false); err != nil {
		return err
	}
	rc, err := s.svc.ToggleReaction(r.Context(), v, subject, r.PathValue("id"), maillage.Reaction(strings.TrimSpace(in.Reaction)))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, reactionList{Reactions: reactionsOut(rc)})
	return nil
}

func (s *server) reportThread(w http.ResponseWriter, r *http.Request) error {
	return s.report(w, r, maillage.SubjectThread)
}

func (s *server) report(w http.ResponseWriter, r *http.Request, subject maillage.SubjectType) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in reportCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	if err := s.svc.ReportPost(r.Context(), v, subject, r.PathValue("id"), in.Reason); err != nil {
		return err
	}
	w.WriteHeader(http.StatusAccepted)
	return nil
}

func (s *server) shareNote(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in noteShare
	if err := decode(r, &in, false); err != nil {
		return err
	}
	t, err := s.svc.ShareNote(r.Context(), v, r.PathValue("id"), strings.TrimSpace(in.NoteID))
	if err != nil {
		return err
	}
	return s.answerThread(w, r, http.StatusCreated, t.ID)
}
