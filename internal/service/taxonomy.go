package service

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// TagInput is what a curator gives for a curated tag: labels in both
// languages, definitions, a defining lexicon-term note, a parent, related
// tags and synonyms. Tags are named by slug or label.
type TagInput struct {
	Label        string
	LabelEn      string
	Definition   string
	DefinitionEn string
	// TermNote is a lexicon-term note's ID or address ("/notes/ID").
	TermNote string
	Parent   string
	Related  []string
	// Synonyms are other labels, in French or in no particular language;
	// SynonymsEn are English ones.
	Synonyms   []string
	SynonymsEn []string
}

// requireCurator is the first check of every curation action.
func requireCurator(v maillage.Viewer) error {
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	if !maillage.CanCurate(v) {
		return maillage.ErrForbidden
	}
	return nil
}

// fieldError is an invalid-input error on one field.
func fieldError(code maillage.Code, field, messageID string, data map[string]any) error {
	return &maillage.Error{Code: code, MessageID: messageID, Data: data,
		Fields: []maillage.FieldError{{Field: field, MessageID: messageID, Data: data}}}
}

// cleanLabel checks a tag label: not empty, not too long, with a letter or
// a digit (so it has a key and a slug).
func cleanLabel(field, label string, required bool) (string, error) {
	label = maillage.CleanTagLabel(label)
	switch {
	case label == "" && !required:
		return "", nil
	case label == "":
		return "", fieldError(maillage.CodeInvalid, field, "field.required", nil)
	case len([]rune(label)) > maillage.MaxTagLen:
		return "", fieldError(maillage.CodeInvalid, field, "field.too_long", map[string]any{"Max": maillage.MaxTagLen})
	case fold.Slug(label) == "" || store.TagKey(label) == "":
		return "", fieldError(maillage.CodeInvalid, field, "taxonomy.error.label_no_letters", nil)
	}
	return label, nil
}

// checkKeyFree refuses a label that another tag than selfID answers to
// (by its label, English label or a synonym): a conflict naming it.
func checkKeyFree(ctx context.Context, tx *store.Tx, field, label, selfID string) error {
	owner, err := tx.TagByKey(ctx, store.TagKey(label))
	if maillage.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if owner.ID == selfID {
		return nil
	}
	return fieldError(maillage.CodeConflict, field, "taxonomy.error.label_taken", map[string]any{"Label": owner.Label})
}

// liveTag reads a tag by ID inside a transaction, refusing one merged
// since the curator looked at it.
func liveTag(ctx context.Context, tx *store.Tx, id string) (*maillage.Tag, error) {
	t, err := tx.Tag(ctx, id)
	if err != nil {
		return nil, err
	}
	if t.MergedInto != "" {
		return nil, maillage.Errorf(maillage.CodeConflict, "taxonomy.error.changed")
	}
	return t, nil
}

// tagNamed finds, inside a transaction, the live tag a slug or label
// names; field names the input for the error.
func tagNamed(ctx context.Context, tx *store.Tx, field, name string) (*maillage.Tag, error) {
	name = strings.TrimSpace(name)
	t, _, err := tx.ResolveTagSlug(ctx, name)
	if maillage.IsNotFound(err) {
		t, err = tx.TagByLabel(ctx, name)
	}
	if maillage.IsNotFound(err) {
		return nil, fieldError(maillage.CodeInvalid, field, "taxonomy.error.unknown_tag", map[string]any{"Label": name})
	}
	return t, err
}

// checkParent checks that parent may hold tag: a curated tag other than
// the tag itself and its descendants, keeping the hierarchy within
// maillage.MaxTagDepth levels.
func checkParent(ctx context.Context, tx *store.Tx, tag, parent *maillage.Tag) error {
	switch {
	case parent.ID == tag.ID:
		return fieldError(maillage.CodeInvalid, "parent", "taxonomy.error.parent_self", nil)
	case !parent.Curated():
		return fieldError(maillage.CodeInvalid, "parent", "taxonomy.error.parent_free", map[string]any{"Label": parent.Label})
	}
	anc, err := tx.TagAncestors(ctx, parent.ID)
	if err != nil {
		return err
	}
	for _, a := range anc {
		if a.ID == tag.ID {
			return fieldError(maillage.CodeInvalid, "parent", "taxonomy.error.cycle", map[string]any{"Label": parent.Label})
		}
	}
	height, err := subtreeHeight(ctx, tx, tag.ID)
	if err != nil {
		return err
	}
	if len(anc)+2+height > maillage.MaxTagDepth {
		return fieldError(maillage.CodeInvalid, "parent", "taxonomy.error.too_deep", map[string]any{"Max": maillage.MaxTagDepth})
	}
	return nil
}

