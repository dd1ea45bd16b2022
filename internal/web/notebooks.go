package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// notebookListFilters are the filters of the notebooks page.
type notebookListFilters struct {
	Query, Tag, Community string
	Mine                  bool
}

type notebooksData struct {
	Filters     notebookListFilters
	Notebooks   []maillage.Notebook
	Counts      map[string]int
	Communities []option
	Pager       pager
}

func (s *server) notebooks(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	q := r.URL.Query()
	f := notebookListFilters{Query: strings.TrimSpace(q.Get("q")), Tag: strings.TrimSpace(q.Get("tag")),
		Community: strings.TrimSpace(q.Get("community")), Mine: q.Get("mine") == "1"}
	n, page := pageOf(r)
	nf := service.NotebookFilter{Query: f.Query, Tag: f.Tag, Descendants: q.Get("descendants") == "1", CommunityID: f.Community, Page: page}
	if f.Mine && st.Viewer.SignedIn() {
		nf.MemberID = st.Viewer.UserID
	}
	list, total, err := s.svc.Notebooks(r.Context(), st.Viewer, nf)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := notebooksData{Filters: f, Notebooks: list, Pager: newPager(r, n, total)}
	if d.Counts, err = s.svc.NotebookNoteCounts(r.Context(), st.Viewer, notebookIDs(list)...); err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Communities, err = s.communityChoices(r, f.Community); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "notebooks", Title: st.L.T("web.notebooks.title"), Nav: "notebooks", Data: d})
}

func notebookIDs(list []maillage.Notebook) []string {
	ids := make([]string, len(list))
	for i, nb := range list {
		ids[i] = nb.ID
	}
	return ids
}

// maxCommunityChoices bounds the communities offered in a select.
const maxCommunityChoices = 100

// communityChoices lists the communities the viewer belongs to, for a
// filter or a form's community select; current is kept among them when
// it is another community the viewer may see.
func (s *server) communityChoices(r *http.Request, current string) ([]option, error) {
	st := state(r)
	var out []option
	if st.Viewer.SignedIn() {
		list, _, err := s.svc.Communities(r.Context(), st.Viewer, service.CommunityFilter{MemberID: st.Viewer.UserID,
			Page: service.Page{Limit: maxCommunityChoices}})
		if err != nil {
			return nil, err
		}
		for _, c := range list {
			out = append(out, option{Value: c.ID, Label: c.Name})
		}
	}
	if current == "" {
		return out, nil
	}
	for _, o := range out {
		if o.Value == current {
			return out, nil
		}
	}
	c, err := s.svc.Community(r.Context(), st.Viewer, current)
	if maillage.IsNotFound(err) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	return append(out, option{Value: c.ID, Label: c.Name}), nil
}

// notebookPageFilters are the search, filters and sort of a notebook page.
type notebookPageFilters struct {
	Query, Category, Tag, Kind, Author, Sort string
}

// Active reports whether anything narrows the list.
func (f notebookPageFilters) Active() bool {
	return f.Query != "" || f.Category != "" || f.Tag != "" || f.Kind != "" || f.Author != ""
}

// notebookSection is a run of notes under one heading: pinned notes, a
// category, or the notes without one.
type notebookSection struct {
	Title string
	Rows  []notebookRow
}

// notebookRow is one note of the list with what the viewer may do to it.
type notebookRow struct {
	E maillage.NotebookEntry
	// Action is the address the row's forms post to, plus /pin, /move...
	Action string
	// CanRemove: managers, and the person who added the note.
	CanRemove bool
}

// categoryChoice is a category with the number of its notes the viewer sees.
type categoryChoice struct {
	ID, Name string
	Count    int
}

type notebookPageData struct {
	NB            *maillage.Notebook
	Texts         service.NotebookTexts
	Sections      []notebookSection
	Filters       notebookPageFilters
	Categories    []categoryChoice
	Uncategorized int
	// Visible counts every note of the notebook the viewer may see.
	Visible    int
	Pager      pager
	Authors    []maillage.NoteAuthor
	Members    []maillage.NotebookMember
	CanManage  bool
	CanAdd     bool
	FeedURL    string
	Candidates []maillage.NoteSummary
	Lbl        notebookLabels
	Follow     followButton
	// Invitation is the viewer's own invitation to a role, to answer.
	Invitation *maillage.Invitation
	// Organise shows each note's controls (pin, move, file, remove); the
	// default view is a plain list.
	Organise bool
	Contrib  notebookContrib
}

// notebookLabels are the texts every row repeats, translated once per
// page rather than once per row.
type notebookLabels struct {
	Pin, Unpin, Up, Down, File, Remove, NoCategory, Pinned, CategoryOf, Tags string
	Visibility                                                               map[maillage.Visibility]string
	Kind                                                                     map[maillage.NoteKind]string
}

