package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// notebookCreate starts a notebook; the caller manages it.
type notebookCreate struct {
	Title       string  `json:"title" required:"true"`
	Description string  `json:"description" doc:"Markdown"`
	Guide       string  `json:"guide" doc:"writing guide shown to contributors (Markdown)"`
	Visibility  string  `json:"visibility" required:"true" enum:"public,community,private"`
	CommunityID *string `json:"community_id" doc:"a community the caller belongs to; required for community visibility"`
}

// notebookPatch edits a notebook; omitted fields keep their value.
type notebookPatch struct {
	Title       *string `json:"title"`
	Description *string `json:"description"`
	Guide       *string `json:"guide"`
	Visibility  *string `json:"visibility" enum:"public,community,private"`
	CommunityID *string `json:"community_id" doc:"empty string to unlink"`
	Version     *int    `json:"version" doc:"the version this edit starts from (from a GET); a stale one answers 409 and nothing is saved"`
}

// notebookJSON is a notebook as the caller may see it. A single notebook
// also carries its categories, its notes the caller may see and its
// managers and contributors the caller may see.
type notebookJSON struct {
	ID            string  `json:"id"`
	Title         string  `json:"title"`
	Description   string  `json:"description" doc:"Markdown"`
	Guide         *string `json:"guide,omitempty" doc:"writing guide (Markdown), for managers and contributors only"`
	Visibility    string  `json:"visibility" enum:"public,community,private"`
	CommunityID   *string `json:"community_id" doc:"the linked community, null when none (or not visible to the caller)"`
	CommunityName string  `json:"community_name,omitempty"`
	CoverURL      string  `json:"cover_url,omitempty" doc:"the cover image, served with the notebook's visibility"`
	FeedURL       string  `json:"feed_url,omitempty" doc:"Atom feed of the public notes (public notebooks only)"`
	Role          *string `json:"role" enum:"manager,contributor" doc:"the caller's role, null when none (always null in lists)"`
	NoteCount     int     `json:"note_count" doc:"notes the caller may see"`
	CreatedAt     string  `json:"created_at" format:"date-time"`
	UpdatedAt     string  `json:"updated_at" format:"date-time"`
	Version       int     `json:"version" doc:"counts edits; send it back in a PATCH to detect concurrent edits"`

	Categories *[]categoryJSON       `json:"categories,omitempty" doc:"single notebook only, in their order"`
	Notes      *[]notebookNoteJSON   `json:"notes,omitempty" doc:"single notebook only: the notes the caller may see, one page"`
	NotesTotal *int                  `json:"notes_total,omitempty" doc:"single notebook only: notes matching the filters that the caller may see"`
	Members    *[]notebookMemberJSON `json:"members,omitempty" doc:"single notebook only: managers and contributors whose profile the caller may see"`
}

type categoryJSON struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Position  int    `json:"position"`
	NoteCount int    `json:"note_count" doc:"notes in it the caller may see"`
}

type notebookNoteJSON struct {
	ID         string       `json:"id"`
	Title      string       `json:"title"`
	Summary    string       `json:"summary"`
	Kind       string       `json:"kind" enum:"general,term,organization,person"`
	Visibility string       `json:"visibility" enum:"public,community,private"`
	Category   *string      `json:"category" doc:"category name in this notebook, null when none"`
	CategoryID *string      `json:"category_id"`
	Pinned     bool         `json:"pinned"`
	Position   int          `json:"position" doc:"place in the manual order"`
	AddedBy    string       `json:"added_by,omitempty"`
	AddedAt    string       `json:"added_at" format:"date-time"`
	UpdatedAt  string       `json:"updated_at" format:"date-time"`
	Authors    []authorJSON `json:"authors" doc:"authors whose profile the caller may see"`
	Tags       []string     `json:"tags"`
}

type authorJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type notebookMemberJSON struct {
	UserID string `json:"user_id"`
	Name   string `json:"name"`
	Role   string `json:"role" enum:"manager,contributor"`
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// notebookOut writes a notebook for the viewer; members are all of them,
// as the policy knows them, and only used for the caller's own role.
func notebookOut(nb *maillage.Notebook, v maillage.Viewer, noteCount int) notebookJSON {
	out := notebookJSON{ID: nb.ID, Title: nb.Title, Description: nb.Description, Visibility: string(nb.Visibility),
		CommunityName: nb.CommunityName, NoteCount: noteCount,
		CreatedAt: stamp(nb.CreatedAt), UpdatedAt: stamp(nb.UpdatedAt), Version: nb.Version}
	if nb.CommunityName != "" {
		out.CommunityID = strPtr(nb.CommunityID)
	}
	if nb.CoverKey != "" {
		out.CoverURL = "/notebooks/" + nb.ID + "/cover"
	}
	if nb.Visibility == maillage.VisibilityPublic {
		out.FeedURL = "/notebooks/" + nb.ID + "/feed.atom"
	}
	out.Role = callerRole(nb.Members, v)
	if service.CanContributeToNotebook(v, nb) {
		g := nb.Guide
		out.Guide = &g
	}
	return out
}

func entryOut(e maillage.NotebookEntry) notebookNoteJSON {
	out := notebookNoteJSON{ID: e.Note.ID, Title: e.Note.Title, Summary: e.Note.Summary, Kind: string(e.Note.Kind),
		Visibility: string(e.Note.Visibility), Category: strPtr(e.CategoryName), CategoryID: strPtr(e.CategoryID),
		Pinned: e.Pinned, Position: e.Position, AddedBy: e.AddedBy, AddedAt: stamp(e.AddedAt), UpdatedAt: stamp(e.Note.UpdatedAt),
		Authors: []authorJSON{}}
	for _, a := range e.Note.Authors {
		out.Authors = append(out.Authors, authorJSON{ID: a.UserID, Name: a.Name})
	}
	out.Tags, _ = tagLabels(e.Note.Tags)
	return out
}

// callerRole is the viewer's own role among members, nil when none.
func callerRole(members []maillage.NotebookMember, v maillage.Viewer) *string {
	var out *string
	for _, m := range members {
		if v.SignedIn() && m.UserID == v.UserID {
			role := string(m.Role)
			out = &role
		}
	}
	return out
}

// memberFilter reads ?member=me: the caller's ID (only for someone signed
// in), or empty without the parameter.
func memberFilter(r *http.Request, v maillage.Viewer) (string, error) {
	member, err := choice(r, "member", []string{"me"})
	if err != nil || member != "me" {
		return "", err
	}
	if !v.SignedIn() {
		return "", maillage.ErrUnauthorized
	}
	return v.UserID, nil
}

func membersOut(ms []maillage.NotebookMember) []notebookMemberJSON {
	out := make([]notebookMemberJSON, len(ms))
	for i, m := range ms {
		out[i] = notebookMemberJSON{UserID: m.UserID, Name: m.Name, Role: string(m.Role)}
	}
	return out
}

// Query parameters of a notebook's notes.
var notebookNoteParams = []param{
	{Name: "q", Doc: "text in the title (accents and case ignored) or summary"},
	{Name: "category", Doc: "a category ID of the notebook, or - for notes without one"},
	pTag,
	{Name: "kind", Doc: "note kind", Enum: maillage.NoteKinds()},
	{Name: "author", Doc: "an author's user ID"},
	{Name: "sort", Doc: "manual: pinned first, then by category and chosen order", Enum: []string{service.SortManual, service.SortRecent, service.SortTitle}},
	{Name: "limit", Doc: "notes per page", Type: "integer", Min: intp(1), Max: intp(maxLimit), Def: maxLimit},
	pOffset,
}

func (s *server) listNotebooks(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	v := viewerOf(r)
	memberID, err := memberFilter(r, v)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := service.NotebookFilter{Query: strings.TrimSpace(q.Get("q")), CommunityID: strings.TrimSpace(q.Get("community")),
		Tag: q.Get("tag"), MemberID: memberID, Page: p}
	list, total, err := s.svc.Notebooks(r.Context(), v, f)
	if err != nil {
		return err
	}
	ids := make([]string, len(list))
	for i, nb := range list {
		ids[i] = nb.ID
	}
	counts, err := s.svc.NotebookNoteCounts(r.Context(), v, ids...)
	if err != nil {
		return err
	}
	items := make([]notebookJSON, len(list))
	for i := range list {
		items[i] = notebookOut(&list[i], v, counts[list[i].ID])
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) getNotebook(w http.ResponseWriter, r *http.Request) error {
	return s.answerNotebook(w, r, http.StatusOK, r.PathValue("id"))
}

// answerNotebook writes a notebook with its categories, one page of the
// notes the caller may see (filtered by the query) and its members.
func (s *server) answerNotebook(w http.ResponseWriter, r *http.Request, status int, id string) error {
	v := viewerOf(r)
	ctx := r.Context()
	q := r.URL.Query()
	p := service.Page{Limit: maxLimit}
	var err error
	if status == http.StatusOK {
		if p, err = page(r); err != nil {
			return err
		}
		// A notebook's notes come a hundred at a time unless asked otherwise.
		if !q.Has("limit") {
			p.Limit = maxLimit
		}
	}
	sort, err := choice(r, "sort", []string{service.SortManual, service.SortRecent, service.SortTitle})
	if err != nil {
		return err
	}
	kind, err := choice(r, "kind", maillage.NoteKinds())
	if err != nil {
		return err
	}
	f := service.NotebookNoteFilter{Query: q.Get("q"), CategoryID: q.Get("category"), Tag: q.Get("tag"), Kind: kind,
		AuthorID: q.Get("author"), Sort: sort, Page: p}
	if status != http.StatusOK {
		f = service.NotebookNoteFilter{Page: p}
	}
	nv, err := s.svc.NotebookView(ctx, v, id, f)
	if err != nil {
		return err
	}
	nb, entries, total, counts, members, all := nv.Notebook, nv.Entries, nv.Total, nv.CategoryCounts, nv.Members, nv.Visible
	out := notebookOut(nb, v, all)
	cats := make([]categoryJSON, len(nb.Categories))
	for i, c := range nb.Categories {
		cats[i] = categoryJSON{ID: c.ID, Name: c.Name, Position: c.Position, NoteCount: counts[c.ID]}
	}
	notes := make([]notebookNoteJSON, len(entries))
	for i, e := range entries {
		notes[i] = entryOut(e)
	}
	ms := membersOut(members)
	out.Categories, out.Notes, out.NotesTotal, out.Members = &cats, &notes, &total, &ms
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/notebooks/"+nb.ID)
	}
	s.writeJSON(w, status, out)
	return nil
}

func (s *server) createNotebook(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in notebookCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	nb, err := s.svc.CreateNotebook(r.Context(), v, maillage.NotebookInput{Title: in.Title, Description: in.Description,
		Guide: in.Guide, Visibility: in.Visibility, CommunityID: deref(in.CommunityID)})
	if err != nil {
		return err
	}
	return s.answerNotebook(w, r, http.StatusCreated, nb.ID)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (s *server) patchNotebook(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var p notebookPatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	cur, err := s.svc.Notebook(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	in := maillage.NotebookInput{Title: cur.Title, Description: cur.Description, Guide: cur.Guide,
		Visibility: string(cur.Visibility), CommunityID: cur.CommunityID, Version: cur.Version}
	set(&in.Title, p.Title)
	set(&in.Description, p.Description)
	set(&in.Guide, p.Guide)
	set(&in.Visibility, p.Visibility)
	set(&in.CommunityID, p.CommunityID)
	if p.Version != nil {
		in.Version = *p.Version
	}
	if _, err := s.svc.UpdateNotebook(r.Context(), v, cur.ID, in); err != nil {
		return err
	}
	return s.answerNotebook(w, r, http.StatusOK, cur.ID)
}

func (s *server) deleteNotebook(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.DeleteNotebook(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}
