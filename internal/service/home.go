package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// How much of each part the home page shows.
const (
	homeNewItems    = 6
	homeSuggestions = 4
	// homeInterests caps the interests suggestions are drawn from.
	homeInterests = 5
	// homeCommunityNames bounds the communities whose names label threads.
	homeCommunityNames = 100
)

// Home is what waits for a signed-in person, what is new for them and
// what they might like, each part filtered by the access policy.
type Home struct {
	Me *maillage.User
	// Waiting: invitations to answer, join requests to decide, unread
	// messages and discussions.
	Invitations    []maillage.Invitation
	Requests       []store.PendingRequestCount
	UnreadMessages int
	// Discussions counts unread discussion notifications by community.
	Discussions []NotificationSummary
	// New: what others published in the person's communities, and under
	// the tags and from the people they follow.
	CommunityNotes   []maillage.NoteSummary
	CommunityThreads []HomeThread
	FollowedNotes    []maillage.NoteSummary
	// Suggestions drawn from the person's interests.
	Suggestions Suggestions
	// Steps guide a new account; empty once all are done.
	Steps []FirstStep
}

// HomeThread is a recent discussion of one of the person's communities.
type HomeThread struct {
	ThreadSummary
	CommunityName string
}

// Waiting reports whether anything waits for the person's answer.
func (h *Home) Waiting() bool {
	return len(h.Invitations) > 0 || len(h.Requests) > 0 || h.UnreadMessages > 0 || len(h.Discussions) > 0
}

// New reports whether anything new is listed.
func (h *Home) New() bool {
	return len(h.CommunityNotes) > 0 || len(h.CommunityThreads) > 0 || len(h.FollowedNotes) > 0
}

// Home gathers the signed-in person's home page.
func (s *Service) Home(ctx context.Context, v maillage.Viewer) (*Home, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	me, err := s.Profile(ctx, v, v.UserID)
	if err != nil {
		return nil, err
	}
	h := &Home{Me: me}
	if h.Invitations, err = s.MyInvitations(ctx, v); err != nil {
		return nil, err
	}
	if h.Requests, err = s.db.PendingRequestsToAnswer(ctx, v.UserID); err != nil {
		return nil, err
	}
	if h.UnreadMessages, err = s.UnreadConversationCount(ctx, v); err != nil {
		return nil, err
	}
	summary, err := s.NotificationSummary(ctx, v)
	if err != nil {
		return nil, err
	}
	for _, g := range summary {
		if g.Group == maillage.GroupDiscussions {
			h.Discussions = append(h.Discussions, g)
		}
	}
	if err := s.homeNew(ctx, v, h); err != nil {
		return nil, err
	}
	if h.Suggestions, err = s.Suggest(ctx, v, me.Interests); err != nil {
		return nil, err
	}
	if h.Steps, err = s.firstSteps(ctx, v, me); err != nil {
		return nil, err
	}
	return h, nil
}

// homeNew fills what others published lately where the person belongs
// and under what they follow. The store filters each list with the
// viewer's audiences.
func (s *Service) homeNew(ctx context.Context, v maillage.Viewer, h *Home) error {
	var err error
	if h.CommunityNotes, _, err = s.db.Notes(ctx, v, store.NoteFilter{MemberID: v.UserID, NotAuthorID: v.UserID, Limit: homeNewItems}); err != nil {
		return err
	}
	if h.FollowedNotes, _, err = s.db.Notes(ctx, v, store.NoteFilter{FollowedBy: v.UserID, NotAuthorID: v.UserID, Limit: homeNewItems}); err != nil {
		return err
	}
	threads, counts, _, err := s.db.Threads(ctx, v, store.ThreadFilter{MemberID: v.UserID, Limit: homeNewItems})
	if err != nil {
		return err
	}
	if len(threads) > 0 {
		mine, _, err := s.db.Communities(ctx, v, store.CommunityFilter{MemberID: v.UserID, Limit: homeCommunityNames})
		if err != nil {
			return err
		}
		names := make(map[string]string, len(mine))
		for _, c := range mine {
			names[c.ID] = c.Name
		}
		for i, t := range threads {
			h.CommunityThreads = append(h.CommunityThreads, HomeThread{ThreadSummary: ThreadSummary{Thread: t, Replies: counts[i]},
				CommunityName: names[t.CommunityID]})
		}
	}
	texts := textsOf(h.CommunityNotes, func(n *maillage.NoteSummary) *string { return &n.Summary })
	texts = append(texts, textsOf(h.FollowedNotes, func(n *maillage.NoteSummary) *string { return &n.Summary })...)
	texts = append(texts, textsOf(h.CommunityThreads, func(t *HomeThread) *string { return &t.Body })...)
	return s.hideMentions(ctx, v, texts...)
}
