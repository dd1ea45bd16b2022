package app_test

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// The steps that build a leak world, in the order buildLeakWorld takes
// them. Each draws from the world's random source, so a seed builds the
// same world again.

func (w *leakWorld) buildPeople(t *testing.T) []*leakUser {
	s := w.m.Service
	var people []*leakUser
	n := 5 + w.pick(3)
	for i := 0; i <= n; i++ {
		admin := i == n
		code := w.code()
		email := fmt.Sprintf("%s@exemple.org", w.code())
		u, err := s.CreateUser(w.ctx, maillage.SignUpInput{Email: email, Name: "Zeta Personne " + code, Password: testutil.Password}, admin)
		w.must(t, "person", err)
		if i == n-1 {
			// A curator who is not an administrator reaches the
			// taxonomy's administration, and nothing more.
			w.must(t, "curator", s.SetCuratorByOperator(w.ctx, u.ID, true))
		}
		// Both profile visibilities, whatever the draw.
		vis := []string{"public", "members"}[w.pick(2)]
		if i < 2 {
			vis = []string{"public", "members"}[i]
		}
		interest := "Zeta intérêt " + w.code()
		in := maillage.ProfileInput{Name: u.Name, Bio: "Bio " + code, ProfileVisibility: vis,
			Contact: []string{"messages", "email", "none"}[w.pick(3)], Language: []string{"fr-CA", "en"}[w.pick(2)],
			Interests: []string{"Zeta commun", interest}}
		u, err = s.UpdateProfile(w.ctx, w.viewerOf(t, u.ID), u.ID, in)
		w.must(t, "profile", err)
		lu := &leakUser{u: u}
		w.secret(code, "profile of "+u.Name, "", func(v maillage.Viewer) bool { return maillage.CanViewProfile(v, lu.u.Access()) })
		w.secret(email[:6], "email address of "+u.Name, "", func(v maillage.Viewer) bool { return maillage.CanViewEmail(v, lu.u.Access()) })
		for _, label := range in.Interests {
			w.tag(label, u.ID, "people", u.ID, func(v maillage.Viewer) bool { return maillage.CanViewProfile(v, lu.u.Access()) })
		}
		plain, _, err := s.CreateToken(w.ctx, w.viewerOf(t, u.ID), "leak test")
		w.must(t, "token", err)
		lu.token = plain
		people = append(people, lu)
		if admin {
			w.admin = lu
		}
		if w.idPrefix == "" {
			w.idPrefix = u.ID[:4]
		}
	}
	return people
}

func (w *leakWorld) buildOrganizations(t *testing.T) {
	s := w.m.Service
	for i := 0; i < 2; i++ {
		creator := w.members()[w.pick(len(w.members()))]
		o, err := s.CreateOrganization(w.ctx, w.viewerOf(t, creator.u.ID), maillage.OrganizationInput{
			Name: "Zeta Organisation " + w.code(), Description: "Un répertoire public.", Tags: []string{"Zeta commun"}}, false)
		w.must(t, "organization", err)
		w.tag("Zeta commun", creator.u.ID, "organizations", o.ID, func(maillage.Viewer) bool { return true })
		for _, p := range w.people {
			if w.chance(0.5) {
				w.must(t, "affiliation", s.DeclareAffiliation(w.ctx, w.viewerOf(t, p.u.ID), o.ID, "Membre"))
			}
		}
		w.orgs = append(w.orgs, o)
	}
}

