package service

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// JobRecruitmentEmail is the job kind that emails one invitation to join
// a community, or a reminder of it (see RecruitmentMailer).
const JobRecruitmentEmail = "recruitment_email"

// RecruitmentEmailJob is the payload of a JobRecruitmentEmail. The link
// carries its token in the clear: it exists nowhere else (the store keeps
// its hash), like the links of account emails.
type RecruitmentEmailJob struct {
	InvitationID string `json:"invitation_id"`
	Link         string `json:"link"`
	Reminder     bool   `json:"reminder,omitempty"`
}

// InviteSkip is someone an invitation did not go to, and why (a message ID).
type InviteSkip struct {
	Name      string `json:"name"`
	UserID    string `json:"user_id,omitempty"`
	Email     string `json:"email,omitempty"`
	MessageID string `json:"-"`
}

// InviteResult tells what a grouped invitation did.
type InviteResult struct {
	Sent    []maillage.RecruitmentInvitation
	Skipped []InviteSkip
}

// inviteTarget is one person a grouped invitation is for.
type inviteTarget struct {
	name, email, userID, actorID, lang string
	candidate                          *maillage.Candidate
}

// InviteToCommunity emails an invitation to join a community to each
// person named, in one step: members of Maillage (UserIDs, who also get
// the in-app invitation), addresses (Emails) and candidates of the
// shortlist (CandidateIDs). Each email carries the personal message, the
// chosen attachment as a PDF, and a link to accept or decline.
//
// Input that cannot go out as asked (an invalid address, someone unknown,
// too many people, a note one may not attach) sends nothing and says
// what to fix. People who need no invitation are skipped and reported:
// members already, or with a pending invitation (so a repeated click
// sends no second email). Everyone invited who was not on the shortlist
// joins it as invited; candidates move to "invited".
func (s *Service) InviteToCommunity(ctx context.Context, v maillage.Viewer, communityID string, in maillage.InviteInput, lang string) (*InviteResult, error) {
	c, err := s.recruitingCommunity(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	in.Message = maillage.CleanText(in.Message)
	var val maillage.Validator
	val.MaxLen("message", in.Message, maillage.MaxInvitationMessage)
	val.OneOf("attachment", in.Attachment, []string{string(maillage.AttachDescription), string(maillage.AttachNote)})
	if err := val.Err(); err != nil {
		return nil, err
	}
	attachment := maillage.RecruitmentAttachment(in.Attachment)
	if attachment == maillage.AttachNote {
		if err := s.checkMandateNote(ctx, v, c.ID, in.NoteID); err != nil {
			return nil, err
		}
	} else {
		in.NoteID = ""
	}
	if lang == "" {
		lang = "fr-CA"
	}
	res := &InviteResult{}
	targets, err := s.inviteTargets(ctx, v, c.ID, in, lang, res)
	if err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		for _, t := range targets {
			inv, skip, err := s.inviteOne(ctx, tx, v, c, t, in, attachment)
			if err != nil {
				return err
			}
			if skip != "" {
				res.Skipped = append(res.Skipped, InviteSkip{Name: t.name, UserID: t.userID, Email: publicAddress(t), MessageID: skip})
				continue
			}
			res.Sent = append(res.Sent, *inv)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range res.Sent {
		hideMemberAddress(&res.Sent[i])
	}
	return res, nil
}

// publicAddress is the address of a target the managers may read: never
// a member's own.
func publicAddress(t inviteTarget) string {
	if t.userID != "" {
		return ""
	}
	return t.email
}

// checkMandateNote accepts as an attachment a note the viewer may see
// that is public, linked to the community, or their own: the email puts
// its text in the hands of people outside.
func (s *Service) checkMandateNote(ctx context.Context, v maillage.Viewer, communityID, noteID string) error {
	if strings.TrimSpace(noteID) == "" {
		return invalidField("note_id", "recruitment.choose_note")
	}
	n, err := s.Note(ctx, v, noteID)
	if maillage.IsNotFound(err) {
		return invalidFieldCode(maillage.CodeNotFound, "note_id", "recruitment.unknown_note")
	}
	if err != nil {
		return err
	}
	if n.Visibility != maillage.VisibilityPublic && n.CommunityID != communityID && !maillage.CanEditContent(v, n.Access()) {
		return invalidField("note_id", "recruitment.note_not_shareable")
	}
	return nil
}

// inviteTargets resolves and checks everyone a grouped invitation names,
// each once. Anything invalid fails the whole invitation.
func (s *Service) inviteTargets(ctx context.Context, v maillage.Viewer, communityID string, in maillage.InviteInput, lang string, res *InviteResult) ([]inviteTarget, error) {
	var out []inviteTarget
	seenUser, seenEmail := map[string]bool{}, map[string]bool{}
	add := func(t inviteTarget) {
		if (t.userID != "" && seenUser[t.userID]) || seenEmail[t.email] {
			return
		}
		if t.userID != "" {
			seenUser[t.userID] = true
		}
		seenEmail[t.email] = true
		out = append(out, t)
	}
	var bad []string
	count := len(in.UserIDs) + len(in.Emails) + len(in.CandidateIDs)
	if count > 4*maillage.MaxInvitationsAtOnce {
		return nil, tooManyInvitations(count)
	}
	for _, id := range in.CandidateIDs {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		cand, err := s.db.Candidate(ctx, communityID, id)
		if maillage.IsNotFound(err) {
			return nil, invalidFieldCode(maillage.CodeNotFound, "candidate_ids", "recruitment.unknown_candidate")
		}
		if err != nil {
			return nil, err
		}
		switch {
		case cand.UserID != "":
			u, err := s.visibleUser(ctx, v, cand.UserID)
			if maillage.IsNotFound(err) {
				res.Skipped = append(res.Skipped, InviteSkip{Name: cand.Name, MessageID: "recruitment.skip_unknown"})
				continue
			}
			if err != nil {
				return nil, err
			}
			add(inviteTarget{name: u.Name, email: u.Email, userID: u.ID, lang: u.Language, candidate: cand})
		case cand.Email != "":
			name := cand.Name
			if name == cand.Email {
				name = "" // known by address alone: greeted without a name
			}
			add(inviteTarget{name: name, email: cand.Email, actorID: cand.ActorID, lang: lang, candidate: cand})
		default:
			res.Skipped = append(res.Skipped, InviteSkip{Name: cand.Name, MessageID: "recruitment.skip_no_address"})
		}
	}
	for _, id := range in.UserIDs {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		if err := s.checkInvitee(ctx, v, id, "user_ids"); err != nil {
			if maillage.ErrorCode(err) == maillage.CodeForbidden || maillage.AsError(err).MessageID == "consent.invite_self" {
				// A block, or the viewer themselves: nobody to email.
				res.Skipped = append(res.Skipped, InviteSkip{UserID: id, MessageID: maillage.AsError(err).MessageID})
				continue
			}
			return nil, err
		}
		u, err := s.db.User(ctx, id)
		if err != nil {
			return nil, err
		}
		add(inviteTarget{name: u.Name, email: u.Email, userID: u.ID, lang: u.Language})
	}
	for _, e := range in.Emails {
		e = maillage.NormalizeEmail(e)
		if e == "" {
			continue
		}
		if !maillage.ValidEmail(e) {
			bad = append(bad, e)
			continue
		}
		add(inviteTarget{name: "", email: e, lang: lang})
	}
	if len(bad) > 0 {
		return nil, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "recruitment.invalid_emails",
			Data:   map[string]any{"Emails": strings.Join(bad, ", ")},
			Fields: []maillage.FieldError{{Field: "emails", MessageID: "recruitment.invalid_emails", Data: map[string]any{"Emails": strings.Join(bad, ", ")}}}}
	}
	if len(out) > maillage.MaxInvitationsAtOnce {
		return nil, tooManyInvitations(len(out))
	}
	if len(out) == 0 && len(res.Skipped) == 0 {
		return nil, invalidField("emails", "recruitment.nobody_to_invite")
	}
	return out, nil
}

func tooManyInvitations(n int) error {
	data := map[string]any{"Max": maillage.MaxInvitationsAtOnce, "Count": n}
	return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "recruitment.too_many", Data: data,
		Fields: []maillage.FieldError{{Field: "emails", MessageID: "recruitment.too_many", Data: data}}}
}

