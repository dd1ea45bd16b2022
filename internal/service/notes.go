package service

import (
	"context"
	"slices"
	"strings"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/markup"
	"github.com/maillage/maillage/internal/store"
)

// CreateNote writes a new note; the writer is its first author. The
// co-authors named are invited (see noteAuthors) and become authors when
// they accept. The same person creating the same title again within
// minutes gets the note already made (a form sent twice).
func (s *Service) CreateNote(ctx context.Context, v maillage.Viewer, in maillage.NoteInput) (*maillage.Note, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	in = trimNote(in)
	n := &maillage.Note{ID: auth.NewID(), CreatedBy: v.UserID}
	invitees, err := s.checkNote(ctx, v, nil, &in, n)
	if err != nil {
		return nil, err
	}
	var existing string
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		id, err := tx.RecentNoteByAuthor(ctx, v.UserID, in.Title, tx.Now().Add(-duplicateWindow))
		if err == nil {
			existing = id
			return nil
		}
		if !maillage.IsNotFound(err) {
			return err
		}
		if n.Tags, err = tx.EnsureTags(ctx, in.Tags, v.UserID); err != nil {
			return err
		}
		if err := tx.CreateNote(ctx, n); err != nil {
			return err
		}
		if err := s.inviteAuthors(ctx, tx, v, n.ID, invitees); err != nil {
			return err
		}
		return s.afterNoteSave(ctx, tx, v, nil, n, "")
	})
	if err != nil {
		return nil, err
	}
	if existing != "" {
		return s.Note(ctx, v, existing)
	}
	return s.Note(ctx, v, n.ID)
}

// UpdateNote edits a note: its authors only. in.Version is the version
// the edit started from; a stale one is refused with
// maillage.ErrEditConflict and nothing is written.
func (s *Service) UpdateNote(ctx context.Context, v maillage.Viewer, id string, in maillage.NoteInput) (*maillage.Note, error) {
	cur, err := s.editableNote(ctx, v, id)
	if err != nil {
		return nil, err
	}
	in = trimNote(in)
	n := &maillage.Note{ID: cur.ID, CreatedBy: cur.CreatedBy, CreatedAt: cur.CreatedAt}
	invitees, err := s.checkNote(ctx, v, cur, &in, n)
	if err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		// Read again in the transaction: the authors may have changed
		// since the check above.
		old, err := tx.Note(ctx, id)
		if err != nil {
			return err
		}
		if !maillage.CanEditContent(v, old.Access()) {
			return maillage.ErrForbidden
		}
		if n.Tags, err = tx.EnsureTags(ctx, in.Tags, v.UserID); err != nil {
			return err
		}
		if in.Version != 0 && in.Version != old.Version {
			return maillage.ErrEditConflict
		}
		old.Tags = cur.Tags
		if err := s.inviteAuthors(ctx, tx, v, id, invitees); err != nil {
			return err
		}
		if len(noteChanges(old, n)) == 0 {
			// Nothing changed: no new version, no empty revision in the
			// history; the draft the save came from is done with all the same.
			return tx.DeleteNoteDraft(ctx, v.UserID, id)
		}
		if err := tx.UpdateNote(ctx, n, in.Version); err != nil {
			return err
		}
		return s.afterNoteSave(ctx, tx, v, old, n, id)
	})
	if err != nil {
		return nil, err
	}
	return s.Note(ctx, v, id)
}

