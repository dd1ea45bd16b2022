package maillage

import "testing"

func TestContentPolicy(t *testing.T) {
	anon := Anonymous()
	author := Viewer{UserID: "a"}
	member := Viewer{UserID: "m", Roles: map[string]Role{"c1": RoleMember}}
	outsider := Viewer{UserID: "o"}
	admin := Viewer{UserID: "x", Admin: true}
	contrib := Viewer{UserID: "k"}

	cases := []struct {
		name    string
		content ContentAccess
		viewer  Viewer
		view    bool
		edit    bool
	}{
		{"public/anon", ContentAccess{Visibility: VisibilityPublic, OwnerIDs: []string{"a"}}, anon, true, false},
		{"public/author", ContentAccess{Visibility: VisibilityPublic, OwnerIDs: []string{"a"}}, author, true, true},
		{"community/member", ContentAccess{Visibility: VisibilityCommunity, CommunityID: "c1", OwnerIDs: []string{"a"}}, member, true, false},
		{"community/outsider", ContentAccess{Visibility: VisibilityCommunity, CommunityID: "c1", OwnerIDs: []string{"a"}}, outsider, false, false},
		{"community/anon", ContentAccess{Visibility: VisibilityCommunity, CommunityID: "c1", OwnerIDs: []string{"a"}}, anon, false, false},
		{"community/no community", ContentAccess{Visibility: VisibilityCommunity, OwnerIDs: []string{"a"}}, member, false, false},
		{"community/author outside it", ContentAccess{Visibility: VisibilityCommunity, CommunityID: "c2", OwnerIDs: []string{"a"}}, author, true, true},
		{"private/author", ContentAccess{Visibility: VisibilityPrivate, OwnerIDs: []string{"a"}}, author, true, true},
		{"private/member", ContentAccess{Visibility: VisibilityPrivate, CommunityID: "c1", OwnerIDs: []string{"a"}}, member, false, false},
		{"private/admin", ContentAccess{Visibility: VisibilityPrivate, OwnerIDs: []string{"a"}}, admin, false, false},
		{"private/contributor", ContentAccess{Visibility: VisibilityPrivate, OwnerIDs: []string{"a"}, ContributorIDs: []string{"k"}}, contrib, true, false},
		{"private/anon with empty owner", ContentAccess{Visibility: VisibilityPrivate, OwnerIDs: []string{""}}, anon, false, false},
	}
	for _, c := range cases {
		if got := CanViewContent(c.viewer, c.content); got != c.view {
			t.Errorf("%s: CanViewContent = %v, want %v", c.name, got, c.view)
		}
		if got := CanEditContent(c.viewer, c.content); got != c.edit {
			t.Errorf("%s: CanEditContent = %v, want %v", c.name, got, c.edit)
		}
		if c.view != CanViewAttachment(c.viewer, c.content) {
			t.Errorf("%s: attachment visibility differs from its note's", c.name)
		}
	}
}

func TestCommunityPolicy(t *testing.T) {
	pub := CommunityAccess{ID: "p", Visibility: VisibilityPublic}
	listed := CommunityAccess{ID: "l", Visibility: VisibilityPrivate, Listed: true}
	hidden := CommunityAccess{ID: "h", Visibility: VisibilityPrivate}
	anon := Anonymous()
	out := Viewer{UserID: "o"}
	mem := Viewer{UserID: "m", Roles: map[string]Role{"p": RoleMember, "l": RoleMember, "h": RoleMember}}
	mgr := Viewer{UserID: "g", Roles: map[string]Role{"h": RoleManager}}
	admin := Viewer{UserID: "x", Admin: true}

	cases := []struct {
		name                                   string
		v                                      Viewer
		c                                      CommunityAccess
		see, read, join, request, manage, post bool
	}{
		{"public/anon", anon, pub, true, true, false, false, false, false},
		{"public/outsider", out, pub, true, true, true, false, false, false},
		{"public/member", mem, pub, true, true, false, false, false, true},
		{"listed/anon", anon, listed, true, false, false, false, false, false},
		{"listed/outsider", out, listed, true, false, false, true, false, false},
		{"listed/member", mem, listed, true, true, false, false, false, true},
		{"hidden/anon", anon, hidden, false, false, false, false, false, false},
		{"hidden/outsider", out, hidden, false, false, false, false, false, false},
		{"hidden/member", mem, hidden, true, true, false, false, false, true},
		{"hidden/manager", mgr, hidden, true, true, false, false, true, true},
		{"hidden/admin", admin, hidden, true, true, false, true, true, true},
	}
	for _, c := range cases {
		got := []bool{CanSeeCommunity(c.v, c.c), CanReadCommunity(c.v, c.c), CanJoinCommunity(c.v, c.c),
			CanRequestToJoin(c.v, c.c), CanManageCommunity(c.v, c.c), CanPostInCommunity(c.v, c.c)}
		want := []bool{c.see, c.read, c.join, c.request, c.manage, c.post}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: rule %d (see, read, join, request, manage, post) = %v, want %v", c.name, i, got[i], want[i])
			}
		}
		// Reading implies seeing: content never shows for a community that is absent.
		if CanReadCommunity(c.v, c.c) && !CanSeeCommunity(c.v, c.c) {
			t.Errorf("%s: readable but not visible", c.name)
		}
	}
}

