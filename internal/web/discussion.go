package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/feed"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

func (s *server) reactToThread(w http.ResponseWriter, r *http.Request) {
	s.react(w, r, maillage.SubjectThread)
}

func (s *server) reactToReply(w http.ResponseWriter, r *http.Request) {
	s.react(w, r, maillage.SubjectReply)
}

// react toggles a reaction. htmx gets the post's reaction bar back;
// without JavaScript the browser returns to the post.
func (s *server) react(w http.ResponseWriter, r *http.Request, subject maillage.SubjectType) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	counts, err := s.svc.ToggleReaction(r.Context(), st.Viewer, subject, id, maillage.Reaction(r.PostForm.Get("reaction")))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if r.Header.Get("HX-Request") == "true" {
		s.renderFragment(w, r, "discussion_reactions", reactionsFragment{L: st.L, Bar: newReactionBar(string(subject), id, counts, true)})
		return
	}
	s.redirect(w, r, s.postURL(r, subject, id), "")
}

// postURL is the address of a post on its thread's page.
func (s *server) postURL(r *http.Request, subject maillage.SubjectType, id string) string {
	if subject == maillage.SubjectThread {
		return "/threads/" + url.PathEscape(id)
	}
	rep, _, err := s.svc.Reply(r.Context(), state(r).Viewer, id)
	if err != nil {
		return "/"
	}
	return "/threads/" + url.PathEscape(rep.ThreadID) + "#reply-" + rep.ID
}

// reportData feeds the report form.
type reportData struct {
	Action string
	Back   string
	Title  string // the thread's title
}

func (s *server) reportThreadForm(w http.ResponseWriter, r *http.Request) {
	s.renderReportForm(w, r, http.StatusOK, newForm(nil), maillage.SubjectThread)
}

func (s *server) reportReplyForm(w http.ResponseWriter, r *http.Request) {
	s.renderReportForm(w, r, http.StatusOK, newForm(nil), maillage.SubjectReply)
}

func (s *server) renderReportForm(w http.ResponseWriter, r *http.Request, status int, f *form, subject maillage.SubjectType) {
	st, id := state(r), r.PathValue("id")
	var d reportData
	switch subject {
	case maillage.SubjectThread:
		t, err := s.svc.Thread(r.Context(), st.Viewer, id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		d = reportData{Action: "/threads/" + t.ID + "/report", Back: "/threads/" + t.ID, Title: t.Title}
	default:
		rep, t, err := s.svc.Reply(r.Context(), st.Viewer, id)
		if err == nil && rep.Deleted() {
			err = maillage.ErrNotFound
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		d = reportData{Action: "/replies/" + rep.ID + "/report", Back: "/threads/" + t.ID + "#reply-" + rep.ID, Title: t.Title}
	}
	if !s.requireSignedIn(w, r) {
		return
	}
	relabelDiscussionErrors(f, st.L)
	s.render(w, r, status, view{Template: "thread_report", Title: st.L.T("web.discussion.report_title"), Nav: "communities",
		Form: f, Data: d})
}

func (s *server) reportThread(w http.ResponseWriter, r *http.Request) {
	s.report(w, r, maillage.SubjectThread)
}
func (s *server) reportReply(w http.ResponseWriter, r *http.Request) {
	s.report(w, r, maillage.SubjectReply)
}

func (s *server) report(w http.ResponseWriter, r *http.Request, subject maillage.SubjectType) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	if err := s.svc.ReportPost(r.Context(), st.Viewer, subject, id, r.PostForm.Get("reason")); err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderReportForm(w, r, formStatus(err), f, subject)
		return
	}
	s.redirect(w, r, s.postURL(r, subject, id), "web.discussion.reported")
}

// moderationData feeds a community's moderation page.
type moderationData struct {
	C        *maillage.Community
	Reports  []maillage.Report
	Resolved bool
}

func (s *server) moderation(w http.ResponseWriter, r *http.Request) {
	c, ok := s.manageable(w, r)
	if !ok {
		return
	}
	st := state(r)
	status := maillage.ReportOpen
	if r.URL.Query().Get("status") == "resolved" {
		status = maillage.ReportResolved
	}
	reports, err := s.svc.Reports(r.Context(), st.Viewer, c.ID, status)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "discussion_moderation",
		Title: st.L.T("web.discussion.moderation_title", map[string]any{"Name": c.Name}), Nav: "communities",
		Data: moderationData{C: c, Reports: reports, Resolved: status == maillage.ReportResolved}})
}

func (s *server) resolveReport(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := s.svc.ResolveReport(r.Context(), state(r).Viewer, id, r.PathValue("report")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(id)+"/moderation", "web.discussion.report_resolved")
}

// personSuggestion is one person offered by the mention and invitation
// pickers.
type personSuggestion struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// suggestPeople answers the editor's @mention completion (and the
// invitation picker) with people whose profile the viewer may see.
func (s *server) suggestPeople(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	out := []personSuggestion{}
	if q != "" && st.Viewer.SignedIn() {
		people, _, err := s.svc.People(r.Context(), st.Viewer, service.PeopleFilter{Query: q, Page: service.Page{Limit: maxSuggestions}})
		if err != nil {
			s.log.Error("suggest people", "err", err)
		}
		for _, p := range people {
			out = append(out, personSuggestion{ID: p.ID, Name: p.Name})
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(out)
}

// communityFeed serves a public community's Atom feed; a private one is
// the same 404 as an absent one.
func (s *server) communityFeed(w http.ResponseWriter, r *http.Request) {
	f, err := s.svc.CommunityFeed(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", feed.ContentType)
	w.Header().Set("Cache-Control", "public, max-age=300")
	if err := f.Write(w); err != nil {
		s.log.Warn("community feed", "err", err)
	}
}

// shareNote posts a note of the community into its discussion.
func (s *server) shareNote(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	t, err := s.svc.ShareNote(r.Context(), st.Viewer, id, r.PostForm.Get("note_id"))
	if err != nil {
		if e := maillage.AsError(err); e.Code == maillage.CodeInvalid && len(e.Fields) > 0 {
			s.sessions.Put(r.Context(), sessionFlash, e.Fields[0].MessageID)
			s.sessions.Put(r.Context(), sessionFlashKind, "error")
			http.Redirect(w, r, "/communities/"+url.PathEscape(id)+"#share-note", http.StatusSeeOther)
			return
		}
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/threads/"+url.PathEscape(t.ID), "web.discussion.note_shared")
}
