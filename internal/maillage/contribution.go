package maillage

import "time"

// NoteComment is a reader's comment on a note, or an answer to one.
// Nesting stays one level deep: ParentID always names a top-level comment.
// A comment has the visibility of its note; hidden by moderation, it stays
// visible to its author and the note's authors only.
type NoteComment struct {
	ID         string
	NoteID     string
	ParentID   string
	AuthorID   string
	AuthorName string
	Body       string // Markdown; empty for a tombstone
	Hidden     bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
	// DeletedAt marks a tombstone: the comment was deleted but answers
	// to it remain, so the conversation keeps its shape.
	DeletedAt *time.Time
}

// Deleted reports whether the comment is a tombstone.
func (c NoteComment) Deleted() bool { return c.DeletedAt != nil }

// CommentAccess is what the policy needs to know about a comment: its
// note's access, its author and its moderation.
type CommentAccess struct {
	Note     ContentAccess
	AuthorID string
	Hidden   bool
}

// Access returns the policy view of a comment on a note.
func (c NoteComment) Access(note ContentAccess) CommentAccess {
	return CommentAccess{Note: note, AuthorID: c.AuthorID, Hidden: c.Hidden}
}

// ProposalStatus is where a proposal of a note for a notebook stands.
type ProposalStatus string

// Proposal statuses.
const (
	ProposalPending  ProposalStatus = "pending"
	ProposalAccepted ProposalStatus = "accepted"
	ProposalDeclined ProposalStatus = "declined"
)

// NotebookProposal is a reader's suggestion that a note belongs in a
// notebook; the notebook's managers accept it (the note is filed) or
// decline it.
type NotebookProposal struct {
	ID            string
	NotebookID    string
	NotebookTitle string
	NoteID        string
	NoteTitle     string
	// Note is the policy view of the proposed note: managers see a
	// proposal only when they may see its note.
	Note         ContentAccess
	ProposedBy   string
	ProposerName string
	Message      string
	Status       ProposalStatus
	CreatedAt    time.Time
	AnsweredAt   *time.Time
}

// Contribution field limits.
const (
	MaxCommentBodyLen     = 10000
	MaxProposalMessageLen = 1000
	// MaxProposalsOnOnePage bounds the proposals a notebook's page lists.
	MaxProposalsOnOnePage = 100
)

// CommentInput is what a form or API call gives to comment on a note.
type CommentInput struct {
	Body     string
	ParentID string
}

// Validate checks a comment.
func (in CommentInput) Validate() error {
	var v Validator
	v.Required("body", in.Body)
	v.MaxLen("body", in.Body, MaxCommentBodyLen)
	return v.Err()
}

// ProposalInput is what a form or API call gives to propose a note for a notebook.
type ProposalInput struct {
	NoteID  string
	Message string
}

// Validate checks a proposal.
func (in ProposalInput) Validate() error {
	var v Validator
	v.Required("note_id", in.NoteID)
	v.MaxLen("message", in.Message, MaxProposalMessageLen)
	return v.Err()
}