// subtreeHeight counts the levels below a tag (0 for a leaf).
func subtreeHeight(ctx context.Context, tx *store.Tx, id string) (int, error) {
	desc, err := tx.TagDescendantIDs(ctx, id)
	if err != nil || len(desc) == 0 {
		return 0, err
	}
	h := 0
	for _, d := range desc {
		anc, err := tx.TagAncestors(ctx, d)
		if err != nil {
			return 0, err
		}
		for i, a := range anc {
			if a.ID == id {
				h = max(h, i+1)
				break
			}
		}
	}
	return h, nil
}

// noteIDOf accepts a note's ID or an address ending in /notes/ID.
func noteIDOf(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "/notes/"); i >= 0 {
		s = s[i+len("/notes/"):]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	return s
}

// applyInput validates in and copies it onto t (labels, definitions,
// term note, parent), inside tx. It returns the related tags to set (nil
// when in gives none and keepRelated is set) and the synonyms to add.
func (s *Service) applyInput(ctx context.Context, tx *store.Tx, v maillage.Viewer, t *maillage.Tag, in TagInput) error {
	var val maillage.Validator
	label, err := cleanLabel("label", in.Label, true)
	if err != nil {
		return err
	}
	labelEn, err := cleanLabel("label_en", in.LabelEn, false)
	if err != nil {
		return err
	}
	in.Definition, in.DefinitionEn = strings.TrimSpace(in.Definition), strings.TrimSpace(in.DefinitionEn)
	val.MaxLen("definition", in.Definition, maillage.MaxTagDefinitionLen)
	val.MaxLen("definition_en", in.DefinitionEn, maillage.MaxTagDefinitionLen)
	if err := val.Err(); err != nil {
		return err
	}
	if err := checkKeyFree(ctx, tx, "label", label, t.ID); err != nil {
		return err
	}
	if labelEn != "" {
		if err := checkKeyFree(ctx, tx, "label_en", labelEn, t.ID); err != nil {
			return err
		}
	}
	t.Label, t.LabelEn, t.Definition, t.DefinitionEn = label, labelEn, in.Definition, in.DefinitionEn
	t.TermNoteID = ""
	if id := noteIDOf(in.TermNote); id != "" {
		n, err := s.Note(ctx, v, id)
		if maillage.IsNotFound(err) {
			return fieldError(maillage.CodeInvalid, "term_note", "taxonomy.error.term_note_unknown", nil)
		}
		if err != nil {
			return err
		}
		if n.Kind != maillage.NoteTerm {
			return fieldError(maillage.CodeInvalid, "term_note", "taxonomy.error.term_note_kind", nil)
		}
		t.TermNoteID = n.ID
	}
	t.ParentID = ""
	if strings.TrimSpace(in.Parent) != "" {
		p, err := tagNamed(ctx, tx, "parent", in.Parent)
		if err != nil {
			return err
		}
		if err := checkParent(ctx, tx, t, p); err != nil {
			return err
		}
		t.ParentID = p.ID
	}
	return nil
}

// relatedOf resolves related tags: curated, other than t.
func relatedOf(ctx context.Context, tx *store.Tx, t *maillage.Tag, names []string) ([]string, error) {
	var out []string
	for _, n := range names {
		if strings.TrimSpace(n) == "" {
			continue
		}
		r, err := tagNamed(ctx, tx, "related", n)
		if err != nil {
			return nil, err
		}
		if r.ID == t.ID {
			continue
		}
		if !r.Curated() {
			return nil, fieldError(maillage.CodeInvalid, "related", "taxonomy.error.related_free", map[string]any{"Label": r.Label})
		}
		out = append(out, r.ID)
	}
	return out, nil
}

// addSynonyms adds labels as synonyms of t, skipping those it already
// answers to; one another tag answers to is a conflict.
func addSynonyms(ctx context.Context, tx *store.Tx, t *maillage.Tag, labels []string, lang string) error {
	field := "synonyms"
	if lang == "en" {
		field = "synonyms_en"
	}
	if len(labels) > maillage.MaxTagSynonyms {
		return fieldError(maillage.CodeInvalid, field, "field.too_many", map[string]any{"Max": maillage.MaxTagSynonyms})
	}
	for _, raw := range labels {
		label, err := cleanLabel(field, raw, false)
		if err != nil || label == "" {
			if err != nil {
				return err
			}
			continue
		}
		owner, err := tx.TagByKey(ctx, store.TagKey(label))
		if err == nil && owner.ID == t.ID {
			continue
		}
		if err == nil {
			return fieldError(maillage.CodeConflict, field, "taxonomy.error.label_taken", map[string]any{"Label": owner.Label})
		}
		if !maillage.IsNotFound(err) {
			return err
		}
		if err := tx.AddTagSynonym(ctx, t.ID, label, lang); err != nil {
			return err
		}
	}
	return nil
}

