package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// How a [[wiki link]] finds its note. Titles are not unique, so a title
// alone would let anyone take over another person's link by writing a
// note with the same title. Instead:
//
//   - When a note is saved, each of its wiki links is resolved once, as
//     its writer sees the notes, and the target's ID is stored with it
//     (store.TitlePreference: the note's authors' own notes first, then
//     notes of its community and of the authors' communities, then the
//     oldest of anyone's). Readers follow that ID; a rename of the target
//     changes nothing, a target a reader may not see is plain text.
//   - An edit keeps every stored target that still bears the link's title
//     (current or former), so an unrelated edit never moves a link.
//   - A link written before any note the writer could see bore its title
//     waits. It is attached when one of the authors, or a member of their
//     communities, gives a note that title (store.AttachDanglingLinks) or
//     when such a note is found on an edit. A stranger's note never takes
//     a waiting link for good: until the authors' own note exists, the
//     link resolves when read, by the same preference, as the reader sees.
//   - A link whose target is deleted reads as plain text (it does not fall
//     to another note with that title) and waits like the above.

// linkPreference is how a render resolves wiki links: noteID names the
// note whose stored targets win ("" for text that stores none).
type linkPreference struct {
	pref   store.TitlePreference
	noteID string
}

// titlePreference is the preference of text written by authorIDs in
// communityID.
func titlePreference(authorIDs []string, communityID string) store.TitlePreference {
	return store.TitlePreference{AuthorIDs: authorIDs, CommunityID: communityID}
}

// wikiTargets maps each wiki link title, as typed, to the note it reaches
// for v; titles reaching nothing v may see are absent.
func (s *Service) wikiTargets(ctx context.Context, v maillage.Viewer, titles []string, lp linkPreference) (map[string]string, error) {
	keys := make([]string, len(titles))
	for i, t := range titles {
		keys[i] = titleKey(t)
	}
	byKey := map[string]string{}
	open := keys
	if lp.noteID != "" {
		stored, err := s.db.NoteLinks(ctx, lp.noteID)
		if err != nil {
			return nil, err
		}
		open = nil
		var ids []string
		for _, k := range keys {
			l, ok := stored[k]
			switch {
			case ok && l.TargetID != "":
				ids = append(ids, l.TargetID)
			case ok && l.Resolved:
				// Its target was deleted: plain text.
			default:
				open = append(open, k)
			}
		}
		visible, err := s.db.VisibleNotes(ctx, v, ids)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if id := stored[k].TargetID; id != "" {
				if _, ok := visible[id]; ok {
					byKey[k] = id
				}
			}
		}
	}
	found, err := s.db.ResolveNoteTitles(ctx, v, open, lp.pref)
	if err != nil {
		return nil, err
	}
	for k, m := range found {
		byKey[k] = m.ID
	}
	out := make(map[string]string, len(titles))
	for i, t := range titles {
		if id, ok := byKey[keys[i]]; ok {
			out[t] = id
		}
	}
	return out, nil
}

// saveNoteLinks records where a saved note's body points. Wiki links keep
// the target already stored while it still bears their title; the others
// are resolved as the writer sees the notes, so a link is never attached
// to a note its writer may not see. A link that was waiting (no target,
// or a deleted one) is only given a note of the authors or of their
// communities; a new link takes the best match, a stranger's included.
func (s *Service) saveNoteLinks(ctx context.Context, tx *store.Tx, v maillage.Viewer, n *maillage.Note) error {
	links := s.markup.Links(n.Body)
	stored, err := tx.NoteLinks(ctx, n.ID)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(links.WikiTitles))
	var resolve []string
	for _, t := range links.WikiTitles {
		k := titleKey(t)
		keys = append(keys, k)
		if stored[k].TargetID == "" {
			resolve = append(resolve, k)
		}
	}
	found, err := tx.ResolveNoteTitles(ctx, v, resolve, titlePreference(n.AuthorIDs(), n.CommunityID))
	if err != nil {
		return err
	}
	byID, err := tx.VisibleNotes(ctx, v, links.NoteIDs)
	if err != nil {
		return err
	}
	out := make([]store.NoteLink, 0, len(keys)+len(links.NoteIDs))
	for _, k := range keys {
		l := store.NoteLink{TargetKey: k}
		old, waited := stored[k]
		m, ok := found[k]
		switch {
		case old.TargetID != "":
			l.TargetID = old.TargetID
		case ok && (!waited || m.Preferred):
			l.TargetID = m.ID
		default:
			// Still waiting; a deleted target stays plain text.
			l.Resolved = old.Resolved
		}
		out = append(out, l)
	}
	for _, id := range links.NoteIDs {
		out = append(out, store.NoteLink{TargetKey: store.NoteIDKey(id), TargetID: byID[id].ID})
	}
	return tx.ReplaceNoteLinks(ctx, n.ID, out)
}
