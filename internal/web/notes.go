package web

import (
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// noteFilters are the filters of the notes list.
type noteFilters struct {
	Query, Tag, Kind, Community, Sort string
	// Author keeps the notes of one person (a profile links here).
	Author string
	Mine   bool
}

type notesData struct {
	Filters     noteFilters
	Notes       []maillage.NoteSummary
	Pager       pager
	Kinds       []option
	Communities []option
}

func (s *server) notes(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	q := r.URL.Query()
	f := noteFilters{Query: strings.TrimSpace(q.Get("q")), Tag: strings.TrimSpace(q.Get("tag")), Kind: q.Get("kind"),
		Community: q.Get("community"), Sort: q.Get("sort"), Author: strings.TrimSpace(q.Get("author")), Mine: q.Get("mine") == "1"}
	if !slices.Contains(maillage.NoteKinds(), f.Kind) {
		f.Kind = ""
	}
	if f.Sort != "title" {
		f.Sort = "recent"
	}
	n, page := pageOf(r)
	nf := service.NoteFilter{Query: f.Query, Tag: f.Tag, Descendants: q.Get("descendants") == "1", Kind: maillage.NoteKind(f.Kind), CommunityID: f.Community, Sort: f.Sort,
		AuthorID: f.Author, Page: page}
	if f.Mine && st.Viewer.SignedIn() {
		nf.AuthorID = st.Viewer.UserID
	}
	list, total, err := s.svc.Notes(r.Context(), st.Viewer, nf)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	communities, err := s.myCommunityOptions(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "notes", Title: st.L.T("web.notes.title"), Nav: "notes",
		Data: notesData{Filters: f, Notes: list, Pager: newPager(r, n, total), Kinds: noteKindOptions(st.L), Communities: communities}})
}

// myCommunityOptions lists the viewer's communities, for filters and for
// the community a note belongs to.
func (s *server) myCommunityOptions(r *http.Request) ([]option, error) {
	st := state(r)
	if !st.Viewer.SignedIn() {
		return nil, nil
	}
	cs, _, err := s.svc.Communities(r.Context(), st.Viewer, service.CommunityFilter{MemberID: st.Viewer.UserID, Page: service.Page{Limit: 100}})
	if err != nil {
		return nil, err
	}
	out := make([]option, len(cs))
	for i, c := range cs {
		out[i] = option{Value: c.ID, Label: c.Name}
	}
	return out, nil
}

// notePageData feeds a note's page.
type notePageData struct {
	*service.NotePage
	// ShowTOC: a table of contents helps from three headings on.
	ShowTOC      bool
	LicenseURL   string
	LicenseLabel string
	Files        []noteFile
	// Upload is the file form of the note's authors, with its errors.
	Upload *form
	// Invitations are the viewer's invitation to co-author the note, and
	// for its authors the invitations sent.
	Invitations itemInvitations
	// Contrib holds the comments and the forms to comment and propose.
	Contrib noteContrib
	// Actor is the card the note is attached to, when the viewer may see it.
	Actor *maillage.Actor
}

// noteFile is an attachment as pages list it.
type noteFile struct {
	maillage.Attachment
	URL string
	// Markdown inserts the file in a body: an image, or a link.
	Markdown string
	IsImage  bool
	// SizeText is the size in the reader's units ("1,2 Mo").
	SizeText string
}

func noteFiles(list []maillage.Attachment, l *i18n.Localizer) []noteFile {
	out := make([]noteFile, len(list))
	for i := range list {
		a := &list[i]
		f := noteFile{Attachment: *a, URL: service.AttachmentHref(a), IsImage: a.Kind == "image", SizeText: fileSize(l, a.Size)}
		label := strings.NewReplacer("[", "(", "]", ")").Replace(a.Name)
		f.Markdown = "[" + label + "](" + f.URL + ")"
		if f.IsImage {
			f.Markdown = "!" + f.Markdown
		}
		out[i] = f
	}
	return out
}

func (s *server) note(w http.ResponseWriter, r *http.Request) {
	s.renderNote(w, r, http.StatusOK, nil)
}

// renderNote draws a note's page; upload is the file form coming back
// with its errors (nil for a fresh one).
func (s *server) renderNote(w http.ResponseWriter, r *http.Request, status int, upload *form) {
	s.renderNotePage(w, r, status, upload, nil)
}