// relatedIDs lists the tags related to t, to snapshot them with it.
func relatedIDs(ctx context.Context, tx *store.Tx, ids ...string) ([]string, error) {
	rel, err := tx.TagRelated(ctx, ids...)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, id := range ids {
		for _, r := range rel[id] {
			out = append(out, r.ID)
		}
	}
	return out, nil
}

// logAction records a curation action by v.
func logAction(ctx context.Context, tx *store.Tx, v maillage.Viewer, batch string, kind maillage.TagActionKind,
	summary string, tags []string, undo *store.TagUndo) error {
	a := maillage.TagAction{BatchID: batch, ActorID: v.UserID, Kind: kind, Summary: summary, TagIDs: tags}
	return tx.LogTagAction(ctx, &a, undo)
}

// CreateCuratedTag adds a tag to the taxonomy. A label (or English label,
// or synonym) that an existing tag already answers to, accents, case,
// spacing and punctuation aside, is a conflict naming that tag.
func (s *Service) CreateCuratedTag(ctx context.Context, v maillage.Viewer, in TagInput) (*maillage.Tag, error) {
	if err := requireCurator(v); err != nil {
		return nil, err
	}
	var out *maillage.Tag
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		t := &maillage.Tag{Kind: maillage.TagCurated, CreatedBy: v.UserID}
		if err := s.applyInput(ctx, tx, v, t, in); err != nil {
			return err
		}
		now := tx.Now()
		t.ReviewedAt = &now
		if err := tx.InsertTag(ctx, t); err != nil {
			return err
		}
		if err := tx.UpdateTag(ctx, t); err != nil { // reviewed_at
			return err
		}
		if err := addSynonyms(ctx, tx, t, in.Synonyms, ""); err != nil {
			return err
		}
		if err := addSynonyms(ctx, tx, t, in.SynonymsEn, "en"); err != nil {
			return err
		}
		rel, err := relatedOf(ctx, tx, t, in.Related)
		if err != nil {
			return err
		}
		if err := tx.SetTagRelated(ctx, t.ID, rel); err != nil {
			return err
		}
		out = t
		return logAction(ctx, tx, v, "", maillage.TagActionCreate, t.Label, []string{t.ID},
			&store.TagUndo{Created: []string{t.ID}})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// curatorTag finds the live tag a curator names, if they may see it
// (curating shows no tag the curator could not see otherwise).
func (s *Service) curatorTag(ctx context.Context, v maillage.Viewer, name string) (*maillage.Tag, error) {
	if err := requireCurator(v); err != nil {
		return nil, err
	}
	t, _, err := s.ResolveTag(ctx, v, name)
	return t, err
}

// EditTag changes a tag's labels, definitions, term note, parent and
// related tags, and adds the synonyms it gives (removing one has its own
// action). A new label is a rename: the old slug redirects to the tag and
// the old label becomes a synonym. A free tag stays free unless promoted,
// and only curated tags take a place in the hierarchy.
func (s *Service) EditTag(ctx context.Context, v maillage.Viewer, slug string, in TagInput) (*maillage.Tag, error) {
	cur, err := s.curatorTag(ctx, v, slug)
	if err != nil {
		return nil, err
	}
	var out *maillage.Tag
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		var err error
		out, err = s.editTx(ctx, tx, v, "", cur.ID, in, "")
		return err
	})
	return out, err
}

