package demo

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// noteSpec is one demo note. People are named by their full name; the
// first author writes the note, the others are added as co-authors.
type noteSpec struct {
	title   string
	summary string
	// body is Markdown; @{Full name} becomes a mention of that person
	// (see expandMentions) and [[Title]] links to another demo note.
	body       string
	kind       maillage.NoteKind // "" is a general note
	visibility maillage.Visibility
	authors    []string
	tags       []string
	// community names the community the note is linked to ("" for none).
	community string
	// org is the organisation key of an organisation note.
	org string
	// category is where the note is filed in its notebook.
	category string
	files    []demoFile
}

// demoFile is a file attached to a note.
type demoFile struct {
	name    string
	content string
}

// mentionRef is the placeholder for a mention in demo texts: @{Full name}.
var mentionRef = regexp.MustCompile(`@\{([^}]+)\}`)

// wikiRef finds the targets of [[Title]] and [[Title|label]] links.
var wikiRef = regexp.MustCompile(`\[\[([^\]|]+)(?:\|[^\]]*)?\]\]`)

// expandMentions turns every @{Full name} into the @[Full name](user:ID)
// mention Maillage's Markdown understands.
func (l *loader) expandMentions(text string) string {
	return mentionRef.ReplaceAllStringFunc(text, func(m string) string {
		name := mentionRef.FindStringSubmatch(m)[1]
		return "@[" + name + "](user:" + l.users[name] + ")"
	})
}

// userIDs returns the IDs of named demo people.
func (l *loader) userIDs(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = l.users[n]
	}
	return out
}

// noteInput turns a spec into the form a person would send.
func (l *loader) noteInput(n noteSpec) maillage.NoteInput {
	kind := n.kind
	if kind == "" {
		kind = maillage.NoteGeneral
	}
	in := maillage.NoteInput{
		Title: n.title, Summary: n.summary, Body: l.expandMentions(n.body),
		Kind: string(kind), Visibility: string(n.visibility),
		CommunityID: l.communityIDs[n.community], License: string(maillage.LicenseCCBY),
		Tags: n.tags, AuthorIDs: l.userIDs(n.authors[1:]),
	}
	if n.org != "" {
		in.OrganizationID = l.orgs[n.org]
	}
	return in
}

// createNote writes a note as its first author, attaches its files and
// remembers its ID by title.
func (l *loader) createNote(ctx context.Context, sum *Summary, n noteSpec) (string, error) {
	v, err := l.viewer(ctx, l.users[n.authors[0]])
	if err != nil {
		return "", err
	}
	in := l.noteInput(n)
	created, err := l.s.CreateNote(ctx, v, in)
	if err != nil {
		return "", fmt.Errorf("note %q: %w", n.title, err)
	}
	// The co-authors named were invited: each accepts.
	for _, id := range in.AuthorIDs {
		inv := &maillage.Invitation{Kind: maillage.InviteNote, ItemID: created.ID, UserID: id}
		if err := l.consent(ctx, inv, nil); err != nil && !maillage.IsNotFound(err) {
			return "", fmt.Errorf("note %q, co-author: %w", n.title, err)
		}
	}
	for _, f := range n.files {
		if _, err := l.s.UploadAttachment(ctx, v, created.ID, f.name, strings.NewReader(f.content)); err != nil {
			return "", fmt.Errorf("note %q, file %s: %w", n.title, f.name, err)
		}
	}
	l.notes[n.title] = created.ID
	sum.Notes++
	return created.ID, nil
}

// editNote saves a later version of a note, written by one of its
// authors, so its history shows more than its creation.
func (l *loader) editNote(ctx context.Context, n noteSpec, by, addition string) error {
	v, err := l.viewer(ctx, l.users[by])
	if err != nil {
		return err
	}
	cur, err := l.s.Note(ctx, v, l.notes[n.title])
	if err != nil {
		return fmt.Errorf("note %q: %w", n.title, err)
	}
	in := l.noteInput(n)
	in.Body = strings.TrimRight(in.Body, "\n") + "\n\n" + l.expandMentions(addition)
	in.Version = cur.Version
	if _, err := l.s.UpdateNote(ctx, v, cur.ID, in); err != nil {
		return fmt.Errorf("edit of note %q: %w", n.title, err)
	}
	return nil
}

// allNotes lists every demo note spec, in creation order: the lexicon
// first, then the cards about actors, then the meetings.
func allNotes() []noteSpec {
	out := append([]noteSpec(nil), lexicon...)
	out = append(out, actorNotes...)
	for _, m := range meetings {
		out = append(out, m.minute, m.summary)
		out = append(out, m.resources...)
	}
	return out
}

// checkNotes verifies the notes refer to known people, tags, organisations
// and notes, that titles are unique, and that no public note links to a
// note its readers may not see.
func checkNotes(names, orgs, tax map[string]bool) []error {
	var errs []error
	byKey := map[string]noteSpec{}
	notes := allNotes()
	for _, n := range notes {
		k := fold.Key(n.title)
		if _, ok := byKey[k]; ok {
			errs = append(errs, fmt.Errorf("note title %q twice", n.title))
		}
		byKey[k] = n
	}
	for _, n := range notes {
		if len(n.authors) == 0 {
			errs = append(errs, fmt.Errorf("note %q has no author", n.title))
		}
		for _, a := range n.authors {
			if !names[a] {
				errs = append(errs, fmt.Errorf("note %q: unknown author %q", n.title, a))
			}
		}
		for _, t := range n.tags {
			if !tax[t] {
				errs = append(errs, fmt.Errorf("note %q: tag %q outside the taxonomy", n.title, t))
			}
		}
		if n.org != "" && !orgs[n.org] {
			errs = append(errs, fmt.Errorf("note %q: unknown organization %q", n.title, n.org))
		}
		if n.kind == maillage.NoteTerm && n.summary == "" {
			errs = append(errs, fmt.Errorf("term %q has no definition", n.title))
		}
		errs = append(errs, checkMentions("note "+n.title, n.body, names)...)
		for _, m := range wikiRef.FindAllStringSubmatch(n.body, -1) {
			target, ok := byKey[fold.Key(strings.TrimSpace(m[1]))]
			switch {
			case !ok:
				errs = append(errs, fmt.Errorf("note %q links to unknown note %q", n.title, m[1]))
			case n.visibility == maillage.VisibilityPublic && target.visibility != maillage.VisibilityPublic:
				errs = append(errs, fmt.Errorf("public note %q links to non-public note %q", n.title, m[1]))
			}
		}
	}
	return errs
}

// checkMentions reports @{Name} placeholders that name nobody.
func checkMentions(where, text string, names map[string]bool) []error {
	var errs []error
	for _, m := range mentionRef.FindAllStringSubmatch(text, -1) {
		if !names[m[1]] {
			errs = append(errs, fmt.Errorf("%s mentions unknown person %q", where, m[1]))
		}
	}
	return errs
}
