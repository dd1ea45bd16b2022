package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// The community's "Recrutement" page: its shortlist of candidates, for
// its managers alone (404 to anyone else, members included), with the
// forms that add candidates and invite a selection by email.

// sessionInviteResult carries what an invitation did to the page it
// redirects to.
const sessionInviteResult = "recruitment_result"

// recruitmentFields renames the fields of the service's errors to those
// of the page's forms, so each gets its own label.
var recruitmentFields = map[string]string{
	"status": "candidate_status", "source": "candidate_source", "source_detail": "candidate_source_detail",
	"note": "candidate_note", "labels": "candidate_labels", "emails": "invite_emails", "attachment": "invite_attachment",
	"note_id": "invite_note_id", "user_ids": "candidate", "candidate_ids": "candidate",
}

// recruitmentError returns err with its fields renamed for the page's forms.
func recruitmentError(err error) error {
	e := maillage.AsError(err)
	if len(e.Fields) == 0 {
		return err
	}
	c := *e
	c.Fields = make([]maillage.FieldError, len(e.Fields))
	for i, f := range e.Fields {
		if to, ok := recruitmentFields[f.Field]; ok {
			f.Field = to
		}
		c.Fields[i] = f
	}
	return &c
}

// statusTab is one filter of the shortlist.
type statusTab struct {
	Status, Label string
	Count         int
	Current       bool
}

// inviteOutcome is the summary of the last invitation, shown once.
type inviteOutcome struct {
	Sent    int      `json:"sent"`
	Skipped []string `json:"skipped"`
}

type recruitmentData struct {
	C          *maillage.Community
	Status     string
	Tabs       []statusTab
	Total      int
	Candidates []maillage.Candidate
	// Find is the text searched among members, organisations and cards.
	Find   string
	People []maillage.User
	Orgs   []maillage.Organization
	Cards  []service.CardChoice
	// Listed marks the members, organisations and cards on the shortlist.
	Listed         map[string]bool
	StatusOptions  []option
	SourceOptions  []option
	AttachOptions  []option
	NoteOptions    []option
	AddForm        *form
	InviteForm     *form
	Outcome        *inviteOutcome
	MaxAtOnce      int
	PendingReplies int
}

// statusLabel is a status in words.
func statusLabel(l *i18n.Localizer, st maillage.CandidateStatus) string {
	return l.T("web.recruitment.status." + string(st))
}

func (s *server) recruitmentPage(w http.ResponseWriter, r *http.Request) {
	s.renderRecruitment(w, r, http.StatusOK, nil, nil)
}

