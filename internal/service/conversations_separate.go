package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
)

// StartSeparateConversations writes the same message to each person
// apart: one conversation per person (continuing a direct conversation
// that exists), so nobody sees who else received it. Every recipient is
// checked before anything is sent (unknown people, too many, blocks), so
// a refusal sends nothing.
func (s *Service) StartSeparateConversations(ctx context.Context, v maillage.Viewer, in ConversationInput) ([]*maillage.Conversation, error) {
	people, err := s.MessageRecipients(ctx, v, in.ParticipantIDs)
	if err != nil {
		return nil, err
	}
	in.Body = maillage.CleanText(in.Body)
	var val maillage.Validator
	val.MaxLen(fieldSubject, maillage.CleanLine(in.Subject), MaxConversationSubjectLen)
	validateMessage(&val, in.Body)
	if err := val.Err(); err != nil {
		return nil, err
	}
	out := make([]*maillage.Conversation, 0, len(people))
	for _, p := range people {
		c, err := s.StartConversation(ctx, v, ConversationInput{ParticipantIDs: []string{p.ID}, Subject: in.Subject, Body: in.Body})
		if err != nil {
			return out, err
		}
		out = append(out, c)
	}
	return out, nil
}

// CommunityRecipients lists the members of a community that its manager
// writes to from the community's page: everyone but the manager, at most
// MaxParticipants people (a larger community is better reached by a
// discussion thread, which tells every member). Only managers may.
func (s *Service) CommunityRecipients(ctx context.Context, v maillage.Viewer, communityID string) ([]string, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	c, err := s.Community(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	if !maillage.CanManageCommunity(v, c.Access()) {
		return nil, maillage.ErrForbidden
	}
	members, total, err := s.db.Members(ctx, v, c.ID, MaxParticipants+1, 0)
	if err != nil {
		return nil, err
	}
	if total-1 > MaxParticipants {
		return nil, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "contribute.people.community_too_large", Data: map[string]any{"Max": MaxParticipants}}
	}
	var ids []string
	for _, m := range members {
		if m.UserID != v.UserID {
			ids = append(ids, m.UserID)
		}
	}
	return ids, nil
}
