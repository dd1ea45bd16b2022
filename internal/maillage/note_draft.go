package maillage

import "time"

// NoteDraft is the text a person was typing in a note's editor, saved
// automatically so a closed tab or a crash loses nothing.
type NoteDraft struct {
	// Key is the note's ID, or "" for a note not yet created.
	Key       string
	Title     string
	Body      string
	UpdatedAt time.Time
}
