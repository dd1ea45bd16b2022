package service

import (
	"context"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/markup"
	"github.com/maillage/maillage/internal/store"
)

// maxMentionLookups bounds the people one render looks up, like the
// renderer bounds its own lookups: a body full of mentions must not turn
// a page view into hundreds of queries.
const maxMentionLookups = 200

// titleKey is how titles are compared: accents, case and spacing ignored.
func titleKey(title string) string { return fold.Key(title) }

// NoteHref is the address of a note's page.
func NoteHref(id string) string { return "/notes/" + url.PathEscape(id) }

// saveNoteLinks records where a saved note's body points. Targets are
// resolved as the writer sees them, so a link can never be attached to a
// note its writer may not see; links to no (visible) note wait, by title,
// for a note to take that title.
func (s *Service) saveNoteLinks(ctx context.Context, tx *store.Tx, v maillage.Viewer, n *maillage.Note) error {
	links := s.markup.Links(n.Body)
	keys := make([]string, 0, len(links.WikiTitles))
	for _, t := range links.WikiTitles {
		keys = append(keys, titleKey(t))
	}
	byTitle, err := tx.ResolveNoteTitles(ctx, v, keys, n.CommunityID)
	if err != nil {
		return err
	}
	byID, err := tx.VisibleNotes(ctx, v, links.NoteIDs)
	if err != nil {
		return err
	}
	out := make([]store.NoteLink, 0, len(keys)+len(links.NoteIDs))
	for _, k := range keys {
		out = append(out, store.NoteLink{TargetKey: k, TargetID: byTitle[k].ID})
	}
	for _, id := range links.NoteIDs {
		out = append(out, store.NoteLink{TargetKey: store.NoteIDKey(id), TargetID: byID[id].ID})
	}
	return tx.ReplaceNoteLinks(ctx, n.ID, out)
}

// Resolver prepares, in a few queries, the answers a render of src needs
// for this viewer: the notes its wiki links name, as the viewer may see
// them (preferring notes of communityID), and the people it mentions
// whose profiles the viewer may see.
func (s *Service) Resolver(ctx context.Context, v maillage.Viewer, src, communityID string) (markup.MapResolver, error) {
	m := markup.MapResolver{Notes: map[string]string{}, People: map[string]string{}, Hidden: hiddenPersonLabel(ctx)}
	if !strings.Contains(src, "[[") && !strings.Contains(src, "](user:") {
		// Nothing to resolve: spare a parse of the body.
		return m, nil
	}
	links := s.markup.Links(src)
	if len(links.WikiTitles) > 0 {
		keys := make([]string, len(links.WikiTitles))
		for i, t := range links.WikiTitles {
			keys[i] = titleKey(t)
		}
		found, err := s.db.ResolveNoteTitles(ctx, v, keys, communityID)
		if err != nil {
			return m, err
		}
		for i, t := range links.WikiTitles {
			if ref, ok := found[keys[i]]; ok {
				m.Notes[t] = NoteHref(ref.ID)
			}
		}
	}
	for i, id := range links.MentionIDs {
		if i == maxMentionLookups {
			break
		}
		u, err := s.db.User(ctx, id)
		if maillage.IsNotFound(err) {
			continue
		}
		if err != nil {
			return m, err
		}
		if maillage.CanViewProfile(v, u.Access()) {
			m.People[id] = u.Name
		}
	}
	return m, nil
}

// RenderMarkdown renders a body for the viewer: wiki links and mentions
// resolve to what the viewer may see, anything else reads as missing.
// communityID is the community the text belongs to, whose notes win when
// several bear a linked title.
func (s *Service) RenderMarkdown(ctx context.Context, v maillage.Viewer, src, communityID string) (markup.Result, error) {
	res, err := s.Resolver(ctx, v, src, communityID)
	if err != nil {
		return markup.Result{}, err
	}
	out, err := s.markup.Render(src, res)
	if err != nil {
		if maillage.ErrorCode(err) == maillage.CodeInvalid {
			return markup.Result{}, noteBodyTooLarge()
		}
		return markup.Result{}, err
	}
	return out, nil
}

// PreviewNote renders a body being written, as its writer will see it.
func (s *Service) PreviewNote(ctx context.Context, v maillage.Viewer, body, communityID string) (markup.Result, error) {
	if err := requireSignedIn(v); err != nil {
		return markup.Result{}, err
	}
	return s.RenderMarkdown(ctx, v, body, communityID)
}

func noteBodyTooLarge() error {
	data := map[string]any{"Max": maillage.MaxNoteBodyLen}
	return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
		Fields: []maillage.FieldError{{Field: "body", MessageID: "note.body_too_large", Data: data}}}
}
