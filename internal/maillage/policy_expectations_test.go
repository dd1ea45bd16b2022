package maillage

import "testing"

// TestPolicyExpectations states the access rules the way people say
// them, one sentence each, and holds the policy functions to them. The
// visibility leak test (internal/app) checks that every page, API call
// and email follows the policy; this table checks the policy itself, so a
// wrong rule cannot pass both. Written by hand, not derived from the code.
func TestPolicyExpectations(t *testing.T) {
	var (
		visitor = Anonymous()
		alice   = Viewer{UserID: "alice"}                                                         // signed in, belongs nowhere
		member  = Viewer{UserID: "mia", Roles: map[string]Role{"c": RoleMember, "u": RoleMember}} // member of c (public) and u (private, unlisted)
		manager = Viewer{UserID: "max", Roles: map[string]Role{"c": RoleManager, "u": RoleManager}}
		admin   = Viewer{UserID: "root", Admin: true}
		author  = Viewer{UserID: "ana"}

		public   = CommunityAccess{ID: "c", Visibility: VisibilityPublic}
		listed   = CommunityAccess{ID: "l", Visibility: VisibilityPrivate, Listed: true}
		unlisted = CommunityAccess{ID: "u", Visibility: VisibilityPrivate}

		publicProfile  = ProfileAccess{UserID: "pat", Visibility: ProfilePublic, Contact: ContactMessages}
		membersProfile = ProfileAccess{UserID: "meg", Visibility: ProfileMembers, Contact: ContactEmail}

		publicNote    = ContentAccess{Visibility: VisibilityPublic, OwnerIDs: []string{"ana"}}
		communityNote = ContentAccess{Visibility: VisibilityCommunity, CommunityID: "u", OwnerIDs: []string{"ana"}}
		privateNote   = ContentAccess{Visibility: VisibilityPrivate, OwnerIDs: []string{"ana"}}
		privateBook   = ContentAccess{Visibility: VisibilityPrivate, OwnerIDs: []string{"max"}, ContributorIDs: []string{"mia"}}

		thread       = ThreadAccess{Community: unlisted, AuthorID: "mia"}
		hiddenThread = ThreadAccess{Community: unlisted, AuthorID: "mia", Hidden: true}
		hiddenPublic = ThreadAccess{Community: public, AuthorID: "mia", Hidden: true}
	)
	conversation := []string{"mia", "max"}

	for _, c := range []struct {
		rule string
		got  bool
		want bool
	}{
		// Profiles.
		{"a visitor sees a public profile", CanViewProfile(visitor, publicProfile), true},
		{"a visitor does not see a members-only profile", CanViewProfile(visitor, membersProfile), false},
		{"anyone signed in sees a members-only profile", CanViewProfile(alice, membersProfile), true},
		{"people see their own profile", CanViewProfile(Viewer{UserID: "meg"}, membersProfile), true},
		{"a visitor never sees an email address", CanViewEmail(visitor, membersProfile), false},
		{"members see the address of someone who chose email", CanViewEmail(alice, membersProfile), true},
		{"members do not see the address of someone who chose messages", CanViewEmail(alice, publicProfile), false},
		{"an admin sees every address", CanViewEmail(admin, publicProfile), true},
		{"only people themselves (and admins) edit a profile", CanEditProfile(alice, "meg"), false},

		// Communities.
		{"a visitor sees a public community", CanSeeCommunity(visitor, public), true},
		{"a visitor sees that a listed private community exists", CanSeeCommunity(visitor, listed), true},
		{"a visitor does not read a listed private community", CanReadCommunity(visitor, listed), false},
		{"an unlisted private community is absent for a non-member", CanSeeCommunity(alice, unlisted), false},
		{"an unlisted private community is absent for a visitor", CanSeeCommunity(visitor, unlisted), false},
		{"a member sees and reads their unlisted community", CanSeeCommunity(member, unlisted) && CanReadCommunity(member, unlisted), true},
		{"everyone reads a public community", CanReadCommunity(visitor, public), true},
		{"reading a public community does not let one post there", CanPostInCommunity(alice, public), false},
		{"a member posts in their community", CanPostInCommunity(member, public), true},
		{"a member does not manage their community", CanManageCommunity(member, public), false},
		{"a manager manages their community", CanManageCommunity(manager, unlisted), true},
		{"a signed-in outsider may join a public community", CanJoinCommunity(alice, public), true},
		{"nobody joins a private community without being let in", CanJoinCommunity(alice, listed), false},
		{"an outsider may ask to join a listed private community", CanRequestToJoin(alice, listed), true},
		{"nobody asks to join a community they cannot see", CanRequestToJoin(alice, unlisted), false},
		{"an admin sees every community", CanSeeCommunity(admin, unlisted), true},

		// Notes and other content.
		{"a visitor reads a public note", CanViewContent(visitor, publicNote), true},
		{"a member of C sees C's community note", CanViewContent(member, communityNote), true},
		{"a non-member does not see a community note", CanViewContent(alice, communityNote), false},
		{"an admin does not read a community note of a community they are not in", CanViewContent(admin, communityNote), false},
		{"an admin does not read a private note", CanViewContent(admin, privateNote), false},
		{"the author reads their private note", CanViewContent(author, privateNote), true},
		{"a member does not edit a community note they did not write", CanEditContent(member, communityNote), false},
		{"the author edits their note", CanEditContent(author, publicNote), true},
		{"nobody edits a public note by reading it", CanEditContent(alice, publicNote), false},
		{"a private note's file is as private as the note", CanViewAttachment(alice, privateNote), false},
		{"a contributor sees a private notebook", CanViewContent(member, privateBook), true},
		{"a contributor adds to a notebook", CanContributeContent(member, privateBook), true},
		{"a contributor does not manage a notebook", CanEditContent(member, privateBook), false},
		{"an admin does not read a private notebook", CanViewContent(admin, privateBook), false},

		// Discussion.
		{"a member reads a thread of their private community", CanViewThread(member, thread), true},
		{"an outsider does not read a thread of a private community", CanViewThread(alice, thread), false},
		{"a hidden thread is seen by its author", CanViewThread(member, hiddenThread), true},
		{"a hidden thread is seen by the managers", CanViewThread(manager, hiddenThread), true},
		{"a hidden thread is not seen by the other members", CanViewThread(Viewer{UserID: "sam", Roles: map[string]Role{"u": RoleMember}}, hiddenThread), false},
		{"a hidden thread of a public community is not seen by a visitor", CanViewThread(visitor, hiddenPublic), false},
		{"a hidden thread of a public community is not seen by a signed-in reader", CanViewThread(alice, hiddenPublic), false},
		{"the author edits their post", CanEditPost(member, "mia", unlisted), true},
		{"a manager edits any post of their community", CanEditPost(manager, "mia", unlisted), true},
		{"another member does not edit someone's post", CanEditPost(alice, "mia", public), false},

		// Messages and notifications.
		{"a participant reads the conversation", CanViewConversation(member, conversation), true},
		{"nobody else reads a conversation", CanViewConversation(alice, conversation), false},
		{"an admin does not read other people's conversations", CanViewConversation(admin, conversation), false},
		{"a visitor reads no conversation", CanViewConversation(visitor, []string{""}), false},
		{"a notification is for its recipient", CanViewNotification(member, "mia"), true},
		{"a notification is not for anyone else", CanViewNotification(admin, "mia"), false},

		// Tags and organisations.
		{"a curated tag is public", CanViewTag(visitor, TagAccess{Curated: true}), true},
		{"a free tag nobody visible carries does not exist for a visitor", CanViewTag(visitor, TagAccess{CreatedBy: "ana"}), false},
		{"a free tag exists for the person who made it", CanViewTag(author, TagAccess{CreatedBy: "ana"}), true},
		{"a free tag exists once something visible carries it", CanViewTag(alice, TagAccess{CreatedBy: "ana", VisibleUses: 1}), true},
		{"the directory of organisations is public", CanViewOrganization(visitor, OrganizationAccess{CreatedBy: "ana"}), true},
		{"an organisation is edited by its creator", CanEditOrganization(author, OrganizationAccess{CreatedBy: "ana"}), true},
		{"an organisation is not edited by any member", CanEditOrganization(alice, OrganizationAccess{CreatedBy: "ana"}), false},
	} {
		if c.got != c.want {
			t.Errorf("%s: the policy says %v", c.rule, c.got)
		}
	}
}
