package service

import (
	"context"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// firstStepsFor is how long a new account is offered its first steps.
const firstStepsFor = 60 * 24 * time.Hour

// FirstStep is one thing a new member does to get going.
type FirstStep struct {
	// ID names the step ("interests", "join" ...); pages translate it.
	ID   string
	Done bool
	// Path is where the step is done.
	Path string
}

// firstSteps lists a new account's first steps while one is still to do;
// nothing for an older account or once all are done.
func (s *Service) firstSteps(ctx context.Context, v maillage.Viewer, me *maillage.User) ([]FirstStep, error) {
	if s.db.Now().Sub(me.CreatedAt) > firstStepsFor {
		return nil, nil
	}
	_, communities, err := s.db.Communities(ctx, v, store.CommunityFilter{MemberID: v.UserID, Limit: 1})
	if err != nil {
		return nil, err
	}
	_, follows, err := s.db.Follows(ctx, v.UserID, 1, 0)
	if err != nil {
		return nil, err
	}
	_, notes, err := s.db.Notes(ctx, v, store.NoteFilter{AuthorID: v.UserID, Limit: 1})
	if err != nil {
		return nil, err
	}
	steps := []FirstStep{
		{ID: "confirm", Done: me.EmailConfirmedAt != nil, Path: "/"},
		{ID: "interests", Done: len(me.Interests) > 0, Path: "/settings/profile#f-interests"},
		{ID: "profile", Done: me.Bio != "", Path: "/settings/profile#f-bio"},
		{ID: "join", Done: communities > 0, Path: "/communities"},
		{ID: "follow", Done: follows > 0, Path: "/search"},
		{ID: "publish", Done: notes > 0, Path: "/notes/new"},
	}
	for _, st := range steps {
		if !st.Done {
			return steps, nil
		}
	}
	return nil, nil
}