// inviteOne invites one person inside the grouped invitation's
// transaction. It returns the invitation sent, or why none was.
func (s *Service) inviteOne(ctx context.Context, tx *store.Tx, v maillage.Viewer, c *maillage.Community, t inviteTarget, in maillage.InviteInput, attachment maillage.RecruitmentAttachment) (*maillage.RecruitmentInvitation, string, error) {
	if t.userID != "" {
		role, err := tx.MemberRole(ctx, c.ID, t.userID)
		if err != nil && !maillage.IsNotFound(err) {
			return nil, "", err
		}
		if role != "" {
			return nil, "recruitment.skip_member", nil
		}
	}
	cand, err := s.candidateFor(ctx, tx, v, c.ID, t)
	if err != nil {
		return nil, "", err
	}
	pending, err := tx.PendingRecruitmentInvitation(ctx, c.ID, t.email)
	if err != nil && !maillage.IsNotFound(err) {
		return nil, "", err
	}
	if pending != nil && !pending.Expired(tx.Now()) {
		return nil, "recruitment.skip_pending", nil
	}
	plain, hash, err := auth.NewToken("")
	if err != nil {
		return nil, "", err
	}
	inv := &maillage.RecruitmentInvitation{ID: auth.NewID(), CommunityID: c.ID, CandidateID: cand.ID, Email: t.email,
		Name: t.name, UserID: t.userID, ActorID: t.actorID, Message: in.Message, Attachment: attachment,
		MandateNoteID: in.NoteID, Language: t.lang, InvitedBy: v.UserID}
	if pending != nil {
		inv.ID = pending.ID
		err = tx.RenewRecruitmentInvitation(ctx, inv, hash)
	} else {
		err = tx.CreateRecruitmentInvitation(ctx, inv, hash)
	}
	if err != nil {
		return nil, "", err
	}
	inv.Status, inv.CommunityName = maillage.InvitationPending, c.Name
	if t.userID != "" {
		// The member also finds it among their invitations in Maillage;
		// the email is their notice of it.
		if _, err := tx.UpsertInvitation(ctx, maillage.InviteCommunity, c.ID, t.userID, v.UserID, string(maillage.RoleMember)); err != nil {
			return nil, "", err
		}
	}
	if cand.Status != maillage.CandidateAccepted {
		if err := tx.SetCandidateStatus(ctx, cand.ID, maillage.CandidateInvited); err != nil {
			return nil, "", err
		}
	}
	err = tx.Enqueue(ctx, JobRecruitmentEmail, RecruitmentEmailJob{InvitationID: inv.ID, Link: s.invitationLink(plain)})
	return inv, "", err
}