// editTx edits (and, with kind TagActionPromote, promotes) one tag.
func (s *Service) editTx(ctx context.Context, tx *store.Tx, v maillage.Viewer, batch, id string, in TagInput,
	kind maillage.TagActionKind) (*maillage.Tag, error) {
	t, err := liveTag(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	oldRel, err := relatedIDs(ctx, tx, t.ID)
	if err != nil {
		return nil, err
	}
	before := *t
	if err := s.applyInput(ctx, tx, v, t, in); err != nil {
		return nil, err
	}
	var rel []string
	if in.Related != nil {
		if rel, err = relatedOf(ctx, tx, t, in.Related); err != nil {
			return nil, err
		}
	}
	if !t.Curated() && kind != maillage.TagActionPromote && (t.ParentID != "" || rel != nil) {
		return nil, fieldError(maillage.CodeInvalid, "parent", "taxonomy.error.free_in_hierarchy", nil)
	}
	snap, err := tx.Snapshot(ctx, append(append([]string{t.ID}, oldRel...), rel...)...)
	if err != nil {
		return nil, err
	}
	summary := t.Label
	if kind == "" {
		kind = maillage.TagActionEdit
	}
	if kind == maillage.TagActionPromote {
		t.Kind = maillage.TagCurated
		now := tx.Now()
		t.ReviewedAt = &now
	}
	if t.Key != store.TagKey(t.Label) || before.Label != t.Label {
		slug, err := tx.FreeTagSlug(ctx, t.Label, t.ID)
		if err != nil {
			return nil, err
		}
		if slug != before.Slug {
			if err := tx.AddTagRedirect(ctx, before.Slug, t.ID); err != nil {
				return nil, err
			}
			t.Slug = slug
		}
		if kind == maillage.TagActionEdit {
			kind = maillage.TagActionRename
		}
		summary = before.Label + " → " + t.Label
	}
	if err := tx.UpdateTag(ctx, t); err != nil {
		return nil, err
	}
	if err := keepOldLabels(ctx, tx, &before, t); err != nil {
		return nil, err
	}
	if in.Related != nil {
		if err := tx.SetTagRelated(ctx, t.ID, rel); err != nil {
			return nil, err
		}
	}
	if err := addSynonyms(ctx, tx, t, in.Synonyms, ""); err != nil {
		return nil, err
	}
	if err := addSynonyms(ctx, tx, t, in.SynonymsEn, "en"); err != nil {
		return nil, err
	}
	touched := append(append([]string{t.ID}, oldRel...), rel...)
	return t, logAction(ctx, tx, v, batch, kind, summary, touched, &store.TagUndo{Snapshot: snap})
}

// keepOldLabels follows a change of labels: a synonym that became a
// label is no longer a synonym, and a label given up becomes one, so what
// people typed before still leads to the tag.
func keepOldLabels(ctx context.Context, tx *store.Tx, before, after *maillage.Tag) error {
	pairs := []struct{ old, cur, lang string }{{before.Label, after.Label, ""}, {before.LabelEn, after.LabelEn, "en"}}
	for _, p := range pairs {
		if p.cur != "" {
			if err := tx.RemoveTagSynonym(ctx, after.ID, store.TagKey(p.cur)); err != nil && !maillage.IsNotFound(err) {
				return err
			}
		}
	}
	for _, p := range pairs {
		if p.old == "" || store.TagKey(p.old) == store.TagKey(p.cur) {
			continue
		}
		_, err := tx.TagByKey(ctx, store.TagKey(p.old))
		if err == nil {
			continue // still a label of the tag, or of another one
		}
		if !maillage.IsNotFound(err) {
			return err
		}
		if err := tx.AddTagSynonym(ctx, after.ID, p.old, p.lang); err != nil {
			return err
		}
	}
	return nil
}

// RenameTag gives a tag a new label; its old slug redirects and its old
// label becomes a synonym. A label another tag answers to is a conflict
// (merge the two instead).
func (s *Service) RenameTag(ctx context.Context, v maillage.Viewer, slug, label string) (*maillage.Tag, error) {
	cur, err := s.curatorTag(ctx, v, slug)
	if err != nil {
		return nil, err
	}
	in, err := s.inputOf(ctx, cur)
	if err != nil {
		return nil, err
	}
	in.Label = label
	return s.EditTag(ctx, v, cur.Slug, in)
}

// inputOf returns a tag's current fields as an input, for actions that
// change one of them.
func (s *Service) inputOf(ctx context.Context, t *maillage.Tag) (TagInput, error) {
	in := TagInput{Label: t.Label, LabelEn: t.LabelEn, Definition: t.Definition, DefinitionEn: t.DefinitionEn, TermNote: t.TermNoteID}
	if t.ParentID != "" {
		p, err := s.db.Tag(ctx, t.ParentID)
		if err != nil {
			return in, err
		}
		in.Parent = p.Slug
	}
	return in, nil
}

// PromoteInput is what promoting a free tag may add.
type PromoteInput struct {
	Label   string // a corrected label; empty keeps it
	LabelEn string
	Parent  string
}

// PromoteTag makes a free tag curated, optionally with a corrected label,
// an English label and a parent. Its uses stay where they are.
func (s *Service) PromoteTag(ctx context.Context, v maillage.Viewer, slug string, p PromoteInput) (*maillage.Tag, error) {
	cur, err := s.curatorTag(ctx, v, slug)
	if err != nil {
		return nil, err
	}
	var out *maillage.Tag
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		var err error
		out, err = s.promoteTx(ctx, tx, v, "", cur, p)
		return err
	})
	return out, err
}

