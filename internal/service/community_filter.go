package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
)

// seesFilterCommunity reports whether a list filtered by a community may
// run: a community the viewer may not see filters like one that does not
// exist, down to nothing, so a filter cannot tell that it exists or what
// is linked to it. An empty ID does not filter.
func (s *Service) seesFilterCommunity(ctx context.Context, v maillage.Viewer, id string) (bool, error) {
	if id == "" {
		return true, nil
	}
	_, err := s.Community(ctx, v, id)
	if maillage.IsNotFound(err) {
		return false, nil
	}
	return err == nil, err
}
