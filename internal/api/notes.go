package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// noteCreate writes a note; the caller is its first author.
type noteCreate struct {
	Title              string   `json:"title" required:"true"`
	Body               string   `json:"body" doc:"Markdown: [[Title]] links to a note, @[Name](user:ID) mentions someone"`
	Summary            string   `json:"summary" doc:"required for terms: the definition"`
	Kind               string   `json:"kind" enum:"general,term,organization,person" doc:"general by default"`
	Visibility         string   `json:"visibility" required:"true" enum:"private,community,public"`
	CommunityID        string   `json:"community_id" doc:"a community the caller belongs to; required for visibility community"`
	OrganizationID     string   `json:"organization_id" doc:"organisation notes: required"`
	PersonUserID       string   `json:"person_user_id" doc:"person cards: the member described, if on Maillage"`
	AuthorsAreManagers bool     `json:"authors_are_managers" doc:"the linked community's managers are the authors (its managers only may choose this)"`
	License            string   `json:"license" enum:"cc-by-4.0,cc-by-sa-4.0,cc-by-nc-4.0,cc0-1.0,all-rights-reserved" doc:"cc-by-4.0 by default"`
	Tags               []string `json:"tags" doc:"tag labels"`
	AuthorIDs          []string `json:"author_ids" doc:"co-authors (user IDs); the caller is always an author. Each other person is invited and becomes an author once they accept (POST /api/v1/notes/{id}/invitation/accept); a platform administrator names authors directly"`
}

// notePatch edits a note; omitted fields keep their value.
type notePatch struct {
	Title              *string   `json:"title"`
	Body               *string   `json:"body"`
	Summary            *string   `json:"summary"`
	Kind               *string   `json:"kind" enum:"general,term,organization,person"`
	Visibility         *string   `json:"visibility" enum:"private,community,public"`
	CommunityID        *string   `json:"community_id" doc:"\"\" unlinks the community"`
	OrganizationID     *string   `json:"organization_id"`
	PersonUserID       *string   `json:"person_user_id"`
	AuthorsAreManagers *bool     `json:"authors_are_managers"`
	License            *string   `json:"license" enum:"cc-by-4.0,cc-by-sa-4.0,cc-by-nc-4.0,cc0-1.0,all-rights-reserved"`
	Tags               *[]string `json:"tags"`
	AuthorIDs          *[]string `json:"author_ids" doc:"the authors; the caller always stays one (to leave, DELETE /api/v1/notes/{id}/authors/{user_id}); people named who are not authors yet are invited (GET /api/v1/notes/{id}/invitations)"`
	Version            *int      `json:"version" doc:"the version this edit starts from (from a GET); a stale one answers 409 and nothing is saved"`
}

func (s *server) listNotes(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	kind, err := choice(r, "kind", maillage.NoteKinds())
	if err != nil {
		return err
	}
	vis, err := choice(r, "visibility", []string{"private", "community", "public"})
	if err != nil {
		return err
	}
	sort, err := choice(r, "sort", []string{"recent", "title"})
	if err != nil {
		return err
	}
	q := r.URL.Query()
	v := viewerOf(r)
	author := strings.TrimSpace(q.Get("author"))
	if author == "me" {
		if !v.SignedIn() {
			return maillage.ErrUnauthorized
		}
		author = v.UserID
	}
	notes, total, err := s.svc.Notes(r.Context(), v, service.NoteFilter{Query: strings.TrimSpace(q.Get("q")), Tag: q.Get("tag"),
		AuthorID: author, CommunityID: strings.TrimSpace(q.Get("community")), Kind: maillage.NoteKind(kind),
		Visibility: maillage.Visibility(vis), Sort: sort, Page: p})
	if err != nil {
		return err
	}
	items := make([]noteSummaryJSON, len(notes))
	for i := range notes {
		items[i] = noteSummaryOut(&notes[i])
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) getNote(w http.ResponseWriter, r *http.Request) error {
	return s.answerNote(w, r, http.StatusOK, r.PathValue("id"))
}

// answerNote writes a note as the caller now sees it.
func (s *server) answerNote(w http.ResponseWriter, r *http.Request, status int, id string) error {
	p, err := s.svc.NotePage(r.Context(), viewerOf(r), id)
	if err != nil {
		return err
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/notes/"+p.Note.ID)
	}
	out := noteOut(p)
	a, err := s.svc.NoteActor(r.Context(), viewerOf(r), p.Note.ID)
	if err != nil {
		return err
	}
	if a != nil {
		out.ActorID = &a.ID
	}
	s.writeJSON(w, status, out)
	return nil
}

func (s *server) createNote(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in noteCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	n, err := s.svc.CreateNote(r.Context(), v, maillage.NoteInput{Title: in.Title, Body: in.Body, Summary: in.Summary,
		Kind: in.Kind, Visibility: in.Visibility, CommunityID: in.CommunityID, OrganizationID: in.OrganizationID,
		PersonUserID: in.PersonUserID, AuthorsAreManagers: in.AuthorsAreManagers, License: in.License, Tags: in.Tags,
		AuthorIDs: in.AuthorIDs})
	if err != nil {
		return err
	}
	return s.answerNote(w, r, http.StatusCreated, n.ID)
}

func (s *server) patchNote(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var p notePatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	cur, err := s.svc.Note(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	in := service.InputOf(cur)
	set(&in.Title, p.Title)
	set(&in.Body, p.Body)
	set(&in.Summary, p.Summary)
	set(&in.Kind, p.Kind)
	set(&in.Visibility, p.Visibility)
	set(&in.CommunityID, p.CommunityID)
	set(&in.OrganizationID, p.OrganizationID)
	set(&in.PersonUserID, p.PersonUserID)
	set(&in.AuthorsAreManagers, p.AuthorsAreManagers)
	set(&in.License, p.License)
	set(&in.Tags, p.Tags)
	set(&in.AuthorIDs, p.AuthorIDs)
	// Without a version from the client, the overlay still must not undo a
	// change saved between the read above and the write: expect what was read.
	set(&in.Version, p.Version)
	if _, err := s.svc.UpdateNote(r.Context(), v, cur.ID, in); err != nil {
		return err
	}
	return s.answerNote(w, r, http.StatusOK, cur.ID)
}

func (s *server) deleteNote(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.DeleteNote(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) removeNoteAuthor(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.RemoveNoteAuthor(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("user_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}