func (s *Service) promoteTx(ctx context.Context, tx *store.Tx, v maillage.Viewer, batch string, cur *maillage.Tag, p PromoteInput) (*maillage.Tag, error) {
	if cur.Curated() {
		return nil, maillage.Errorf(maillage.CodeConflict, "taxonomy.error.already_curated").WithData(map[string]any{"Label": cur.Label})
	}
	in, err := s.inputOf(ctx, cur)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(p.Label) != "" {
		in.Label = p.Label
	}
	if strings.TrimSpace(p.LabelEn) != "" {
		in.LabelEn = p.LabelEn
	}
	if strings.TrimSpace(p.Parent) != "" {
		in.Parent = p.Parent
	}
	return s.editTx(ctx, tx, v, batch, cur.ID, in, maillage.TagActionPromote)
}

// AddSynonym gives a tag another label, in French ("fr"), English ("en")
// or no particular language (""). A label another tag answers to is a
// conflict naming it.
func (s *Service) AddSynonym(ctx context.Context, v maillage.Viewer, slug, label, lang string) error {
	cur, err := s.curatorTag(ctx, v, slug)
	if err != nil {
		return err
	}
	label, err = cleanLabel("synonym", label, true)
	if err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		t, err := liveTag(ctx, tx, cur.ID)
		if err != nil {
			return err
		}
		owner, err := tx.TagByKey(ctx, store.TagKey(label))
		switch {
		case err == nil && owner.ID == t.ID:
			return fieldError(maillage.CodeConflict, "synonym", "taxonomy.error.synonym_exists", map[string]any{"Label": t.Label})
		case err == nil:
			return fieldError(maillage.CodeConflict, "synonym", "taxonomy.error.label_taken", map[string]any{"Label": owner.Label})
		case !maillage.IsNotFound(err):
			return err
		}
		snap, err := tx.Snapshot(ctx, t.ID)
		if err != nil {
			return err
		}
		if err := tx.AddTagSynonym(ctx, t.ID, label, lang); err != nil {
			return err
		}
		return logAction(ctx, tx, v, "", maillage.TagActionAddSyn, t.Label+" + "+label, []string{t.ID},
			&store.TagUndo{Snapshot: snap})
	})
}

// RemoveSynonym takes a synonym (named by its label) off a tag. Things
// tagged through it keep the tag: they carry the tag, not the word.
func (s *Service) RemoveSynonym(ctx context.Context, v maillage.Viewer, slug, label string) error {
	cur, err := s.curatorTag(ctx, v, slug)
	if err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		t, err := liveTag(ctx, tx, cur.ID)
		if err != nil {
			return err
		}
		snap, err := tx.Snapshot(ctx, t.ID)
		if err != nil {
			return err
		}
		if err := tx.RemoveTagSynonym(ctx, t.ID, store.TagKey(label)); maillage.IsNotFound(err) {
			return fieldError(maillage.CodeInvalid, "synonym", "taxonomy.error.not_a_synonym", map[string]any{"Label": label})
		} else if err != nil {
			return err
		}
		return logAction(ctx, tx, v, "", maillage.TagActionRemoveSyn, t.Label+" − "+maillage.CleanTagLabel(label),
			[]string{t.ID}, &store.TagUndo{Snapshot: snap})
	})
}

// MergeTags folds one tag into another: every use (interests,
// organisations, communities, notes) and follow moves to into, the old
// labels become its synonyms, the old slug redirects, and the old tag's
// children move under into. A free tag only private content carried
// (which a visitor could not see) leaves no public trace: its label does
// not become a synonym and its old address leads nowhere. Merging a tag into itself or into its own
// descendant, or a curated tag into a free one, is refused.
func (s *Service) MergeTags(ctx context.Context, v maillage.Viewer, fromSlug, intoSlug string) (*maillage.Tag, error) {
	from, err := s.curatorTag(ctx, v, fromSlug)
	if err != nil {
		return nil, err
	}
	into, _, err := s.ResolveTag(ctx, v, intoSlug)
	if maillage.IsNotFound(err) {
		return nil, fieldError(maillage.CodeInvalid, "into", "taxonomy.error.unknown_tag", map[string]any{"Label": strings.TrimSpace(intoSlug)})
	}
	if err != nil {
		return nil, err
	}
	var out *maillage.Tag
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		var err error
		out, err = mergeTx(ctx, tx, v, "", from.ID, into.ID)
		return err
	})
	return out, err
}

