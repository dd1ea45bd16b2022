package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

// One candidate of a community's shortlist: their log of notes, status,
// source and labels, for the community's managers.

type candidateData struct {
	C             *maillage.Community
	Cand          *maillage.Candidate
	StatusOptions []option
	SourceOptions []option
	Expired       bool
}

func (s *server) candidatePage(w http.ResponseWriter, r *http.Request) {
	s.renderCandidate(w, r, http.StatusOK, nil)
}

func (s *server) renderCandidate(w http.ResponseWriter, r *http.Request, status int, f *form) {
	st := state(r)
	c, err := s.svc.RecruitmentCommunity(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cand, err := s.svc.Candidate(r.Context(), st.Viewer, c.ID, r.PathValue("candidate"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := candidateData{C: c, Cand: cand}
	if inv := cand.LastInvitation; inv != nil {
		d.Expired = inv.Expired(s.svc.DB().Now())
	}
	for _, x := range maillage.CandidateStatuses() {
		d.StatusOptions = append(d.StatusOptions, option{Value: string(x), Label: statusLabel(st.L, x)})
	}
	for _, x := range maillage.CandidateSources() {
		d.SourceOptions = append(d.SourceOptions, option{Value: string(x), Label: st.L.T("web.recruitment.source." + string(x))})
	}
	if f == nil {
		f = newForm(url.Values{"candidate_status": {string(cand.Status)}, "candidate_source": {string(cand.Source)},
			"candidate_source_detail": {cand.SourceDetail}, "candidate_labels": {strings.Join(cand.Labels, ", ")}})
	}
	s.render(w, r, status, view{Template: "recruitment_candidate", Title: cand.Name, Nav: "communities", Data: d, Form: f})
}

// updateCandidate saves a candidate's status, source and labels, and
// adds the note typed to their log.
func (s *server) updateCandidate(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id, cid := state(r), r.PathValue("id"), r.PathValue("candidate")
	status, source := r.PostForm.Get("candidate_status"), r.PostForm.Get("candidate_source")
	detail, labels := trimmed(r, "candidate_source_detail"), splitLabels(r.PostForm.Get("candidate_labels"))
	_, err := s.svc.UpdateCandidate(r.Context(), st.Viewer, id, cid, maillage.CandidateUpdate{Status: &status, Source: &source,
		SourceDetail: &detail, Labels: &labels, Note: r.PostForm.Get("candidate_note")})
	if err != nil {
		f := newForm(r.PostForm)
		if e := maillage.AsError(err); (e.Code == maillage.CodeNotFound && len(e.Fields) == 0) || !f.apply(st.L, recruitmentError(err)) {
			s.fail(w, r, err)
			return
		}
		s.renderCandidate(w, r, formStatus(err), f)
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(id)+"/recruitment/"+url.PathEscape(cid), "web.recruitment.saved")
}

func (s *server) deleteCandidate(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := s.svc.DeleteCandidate(r.Context(), state(r).Viewer, id, r.PathValue("candidate")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(id)+"/recruitment", "web.recruitment.removed")
}