func (w *leakWorld) buildCommunities(t *testing.T) {
	s := w.m.Service
	png := tinyPNG(t)
	// Every kind at least once: public, private listed, private unlisted.
	kinds := []struct {
		vis    string
		listed bool
	}{{"public", false}, {"private", true}, {"private", false}, {"private", false}}
	for len(kinds) < 6 {
		kinds = append(kinds, struct {
			vis    string
			listed bool
		}{[]string{"public", "private"}[w.pick(2)], w.chance(0.5)})
	}
	for _, k := range kinds {
		creator := w.members()[w.pick(len(w.members()))]
		code := w.code()
		theme := "Zeta thème " + w.code()
		c, err := s.CreateCommunity(w.ctx, w.viewerOf(t, creator.u.ID), maillage.CommunityInput{
			Name: "Zeta Communauté " + code, Description: "Description " + code, Visibility: k.vis, Listed: k.listed,
			Tags: []string{"Zeta commun", theme}})
		w.must(t, "community", err)
		lc := &leakCommunity{c: c, invited: map[string]bool{}}
		w.communities = append(w.communities, lc)
		what := fmt.Sprintf("%s community %s", c.Visibility, c.Name)
		seen := func(v maillage.Viewer) bool {
			return maillage.CanSeeCommunity(v, lc.c.Access()) || lc.invited[v.UserID]
		}
		w.secret(code, what, "", seen)
		// Its ID, not its name, is in the forms of the items linked to it,
		// for their owners ("a hidden community").
		w.secret("", what, c.ID, func(v maillage.Viewer) bool { return seen(v) || w.ownsLinked(v, lc.c.ID) })
		for _, label := range []string{"Zeta commun", theme} {
			w.tag(label, creator.u.ID, "communities", c.ID, func(v maillage.Viewer) bool { return maillage.CanSeeCommunity(v, lc.c.Access()) })
		}
		cv := w.viewerOf(t, creator.u.ID)
		for _, p := range w.members() {
			if p == creator || !w.chance(0.5) {
				continue
			}
			role := maillage.RoleMember
			if w.chance(0.3) {
				role = maillage.RoleManager
			}
			// Consent: an invitation, which most accept; the rest stay
			// pending (read back with the others, see readBack).
			inv, err := s.AddMember(w.ctx, cv, c.ID, p.u.ID, role)
			w.must(t, "member", err)
			if w.chance(0.8) {
				testutil.Accept(t, s, inv)
			}
		}
		if w.chance(0.5) {
			w.must(t, "cover", s.SetCommunityCover(w.ctx, cv, c.ID, "couverture.png", bytes.NewReader(png)))
			lc.cover = true
		}
	}
	// Join requests and pending invitations, from people outside.
	for _, lc := range w.communities {
		var outside []*leakUser
		for _, p := range w.members() {
			if !w.viewerOf(t, p.u.ID).IsMember(lc.c.ID) {
				outside = append(outside, p)
			}
		}
		if len(outside) == 0 {
			continue
		}
		p := outside[w.pick(len(outside))]
		pv := w.viewerOf(t, p.u.ID)
		if maillage.CanRequestToJoin(pv, lc.c.Access()) {
			code := w.code()
			w.must(t, "join request", s.RequestToJoin(w.ctx, pv, lc.c.ID, "Demande "+code))
			w.secret(code, "join request message to "+lc.c.Name, "", func(v maillage.Viewer) bool {
				return v.UserID == p.u.ID || maillage.CanManageCommunity(v, lc.c.Access())
			})
		}
		invitee := outside[w.pick(len(outside))]
		if invitee != p || !maillage.CanRequestToJoin(pv, lc.c.Access()) {
			w.must(t, "invitation", s.Invite(w.ctx, w.managerOf(t, lc), lc.c.ID, invitee.u.ID))
			lc.invited[invitee.u.ID] = true
		}
	}
}

