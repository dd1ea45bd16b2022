package service_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/maillage/maillage/internal/jobs"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
)

// TestNominationPolicy holds the rules themselves: the request for the
// requester and the members asked, the answers for the requester alone,
// administrators included in neither.
func TestNominationPolicy(t *testing.T) {
	a := maillage.NominationAccess{RequesterID: "ana", RespondentIDs: []string{"ben"}}
	for _, c := range []struct {
		v                     maillage.Viewer
		see, results, answers bool
	}{
		{maillage.Viewer{UserID: "ana"}, true, true, false},
		{maillage.Viewer{UserID: "ben"}, true, false, true},
		{maillage.Viewer{UserID: "cat"}, false, false, false},
		{maillage.Viewer{UserID: "root", Admin: true}, false, false, false},
		{maillage.Anonymous(), false, false, false},
	} {
		if got := maillage.CanViewNominationRequest(c.v, a); got != c.see {
			t.Errorf("%q sees the request: %v", c.v.UserID, got)
		}
		if got := maillage.CanViewNominationResults(c.v, a); got != c.results {
			t.Errorf("%q sees the results: %v", c.v.UserID, got)
		}
		if got := maillage.CanAnswerNomination(c.v, a); got != c.answers {
			t.Errorf("%q answers: %v", c.v.UserID, got)
		}
	}
}

// emailLog keeps the account emails queued (JobEmail), unsent.
type emailLog struct {
	mu   sync.Mutex
	jobs []service.EmailJob
}

