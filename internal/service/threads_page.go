package service

import (
	"context"
	"html/template"
	"slices"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/markup"
)

// PostView is a thread's opening post or a reply as one viewer sees it:
// the rendered text, reactions, link cards and what the viewer may do.
type PostView struct {
	HTML      template.HTML
	Reactions []maillage.ReactionCount
	Previews  []maillage.LinkPreview
	// CanEdit: the author, or a manager (who moderates).
	CanEdit bool
}

// ReplyView is a reply with its view and, for a top-level reply, its answers.
type ReplyView struct {
	maillage.Reply
	PostView
	Answers []ReplyView
}

// NoteCard is the card of the note a thread shares, shown only to readers
// who may see the note.
type NoteCard struct {
	ID      string
	Title   string
	Excerpt string
}

// ThreadPage is a thread with everything its page shows, for one viewer.
type ThreadPage struct {
	Thread    *maillage.Thread
	Community *maillage.Community
	Post      PostView
	Note      *NoteCard
	Replies   []ReplyView
	// ReplyTotal counts the replies the viewer may see (tombstones too).
	ReplyTotal int
	CanReply   bool
	CanReact   bool
	CanReport  bool
	CanManage  bool
}

// ThreadPage assembles a thread's page for the viewer: the post and its
// replies rendered as the viewer may see them, nested one level deep.
func (s *Service) ThreadPage(ctx context.Context, v maillage.Viewer, id string) (*ThreadPage, error) {
	t, err := s.Thread(ctx, v, id)
	if err != nil {
		return nil, err
	}
	c, err := s.db.Community(ctx, t.CommunityID)
	if err != nil {
		return nil, err
	}
	replies, total, err := s.db.Replies(ctx, v, t.ID, 0, 0)
	if err != nil {
		return nil, err
	}
	member := maillage.CanPostInCommunity(v, t.Community)
	p := &ThreadPage{
		Thread: t, Community: c, ReplyTotal: total,
		CanReply:  member && !t.Locked,
		CanReact:  member,
		CanReport: v.SignedIn(),
		CanManage: maillage.CanManageCommunity(v, t.Community),
	}
	bodies := make([]string, 0, len(replies)+1)
	bodies = append(bodies, t.Body)
	ids := make([]string, len(replies))
	for i, r := range replies {
		bodies = append(bodies, r.Body)
		ids[i] = r.ID
	}
	html, err := s.RenderPosts(ctx, v, t.CommunityID, bodies)
	if err != nil {
		return nil, err
	}
	previews, err := s.PostPreviews(ctx, bodies)
	if err != nil {
		return nil, err
	}
	threadReactions, err := s.db.ReactionCounts(ctx, v, maillage.SubjectThread, []string{t.ID})
	if err != nil {
		return nil, err
	}
	replyReactions, err := s.db.ReactionCounts(ctx, v, maillage.SubjectReply, ids)
	if err != nil {
		return nil, err
	}
	p.Post = PostView{HTML: html[0], Previews: previews[0], Reactions: threadReactions[t.ID],
		CanEdit: maillage.CanEditPost(v, t.AuthorID, t.Community)}
	views := make([]ReplyView, len(replies))
	for i, r := range replies {
		views[i] = ReplyView{Reply: r, PostView: PostView{HTML: html[i+1], Previews: previews[i+1], Reactions: replyReactions[r.ID],
			CanEdit: !r.Deleted() && maillage.CanEditPost(v, r.AuthorID, t.Community)}}
	}
	p.Replies = nestReplies(views)
	if t.NoteID != "" {
		if p.Note, err = s.noteCard(ctx, v, t.NoteID); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// nestReplies puts answers under their top-level reply, in order. An
// answer whose parent the viewer may not see stands on its own rather
// than revealing that something is hidden there.
func nestReplies(flat []ReplyView) []ReplyView {
	index := map[string]int{}
	var out []ReplyView
	for _, r := range flat {
		if r.ParentID == "" {
			index[r.ID] = len(out)
			out = append(out, r)
		}
	}
	for _, r := range flat {
		if r.ParentID == "" {
			continue
		}
		if i, ok := index[r.ParentID]; ok {
			out[i].Answers = append(out[i].Answers, r)
		} else {
			out = append(out, r)
		}
	}
	// Orphans were appended after the top-level replies; keep the
	// conversation in time order.
	slices.SortStableFunc(out, func(a, b ReplyView) int { return a.CreatedAt.Compare(b.CreatedAt) })
	return out
}

// noteCard is the card of a shared note, or nil when the viewer may not
// see the note (or it is gone).
func (s *Service) noteCard(ctx context.Context, v maillage.Viewer, noteID string) (*NoteCard, error) {
	n, err := s.db.Note(ctx, noteID)
	if maillage.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewContent(v, n.Access()) {
		return nil, nil
	}
	card := &NoteCard{ID: n.ID, Title: n.Title, Excerpt: n.Summary}
	if card.Excerpt == "" && n.Body != "" {
		r, err := s.markup.Render(n.Body, nil)
		if err != nil {
			return nil, err
		}
		card.Excerpt = markup.Excerpt(r.Text, 280)
	}
	return card, nil
}
