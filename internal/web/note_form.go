package web

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
)

// noteFormData feeds the note editor, for a new note or an edit.
type noteFormData struct {
	Action string
	Edit   bool
	// N is the note being edited (nil for a new one).
	N *maillage.Note
	// CoAuthors are the authors besides the viewer, as checkboxes to keep.
	CoAuthors []maillage.NoteAuthor
	// Invited are the people invited to co-author who have not accepted:
	// not authors, listed apart (withdrawn from the note's page).
	Invited     []maillage.Invitation
	Kinds       []option
	Licenses    []option
	Communities []option
	// Preview is the body rendered, after "Preview" without JavaScript.
	Preview *template.HTML
	// Draft is a newer autosaved draft to offer; DraftKey names it.
	Draft    *maillage.NoteDraft
	DraftKey string
	Files    []noteFile
	// Current is the version someone else saved while this one was
	// written (edit conflicts), shown beside the kept text.
	Current *maillage.Note
	// Templates are the one-click outlines of a new note; Dest is the
	// notebook it is written for.
	Templates []noteTemplateLink
	Dest      *noteDestination
}

func (s *server) newNoteForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	q := r.URL.Query()
	v := url.Values{"visibility": {"private"}, "kind": {"general"}, "license": {string(maillage.LicenseCCBY)},
		"title": {strings.TrimSpace(q.Get("title"))}, "community_id": {q.Get("community")}}
	if k := q.Get("kind"); slices.Contains(maillage.NoteKinds(), k) {
		v.Set("kind", k)
	}
	if v.Get("community_id") != "" {
		v.Set("visibility", "community")
	}
	d := noteFormData{Action: "/notes", Dest: s.noteDestinationOf(r, q.Get("notebook"), v)}
	applyNoteTemplate(v, q.Get("template"), state(r).L, time.Now())
	s.offerDraft(r, &d, v)
	s.renderNoteForm(w, r, http.StatusOK, newForm(v), d)
}

// offerDraft looks for a newer draft of the note being written; with
// ?draft=1 its text replaces the form's, otherwise the page offers it.
func (s *server) offerDraft(r *http.Request, d *noteFormData, v url.Values) {
	st := state(r)
	key := ""
	if d.N != nil {
		key = d.N.ID
	}
	d.DraftKey = key
	draft, err := s.svc.NoteDraft(r.Context(), st.Viewer, key)
	if err != nil {
		return // none worth offering
	}
	if r.URL.Query().Get("draft") == "1" {
		v.Set("title", draft.Title)
		v.Set("body", draft.Body)
		return
	}
	d.Draft = draft
}

func (s *server) editNoteForm(w http.ResponseWriter, r *http.Request) {
	n, ok := s.editableNote(w, r)
	if !ok {
		return
	}
	v := noteValues(n)
	d := noteFormData{Action: "/notes/" + n.ID + "/edit", Edit: true, N: n}
	s.offerDraft(r, &d, v)
	s.renderNoteForm(w, r, http.StatusOK, newForm(v), d)
}

// noteValues fills the editor with a note as saved.
func noteValues(n *maillage.Note) url.Values {
	v := url.Values{"title": {n.Title}, "body": {n.Body}, "summary": {n.Summary}, "kind": {string(n.Kind)},
		"visibility": {string(n.Visibility)}, "community_id": {n.CommunityID}, "organization_id": {n.OrganizationID},
		"person_user_id": {n.PersonUserID}, "license": {string(n.License)}, "tags": {joinTags(n.Tags)},
		"version": {strconv.Itoa(n.Version)}, "author_ids": n.AuthorIDs()}
	if n.AuthorsAreManagers {
		v.Set("authors_are_managers", "1")
	}
	return v
}

