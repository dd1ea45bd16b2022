package service

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/ratelimit"
	"github.com/maillage/maillage/internal/store"
)

// Nominations (see maillage.NominationRequest): a facilitator asks chosen
// people to name up to five who matter on a theme. The request's
// question, theme and requester are shown to the people asked; the
// answers, the results and who was asked to the requester alone; the
// people named are told nothing.

// NominationTokenPrefix starts the secret of every link that lets a
// person asked by email answer without an account.
const NominationTokenPrefix = "mlg_nom_"

// EmailNomination is the email kind asking someone without an account
// (email.nomination.* in the locale files).
const EmailNomination = "nomination"

// NominationRequestInput is a new request.
type NominationRequestInput struct {
	// Tag is a tag's label or slug: the theme.
	Tag         string
	Question    string
	CommunityID string
	// RespondentIDs are members asked in the application; Emails people
	// asked by email, who answer through a secret link.
	RespondentIDs []string
	Emails        []string
}

// CreateNominationRequest sends a request to the people chosen: each
// member hears of it in the application (and by email, as their
// preferences say), each address gets an email with a secret link.
func (s *Service) CreateNominationRequest(ctx context.Context, v maillage.Viewer, in NominationRequestInput) (*maillage.NominationRequest, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	var val maillage.Validator
	question := maillage.CleanText(in.Question)
	val.Required("question", question)
	val.MaxLen("question", question, maillage.MaxNominationQuestionLen)
	var tag *maillage.Tag
	// The tag field's suggestions end what they insert with a comma.
	label := strings.Trim(in.Tag, " ,;\t\n")
	if label == "" {
		val.Required("tag", "")
	} else {
		t, _, err := s.ResolveTag(ctx, v, label)
		switch {
		case maillage.IsNotFound(err):
			val.Add("tag", "nomination.unknown_tag", map[string]any{"Tag": label})
		case err != nil:
			return nil, err
		default:
			tag = t
		}
	}
	me, err := s.db.User(ctx, v.UserID)
	if err != nil {
		return nil, err
	}
	ids, emails := s.checkRespondents(ctx, v, me, in.RespondentIDs, in.Emails, &val)
	if err := val.Err(); err != nil {
		return nil, err
	}
	if err := s.checkBlocks(ctx, v, ids); err != nil {
		return nil, err
	}
	if err := s.mayEmailNominations(ctx, v, emails); err != nil {
		return nil, err
	}
	communityID := strings.TrimSpace(in.CommunityID)
	if communityID != "" {
		if _, err := s.Community(ctx, v, communityID); err != nil {
			return nil, err
		}
		if !v.IsMember(communityID) {
			return nil, maillage.Errorf(maillage.CodeForbidden, "nomination.not_member")
		}
	}
	r := &maillage.NominationRequest{RequesterID: v.UserID, RequesterName: me.Name, TagID: tag.ID, TagSlug: tag.Slug,
		TagLabel: tag.Label, Question: question, CommunityID: communityID, Wave: 1}
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return s.sendNominationRequest(ctx, tx, me, r, ids, emails) }); err != nil {
		return nil, err
	}
	return s.db.NominationRequest(ctx, r.ID)
}

// checkRespondents checks the people asked and returns them cleaned:
// members the requester may see, not themselves, each once; valid
// addresses, each once; at least one of either and no more than
// maillage.MaxNominationRespondents.
func (s *Service) checkRespondents(ctx context.Context, v maillage.Viewer, me *maillage.User, rawIDs, rawEmails []string, val *maillage.Validator) ([]string, []string) {
	var ids, emails []string
	for _, id := range rawIDs {
		id = strings.TrimSpace(id)
		switch {
		case id == "":
			continue
		case id == v.UserID:
			val.Add("respondent_ids", "nomination.ask_self", nil)
		case slices.Contains(ids, id):
			val.Add("respondent_ids", "nomination.duplicate_respondent", nil)
		default:
			if _, err := s.visibleUser(ctx, v, id); err != nil {
				val.Add("respondent_ids", "nomination.unknown_person", nil)
				continue
			}
			ids = append(ids, id)
		}
	}
	for _, raw := range rawEmails {
		e := maillage.NormalizeEmail(raw)
		switch {
		case e == "":
			continue
		case !maillage.ValidEmail(e):
			val.Add("emails", "nomination.invalid_email", map[string]any{"Email": strings.TrimSpace(raw)})
		case e == maillage.NormalizeEmail(me.Email):
			val.Add("emails", "nomination.ask_self", nil)
		case slices.Contains(emails, e):
			val.Add("emails", "nomination.duplicate_email", map[string]any{"Email": e})
		default:
			emails = append(emails, e)
		}
	}
	switch n := len(ids) + len(emails); {
	case n == 0 && !val.Has("respondent_ids") && !val.Has("emails"):
		val.Add("respondent_ids", "nomination.no_respondent", nil)
	case n > maillage.MaxNominationRespondents:
		val.Add("respondent_ids", "nomination.too_many_respondents", map[string]any{"Max": maillage.MaxNominationRespondents})
	}
	return ids, emails
}

