package service

import (
	"context"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/markup"
)

// maxMentionLookups bounds the people one render looks up, like the
// renderer bounds its own lookups: a body full of mentions must not turn
// a page view into hundreds of queries.
const maxMentionLookups = 200

// titleKey is how titles are compared: accents, case and spacing ignored.
func titleKey(title string) string { return fold.Key(title) }

// NoteHref is the address of a note's page.
func NoteHref(id string) string { return "/notes/" + url.PathEscape(id) }

// Resolver prepares, in a few queries, the answers a render of src needs
// for this viewer: the notes its wiki links name, as the viewer may see
// them (preferring notes of communityID, then the oldest), and the people
// it mentions whose profiles the viewer may see. Text that is not a note
// (messages, descriptions) resolves its wiki links when read; a note's
// body uses the targets stored when it was saved (RenderNote).
func (s *Service) Resolver(ctx context.Context, v maillage.Viewer, src, communityID string) (markup.MapResolver, error) {
	return s.resolverFor(ctx, v, src, linkPreference{pref: titlePreference(nil, communityID)})
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
	return s.render(src, res)
}

// RenderNote renders a note's body for the viewer. Each wiki link goes to
// the note stored for it when the note was saved, whatever other note
// bears that title since; a stored target the viewer may not see, or one
// deleted since, is plain text. Only a link still waiting for its target
// is resolved now, for this viewer, preferring the note's authors' notes.
func (s *Service) RenderNote(ctx context.Context, v maillage.Viewer, n *maillage.Note) (markup.Result, error) {
	res, err := s.resolverFor(ctx, v, n.Body, linkPreference{pref: titlePreference(n.AuthorIDs(), n.CommunityID), noteID: n.ID})
	if err != nil {
		return markup.Result{}, err
	}
	return s.render(n.Body, res)
}

// PreviewNote renders a body being written, as its writer will see it:
// wiki links resolve as they will be stored when the note is saved.
func (s *Service) PreviewNote(ctx context.Context, v maillage.Viewer, body, communityID string) (markup.Result, error) {
	if err := requireSignedIn(v); err != nil {
		return markup.Result{}, err
	}
	res, err := s.resolverFor(ctx, v, body, linkPreference{pref: titlePreference([]string{v.UserID}, communityID)})
	if err != nil {
		return markup.Result{}, err
	}
	return s.render(body, res)
}

func (s *Service) render(src string, res markup.MapResolver) (markup.Result, error) {
	out, err := s.markup.Render(src, res)
	if err != nil {
		if maillage.ErrorCode(err) == maillage.CodeInvalid {
			return markup.Result{}, noteBodyTooLarge()
		}
		return markup.Result{}, err
	}
	return out, nil
}

// resolverFor prepares the answers a render of src needs for v: wiki
// links through wikiTargets, mentions of people whose profile v may see.
func (s *Service) resolverFor(ctx context.Context, v maillage.Viewer, src string, lp linkPreference) (markup.MapResolver, error) {
	m := markup.MapResolver{Notes: map[string]string{}, People: map[string]string{}, Hidden: hiddenPersonLabel(ctx)}
	if !strings.Contains(src, "[[") && !strings.Contains(src, "](user:") {
		// Nothing to resolve: spare a parse of the body.
		return m, nil
	}
	links := s.markup.Links(src)
	if len(links.WikiTitles) > 0 {
		targets, err := s.wikiTargets(ctx, v, links.WikiTitles, lp)
		if err != nil {
			return m, err
		}
		for t, id := range targets {
			m.Notes[t] = NoteHref(id)
		}
	}
	for i, id := range links.MentionIDs {
		if i == maxMentionLookups {
			break
		}
		if name, ok, err := s.visiblePersonName(ctx, v, id); err != nil {
			return m, err
		} else if ok {
			m.People[id] = name
		}
	}
	return m, nil
}

func noteBodyTooLarge() error {
	data := map[string]any{"Max": maillage.MaxNoteBodyLen}
	return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
		Fields: []maillage.FieldError{{Field: "body", MessageID: "note.body_too_large", Data: data}}}
}