func mergeTx(ctx context.Context, tx *store.Tx, v maillage.Viewer, batch, fromID, intoID string) (*maillage.Tag, error) {
	from, err := liveTag(ctx, tx, fromID)
	if err != nil {
		return nil, err
	}
	into, err := liveTag(ctx, tx, intoID)
	if err != nil {
		return nil, err
	}
	if from.ID == into.ID {
		return nil, fieldError(maillage.CodeInvalid, "into", "taxonomy.error.merge_self", map[string]any{"Label": from.Label})
	}
	if from.Curated() && !into.Curated() {
		return nil, fieldError(maillage.CodeInvalid, "into", "taxonomy.error.merge_into_free",
			map[string]any{"Label": from.Label, "Into": into.Label})
	}
	anc, err := tx.TagAncestors(ctx, into.ID)
	if err != nil {
		return nil, err
	}
	for _, a := range anc {
		if a.ID == from.ID {
			return nil, fieldError(maillage.CodeInvalid, "into", "taxonomy.error.merge_into_descendant",
				map[string]any{"Label": from.Label, "Into": into.Label})
		}
	}
	kids, err := tx.TagDescendantIDs(ctx, from.ID)
	if err != nil {
		return nil, err
	}
	var children []string
	for _, k := range kids {
		if t, err := tx.Tag(ctx, k); err == nil && t.ParentID == from.ID {
			children = append(children, k)
		}
	}
	rel, err := relatedIDs(ctx, tx, from.ID, into.ID)
	if err != nil {
		return nil, err
	}
	touched := append(append([]string{from.ID, into.ID}, children...), rel...)
	snap, err := tx.Snapshot(ctx, touched...)
	if err != nil {
		return nil, err
	}
	// A tag only private content carried leaves no public trace: its
	// label does not become a synonym of a tag others see.
	public, err := tx.TagPublic(ctx, from.ID)
	if err != nil {
		return nil, err
	}
	uses, err := tx.MoveTagUses(ctx, from.ID, into.ID)
	if err != nil {
		return nil, err
	}
	follows, err := tx.MoveTagFollows(ctx, from.ID, into.ID)
	if err != nil {
		return nil, err
	}
	if err := tx.MergeTagRecord(ctx, from, into, public); err != nil {
		return nil, err
	}
	return into, logAction(ctx, tx, v, batch, maillage.TagActionMerge, from.Label+" → "+into.Label, touched,
		&store.TagUndo{Snapshot: snap, Uses: uses, Follows: follows})
}

// SplitChoice sends one use of a tag to another tag: an existing one
// (slug or label) or a new free tag with that label.
type SplitChoice struct {
	Kind      maillage.TagUseKind
	SubjectID string
	To        string
}

// SplitTag moves chosen uses of a tag to other tags, one by one (a tag
// that meant two things). Uses not chosen stay; only uses the curator
// may see can be chosen. New labels become free tags.
func (s *Service) SplitTag(ctx context.Context, v maillage.Viewer, slug string, choices []SplitChoice) error {
	cur, err := s.curatorTag(ctx, v, slug)
	if err != nil {
		return err
	}
	if len(choices) == 0 {
		return fieldError(maillage.CodeInvalid, "uses", "taxonomy.error.split_nothing", nil)
	}
	if len(choices) > maxSplitUses {
		return fieldError(maillage.CodeInvalid, "uses", "field.too_many", map[string]any{"Max": maxSplitUses})
	}
	visible, _, err := s.db.TagUses(ctx, v, cur.ID, maxSplitUses, 0)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, u := range visible {
		seen[string(u.Kind)+"/"+u.SubjectID] = true
	}
	for _, c := range choices {
		if !seen[string(c.Kind)+"/"+c.SubjectID] {
			return fieldError(maillage.CodeInvalid, "uses", "taxonomy.error.split_unknown_use", nil)
		}
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		from, err := liveTag(ctx, tx, cur.ID)
		if err != nil {
			return err
		}
		targets := map[string]*maillage.Tag{}
		var created, existing []string
		var moves []store.TagUseMove
		var labels []string
		for _, c := range choices {
			name := maillage.CleanTagLabel(c.To)
			key := name // the cache follows the name as given: a slug and a label may fold alike
			to, ok := targets[key]
			if !ok {
				var made bool
				if to, made, err = splitTarget(ctx, tx, v, name); err != nil {
					return err
				}
				switch {
				case made:
					created = append(created, to.ID)
				case to.ID != from.ID && !contains(existing, to.ID) && !contains(created, to.ID):
					existing = append(existing, to.ID)
				}
				targets[key] = to
				labels = append(labels, to.Label)
			}
			if to.ID == from.ID {
				continue
			}
			m, err := tx.MoveTagUse(ctx, c.Kind, c.SubjectID, from.ID, to.ID)
			if err != nil {
				return err
			}
			moves = append(moves, m)
		}
		snap, err := tx.Snapshot(ctx, append([]string{from.ID}, existing...)...)
		if err != nil {
			return err
		}
		touched := append(append([]string{from.ID}, existing...), created...)
		return logAction(ctx, tx, v, "", maillage.TagActionSplit, from.Label+" → "+strings.Join(labels, ", "), touched,
			&store.TagUndo{Snapshot: snap, Created: created, Uses: moves})
	})
}

