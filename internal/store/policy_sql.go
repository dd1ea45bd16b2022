package store

import "github.com/maillage/maillage/internal/maillage"

// This file describes each kind of item to the compiler of
// audience_sql.go: the states of the columns its access rule reads, and
// where the IDs it names live. The rules themselves are package
// maillage's; nothing here says who may see what.

// profileRule describes users aliased u to maillage.ProfileAccess.Audiences.
func profileRule(u string) rule {
	r := rule{refs: map[string]sqlRef{"user": {column: u + ".id"}}}
	for _, vis := range []maillage.ProfileVisibility{maillage.ProfilePublic, maillage.ProfileMembers} {
		p := maillage.ProfileAccess{UserID: ref("user"), Visibility: vis}
		r.states = append(r.states, ruleState{cond: u + ".profile_visibility = '" + string(vis) + "'", audiences: p.Audiences()})
	}
	return r
}

// communityRule describes communities aliased c; audiences picks the
// rule (maillage.CommunityAccess.SeeAudiences or ReadAudiences).
func communityRule(c string, audiences func(maillage.CommunityAccess) []maillage.Audience) rule {
	r := rule{refs: map[string]sqlRef{"community": {column: c + ".id"}}}
	for _, vis := range []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityPrivate} {
		for _, listed := range []bool{true, false} {
			cond := c + ".visibility = '" + string(vis) + "' AND "
			if !listed {
				cond += "NOT "
			}
			ca := maillage.CommunityAccess{ID: ref("community"), Visibility: vis, Listed: listed}
			r.states = append(r.states, ruleState{cond: "(" + cond + c + ".listed)", audiences: audiences(ca)})
		}
	}
	return r
}

// contentRule describes rows aliased x with visibility and community_id
// columns to maillage.ContentAccess.Audiences; owners and contributors
// say where the item's people are listed (a zero sqlRef: it has none).
func contentRule(x string, owners, contributors sqlRef) rule {
	r := rule{refs: map[string]sqlRef{"community": {column: x + ".community_id"}, "owners": owners}}
	if contributors.table != "" {
		r.refs["contributors"] = contributors
	}
	for _, vis := range []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityCommunity, maillage.VisibilityPrivate} {
		ca := maillage.ContentAccess{Visibility: vis, CommunityID: ref("community"),
			OwnerIDs: []string{ref("owners")}, ContributorIDs: []string{ref("contributors")}}
		r.states = append(r.states, ruleState{cond: x + ".visibility = '" + string(vis) + "'", audiences: ca.Audiences()})
	}
	return r
}

// moderationRule describes posts (threads or replies) to
// maillage.ThreadAccess.ModerationAudiences: hidden, author and community
// are the SQL expressions of the post's hidden flag, author and community.
func moderationRule(hidden, author, community string) rule {
	r := rule{refs: map[string]sqlRef{"author": {column: author}, "community": {column: community}}}
	for _, h := range []bool{false, true} {
		cond := hidden
		if !h {
			cond = "NOT " + hidden
		}
		t := maillage.ThreadAccess{Community: maillage.CommunityAccess{ID: ref("community")}, AuthorID: ref("author"), Hidden: h}
		r.states = append(r.states, ruleState{cond: "(" + cond + ")", audiences: t.ModerationAudiences()})
	}
	return r
}

// peopleOf lists the people of a row in a members table, with one role.
func peopleOf(table, key, row string, role maillage.NotebookRole) sqlRef {
	return sqlRef{table: table, key: key, row: row, extra: "role = '" + string(role) + "'"}
}

func noteRule(n string) rule {
	return contentRule(n, sqlRef{table: "note_authors", key: "note_id", row: n + ".id"}, sqlRef{})
}

func notebookRule(b string) rule {
	return contentRule(b, peopleOf("notebook_members", "notebook_id", b+".id", maillage.NotebookManager),
		peopleOf("notebook_members", "notebook_id", b+".id", maillage.NotebookContributor))
}

func knowledgeBaseRule(k string) rule {
	return contentRule(k, peopleOf("knowledge_base_members", "knowledge_base_id", k+".id", maillage.NotebookManager),
		peopleOf("knowledge_base_members", "knowledge_base_id", k+".id", maillage.NotebookContributor))
}

// actorRule describes actor cards aliased x to maillage.ActorAccess.Audiences.
func actorRule(x string) rule {
	r := rule{refs: map[string]sqlRef{"community": {column: x + ".community_id"},
		"creator": {column: x + ".created_by"}, "claimer": {column: x + ".claimed_user_id"}}}
	for _, vis := range maillage.ActorVisibilities() {
		ac := maillage.ActorAccess{Visibility: maillage.ActorVisibility(vis), CommunityID: ref("community"),
			CreatedBy: ref("creator"), ClaimedUserID: ref("claimer")}
		r.states = append(r.states, ruleState{cond: x + ".visibility = '" + vis + "'", audiences: ac.Audiences()})
	}
	return r
}

