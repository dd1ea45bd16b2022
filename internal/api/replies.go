package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

type replyCreate struct {
	Body     string `json:"body" required:"true" doc:"Markdown, at most 50 000 characters"`
	ParentID string `json:"parent_id" doc:"the reply answered; an answer to an answer joins the same top-level reply"`
}

type replyPatch struct {
	Body    *string `json:"body"`
	Version *int    `json:"version" doc:"the version this edit starts from; a stale one answers 409"`
}

type replyModeration struct {
	Hidden *bool `json:"hidden" doc:"seen by its author and the managers only"`
}

type replyJSON struct {
	ID         string         `json:"id"`
	ThreadID   string         `json:"thread_id"`
	ParentID   string         `json:"parent_id,omitempty"`
	AuthorID   string         `json:"author_id,omitempty"`
	AuthorName string         `json:"author_name,omitempty" doc:"empty when the caller may not see the author's profile"`
	Body       string         `json:"body" doc:"Markdown; empty for a deleted reply kept for its answers"`
	HTML       string         `json:"html" doc:"the body rendered for the caller"`
	Hidden     bool           `json:"hidden"`
	Deleted    bool           `json:"deleted" doc:"deleted, kept in place because others answered it"`
	Reactions  []reactionJSON `json:"reactions"`
	CreatedAt  string         `json:"created_at" format:"date-time"`
	UpdatedAt  string         `json:"updated_at" format:"date-time"`
	EditedAt   *string        `json:"edited_at" format:"date-time" doc:"set once the reply was changed"`
	Version    int            `json:"version"`
}

// repliesOut renders replies for the caller, with their reactions.
func (s *server) repliesOut(r *http.Request, communityID string, replies []maillage.Reply) ([]replyJSON, error) {
	v := viewerOf(r)
	bodies, ids := make([]string, len(replies)), make([]string, len(replies))
	for i, rep := range replies {
		bodies[i], ids[i] = rep.Body, rep.ID
	}
	html, err := s.svc.RenderPosts(r.Context(), v, communityID, bodies)
	if err != nil {
		return nil, err
	}
	rc, err := s.svc.ReactionCounts(r.Context(), v, maillage.SubjectReply, ids)
	if err != nil {
		return nil, err
	}
	out := make([]replyJSON, len(replies))
	for i, rep := range replies {
		if rep.AuthorName == "" || rep.Deleted() {
			// An author the caller may not see, or of a deleted reply, is not named.
			rep.AuthorID, rep.AuthorName = "", ""
		}
		out[i] = replyJSON{ID: rep.ID, ThreadID: rep.ThreadID, ParentID: rep.ParentID, AuthorID: rep.AuthorID,
			AuthorName: rep.AuthorName, Body: rep.Body, HTML: string(html[i]), Hidden: rep.Hidden, Deleted: rep.Deleted(),
			Reactions: reactionsOut(rc[rep.ID]), CreatedAt: stamp(rep.CreatedAt), UpdatedAt: stamp(rep.UpdatedAt),
			EditedAt: stampPtr(rep.EditedAt), Version: rep.Version}
	}
	return out, nil
}

func (s *server) listReplies(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	v := viewerOf(r)
	t, err := s.svc.Thread(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	list, total, err := s.svc.Replies(r.Context(), v, t.ID, p)
	if err != nil {
		return err
	}
	items, err := s.repliesOut(r, t.CommunityID, list)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

// answerReply writes one reply as the caller sees it.
func (s *server) answerReply(w http.ResponseWriter, r *http.Request, status int, id string) error {
	rep, t, err := s.svc.Reply(r.Context(), viewerOf(r), id)
	if err != nil {
		return err
	}
	out, err := s.repliesOut(r, t.CommunityID, []maillage.Reply{*rep})
	if err != nil {
		return err
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/replies/"+rep.ID)
	}
	s.writeJSON(w, status, out[0])
	return nil
}

func (s *server) getReply(w http.ResponseWriter, r *http.Request) error {
	return s.answerReply(w, r, http.StatusOK, r.PathValue("id"))
}

func (s *server) createReply(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in replyCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	rep, err := s.svc.CreateReply(r.Context(), v, r.PathValue("id"), maillage.ReplyInput{Body: in.Body, ParentID: strings.TrimSpace(in.ParentID)})
	if err != nil {
		return err
	}
	return s.answerReply(w, r, http.StatusCreated, rep.ID)
}

func (s *server) patchReply(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var p replyPatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	cur, _, err := s.svc.Reply(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	in := maillage.ReplyInput{Body: cur.Body, Version: cur.Version}
	set(&in.Body, p.Body)
	set(&in.Version, p.Version)
	if _, err := s.svc.UpdateReply(r.Context(), v, cur.ID, in); err != nil {
		return err
	}
	return s.answerReply(w, r, http.StatusOK, cur.ID)
}

func (s *server) deleteReply(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.svc.DeleteReply(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) moderateReply(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in replyModeration
	if err := decode(r, &in, false); err != nil {
		return err
	}
	id := r.PathValue("id")
	if in.Hidden != nil {
		if _, err := s.svc.HideReply(r.Context(), v, id, *in.Hidden); err != nil {
			return err
		}
	}
	return s.answerReply(w, r, http.StatusOK, id)
}

func (s *server) reactToReply(w http.ResponseWriter, r *http.Request) error {
	return s.react(w, r, maillage.SubjectReply)
}

func (s *server) reportReply(w http.ResponseWriter, r *http.Request) error {
	return s.report(w, r, maillage.SubjectReply)
}
