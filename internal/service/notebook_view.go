package service

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// NotebookView is everything a notebook's page shows, as one viewer may
// see it, loaded with the notebook read once.
type NotebookView struct {
	Notebook *maillage.Notebook
	// Entries is one page of the notes matching the filter; Total counts them all.
	Entries []maillage.NotebookEntry
	Total   int
	// CategoryCounts counts the visible notes by category ("" for none);
	// Visible counts them all.
	CategoryCounts map[string]int
	Visible        int
	// Authors are the people who wrote visible notes, for the author filter.
	Authors []maillage.NoteAuthor
	// Members are the managers and contributors whose profile the viewer may see.
	Members []maillage.NotebookMember
	Texts   NotebookTexts
}

// NotebookView loads a notebook's page for the viewer: the notebook (not
// found when invisible), a page of its visible notes under the filter,
// the counts, the author choices, the members and the rendered texts.
func (s *Service) NotebookView(ctx context.Context, v maillage.Viewer, id string, f NotebookNoteFilter) (*NotebookView, error) {
	nb, err := s.Notebook(ctx, v, id)
	if err != nil {
		return nil, err
	}
	out := &NotebookView{Notebook: nb}
	if out.CategoryCounts, err = s.db.NotebookCategoryCounts(ctx, v, id); err != nil {
		return nil, err
	}
	for _, n := range out.CategoryCounts {
		out.Visible += n
	}
	tagID, ok, err := s.resolveTag(ctx, f.Tag)
	if err != nil {
		return nil, err
	}
	if ok {
		// Filtering by someone the viewer may not see finds nothing.
		ok, err = s.canFilterByPerson(ctx, v, f.AuthorID)
		if err != nil {
			return nil, err
		}
	}
	if ok {
		if !validSort(f.Sort) {
			f.Sort = SortManual
		}
		sf := store.NotebookEntryFilter{Query: strings.TrimSpace(f.Query), CategoryID: f.CategoryID, TagID: tagID, Kind: f.Kind,
			AuthorID: f.AuthorID, Sort: f.Sort, Limit: f.Limit, Offset: f.Offset}
		// Filtered by category alone (or not at all), the counts already
		// say how many notes match.
		if sf.Query == "" && sf.TagID == "" && sf.Kind == "" && sf.AuthorID == "" {
			known := out.Visible
			switch sf.CategoryID {
			case "":
			case NoCategory:
				known = out.CategoryCounts[""]
			default:
				known = out.CategoryCounts[sf.CategoryID]
			}
			sf.KnownTotal = &known
		}
		if out.Entries, out.Total, err = s.db.NotebookEntries(ctx, v, id, sf); err != nil {
			return nil, err
		}
		if err := s.hideAdders(ctx, v, out.Entries); err != nil {
			return nil, err
		}
	}
	if out.Authors, err = s.db.NotebookAuthors(ctx, v, id); err != nil {
		return nil, err
	}
	if out.Members, err = s.db.NotebookMembers(ctx, v, id); err != nil {
		return nil, err
	}
	if out.Texts, err = s.RenderNotebookTexts(ctx, v, nb); err != nil {
		return nil, err
	}
	return out, nil
}
