package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// noteTemplates names the note templates the editor offers in one click,
// in the order it shows them.
func noteTemplates() []string { return []string{"minutes", "summary", "resource", "term"} }

// noteTemplateLink is one template of the new-note form, as a link that
// keeps where the note is going (a notebook, a community).
type noteTemplateLink struct {
	Name, Label, Hint, URL string
	Current                bool
}

// noteDestination is where a note written from a notebook or a community
// goes once created.
type noteDestination struct {
	Notebook *maillage.Notebook
	// Propose: the writer does not add to the notebook; the note is
	// proposed to its managers instead.
	Propose bool
}

// applyNoteTemplate fills a new note's form with a template: its kind,
// visibility, a title to complete and the outline of its text, in the
// writer's language. Unknown names change nothing.
func applyNoteTemplate(v url.Values, name string, l *i18n.Localizer, now time.Time) {
	if !slices.Contains(noteTemplates(), name) {
		return
	}
	prefix := "contribute.template." + name + "."
	v.Set("title", l.T(prefix+"title", map[string]any{"Date": l.Date(now)}))
	v.Set("body", l.T(prefix+"body"))
	switch name {
	case "minutes":
		// Detailed minutes stay with the people who took them.
		v.Set("visibility", string(maillage.VisibilityPrivate))
	case "term":
		v.Set("kind", string(maillage.NoteTerm))
		v.Set("visibility", string(maillage.VisibilityPublic))
	default:
		v.Set("visibility", string(maillage.VisibilityPublic))
	}
}

// templateLinks builds the template links of the new-note form, keeping
// its other query parameters (a notebook only when the writer sees it).
func templateLinks(r *http.Request, l *i18n.Localizer, dest *noteDestination) []noteTemplateLink {
	q := r.URL.Query()
	current := q.Get("template")
	q.Del("draft")
	q.Del("notebook")
	if dest != nil {
		q.Set("notebook", dest.Notebook.ID)
	}
	var out []noteTemplateLink
	for _, name := range noteTemplates() {
		q.Set("template", name)
		out = append(out, noteTemplateLink{Name: name, Label: l.T("contribute.template." + name + ".label"),
			Hint: l.T("contribute.template." + name + ".hint"), URL: "/notes/new?" + q.Encode(), Current: name == current})
	}
	return out
}

// noteDestinationOf reads the notebook a new note is written for (from
// the notebook's "new note" button) and fills the form's defaults from
// it: its visibility, and its community when the writer belongs to it.
// A notebook the writer may not see is ignored, like an absent one.
func (s *server) noteDestinationOf(r *http.Request, notebookID string, v url.Values) *noteDestination {
	notebookID = strings.TrimSpace(notebookID)
	if notebookID == "" {
		return nil
	}
	st := state(r)
	nb, err := s.svc.Notebook(r.Context(), st.Viewer, notebookID)
	if err != nil {
		return nil
	}
	if v != nil {
		v.Set("visibility", string(nb.Visibility))
		if nb.CommunityID != "" && st.Viewer.IsMember(nb.CommunityID) {
			v.Set("community_id", nb.CommunityID)
		} else if nb.Visibility == maillage.VisibilityCommunity {
			v.Set("visibility", string(maillage.VisibilityPrivate))
		}
	}
	return &noteDestination{Notebook: nb, Propose: !service.CanContributeToNotebook(st.Viewer, nb)}
}

// fileNewNote puts a note just created in the notebook it was written
// for: filed where the writer adds notes, proposed to the managers
// elsewhere. It returns the message to show.
func (s *server) fileNewNote(r *http.Request, dest *noteDestination, noteID string) string {
	v := state(r).Viewer
	if dest.Propose {
		if _, err := s.svc.ProposeNote(r.Context(), v, dest.Notebook.ID, maillage.ProposalInput{NoteID: noteID}); err != nil {
			s.log.Warn("propose new note", "err", err)
			return "contribute.web.note_not_filed"
		}
		return "contribute.web.note_proposed"
	}
	if _, err := s.svc.AddNoteToNotebook(r.Context(), v, dest.Notebook.ID, noteID, ""); err != nil {
		s.log.Warn("file new note", "err", err)
		return "contribute.web.note_not_filed"
	}
	return "contribute.web.note_filed"
}