// Email to addresses typed by hand is bounded, so requests cannot be
// turned into a way of mailing strangers: per requester and per address,
// per day, counted in the database like the account limits.
func nominationEmailRules() (perRequester, perAddress ratelimit.Rule) {
	return ratelimit.Rule{Name: "nomination-mail", Limit: 300, Window: 24 * time.Hour},
		ratelimit.Rule{Name: "nomination-address", Limit: 5, Window: 24 * time.Hour}
}

// mayEmailNominations counts the emails a request would send and
// refuses it (429) when a limit is reached.
func (s *Service) mayEmailNominations(ctx context.Context, v maillage.Viewer, emails []string) error {
	perRequester, perAddress := nominationEmailRules()
	for _, e := range emails {
		ok, err := s.limits.Take(ctx, perRequester, v.UserID)
		if err == nil && ok {
			ok, err = s.limits.Take(ctx, perAddress, e)
		}
		if err != nil {
			return err
		}
		if !ok {
			return maillage.Errorf(maillage.CodeRateLimited, "nomination.too_many_emails")
		}
	}
	return nil
}

// checkBlocks refuses to ask anyone a block stands between, like an invitation.
func (s *Service) checkBlocks(ctx context.Context, v maillage.Viewer, ids []string) error {
	for _, id := range ids {
		u, err := s.db.User(ctx, id)
		if err != nil {
			return err
		}
		if err := checkInviteBlocks(ctx, s.db, v.UserID, u, "respondent_ids"); err != nil {
			return err
		}
	}
	return nil
}

// sendNominationRequest stores a request with its respondents and, in
// the same transaction, the jobs that tell them.
func (s *Service) sendNominationRequest(ctx context.Context, tx *store.Tx, me *maillage.User, r *maillage.NominationRequest, ids, emails []string) error {
	if err := tx.InsertNominationRequest(ctx, r); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.InsertNominationRespondent(ctx, r.ID, id, "", ""); err != nil {
			return err
		}
	}
	for _, e := range emails {
		plain, hash, err := auth.NewToken(NominationTokenPrefix)
		if err != nil {
			return err
		}
		if _, err := tx.InsertNominationRespondent(ctx, r.ID, "", e, hash); err != nil {
			return err
		}
		// The secret link travels in the job alone; the table keeps its hash.
		err = tx.Enqueue(ctx, JobEmail, EmailJob{Kind: EmailNomination, To: e, Lang: me.Language,
			Link: strings.TrimRight(s.baseURL, "/") + "/nominate/" + plain,
			Data: map[string]string{"Requester": me.Name, "Question": r.Question, "Tag": r.TagLabel}})
		if err != nil {
			return err
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{Kind: maillage.EventNominationRequest, ActorID: me.ID,
		SubjectType: maillage.SubjectNomination, SubjectID: r.ID, RecipientIDs: ids})
}

// nominationAccess loads a request with its policy view.
func (s *Service) nominationAccess(ctx context.Context, id string) (*maillage.NominationRequest, maillage.NominationAccess, error) {
	r, err := s.db.NominationRequest(ctx, id)
	if err != nil {
		return nil, maillage.NominationAccess{}, err
	}
	ids, err := s.db.NominationRespondentIDs(ctx, id)
	if err != nil {
		return nil, maillage.NominationAccess{}, err
	}
	return r, r.Access(ids), nil
}