func newNotebookLabels(t func(string, ...map[string]any) string) notebookLabels {
	l := notebookLabels{Pin: t("web.notebook.pin"), Unpin: t("web.notebook.unpin"), Up: t("web.notebook.move_up"),
		Down: t("web.notebook.move_down"), File: t("web.notebook.file"), Remove: t("web.notebook.remove_note"),
		NoCategory: t("web.notebook.no_category"), Pinned: t("web.notebook.pinned_badge"), CategoryOf: t("web.notebook.category_of"),
		Tags:       t("web.tags.label"),
		Visibility: map[maillage.Visibility]string{}, Kind: map[maillage.NoteKind]string{}}
	for _, v := range []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityCommunity, maillage.VisibilityPrivate} {
		l.Visibility[v] = t("web.notebook.visibility." + string(v))
	}
	for _, k := range maillage.NoteKinds() {
		l.Kind[maillage.NoteKind(k)] = t("web.notebook.kind." + k)
	}
	return l
}

func (s *server) notebook(w http.ResponseWriter, r *http.Request) {
	s.renderNotebook(w, r, http.StatusOK, nil, nil)
}

// renderNotebook draws a notebook's page; the "add a note" form comes
// back here with its errors (f) and, when a typed title matched several
// notes, the notes to choose from.
func (s *server) renderNotebook(w http.ResponseWriter, r *http.Request, status int, f *form, candidates []maillage.NoteSummary) {
	st := state(r)
	q := r.URL.Query()
	pf := notebookPageFilters{Query: strings.TrimSpace(q.Get("q")), Category: q.Get("category"), Tag: strings.TrimSpace(q.Get("tag")),
		Kind: q.Get("kind"), Author: q.Get("author"), Sort: q.Get("sort")}
	if !slices.Contains(maillage.NoteKinds(), pf.Kind) {
		pf.Kind = ""
	}
	if !slices.Contains([]string{service.SortRecent, service.SortTitle}, pf.Sort) {
		pf.Sort = ""
	}
	n, page := pageOf(r)
	id := r.PathValue("id")
	nv, err := s.svc.NotebookView(r.Context(), st.Viewer, id, service.NotebookNoteFilter{Query: pf.Query,
		CategoryID: pf.Category, Tag: pf.Tag, Kind: pf.Kind, AuthorID: pf.Author, Sort: pf.Sort, Page: page})
	if s.invitationInstead(w, r, maillage.InviteNotebook, id, err) {
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	nb := nv.Notebook
	d := notebookPageData{NB: nb, Texts: nv.Texts, Filters: pf, Pager: newPager(r, n, nv.Total), Candidates: candidates,
		Lbl: newNotebookLabels(st.L.T), Visible: nv.Visible, Uncategorized: nv.CategoryCounts[""],
		Authors: nv.Authors, Members: nv.Members,
		CanManage: service.CanManageNotebook(st.Viewer, nb), CanAdd: service.CanContributeToNotebook(st.Viewer, nb)}
	inv, err := s.loadItemInvitations(r, maillage.InviteNotebook, nb.ID, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Invitation = inv.Mine
	d.Organise = q.Get("organise") == "1"
	if err := s.loadNotebookContrib(r, &d); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, c := range nb.Categories {
		d.Categories = append(d.Categories, categoryChoice{ID: c.ID, Name: c.Name, Count: nv.CategoryCounts[c.ID]})
	}
	if nb.Visibility == maillage.VisibilityPublic {
		d.FeedURL = "/notebooks/" + nb.ID + "/feed.atom"
	}
	d.Follow = s.followButton(r, maillage.FollowNotebook, nb.ID, nb.Title)
	if r.Method != http.MethodGet {
		// The "add a note" form came back with errors from its POST
		// address: the button returns to the notebook itself.
		d.Follow.Next = "/notebooks/" + url.PathEscape(nb.ID)
	}
	d.Sections = notebookSections(st.L.T, nb.ID, nv.Entries, pf.Sort == "" && len(nb.Categories) > 0, func(e maillage.NotebookEntry) bool {
		return d.CanManage || (st.Viewer.SignedIn() && e.AddedBy == st.Viewer.UserID)
	})
	if f == nil {
		f = newForm(nil)
	}
	s.render(w, r, status, view{Template: "notebook", Title: nb.Title, Nav: "notebooks", Form: f, Data: d})
}

// notebookSections groups a page of notes under headings. In the manual
// order, pinned notes come first, then each category; other sorts (and
// notebooks without categories) give one untitled section, pins aside.
func notebookSections(t func(string, ...map[string]any) string, notebookID string, entries []maillage.NotebookEntry, byCategory bool,
	canRemove func(maillage.NotebookEntry) bool) []notebookSection {
	base := "/notebooks/" + url.PathEscape(notebookID) + "/notes/"
	var out []notebookSection
	for _, e := range entries {
		title := ""
		switch {
		case e.Pinned && byCategory:
			title = t("web.notebook.pinned")
		case byCategory && e.CategoryName != "":
			title = e.CategoryName
		case byCategory:
			title = t("web.notebook.no_category")
		}
		if len(out) == 0 || out[len(out)-1].Title != title {
			out = append(out, notebookSection{Title: title})
		}
		last := &out[len(out)-1]
		last.Rows = append(last.Rows, notebookRow{E: e, CanRemove: canRemove(e), Action: base + url.PathEscape(e.Note.ID)})
	}
	return out
}