// invitationLink is the address of the page that answers an invitation.
func (s *Service) invitationLink(token string) string {
	return strings.TrimRight(s.baseURL, "/") + "/join/" + token
}

// candidateFor returns the shortlist's candidate for an invitee, adding
// one when they are not listed yet (as found by free entry, or by search
// for a member), so the answer has somewhere to land.
func (s *Service) candidateFor(ctx context.Context, tx *store.Tx, v maillage.Viewer, communityID string, t inviteTarget) (*maillage.Candidate, error) {
	if t.candidate != nil {
		return t.candidate, nil
	}
	var cand *maillage.Candidate
	var err error
	if t.userID != "" {
		cand, err = tx.CandidateByUser(ctx, communityID, t.userID)
	} else {
		cand, err = tx.CandidateByEmail(ctx, communityID, t.email)
	}
	if err == nil || !maillage.IsNotFound(err) {
		return cand, err
	}
	cand = &maillage.Candidate{ID: auth.NewID(), CommunityID: communityID, UserID: t.userID, Name: t.name,
		Status: maillage.CandidateInvited, Source: maillage.SourceFree, CreatedBy: v.UserID}
	if t.userID != "" {
		cand.Source = maillage.SourceSearch
	} else {
		cand.Email = t.email
		if cand.Name == "" {
			cand.Name = t.email
		}
	}
	return cand, tx.CreateCandidate(ctx, cand)
}

// RecruitmentInvitations lists a community's emailed invitations, newest
// first, for its managers.
func (s *Service) RecruitmentInvitations(ctx context.Context, v maillage.Viewer, communityID string) ([]maillage.RecruitmentInvitation, error) {
	c, err := s.recruitingCommunity(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	list, err := s.db.RecruitmentInvitations(ctx, c.ID)
	for i := range list {
		hideMemberAddress(&list[i])
	}
	return list, err
}

// RemindResult tells what a click on "remind" did.
type RemindResult struct {
	// Reminded counts the reminders sent; TooSoon the invitations left
	// alone because they, or a reminder, left less than a day ago.
	Reminded, TooSoon int
}

// RemindInvitations emails a reminder, with a fresh link, to everyone
// whose invitation to the community is unanswered — or to the candidates
// named, when some are. One click sends at most one reminder to each
// person, and never a second within a day of the last email.
func (s *Service) RemindInvitations(ctx context.Context, v maillage.Viewer, communityID string, candidateIDs []string) (*RemindResult, error) {
	c, err := s.recruitingCommunity(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	if len(candidateIDs) > maillage.MaxInvitationsAtOnce {
		return nil, tooManyInvitations(len(candidateIDs))
	}
	only := map[string]bool{}
	for _, id := range candidateIDs {
		only[id] = true
	}
	list, err := s.db.RecruitmentInvitations(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	res := &RemindResult{}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		for _, inv := range list {
			if inv.Status != maillage.InvitationPending || (len(only) > 0 && !only[inv.CandidateID]) {
				continue
			}
			if !inv.MayRemind(tx.Now()) {
				res.TooSoon++
				continue
			}
			// The same rule again in the update, against two clicks at once.
			ok, err := tx.MarkRecruitmentReminded(ctx, inv.ID, maillage.InvitationReminderGap)
			if err != nil {
				return err
			}
			if !ok {
				res.TooSoon++
				continue
			}
			plain, hash, err := auth.NewToken("")
			if err != nil {
				return err
			}
			if err := tx.AddRecruitmentLink(ctx, inv.ID, hash); err != nil {
				return err
			}
			if err := tx.Enqueue(ctx, JobRecruitmentEmail, RecruitmentEmailJob{InvitationID: inv.ID,
				Link: s.invitationLink(plain), Reminder: true}); err != nil {
				return err
			}
			res.Reminded++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}
