package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// adminTagData is a tag as curators manage it: its taxonomy, the uses
// they may see, and its log.
type adminTagData struct {
	Page    *service.TagPage
	Actions []maillage.TagAction
	// Which form the Form belongs to ("edit", "promote", "synonym",
	// "merge"), so an error shows on the right one.
	FormName string
}

// adminTag shows a tag's management page. Old slugs redirect.
func (s *server) adminTag(w http.ResponseWriter, r *http.Request) {
	if !s.curatorPage(w, r) {
		return
	}
	st := state(r)
	t, redirected, err := s.svc.ResolveTag(r.Context(), st.Viewer, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if redirected {
		http.Redirect(w, r, adminTagURL(t.Slug), http.StatusMovedPermanently)
		return
	}
	s.renderAdminTag(w, r, http.StatusOK, t.Slug, nil, "")
}

func (s *server) renderAdminTag(w http.ResponseWriter, r *http.Request, status int, slug string, f *form, formName string) {
	st := state(r)
	p, err := s.svc.TagPage(r.Context(), st.Viewer, slug, service.TagPageOptions{PerList: 1})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	actions, _, err := s.svc.TagActions(r.Context(), st.Viewer, maillage.TagActionFilter{TagID: p.Tag.ID, Limit: 20})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if f == nil {
		f = newForm(nil)
	}
	// The edit form starts from the tag as it is.
	if formName != "edit" {
		t := p.Tag
		f.Values.Set("label", t.Label)
		f.Values.Set("label_en", t.LabelEn)
		f.Values.Set("definition", t.Definition)
		f.Values.Set("definition_en", t.DefinitionEn)
		f.Values.Set("term_note", t.TermNoteID)
		if par := p.Parent(); par != nil {
			f.Values.Set("parent", par.Label)
		}
		var rel []string
		for _, x := range p.Related {
			rel = append(rel, x.Label)
		}
		f.Values.Set("related", strings.Join(rel, ", "))
	}
	s.render(w, r, status, view{Template: "admin_tag", Title: st.L.T("taxonomy.admin.tag_title", map[string]any{"Label": p.Tag.Label}),
		Nav: "admin", Form: f, Data: adminTagData{Page: p, Actions: actions, FormName: formName}})
}

// tagAction runs a one-form action on a tag and goes back to its page,
// or shows the page again with the form's error.
func (s *server) tagAction(w http.ResponseWriter, r *http.Request, formName string, act func(v maillage.Viewer, slug string) (string, error), flash string) {
	if !s.curatorForm(w, r) {
		return
	}
	st := state(r)
	slug := r.PathValue("slug")
	next, err := act(st.Viewer, slug)
	if err != nil {
		if formName == "promote" {
			// The promotion's fields share names with the edit form's.
			err = prefixFields(err, "promote_")
		}
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderAdminTag(w, r, formStatus(err), slug, f, formName)
		return
	}
	if next == "" {
		next = slug
	}
	s.redirect(w, r, adminTagURL(next), flash)
}

func (s *server) editTag(w http.ResponseWriter, r *http.Request) {
	s.tagAction(w, r, "edit", func(v maillage.Viewer, slug string) (string, error) {
		in := tagInput(r)
		t, err := s.svc.EditTag(r.Context(), v, slug, in)
		if err != nil {
			return "", err
		}
		return t.Slug, nil
	}, "taxonomy.admin.saved")
}

func (s *server) promoteTag(w http.ResponseWriter, r *http.Request) {
	s.tagAction(w, r, "promote", func(v maillage.Viewer, slug string) (string, error) {
		t, err := s.svc.PromoteTag(r.Context(), v, slug, service.PromoteInput{Label: trimmed(r, "label"),
			LabelEn: trimmed(r, "label_en"), Parent: trimmed(r, "parent")})
		if err != nil {
			return "", err
		}
		return t.Slug, nil
	}, "taxonomy.admin.promoted")
}

func (s *server) mergeTag(w http.ResponseWriter, r *http.Request) {
	s.tagAction(w, r, "merge", func(v maillage.Viewer, slug string) (string, error) {
		into := trimmed(r, "into")
		if into == "" {
			return "", &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
				Fields: []maillage.FieldError{{Field: "into", MessageID: "field.required"}}}
		}
		t, err := s.svc.MergeTags(r.Context(), v, slug, into)
		if err != nil {
			return "", err
		}
		return t.Slug, nil
	}, "taxonomy.admin.merged")
}

func (s *server) addTagSynonym(w http.ResponseWriter, r *http.Request) {
	s.tagAction(w, r, "synonym", func(v maillage.Viewer, slug string) (string, error) {
		return "", s.svc.AddSynonym(r.Context(), v, slug, r.PostForm.Get("synonym"), r.PostForm.Get("lang"))
	}, "taxonomy.admin.synonym_added")
}