func (w *leakWorld) buildNotes(t *testing.T) {
	s := w.m.Service
	png := tinyPNG(t)
	kinds := maillage.NoteKinds()
	for i := 0; i < 12; i++ {
		author := w.members()[w.pick(len(w.members()))]
		av := w.viewerOf(t, author.u.ID)
		code := w.code()
		label := "Zeta sujet " + w.code()
		in := maillage.NoteInput{Title: "Zeta Note " + code, Kind: kinds[i%len(kinds)],
			Visibility: []string{"public", "community", "private"}[i%3], Tags: []string{"Zeta commun", label}}
		mine := w.communitiesOf(av)
		if in.Visibility == "community" || (in.Visibility == "public" && w.chance(0.5)) {
			// A public note may name a community too: its name is shown
			// only to those who may see the community.
			if len(mine) > 0 {
				in.CommunityID = mine[w.pick(len(mine))]
			} else {
				in.Visibility = "private"
			}
		}
		switch maillage.NoteKind(in.Kind) {
		case maillage.NoteTerm:
			in.Summary = "Définition " + code
		case maillage.NoteOrganization:
			in.OrganizationID = w.orgs[w.pick(len(w.orgs))].ID
		case maillage.NotePerson:
			in.PersonUserID = w.members()[w.pick(len(w.members()))].u.ID
		}
		if w.chance(0.5) {
			if co := w.members()[w.pick(len(w.members()))]; co != author {
				in.AuthorIDs = []string{co.u.ID}
			}
		}
		mentioned := w.people[w.pick(len(w.people))]
		in.Body = fmt.Sprintf("Texte %s. Merci @[collègue](user:%s).", code, mentioned.u.ID)
		ln := &leakNote{owner: author.u.ID}
		// Links only to notes everyone who may read this one may read, so
		// the words of the note never name what its readers may not see;
		// the targets then list this note as a backlink to their own readers.
		draft := &maillage.Note{Visibility: maillage.Visibility(in.Visibility), CommunityID: in.CommunityID,
			Authors: []maillage.NoteAuthor{{UserID: author.u.ID}}}
		for _, id := range in.AuthorIDs {
			draft.Authors = append(draft.Authors, maillage.NoteAuthor{UserID: id})
		}
		viewers := w.everyViewer(t)
		for _, target := range w.notes {
			safe := true
			for _, v := range viewers {
				if maillage.CanViewContent(v, draft.Access()) && !maillage.CanViewContent(v, target.n.Access()) {
					safe = false
				}
			}
			if safe && w.chance(0.6) {
				in.Body += fmt.Sprintf(" Voir [[%s]].", target.n.Title)
				ln.targets = append(ln.targets, target.n.Title)
				target.linked = true
			}
		}
		n, err := s.CreateNote(w.ctx, av, in)
		w.must(t, "note "+in.Title, err)
		// A co-author named is invited; most accept, the rest stay pending.
		if len(in.AuthorIDs) > 0 && w.chance(0.7) {
			testutil.AcceptNote(t, s, n.ID, in.AuthorIDs...)
			n, err = s.Note(w.ctx, av, n.ID)
			w.must(t, "note after consent", err)
		}
		ln.n = n
		w.notes = append(w.notes, ln)
		w.secret(code, fmt.Sprintf("%s note %s", n.Visibility, n.Title), n.ID, func(v maillage.Viewer) bool {
			return maillage.CanViewContent(v, ln.n.Access()) || w.sharedTo(v, ln) || ln.invited[v.UserID]
		})
		for _, l := range in.Tags {
			w.tag(l, author.u.ID, "notes", n.ID, func(v maillage.Viewer) bool { return maillage.CanViewContent(v, ln.n.Access()) })
		}
		if w.chance(0.6) {
			fcode := w.code()
			a, err := s.UploadAttachment(w.ctx, av, n.ID, "fichier-"+fcode+".png", bytes.NewReader(png))
			w.must(t, "attachment", err)
			ln.files = append(ln.files, *a)
			w.secret(fcode, "file of "+n.Title, a.ID, func(v maillage.Viewer) bool { return maillage.CanViewAttachment(v, ln.n.Access()) })
		}
		if w.chance(0.5) {
			// An edit, so the note has a history.
			edit := in
			edit.Body += " Révisé " + code + "."
			edit.AuthorIDs = n.AuthorIDs()[1:]
			n, err = s.UpdateNote(w.ctx, av, n.ID, edit)
			w.must(t, "note edit", err)
			ln.n = n
		}
		if w.chance(0.4) {
			dcode := w.code()
			_, err := s.SaveNoteDraft(w.ctx, av, n.ID, "Zeta Brouillon "+dcode, "Brouillon "+dcode)
			w.must(t, "draft", err)
			w.secret(dcode, "draft by "+author.u.Name, "", func(v maillage.Viewer) bool { return v.UserID == author.u.ID })
		}
	}
	// A draft of a note not yet written.
	p := w.members()[0]
	dcode := w.code()
	_, err := s.SaveNoteDraft(w.ctx, w.viewerOf(t, p.u.ID), "", "Zeta Brouillon "+dcode, "Brouillon "+dcode)
	w.must(t, "new draft", err)
	w.secret(dcode, "new-note draft by "+p.u.Name, "", func(v maillage.Viewer) bool { return v.UserID == p.u.ID })
}

