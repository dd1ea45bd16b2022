package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/markup"
)

// People whose profile a reader may not see (maillage.CanViewProfile) are
// named nowhere for that reader: not by name, not by ID, not by a link.
// Lists leave them out in SQL; bylines say "a member"; this file holds
// what the rest needs: the reader's wording of a hidden person, and the
// rewriting of mentions in Markdown sources handed out as they are.

type hiddenPersonKey struct{}

// WithHiddenPersonLabel returns ctx carrying how the reader's language
// words a person they may not see ("un·e membre", "a member"). Renders
// and sources handed to that reader use it for mentions of such people.
// The web pages and the API set it for every request; without it, the
// default language's wording is used.
func WithHiddenPersonLabel(ctx context.Context, label string) context.Context {
	return context.WithValue(ctx, hiddenPersonKey{}, label)
}

func hiddenPersonLabel(ctx context.Context) string {
	if l, ok := ctx.Value(hiddenPersonKey{}).(string); ok && l != "" {
		return l
	}
	return markup.DefaultHiddenPerson
}

// seesEveryProfile reports whether v may see every profile, members-only
// ones included, so that nothing about people needs hiding from v.
func seesEveryProfile(v maillage.Viewer) bool {
	return maillage.CanViewProfile(v, maillage.ProfileAccess{Visibility: maillage.ProfileMembers})
}

// maxHiddenLookups bounds the people looked up to hide mentions from one
// batch of texts; mentions past it read as hidden.
const maxHiddenLookups = 500

// hideMentions rewrites the Markdown texts, in place, for a reader who
// may not see every profile: a mention of someone whose profile v may not
// see becomes the plain wording of a hidden person, so the source of a
// public text gives away neither their name nor their ID. Rendered HTML
// already does so (see Resolver); this is for sources handed out as they
// are (API bodies, descriptions in lists).
func (s *Service) hideMentions(ctx context.Context, v maillage.Viewer, texts ...*string) error {
	if seesEveryProfile(v) {
		return nil
	}
	seen := map[string]bool{}
	var ids []string
	for _, t := range texts {
		markup.ReplaceMentions(*t, func(id, _ string) (string, bool) {
			if !seen[id] && len(ids) < maxHiddenLookups {
				seen[id] = true
				ids = append(ids, id)
			}
			return "", false
		})
	}
	if len(ids) == 0 {
		return nil
	}
	visible, err := s.db.VisibleProfiles(ctx, v, ids)
	if err != nil {
		return err
	}
	label := hiddenPersonLabel(ctx)
	for _, t := range texts {
		*t = markup.ReplaceMentions(*t, func(id, _ string) (string, bool) { return label, !visible[id] })
	}
	return nil
}

// textsOf points at a text field of every item of a list, for hideMentions.
func textsOf[T any](list []T, field func(*T) *string) []*string {
	out := make([]*string, len(list))
	for i := range list {
		out[i] = field(&list[i])
	}
	return out
}

// hideAdders blanks who filed each entry of a notebook when v may not see
// that person's profile.
func (s *Service) hideAdders(ctx context.Context, v maillage.Viewer, entries []maillage.NotebookEntry) error {
	if seesEveryProfile(v) || len(entries) == 0 {
		return nil
	}
	var ids []string
	for _, e := range entries {
		if e.AddedBy != "" {
			ids = append(ids, e.AddedBy)
		}
	}
	visible, err := s.db.VisibleProfiles(ctx, v, ids)
	if err != nil {
		return err
	}
	for i := range entries {
		if !visible[entries[i].AddedBy] {
			entries[i].AddedBy = ""
		}
	}
	return nil
}

// canFilterByPerson reports whether v may filter a list by what this
// person wrote: not when v may not see their profile, or the filter would
// tell which texts they wrote. "" (no filter) always may.
func (s *Service) canFilterByPerson(ctx context.Context, v maillage.Viewer, userID string) (bool, error) {
	if userID == "" || seesEveryProfile(v) {
		return true, nil
	}
	visible, err := s.db.VisibleProfiles(ctx, v, []string{userID})
	return visible[userID], err
}
