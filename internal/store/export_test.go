package store

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
)

// This file lends the derived filters to the external tests of package
// store_test (it is compiled for tests only).

type filterKind struct {
	from   string
	viewer func(v maillage.Viewer, a *args) string
	recip  func(u string) string
}

// filterKinds names the item kinds whose derived filters the tests check,
// with the tables each one reads (aliased x).
func filterKinds() map[string]filterKind {
	return map[string]filterKind{
		"profile": {"users x", func(v maillage.Viewer, a *args) string { return profileVisibleSQL(v, "x", a) },
			func(u string) string { return forRecipient(u).where(profileRule("x")) }},
		"community-see": {"communities x", func(v maillage.Viewer, a *args) string { return communitySeeSQL(v, "x", a) },
			func(u string) string { return recipientSeesCommunitySQL(u, "x") }},
		"community-read": {"communities x", func(v maillage.Viewer, a *args) string { return communityReadSQL(v, "x", a) },
			func(u string) string { return forRecipient(u).where(communityRule("x", readAudiences)) }},
		"note": {"notes x", func(v maillage.Viewer, a *args) string { return noteVisibleSQL(v, "x", a) },
			func(u string) string { return recipientSeesContentSQL(u, noteRule("x")) }},
		"notebook": {"notebooks x", func(v maillage.Viewer, a *args) string { return notebookVisibleSQL(v, "x", a) },
			func(u string) string { return recipientSeesContentSQL(u, notebookRule("x")) }},
		"knowledge-base": {"knowledge_bases x", func(v maillage.Viewer, a *args) string { return knowledgeBaseVisibleSQL(v, "x", a) },
			func(u string) string { return forRecipient(u).where(knowledgeBaseRule("x")) }},
		"thread": {"threads x JOIN communities c ON c.id = x.community_id",
			func(v maillage.Viewer, a *args) string { return threadVisibleSQL(v, "x", "c", a) },
			func(u string) string { return recipientSeesThreadSQL(u, "x", "c") }},
		"reply": {"replies x JOIN threads t ON t.id = x.thread_id JOIN communities c ON c.id = t.community_id",
			func(v maillage.Viewer, a *args) string {
				return "(" + threadVisibleSQL(v, "t", "c", a) + " AND " + replyVisibleSQL(v, "x", "t", a) + ")"
			},
			func(u string) string {
				return "(" + recipientSeesThreadSQL(u, "t", "c") + " AND " +
					forRecipient(u).where(moderationRule("x.hidden", "x.author_id", "t.community_id")) + ")"
			}},
		"meeting": {"meetings x JOIN communities c ON c.id = x.community_id",
			func(v maillage.Viewer, a *args) string { return meetingVisibleSQL(v, "x", "c", a) },
			func(u string) string { return forRecipient(u).where(meetingRule("x", "c")) }},
		"actor": {"actors x", func(v maillage.Viewer, a *args) string { return actorVisibleSQL(v, "x", a) },
			func(u string) string { return forRecipient(u).where(actorRule("x")) }},
		"actor-approve": {"actors x", func(v maillage.Viewer, a *args) string { return forViewer(v, a).where(actorApproveRule("x")) },
			func(u string) string { return forRecipient(u).where(actorApproveRule("x")) }},
		"note-invitation": {"notes x",
			func(v maillage.Viewer, a *args) string { return forViewer(v, a).where(noteInvitations("x.id")) },
			func(u string) string { return recipientInvitedSQL(u, maillage.InviteNote, "x.id") }},
	}
}

func noteInvitations(id string) rule {
	t, _ := invitationTableOf(maillage.InviteNote)
	return invitationRule(t, id)
}

// FilterKinds lists the kinds VisibleIDs and RecipientPairs know.
func FilterKinds() []string {
	out := make([]string, 0, len(filterKinds()))
	for k := range filterKinds() {
		out = append(out, k)
	}
	return out
}

// VisibleIDs returns the IDs of the items of a kind that the derived
// viewer filter lets v see.
func (db *DB) VisibleIDs(ctx context.Context, kind string, v maillage.Viewer) ([]string, error) {
	var a args
	f := filterKinds()[kind]
	return db.notifyIDs(ctx, "SELECT x.id FROM "+f.from+" WHERE "+f.viewer(v, &a), a...)
}

// RecipientPairs returns "item user" pairs for every user whom the
// derived recipient filter lets see an item of the kind.
func (db *DB) RecipientPairs(ctx context.Context, kind string) ([]string, error) {
	f := filterKinds()[kind]
	return db.notifyIDs(ctx, "SELECT x.id || ' ' || ru.id FROM "+f.from+" CROSS JOIN users ru WHERE "+f.recip("ru.id"))
}

// DerivedFilter returns the SQL text of a kind's viewer filter, for tests
// that check its shape.
func DerivedFilter(kind string, v maillage.Viewer) (string, int) {
	var a args
	s := filterKinds()[kind].viewer(v, &a)
	return s, len(a)
}