func (w *leakWorld) buildNotebooks(t *testing.T) {
	s := w.m.Service
	png := tinyPNG(t)
	for i := 0; i < 5; i++ {
		creator := w.members()[w.pick(len(w.members()))]
		cv := w.viewerOf(t, creator.u.ID)
		code := w.code()
		in := maillage.NotebookInput{Title: "Zeta Carnet " + code, Description: "Description " + code,
			Visibility: []string{"public", "community", "private"}[i%3]}
		if in.Visibility == "community" {
			if mine := w.communitiesOf(cv); len(mine) > 0 {
				in.CommunityID = mine[w.pick(len(mine))]
			} else {
				in.Visibility = "private"
			}
		}
		nb, err := s.CreateNotebook(w.ctx, cv, in)
		w.must(t, "notebook", err)
		lnb := &leakNotebook{nb: nb, owner: creator.u.ID}
		w.notebooks = append(w.notebooks, lnb)
		w.secret(code, fmt.Sprintf("%s notebook %s", nb.Visibility, nb.Title), nb.ID, func(v maillage.Viewer) bool {
			return maillage.CanViewContent(v, lnb.nb.Access()) || lnb.invited[v.UserID]
		})
		w.inviteRoles(t, creator, "notebook member", func(userID string, role maillage.NotebookRole) (*maillage.Invitation, error) {
			return s.AddNotebookMember(w.ctx, cv, nb.ID, userID, role)
		})
		cat := "Zeta Rubrique " + w.code()
		_, err = s.CreateNotebookCategory(w.ctx, cv, nb.ID, cat)
		w.must(t, "category", err)
		w.secret(cat[len(cat)-6:], "category of "+nb.Title, "", func(v maillage.Viewer) bool { return maillage.CanViewContent(v, lnb.nb.Access()) })
		for _, ln := range w.notes {
			if maillage.CanViewContent(cv, ln.n.Access()) && w.chance(0.6) {
				category := ""
				if w.chance(0.5) {
					category = cat
				}
				_, err := s.AddNoteToNotebook(w.ctx, cv, nb.ID, ln.n.ID, category)
				w.must(t, "notebook note", err)
				lnb.notes = append(lnb.notes, ln.n.ID)
			}
		}
		if w.chance(0.5) {
			w.must(t, "notebook cover", s.SetNotebookCover(w.ctx, cv, nb.ID, "couverture.png", bytes.NewReader(png)))
			lnb.cover = true
		}
	}
	for i := 0; i < 3; i++ {
		creator := w.members()[w.pick(len(w.members()))]
		cv := w.viewerOf(t, creator.u.ID)
		code := w.code()
		in := maillage.NotebookInput{Title: "Zeta Base " + code, Description: "Description " + code,
			Visibility: []string{"public", "community", "private"}[i%3]}
		if in.Visibility == "community" {
			if mine := w.communitiesOf(cv); len(mine) > 0 {
				in.CommunityID = mine[w.pick(len(mine))]
			} else {
				in.Visibility = "private"
			}
		}
		kb, err := s.CreateKnowledgeBase(w.ctx, cv, in)
		w.must(t, "knowledge base", err)
		lkb := &leakKB{kb: kb, owner: creator.u.ID}
		w.kbs = append(w.kbs, lkb)
		w.secret(code, fmt.Sprintf("%s knowledge base %s", kb.Visibility, kb.Title), kb.ID, func(v maillage.Viewer) bool {
			return maillage.CanViewContent(v, lkb.kb.Access()) || lkb.invited[v.UserID]
		})
		w.inviteRoles(t, creator, "knowledge base member", func(userID string, role maillage.NotebookRole) (*maillage.Invitation, error) {
			return s.AddKnowledgeBaseMember(w.ctx, cv, kb.ID, userID, role)
		})
		for _, lnb := range w.notebooks {
			if maillage.CanViewContent(cv, lnb.nb.Access()) && w.chance(0.7) {
				_, err := s.AddNotebookToKnowledgeBase(w.ctx, cv, kb.ID, lnb.nb.ID)
				w.must(t, "knowledge base notebook", err)
				lkb.notebooks = append(lkb.notebooks, lnb.nb.ID)
			}
		}
	}
}