// ownNominationRequest returns a request to its requester; not found
// for anyone else.
func (s *Service) ownNominationRequest(ctx context.Context, v maillage.Viewer, id string) (*maillage.NominationRequest, error) {
	r, a, err := s.nominationAccess(ctx, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewNominationResults(v, a) {
		return nil, maillage.ErrNotFound
	}
	return r, nil
}

// NominationAsk is a request as a person asked sees it: its question,
// theme and requester, and their own answer so far.
type NominationAsk struct {
	Request    *maillage.NominationRequest
	Respondent *maillage.NominationRespondent
	Answer     []maillage.Nomination
	// Requester is set when the viewer is the requester (who is not asked).
	Requester bool
}

// NominationRequestAsked returns a request to a member asked, or to its
// requester (Requester set, no answer); not found for anyone else.
func (s *Service) NominationRequestAsked(ctx context.Context, v maillage.Viewer, id string) (*NominationAsk, error) {
	r, a, err := s.nominationAccess(ctx, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewNominationRequest(v, a) {
		return nil, maillage.ErrNotFound
	}
	if !maillage.CanAnswerNomination(v, a) {
		return &NominationAsk{Request: r, Requester: true}, nil
	}
	resp, err := s.db.NominationRespondentOf(ctx, id, v.UserID)
	if err != nil {
		return nil, err
	}
	return s.askOf(ctx, r, resp)
}

func (s *Service) askOf(ctx context.Context, r *maillage.NominationRequest, resp *maillage.NominationRespondent) (*NominationAsk, error) {
	lines, _, err := s.db.NominationLines(ctx, r.ID, resp.ID)
	if err != nil {
		return nil, err
	}
	return &NominationAsk{Request: r, Respondent: resp, Answer: lines}, nil
}

// NominationByToken returns the request a secret link answers; not found
// for a link that names nothing.
func (s *Service) NominationByToken(ctx context.Context, token string) (*NominationAsk, error) {
	resp, err := s.respondentByToken(ctx, token)
	if err != nil {
		return nil, err
	}
	r, err := s.db.NominationRequest(ctx, resp.RequestID)
	if err != nil {
		return nil, err
	}
	return s.askOf(ctx, r, resp)
}

func (s *Service) respondentByToken(ctx context.Context, token string) (*maillage.NominationRespondent, error) {
	if !strings.HasPrefix(token, NominationTokenPrefix) {
		return nil, maillage.ErrNotFound
	}
	return s.db.NominationRespondentByToken(ctx, auth.HashToken(token))
}

// NomineeInput is one nominee of an answer: exactly one of UserID,
// OrganizationID, ActorID or Name.
type NomineeInput struct {
	UserID, OrganizationID, ActorID string
	// Name is someone or an organisation typed by name. It is matched
	// against the records the respondent may see (folded): a single match
	// is taken, otherwise, or with New, it names a new card only the
	// requester sees. Kind is that card's kind (person by default).
	Name   string
	Kind   string
	New    bool
	Reason string
}

// AnswerNomination records a member's answer (1 to 5 nominees), replacing
// any earlier one. Not found when the viewer may not see the request;
// forbidden for its requester, who is not asked; a conflict once closed.
func (s *Service) AnswerNomination(ctx context.Context, v maillage.Viewer, id string, nominees []NomineeInput) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	_, a, err := s.nominationAccess(ctx, id)
	if err != nil {
		return err
	}
	if !maillage.CanViewNominationRequest(v, a) {
		return maillage.ErrNotFound
	}
	if !maillage.CanAnswerNomination(v, a) {
		return maillage.Errorf(maillage.CodeForbidden, "nomination.not_asked")
	}
	return s.answer(ctx, v, id, v.UserID, nominees, func(tx *store.Tx) (*maillage.NominationRespondent, error) {
		return tx.NominationRespondentOf(ctx, id, v.UserID)
	})
}

// AnswerNominationByToken records the answer of a person asked by email,
// whose secret link is their credential.
func (s *Service) AnswerNominationByToken(ctx context.Context, token string, nominees []NomineeInput) error {
	resp, err := s.respondentByToken(ctx, token)
	if err != nil {
		return err
	}
	return s.answer(ctx, maillage.Anonymous(), resp.RequestID, "", nominees, func(*store.Tx) (*maillage.NominationRespondent, error) {
		return resp, nil
	})
}

// answer checks and records an answer. v is who names (a visitor for a
// person asked by email: they may name what is public), selfID the
// respondent's account, if any.
func (s *Service) answer(ctx context.Context, v maillage.Viewer, requestID, selfID string, in []NomineeInput,
	respondent func(tx *store.Tx) (*maillage.NominationRespondent, error)) error {
	lines, names, err := s.checkNominees(ctx, v, selfID, in)
	if err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		r, err := tx.NominationRequest(ctx, requestID)
		if err != nil {
			return err
		}
		if r.Closed() {
			return maillage.Errorf(maillage.CodeConflict, "nomination.closed")
		}
		resp, err := respondent(tx)
		if err != nil {
			return err
		}
		for i, n := range names {
			if n.name == "" {
				continue
			}
			if lines[i].Nominee.ID, err = tx.NominationCard(ctx, r.RequesterID, n.name, n.kind); err != nil {
				return err
			}
		}
		seen := map[maillage.NomineeRef]bool{}
		for i, l := range lines {
			if seen[l.Nominee] {
				return nomineeError(i, "nomination.duplicate_nominee", nil)
			}
			seen[l.Nominee] = true
		}
		return tx.ReplaceNominations(ctx, requestID, resp.ID, lines)
	})
}

