package api

import (
	"net/http"
	"strconv"

	"github.com/maillage/maillage/internal/maillage"
)

// revisionRestore names the note version a restore starts from.
type revisionRestore struct {
	Version *int `json:"version" doc:"the note's version the caller saw; a stale one answers 409 (omitted: the current one)"`
}

// revisionNumber reads the {n} of a revision path; anything but a
// positive number names no revision.
func revisionNumber(r *http.Request) (int, error) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 {
		return 0, maillage.ErrNotFound
	}
	return n, nil
}

func (s *server) listNoteRevisions(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	_, revs, err := s.svc.NoteRevisions(r.Context(), viewerOf(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	items := make([]revisionJSON, len(revs))
	for i := range revs {
		items[i] = revisionOut(&revs[i], false)
	}
	s.writeJSON(w, http.StatusOK, newList(window(items, p), len(items), p))
	return nil
}

func (s *server) getNoteRevision(w http.ResponseWriter, r *http.Request) error {
	n, err := revisionNumber(r)
	if err != nil {
		return err
	}
	rev, err := s.svc.NoteRevision(r.Context(), viewerOf(r), r.PathValue("id"), n)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, revisionOut(rev, true))
	return nil
}

func (s *server) restoreNoteRevision(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in revisionRestore
	if err := decode(r, &in, true); err != nil {
		return err
	}
	n, err := revisionNumber(r)
	if err != nil {
		return err
	}
	version := 0
	if in.Version != nil {
		version = *in.Version
	}
	note, err := s.svc.RestoreNoteRevision(r.Context(), v, r.PathValue("id"), n, version)
	if err != nil {
		return err
	}
	return s.answerNote(w, r, http.StatusOK, note.ID)
}