func (w *leakWorld) buildDiscussion(t *testing.T) {
	s := w.m.Service
	// Someone who wants a digest follows the first (public) community, so
	// its discussion reaches a digest.
	w.must(t, "follow", s.Follow(w.ctx, w.viewerOf(t, w.people[1].u.ID), maillage.FollowCommunity, w.communities[0].c.ID))
	for ci, lc := range w.communities {
		members := w.communityMembers(t, lc)
		for i := 0; i < 2; i++ {
			author := members[w.pick(len(members))]
			code := w.code()
			mentioned := w.people[w.pick(len(w.people))]
			if ci == 0 && i == 0 {
				// Named in a public thread, someone who wants every email
				// gets one at once.
				mentioned = w.people[0]
			}
			th, err := s.CreateThread(w.ctx, author, lc.c.ID, maillage.ThreadInput{Title: "Zeta Fil " + code,
				Body: fmt.Sprintf("Bonjour %s, @[collègue](user:%s)", code, mentioned.u.ID)})
			w.must(t, "thread", err)
			lt := &leakThread{th: th}
			w.threads = append(w.threads, lt)
			w.secret(code, "thread "+th.Title, th.ID, func(v maillage.Viewer) bool { return maillage.CanViewThread(v, lt.th.Access()) })
			var parent string
			for j := 0; j < 2; j++ {
				ra := members[w.pick(len(members))]
				rcode := w.code()
				r, err := s.CreateReply(w.ctx, ra, th.ID, maillage.ReplyInput{Body: "Réponse " + rcode, ParentID: parent})
				w.must(t, "reply", err)
				lr := &leakReply{r: r, th: lt}
				w.replies = append(w.replies, lr)
				// By its words only: a visible answer names its parent's ID,
				// hidden or not.
				w.secret(rcode, "reply in "+th.Title, "", func(v maillage.Viewer) bool { return w.replyVisible(v, lr) })
				if w.chance(0.5) {
					parent = r.ID
				}
				if w.chance(0.5) {
					_, err := s.ToggleReaction(w.ctx, members[w.pick(len(members))], maillage.SubjectReply, r.ID, maillage.ReactionHeart)
					w.must(t, "reaction", err)
				}
			}
			if w.chance(0.6) {
				_, err := s.ToggleReaction(w.ctx, members[w.pick(len(members))], maillage.SubjectThread, th.ID, maillage.ReactionThumbsUp)
				w.must(t, "reaction", err)
			}
			if w.chance(0.5) {
				reporter := members[w.pick(len(members))]
				rcode := w.code()
				w.must(t, "report", s.ReportPost(w.ctx, reporter, maillage.SubjectThread, th.ID, "Signalement "+rcode))
				w.secret(rcode, "report on "+th.Title, "", func(v maillage.Viewer) bool {
					return v.UserID == reporter.UserID || maillage.CanManageCommunity(v, lc.c.Access())
				})
			}
		}
		// A note of the community shared into its discussion by one of
		// its authors: a community note only where its readers are the
		// community's (a private one), a public note anywhere.
		for _, ln := range w.notes {
			if ln.n.CommunityID != lc.c.ID || !w.chance(0.6) {
				continue
			}
			av := w.viewerOf(t, ln.owner)
			if !av.IsMember(lc.c.ID) {
				continue
			}
			th, err := s.ShareNote(w.ctx, av, lc.c.ID, ln.n.ID)
			if ln.n.Visibility == maillage.VisibilityCommunity && lc.c.Visibility == maillage.VisibilityPublic {
				if err == nil {
					t.Errorf("[seed %d world %d] a community note was shared into a public community's discussion, which anyone reads", w.seed, w.index)
				}
				continue
			}
			w.must(t, "share note", err)
			ln.shared = true
			w.threads = append(w.threads, &leakThread{th: th})
			break
		}
	}
}

