package api

import (
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// The JSON shapes of notes, their revisions and attachments.

type noteRefJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

func noteRefsOut(refs []maillage.NoteRef) []noteRefJSON {
	out := make([]noteRefJSON, len(refs))
	for i, r := range refs {
		out[i] = noteRefJSON{ID: r.ID, Title: r.Title}
	}
	return out
}

type noteAuthorJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// noteAuthorsOut lists the authors the caller may see. The store names an
// author only when the caller may see their profile (the SQL mirror of
// maillage.CanViewProfile): one without a name is left out, ID and all,
// so the lists may be shorter than the authors, or empty.
func noteAuthorsOut(authors []maillage.NoteAuthor) ([]string, []noteAuthorJSON) {
	ids, out := []string{}, []noteAuthorJSON{}
	for _, a := range authors {
		if a.Name != "" {
			ids, out = append(ids, a.UserID), append(out, noteAuthorJSON{ID: a.UserID, Name: a.Name})
		}
	}
	return ids, out
}

// personOut is the ID of the member a person card describes, null when
// there is none or the caller may not see their profile.
func personOut(p *service.NotePageAuthor) *string {
	if p == nil {
		return nil
	}
	return optional(p.UserID)
}

// optional turns "" into null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// noteJSON is a note as the caller may see it.
type noteJSON struct {
	ID                 string           `json:"id"`
	Title              string           `json:"title"`
	Body               string           `json:"body" doc:"Markdown"`
	HTML               string           `json:"html" doc:"the body rendered for the caller: wiki links to notes they may not see read as plain text"`
	Summary            string           `json:"summary" doc:"a term's definition, or a one-line abstract"`
	Kind               string           `json:"kind" enum:"general,term,organization,person"`
	Visibility         string           `json:"visibility" enum:"private,community,public"`
	CommunityID        *string          `json:"community_id" doc:"the linked community, null when none or not visible to the caller"`
	OrganizationID     *string          `json:"organization_id" doc:"organisation notes: the organisation of the directory"`
	PersonUserID       *string          `json:"person_user_id" doc:"person cards: the member described, if on Maillage and the caller may see their profile"`
	ActorID            *string          `json:"actor_id" doc:"the actor card the note is attached to, null when none or not visible to the caller (PUT /api/v1/notes/{id}/actor)"`
	AuthorsAreManagers bool             `json:"authors_are_managers" doc:"the authors follow the linked community's managers"`
	License            string           `json:"license" enum:"cc-by-4.0,cc-by-sa-4.0,cc-by-nc-4.0,cc0-1.0,all-rights-reserved"`
	Citation           string           `json:"citation,omitempty" doc:"APA-style reference (public notes)"`
	Tags               []string         `json:"tags" doc:"tag labels"`
	TagSlugs           []string         `json:"tag_slugs"`
	AuthorIDs          []string         `json:"author_ids" doc:"the authors whose profile the caller may see (others are left out)"`
	Authors            []noteAuthorJSON `json:"authors" doc:"the same authors, with their names"`
	Backlinks          []noteRefJSON    `json:"backlinks" doc:"notes the caller may see that link here"`
	Attachments        []attachmentJSON `json:"attachments"`
	CanEdit            bool             `json:"can_edit" doc:"whether the caller is an author"`
	CreatedAt          string           `json:"created_at" format:"date-time"`
	UpdatedAt          string           `json:"updated_at" format:"date-time"`
	Version            int              `json:"version" doc:"counts edits; send it back in a PATCH to detect concurrent edits"`
}

func noteOut(p *service.NotePage) noteJSON {
	n := p.Note
	labels, slugs := tagLabels(n.Tags)
	ids, authors := noteAuthorsOut(n.Authors)
	out := noteJSON{ID: n.ID, Title: n.Title, Body: n.Body, HTML: string(p.HTML), Summary: n.Summary, Kind: string(n.Kind),
		Visibility: string(n.Visibility), OrganizationID: optional(n.OrganizationID), PersonUserID: personOut(p.Person),
		AuthorsAreManagers: n.AuthorsAreManagers, License: string(n.License), Citation: p.Citation,
		Tags: labels, TagSlugs: slugs, AuthorIDs: ids, Authors: authors, Backlinks: noteRefsOut(p.Backlinks),
		Attachments: make([]attachmentJSON, len(p.Attachments)), CanEdit: p.CanEdit,
		CreatedAt: stamp(n.CreatedAt), UpdatedAt: stamp(n.UpdatedAt), Version: n.Version}
	if p.Community != nil {
		out.CommunityID = &p.Community.ID
	}
	for i := range p.Attachments {
		out.Attachments[i] = attachmentOut(&p.Attachments[i])
	}
	return out
}

// noteSummaryJSON is a note in a list.
type noteSummaryJSON struct {
	ID         string           `json:"id"`
	Title      string           `json:"title"`
	Summary    string           `json:"summary"`
	Kind       string           `json:"kind" enum:"general,term,organization,person"`
	Visibility string           `json:"visibility" enum:"private,community,public"`
	Tags       []string         `json:"tags" doc:"tag labels"`
	TagSlugs   []string         `json:"tag_slugs"`
	AuthorIDs  []string         `json:"author_ids" doc:"the authors whose profile the caller may see (others are left out)"`
	Authors    []noteAuthorJSON `json:"authors" doc:"the same authors, with their names"`
	UpdatedAt  string           `json:"updated_at" format:"date-time"`
}

func noteSummaryOut(n *maillage.NoteSummary) noteSummaryJSON {
	labels, slugs := tagLabels(n.Tags)
	ids, authors := noteAuthorsOut(n.Authors)
	return noteSummaryJSON{ID: n.ID, Title: n.Title, Summary: n.Summary, Kind: string(n.Kind), Visibility: string(n.Visibility),
		Tags: labels, TagSlugs: slugs, AuthorIDs: ids, Authors: authors, UpdatedAt: stamp(n.UpdatedAt)}
}

// revisionJSON is a saved version of a note.
type revisionJSON struct {
	Number     int      `json:"number"`
	Title      string   `json:"title"`
	Summary    string   `json:"summary"`
	Body       *string  `json:"body,omitempty" doc:"single revision only"`
	Kind       string   `json:"kind" enum:"general,term,organization,person"`
	Visibility string   `json:"visibility" enum:"private,community,public"`
	License    string   `json:"license"`
	Changes    []string `json:"changes" doc:"the fields this revision changed: title, summary, body, kind, visibility, community, license, organization, person, authors, tags"`
	AuthorID   string   `json:"author_id" doc:"who saved it (empty when the account is gone)"`
	AuthorName string   `json:"author_name"`
	CreatedAt  string   `json:"created_at" format:"date-time"`
}

func revisionOut(r *maillage.NoteRevision, withBody bool) revisionJSON {
	out := revisionJSON{Number: r.Number, Title: r.Title, Summary: r.Summary, Kind: string(r.Kind), Visibility: string(r.Visibility),
		License: string(r.License), Changes: r.Changes, AuthorID: r.AuthorID, AuthorName: r.AuthorName, CreatedAt: stamp(r.CreatedAt)}
	if out.Changes == nil {
		out.Changes = []string{}
	}
	if withBody {
		out.Body = &r.Body
	}
	return out
}

// attachmentJSON is a file of a note.
type attachmentJSON struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	MIME      string `json:"mime"`
	Kind      string `json:"kind" enum:"image,pdf,document,audio,video"`
	Size      int64  `json:"size" doc:"bytes"`
	Width     int    `json:"width,omitempty" doc:"images: pixels"`
	Height    int    `json:"height,omitempty"`
	SHA256    string `json:"sha256"`
	URL       string `json:"url" doc:"where the file is served (to those who may see the note)"`
	CreatedAt string `json:"created_at" format:"date-time"`
}

func attachmentOut(a *maillage.Attachment) attachmentJSON {
	return attachmentJSON{ID: a.ID, Name: a.Name, MIME: a.MIME, Kind: a.Kind, Size: a.Size, Width: a.Width, Height: a.Height,
		SHA256: a.SHA256, URL: service.AttachmentHref(a), CreatedAt: stamp(a.CreatedAt)}
}
