package app_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// Nominations in the leak world: requests asking members and, by email,
// people of the world (whose secret link is then theirs), answered with
// reasons and new names. The question is for the requester and the
// people asked; the answers, reasons and new names for the requester
// alone; the request's ID for the requester and the members asked.

// leakNomination is one request of the world.
type leakNomination struct {
	id        string
	requester string
	asked     []string // members asked in the application
	emailed   []string // people asked at their address
	closed    bool
}

func (ln *leakNomination) access() maillage.NominationAccess {
	return maillage.NominationAccess{RequesterID: ln.requester, RespondentIDs: ln.asked}
}

// leakNominationLink finds the secret link of a nomination email.
var leakNominationLink = regexp.MustCompile(`/nominate/([A-Za-z0-9_-]+)`)

// buildNominations makes two requests by members and, when neither
// asked anyone by email, one by the administrator: each asks a member or
// two and, by email, someone whose address the requester may see (they
// typed it); the first member asked answers, naming a new name, an
// organisation and maybe someone, with a reason; the second is closed.
func (w *leakWorld) buildNominations(t *testing.T) {
	members := w.members()
	for i := 0; i < 2; i++ {
		w.buildNomination(t, members[w.pick(len(members))], i == 1)
	}
	if !slices.ContainsFunc(w.nominations, func(ln *leakNomination) bool { return len(ln.emailed) > 0 }) {
		w.buildNomination(t, w.admin, false)
	}
}

func (w *leakWorld) buildNomination(t *testing.T, req *leakUser, closeIt bool) {
	s := w.m.Service
	rv := w.viewerOf(t, req.u.ID)
	ln := &leakNomination{requester: req.u.ID}
	var others []*leakUser
	for _, p := range w.members() {
		if p.u.ID != req.u.ID && !w.blockBetween(t, req.u.ID, p.u.ID) {
			others = append(others, p)
		}
	}
	if len(others) < 3 {
		return
	}
	w.r.Shuffle(len(others), func(a, b int) { others[a], others[b] = others[b], others[a] })
	ln.asked = []string{others[0].u.ID}
	if w.chance(0.5) {
		ln.asked = append(ln.asked, others[1].u.ID)
	}
	var emails []string
	for _, p := range others[2:] {
		if maillage.CanViewEmail(rv, p.u.Access()) {
			ln.emailed, emails = []string{p.u.ID}, []string{p.u.Email}
			break
		}
	}
	code := w.code()
	r, err := s.CreateNominationRequest(w.ctx, rv, service.NominationRequestInput{
		Tag: "Zeta commun", Question: "Zeta question " + code + " : qui compte ?", RespondentIDs: ln.asked, Emails: emails})
	w.must(t, "nomination request", err)
	ln.id = r.ID
	w.secret(code, "nomination question", "", func(v maillage.Viewer) bool {
		return maillage.CanViewNominationRequest(v, ln.access()) || slices.Contains(ln.emailed, v.UserID)
	})
	w.secret("", "nomination request", r.ID, func(v maillage.Viewer) bool {
		return maillage.CanViewNominationRequest(v, ln.access())
	})
	// What an answer says is for the requester, and for who wrote it.
	answerer := ln.asked[0]
	results := func(v maillage.Viewer) bool {
		return maillage.CanViewNominationResults(v, ln.access()) || v.UserID == answerer
	}
	named, reason := w.code(), w.code()
	w.secret(named, "a name given in answer", "", results)
	w.secret(reason, "a reason given in answer", "", results)
	nominees := []service.NomineeInput{
		{Name: "Zeta nommée " + named, Reason: "Zeta raison " + reason},
		{OrganizationID: w.orgs[0].ID},
	}
	if len(others) > 3 {
		nominees = append(nominees, service.NomineeInput{UserID: others[3].u.ID})
	}
	w.must(t, "nomination answer", s.AnswerNomination(w.ctx, w.viewerOf(t, answerer), r.ID, nominees))
	if closeIt {
		_, err := s.CloseNominationRequest(w.ctx, rv, r.ID)
		w.must(t, "close nomination", err)
		ln.closed = true
	}
	w.nominations = append(w.nominations, ln)
}

// blockBetween reports whether either person blocked the other.
func (w *leakWorld) blockBetween(t *testing.T, a, b string) bool {
	db := w.m.Service.DB()
	x, err := db.BlockersOf(w.ctx, a, []string{b})
	w.must(t, "blocks", err)
	y, err := db.BlockedBy(w.ctx, a, []string{b})
	w.must(t, "blocks", err)
	return len(x)+len(y) > 0
}

// addNominationItems lists the requests and the secret links found in
// the emails as route parameters.
func (w *leakWorld) addNominationItems() {
	for _, ln := range w.nominations {
		a := ln.access()
		w.items["nomination"] = append(w.items["nomination"], &leakItem{kind: "nomination", label: "nomination request " + ln.id,
			vals: map[string]string{"nomination": ln.id}, can: leakCan{
				"see":     func(v maillage.Viewer) bool { return maillage.CanViewNominationRequest(v, a) },
				"results": func(v maillage.Viewer) bool { return maillage.CanViewNominationResults(v, a) },
				"answer":  func(v maillage.Viewer) bool { return maillage.CanAnswerNomination(v, a) },
			}})
	}
	for _, m := range w.out.all() {
		match := leakNominationLink.FindStringSubmatch(m.Text)
		if match == nil {
			continue
		}
		w.items["nomination-token"] = append(w.items["nomination-token"], &leakItem{kind: "nomination-token",
			label: "nomination link to " + strings.Join(m.To, ","), vals: map[string]string{"nomination-token": match[1]},
			// The link is its own credential: whoever holds it may use it.
			can: leakCan{"see": func(maillage.Viewer) bool { return true }}})
	}
}

// nominationTokenOwner is the person a nomination link was emailed to.
func (w *leakWorld) nominationTokenOwner(token string) string {
	for _, m := range w.out.all() {
		if match := leakNominationLink.FindStringSubmatch(m.Text); match != nil && match[1] == token {
			for _, p := range w.people {
				for _, to := range m.To {
					if strings.Contains(strings.ToLower(to), strings.ToLower(p.u.Email)) {
						return p.u.ID
					}
				}
			}
		}
	}
	return ""
}
