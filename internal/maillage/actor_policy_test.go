package maillage

import "testing"

// TestActorPolicyExpectations states the rules of actor cards the way
// people say them, written by hand like TestPolicyExpectations.
func TestActorPolicyExpectations(t *testing.T) {
	var (
		visitor = Anonymous()
		alice   = Viewer{UserID: "alice"}
		member  = Viewer{UserID: "mia", Roles: map[string]Role{"c": RoleMember}}
		manager = Viewer{UserID: "max", Roles: map[string]Role{"c": RoleManager}}
		admin   = Viewer{UserID: "root", Admin: true}
		creator = Viewer{UserID: "ana"}
		joined  = Viewer{UserID: "lea"}

		public    = ActorAccess{Visibility: ActorPublic, CreatedBy: "ana"}
		members   = ActorAccess{Visibility: ActorMembers, CreatedBy: "ana"}
		community = ActorAccess{Visibility: ActorCommunity, CommunityID: "c", CreatedBy: "ana"}
		private   = ActorAccess{Visibility: ActorPrivate, CreatedBy: "ana"}
		claimed   = ActorAccess{Visibility: ActorPrivate, CreatedBy: "ana", ClaimedUserID: "lea"}
		orphan    = ActorAccess{Visibility: ActorPrivate} // its creator's account was deleted
	)
	for _, c := range []struct {
		rule string
		got  bool
		want bool
	}{
		{"a visitor sees a public card", CanViewActor(visitor, public), true},
		{"a visitor does not see a members card", CanViewActor(visitor, members), false},
		{"anyone signed in sees a members card", CanViewActor(alice, members), true},
		{"a non-member does not see a community card", CanViewActor(alice, community), false},
		{"a community member sees its card", CanViewActor(member, community), true},
		{"nobody else sees a private card", CanViewActor(member, private), false},
		{"its creator sees a private card", CanViewActor(creator, private), true},
		{"an administrator sees the cards that are not private (Law 25 requests)", CanViewActor(admin, community), true},
		{"an administrator does not read a private card", CanViewActor(admin, private), false},
		{"the person who claimed a card sees it", CanViewActor(joined, claimed), true},
		{"a card with no creator left is for administrators", CanViewActor(alice, orphan), false},

		{"a reader does not edit", CanEditActor(alice, members), false},
		{"its creator edits", CanEditActor(creator, private), true},
		{"a community manager edits its community's card", CanEditActor(manager, community), true},
		{"a community member does not edit its card", CanEditActor(member, community), false},
		{"the person who claimed it edits it", CanEditActor(joined, claimed), true},

		{"a matching confirmed address claims", CanClaimActor(alice, members, true), true},
		{"no matching address: no direct claim", CanClaimActor(alice, members, false), false},
		{"a claimed card cannot be claimed again", CanClaimActor(alice, ActorAccess{Visibility: ActorPublic, ClaimedUserID: "lea"}, true), false},
		{"an invisible card cannot be claimed", CanClaimActor(alice, private, true), false},
		{"a visitor does not claim", CanClaimActor(visitor, public, true), false},
		{"anyone signed in who sees it may ask to claim", CanRequestActorClaim(alice, public), true},
		{"a manager approves claims of the community's card", CanApproveActorClaim(manager, community), true},
		{"a manager does not approve claims of other cards", CanApproveActorClaim(manager, members), false},
		{"an administrator approves any claim", CanApproveActorClaim(admin, private), true},
		{"anyone signed in who sees a card may ask for its correction", CanRequestActorCorrection(alice, public), true},
		{"nobody asks about a card they cannot see", CanRequestActorCorrection(alice, community), false},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %v", c.rule, c.got)
		}
	}
}