// newName is a name that becomes (or finds) a private card in the
// answer's transaction.
type newName struct{ name, kind string }

// checkNominees validates an answer and resolves what it can before the
// transaction: records named by ID must exist and be visible to the
// respondent; a name with a single visible match is that record.
func (s *Service) checkNominees(ctx context.Context, v maillage.Viewer, selfID string, in []NomineeInput) ([]maillage.Nomination, []newName, error) {
	switch {
	case len(in) == 0:
		return nil, nil, invalidNominees("nomination.none", nil)
	case len(in) > maillage.MaxNominees:
		return nil, nil, invalidNominees("nomination.too_many", map[string]any{"Max": maillage.MaxNominees})
	}
	lines := make([]maillage.Nomination, len(in))
	names := make([]newName, len(in))
	keys := map[string]bool{}
	for i, n := range in {
		reason := maillage.CleanText(n.Reason)
		if len([]rune(reason)) > maillage.MaxNominationReasonLen {
			return nil, nil, nomineeError(i, "field.too_long", map[string]any{"Max": maillage.MaxNominationReasonLen})
		}
		lines[i].Reason = reason
		ref, name, err := nomineeRef(i, n)
		if err != nil {
			return nil, nil, err
		}
		if name != "" {
			kind := n.Kind
			if kind == "" {
				kind = "person"
			}
			if kind != "person" && kind != "organization" {
				return nil, nil, nomineeError(i, "field.invalid_choice", nil)
			}
			if len([]rune(name)) > maillage.MaxNomineeNameLen {
				return nil, nil, nomineeError(i, "field.too_long", map[string]any{"Max": maillage.MaxNomineeNameLen})
			}
			key := strings.ToLower(name)
			if keys[key] {
				return nil, nil, nomineeError(i, "nomination.duplicate_nominee", nil)
			}
			keys[key] = true
			if !n.New {
				m, err := s.db.MatchNominees(ctx, v, name, false, 2)
				if err != nil {
					return nil, nil, err
				}
				if len(m) == 1 {
					ref = m[0].Ref
					name = ""
				}
			}
			if name != "" {
				names[i] = newName{name: name, kind: kind}
				lines[i].Nominee.Type = maillage.NomineeActor
				continue
			}
		} else if _, err := s.db.NomineeExists(ctx, v, ref); maillage.IsNotFound(err) {
			return nil, nil, nomineeError(i, "nomination.unknown_nominee", nil)
		} else if err != nil {
			return nil, nil, err
		}
		if ref.Type == maillage.NomineeUser && selfID != "" && ref.ID == selfID {
			return nil, nil, nomineeError(i, "nomination.self", nil)
		}
		lines[i].Nominee = ref
	}
	return lines, names, nil
}