func (l *emailLog) handler() map[string]jobs.Handler {
	return map[string]jobs.Handler{service.JobEmail: func(_ context.Context, p json.RawMessage) error {
		var j service.EmailJob
		if err := json.Unmarshal(p, &j); err != nil {
			return err
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		l.jobs = append(l.jobs, j)
		return nil
	}}
}

func messageOf(err error) string { return maillage.AsError(err).MessageID }

func nominationFields(err error) string {
	var out []string
	for _, f := range maillage.AsError(err).Fields {
		out = append(out, f.Field+"="+f.MessageID)
	}
	return strings.Join(out, " ")
}

func TestNominationRequests(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "private")
	ana, ben, cat := d.vMgr, d.vMem, d.vOut
	err := d.db.Update(ctx, func(tx *store.Tx) error {
		if _, err := tx.EnsureTags(ctx, []string{"transformation numérique"}, d.mgr.ID); err != nil {
			return err
		}
		_, err := tx.EnsureTags(ctx, []string{"thème de Dehors"}, d.out.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	org, err := d.s.CreateOrganization(ctx, ana, maillage.OrganizationInput{Name: "Coop Numérique", Type: "cooperative"}, false)
	if err != nil {
		t.Fatal(err)
	}
	in := service.NominationRequestInput{Tag: "transformation-numerique", Question: "Qui compte ?", CommunityID: d.c.ID,
		RespondentIDs: []string{d.mem.ID}, Emails: []string{" Claire@Exemple.org "}}

	// Bad requests: each refused with its message, nothing stored.
	bad := []struct {
		name  string
		v     maillage.Viewer
		edit  func(*service.NominationRequestInput)
		code  maillage.Code
		field string
	}{
		{"visitor", maillage.Anonymous(), nil, maillage.CodeUnauthorized, ""},
		{"nobody asked", ana, func(i *service.NominationRequestInput) { i.RespondentIDs, i.Emails = nil, nil }, maillage.CodeInvalid, "respondent_ids=nomination.no_respondent"},
		{"oneself", ana, func(i *service.NominationRequestInput) { i.RespondentIDs = []string{d.mgr.ID} }, maillage.CodeInvalid, "respondent_ids=nomination.ask_self"},
		{"twice", ana, func(i *service.NominationRequestInput) { i.RespondentIDs = []string{d.mem.ID, d.mem.ID} }, maillage.CodeInvalid, "respondent_ids=nomination.duplicate_respondent"},
		{"unknown person", ana, func(i *service.NominationRequestInput) { i.RespondentIDs = []string{"01zzzzzzzzzzzzzzzzzzzzzz01"} }, maillage.CodeInvalid, "respondent_ids=nomination.unknown_person"},
		{"bad email", ana, func(i *service.NominationRequestInput) { i.Emails = []string{"claire@"} }, maillage.CodeInvalid, "emails=nomination.invalid_email"},
		{"email twice", ana, func(i *service.NominationRequestInput) { i.Emails = []string{"c@exemple.org", "C@exemple.org"} }, maillage.CodeInvalid, "emails=nomination.duplicate_email"},
		{"unknown tag", ana, func(i *service.NominationRequestInput) { i.Tag = "zeta inconnue" }, maillage.CodeInvalid, "tag=nomination.unknown_tag"},
		{"no question", ana, func(i *service.NominationRequestInput) { i.Question = "  " }, maillage.CodeInvalid, "question=field.required"},
		{"not a member", cat, func(i *service.NominationRequestInput) { i.Tag = "thème de Dehors" }, maillage.CodeNotFound, ""},
	}
	for _, c := range bad {
		i := in
		if c.edit != nil {
			c.edit(&i)
		}
		_, err := d.s.CreateNominationRequest(ctx, c.v, i)
		if maillage.ErrorCode(err) != c.code || (c.field != "" && nominationFields(err) != c.field) {
			t.Errorf("%s: %v (%s), want %s %s", c.name, err, nominationFields(err), c.code, c.field)
		}
	}
	if sent, _, err := d.s.MyNominationRequests(ctx, ana); err != nil || len(sent) != 0 {
		t.Fatalf("refused requests were stored: %+v %v", sent, err)
	}

	r, err := d.s.CreateNominationRequest(ctx, ana, in)
	if err != nil {
		t.Fatal(err)
	}
	if r.TagLabel != "transformation numérique" || r.Respondents != 2 || r.CommunityID != d.c.ID {
		t.Fatalf("request = %+v", r)
	}
	// The member asked hears of it; the address gets a secret link.
	mails := &emailLog{}
	evs := eventsOf(d.log.drain(t, d.db, mails.handler()), maillage.EventNominationRequest)
	if len(evs) != 1 || len(evs[0].RecipientIDs) != 1 || evs[0].RecipientIDs[0] != d.mem.ID || evs[0].SubjectType != maillage.SubjectNomination {
		t.Fatalf("events = %+v", evs)
	}
	if len(mails.jobs) != 1 || mails.jobs[0].To != "claire@exemple.org" || mails.jobs[0].Data["Requester"] != "Responsable" {
		t.Fatalf("emails = %+v", mails.jobs)
	}
	_, token, ok := strings.Cut(mails.jobs[0].Link, "/nominate/")
	if !ok || !strings.HasPrefix(token, service.NominationTokenPrefix) {
		t.Fatalf("link = %q", mails.jobs[0].Link)
	}

	// Who sees what: 404 for anyone but the requester's results, the
	// question for the people asked.
	for _, v := range []maillage.Viewer{ben, cat, maillage.Anonymous()} {
		if _, err := d.s.NominationResults(ctx, v, r.ID); !maillage.IsNotFound(err) {
			t.Errorf("results for %q: %v", v.UserID, err)
		}
	}
	if ask, err := d.s.NominationRequestAsked(ctx, ben, r.ID); err != nil || ask.Requester || ask.Request.Question != "Qui compte ?" {
		t.Fatalf("asked: %+v %v", ask, err)
	}
	if ask, err := d.s.NominationRequestAsked(ctx, ana, r.ID); err != nil || !ask.Requester {
		t.Fatalf("requester's view: %+v %v", ask, err)
	}
	if _, err := d.s.NominationRequestAsked(ctx, cat, r.ID); !maillage.IsNotFound(err) {
		t.Fatalf("someone not asked sees the question: %v", err)
	}

	// Bad answers.
	five := make([]service.NomineeInput, 6)
	for i := range five {
		five[i] = service.NomineeInput{Name: "Personne " + string(rune('A'+i))}
	}
	badAnswers := []struct {
		name string
		v    maillage.Viewer
		in   []service.NomineeInput
		code maillage.Code
		msg  string
	}{
		{"someone not asked", cat, []service.NomineeInput{{OrganizationID: org.ID}}, maillage.CodeNotFound, "error.not_found"},
		{"the requester", ana, []service.NomineeInput{{OrganizationID: org.ID}}, maillage.CodeForbidden, "nomination.not_asked"},
		{"none", ben, nil, maillage.CodeInvalid, "nomination.none"},
		{"six", ben, five, maillage.CodeInvalid, "nomination.too_many"},
		{"oneself", ben, []service.NomineeInput{{UserID: d.mem.ID}}, maillage.CodeInvalid, "nomination.self"},
		{"twice", ben, []service.NomineeInput{{OrganizationID: org.ID}, {Name: "coop numérique"}}, maillage.CodeInvalid, "nomination.duplicate_nominee"},
		{"same name twice", ben, []service.NomineeInput{{Name: "Marie T"}, {Name: "marie t"}}, maillage.CodeInvalid, "nomination.duplicate_nominee"},
		{"unknown", ben, []service.NomineeInput{{ActorID: "01zzzzzzzzzzzzzzzzzzzzzz09"}}, maillage.CodeInvalid, "nomination.unknown_nominee"},
		{"two at once", ben, []service.NomineeInput{{OrganizationID: org.ID, Name: "X"}}, maillage.CodeInvalid, "nomination.one_nominee"},
	}
	for _, c := range badAnswers {
		if err := d.s.AnswerNomination(ctx, c.v, r.ID, c.in); maillage.ErrorCode(err) != c.code || messageOf(err) != c.msg {
			t.Errorf("%s: %v, want %s %s", c.name, err, c.code, c.msg)
		}
	}

	// Ben answers twice (the second replaces the first); Claire by her link.
	if err := d.s.AnswerNomination(ctx, ben, r.ID, []service.NomineeInput{{UserID: d.out.ID}}); err != nil {
		t.Fatal(err)
	}
	err = d.s.AnswerNomination(ctx, ben, r.ID, []service.NomineeInput{
		{Name: "Coop numerique", Reason: "Le réseau"}, // one visible match: the organisation
		{Name: "Marie Tremblay", Reason: "Terrain"},
		{UserID: d.out.ID},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.NominationByToken(ctx, "mlg_nom_wrong"); !maillage.IsNotFound(err) {
		t.Fatalf("a wrong link: %v", err)
	}
	if ask, err := d.s.NominationByToken(ctx, token); err != nil || ask.Request.ID != r.ID || ask.Request.RequesterName != "Responsable" {
		t.Fatalf("by token: %+v %v", ask, err)
	}
	if err := d.s.AnswerNominationByToken(ctx, token, []service.NomineeInput{{Name: "marie  TREMBLAY"}}); err != nil {
		t.Fatal(err)
	}
	res, err := d.s.NominationResults(ctx, ana, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Request.Answered != 2 || len(res.Tallies) != 3 {
		t.Fatalf("results: %+v", res)
	}
	top := res.Tallies[0]
	if top.Name != "Marie Tremblay" || top.Count != 2 || top.Nominee.Type != maillage.NomineeActor ||
		top.NominatedBy[0].Name == top.NominatedBy[1].Name {
		t.Fatalf("most named: %+v", top)
	}
	var orgTally *maillage.NominationTally
	for i := range res.Tallies {
		if res.Tallies[i].Nominee.ID == org.ID {
			orgTally = &res.Tallies[i]
		}
	}
	if orgTally == nil || orgTally.NominatedBy[0].Reason != "Le réseau" || orgTally.CanAskAgain() {
		t.Fatalf("organisation: %+v", orgTally)
	}
	// The new name is a card only the requester may find.
	if m, _ := d.s.NomineeMatches(ctx, ben, "Marie Tremblay", false, 5); len(m) != 0 {
		t.Fatalf("the respondent finds the requester's card: %+v", m)
	}

	// A second wave asks the member named, not an organisation.
	if _, err := d.s.NominationSecondWave(ctx, ana, r.ID, []maillage.NomineeRef{{Type: maillage.NomineeOrganization, ID: org.ID}}); messageOf(err) != "nomination.cannot_ask_again" {
		t.Fatalf("wave to an organisation: %v", err)
	}
	if _, err := d.s.NominationSecondWave(ctx, ben, r.ID, []maillage.NomineeRef{{Type: maillage.NomineeUser, ID: d.out.ID}}); !maillage.IsNotFound(err) {
		t.Fatalf("wave by a respondent: %v", err)
	}
	w2, err := d.s.NominationSecondWave(ctx, ana, r.ID, []maillage.NomineeRef{{Type: maillage.NomineeUser, ID: d.out.ID}})
	if err != nil || w2.Wave != 2 || w2.ParentID != r.ID || w2.Respondents != 1 || w2.Question != r.Question {
		t.Fatalf("second wave: %+v %v", w2, err)
	}
	if ask, err := d.s.NominationRequestAsked(ctx, cat, w2.ID); err != nil || ask.Requester {
		t.Fatalf("the nominee asked in turn: %+v %v", ask, err)
	}

	// Closing: the requester only; then answers are refused.
	if _, err := d.s.CloseNominationRequest(ctx, ben, r.ID); !maillage.IsNotFound(err) {
		t.Fatalf("closed by a respondent: %v", err)
	}
	if c, err := d.s.CloseNominationRequest(ctx, ana, r.ID); err != nil || !c.Closed() {
		t.Fatalf("close: %+v %v", c, err)
	}
	if err := d.s.AnswerNomination(ctx, ben, r.ID, []service.NomineeInput{{OrganizationID: org.ID}}); messageOf(err) != "nomination.closed" ||
		maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Fatalf("answer after closing: %v", err)
	}
	if err := d.s.AnswerNominationByToken(ctx, token, []service.NomineeInput{{OrganizationID: org.ID}}); messageOf(err) != "nomination.closed" {
		t.Fatalf("answer by link after closing: %v", err)
	}
	// Nothing was lost: the answers stand.
	if res, _ := d.s.NominationResults(ctx, ana, r.ID); len(res.Tallies) != 3 {
		t.Fatalf("after closing: %+v", res.Tallies)
	}
	// The lists: sent for the requester, asked for the respondents, with
	// no counts of the others' answers.
	sent, _, _ := d.s.MyNominationRequests(ctx, ana)
	_, asked, _ := d.s.MyNominationRequests(ctx, ben)
	if len(sent) != 2 || len(asked) != 1 || asked[0].Answered != 0 || asked[0].Respondents != 0 {
		t.Fatalf("lists: sent %+v, asked %+v", sent, asked)
	}
}

// TestNominationEmailLimit: one address is asked at most five times a
// day, whoever asks; past it the request is refused (429) and not stored.
func TestNominationEmailLimit(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "public")
	err := d.db.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.EnsureTags(ctx, []string{"transformation numérique"}, d.mgr.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	in := service.NominationRequestInput{Tag: "transformation numérique, ", Question: "Qui ?", Emails: []string{"claire@exemple.org"}}
	for i := range 5 {
		if _, err := d.s.CreateNominationRequest(ctx, d.vMgr, in); err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	if _, err := d.s.CreateNominationRequest(ctx, d.vMgr, in); maillage.ErrorCode(err) != maillage.CodeRateLimited ||
		messageOf(err) != "nomination.too_many_emails" {
		t.Fatalf("sixth request: %v", err)
	}
	if sent, _, _ := d.s.MyNominationRequests(ctx, d.vMgr); len(sent) != 5 {
		t.Fatalf("%d requests stored", len(sent))
	}
}