// afterNoteSave runs in the transaction of a save: authors that follow
// the community's managers, links and backlinks, the revision, the
// writer's draft and the notifications. old is nil for a new note;
// draftKey names the draft the save replaces.
func (s *Service) afterNoteSave(ctx context.Context, tx *store.Tx, v maillage.Viewer, old, n *maillage.Note, draftKey string) error {
	if n.AuthorsAreManagers && n.CommunityID != "" {
		if err := s.SyncCommunityNoteAuthors(ctx, tx, n.CommunityID); err != nil {
			return err
		}
	}
	if err := s.saveNoteLinks(ctx, tx, v, n); err != nil {
		return err
	}
	// Links waiting for this title, from notes of the same authors or of
	// their communities, now reach this note. Any save may qualify it (a
	// new title, visibility, community or author), and the check is one
	// indexed update.
	if err := tx.AttachDanglingLinks(ctx, n.ID, titleKey(n.Title)); err != nil {
		return err
	}
	changes := noteChanges(old, n)
	rev := &maillage.NoteRevision{ID: auth.NewID(), NoteID: n.ID, Title: n.Title, Body: n.Body, Summary: n.Summary,
		Kind: n.Kind, Visibility: n.Visibility, License: n.License, Changes: changes, AuthorID: v.UserID}
	if err := tx.AddNoteRevision(ctx, rev); err != nil {
		return err
	}
	if err := tx.DeleteNoteDraft(ctx, v.UserID, draftKey); err != nil {
		return err
	}
	return s.notifyNoteSaved(ctx, tx, v, old, n)
}

// DeleteNote removes a note (its authors only). Its stored files are
// deleted by a job enqueued in the same transaction, so a crash never
// leaves a file without its row being removed, or the reverse.
func (s *Service) DeleteNote(ctx context.Context, v maillage.Viewer, id string) error {
	if _, err := s.editableNote(ctx, v, id); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		n, err := tx.Note(ctx, id)
		if err != nil {
			return err
		}
		if !maillage.CanEditContent(v, n.Access()) {
			return maillage.ErrForbidden
		}
		keys, err := tx.AttachmentKeys(ctx, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteNote(ctx, id); err != nil {
			return err
		}
		return s.enqueueFileDeletion(ctx, tx, keys)
	})
}

// RemoveNoteAuthor takes someone off a note's authors: any author may
// (themselves included), as long as an author who wrote the note (created
// it or saved a version of it) remains. Otherwise the note would go on
// under the name of people who consented to sign it but did not write
// what it says.
func (s *Service) RemoveNoteAuthor(ctx context.Context, v maillage.Viewer, id, userID string) error {
	if _, err := s.editableNote(ctx, v, id); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		n, err := tx.Note(ctx, id)
		if err != nil {
			return err
		}
		if !maillage.CanEditContent(v, n.Access()) {
			return maillage.ErrForbidden
		}
		ids := n.AuthorIDs()
		if !slices.Contains(ids, userID) {
			return maillage.ErrNotFound
		}
		if len(ids) <= 1 {
			return maillage.Errorf(maillage.CodeConflict, "note.last_author")
		}
		if n.AuthorsAreManagers {
			return maillage.Errorf(maillage.CodeConflict, "note.authors_follow_managers")
		}
		rest := slices.DeleteFunc(ids, func(a string) bool { return a == userID })
		writers, err := tx.NoteWriterIDs(ctx, id)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(rest, func(a string) bool { return slices.Contains(writers, a) }) {
			return maillage.Errorf(maillage.CodeConflict, "consent.last_writer")
		}
		return tx.SetNoteAuthors(ctx, id, rest)
	})
}

// Note returns a note the viewer may see, with its authors and tags;
// otherwise not found. Notes whose authors follow their community's
// managers are brought up to date first.
func (s *Service) Note(ctx context.Context, v maillage.Viewer, id string) (*maillage.Note, error) {
	n, err := s.db.Note(ctx, id)
	if err != nil {
		return nil, err
	}
	if n.AuthorsAreManagers && n.CommunityID != "" {
		if n, err = s.syncedNote(ctx, n); err != nil {
			return nil, err
		}
	}
	if !maillage.CanViewContent(v, n.Access()) {
		return nil, maillage.ErrNotFound
	}
	// Authors are named as the viewer may see their profiles.
	authors, err := s.db.NoteAuthors(ctx, v, n.ID)
	if err != nil {
		return nil, err
	}
	n.Authors = authors[n.ID]
	if err := s.hideMentions(ctx, v, &n.Body, &n.Summary); err != nil {
		return nil, err
	}
	// A note may belong to a community the viewer cannot see (a public
	// note, or a co-author outside it): its name is not theirs to read.
	if n.CommunityID != "" && !maillage.MayKnowCommunityName(v, n.CommunityID) {
		c, err := s.db.Community(ctx, n.CommunityID)
		if err != nil && !maillage.IsNotFound(err) {
			return nil, err
		}
		if c == nil || !maillage.CanSeeCommunity(v, c.Access()) {
			n.CommunityName = ""
		}
	}
	return n, nil
}

