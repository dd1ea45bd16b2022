package web

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// adminTagViews are the tabs of the tags section.
func adminTagViews() []string { return []string{"review", "curated", "free", "deprecated"} }

// adminTagsData is the tags section: one tab of tags, the review queue
// by default, with the bulk actions form around it.
type adminTagsData struct {
	View   string
	Views  []string
	Query  string
	Sort   string
	Tags   []maillage.Tag
	Review []service.ReviewItem
	Total  int
	Pager  pager
	// Actions are the bulk actions offered on this tab.
	Actions []service.BulkAction
}

func (s *server) adminTags(w http.ResponseWriter, r *http.Request) {
	if !s.curatorPage(w, r) {
		return
	}
	s.renderAdminTags(w, r, http.StatusOK, newForm(nil))
}

func (s *server) renderAdminTags(w http.ResponseWriter, r *http.Request, status int, f *form) {
	st := state(r)
	q := r.URL.Query()
	d := adminTagsData{View: q.Get("view"), Views: adminTagViews(), Query: q.Get("q"), Sort: q.Get("sort")}
	if !contains(d.Views, d.View) {
		d.View = "review"
	}
	n, p := pageOf(r)
	filter := maillage.TagListFilter{Query: d.Query, Sort: d.Sort, Limit: p.Limit, Offset: p.Offset}
	var err error
	switch d.View {
	case "review":
		if d.Sort != "uses" {
			d.Sort = "recent"
		}
		d.Review, d.Total, err = s.svc.TagReviewQueue(r.Context(), st.Viewer, d.Sort, p)
		d.Actions = []service.BulkAction{service.BulkMerge, service.BulkPromote, service.BulkReview, service.BulkDeprecate}
	case "curated":
		filter.Kind, filter.Sort = maillage.TagCurated, "label"
		d.Actions = []service.BulkAction{service.BulkMerge, service.BulkDeprecate}
	case "free":
		filter.Kind = maillage.TagFree
		if filter.Sort == "" {
			filter.Sort = "uses"
		}
		d.Actions = []service.BulkAction{service.BulkMerge, service.BulkPromote, service.BulkReview, service.BulkDeprecate}
	case "deprecated":
		filter.Deprecated, filter.Sort = true, "label"
		d.Actions = []service.BulkAction{service.BulkRestore}
	}
	if d.View != "review" {
		d.Tags, d.Total, err = s.svc.CuratorTags(r.Context(), st.Viewer, filter)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Pager = newPager(r, n, d.Total)
	s.render(w, r, status, view{Template: "admin_tags", Title: st.L.T("taxonomy.admin.tags_title"), Nav: "admin", Form: f, Data: d})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// bulkTags applies one action to the ticked tags of the list.
func (s *server) bulkTags(w http.ResponseWriter, r *http.Request) {
	if !s.curatorForm(w, r) {
		return
	}
	st := state(r)
	in := service.BulkInput{Action: service.BulkAction(r.PostForm.Get("action")), Tags: r.PostForm["tags"],
		Into: trimmed(r, "into"), Parent: trimmed(r, "parent")}
	back := backTo(r, "/admin/tags")
	if _, err := s.svc.BulkTagAction(r.Context(), st.Viewer, in); err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		// Show the list the action came from, with the error above it.
		if u, perr := url.Parse(back); perr == nil {
			r.URL.RawQuery = u.RawQuery
		}
		s.renderAdminTags(w, r, formStatus(err), f)
		return
	}
	s.redirect(w, r, back, "taxonomy.admin.bulk_done")
}

// tagFormData is the form of a curated tag, new or edited.
type tagFormData struct {
	Action string
	Edit   bool
}

func (s *server) newTagForm(w http.ResponseWriter, r *http.Request) {
	if !s.curatorPage(w, r) {
		return
	}
	f := newForm(url.Values{"label": {r.URL.Query().Get("label")}, "parent": {r.URL.Query().Get("parent")}})
	s.render(w, r, http.StatusOK, view{Template: "admin_tag_new", Title: state(r).L.T("taxonomy.admin.new_title"), Nav: "admin",
		Form: f, Data: tagFormData{Action: "/admin/tags"}})
}

// tagInput reads the fields of a tag form.
func tagInput(r *http.Request) service.TagInput {
	in := service.TagInput{Label: trimmed(r, "label"), LabelEn: trimmed(r, "label_en"), Definition: r.PostForm.Get("definition"),
		DefinitionEn: r.PostForm.Get("definition_en"), TermNote: trimmed(r, "term_note"), Parent: trimmed(r, "parent"),
		Synonyms: splitTags(r.PostForm.Get("synonyms")), SynonymsEn: splitTags(r.PostForm.Get("synonyms_en"))}
	if r.PostForm.Has("related") {
		in.Related = splitTags(r.PostForm.Get("related"))
		if in.Related == nil {
			in.Related = []string{}
		}
	}
	return in
}

func (s *server) createTag(w http.ResponseWriter, r *http.Request) {
	if !s.curatorForm(w, r) {
		return
	}
	st := state(r)
	t, err := s.svc.CreateCuratedTag(r.Context(), st.Viewer, tagInput(r))
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.render(w, r, formStatus(err), view{Template: "admin_tag_new", Title: st.L.T("taxonomy.admin.new_title"), Nav: "admin",
			Form: f, Data: tagFormData{Action: "/admin/tags"}})
		return
	}
	s.redirect(w, r, adminTagURL(t.Slug), "taxonomy.admin.created")
}

