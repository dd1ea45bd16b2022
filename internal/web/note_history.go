package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

type noteHistoryData struct {
	N         *maillage.Note
	Revisions []maillage.NoteRevision
}

func (s *server) noteHistory(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.editableNote(w, r); !ok {
		return
	}
	st := state(r)
	n, revs, err := s.svc.NoteRevisions(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "note_history", Title: st.L.T("web.note.history_title", map[string]any{"Title": n.Title}),
		Nav: "notes", Data: noteHistoryData{N: n, Revisions: revs}})
}

// revisionNumber reads {n}; anything but a positive number names nothing.
func revisionNumber(r *http.Request) (int, bool) {
	n, err := strconv.Atoi(r.PathValue("n"))
	return n, err == nil && n > 0
}

// noteRevision shows what a revision changed (?against=previous, the
// default) or how it differs from the note today (?against=current).
func (s *server) noteRevision(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.editableNote(w, r); !ok {
		return
	}
	st := state(r)
	num, ok := revisionNumber(r)
	if !ok {
		s.fail(w, r, maillage.ErrNotFound)
		return
	}
	against := service.AgainstPrevious
	if r.URL.Query().Get("against") == string(service.AgainstCurrent) {
		against = service.AgainstCurrent
	}
	d, err := s.svc.NoteDiff(r.Context(), st.Viewer, r.PathValue("id"), num, against)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "note_diff",
		Title: st.L.T("web.note.revision_title", map[string]any{"Number": num, "Title": d.Note.Title}), Nav: "notes", Data: d})
}

func (s *server) restoreNoteRevision(w http.ResponseWriter, r *http.Request) {
	n, ok := s.editableNote(w, r)
	if !ok {
		return
	}
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	num, ok := revisionNumber(r)
	if !ok {
		s.fail(w, r, maillage.ErrNotFound)
		return
	}
	// The form carries the version the page showed: restoring over a
	// newer save is refused like any concurrent edit.
	if _, err := s.svc.RestoreNoteRevision(r.Context(), state(r).Viewer, n.ID, num, formVersion(r)); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/notes/"+url.PathEscape(n.ID), "web.note.restored")
}
