package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
)

// ThemeTags resolves a theme for discovery: the live tag a slug, label or
// synonym names if the viewer may see it (else not found, like an absent
// tag), and its ID followed by its descendants' when asked. A curated
// tag is public and answers without counting its uses (searchTag).
func (s *Service) ThemeTags(ctx context.Context, v maillage.Viewer, name string, descendants bool) (*maillage.Tag, []string, error) {
	t, err := s.searchTag(ctx, v, name)
	if err != nil {
		return nil, nil, err
	}
	ids := []string{t.ID}
	if descendants {
		more, err := s.db.TagDescendantIDs(ctx, t.ID)
		if err != nil {
			return nil, nil, err
		}
		ids = append(ids, more...)
	}
	return t, ids, nil
}
