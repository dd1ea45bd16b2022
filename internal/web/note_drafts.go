package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

// writeNoteJSON answers the editor's script.
func writeNoteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// draftAnswer tells the editor's script how an autosave went, in words
// it shows in a live region.
type draftAnswer struct {
	Saved   bool   `json:"saved"`
	Message string `json:"message"`
}

// saveNoteDraft is the editor's autosave: it keeps the title and body
// being typed (note_id names the note, empty for a new one).
func (s *server) saveNoteDraft(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if !st.Viewer.SignedIn() {
		writeNoteJSON(w, http.StatusUnauthorized, draftAnswer{Message: st.L.T("web.note.draft_signed_out")})
		return
	}
	if err := parseForm(r); err != nil {
		writeNoteJSON(w, http.StatusRequestEntityTooLarge, draftAnswer{Message: st.L.T("web.note.draft_failed")})
		return
	}
	f := r.PostForm
	d, err := s.svc.SaveNoteDraft(r.Context(), st.Viewer, f.Get("note_id"), f.Get("title"), f.Get("body"))
	if err != nil {
		status := http.StatusUnprocessableEntity
		switch maillage.ErrorCode(err) {
		case maillage.CodeNotFound:
			status = http.StatusNotFound
		case maillage.CodeForbidden:
			status = http.StatusForbidden
		case maillage.CodeInvalid:
		default:
			s.log.Error("save draft", "err", err)
			status = http.StatusInternalServerError
		}
		writeNoteJSON(w, status, draftAnswer{Message: st.L.T("web.note.draft_failed")})
		return
	}
	writeNoteJSON(w, http.StatusOK, draftAnswer{Saved: true,
		Message: st.L.T("web.note.draft_saved", map[string]any{"Time": st.L.DateTime(d.UpdatedAt)})})
}

// discardNoteDraft drops the viewer's draft and goes back to the editor.
func (s *server) discardNoteDraft(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	id := r.PostForm.Get("note_id")
	if err := s.svc.DiscardNoteDraft(r.Context(), st.Viewer, id); err != nil {
		s.fail(w, r, err)
		return
	}
	to := "/notes/new"
	if id != "" {
		to = "/notes/" + url.PathEscape(id) + "/edit"
	}
	s.redirect(w, r, to, "web.note.draft_discarded")
}

// maxNoteSuggestions keeps the [[link]] completion short enough to scan.
const maxNoteSuggestions = 8

// noteSuggestion is one title offered to complete a [[link]].
type noteSuggestion struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// suggestNotes answers the editor's [[link]] completion with the titles
// of notes the viewer may see, as JSON.
func (s *server) suggestNotes(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	out := []noteSuggestion{}
	if q != "" {
		refs, err := s.svc.SuggestNotes(r.Context(), st.Viewer, q, maxNoteSuggestions)
		if err != nil {
			s.log.Error("suggest notes", "err", err)
			writeNoteJSON(w, http.StatusInternalServerError, out)
			return
		}
		for _, ref := range refs {
			out = append(out, noteSuggestion{ID: ref.ID, Title: ref.Title})
		}
	}
	writeNoteJSON(w, http.StatusOK, out)
}
