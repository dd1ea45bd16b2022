package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// Nominations: the facilitator's requests ("name up to 5 people or
// organisations who matter on this theme"), the page where the people
// asked answer, and the results, which only the requester sees.

// maxCandidates bounds the members offered as respondents on the form.
const maxCandidates = 500

// nominationListData feeds "my requests".
type nominationListData struct {
	Sent, Asked []maillage.NominationRequest
}

func (s *server) nominations(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	sent, asked, err := s.svc.MyNominationRequests(r.Context(), st.Viewer)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "nominations", Title: st.L.T("nomination.web.list_title"),
		Data: nominationListData{Sent: sent, Asked: asked}})
}

// nominationFormData feeds the form of a new request.
type nominationFormData struct {
	Community  *maillage.Community
	Candidates []maillage.Membership
}

func (s *server) newNominationForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	q := r.URL.Query()
	values := url.Values{"tag": {strings.TrimSpace(q.Get("tag"))}, "community_id": {strings.TrimSpace(q.Get("community"))}}
	if slug := values.Get("tag"); slug != "" {
		// A tag page's link names its slug: the form shows its label.
		if t, _, err := s.svc.ResolveTag(r.Context(), st.Viewer, slug); err == nil {
			values.Set("tag", t.DisplayLabel(st.L.Lang()))
		} else {
			values.Set("tag", "")
		}
	}
	values.Set("question", st.L.T("nomination.default_question", map[string]any{"Tag": values.Get("tag")}))
	s.renderNominationForm(w, r, http.StatusOK, newForm(values))
}

func (s *server) renderNominationForm(w http.ResponseWriter, r *http.Request, status int, f *form) {
	st := state(r)
	d := nominationFormData{}
	if id := f.Get("community_id"); id != "" {
		c, err := s.svc.Community(r.Context(), st.Viewer, id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		d.Community = c
	}
	var err error
	if d.Candidates, err = s.nominationCandidates(r, d.Community); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, view{Template: "nomination_form", Title: st.L.T("nomination.web.new_title"), Form: f, Data: d})
}

// nominationCandidates are the people the form offers to ask: the
// members of the community the request comes from, or of every
// community of the viewer; the viewer aside, each once, by name.
func (s *server) nominationCandidates(r *http.Request, c *maillage.Community) ([]maillage.Membership, error) {
	v := state(r).Viewer
	var ids []string
	if c != nil {
		ids = []string{c.ID}
	} else {
		for id := range v.Roles {
			ids = append(ids, id)
		}
		slices.Sort(ids)
	}
	var out []maillage.Membership
	seen := map[string]bool{v.UserID: true}
	for _, id := range ids {
		list, _, err := s.svc.Members(r.Context(), v, id, service.Page{Limit: maxCandidates})
		if maillage.IsNotFound(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, m := range list {
			if !seen[m.UserID] && len(out) < maxCandidates {
				seen[m.UserID] = true
				out = append(out, m)
			}
		}
	}
	slices.SortFunc(out, func(a, b maillage.Membership) int {
		return strings.Compare(strings.ToLower(a.UserName), strings.ToLower(b.UserName))
	})
	return out, nil
}

func (s *server) createNomination(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	in := service.NominationRequestInput{Tag: trimmed(r, "tag"), Question: r.PostForm.Get("question"),
		CommunityID: trimmed(r, "community_id"), RespondentIDs: r.PostForm["respondent_ids"], Emails: splitEmails(r.PostForm.Get("emails"))}
	req, err := s.svc.CreateNominationRequest(r.Context(), st.Viewer, in)
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderNominationForm(w, r, formStatus(err), f)
		return
	}
	s.redirect(w, r, "/nominations/"+url.PathEscape(req.ID), "nomination.web.sent")
}

func (s *server) nominationResults(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	res, err := s.svc.NominationResults(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "nomination_results",
		Title: st.L.T("nomination.web.results_title", map[string]any{"Tag": res.Request.TagLabel}), Data: res})
}

func (s *server) closeNomination(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	id := r.PathValue("id")
	if _, err := s.svc.CloseNominationRequest(r.Context(), state(r).Viewer, id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/nominations/"+url.PathEscape(id), "nomination.web.closed")
}

func (s *server) nominationWave(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	id := r.PathValue("id")
	var picks []maillage.NomineeRef
	for _, p := range r.PostForm["nominee"] {
		if typ, nid, ok := strings.Cut(p, ":"); ok {
			picks = append(picks, maillage.NomineeRef{Type: maillage.NomineeType(typ), ID: nid})
		}
	}
	req, err := s.svc.NominationSecondWave(r.Context(), state(r).Viewer, id, picks)
	if e := maillage.AsError(err); err != nil && e.Code == maillage.CodeInvalid {
		s.sessions.Put(r.Context(), sessionFlash, e.MessageID)
		s.sessions.Put(r.Context(), sessionFlashKind, "error")
		http.Redirect(w, r, "/nominations/"+url.PathEscape(id)+"#wave", http.StatusSeeOther)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/nominations/"+url.PathEscape(req.ID), "nomination.web.wave_sent")
}