func TestThreadAndPrivateItems(t *testing.T) {
	hidden := CommunityAccess{ID: "h", Visibility: VisibilityPrivate}
	mem := Viewer{UserID: "m", Roles: map[string]Role{"h": RoleMember}}
	author := Viewer{UserID: "w", Roles: map[string]Role{"h": RoleMember}}
	mgr := Viewer{UserID: "g", Roles: map[string]Role{"h": RoleManager}}
	th := ThreadAccess{Community: hidden, AuthorID: "w", Hidden: true}
	if CanViewThread(mem, th) || !CanViewThread(author, th) || !CanViewThread(mgr, th) {
		t.Error("a moderated thread is for its author and managers only")
	}
	if CanViewThread(Viewer{UserID: "o"}, ThreadAccess{Community: hidden, AuthorID: "w"}) {
		t.Error("a private community's thread leaked to an outsider")
	}
	if !CanViewConversation(mem, []string{"m", "w"}) || CanViewConversation(mgr, []string{"m", "w"}) {
		t.Error("conversations are for participants only")
	}
	if CanViewNotification(Anonymous(), "") || CanViewNotification(mem, "w") || !CanViewNotification(mem, "m") {
		t.Error("notifications are for their recipient only")
	}
}

func TestProfilePolicy(t *testing.T) {
	pub := ProfileAccess{UserID: "u", Visibility: ProfilePublic, Contact: ContactMessages}
	mem := ProfileAccess{UserID: "u", Visibility: ProfileMembers, Contact: ContactEmail}
	anon, other, self := Anonymous(), Viewer{UserID: "o"}, Viewer{UserID: "u"}
	if !CanViewProfile(anon, pub) || CanViewProfile(anon, mem) || !CanViewProfile(other, mem) || !CanViewProfile(self, mem) {
		t.Error("profile visibility")
	}
	if CanViewEmail(anon, mem) || !CanViewEmail(other, mem) || CanViewEmail(other, pub) || !CanViewEmail(self, pub) {
		t.Error("email visibility follows the contact preference")
	}
	if CanEditProfile(other, "u") || !CanEditProfile(self, "u") || CanEditProfile(anon, "") {
		t.Error("profile editing")
	}
}

func TestTagPolicy(t *testing.T) {
	maker := Viewer{UserID: "m"}
	cases := []struct {
		t    TagAccess
		v    Viewer
		want bool
	}{
		{TagAccess{Curated: true}, Anonymous(), true},
		{TagAccess{CreatedBy: "m"}, Anonymous(), false},
		{TagAccess{CreatedBy: "m"}, maker, true},
		{TagAccess{CreatedBy: "m"}, Viewer{UserID: "o"}, false},
		{TagAccess{CreatedBy: "m", VisibleUses: 1}, Anonymous(), true},
		{TagAccess{}, Anonymous(), false},
	}
	for i, c := range cases {
		if got := CanViewTag(c.v, c.t); got != c.want {
			t.Errorf("case %d: %v, want %v", i, got, c.want)
		}
	}
}

func TestOrganizationPolicy(t *testing.T) {
	o := OrganizationAccess{CreatedBy: "c", AdminIDs: []string{"a"}}
	if !CanViewOrganization(Anonymous(), o) {
		t.Error("the directory is public")
	}
	if CanEditOrganization(Anonymous(), OrganizationAccess{}) || CanEditOrganization(Viewer{UserID: "o"}, o) {
		t.Error("strangers may not edit")
	}
	for _, id := range []string{"c", "a"} {
		if !CanEditOrganization(Viewer{UserID: id}, o) {
			t.Errorf("%s should edit", id)
		}
	}
}
