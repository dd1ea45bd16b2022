package maillage

import "time"

// NoteKind says what a note is about.
type NoteKind string

// Note kinds.
const (
	// NoteGeneral is an ordinary note: minutes, a summary, a resource.
	NoteGeneral NoteKind = "general"
	// NoteTerm is a lexicon entry with a short definition (Summary).
	NoteTerm NoteKind = "term"
	// NoteOrganization is a note about an organisation of the directory.
	NoteOrganization NoteKind = "organization"
	// NotePerson is a card about someone, who may not be on Maillage.
	NotePerson NoteKind = "person"
)

// NoteKinds lists the valid kinds in display order.
func NoteKinds() []string {
	return []string{string(NoteGeneral), string(NoteTerm), string(NoteOrganization), string(NotePerson)}
}

// License is the reuse licence of a public note.
type License string

// Licences offered for public notes; CC BY 4.0 is the default because
// communities want their knowledge reused with credit.
const (
	LicenseCCBY     License = "cc-by-4.0"
	LicenseCCBYSA   License = "cc-by-sa-4.0"
	LicenseCCBYNC   License = "cc-by-nc-4.0"
	LicenseCC0      License = "cc0-1.0"
	LicenseReserved License = "all-rights-reserved"
)

// Licenses lists the valid licences in display order.
func Licenses() []string {
	return []string{string(LicenseCCBY), string(LicenseCCBYSA), string(LicenseCCBYNC), string(LicenseCC0), string(LicenseReserved)}
}

// Note is a piece of knowledge: minutes, a summary, a resource, a lexicon
// term, a note about an organisation or a card about a person.
type Note struct {
	ID      string
	Title   string
	Body    string // Markdown
	Summary string // a term's definition, or a one-line abstract
	Kind    NoteKind
	// OrganizationID links an organisation note to its directory entry.
	OrganizationID   string
	OrganizationName string
	// PersonUserID links a person card to the member it describes.
	PersonUserID string
	Visibility   Visibility
	CommunityID  string
	// CommunityName is the linked community's name, for display.
	CommunityName string
	// AuthorsAreManagers keeps the authors equal to the linked
	// community's managers.
	AuthorsAreManagers bool
	License            License
	CreatedBy          string
	CreatedAt          time.Time
	UpdatedAt          time.Time
	// Version counts edits; an edit names the version it started from.
	Version int

	Authors []NoteAuthor
	Tags    []Tag
}

// NoteAuthor is one author of a note.
type NoteAuthor struct {
	UserID string
	Name   string
}

// AuthorIDs returns the IDs of the note's authors.
func (n Note) AuthorIDs() []string {
	ids := make([]string, len(n.Authors))
	for i, a := range n.Authors {
		ids[i] = a.UserID
	}
	return ids
}

// Access returns the policy view of a note: its authors own it.
func (n Note) Access() ContentAccess {
	return ContentAccess{Visibility: n.Visibility, CommunityID: n.CommunityID, OwnerIDs: n.AuthorIDs()}
}

// NoteSummary is a note as lists show it.
type NoteSummary struct {
	ID          string
	Title       string
	Summary     string
	Kind        NoteKind
	Visibility  Visibility
	CommunityID string
	UpdatedAt   time.Time
	Authors     []NoteAuthor
	Tags        []Tag
}

// NoteRef names a note in links and backlinks.
type NoteRef struct {
	ID    string
	Title string
}

// NoteRevision is one saved state of a note: who changed what, when.
type NoteRevision struct {
	ID         string
	NoteID     string
	Number     int
	Title      string
	Body       string
	Summary    string
	Kind       NoteKind
	Visibility Visibility
	License    License
	// Changes names the fields this revision changed ("title", "body" ...).
	Changes    []string
	AuthorID   string
	AuthorName string
	CreatedAt  time.Time
}

// Attachment is a file attached to a note; it has the note's visibility.
type Attachment struct {
	ID         string
	NoteID     string
	StorageKey string
	Name       string
	MIME       string
	Kind       string
	Size       int64
	Width      int
	Height     int
	SHA256     string
	UploadedBy string
	CreatedAt  time.Time
}

// Note field limits.
const (
	MaxNoteTitleLen   = 200
	MaxNoteSummaryLen = 1000
	// MaxNoteBodyLen matches the renderer's limit (markup.MaxSourceBytes).
	MaxNoteBodyLen = 200000
	MaxNoteAuthors = 50
)

// NoteInput is what a form or API call gives to create or edit a note.
type NoteInput struct {
	Title              string
	Body               string
	Summary            string
	Kind               string
	Visibility         string
	CommunityID        string
	OrganizationID     string
	PersonUserID       string
	AuthorsAreManagers bool
	License            string
	Tags               []string
	// AuthorIDs are the authors besides the person writing (who is always one).
	AuthorIDs []string
	// Version is the version the edit started from; 0 skips the check.
	Version int
}

// Validate checks a note form.
func (in NoteInput) Validate() error {
	var v Validator
	v.Required("title", in.Title)
	v.MaxLen("title", in.Title, MaxNoteTitleLen)
	v.MaxLen("summary", in.Summary, MaxNoteSummaryLen)
	v.MaxLen("body", in.Body, MaxNoteBodyLen)
	v.OneOf("kind", in.Kind, NoteKinds())
	v.Required("visibility", in.Visibility)
	v.OneOf("visibility", in.Visibility, []string{string(VisibilityPublic), string(VisibilityCommunity), string(VisibilityPrivate)})
	v.OneOf("license", in.License, Licenses())
	if in.Visibility == string(VisibilityCommunity) && in.CommunityID == "" {
		v.Add("community_id", "field.community_required", nil)
	}
	if in.AuthorsAreManagers && in.CommunityID == "" {
		v.Add("community_id", "field.community_required", nil)
	}
	if in.Kind == string(NoteTerm) && in.Summary == "" {
		v.Add("summary", "field.definition_required", nil)
	}
	if len(in.AuthorIDs) > MaxNoteAuthors {
		v.Add("author_ids", "field.too_many", map[string]any{"Max": MaxNoteAuthors})
	}
	validateTags(&v, "tags", in.Tags)
	return v.Err()
}