// CanEditNote reports whether the viewer may edit a note they can see.
func (s *Service) CanEditNote(v maillage.Viewer, n *maillage.Note) bool {
	return maillage.CanEditContent(v, n.Access())
}

// editableNote returns a note the viewer may edit: not found when they
// may not see it, forbidden when they see it without being an author.
func (s *Service) editableNote(ctx context.Context, v maillage.Viewer, id string) (*maillage.Note, error) {
	if err := requireSignedIn(v); err != nil {
		// An invisible note stays absent for visitors too.
		if _, nerr := s.Note(ctx, v, id); nerr != nil {
			return nil, nerr
		}
		return nil, err
	}
	n, err := s.Note(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanEditContent(v, n.Access()) {
		return nil, maillage.ErrForbidden
	}
	return n, nil
}

// NoteFilter selects notes.
type NoteFilter struct {
	Query       string
	Tag         string
	Descendants bool // with the notes carrying the tag's descendants
	AuthorID    string
	CommunityID string
	Kind        maillage.NoteKind
	Visibility  maillage.Visibility
	// Sort is "recent" (the default) or "title".
	Sort string
	Page
}

// Notes lists the notes the viewer may see.
func (s *Service) Notes(ctx context.Context, v maillage.Viewer, f NoteFilter) ([]maillage.NoteSummary, int, error) {
	tagIDs, ok, err := s.tagFilter(ctx, f.Tag, f.Descendants)
	if err != nil || !ok {
		return nil, 0, err
	}
	if ok, err := s.seesFilterCommunity(ctx, v, f.CommunityID); err != nil || !ok {
		return nil, 0, err
	}
	if ok, err := s.canFilterByPerson(ctx, v, f.AuthorID); err != nil || !ok {
		return nil, 0, err
	}
	list, total, err := s.db.Notes(ctx, v, store.NoteFilter{Query: f.Query, TagIDs: tagIDs, AuthorID: f.AuthorID, CommunityID: f.CommunityID,
		Kind: f.Kind, Visibility: f.Visibility, Sort: f.Sort, Limit: f.Limit, Offset: f.Offset})
	if err == nil {
		err = s.hideMentions(ctx, v, textsOf(list, func(n *maillage.NoteSummary) *string { return &n.Summary })...)
	}
	return list, total, err
}

// SuggestNotes completes a [[wiki link]] being typed with the titles of
// notes the viewer may see.
func (s *Service) SuggestNotes(ctx context.Context, v maillage.Viewer, prefix string, n int) ([]maillage.NoteRef, error) {
	if len(prefix) > maillage.MaxNoteTitleLen*4 {
		return nil, nil
	}
	return s.db.SuggestNotes(ctx, v, prefix, n)
}

func trimNote(in maillage.NoteInput) maillage.NoteInput {
	in.Title = maillage.CleanLine(in.Title)
	in.Body = maillage.CleanText(in.Body)
	in.Summary = maillage.CleanText(in.Summary)
	in.Kind = maillage.CleanLine(in.Kind)
	in.Visibility = maillage.CleanLine(in.Visibility)
	in.CommunityID = maillage.CleanLine(in.CommunityID)
	in.OrganizationID = maillage.CleanLine(in.OrganizationID)
	in.PersonUserID = maillage.CleanLine(in.PersonUserID)
	in.License = maillage.CleanLine(in.License)
	if in.Kind == "" {
		in.Kind = string(maillage.NoteGeneral)
	}
	if in.License == "" {
		in.License = string(maillage.LicenseCCBY)
	}
	// Only the kind that uses a link keeps it.
	if in.Kind != string(maillage.NoteOrganization) {
		in.OrganizationID = ""
	}
	if in.Kind != string(maillage.NotePerson) {
		in.PersonUserID = ""
	}
	return in
}

// checkNote validates a note form against the domain rules and what the
// writer may link to, and fills n from it. cur is the note being edited
// (nil for a new one). It returns the people to invite as co-authors.
func (s *Service) checkNote(ctx context.Context, v maillage.Viewer, cur *maillage.Note, in *maillage.NoteInput, n *maillage.Note) ([]string, error) {
	err := in.Validate()
	var val maillage.Validator
	if e := maillage.AsError(err); err != nil {
		if e.Code != maillage.CodeInvalid {
			return nil, err
		}
		for _, f := range e.Fields {
			val.Add(f.Field, f.MessageID, f.Data)
		}
	}
	if !val.Has("body") {
		if e := markup.Check(in.Body); e != nil {
			val.Add("body", "note.body_too_large", map[string]any{"Max": maillage.MaxNoteBodyLen})
		}
	}
	if in.CommunityID != "" && !val.Has("community_id") {
		s.checkNoteCommunity(ctx, v, cur, in, &val)
	}
	if in.Kind == string(maillage.NoteOrganization) && !val.Has("organization_id") {
		if in.OrganizationID == "" {
			val.Add("organization_id", "field.required", nil)
		} else if _, err := s.db.Organization(ctx, in.OrganizationID); maillage.IsNotFound(err) {
			val.Add("organization_id", "note.unknown_organization", nil)
		} else if err != nil {
			return nil, err
		}
	}
	if in.PersonUserID != "" {
		if ok, err := s.visiblePerson(ctx, v, in.PersonUserID); err != nil {
			return nil, err
		} else if !ok {
			val.Add("person_user_id", "note.unknown_person", nil)
		}
	}
	authors, invitees, err := s.noteAuthors(ctx, v, cur, in, &val)
	if err != nil {
		return nil, err
	}
	if err := val.Err(); err != nil {
		return nil, err
	}
	n.Title, n.Body, n.Summary, n.Kind = in.Title, in.Body, in.Summary, maillage.NoteKind(in.Kind)
	n.OrganizationID, n.PersonUserID, n.CommunityID = in.OrganizationID, in.PersonUserID, in.CommunityID
	n.Visibility, n.License, n.AuthorsAreManagers = maillage.Visibility(in.Visibility), maillage.License(in.License), in.AuthorsAreManagers
	n.Authors = authors
	return invitees, nil
}

// checkNoteCommunity: the linked community must be one the writer
// belongs to (unless the note already had it), and "the managers are the
// authors" is for the community's managers to choose.
func (s *Service) checkNoteCommunity(ctx context.Context, v maillage.Viewer, cur *maillage.Note, in *maillage.NoteInput, val *maillage.Validator) {
	kept := cur != nil && cur.CommunityID == in.CommunityID
	if _, err := s.Community(ctx, v, in.CommunityID); err != nil && !kept {
		val.Add("community_id", "note.unknown_community", nil)
		return
	}
	if !kept && !maillage.CanLinkContentToCommunity(v, in.CommunityID) {
		val.Add("community_id", "note.not_member", nil)
		return
	}
	alreadySynced := cur != nil && kept && cur.AuthorsAreManagers
	if in.AuthorsAreManagers && !alreadySynced && !maillage.CanMakeManagersAuthors(v, in.CommunityID) {
		val.Add("authors_are_managers", "note.managers_only", nil)
	}
}

// noteAuthors builds the authors of a saved note: the writer first (or,
// on an edit, the authors in their current order), then the others named
// who are authors already. Naming someone else takes their consent: each
// new person, who must be someone the writer can see and no block may
// stand between, is returned to be invited, and signs the note only once
// they accept. A platform administrator names authors directly. Notes
// whose authors follow their community's managers invite nobody.
func (s *Service) noteAuthors(ctx context.Context, v maillage.Viewer, cur *maillage.Note, in *maillage.NoteInput, val *maillage.Validator) ([]maillage.NoteAuthor, []string, error) {
	if in.AuthorsAreManagers && cur != nil && cur.AuthorsAreManagers && cur.CommunityID == in.CommunityID {
		// The managers stay the authors; the form had nothing to say.
		return cur.Authors, nil, nil
	}
	want := []string{v.UserID}
	for _, id := range in.AuthorIDs {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(want, id) {
			want = append(want, id)
		}
	}
	var ordered []string
	if cur != nil {
		for _, id := range cur.AuthorIDs() {
			if slices.Contains(want, id) {
				ordered = append(ordered, id)
			}
		}
	}
	for _, id := range want {
		if !slices.Contains(ordered, id) {
			ordered = append(ordered, id)
		}
	}
	if len(ordered) > maillage.MaxNoteAuthors+1 && !val.Has("author_ids") {
		val.Add("author_ids", "field.too_many", map[string]any{"Max": maillage.MaxNoteAuthors})
	}
	out := make([]maillage.NoteAuthor, 0, len(ordered))
	var invitees []string
	for _, id := range ordered {
		if id == v.UserID || (cur != nil && slices.Contains(cur.AuthorIDs(), id)) {
			out = append(out, maillage.NoteAuthor{UserID: id})
			continue
		}
		u, err := s.visibleUser(ctx, v, id)
		if maillage.IsNotFound(err) {
			if !val.Has("author_ids") {
				val.Add("author_ids", "note.unknown_author", map[string]any{"ID": id})
			}
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		if v.Admin {
			out = append(out, maillage.NoteAuthor{UserID: id})
			continue
		}
		if in.AuthorsAreManagers {
			continue // the managers will be the authors
		}
		if err := checkInviteBlocks(ctx, s.db, v.UserID, u, "author_ids"); err != nil {
			if e := maillage.AsError(err); len(e.Fields) > 0 && !val.Has("author_ids") {
				val.Add("author_ids", e.Fields[0].MessageID, e.Fields[0].Data)
			}
			continue
		}
		invitees = append(invitees, id)
	}
	return out, invitees, nil
}

// inviteAuthors invites people to co-author a note, inside the save that
// names them; someone invited already is not told twice.
func (s *Service) inviteAuthors(ctx context.Context, tx *store.Tx, v maillage.Viewer, noteID string, userIDs []string) error {
	for _, id := range userIDs {
		if err := s.invite(ctx, tx, v, maillage.InviteNote, noteID, id, maillage.RoleAuthor); err != nil {
			return err
		}
	}
	return nil
}

// visiblePerson reports whether the viewer may see this person's profile.
func (s *Service) visiblePerson(ctx context.Context, v maillage.Viewer, userID string) (bool, error) {
	u, err := s.db.User(ctx, userID)
	if maillage.IsNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return maillage.CanViewProfile(v, u.Access()), nil
}

// noteChanges names the fields a save changes, in a fixed order; a new
// note (old nil) lists what it was created with.
func noteChanges(old, n *maillage.Note) []string {
	if old == nil {
		old = &maillage.Note{}
	}
	var out []string
	add := func(name string, changed bool) {
		if changed {
			out = append(out, name)
		}
	}
	add("title", old.Title != n.Title)
	add("summary", old.Summary != n.Summary)
	add("body", old.Body != n.Body)
	add("kind", old.Kind != n.Kind)
	add("visibility", old.Visibility != n.Visibility)
	add("community", old.CommunityID != n.CommunityID)
	add("license", old.License != n.License)
	add("organization", old.OrganizationID != n.OrganizationID)
	add("person", old.PersonUserID != n.PersonUserID)
	add("authors", old.AuthorsAreManagers != n.AuthorsAreManagers || !slices.Equal(old.AuthorIDs(), n.AuthorIDs()))
	add("tags", !slices.Equal(tagIDList(old.Tags), tagIDList(n.Tags)))
	return out
}

func tagIDList(tags []maillage.Tag) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = t.ID
	}
	slices.Sort(out)
	return out
}
