package maillage

import "time"

// Thread is a conversation in a community's discussion: a title and a
// Markdown body, followed by replies.
type Thread struct {
	ID          string
	CommunityID string
	// Community is the policy view of the thread's community, loaded with
	// the thread so every access decision has what it needs.
	Community  CommunityAccess
	AuthorID   string
	AuthorName string
	Title      string
	Body       string // Markdown
	// NoteID is set when the thread shares a note into the discussion.
	NoteID string
	Pinned bool
	// Locked threads take no new replies.
	Locked bool
	// Hidden threads (moderation) stay visible to their author and the
	// community's managers only.
	Hidden         bool
	ReplyCount     int
	LastActivityAt time.Time
	CreatedAt      time.Time
	UpdatedAt      time.Time
	// EditedAt is set once the author (or a manager) changed the post;
	// pages show a "modifié" mark.
	EditedAt *time.Time
	Version  int
}

// Access returns the policy view of a thread.
func (t Thread) Access() ThreadAccess {
	return ThreadAccess{Community: t.Community, AuthorID: t.AuthorID, Hidden: t.Hidden}
}

// Reply answers a thread, or another reply of it. Nesting stays one level
// deep: ParentID always names a top-level reply.
type Reply struct {
	ID         string
	ThreadID   string
	ParentID   string
	AuthorID   string
	AuthorName string
	Body       string // Markdown; empty for a tombstone
	Hidden     bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
	EditedAt   *time.Time
	// DeletedAt marks a tombstone: the reply was deleted but answers to
	// it remain, so the conversation keeps its shape.
	DeletedAt *time.Time
	Version   int
}

// Deleted reports whether the reply is a tombstone.
func (r Reply) Deleted() bool { return r.DeletedAt != nil }

// Access returns the policy view of a reply: it is seen like a thread of
// its author with its own hidden flag (the thread itself must be visible too).
func (r Reply) Access(c CommunityAccess) ThreadAccess {
	return ThreadAccess{Community: c, AuthorID: r.AuthorID, Hidden: r.Hidden}
}

// Discussion field limits.
const (
	MaxThreadTitleLen  = 200
	MaxPostBodyLen     = 50000
	MaxReportReasonLen = 1000
)

// ThreadInput is what a form or API call gives to start or edit a thread.
type ThreadInput struct {
	Title string
	Body  string
	// Version is the version the edit started from; 0 skips the check.
	Version int
}

// Validate checks a thread form.
func (in ThreadInput) Validate() error {
	var v Validator
	v.Required("title", in.Title)
	v.MaxLen("title", in.Title, MaxThreadTitleLen)
	v.Required("body", in.Body)
	v.MaxLen("body", in.Body, MaxPostBodyLen)
	return v.Err()
}

// ReplyInput is what a form or API call gives to reply or edit a reply.
type ReplyInput struct {
	Body string
	// ParentID is the reply being answered ("" answers the thread).
	ParentID string
	Version  int
}

// Validate checks a reply form.
func (in ReplyInput) Validate() error {
	var v Validator
	v.Required("body", in.Body)
	v.MaxLen("body", in.Body, MaxPostBodyLen)
	return v.Err()
}

// Reaction is one of the small fixed set of reactions a post accepts.
type Reaction string

// Reactions, in display order. A fixed set keeps reactions a quick,
// friendly signal rather than a second conversation.
const (
	ReactionThumbsUp Reaction = "thumbs_up"
	ReactionHeart    Reaction = "heart"
	ReactionTada     Reaction = "tada"
	ReactionIdea     Reaction = "idea"
	ReactionThanks   Reaction = "thanks"
	ReactionThinking Reaction = "thinking"
)

// Reactions lists the reactions in display order.
func Reactions() []Reaction {
	return []Reaction{ReactionThumbsUp, ReactionHeart, ReactionTada, ReactionIdea, ReactionThanks, ReactionThinking}
}

// Emoji is the symbol shown for a reaction.
func (r Reaction) Emoji() string {
	switch r {
	case ReactionThumbsUp:
		return "👍"
	case ReactionHeart:
		return "❤️"
	case ReactionTada:
		return "🎉"
	case ReactionIdea:
		return "💡"
	case ReactionThanks:
		return "🙏"
	case ReactionThinking:
		return "🤔"
	}
	return ""
}

// Valid reports whether r is one of the offered reactions.
func (r Reaction) Valid() bool { return r.Emoji() != "" }

// ReactionCount is how one reaction stands on one post, as a viewer sees it.
type ReactionCount struct {
	Reaction Reaction
	Count    int
	// Mine is whether the viewer gave this reaction.
	Mine bool
	// Names are the people who reacted whose profile the viewer may see.
	Names []string
}

// ReportStatus is where a report stands.
type ReportStatus string

// Report statuses.
const (
	ReportOpen     ReportStatus = "open"
	ReportResolved ReportStatus = "resolved"
)

// Report is a post flagged to a community's managers.
type Report struct {
	ID           string
	CommunityID  string
	ThreadID     string
	ThreadTitle  string
	ReplyID      string // "" when the thread itself is reported
	ReporterID   string
	ReporterName string
	Reason       string
	// Excerpt is the start of the reported post, for the moderation page.
	Excerpt    string
	Status     ReportStatus
	CreatedAt  time.Time
	ResolvedAt *time.Time
}

// LinkPreviewStatus says whether a preview could be fetched.
type LinkPreviewStatus string

// Link preview statuses.
const (
	LinkPreviewOK     LinkPreviewStatus = "ok"
	LinkPreviewFailed LinkPreviewStatus = "failed"
)

// LinkPreview is what a linked page says about itself, shown as a card
// under the post that links to it.
type LinkPreview struct {
	URL         string
	Status      LinkPreviewStatus
	Title       string
	Description string
	// ImageURL is an https URL or empty.
	ImageURL  string
	SiteName  string
	FetchedAt time.Time
}
