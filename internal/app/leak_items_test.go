package app_test

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/maillage/maillage/internal/maillage"
)

// The world's items as route parameters name them, each with the actions
// the route rules ask about, answered by the access policy.

type leakCan = map[string]func(maillage.Viewer) bool

// leakCode finds a secret code in a label.
var leakCode = regexp.MustCompile(`uq[0-9]{4}`)

// tagSecrets registers the tags' secrets: a free tag exists for a viewer
// when something they may see carries it, or they made it.
func (w *leakWorld) tagSecrets() {
	for _, tg := range w.sortedTags() {
		if code := leakCode.FindString(tg.label); code != "" {
			// Its followers keep its label in their follows: they saw it
			// when they followed it.
			w.secret(code, "tag "+tg.label, "", func(v maillage.Viewer) bool { return tg.visible(v) || tg.followers[v.UserID] })
		}
	}
}

func (tg *leakTag) visible(v maillage.Viewer) bool {
	uses := 0
	for _, c := range tg.carriers {
		if c.visible(v) {
			uses++
		}
	}
	return maillage.CanViewTag(v, maillage.TagAccess{CreatedBy: tg.createdBy, VisibleUses: uses})
}

// buildItems indexes the world by kind.
func (w *leakWorld) buildItems() {
	w.items = map[string][]*leakItem{}
	add := func(kind, label string, vals map[string]string, can leakCan) {
		w.items[kind] = append(w.items[kind], &leakItem{kind: kind, label: label, vals: vals, can: can})
	}
	for _, p := range w.people {
		u := p
		see := func(v maillage.Viewer) bool { return maillage.CanViewProfile(v, u.u.Access()) }
		add("user", u.u.Name, map[string]string{"user": u.u.ID}, leakCan{
			"see":   see,
			"other": func(v maillage.Viewer) bool { return see(v) && v.SignedIn() && v.UserID != u.u.ID },
		})
	}
	for _, o := range w.orgs {
		access := maillage.OrganizationAccess{CreatedBy: o.CreatedBy}
		add("org", o.Name, map[string]string{"org": o.ID}, leakCan{
			"see":  func(v maillage.Viewer) bool { return maillage.CanViewOrganization(v, access) },
			"edit": func(v maillage.Viewer) bool { return maillage.CanEditOrganization(v, access) },
		})
	}
	for _, lc := range w.communities {
		c := lc
		see := func(v maillage.Viewer) bool { return maillage.CanSeeCommunity(v, c.c.Access()) }
		add("community", c.c.Name, map[string]string{"community": c.c.ID}, leakCan{
			"see": see,
			// An unlisted private community shows itself to the person
			// invited to it, as an invitation.
			"page":   func(v maillage.Viewer) bool { return see(v) || c.invited[v.UserID] },
			"read":   func(v maillage.Viewer) bool { return maillage.CanReadCommunity(v, c.c.Access()) },
			"manage": func(v maillage.Viewer) bool { return see(v) && maillage.CanManageCommunity(v, c.c.Access()) },
			"post":   func(v maillage.Viewer) bool { return see(v) && maillage.CanPostInCommunity(v, c.c.Access()) },
			// Feeds are for public communities, read by feed readers.
			"feed":  func(maillage.Viewer) bool { return c.c.Visibility == maillage.VisibilityPublic },
			"cover": func(v maillage.Viewer) bool { return c.cover && see(v) },
		})
	}
	for _, ln := range w.notes {
		n := ln
		see := func(v maillage.Viewer) bool { return maillage.CanViewContent(v, n.n.Access()) }
		edit := func(v maillage.Viewer) bool { return maillage.CanEditContent(v, n.n.Access()) }
		add("note", n.n.Title, map[string]string{"note": n.n.ID}, leakCan{"see": see, "edit": edit,
			// A pending invitation shows the note's title to its invitee.
			"page": func(v maillage.Viewer) bool { return see(v) || n.invited[v.UserID] }})
		for i := 1; i <= n.revs; i++ {
			add("revision", fmt.Sprintf("revision %d of %s", i, n.n.Title), map[string]string{"note": n.n.ID, "revision": strconv.Itoa(i)},
				leakCan{"see": see, "edit": edit})
		}
		for _, a := range n.files {
			add("attachment", a.Name, map[string]string{"note": n.n.ID, "attachment": a.ID, "attachment-name": a.Name}, leakCan{
				"see": func(v maillage.Viewer) bool { return maillage.CanViewAttachment(v, n.n.Access()) }, "edit": edit})
		}
	}
	for _, lnb := range w.notebooks {
		nb := lnb
		see := func(v maillage.Viewer) bool { return maillage.CanViewContent(v, nb.nb.Access()) }
		add("notebook", nb.nb.Title, map[string]string{"notebook": nb.nb.ID}, leakCan{
			"see":        see,
			"page":       func(v maillage.Viewer) bool { return see(v) || nb.invited[v.UserID] },
			"edit":       func(v maillage.Viewer) bool { return maillage.CanEditContent(v, nb.nb.Access()) },
			"contribute": func(v maillage.Viewer) bool { return maillage.CanContributeContent(v, nb.nb.Access()) },
			// Feeds are for public notebooks.
			"feed":  func(maillage.Viewer) bool { return nb.nb.Visibility == maillage.VisibilityPublic },
			"cover": func(v maillage.Viewer) bool { return nb.cover && see(v) },
		})
	}
	for _, lkb := range w.kbs {
		kb := lkb
		see := func(v maillage.Viewer) bool { return maillage.CanViewContent(v, kb.kb.Access()) }
		add("kb", kb.kb.Title, map[string]string{"kb": kb.kb.ID}, leakCan{
			"see":        see,
			"page":       func(v maillage.Viewer) bool { return see(v) || kb.invited[v.UserID] },
			"edit":       func(v maillage.Viewer) bool { return maillage.CanEditContent(v, kb.kb.Access()) },
			"contribute": func(v maillage.Viewer) bool { return maillage.CanContributeContent(v, kb.kb.Access()) },
		})
	}
	for _, lt := range w.threads {
		th := lt
		see := func(v maillage.Viewer) bool { return maillage.CanViewThread(v, th.th.Access()) }
		add("thread", th.th.Title, map[string]string{"thread": th.th.ID}, leakCan{
			"see":           see,
			"see-signed-in": func(v maillage.Viewer) bool { return see(v) && v.SignedIn() },
			"edit": func(v maillage.Viewer) bool {
				return see(v) && maillage.CanEditPost(v, th.th.AuthorID, th.th.Community)
			},
		})
	}
	for _, lr := range w.replies {
		r := lr
		see := func(v maillage.Viewer) bool { return w.replyVisible(v, r) }
		add("reply", "reply in "+r.th.th.Title, map[string]string{"reply": r.r.ID}, leakCan{
			"see":           see,
			"see-signed-in": func(v maillage.Viewer) bool { return see(v) && v.SignedIn() },
			"edit": func(v maillage.Viewer) bool {
				return see(v) && maillage.CanEditPost(v, r.r.AuthorID, r.th.th.Community)
			},
		})
	}
	for _, lc := range w.convs {
		c := lc
		add("conversation", c.subject, map[string]string{"conversation": c.id}, leakCan{
			"see": func(v maillage.Viewer) bool { return maillage.CanViewConversation(v, c.participants) },
		})
	}
	for _, ln := range w.notifs {
		n := ln
		add("notification", fmt.Sprintf("notification %s to %s", n.n.Kind, w.person(n.recipient).u.Name),
			map[string]string{"notification": n.n.ID}, leakCan{
				// Its recipient opens it while they may still see what it is about.
				"see": func(v maillage.Viewer) bool {
					return maillage.CanViewNotification(v, n.recipient) && w.subjectVisible(v, n.n.SubjectType, n.n.SubjectID)
				},
			})
	}
	for _, tg := range w.sortedTags() {
		tag := tg
		add("tag", tag.label, map[string]string{"tag": tag.slug}, leakCan{
			"see":    func(v maillage.Viewer) bool { return tag.visible(v) },
			"curate": func(v maillage.Viewer) bool { return tag.visible(v) && maillage.CanCurate(v) },
		})
	}
	w.addActorItems()
	w.addNominationItems()
	for _, tk := range w.tokens {
		add("token", "unsubscribe link of "+w.person(tk.owner).u.Name, map[string]string{"token": tk.token}, leakCan{
			// The link is its own credential: whoever holds it may use it.
			"see": func(maillage.Viewer) bool { return true },
		})
	}
	w.addMeetingItems()
	w.buildRecruitmentItems()
}
