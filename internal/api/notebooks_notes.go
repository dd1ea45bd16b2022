package api

import (
	"context"
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// notebookNoteAdd files a note in a notebook.
type notebookNoteAdd struct {
	NoteID   string `json:"note_id" required:"true"`
	Category string `json:"category" doc:"category name in this notebook, created when new; a note already there moves to it"`
}

// notebookNotePatch changes a note's place in a notebook.
type notebookNotePatch struct {
	CategoryID *string `json:"category_id" doc:"one of the notebook's category IDs, empty string for none (managers, or who added the note)"`
	Pinned     *bool   `json:"pinned" doc:"pin at the top (managers)"`
	Move       *string `json:"move" enum:"up,down" doc:"one step in the manual order, within its section (managers)"`
}

// categoryCreate names a new category.
type categoryCreate struct {
	Name string `json:"name" required:"true"`
}

// categoryPatch renames or moves a category.
type categoryPatch struct {
	Name *string `json:"name"`
	Move *string `json:"move" enum:"up,down"`
}

// notebookMemberAdd gives someone a role.
type notebookMemberAdd struct {
	UserID string `json:"user_id" required:"true"`
	Role   string `json:"role" enum:"manager,contributor" doc:"contributor when omitted; also changes the role of a current member"`
}

func (s *server) addNotebookNote(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in notebookNoteAdd
	if err := decode(r, &in, false); err != nil {
		return err
	}
	id := r.PathValue("id")
	added, err := s.svc.AddNoteToNotebook(r.Context(), v, id, in.NoteID, in.Category)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if added {
		status = http.StatusCreated
	}
	return s.answerEntry(w, r, status, id, in.NoteID)
}

// answerEntry writes one note of a notebook as the caller sees it there.
func (s *server) answerEntry(w http.ResponseWriter, r *http.Request, status int, id, noteID string) error {
	v := viewerOf(r)
	// The notebook's notes are listed whole only up to a page; find the
	// note among them by walking pages, which a notebook rarely needs.
	for offset := 0; ; offset += maxLimit {
		entries, total, err := s.svc.NotebookNotes(r.Context(), v, id, service.NotebookNoteFilter{Page: service.Page{Limit: maxLimit, Offset: offset}})
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.Note.ID == noteID {
				if status == http.StatusCreated {
					w.Header().Set("Location", Prefix+"/notebooks/"+id)
				}
				s.writeJSON(w, status, entryOut(e))
				return nil
			}
		}
		if offset+maxLimit >= total {
			return maillage.ErrNotFound
		}
	}
}

func (s *server) patchNotebookNote(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var p notebookNotePatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	ctx, id, noteID := r.Context(), r.PathValue("id"), r.PathValue("note_id")
	if p.CategoryID != nil {
		if err := s.svc.SetNotebookNoteCategory(ctx, v, id, noteID, *p.CategoryID); err != nil {
			return err
		}
	}
	if p.Pinned != nil {
		if err := s.svc.PinNotebookNote(ctx, v, id, noteID, *p.Pinned); err != nil {
			return err
		}
	}
	if p.Move != nil {
		up, err := direction(*p.Move)
		if err != nil {
			return err
		}
		if err := s.svc.MoveNotebookNote(ctx, v, id, noteID, up); err != nil {
			return err
		}
	}
	return s.answerEntry(w, r, http.StatusOK, id, noteID)
}

// direction reads "up" or "down".
func direction(move string) (up bool, err error) {
	switch move {
	case "up":
		return true, nil
	case "down":
		return false, nil
	}
	return false, invalidField("move", "field.invalid_choice")
}

func (s *server) removeNotebookNote(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.RemoveNoteFromNotebook(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("note_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) createNotebookCategory(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in categoryCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	c, err := s.svc.CreateNotebookCategory(r.Context(), v, r.PathValue("id"), in.Name)
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/notebooks/"+r.PathValue("id"))
	s.writeJSON(w, http.StatusCreated, categoryJSON{ID: c.ID, Name: c.Name, Position: c.Position})
	return nil
}

func (s *server) patchNotebookCategory(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var p categoryPatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	ctx, id, catID := r.Context(), r.PathValue("id"), r.PathValue("category_id")
	if p.Name != nil {
		if err := s.svc.RenameNotebookCategory(ctx, v, id, catID, *p.Name); err != nil {
			return err
		}
	}
	if p.Move != nil {
		up, err := direction(*p.Move)
		if err != nil {
			return err
		}
		if err := s.svc.MoveNotebookCategory(ctx, v, id, catID, up); err != nil {
			return err
		}
	}
	nb, err := s.svc.Notebook(ctx, v, id)
	if err != nil {
		return err
	}
	for _, c := range nb.Categories {
		if c.ID == catID {
			s.writeJSON(w, http.StatusOK, categoryJSON{ID: c.ID, Name: c.Name, Position: c.Position})
			return nil
		}
	}
	return maillage.ErrNotFound
}

func (s *server) deleteNotebookCategory(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.DeleteNotebookCategory(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("category_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) listNotebookMembers(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	ms, err := s.svc.NotebookMembers(r.Context(), viewerOf(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(membersOut(window(ms, p)), len(ms), p))
	return nil
}

func (s *server) addNotebookMember(w http.ResponseWriter, r *http.Request) error {
	return s.addRole(w, r, "/notebooks/", s.svc.AddNotebookMember)
}

func (s *server) removeNotebookMember(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.RemoveNotebookMember(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("user_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

// addRole decodes a role and gives it, or invites the person to it (202),
// for notebooks and knowledge bases.
func (s *server) addRole(w http.ResponseWriter, r *http.Request, base string,
	add func(ctx context.Context, v maillage.Viewer, id, userID string, role maillage.NotebookRole) (*maillage.Invitation, error)) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in notebookMemberAdd
	if err := decode(r, &in, false); err != nil {
		return err
	}
	id := r.PathValue("id")
	role := maillage.NotebookRole(in.Role)
	if role == "" {
		role = maillage.NotebookContributor
	}
	inv, err := add(r.Context(), v, id, in.UserID, role)
	if err != nil {
		return err
	}
	if inv != nil {
		s.writeInvitationSent(w, base+id+"/invitations", inv)
		return nil
	}
	w.Header().Set("Location", Prefix+base+id+"/members")
	s.writeJSON(w, http.StatusCreated, notebookMemberJSON{UserID: in.UserID, Role: string(role)})
	return nil
}
