package maillage

import "testing"

// TestContributionPolicy states the rules of comments and proposals the
// way people say them, and holds the policy functions to them.
func TestContributionPolicy(t *testing.T) {
	var (
		visitor  = Anonymous()
		author   = Viewer{UserID: "ana"}
		reader   = Viewer{UserID: "rea"}
		member   = Viewer{UserID: "mia", Roles: map[string]Role{"u": RoleMember}}
		manager  = Viewer{UserID: "max"}
		admin    = Viewer{UserID: "root", Admin: true}
		public   = ContentAccess{Visibility: VisibilityPublic, OwnerIDs: []string{"ana"}}
		inCircle = ContentAccess{Visibility: VisibilityCommunity, CommunityID: "u", OwnerIDs: []string{"ana"}}
		private  = ContentAccess{Visibility: VisibilityPrivate, OwnerIDs: []string{"ana"}}
		book     = ContentAccess{Visibility: VisibilityPublic, OwnerIDs: []string{"max"}, ContributorIDs: []string{"mia"}}
		comment  = CommentAccess{Note: public, AuthorID: "rea"}
		hidden   = CommentAccess{Note: public, AuthorID: "rea", Hidden: true}
		circle   = CommentAccess{Note: inCircle, AuthorID: "mia"}
	)
	for _, c := range []struct {
		rule      string
		got, want bool
	}{
		{"a visitor reads the comments of a public note", CanViewComment(visitor, comment), true},
		{"a visitor does not comment", CanComment(visitor, public), false},
		{"a signed-in reader comments on a public note", CanComment(reader, public), true},
		{"a hidden comment is not shown to readers", CanViewComment(visitor, hidden), false},
		{"a hidden comment stays with its author", CanViewComment(reader, hidden), true},
		{"a hidden comment stays with the note's authors", CanViewComment(author, hidden), true},
		{"administrators do not read hidden comments", CanViewComment(admin, hidden), false},
		{"comments of a community note are for its members", CanViewComment(member, circle), true},
		{"outsiders do not see them", CanViewComment(reader, circle), false},
		{"nobody comments on a private note they cannot see", CanComment(reader, private), false},
		{"the note's authors moderate its comments", CanModerateComments(author, public), true},
		{"readers do not moderate", CanModerateComments(reader, public), false},
		{"a reader proposes a public note for a public notebook", CanProposeToNotebook(reader, book, public), true},
		{"nobody proposes a note they cannot see", CanProposeToNotebook(reader, book, private), false},
		{"a visitor does not propose", CanProposeToNotebook(visitor, book, public), false},
		{"managers answer proposals", CanAnswerProposals(manager, book), true},
		{"contributors do not", CanAnswerProposals(member, book), false},
		{"the proposer sees the proposal", CanViewProposal(reader, book, "rea", private), true},
		{"managers see a proposal of a note they may see", CanViewProposal(manager, book, "rea", public), true},
		{"managers learn nothing of a note they may not see", CanViewProposal(manager, book, "rea", private), false},
		{"other readers do not see the proposal", CanViewProposal(member, book, "rea", public), false},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %v", c.rule, c.got)
		}
	}
}
