package service

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// A community's recruitment: the shortlist of candidates its managers
// consider, with notes and labels (this file), and the invitations they
// email (recruitment_invite.go). All of it is for the managers alone
// (maillage.CanViewShortlist); to anyone else, members included, it does
// not exist.

// recruitingCommunity returns a community whose recruitment the viewer
// may see; not found to everyone else, exactly like an absent community.
func (s *Service) recruitingCommunity(ctx context.Context, v maillage.Viewer, id string) (*maillage.Community, error) {
	if !v.SignedIn() {
		return nil, maillage.ErrNotFound
	}
	c, err := s.Community(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewShortlist(v, c.Access()) {
		return nil, maillage.ErrNotFound
	}
	return c, nil
}

// RecruitmentCommunity returns the community whose recruitment the
// viewer manages (see recruitingCommunity), for the pages around it.
func (s *Service) RecruitmentCommunity(ctx context.Context, v maillage.Viewer, id string) (*maillage.Community, error) {
	return s.recruitingCommunity(ctx, v, id)
}

// Shortlist lists a community's candidates by name, with their labels,
// notes and latest invitation, and how many there are of each status.
// status "" lists them all.
func (s *Service) Shortlist(ctx context.Context, v maillage.Viewer, communityID, status string) ([]maillage.Candidate, map[maillage.CandidateStatus]int, error) {
	c, err := s.recruitingCommunity(ctx, v, communityID)
	if err != nil {
		return nil, nil, err
	}
	if status != "" && !maillage.ValidCandidateStatus(status) {
		return nil, nil, invalidField("status", "field.invalid_choice")
	}
	list, err := s.db.Candidates(ctx, c.ID, store.CandidateFilter{Status: status})
	if err != nil {
		return nil, nil, err
	}
	counts, err := s.db.CandidateCounts(ctx, c.ID)
	if err != nil {
		return nil, nil, err
	}
	for i := range list {
		hideMemberAddress(list[i].LastInvitation)
	}
	return list, counts, nil
}

// Candidate returns one candidate of a community's shortlist.
func (s *Service) Candidate(ctx context.Context, v maillage.Viewer, communityID, id string) (*maillage.Candidate, error) {
	c, err := s.recruitingCommunity(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	cand, err := s.db.Candidate(ctx, c.ID, id)
	if err != nil {
		return nil, err
	}
	hideMemberAddress(cand.LastInvitation)
	return cand, nil
}

// hideMemberAddress keeps a member's own address, which an invitation to
// them was sent to, out of what the managers read: it is theirs to show.
func hideMemberAddress(inv *maillage.RecruitmentInvitation) {
	if inv != nil && inv.UserID != "" {
		inv.Email = ""
	}
}

// AddCandidate puts someone on a community's shortlist: a member of
// Maillage the viewer can see, an organisation, an actor card the viewer
// can see, or a name with an email address. Someone listed already is a
// conflict, so a repeated click adds nobody twice.
func (s *Service) AddCandidate(ctx context.Context, v maillage.Viewer, communityID string, in maillage.CandidateInput) (*maillage.Candidate, error) {
	c, err := s.recruitingCommunity(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	cand, err := s.newCandidate(ctx, v, c.ID, in)
	if err != nil {
		return nil, err
	}
	note := maillage.CleanText(in.Note)
	if err := checkCandidateNote("note", note); err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		n, err := tx.CountCandidates(ctx, c.ID)
		if err != nil {
			return err
		}
		if n >= maillage.MaxShortlistSize {
			return maillage.Errorf(maillage.CodeConflict, "recruitment.shortlist_full").
				WithData(map[string]any{"Max": maillage.MaxShortlistSize})
		}
		if err := tx.CreateCandidate(ctx, cand); err != nil {
			return err
		}
		if note != "" {
			return tx.AddCandidateNote(ctx, cand.ID, v.UserID, note)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.db.Candidate(ctx, c.ID, cand.ID)
}

// newCandidate checks a candidate's input and resolves who it names.
func (s *Service) newCandidate(ctx context.Context, v maillage.Viewer, communityID string, in maillage.CandidateInput) (*maillage.Candidate, error) {
	in.UserID, in.OrganizationID = strings.TrimSpace(in.UserID), strings.TrimSpace(in.OrganizationID)
	in.ActorID, in.Email = strings.TrimSpace(in.ActorID), maillage.NormalizeEmail(in.Email)
	in.Name, in.SourceDetail = maillage.CleanLine(in.Name), maillage.CleanLine(in.SourceDetail)
	named := 0
	for _, x := range []string{in.UserID, in.OrganizationID, in.ActorID, in.Email} {
		if x != "" {
			named++
		}
	}
	if named != 1 {
		return nil, invalidField("candidate", "recruitment.name_one")
	}
	cand := &maillage.Candidate{ID: auth.NewID(), CommunityID: communityID, CreatedBy: v.UserID,
		Status: maillage.CandidateIdentified, Source: maillage.SourceSearch, SourceDetail: in.SourceDetail}
	var val maillage.Validator
	if in.Status != "" {
		val.OneOf("status", in.Status, candidateStatusNames())
		cand.Status = maillage.CandidateStatus(in.Status)
	}
	if in.Source != "" {
		val.OneOf("source", in.Source, candidateSourceNames())
		cand.Source = maillage.CandidateSource(in.Source)
	} else if in.Email != "" {
		cand.Source = maillage.SourceFree
	}
	val.MaxLen("source_detail", in.SourceDetail, maillage.MaxSourceDetailLen)
	labels, err := cleanLabels(in.Labels)
	if err != nil {
		return nil, err
	}
	cand.Labels = labels
	switch {
	case in.UserID != "":
		u, err := s.visibleUser(ctx, v, in.UserID)
		if maillage.IsNotFound(err) {
			return nil, invalidFieldCode(maillage.CodeNotFound, "user_id", "recruitment.unknown_person")
		}
		if err != nil {
			return nil, err
		}
		cand.UserID, cand.Name = u.ID, u.Name
	case in.OrganizationID != "":
		o, err := s.db.Organization(ctx, in.OrganizationID)
		if maillage.IsNotFound(err) {
			return nil, invalidFieldCode(maillage.CodeNotFound, "organization_id", "recruitment.unknown_organization")
		}
		if err != nil {
			return nil, err
		}
		cand.OrganizationID, cand.Name = o.ID, o.Name
	case in.ActorID != "":
		a, err := s.visibleActor(ctx, v, in.ActorID)
		if err != nil {
			return nil, err
		}
		cand.ActorID, cand.Name, cand.Email = a.ID, a.Name, maillage.NormalizeEmail(a.Email)
		if !maillage.ValidEmail(cand.Email) {
			cand.Email = ""
		}
	default:
		val.Email("email", in.Email)
		val.MaxLen("name", in.Name, maillage.MaxNameLen)
		cand.Email, cand.Name = in.Email, in.Name
		if cand.Name == "" {
			cand.Name = in.Email
		}
	}
	if err := val.Err(); err != nil {
		return nil, err
	}
	return cand, nil
}

// visibleActor returns an actor card the viewer may see; a field error
// otherwise, like a card that does not exist.
func (s *Service) visibleActor(ctx context.Context, v maillage.Viewer, id string) (*store.ShortlistActor, error) {
	a, err := s.db.ShortlistActor(ctx, id)
	if err == nil && !v.Reaches(a.Access.Audiences()) {
		err = maillage.ErrNotFound
	}
	if maillage.IsNotFound(err) {
		return nil, invalidFieldCode(maillage.CodeNotFound, "actor_id", "recruitment.unknown_card")
	}
	return a, err
}

// CardChoice is an actor card offered to the form that adds a candidate.
type CardChoice struct {
	ID, Name string
	// Organization: the card describes an organisation, not a person.
	Organization bool
	// HasEmail: the card has a public address an invitation can go to.
	HasEmail bool
}

// ShortlistCards lists the actor cards the viewer may see whose name
// contains q, for the form that adds a candidate.
func (s *Service) ShortlistCards(ctx context.Context, v maillage.Viewer, communityID, q string) ([]CardChoice, error) {
	if _, err := s.recruitingCommunity(ctx, v, communityID); err != nil {
		return nil, err
	}
	list, err := s.db.ShortlistActorChoices(ctx, q, 200)
	if err != nil {
		return nil, err
	}
	var out []CardChoice
	for _, a := range list {
		if v.Reaches(a.Access.Audiences()) && len(out) < 20 {
			out = append(out, CardChoice{ID: a.ID, Name: a.Name, Organization: a.Kind == "organization",
				HasEmail: maillage.ValidEmail(maillage.NormalizeEmail(a.Email))})
		}
	}
	return out, nil
}

// UpdateCandidate changes a candidate's status, source or labels, and
// adds a note to its log.
func (s *Service) UpdateCandidate(ctx context.Context, v maillage.Viewer, communityID, id string, upd maillage.CandidateUpdate) (*maillage.Candidate, error) {
	c, err := s.recruitingCommunity(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	var val maillage.Validator
	if upd.Status != nil {
		val.Required("status", *upd.Status)
		val.OneOf("status", *upd.Status, candidateStatusNames())
	}
	if upd.Source != nil {
		val.Required("source", *upd.Source)
		val.OneOf("source", *upd.Source, candidateSourceNames())
	}
	if upd.SourceDetail != nil {
		d := maillage.CleanLine(*upd.SourceDetail)
		upd.SourceDetail = &d
		val.MaxLen("source_detail", d, maillage.MaxSourceDetailLen)
	}
	if err := val.Err(); err != nil {
		return nil, err
	}
	var labels []string
	if upd.Labels != nil {
		if labels, err = cleanLabels(*upd.Labels); err != nil {
			return nil, err
		}
	}
	note := maillage.CleanText(upd.Note)
	if err := checkCandidateNote("note", note); err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		cand, err := tx.Candidate(ctx, c.ID, id)
		if err != nil {
			return err
		}
		if upd.Status != nil {
			cand.Status = maillage.CandidateStatus(*upd.Status)
		}
		if upd.Source != nil {
			cand.Source = maillage.CandidateSource(*upd.Source)
		}
		if upd.SourceDetail != nil {
			cand.SourceDetail = *upd.SourceDetail
		}
		if err := tx.UpdateCandidate(ctx, cand); err != nil {
			return err
		}
		if upd.Labels != nil {
			if err := tx.SetCandidateLabels(ctx, cand.ID, labels); err != nil {
				return err
			}
		}
		if note != "" {
			return tx.AddCandidateNote(ctx, cand.ID, v.UserID, note)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.Candidate(ctx, v, c.ID, id)
}

// DeleteCandidate takes someone off the shortlist, with their notes.
func (s *Service) DeleteCandidate(ctx context.Context, v maillage.Viewer, communityID, id string) error {
	c, err := s.recruitingCommunity(ctx, v, communityID)
	if err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteCandidate(ctx, c.ID, id) })
}

func candidateStatusNames() []string {
	var out []string
	for _, s := range maillage.CandidateStatuses() {
		out = append(out, string(s))
	}
	return out
}

func candidateSourceNames() []string {
	var out []string
	for _, s := range maillage.CandidateSources() {
		out = append(out, string(s))
	}
	return out
}

// cleanLabels trims the managers' labels, drops empty and repeated ones
// and checks their number and length.
func cleanLabels(in []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, l := range in {
		l = maillage.CleanLine(l)
		k := fold.Key(l)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, l)
	}
	var val maillage.Validator
	if len(out) > maillage.MaxCandidateLabels {
		val.Add("labels", "recruitment.too_many_labels", map[string]any{"Max": maillage.MaxCandidateLabels})
	}
	for _, l := range out {
		val.MaxLen("labels", l, maillage.MaxCandidateLabelLen)
	}
	return out, val.Err()
}

// checkCandidateNote bounds a note on a candidate.
func checkCandidateNote(field, note string) error {
	var val maillage.Validator
	val.MaxLen(field, note, maillage.MaxCandidateNoteLen)
	return val.Err()
}

// invalidField is an invalid-input error on one field.
func invalidField(field, messageID string) error {
	return invalidFieldCode(maillage.CodeInvalid, field, messageID)
}

// invalidFieldCode is an error of a code on one field, its message also
// the error's.
func invalidFieldCode(code maillage.Code, field, messageID string) error {
	return &maillage.Error{Code: code, MessageID: messageID,
		Fields: []maillage.FieldError{{Field: field, MessageID: messageID}}}
}
