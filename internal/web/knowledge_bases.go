package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

type knowledgeBasesData struct {
	Query     string
	Mine      bool
	Bases     []maillage.KnowledgeBase
	Counts    map[string]int
	Pager     pager
	Community string
}

func (s *server) knowledgeBases(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	q := r.URL.Query()
	d := knowledgeBasesData{Query: strings.TrimSpace(q.Get("q")), Mine: q.Get("mine") == "1", Community: q.Get("community")}
	n, page := pageOf(r)
	f := service.KnowledgeBaseFilter{Query: d.Query, CommunityID: d.Community, Page: page}
	if d.Mine && st.Viewer.SignedIn() {
		f.MemberID = st.Viewer.UserID
	}
	list, total, err := s.svc.KnowledgeBases(r.Context(), st.Viewer, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ids := make([]string, len(list))
	for i, k := range list {
		ids[i] = k.ID
	}
	if d.Counts, err = s.svc.KnowledgeBaseNotebookCounts(r.Context(), st.Viewer, ids...); err != nil {
		s.fail(w, r, err)
		return
	}
	d.Bases, d.Pager = list, newPager(r, n, total)
	s.render(w, r, http.StatusOK, view{Template: "knowledge_bases", Title: st.L.T("web.kb.list_title"), Nav: "notebooks", Data: d})
}

type knowledgeBaseData struct {
	K           *maillage.KnowledgeBase
	Description template.HTML
	Notebooks   []maillage.Notebook
	Counts      map[string]int
	Members     []maillage.NotebookMember
	CanManage   bool
	CanAdd      bool
	// Choices are the viewer's notebooks not yet in the knowledge base.
	Choices []option
	// Invitation is the viewer's own invitation to a role, to answer.
	Invitation *maillage.Invitation
}

func (s *server) knowledgeBase(w http.ResponseWriter, r *http.Request) {
	s.renderKnowledgeBase(w, r, http.StatusOK, newForm(nil))
}

func (s *server) renderKnowledgeBase(w http.ResponseWriter, r *http.Request, status int, f *form) {
	st, ctx := state(r), r.Context()
	id := r.PathValue("id")
	k, err := s.svc.KnowledgeBase(ctx, st.Viewer, id)
	if s.invitationInstead(w, r, maillage.InviteKnowledgeBase, id, err) {
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := knowledgeBaseData{K: k, CanManage: service.CanManageKnowledgeBase(st.Viewer, k), CanAdd: service.CanContributeToKnowledgeBase(st.Viewer, k)}
	inv, err := s.loadItemInvitations(r, maillage.InviteKnowledgeBase, k.ID, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Invitation = inv.Mine
	if d.Notebooks, err = s.svc.KnowledgeBaseNotebooks(ctx, st.Viewer, k.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Counts, err = s.svc.NotebookNoteCounts(ctx, st.Viewer, notebookIDs(d.Notebooks)...); err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Members, err = s.svc.KnowledgeBaseMembers(ctx, st.Viewer, k.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	if k.Description != "" {
		res, err := s.svc.RenderMarkdown(ctx, st.Viewer, k.Description, k.CommunityID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		d.Description = res.HTML
	}
	if d.CanAdd {
		mine, _, err := s.svc.Notebooks(ctx, st.Viewer, service.NotebookFilter{MemberID: st.Viewer.UserID, Page: service.Page{Limit: 100}})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		in := map[string]bool{}
		for _, nb := range d.Notebooks {
			in[nb.ID] = true
		}
		for _, nb := range mine {
			if !in[nb.ID] {
				d.Choices = append(d.Choices, option{Value: nb.ID, Label: nb.Title})
			}
		}
	}
	relabelNotebookErrors(f, st.L.T)
	s.render(w, r, status, view{Template: "knowledge_base", Title: k.Title, Nav: "notebooks", Form: f, Data: d})
}

// notebookRef accepts a notebook's address (https://…/notebooks/ID) or its ID.
func notebookRef(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "/notebooks/"); i >= 0 {
		s = s[i+len("/notebooks/"):]
		if j := strings.IndexAny(s, "/?#"); j >= 0 {
			s = s[:j]
		}
	}
	return s
}

func (s *server) addKnowledgeBaseNotebook(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	nbID := notebookRef(r.PostForm.Get("notebook"))
	if nbID == "" {
		nbID = r.PostForm.Get("notebook_id")
	}
	added, err := s.svc.AddNotebookToKnowledgeBase(r.Context(), st.Viewer, id, nbID)
	if err != nil {
		f := newForm(r.PostForm)
		status := formStatus(err)
		switch {
		case maillage.IsNotFound(err):
			if _, kerr := s.svc.KnowledgeBase(r.Context(), st.Viewer, id); kerr != nil {
				s.fail(w, r, kerr)
				return
			}
			f.addError(st.L, "notebook", "web.kb.notebook_not_found", nil)
			status = http.StatusNotFound
		case !f.apply(st.L, err):
			s.fail(w, r, err)
			return
		}
		s.renderKnowledgeBase(w, r, status, f)
		return
	}
	msg := "web.kb.notebook_added"
	if !added {
		msg = "web.kb.notebook_already"
	}
	s.redirect(w, r, "/knowledge-bases/"+url.PathEscape(id), msg)
}

func (s *server) moveKnowledgeBaseNotebook(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := s.svc.MoveKnowledgeBaseNotebook(r.Context(), state(r).Viewer, id, r.PathValue("nb"), r.PostForm.Get("dir") == "up"); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/knowledge-bases/"+url.PathEscape(id), "")
}

func (s *server) removeKnowledgeBaseNotebook(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := s.svc.RemoveNotebookFromKnowledgeBase(r.Context(), state(r).Viewer, id, r.PathValue("nb")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/knowledge-bases/"+url.PathEscape(id), "web.kb.notebook_removed")
}

// Knowledge base forms share the notebook form, without guide and cover.

func (s *server) newKnowledgeBaseForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	s.renderNotebookForm(w, r, http.StatusOK, newForm(url.Values{"visibility": {"private"}}),
		notebookFormData{Action: "/knowledge-bases", Cancel: "/knowledge-bases", KB: true})
}

func (s *server) createKnowledgeBase(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	k, err := s.svc.CreateKnowledgeBase(r.Context(), st.Viewer, notebookInput(r))
	if err != nil {
		s.notebookFormError(w, r, err, notebookFormData{Action: "/knowledge-bases", Cancel: "/knowledge-bases", KB: true})
		return
	}
	s.redirect(w, r, "/knowledge-bases/"+url.PathEscape(k.ID), "web.kb.created")
}

// managedKnowledgeBase returns a knowledge base the viewer manages.
func (s *server) managedKnowledgeBase(w http.ResponseWriter, r *http.Request) (*maillage.KnowledgeBase, bool) {
	return managedItem(s, w, r, s.svc.KnowledgeBase, service.CanManageKnowledgeBase)
}

func kbEditData(k *maillage.KnowledgeBase) notebookFormData {
	return notebookFormData{Action: "/knowledge-bases/" + k.ID + "/edit", Cancel: "/knowledge-bases/" + k.ID, Edit: true, KB: true}
}

func (s *server) editKnowledgeBaseForm(w http.ResponseWriter, r *http.Request) {
	k, ok := s.managedKnowledgeBase(w, r)
	if !ok {
		return
	}
	v := url.Values{"title": {k.Title}, "description": {k.Description}, "visibility": {string(k.Visibility)},
		"community_id": {k.CommunityID}, "version": {strconv.Itoa(k.Version)}}
	s.renderNotebookForm(w, r, http.StatusOK, newForm(v), kbEditData(k))
}

func (s *server) updateKnowledgeBase(w http.ResponseWriter, r *http.Request) {
	k, ok := s.managedKnowledgeBase(w, r)
	if !ok {
		return
	}
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	st := state(r)
	if _, err := s.svc.UpdateKnowledgeBase(r.Context(), st.Viewer, k.ID, notebookInput(r)); err != nil {
		if cur, gerr := s.svc.KnowledgeBase(r.Context(), st.Viewer, k.ID); gerr == nil {
			keepEditOnConflict(r, err, cur.Version)
		}
		s.notebookFormError(w, r, err, kbEditData(k))
		return
	}
	s.redirect(w, r, "/knowledge-bases/"+url.PathEscape(k.ID), "web.kb.saved")
}

func (s *server) deleteKnowledgeBaseConfirm(w http.ResponseWriter, r *http.Request) {
	k, ok := s.managedKnowledgeBase(w, r)
	if !ok {
		return
	}
	l := state(r).L
	s.render(w, r, http.StatusOK, view{Template: "notebook_delete", Title: l.T("web.kb.delete_title", map[string]any{"Title": k.Title}),
		Nav: "notebooks", Data: deleteData{Title: k.Title, Action: "/knowledge-bases/" + k.ID + "/delete", Cancel: "/knowledge-bases/" + k.ID,
			Intro: l.T("web.kb.delete_intro")}})
}

func (s *server) deleteKnowledgeBase(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	if err := s.svc.DeleteKnowledgeBase(r.Context(), state(r).Viewer, r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/knowledge-bases", "web.kb.deleted")
}