// splitTarget finds the tag a split sends a use to (by slug, label or
// synonym), or makes a free tag of a new label; made says it was made.
func splitTarget(ctx context.Context, tx *store.Tx, v maillage.Viewer, name string) (*maillage.Tag, bool, error) {
	// A slug first, then a label: as everywhere a tag is named.
	t, _, err := tx.ResolveTagSlug(ctx, name)
	if maillage.IsNotFound(err) {
		t, err = tx.TagByKey(ctx, store.TagKey(name))
	}
	if !maillage.IsNotFound(err) {
		return t, false, err
	}
	label, err := cleanLabel("uses", name, true)
	if err != nil {
		return nil, false, err
	}
	t = &maillage.Tag{Label: label, Kind: maillage.TagFree, CreatedBy: v.UserID}
	if err := tx.InsertTag(ctx, t); err != nil {
		return nil, false, err
	}
	return t, true, nil
}

// maxSplitUses bounds the uses one split moves.
const maxSplitUses = 1000

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// DeprecateTag hides a tag from suggestions (deprecated) or brings it
// back; what carries it keeps it.
func (s *Service) DeprecateTag(ctx context.Context, v maillage.Viewer, slug string, deprecated bool) error {
	cur, err := s.curatorTag(ctx, v, slug)
	if err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return setFlagTx(ctx, tx, v, "", cur.ID, flagDeprecated, deprecated) })
}

// MarkTagReviewed takes a free tag out of the review queue as it is
// (reviewed true), or puts it back.
func (s *Service) MarkTagReviewed(ctx context.Context, v maillage.Viewer, slug string, reviewed bool) error {
	cur, err := s.curatorTag(ctx, v, slug)
	if err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return setFlagTx(ctx, tx, v, "", cur.ID, flagReviewed, reviewed) })
}

type tagFlag int

const (
	flagDeprecated tagFlag = iota
	flagReviewed
)

func setFlagTx(ctx context.Context, tx *store.Tx, v maillage.Viewer, batch, id string, flag tagFlag, on bool) error {
	t, err := liveTag(ctx, tx, id)
	if err != nil {
		return err
	}
	snap, err := tx.Snapshot(ctx, t.ID)
	if err != nil {
		return err
	}
	var kind maillage.TagActionKind
	switch flag {
	case flagDeprecated:
		if t.Deprecated == on {
			return nil
		}
		t.Deprecated = on
		kind = maillage.TagActionDeprecate
		if !on {
			kind = maillage.TagActionRestore
		}
	case flagReviewed:
		if (t.ReviewedAt != nil) == on {
			return nil
		}
		t.ReviewedAt = nil
		if on {
			now := tx.Now()
			t.ReviewedAt = &now
		}
		kind = maillage.TagActionReview
	}
	if err := tx.UpdateTag(ctx, t); err != nil {
		return err
	}
	return logAction(ctx, tx, v, batch, kind, t.Label, []string{t.ID}, &store.TagUndo{Snapshot: snap})
}

// UndoTagAction undoes one curation action: uses and follows it moved go
// back, tags it created go (if nothing uses them since), and the tags it
// changed are as they were. An action whose tags a later action changed
// waits for that one to be undone first; the error names it.
func (s *Service) UndoTagAction(ctx context.Context, v maillage.Viewer, actionID string) error {
	if err := requireCurator(v); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return s.undoTx(ctx, tx, v, actionID) })
}