func (w *leakWorld) buildFollowsAndBlocks(t *testing.T) {
	s := w.m.Service
	for _, p := range w.people {
		v := w.viewerOf(t, p.u.ID)
		for _, lc := range w.communities {
			if maillage.CanSeeCommunity(v, lc.c.Access()) && w.chance(0.3) {
				w.must(t, "follow community", s.Follow(w.ctx, v, maillage.FollowCommunity, lc.c.ID))
			}
		}
		for _, lnb := range w.notebooks {
			if maillage.CanViewContent(v, lnb.nb.Access()) && w.chance(0.3) {
				w.must(t, "follow notebook", s.Follow(w.ctx, v, maillage.FollowNotebook, lnb.nb.ID))
			}
		}
		for _, lt := range w.threads {
			if maillage.CanViewThread(v, lt.th.Access()) && w.chance(0.2) {
				w.must(t, "follow thread", s.Follow(w.ctx, v, maillage.FollowThread, lt.th.ID))
			}
		}
		for _, q := range w.people {
			if q != p && w.chance(0.3) {
				w.must(t, "follow person", s.Follow(w.ctx, v, maillage.FollowPerson, q.u.ID))
			}
		}
		for _, tg := range w.sortedTags() {
			if w.chance(0.15) {
				page, err := s.Tag(w.ctx, v, tg.slug, 1)
				if err == nil {
					w.must(t, "follow tag", s.Follow(w.ctx, v, maillage.FollowTag, page.Tag.ID))
					tg.followers[p.u.ID] = true
				}
			}
		}
	}
	// A block or two between people.
	for i := 0; i < 2; i++ {
		a, b := w.members()[w.pick(len(w.members()))], w.members()[w.pick(len(w.members()))]
		if a != b {
			w.must(t, "block", s.BlockPerson(w.ctx, w.viewerOf(t, a.u.ID), b.u.ID))
		}
	}
}

func (w *leakWorld) buildConversations(t *testing.T) {
	s := w.m.Service
	for i := 0; i < 3; i++ {
		size := 2 + w.pick(2)
		var group []*leakUser
		for _, j := range w.r.Perm(len(w.people)) {
			if p := w.people[j]; len(group) < size && (len(group) == 0 || p.u.Contact != maillage.ContactNone) {
				group = append(group, p)
			}
		}
		if len(group) < 2 {
			continue
		}
		var ids, all []string
		for _, p := range group[1:] {
			ids = append(ids, p.u.ID)
		}
		for _, p := range group {
			all = append(all, p.u.ID)
		}
		code := w.code()
		c, err := s.StartConversation(w.ctx, w.viewerOf(t, group[0].u.ID), service.ConversationInput{ParticipantIDs: ids,
			Subject: "Zeta Conversation " + code, Body: "Message " + code})
		if maillage.ErrorCode(err) == maillage.CodeForbidden {
			continue // someone in the group blocked the writer
		}
		w.must(t, "conversation", err)
		if slices.ContainsFunc(w.convs, func(lc *leakConversation) bool { return lc.id == c.ID }) {
			continue // writing to one person again continues your conversation
		}
		lc := &leakConversation{id: c.ID, subject: c.Subject, participants: all}
		w.convs = append(w.convs, lc)
		w.secret(code, "conversation "+c.Subject, c.ID, func(v maillage.Viewer) bool { return maillage.CanViewConversation(v, lc.participants) })
		if _, err := s.PostMessage(w.ctx, w.viewerOf(t, group[1].u.ID), c.ID, "Suite "+code); err != nil &&
			maillage.ErrorCode(err) != maillage.CodeForbidden {
			w.must(t, "message", err)
		}
	}
}