// nomineeRef reads which nominee a line names: a record or a name.
func nomineeRef(i int, n NomineeInput) (maillage.NomineeRef, string, error) {
	var refs []maillage.NomineeRef
	for _, r := range []maillage.NomineeRef{{Type: maillage.NomineeUser, ID: strings.TrimSpace(n.UserID)},
		{Type: maillage.NomineeOrganization, ID: strings.TrimSpace(n.OrganizationID)},
		{Type: maillage.NomineeActor, ID: strings.TrimSpace(n.ActorID)}} {
		if r.ID != "" {
			refs = append(refs, r)
		}
	}
	name := maillage.CleanLine(n.Name)
	switch {
	case len(refs) == 0 && name == "":
		return maillage.NomineeRef{}, "", nomineeError(i, "nomination.nominee_required", nil)
	case len(refs) > 1 || (len(refs) == 1 && name != ""):
		return maillage.NomineeRef{}, "", nomineeError(i, "nomination.one_nominee", nil)
	case len(refs) == 1:
		return refs[0], "", nil
	}
	return maillage.NomineeRef{}, name, nil
}

// nomineeError is an invalid answer line, named "nominees.<i>" so forms
// and API clients find the line.
func nomineeError(i int, messageID string, data map[string]any) error {
	d := map[string]any{"Line": i + 1}
	for k, v := range data {
		d[k] = v
	}
	field := fmt.Sprintf("nominees.%d", i)
	return &maillage.Error{Code: maillage.CodeInvalid, MessageID: messageID, Data: d,
		Fields: []maillage.FieldError{{Field: field, MessageID: messageID, Data: d}}}
}

func invalidNominees(messageID string, data map[string]any) error {
	return &maillage.Error{Code: maillage.CodeInvalid, MessageID: messageID, Data: data,
		Fields: []maillage.FieldError{{Field: "nominees", MessageID: messageID, Data: data}}}
}

// NomineeMatches lists the records a typed name may mean, as the viewer
// may see them (a visitor for a person asked by email): the web form's
// "did you mean …?" and its suggestions as one types (prefix).
func (s *Service) NomineeMatches(ctx context.Context, v maillage.Viewer, text string, prefix bool, limit int) ([]maillage.NomineeMatch, error) {
	return s.db.MatchNominees(ctx, v, maillage.CleanLine(text), prefix, limit)
}

// NominationResults is a request's results, for its requester.
type NominationResults struct {
	Request     *maillage.NominationRequest
	Respondents []maillage.NominationRespondent
	// Tallies are the nominees, most named first.
	Tallies []maillage.NominationTally
	// Waves are the requests that asked this one's nominees.
	Waves []maillage.NominationRequest
}

