package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
)

// addNotebookNote files a note in the notebook. The picker fills note_id;
// without JavaScript the person types a title or pastes a note's address
// in "note", and a title matching several notes brings the page back with
// those notes to choose from.
func (s *server) addNotebookNote(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	// A choice among several notes (note_id) wins over the picker's (note_pick).
	noteID := strings.TrimSpace(r.PostForm.Get("note_id"))
	if noteID == "" {
		noteID = strings.TrimSpace(r.PostForm.Get("note_pick"))
	}
	var candidates []maillage.NoteSummary
	var err error
	if noteID == "" {
		noteID, candidates, err = s.typedNote(r, id, strings.TrimSpace(r.PostForm.Get("note")))
	}
	var added bool
	if err == nil {
		added, err = s.svc.AddNoteToNotebook(r.Context(), st.Viewer, id, noteID, r.PostForm.Get("category"))
	}
	if err != nil {
		f := newForm(r.PostForm)
		f.Values.Del("note_id")
		f.Values.Del("note_pick")
		status := formStatus(err)
		switch {
		case maillage.IsNotFound(err):
			// The note is absent or not visible: said on the form, the
			// same way in both cases.
			f.addError(st.L, "note", "notebook.note_not_found", nil)
			status = http.StatusNotFound
		case !f.apply(st.L, err):
			s.fail(w, r, err)
			return
		}
		for i, it := range f.Summary {
			f.Summary[i].Label = st.L.T("web.notebook.field." + unreserved(it.Field))
		}
		s.renderNotebook(w, r, status, f, candidates)
		return
	}
	msg := "web.notebook.note_added"
	if !added {
		msg = "web.notebook.note_already"
	}
	s.redirect(w, r, "/notebooks/"+url.PathEscape(id), msg)
}

// typedNote finds the note meant by what was typed in the add form: a
// note's address or ID, or a title (accents and case ignored) among the
// notes the viewer may see that are not in the notebook yet.
func (s *server) typedNote(r *http.Request, notebookID, typed string) (string, []maillage.NoteSummary, error) {
	if typed == "" {
		return "", nil, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "note", MessageID: "field.required"}}}
	}
	if i := strings.Index(typed, "/notes/"); i >= 0 {
		rest := typed[i+len("/notes/"):]
		if j := strings.IndexAny(rest, "/?#"); j >= 0 {
			rest = rest[:j]
		}
		return rest, nil, nil
	}
	found, err := s.svc.NotebookNoteSuggestions(r.Context(), state(r).Viewer, notebookID, typed)
	if err != nil {
		return "", nil, err
	}
	var exact []maillage.NoteSummary
	for _, n := range found {
		if fold.Key(n.Title) == fold.Key(typed) {
			exact = append(exact, n)
		}
	}
	switch {
	case len(exact) == 1:
		return exact[0].ID, nil, nil
	case len(found) == 1:
		return found[0].ID, nil, nil
	case len(found) == 0:
		// A bare ID pasted from elsewhere.
		return typed, nil, nil
	}
	return "", found, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
		Fields: []maillage.FieldError{{Field: "note", MessageID: "notebook.note_choose"}}}
}

// noteSuggestData is the note picker's fragment.
type noteSuggestData struct {
	L     *i18n.Localizer
	Notes []maillage.NoteSummary
	For   string
}

// notebookNoteSuggest answers the note picker: the notes the viewer may
// see whose title contains what is typed, not yet in the notebook.
func (s *server) notebookNoteSuggest(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	text := q.Get("note")
	if text == "" {
		text = q.Get("q")
	}
	st := state(r)
	var notes []maillage.NoteSummary
	if strings.TrimSpace(text) != "" {
		var err error
		if notes, err = s.svc.NotebookNoteSuggestions(r.Context(), st.Viewer, r.PathValue("id"), text); err != nil {
			s.fail(w, r, err)
			return
		}
	} else if _, err := s.svc.Notebook(r.Context(), st.Viewer, r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderFragment(w, r, "notebook_suggestions", noteSuggestData{L: st.L, Notes: notes, For: "nb-note"})
}

// backToNotebook returns where a note action goes back to: the page it
// came from (its filters and page kept) when that is the notebook's page,
// named by a "back" field or else by the Referer of the same site.
func backToNotebook(r *http.Request, id string) string {
	base := "/notebooks/" + url.PathEscape(id)
	back := r.PostForm.Get("back")
	if back == "" {
		if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host {
			back = ref.RequestURI()
		}
	}
	back = localPath(back)
	if back == base || strings.HasPrefix(back, base+"?") {
		return back
	}
	return base
}

// notebookNoteAction runs a one-button action on a note of a notebook
// and goes back to the notebook's page.
func (s *server) notebookNoteAction(w http.ResponseWriter, r *http.Request, flashID string, act func(v maillage.Viewer, id, noteID string) error) {
	if !s.signedInForm(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := act(state(r).Viewer, id, r.PathValue("note")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, backToNotebook(r, id), flashID)
}

func (s *server) removeNotebookNote(w http.ResponseWriter, r *http.Request) {
	s.notebookNoteAction(w, r, "web.notebook.note_removed", func(v maillage.Viewer, id, noteID string) error {
		return s.svc.RemoveNoteFromNotebook(r.Context(), v, id, noteID)
	})
}

func (s *server) pinNotebookNote(w http.ResponseWriter, r *http.Request) {
	s.notebookNoteAction(w, r, "", func(v maillage.Viewer, id, noteID string) error {
		return s.svc.PinNotebookNote(r.Context(), v, id, noteID, r.PostForm.Get("pinned") == "1")
	})
}

func (s *server) moveNotebookNote(w http.ResponseWriter, r *http.Request) {
	s.notebookNoteAction(w, r, "", func(v maillage.Viewer, id, noteID string) error {
		return s.svc.MoveNotebookNote(r.Context(), v, id, noteID, r.PostForm.Get("dir") == "up")
	})
}

func (s *server) setNotebookNoteCategory(w http.ResponseWriter, r *http.Request) {
	s.notebookNoteAction(w, r, "web.notebook.note_filed", func(v maillage.Viewer, id, noteID string) error {
		return s.svc.SetNotebookNoteCategory(r.Context(), v, id, noteID, r.PostForm.Get("category_id"))
	})
}