// buildPreferences gives each person an email mode: each, daily, weekly
// or none, sometimes another for one of their communities.
func (w *leakWorld) buildPreferences(t *testing.T) {
	s := w.m.Service
	modes := []maillage.NotifyMode{maillage.NotifyEach, maillage.NotifyDaily, maillage.NotifyWeekly, maillage.NotifyNone}
	for i, p := range w.people {
		v := w.viewerOf(t, p.u.ID)
		p.mode = modes[w.pick(len(modes))]
		if i < 3 {
			p.mode = modes[i] // each, daily and weekly at least once
		}
		prefs := maillage.NotificationPreferences{Default: p.mode}
		for _, id := range w.communitiesOf(v) {
			if w.chance(0.3) {
				prefs.Communities = append(prefs.Communities, maillage.CommunityNotifyMode{CommunityID: id, Mode: modes[w.pick(len(modes))]})
			}
		}
		w.must(t, "preferences", s.SetNotificationPreferences(w.ctx, v, prefs))
	}
}

// buildLaterChanges happens after the first notifications went out:
// threads and replies are hidden, a public note becomes private.
func (w *leakWorld) buildLaterChanges(t *testing.T) {
	s := w.m.Service
	for _, lt := range w.threads {
		lc := w.community(lt.th.CommunityID)
		if w.chance(0.4) {
			_, err := s.ModerateThread(w.ctx, w.managerOf(t, lc), lt.th.ID, service.ThreadHidden, true)
			w.must(t, "hide thread", err)
		} else if w.chance(0.3) {
			_, err := s.ModerateThread(w.ctx, w.managerOf(t, lc), lt.th.ID, service.ThreadLocked, true)
			w.must(t, "lock thread", err)
		}
	}
	for _, lr := range w.replies {
		if w.chance(0.3) {
			_, err := s.HideReply(w.ctx, w.managerOf(t, w.community(lr.th.th.CommunityID)), lr.r.ID, true)
			w.must(t, "hide reply", err)
		}
	}
	for _, ln := range w.notes {
		// Not one whose title other notes' words or a thread repeat: those
		// words were written when it was public (see the report).
		if ln.n.Visibility == maillage.VisibilityPublic && !ln.linked && !ln.shared && w.chance(0.4) {
			in := maillage.NoteInput{Title: ln.n.Title, Body: ln.n.Body + " Devenue privée.", Summary: ln.n.Summary, Kind: string(ln.n.Kind),
				Visibility: "private", OrganizationID: ln.n.OrganizationID, PersonUserID: ln.n.PersonUserID, License: string(ln.n.License),
				Tags: tagLabels(ln.n.Tags), AuthorIDs: ln.n.AuthorIDs()[1:]}
			n, err := s.UpdateNote(w.ctx, w.viewerOf(t, ln.owner), ln.n.ID, in)
			w.must(t, "make note private", err)
			ln.n = n
		}
	}
}

func tagLabels(tags []maillage.Tag) []string {
	var out []string
	for _, tg := range tags {
		out = append(out, tg.Label)
	}
	return out
}

// inviteRoles offers some of the world's people a role in a notebook or
// knowledge base (add sends the invitation); most accept, the rest stay
// pending (read back with the others).
func (w *leakWorld) inviteRoles(t *testing.T, creator *leakUser, what string,
	add func(userID string, role maillage.NotebookRole) (*maillage.Invitation, error)) {
	for _, p := range w.members() {
		if p != creator && w.chance(0.3) {
			role := []maillage.NotebookRole{maillage.NotebookManager, maillage.NotebookContributor}[w.pick(2)]
			inv, err := add(p.u.ID, role)
			w.must(t, what, err)
			if w.chance(0.7) {
				testutil.Accept(t, w.m.Service, inv)
			}
		}
	}
}