// UndoTagBatch undoes every action of a bulk action, latest first.
func (s *Service) UndoTagBatch(ctx context.Context, v maillage.Viewer, batchID string) error {
	if err := requireCurator(v); err != nil {
		return err
	}
	if batchID == "" {
		return maillage.ErrNotFound
	}
	actions, err := s.batchActions(ctx, batchID)
	if err != nil {
		return err
	}
	if len(actions) == 0 {
		return maillage.ErrNotFound
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		for _, a := range actions {
			if a.UndoneAt != nil {
				continue
			}
			if err := s.undoTx(ctx, tx, v, a.ID); err != nil {
				return err
			}
		}
		return nil
	})
}

// batchActions lists a batch's actions, latest first.
func (s *Service) batchActions(ctx context.Context, batchID string) ([]maillage.TagAction, error) {
	var out []maillage.TagAction
	for off := 0; ; off += 100 {
		list, _, err := s.db.TagActions(ctx, store.TagActionFilter{BatchID: batchID, Limit: 100, Offset: off})
		if err != nil {
			return nil, err
		}
		out = append(out, list...)
		if len(list) < 100 {
			return out, nil
		}
	}
}

func (s *Service) undoTx(ctx context.Context, tx *store.Tx, v maillage.Viewer, actionID string) error {
	a, undo, err := tx.TagAction(ctx, actionID)
	if err != nil {
		return err
	}
	// An action on a tag the curator may not see is not theirs to undo.
	check := []maillage.TagAction{*a}
	if err := s.hideActions(ctx, v, check); err != nil {
		return err
	}
	if check[0].Hidden {
		return maillage.ErrNotFound
	}
	switch {
	case a.UndoneAt != nil:
		return maillage.Errorf(maillage.CodeConflict, "taxonomy.error.already_undone")
	case undo == nil:
		return maillage.Errorf(maillage.CodeConflict, "taxonomy.error.not_undoable")
	case undo.Curator != nil && !maillage.CanAdminister(v):
		// Roles are the administrators' to give and take back.
		return maillage.ErrForbidden
	}
	later, err := tx.LaterTagActions(ctx, a.Seq, a.TagIDs)
	if err != nil {
		return err
	}
	if len(later) > 0 {
		return maillage.Errorf(maillage.CodeConflict, "taxonomy.error.undo_later_first").
			WithData(map[string]any{"Action": later[len(later)-1].Summary, "Count": len(later)})
	}
	if err := tx.UndoTagAction(ctx, a.ID, v.UserID, undo); err != nil {
		return err
	}
	return logAction(ctx, tx, v, "", maillage.TagActionUndo, a.Summary, a.TagIDs, nil)
}

// TagActions lists the curation log for curators, newest first. An
// action that touched a tag the curator may not see (a free tag only
// private content carries) keeps its kind, author and date but not its
// labels (see hideActions).
func (s *Service) TagActions(ctx context.Context, v maillage.Viewer, f store.TagActionFilter) ([]maillage.TagAction, int, error) {
	if err := requireCurator(v); err != nil {
		return nil, 0, err
	}
	list, total, err := s.db.TagActions(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	return list, total, s.hideActions(ctx, v, list)
}

// hideActions marks the actions that touched a tag the viewer may not see
// now (a merged tag counts as the tag it became; a deleted one hides
// nothing), and blanks their summaries; the curator who acted sees their
// own actions whole.
func (s *Service) hideActions(ctx context.Context, v maillage.Viewer, list []maillage.TagAction) error {
	ids := make([]string, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	touched, err := s.db.TagActionTags(ctx, ids...)
	if err != nil {
		return err
	}
	var all []string
	for _, tags := range touched {
		all = append(all, tags...)
	}
	live, err := s.db.LiveTagIDs(ctx, all...)
	if err != nil {
		return err
	}
	liveIDs := make([]string, 0, len(live))
	for _, id := range live {
		liveIDs = append(liveIDs, id)
	}
	vis, err := s.db.TagsVisibility(ctx, v, liveIDs)
	if err != nil {
		return err
	}
	for i := range list {
		if list[i].ActorID == v.UserID && v.SignedIn() {
			continue // the curator who acted saw the tags then
		}
		for _, t := range touched[list[i].ID] {
			if id, ok := live[t]; ok && !vis[id].Visible {
				list[i].Hidden, list[i].Summary = true, ""
				break
			}
		}
	}
	return nil
}

// newBatchID names the actions of one bulk action together.
func newBatchID() string { return auth.NewID() }