// importData is the import page.
type importData struct {
	Formats       []service.TaxonomyFormat
	FormatOptions []option
	Result        *service.ImportResult
}

// newImportData lists the formats, for the export links and the import's choice.
func newImportData(r *http.Request) importData {
	d := importData{Formats: service.TaxonomyFormats()}
	for _, f := range d.Formats {
		d.FormatOptions = append(d.FormatOptions, option{Value: string(f), Label: state(r).L.T("taxonomy.format." + string(f))})
	}
	return d
}

func (s *server) importForm(w http.ResponseWriter, r *http.Request) {
	if !s.curatorPage(w, r) {
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "admin_tags_import", Title: state(r).L.T("taxonomy.admin.import_title"),
		Nav: "admin", Form: newForm(url.Values{"format": {"skos"}}), Data: newImportData(r)})
}

// maxImportFile bounds an uploaded taxonomy file.
const maxImportFile = 8 << 20

// importTaxonomy reads an uploaded (or pasted) taxonomy file.
func (s *server) importTaxonomy(w http.ResponseWriter, r *http.Request) {
	if !s.curatorPage(w, r) {
		return
	}
	st := state(r)
	if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		s.fail(w, r, maillage.Errorf(maillage.CodeTooLarge, "error.too_large").Wrap(err))
		return
	}
	f := newForm(r.PostForm)
	d := newImportData(r)
	show := func(err error) {
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.render(w, r, formStatus(err), view{Template: "admin_tags_import", Title: st.L.T("taxonomy.admin.import_title"),
			Nav: "admin", Form: f, Data: d})
	}
	format, err := service.ParseTaxonomyFormat(r.PostForm.Get("format"))
	if err != nil {
		show(err)
		return
	}
	var body io.Reader = strings.NewReader(r.PostForm.Get("text"))
	if file, _, ferr := r.FormFile("file"); ferr == nil {
		defer file.Close()
		body = io.LimitReader(file, maxImportFile)
	} else if strings.TrimSpace(r.PostForm.Get("text")) == "" {
		f.addError(st.L, "file", "taxonomy.admin.import_nothing", nil)
		s.render(w, r, http.StatusUnprocessableEntity, view{Template: "admin_tags_import", Title: st.L.T("taxonomy.admin.import_title"),
			Nav: "admin", Form: f, Data: d})
		return
	}
	res, err := s.svc.ImportTaxonomy(r.Context(), st.Viewer, body, format)
	if err != nil {
		show(err)
		return
	}
	d.Result = res
	s.render(w, r, http.StatusOK, view{Template: "admin_tags_import", Title: st.L.T("taxonomy.admin.import_title"), Nav: "admin",
		Form: newForm(url.Values{"format": {string(format)}}), Data: d})
}

// loadStarter loads the starter taxonomy.
func (s *server) loadStarter(w http.ResponseWriter, r *http.Request) {
	if !s.curatorForm(w, r) {
		return
	}
	if _, err := s.svc.LoadStarterTaxonomy(r.Context(), state(r).Viewer); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/admin/tags?view=curated", "taxonomy.admin.starter_loaded")
}
