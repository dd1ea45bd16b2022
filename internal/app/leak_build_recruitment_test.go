package app_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// Recruitment in the leak world: every community's managers keep a
// shortlist (a member of Maillage and a contact known by address, with
// notes, labels and where they came from) and email invitations to
// people outside it, with a personal message. Everything on a shortlist
// is for the community's managers; an invitation's message is for them
// and the person invited, who opens the emailed link (a "join" item,
// visited by every viewer since the link is its own credential).

// leakCandidate is a candidate of a community's shortlist.
type leakCandidate struct {
	id string
	lc *leakCommunity
}

// leakJoin is an emailed invitation link and the person it was sent to.
type leakJoin struct {
	token, holder string
}

// leakJoinLink finds the token of an invitation's link in an email.
var leakJoinLink = regexp.MustCompile(`/join/([A-Za-z0-9_-]+)`)

func (w *leakWorld) buildRecruitment(t *testing.T) {
	s := w.m.Service
	sent := len(w.out.all())
	for _, lc := range w.communities {
		lc := lc
		mv := w.managerOf(t, lc)
		shortlist := func(v maillage.Viewer) bool { return maillage.CanViewShortlist(v, lc.c.Access()) }
		// A contact known by name and address alone.
		code := w.code()
		cand, err := s.AddCandidate(w.ctx, mv, lc.c.ID, maillage.CandidateInput{Name: "Zeta Candidate " + code,
			Email: "contact-" + code + "@ailleurs.example", Source: "nomination", SourceDetail: "Nommée par " + code,
			Note: "Appelée, intéressée " + code, Labels: []string{"Suivi " + code}})
		w.must(t, "candidate", err)
		w.secret(code, "shortlist of "+lc.c.Name, cand.ID, shortlist)
		w.candidates = append(w.candidates, &leakCandidate{id: cand.ID, lc: lc})
		// People outside the community the manager can see: one on the
		// shortlist with a note, one or two invited by email.
		var outside []*leakUser
		for _, p := range w.members() {
			pv := w.viewerOf(t, p.u.ID)
			if !pv.IsMember(lc.c.ID) && p.u.ID != mv.UserID && maillage.CanViewProfile(mv, p.u.Access()) {
				outside = append(outside, p)
			}
		}
		if len(outside) == 0 {
			continue
		}
		p := outside[w.pick(len(outside))]
		code = w.code()
		cand, err = s.AddCandidate(w.ctx, mv, lc.c.ID, maillage.CandidateInput{UserID: p.u.ID, Source: "search",
			Note: "Note de suivi " + code})
		w.must(t, "member candidate", err)
		w.secret(code, "note on a candidate of "+lc.c.Name, cand.ID, shortlist)
		w.candidates = append(w.candidates, &leakCandidate{id: cand.ID, lc: lc})
		invitees := []string{p.u.ID}
		if q := outside[w.pick(len(outside))]; q != p {
			invitees = append(invitees, q.u.ID)
		}
		code = w.code()
		res, err := s.InviteToCommunity(w.ctx, mv, lc.c.ID, maillage.InviteInput{UserIDs: invitees,
			Message: "Message d’invitation " + code, Attachment: "description"}, "fr-CA")
		w.must(t, "email invitation", err)
		var reached []string
		for _, inv := range res.Sent {
			reached = append(reached, inv.UserID)
			// Someone invited who was not on the shortlist joins it.
			if !slices.ContainsFunc(w.candidates, func(c *leakCandidate) bool { return c.id == inv.CandidateID }) {
				w.secret("", "candidate of "+lc.c.Name, inv.CandidateID, shortlist)
				w.candidates = append(w.candidates, &leakCandidate{id: inv.CandidateID, lc: lc})
			}
		}
		w.secret(code, "invitation message of "+lc.c.Name, "", func(v maillage.Viewer) bool {
			return shortlist(v) || slices.Contains(reached, v.UserID)
		})
	}
	// The links are read from the emails, as their holders would.
	w.drain(t)
	for _, m := range w.out.all()[sent:] {
		match := leakJoinLink.FindStringSubmatch(m.Text)
		if match == nil {
			continue
		}
		for _, p := range w.people {
			if len(m.To) == 1 && strings.Contains(m.To[0], p.u.Email) {
				w.joins = append(w.joins, leakJoin{token: match[1], holder: p.u.ID})
			}
		}
	}
}

// buildRecruitmentItems lists candidates and invitation links as items
// route parameters can name.
func (w *leakWorld) buildRecruitmentItems() {
	for _, lcand := range w.candidates {
		c := lcand
		w.items["candidate"] = append(w.items["candidate"], &leakItem{kind: "candidate", label: "candidate of " + c.lc.c.Name,
			vals: map[string]string{"community": c.lc.c.ID, "candidate": c.id},
			can:  leakCan{"see": func(v maillage.Viewer) bool { return maillage.CanViewShortlist(v, c.lc.c.Access()) }}})
	}
	for _, j := range w.joins {
		w.items["join"] = append(w.items["join"], &leakItem{kind: "join", label: "invitation link of " + w.person(j.holder).u.Name,
			vals: map[string]string{"join": j.token}, holder: j.holder,
			// The link is its own credential: whoever holds it may open it.
			can: leakCan{"see": func(maillage.Viewer) bool { return true }}})
	}
}

// leakShortlistList is the API's shortlist: every candidate of the
// community, for its managers; nothing for anyone else.
func leakShortlistList() []leakList {
	return []leakList{{field: "candidates", key: "id", want: func(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
		var out []string
		for _, c := range w.candidates {
			if c.lc.c.ID == tg.vals["community"] && maillage.CanViewShortlist(v, c.lc.c.Access()) {
				out = append(out, c.id)
			}
		}
		return out
	}}}
}
