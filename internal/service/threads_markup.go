package service

import (
	"context"
	"html/template"
	"slices"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/markup"
	"github.com/maillage/maillage/internal/store"
)

// postLinks extracts what a post points to: notes, mentions and URLs.
func (s *Service) postLinks(body string) markup.Links { return s.markup.Links(body) }

// RenderPosts renders discussion posts for one viewer: wiki links and note
// mentions resolve to the notes the viewer may see (preferring the
// community's), @mentions to the people whose profile the viewer may see;
// anything else stays plain text. The lookups are shared by all bodies.
func (s *Service) RenderPosts(ctx context.Context, v maillage.Viewer, communityID string, bodies []string) ([]template.HTML, error) {
	res, err := s.postResolver(ctx, v, communityID, bodies)
	if err != nil {
		return nil, err
	}
	out := make([]template.HTML, len(bodies))
	for i, b := range bodies {
		if b == "" {
			continue
		}
		r, err := s.markup.Render(b, res)
		if err != nil {
			return nil, err
		}
		out[i] = r.HTML
	}
	return out, nil
}

// postResolver answers for v what the bodies' wiki links and mentions
// point to.
func (s *Service) postResolver(ctx context.Context, v maillage.Viewer, communityID string, bodies []string) (markup.MapResolver, error) {
	res := markup.MapResolver{Notes: map[string]string{}, People: map[string]string{}, Hidden: hiddenPersonLabel(ctx)}
	titles := map[string][]string{} // folded key -> titles as typed
	var keys, people []string
	for _, b := range bodies {
		l := s.postLinks(b)
		for _, t := range l.WikiTitles {
			k := fold.Key(t)
			if len(titles[k]) == 0 {
				keys = append(keys, k)
			}
			titles[k] = append(titles[k], t)
		}
		for _, id := range l.MentionIDs {
			if !slices.Contains(people, id) {
				people = append(people, id)
			}
		}
	}
	found, err := s.db.ResolveNoteTitles(ctx, v, keys, titlePreference(nil, communityID))
	if err != nil {
		return res, err
	}
	for k, ref := range found {
		for _, t := range titles[k] {
			res.Notes[t] = "/notes/" + ref.ID
		}
	}
	for _, id := range people {
		if name, ok, err := s.visiblePersonName(ctx, v, id); err != nil {
			return res, err
		} else if ok {
			res.People[id] = name
		}
	}
	return res, nil
}

// visiblePersonName is a person's name when the viewer may see their profile.
func (s *Service) visiblePersonName(ctx context.Context, v maillage.Viewer, id string) (string, bool, error) {
	u, err := s.db.User(ctx, id)
	if maillage.IsNotFound(err) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return u.Name, maillage.CanViewProfile(v, u.Access()), nil
}

// mentionRecipients keeps, of the people a post mentions, those its author
// may see (a mention of anyone else renders as plain text) who may also
// read the post (and the thread a reply sits in), checked with each
// person's own roles. People already
// mentioned in the post's previous text are left out: an edit tells only
// the newly mentioned. The author is never told of their own post.
func (s *Service) mentionRecipients(ctx context.Context, author maillage.Viewer, ids, previous []string, post ...maillage.ThreadAccess) ([]string, error) {
	var out []string
	for _, id := range ids {
		if id == author.UserID || slices.Contains(previous, id) || slices.Contains(out, id) {
			continue
		}
		if _, ok, err := s.visiblePersonName(ctx, author, id); err != nil {
			return nil, err
		} else if !ok {
			continue
		}
		them, _, err := s.Viewer(ctx, id)
		if err != nil {
			return nil, err
		}
		if !them.SignedIn() || !canViewAll(them, post) {
			continue
		}
		out = append(out, id)
	}
	return out, nil
}

// canViewAll reports whether v may see a post and everything it sits in
// (a reply and its thread).
func canViewAll(v maillage.Viewer, access []maillage.ThreadAccess) bool {
	for _, a := range access {
		if !maillage.CanViewThread(v, a) {
			return false
		}
	}
	return true
}

// enqueueMentions tells the mentioned people of a post, inside the
// transaction that saves it.
func enqueueMentions(ctx context.Context, tx *store.Tx, v maillage.Viewer, subject maillage.SubjectType, id string, t *maillage.Thread, recipients []string) error {
	if len(recipients) == 0 {
		return nil
	}
	ev := maillage.Event{
		Kind: maillage.EventMention, ActorID: v.UserID,
		SubjectType: subject, SubjectID: id, CommunityID: t.CommunityID,
		RecipientIDs: recipients,
	}
	if subject == maillage.SubjectReply {
		ev.ParentType, ev.ParentID = maillage.SubjectThread, t.ID
	}
	return tx.Enqueue(ctx, maillage.JobNotify, ev)
}