func (s *server) renderNoteForm(w http.ResponseWriter, r *http.Request, status int, f *form, d noteFormData) {
	st := state(r)
	title := st.L.T("web.note.new")
	if d.Edit {
		title = st.L.T("web.note.edit_title", map[string]any{"Title": d.N.Title})
		for _, a := range d.N.Authors {
			if a.UserID != st.Viewer.UserID {
				d.CoAuthors = append(d.CoAuthors, a)
			}
		}
		files, err := s.svc.Attachments(r.Context(), st.Viewer, d.N.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		d.Files = noteFiles(files, st.L)
		if d.Invited, err = s.svc.ItemInvitations(r.Context(), st.Viewer, maillage.InviteNote, d.N.ID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	d.Kinds, d.Licenses = noteKindOptions(st.L), noteLicenseOptions(st.L)
	if !d.Edit {
		d.Templates = templateLinks(r, st.L, d.Dest)
	}
	communities, err := s.myCommunityOptions(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// A note keeps its community even when the writer is not a member.
	if d.N != nil && d.N.CommunityID != "" && !slices.ContainsFunc(communities, func(o option) bool { return o.Value == d.N.CommunityID }) {
		name := d.N.CommunityName
		if name == "" {
			name = st.L.T("web.note.other_community")
		}
		communities = append(communities, option{Value: d.N.CommunityID, Label: name})
	}
	d.Communities = communities
	relabelNoteErrors(f, st.L)
	s.render(w, r, status, view{Template: "note_form", Title: title, Nav: "notes", Form: f, Data: d})
}

// noteInput reads the editor. Co-authors come from the kept checkboxes
// and the "add" field, which takes profile addresses or IDs.
func noteInput(r *http.Request) maillage.NoteInput {
	f := r.PostForm
	ids := slices.Clone(f["author_ids"])
	for _, p := range strings.FieldsFunc(f.Get("add_authors"), func(c rune) bool { return c == ',' || c == ';' || unicode.IsSpace(c) }) {
		if id := personID(p); id != "" {
			ids = append(ids, id)
		}
	}
	return maillage.NoteInput{
		Title: trimmed(r, "title"), Body: f.Get("body"), Summary: f.Get("summary"), Kind: f.Get("kind"),
		Visibility: f.Get("visibility"), CommunityID: f.Get("community_id"),
		OrganizationID: pathID(f.Get("organization_id"), "/organizations/"), PersonUserID: personID(f.Get("person_user_id")),
		AuthorsAreManagers: f.Get("authors_are_managers") == "1", License: f.Get("license"),
		Tags: splitTags(f.Get("tags")), AuthorIDs: ids, Version: formVersion(r),
	}
}

// pathID accepts what people paste: a page address (https://…/prefix/ID)
// or the bare ID.
func pathID(s, prefix string) string {
	s = strings.TrimSpace(s)
	if u, err := url.Parse(s); err == nil && strings.Contains(u.Path, prefix) {
		s = u.Path[strings.LastIndex(u.Path, prefix)+len(prefix):]
		s, _, _ = strings.Cut(s, "/")
	}
	return strings.Trim(s, "/ ")
}

// wantsPreview reports whether the editor was sent with its "Preview"
// button: the page comes back with the body rendered, nothing saved.
func wantsPreview(r *http.Request) bool { return r.PostForm.Get("action") == "preview" }

func (s *server) createNote(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	d := noteFormData{Action: "/notes", Dest: s.noteDestinationOf(r, r.PostForm.Get("notebook"), nil)}
	if wantsPreview(r) {
		s.previewInForm(w, r, d)
		return
	}
	in := noteInput(r)
	n, err := s.svc.CreateNote(r.Context(), st.Viewer, in)
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderNoteForm(w, r, formStatus(err), f, d)
		return
	}
	msg := "web.note.created"
	if d.Dest != nil {
		// Written from a notebook: it goes there (or to its managers).
		msg = s.fileNewNote(r, d.Dest, n.ID)
	}
	if invitedSome(in, n, st.Viewer.UserID) {
		msg = "consent.web.note_created_invited"
	}
	s.redirect(w, r, "/notes/"+url.PathEscape(n.ID), msg)
}

func (s *server) updateNote(w http.ResponseWriter, r *http.Request) {
	n, ok := s.editableNote(w, r)
	if !ok {
		return
	}
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	st := state(r)
	d := noteFormData{Action: "/notes/" + n.ID + "/edit", Edit: true, N: n}
	if wantsPreview(r) {
		s.previewInForm(w, r, d)
		return
	}
	in := noteInput(r)
	saved, err := s.svc.UpdateNote(r.Context(), st.Viewer, n.ID, in)
	if err != nil {
		if cur, gerr := s.svc.Note(r.Context(), st.Viewer, n.ID); gerr == nil {
			keepEditOnConflict(r, err, cur.Version)
			if maillage.AsError(err).MessageID == maillage.ErrEditConflict.MessageID {
				d.Current, d.N = cur, cur
			}
		}
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderNoteForm(w, r, formStatus(err), f, d)
		return
	}
	msg := "web.note.saved"
	if invitedSome(in, saved, st.Viewer.UserID) {
		msg = "consent.web.note_saved_invited"
	}
	s.redirect(w, r, "/notes/"+url.PathEscape(n.ID), msg)
}

// previewInForm shows the editor again, as typed, with the body rendered
// below: the preview of browsers without JavaScript.
func (s *server) previewInForm(w http.ResponseWriter, r *http.Request, d noteFormData) {
	st := state(r)
	f := newForm(r.PostForm)
	res, err := s.svc.PreviewNote(r.Context(), st.Viewer, r.PostForm.Get("body"), r.PostForm.Get("community_id"))
	if err != nil {
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderNoteForm(w, r, http.StatusUnprocessableEntity, f, d)
		return
	}
	d.Preview = &res.HTML
	s.renderNoteForm(w, r, http.StatusOK, f, d)
}

// relabelNoteErrors names the editor's fields in the error summary with
// the editor's own labels.
func relabelNoteErrors(f *form, l *i18n.Localizer) {
	for i, it := range f.Summary {
		f.Summary[i].Label = l.T("web.note.field." + it.Field)
	}
}

// notePreviewData is the preview fragment's data.
type notePreviewData struct {
	L     *i18n.Localizer
	HTML  template.HTML
	Error string
}

// previewNote answers the editor's "Preview" button sent by htmx with the
// body rendered as its writer will see it.
func (s *server) previewNote(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	d := notePreviewData{L: st.L}
	res, err := s.svc.PreviewNote(r.Context(), st.Viewer, r.PostForm.Get("body"), r.PostForm.Get("community_id"))
	if err != nil {
		e := maillage.AsError(err)
		if e.Code != maillage.CodeInvalid {
			s.fail(w, r, err)
			return
		}
		d.Error = st.L.T("web.note.preview_failed")
		if len(e.Fields) > 0 {
			d.Error = st.L.T(e.Fields[0].MessageID, e.Fields[0].Data)
		}
	}
	d.HTML = res.HTML
	s.renderNoteFragment(w, r, "note_preview", d)
}

// renderNoteFragment executes a fragment defined in the editor's page,
// for htmx answers.
func (s *server) renderNoteFragment(w http.ResponseWriter, r *http.Request, name string, data any) {
	t, ok := s.tmpl.pages["note_form"]
	if !ok {
		s.serverError(w, r, errors.New("no note_form template"))
		return
	}
	var buf strings.Builder
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte(buf.String()))
}

// invitedSome reports whether a save named co-authors who are not
// authors of the saved note: they were invited, and sign it once they
// accept.
func invitedSome(in maillage.NoteInput, n *maillage.Note, self string) bool {
	for _, id := range in.AuthorIDs {
		if id != self && !slices.Contains(n.AuthorIDs(), id) {
			return true
		}
	}
	return false
}