// renderNotePage draws a note's page with the forms that came back with
// their errors: the file form (upload) and the comment or proposal form
// (contrib); nil for fresh ones.
func (s *server) renderNotePage(w http.ResponseWriter, r *http.Request, status int, upload *form, contrib *noteContrib) {
	st := state(r)
	id := r.PathValue("id")
	p, err := s.svc.NotePage(r.Context(), st.Viewer, id)
	if s.invitationInstead(w, r, maillage.InviteNote, id, err) {
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if upload == nil {
		upload = newForm(nil)
	}
	d := notePageData{NotePage: p, ShowTOC: len(p.TOC) >= 3, LicenseURL: licenseURL(p.Note.License, st.L.Lang()),
		LicenseLabel: licenseLabel(st.L, string(p.Note.License)),
		Files:        noteFiles(p.Attachments, st.L), Upload: upload}
	if d.Invitations, err = s.loadItemInvitations(r, maillage.InviteNote, p.Note.ID, p.CanEdit); err != nil {
		s.fail(w, r, err)
		return
	}
	if contrib != nil {
		d.Contrib = *contrib
	}
	if err := s.loadNoteContrib(r, p, &d.Contrib); err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Actor, err = s.svc.NoteActor(r.Context(), st.Viewer, p.Note.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, view{Template: "note", Title: p.Note.Title, Nav: "notes", Data: d, Form: upload})
}

// licenseURL is the Creative Commons deed of a licence, in the reader's
// language ("" for all rights reserved).
func licenseURL(l maillage.License, lang string) string {
	deed := "deed.fr"
	if lang == i18n.English {
		deed = "deed.en"
	}
	switch l {
	case maillage.LicenseCCBY:
		return "https://creativecommons.org/licenses/by/4.0/" + deed
	case maillage.LicenseCCBYSA:
		return "https://creativecommons.org/licenses/by-sa/4.0/" + deed
	case maillage.LicenseCCBYNC:
		return "https://creativecommons.org/licenses/by-nc/4.0/" + deed
	case maillage.LicenseCC0:
		return "https://creativecommons.org/publicdomain/zero/1.0/" + deed
	}
	return ""
}

// editableNote loads a note the viewer may edit, answering the error
// page itself otherwise: 404 when invisible (visitors included), the
// sign-in page for visitors, 403 for readers who are not authors.
func (s *server) editableNote(w http.ResponseWriter, r *http.Request) (*maillage.Note, bool) {
	st := state(r)
	n, err := s.svc.Note(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if !s.requireSignedIn(w, r) {
		return nil, false
	}
	if !s.svc.CanEditNote(st.Viewer, n) {
		s.fail(w, r, maillage.ErrForbidden)
		return nil, false
	}
	return n, true
}

type noteDeleteData struct {
	N *maillage.Note
}

func (s *server) deleteNoteConfirm(w http.ResponseWriter, r *http.Request) {
	n, ok := s.editableNote(w, r)
	if !ok {
		return
	}
	st := state(r)
	s.render(w, r, http.StatusOK, view{Template: "note_delete", Title: st.L.T("web.note.delete_title", map[string]any{"Title": n.Title}),
		Nav: "notes", Data: noteDeleteData{N: n}})
}

func (s *server) deleteNote(w http.ResponseWriter, r *http.Request) {
	n, ok := s.editableNote(w, r)
	if !ok {
		return
	}
	if err := s.svc.DeleteNote(r.Context(), state(r).Viewer, n.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/notes", "web.note.deleted")
}

func (s *server) removeNoteAuthor(w http.ResponseWriter, r *http.Request) {
	n, ok := s.editableNote(w, r)
	if !ok {
		return
	}
	st := state(r)
	userID := r.PathValue("user")
	if err := s.svc.RemoveNoteAuthor(r.Context(), st.Viewer, n.ID, userID); err != nil {
		s.fail(w, r, err)
		return
	}
	to := "/notes/" + url.PathEscape(n.ID)
	if userID == st.Viewer.UserID {
		// Leaving a private note makes its page invisible: go to the list.
		if _, err := s.svc.Note(r.Context(), st.Viewer, n.ID); maillage.IsNotFound(err) {
			to = "/notes"
		}
	}
	s.redirect(w, r, to, "web.note.author_removed")
}

// noteKindOptions are the kinds of note, translated.
func noteKindOptions(l *i18n.Localizer) []option {
	var out []option
	for _, k := range maillage.NoteKinds() {
		out = append(out, option{Value: k, Label: l.T("web.note.kind." + k)})
	}
	return out
}

// licenseLabel names a licence ("CC BY 4.0", "Tous droits réservés").
func licenseLabel(l *i18n.Localizer, license string) string {
	return l.T("web.note.license." + strings.ReplaceAll(license, ".", "_"))
}

// noteLicenseOptions are the licences, translated.
func noteLicenseOptions(l *i18n.Localizer) []option {
	var out []option
	for _, k := range maillage.Licenses() {
		out = append(out, option{Value: k, Label: licenseLabel(l, k)})
	}
	return out
}

// fileSize writes a size in kilobytes or megabytes, in the reader's
// number format.
func fileSize(l *i18n.Localizer, n int64) string {
	switch {
	case n >= 1<<20:
		return l.T("web.note.size_mb", map[string]any{"N": l.Number(math.Round(float64(n)/(1<<20)*10) / 10)})
	case n >= 1<<10:
		return l.T("web.note.size_kb", map[string]any{"N": l.Number(math.Round(float64(n) / (1 << 10)))})
	}
	return l.T("web.note.size_b", map[string]any{"N": l.Number(n)})
}