func (s *server) removeTagSynonym(w http.ResponseWriter, r *http.Request) {
	s.tagAction(w, r, "synonym", func(v maillage.Viewer, slug string) (string, error) {
		return "", s.svc.RemoveSynonym(r.Context(), v, slug, r.PostForm.Get("synonym"))
	}, "taxonomy.admin.synonym_removed")
}

func (s *server) deprecateTag(w http.ResponseWriter, r *http.Request) {
	s.tagAction(w, r, "deprecate", func(v maillage.Viewer, slug string) (string, error) {
		return "", s.svc.DeprecateTag(r.Context(), v, slug, r.PostForm.Get("deprecated") == "1")
	}, "taxonomy.admin.saved")
}

func (s *server) reviewTag(w http.ResponseWriter, r *http.Request) {
	s.tagAction(w, r, "review", func(v maillage.Viewer, slug string) (string, error) {
		return "", s.svc.MarkTagReviewed(r.Context(), v, slug, r.PostForm.Get("reviewed") != "0")
	}, "taxonomy.admin.reviewed")
}

// splitData is the split page: the uses of a tag the curator may see,
// each with where it should go.
type splitData struct {
	Tag   *maillage.Tag
	Uses  []maillage.TagUse
	Total int
}

// maxSplitRows bounds the uses a split page lists.
const maxSplitRows = 100

func (s *server) splitForm(w http.ResponseWriter, r *http.Request) {
	if !s.curatorPage(w, r) {
		return
	}
	s.renderSplit(w, r, http.StatusOK, newForm(nil))
}

func (s *server) renderSplit(w http.ResponseWriter, r *http.Request, status int, f *form) {
	st := state(r)
	t, uses, total, err := s.svc.TagUses(r.Context(), st.Viewer, r.PathValue("slug"), service.Page{Limit: maxSplitRows})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, view{Template: "admin_tag_split", Title: st.L.T("taxonomy.admin.split_title", map[string]any{"Label": t.Label}),
		Nav: "admin", Form: f, Data: splitData{Tag: t, Uses: uses, Total: total}})
}

// splitTag reads one "to" field per use: uses left empty stay.
func (s *server) splitTag(w http.ResponseWriter, r *http.Request) {
	if !s.curatorForm(w, r) {
		return
	}
	st := state(r)
	var choices []service.SplitChoice
	for i := 0; i < maxSplitRows; i++ {
		n := strconv.Itoa(i)
		to := trimmed(r, "to_"+n)
		if to == "" {
			continue
		}
		choices = append(choices, service.SplitChoice{Kind: maillage.TagUseKind(r.PostForm.Get("kind_" + n)),
			SubjectID: r.PostForm.Get("id_" + n), To: to})
	}
	if err := s.svc.SplitTag(r.Context(), st.Viewer, r.PathValue("slug"), choices); err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderSplit(w, r, formStatus(err), f)
		return
	}
	s.redirect(w, r, adminTagURL(r.PathValue("slug")), "taxonomy.admin.split_done")
}

// tagLogData is the curation log.
type tagLogData struct {
	Actions []maillage.TagAction
	Pager   pager
}

func (s *server) tagLog(w http.ResponseWriter, r *http.Request) {
	if !s.curatorPage(w, r) {
		return
	}
	st := state(r)
	n, p := pageOf(r)
	list, total, err := s.svc.TagActions(r.Context(), st.Viewer, maillage.TagActionFilter{Limit: p.Limit, Offset: p.Offset})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "admin_tags_log", Title: st.L.T("taxonomy.admin.log_title"), Nav: "admin",
		Data: tagLogData{Actions: list, Pager: newPager(r, n, total)}})
}

// undoTagAction undoes one action (or a whole batch) and goes back to
// where the button was.
func (s *server) undoTagAction(w http.ResponseWriter, r *http.Request) {
	if !s.curatorForm(w, r) {
		return
	}
	st := state(r)
	var err error
	if r.PostForm.Get("batch") == "1" {
		err = s.svc.UndoTagBatch(r.Context(), st.Viewer, r.PathValue("id"))
	} else {
		err = s.svc.UndoTagAction(r.Context(), st.Viewer, r.PathValue("id"))
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, backTo(r, "/admin/taxonomy/log"), "taxonomy.admin.undone")
}

// prefixFields renames the fields of a domain error, for a page with two
// forms whose fields share names.
func prefixFields(err error, prefix string) error {
	e := maillage.AsError(err)
	if len(e.Fields) == 0 {
		return err
	}
	c := *e
	c.Fields = make([]maillage.FieldError, len(e.Fields))
	for i, f := range e.Fields {
		f.Field = prefix + f.Field
		c.Fields[i] = f
	}
	return &c
}