// renderRecruitment shows the page, with a form sent back with its errors.
func (s *server) renderRecruitment(w http.ResponseWriter, r *http.Request, status int, addForm, inviteForm *form) {
	st, id := state(r), r.PathValue("id")
	filter := r.URL.Query().Get("status")
	if !maillage.ValidCandidateStatus(filter) {
		filter = ""
	}
	c, err := s.svc.RecruitmentCommunity(r.Context(), st.Viewer, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, counts, err := s.svc.Shortlist(r.Context(), st.Viewer, c.ID, filter)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := recruitmentData{C: c, Status: filter, Candidates: list, Listed: map[string]bool{}, AddForm: addForm, InviteForm: inviteForm,
		MaxAtOnce: maillage.MaxInvitationsAtOnce}
	for _, n := range counts {
		d.Total += n
	}
	d.PendingReplies = counts[maillage.CandidateInvited]
	d.Tabs = append(d.Tabs, statusTab{Label: st.L.T("web.recruitment.all"), Count: d.Total, Current: filter == ""})
	for _, x := range maillage.CandidateStatuses() {
		d.Tabs = append(d.Tabs, statusTab{Status: string(x), Label: statusLabel(st.L, x), Count: counts[x], Current: filter == string(x)})
		d.StatusOptions = append(d.StatusOptions, option{Value: string(x), Label: statusLabel(st.L, x)})
	}
	for _, x := range maillage.CandidateSources() {
		d.SourceOptions = append(d.SourceOptions, option{Value: string(x), Label: st.L.T("web.recruitment.source." + string(x))})
	}
	d.AttachOptions = []option{{Value: "", Label: st.L.T("web.recruitment.attach_nothing")},
		{Value: "description", Label: st.L.T("web.recruitment.attach_description")},
		{Value: "note", Label: st.L.T("web.recruitment.attach_note")}}
	notes, _, err := s.svc.Notes(r.Context(), st.Viewer, service.NoteFilter{CommunityID: c.ID, Sort: "title", Page: service.Page{Limit: 100}})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, n := range notes {
		d.NoteOptions = append(d.NoteOptions, option{Value: n.ID, Label: n.Title})
	}
	if d.AddForm == nil {
		d.AddForm = newForm(url.Values{"candidate_source": {"free"}})
	}
	if d.InviteForm == nil {
		d.InviteForm = newForm(nil)
	}
	if raw := s.sessions.PopString(r.Context(), sessionInviteResult); raw != "" {
		var o inviteOutcome
		if json.Unmarshal([]byte(raw), &o) == nil {
			d.Outcome = &o
		}
	}
	for _, cand := range list {
		for _, k := range []string{cand.UserID, cand.OrganizationID, cand.ActorID} {
			if k != "" {
				d.Listed[k] = true
			}
		}
	}
	if d.Find = strings.TrimSpace(r.URL.Query().Get("find")); d.Find != "" {
		if err := s.findCandidates(r, &d); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, status, view{Template: "recruitment", Title: st.L.T("web.recruitment.title", map[string]any{"Name": c.Name}),
		Nav: "communities", Data: d})
}

// findCandidates looks for members, organisations and actor cards whose
// name matches the page's search, among what the viewer may see.
func (s *server) findCandidates(r *http.Request, d *recruitmentData) error {
	ctx, v := r.Context(), state(r).Viewer
	var err error
	page := service.Page{Limit: 10}
	if d.People, _, err = s.svc.People(ctx, v, service.PeopleFilter{Query: d.Find, Page: page}); err != nil {
		return err
	}
	if d.Orgs, _, err = s.svc.Organizations(ctx, v, service.OrganizationFilter{Query: d.Find, Page: page}); err != nil {
		return err
	}
	d.Cards, err = s.svc.ShortlistCards(ctx, v, d.C.ID, d.Find)
	return err
}

// recruitmentPath is the page of a community's recruitment, keeping the
// status filter a form was sent from.
func recruitmentPath(r *http.Request, id string) string {
	p := "/communities/" + url.PathEscape(id) + "/recruitment"
	if st := r.PostForm.Get("back_status"); maillage.ValidCandidateStatus(st) {
		p += "?status=" + st
	}
	return p
}

// addCandidate puts someone on the shortlist: a member, organisation or
// card found by the search (their ID), or a name with an address.
func (s *server) addCandidate(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	in := maillage.CandidateInput{UserID: r.PostForm.Get("user_id"), OrganizationID: r.PostForm.Get("organization_id"),
		ActorID: r.PostForm.Get("actor_id"), Email: trimmed(r, "email"), Name: trimmed(r, "name"),
		Status: r.PostForm.Get("candidate_status"), Source: r.PostForm.Get("candidate_source"),
		SourceDetail: trimmed(r, "candidate_source_detail"), Note: r.PostForm.Get("candidate_note"),
		Labels: splitLabels(r.PostForm.Get("candidate_labels"))}
	_, err := s.svc.AddCandidate(r.Context(), st.Viewer, id, in)
	if err != nil {
		if e := maillage.AsError(err); e.Code == maillage.CodeNotFound && len(e.Fields) == 0 {
			s.fail(w, r, err)
			return
		}
		f := newForm(r.PostForm)
		if !f.apply(st.L, recruitmentError(err)) {
			s.fail(w, r, err)
			return
		}
		s.renderRecruitment(w, r, formStatus(err), f, nil)
		return
	}
	s.redirect(w, r, recruitmentPath(r, id), "web.recruitment.added")
}

// splitLabels reads labels typed separated by commas.
func splitLabels(s string) []string {
	var out []string
	for _, l := range strings.Split(s, ",") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// splitEmails reads addresses typed one per line, or separated by commas,
// semicolons or spaces.
func splitEmails(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\r' || r == '\t'
	})
}

// inviteSelection emails an invitation to the candidates ticked in the
// table and the addresses typed, in one step.
func (s *server) inviteSelection(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	in := maillage.InviteInput{CandidateIDs: r.PostForm["candidate_ids"], Emails: splitEmails(r.PostForm.Get("invite_emails")),
		Message: r.PostForm.Get("message"), Attachment: r.PostForm.Get("invite_attachment"), NoteID: r.PostForm.Get("invite_note_id")}
	res, err := s.svc.InviteToCommunity(r.Context(), st.Viewer, id, in, st.L.Lang())
	if err != nil {
		if e := maillage.AsError(err); e.Code == maillage.CodeNotFound && len(e.Fields) == 0 {
			s.fail(w, r, err)
			return
		}
		f := newForm(r.PostForm)
		if !f.apply(st.L, recruitmentError(err)) {
			s.fail(w, r, err)
			return
		}
		s.renderRecruitment(w, r, formStatus(err), nil, f)
		return
	}
	o := inviteOutcome{Sent: len(res.Sent)}
	for _, sk := range res.Skipped {
		name := sk.Name
		if name == "" {
			name = sk.Email
		}
		if name == "" {
			name = st.L.T("web.recruitment.someone")
		}
		o.Skipped = append(o.Skipped, st.L.T("web.recruitment.skipped_item", map[string]any{"Name": name, "Reason": st.L.T(sk.MessageID)}))
	}
	raw, _ := json.Marshal(o)
	s.sessions.Put(r.Context(), sessionInviteResult, string(raw))
	http.Redirect(w, r, recruitmentPath(r, id), http.StatusSeeOther)
}

// remindInvitations emails a reminder to everyone who did not answer.
func (s *server) remindInvitations(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	res, err := s.svc.RemindInvitations(r.Context(), st.Viewer, id, nil)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	msg := "web.recruitment.reminded"
	switch {
	case res.Reminded == 0 && res.TooSoon > 0:
		msg = "web.recruitment.remind_too_soon"
	case res.Reminded == 0:
		msg = "web.recruitment.remind_nobody"
	}
	s.redirect(w, r, recruitmentPath(r, id), msg)
}
