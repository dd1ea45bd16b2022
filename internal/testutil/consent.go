package testutil

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// Putting a person's name on something takes their consent: a manager
// who adds someone sends them an invitation. Tests about something else
// set their worlds up with these helpers, which add the person as v would
// and then have them accept, so no rule is bent for the tests.

// AddMember gives userID a role in a community as v would, and has them
// accept the invitation that sends (unless v is an administrator).
func AddMember(t testing.TB, s *service.Service, v maillage.Viewer, communityID, userID string, role maillage.Role) {
	t.Helper()
	inv, err := s.AddMember(context.Background(), v, communityID, userID, role)
	if err != nil {
		t.Fatalf("add member: %v", err)
	}
	Accept(t, s, inv)
}

// AddNotebookMember gives userID a role in a notebook, with their consent.
func AddNotebookMember(t testing.TB, s *service.Service, v maillage.Viewer, notebookID, userID string, role maillage.NotebookRole) {
	t.Helper()
	inv, err := s.AddNotebookMember(context.Background(), v, notebookID, userID, role)
	if err != nil {
		t.Fatalf("add notebook member: %v", err)
	}
	Accept(t, s, inv)
}

// AddKnowledgeBaseMember gives userID a role in a knowledge base, with
// their consent.
func AddKnowledgeBaseMember(t testing.TB, s *service.Service, v maillage.Viewer, kbID, userID string, role maillage.NotebookRole) {
	t.Helper()
	inv, err := s.AddKnowledgeBaseMember(context.Background(), v, kbID, userID, role)
	if err != nil {
		t.Fatalf("add knowledge base member: %v", err)
	}
	Accept(t, s, inv)
}

// Accept has the invitee accept an invitation (nil: nothing to accept).
func Accept(t testing.TB, s *service.Service, inv *maillage.Invitation) {
	t.Helper()
	if inv == nil {
		return
	}
	if _, err := s.AnswerItemInvitation(context.Background(), ViewerOf(t, s, inv.UserID), inv.Kind, inv.ItemID, true); err != nil {
		t.Fatalf("%s accepts the invitation to %s %s: %v", inv.UserID, inv.Kind, inv.ItemID, err)
	}
}

// AcceptNote has each person accept their invitation to co-author a note.
func AcceptNote(t testing.TB, s *service.Service, noteID string, userIDs ...string) {
	t.Helper()
	for _, id := range userIDs {
		Accept(t, s, &maillage.Invitation{Kind: maillage.InviteNote, ItemID: noteID, UserID: id})
	}
}