// NominationResults returns who was named how often and by whom, to the
// requester alone; not found for anyone else.
func (s *Service) NominationResults(ctx context.Context, v maillage.Viewer, id string) (*NominationResults, error) {
	r, err := s.ownNominationRequest(ctx, v, id)
	if err != nil {
		return nil, err
	}
	out := &NominationResults{Request: r}
	if out.Respondents, err = s.db.NominationRespondents(ctx, id); err != nil {
		return nil, err
	}
	lines, by, err := s.db.NominationLines(ctx, id, "")
	if err != nil {
		return nil, err
	}
	index := map[maillage.NomineeRef]int{}
	var actors []string
	for i, l := range lines {
		j, ok := index[l.Nominee]
		if !ok {
			j = len(out.Tallies)
			index[l.Nominee] = j
			out.Tallies = append(out.Tallies, maillage.NominationTally{Nominee: l.Nominee, Name: l.Name})
			if l.Nominee.Type == maillage.NomineeActor {
				actors = append(actors, l.Nominee.ID)
			}
		}
		t := &out.Tallies[j]
		t.Count++
		t.NominatedBy = append(t.NominatedBy, maillage.NominationVoice{RespondentID: l.RespondentID, Name: by[i], Reason: l.Reason})
	}
	emails, err := s.db.ActorEmails(ctx, actors)
	if err != nil {
		return nil, err
	}
	for i := range out.Tallies {
		if t := &out.Tallies[i]; t.Nominee.Type == maillage.NomineeActor {
			t.Email = emails[t.Nominee.ID]
		}
	}
	slices.SortStableFunc(out.Tallies, func(a, b maillage.NominationTally) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	all, err := s.db.NominationRequestsBy(ctx, v.UserID)
	if err != nil {
		return nil, err
	}
	for _, w := range all {
		if w.ParentID == id {
			out.Waves = append(out.Waves, w)
		}
	}
	return out, nil
}

// CloseNominationRequest stops a request from taking answers: its
// requester may. Closing a closed request changes nothing.
func (s *Service) CloseNominationRequest(ctx context.Context, v maillage.Viewer, id string) (*maillage.NominationRequest, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	if _, err := s.ownNominationRequest(ctx, v, id); err != nil {
		return nil, err
	}
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.CloseNominationRequest(ctx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.db.NominationRequest(ctx, id)
}

// NominationSecondWave asks the same question of nominees of a request:
// the requester picks them among those named who are members (asked in
// the application) or actor cards with an address (asked by email). The
// new request is linked to the first (its wave is one more).
func (s *Service) NominationSecondWave(ctx context.Context, v maillage.Viewer, id string, picks []maillage.NomineeRef) (*maillage.NominationRequest, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	res, err := s.NominationResults(ctx, v, id)
	if err != nil {
		return nil, err
	}
	var ids, emails []string
	for _, p := range picks {
		i := slices.IndexFunc(res.Tallies, func(t maillage.NominationTally) bool { return t.Nominee == p })
		switch {
		case i < 0:
			return nil, invalidNominees("nomination.not_a_nominee", nil)
		case !res.Tallies[i].CanAskAgain():
			return nil, invalidNominees("nomination.cannot_ask_again", map[string]any{"Name": res.Tallies[i].Name})
		case p.Type == maillage.NomineeUser && p.ID != v.UserID && !slices.Contains(ids, p.ID):
			ids = append(ids, p.ID)
		case p.Type == maillage.NomineeActor && !slices.Contains(emails, res.Tallies[i].Email):
			emails = append(emails, res.Tallies[i].Email)
		}
	}
	if len(ids)+len(emails) == 0 {
		return nil, invalidNominees("nomination.no_respondent", nil)
	}
	me, err := s.db.User(ctx, v.UserID)
	if err != nil {
		return nil, err
	}
	var val maillage.Validator
	ids, emails = s.checkRespondents(ctx, v, me, ids, emails, &val)
	if err := val.Err(); err != nil {
		return nil, err
	}
	if err := s.checkBlocks(ctx, v, ids); err != nil {
		return nil, err
	}
	if err := s.mayEmailNominations(ctx, v, emails); err != nil {
		return nil, err
	}
	first := res.Request
	r := &maillage.NominationRequest{RequesterID: v.UserID, RequesterName: me.Name, TagID: first.TagID,
		TagLabel: first.TagLabel, Question: first.Question, CommunityID: first.CommunityID, ParentID: first.ID, Wave: first.Wave + 1}
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return s.sendNominationRequest(ctx, tx, me, r, ids, emails) }); err != nil {
		return nil, err
	}
	return s.db.NominationRequest(ctx, r.ID)
}

// MyNominationRequests lists the requests the viewer sent and those
// that ask them, newest first.
func (s *Service) MyNominationRequests(ctx context.Context, v maillage.Viewer) (sent, asked []maillage.NominationRequest, err error) {
	if err := requireSignedIn(v); err != nil {
		return nil, nil, err
	}
	if sent, err = s.db.NominationRequestsBy(ctx, v.UserID); err != nil {
		return nil, nil, err
	}
	if asked, err = s.db.NominationRequestsAsking(ctx, v.UserID); err != nil {
		return nil, nil, err
	}
	// The people asked learn nothing of the others: counts are the requester's.
	for i := range asked {
		asked[i].Respondents, asked[i].Answered = 0, 0
	}
	return sent, asked, nil
}