// actorApproveRule describes actor cards aliased x to
// maillage.ActorAccess.ApproveAudiences (who answers claims of the card).
func actorApproveRule(x string) rule {
	r := rule{refs: map[string]sqlRef{"community": {column: x + ".community_id"},
		"creator": {column: x + ".created_by"}, "claimer": {column: x + ".claimed_user_id"}}}
	for _, vis := range maillage.ActorVisibilities() {
		ac := maillage.ActorAccess{Visibility: maillage.ActorVisibility(vis), CommunityID: ref("community"),
			CreatedBy: ref("creator"), ClaimedUserID: ref("claimer")}
		r.states = append(r.states, ruleState{cond: x + ".visibility = '" + vis + "'", audiences: ac.ApproveAudiences()})
	}
	return r
}

// actorRequestAnswerSQL is maillage.CanAnswerActorRequest for requests
// aliased r about cards aliased x: claims by the card's approvers, the
// other kinds by whoever the policy says for a card-independent request.
func actorRequestAnswerSQL(v maillage.Viewer, r, x string, a *args) string {
	claim := string(maillage.ActorRequestClaim)
	other := "FALSE"
	if maillage.CanAnswerActorRequest(v, maillage.ActorRequestCorrection, maillage.ActorAccess{}) &&
		maillage.CanAnswerActorRequest(v, maillage.ActorRequestRemoval, maillage.ActorAccess{}) {
		other = "TRUE"
	}
	return "((" + r + ".kind = '" + claim + "' AND " + forViewer(v, a).where(actorApproveRule(x)) + ") OR (" +
		r + ".kind <> '" + claim + "' AND " + other + "))"
}

// actorVisibleSQL is maillage.CanViewActor for cards aliased x.
func actorVisibleSQL(v maillage.Viewer, x string, a *args) string {
	return forViewer(v, a).where(actorRule(x))
}

func seeAudiences(c maillage.CommunityAccess) []maillage.Audience  { return c.SeeAudiences() }
func readAudiences(c maillage.CommunityAccess) []maillage.Audience { return c.ReadAudiences() }

// profileVisibleSQL is maillage.CanViewProfile for users aliased u.
func profileVisibleSQL(v maillage.Viewer, u string, a *args) string {
	return forViewer(v, a).where(profileRule(u))
}

// communitySeeSQL is maillage.CanSeeCommunity for communities aliased c.
func communitySeeSQL(v maillage.Viewer, c string, a *args) string {
	return forViewer(v, a).where(communityRule(c, seeAudiences))
}

// communityReadSQL is maillage.CanReadCommunity for communities aliased c.
func communityReadSQL(v maillage.Viewer, c string, a *args) string {
	return forViewer(v, a).where(communityRule(c, readAudiences))
}

// noteVisibleSQL is maillage.CanViewContent for notes aliased n: the
// authors own a note.
func noteVisibleSQL(v maillage.Viewer, n string, a *args) string {
	return forViewer(v, a).where(noteRule(n))
}

// notebookVisibleSQL is maillage.CanViewContent for notebooks aliased b:
// managers own a notebook, contributors add to it.
func notebookVisibleSQL(v maillage.Viewer, b string, a *args) string {
	return forViewer(v, a).where(notebookRule(b))
}

// knowledgeBaseVisibleSQL is maillage.CanViewContent for knowledge bases
// aliased k.
func knowledgeBaseVisibleSQL(v maillage.Viewer, k string, a *args) string {
	return forViewer(v, a).where(knowledgeBaseRule(k))
}

// threadVisibleSQL is maillage.CanViewThread for threads aliased t in
// communities aliased c: the community's readers, and for a hidden thread
// only its author and the managers.
func threadVisibleSQL(v maillage.Viewer, t, c string, a *args) string {
	k := forViewer(v, a)
	return and(k.where(communityRule(c, readAudiences)), k.where(moderationRule(t+".hidden", t+".author_id", t+".community_id")))
}

// replyVisibleSQL is the moderation half of maillage.CanViewThread for
// replies aliased r of a thread aliased t that the viewer may already see.
func replyVisibleSQL(v maillage.Viewer, r, t string, a *args) string {
	return forViewer(v, a).where(moderationRule(r+".hidden", r+".author_id", t+".community_id"))
}

// profileNameSQL is the name of the person aliased u as the viewer may see
// it: a profile the viewer may not see gives no name ("a member").
// It binds no parameter, so it can sit in a select list whose query is
// counted separately: the profile rule never needs the viewer's ID in SQL
// to decide a name (their own profile is visible in every state).
func profileNameSQL(v maillage.Viewer, u string) string {
	var none args
	visible := forViewer(v, &none).where(profileRule(u))
	if len(none) > 0 {
		// The rule changed so that it needs the viewer's ID: show no
		// names rather than guess.
		return "''"
	}
	if visible == "TRUE" {
		return "COALESCE(" + u + ".name, '')"
	}
	return "COALESCE(CASE WHEN " + visible + " THEN " + u + ".name END, '')"
}

// and joins two filters, dropping a TRUE.
func and(x, y string) string {
	switch {
	case x == "TRUE":
		return y
	case y == "TRUE":
		return x
	}
	return "(" + x + " AND " + y + ")"
}
