package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/taxonomy"
)

// TaxonomyFormat names a file format of the taxonomy.
type TaxonomyFormat string

// Formats of the taxonomy.
const (
	FormatSKOS TaxonomyFormat = "skos" // SKOS in RDF Turtle
	FormatCSV  TaxonomyFormat = "csv"
	FormatJSON TaxonomyFormat = "json"
)

// TaxonomyFormats lists the formats, the default first.
func TaxonomyFormats() []TaxonomyFormat { return []TaxonomyFormat{FormatSKOS, FormatCSV, FormatJSON} }

// ContentType is the media type of a format.
func (f TaxonomyFormat) ContentType() string {
	switch f {
	case FormatCSV:
		return "text/csv; charset=utf-8"
	case FormatJSON:
		return "application/json; charset=utf-8"
	}
	return "text/turtle; charset=utf-8"
}

// Extension is the file name extension of a format.
func (f TaxonomyFormat) Extension() string {
	switch f {
	case FormatCSV:
		return "csv"
	case FormatJSON:
		return "json"
	}
	return "ttl"
}

// ParseTaxonomyFormat reads a format name ("" is SKOS); "ttl" and
// "turtle" name SKOS too.
func ParseTaxonomyFormat(s string) (TaxonomyFormat, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "skos", "ttl", "turtle":
		return FormatSKOS, nil
	case "csv":
		return FormatCSV, nil
	case "json":
		return FormatJSON, nil
	}
	return "", fieldError(maillage.CodeInvalid, "format", "taxonomy.error.format", nil)
}

// tagIRI is the IRI of a tag in SKOS exports: its page.
func (s *Service) tagIRI(slug string) string {
	return strings.TrimRight(s.baseURL, "/") + "/tags/" + slug
}

// ExportTaxonomy writes the whole curated taxonomy (public) in a format.
func (s *Service) ExportTaxonomy(ctx context.Context, w io.Writer, f TaxonomyFormat) error {
	tags, err := s.db.CuratedTaxonomy(ctx)
	if err != nil {
		return err
	}
	id := func(slug string) string { return slug }
	if f == FormatSKOS {
		id = s.tagIRI
	}
	scheme := &taxonomy.Scheme{Concepts: make([]taxonomy.Concept, len(tags))}
	for i, t := range tags {
		c := taxonomy.Concept{ID: id(t.Slug), Label: t.Label, LabelEn: t.LabelEn, Definition: t.Definition,
			DefinitionEn: t.DefinitionEn}
		if t.ParentSlug != "" {
			c.Broader = id(t.ParentSlug)
		}
		for _, r := range t.Related {
			c.Related = append(c.Related, id(r))
		}
		for _, sy := range t.Synonyms {
			c.AltLabels = append(c.AltLabels, taxonomy.AltLabel{Label: sy.Label, Lang: sy.Lang})
		}
		scheme.Concepts[i] = c
	}
	switch f {
	case FormatCSV:
		return taxonomy.WriteCSV(w, scheme)
	case FormatJSON:
		return taxonomy.WriteJSON(w, scheme)
	}
	return taxonomy.WriteTurtle(w, scheme, taxonomy.SchemeInfo{IRI: strings.TrimRight(s.baseURL, "/") + "/api/v1/taxonomy",
		Title: "Taxonomie de Maillage", TitleEn: "Maillage taxonomy"})
}

// ImportResult counts what an import did.
type ImportResult struct {
	Created, Updated, Unchanged int
}

// ImportTaxonomy reads a taxonomy file and adds it to the curated
// taxonomy, all or nothing: concepts become curated tags, matched to
// existing ones by label (in either language, or a synonym) or by slug.
// An import adds and updates; it never removes a label, synonym,
// definition, parent or related tag. A malformed file, or a label
// another tag holds, is refused with the line at fault. The import is
// one undoable action of the log.
func (s *Service) ImportTaxonomy(ctx context.Context, v maillage.Viewer, r io.Reader, f TaxonomyFormat) (*ImportResult, error) {
	if err := requireCurator(v); err != nil {
		return nil, err
	}
	var scheme *taxonomy.Scheme
	var err error
	switch f {
	case FormatCSV:
		scheme, err = taxonomy.ReadCSV(r)
	case FormatJSON:
		scheme, err = taxonomy.ReadJSON(r)
	default:
		scheme, err = taxonomy.ReadTurtle(r)
	}
	if err != nil {
		return nil, taxonomyFileError(err)
	}
	return s.importScheme(ctx, v, scheme, string(f))
}

// LoadStarterTaxonomy imports the taxonomy that ships with Maillage (see
// package taxonomy) as a curator's action.
func (s *Service) LoadStarterTaxonomy(ctx context.Context, v maillage.Viewer) (*ImportResult, error) {
	if err := requireCurator(v); err != nil {
		return nil, err
	}
	return s.loadStarter(ctx, v)
}

// LoadStarterTaxonomyByOperator imports the starter taxonomy for the
// person running the instance (the demo loader, the command line).
func (s *Service) LoadStarterTaxonomyByOperator(ctx context.Context) (*ImportResult, error) {
	return s.loadStarter(ctx, maillage.Viewer{})
}

func (s *Service) loadStarter(ctx context.Context, v maillage.Viewer) (*ImportResult, error) {
	scheme, err := taxonomy.Starter()
	if err != nil {
		return nil, fmt.Errorf("starter taxonomy: %w", err)
	}
	return s.importScheme(ctx, v, scheme, "starter")
}

// taxonomyFileError turns a reader's error into a translated one.
func taxonomyFileError(err error) error {
	var te *taxonomy.Error
	if !errors.As(err, &te) {
		return err
	}
	id := "taxonomy.error.file." + te.Code
	if te.Line > 0 {
		id += "_at"
	}
	return fieldError(maillage.CodeInvalid, "file", id, map[string]any{"Line": te.Line, "Detail": te.Detail}).(*maillage.Error).Wrap(err)
}

// slugHint is the slug a concept ID may carry: the last segment of an
// IRI, or the ID itself.
func slugHint(id string) string {
	if i := strings.LastIndexAny(id, "/#"); i >= 0 {
		return id[i+1:]
	}
	return id
}

// importError names the line and label at fault.
func importError(code maillage.Code, id string, c taxonomy.Concept, label string, data map[string]any) error {
	d := map[string]any{"Line": c.Line, "Label": label}
	for k, v := range data {
		d[k] = v
	}
	if c.Line == 0 {
		id += "_noline"
	}
	return fieldError(code, "file", id, d)
}

func (s *Service) importScheme(ctx context.Context, v maillage.Viewer, scheme *taxonomy.Scheme, source string) (*ImportResult, error) {
	external := func(id string) bool {
		_, _, err := s.db.ResolveTagSlug(ctx, slugHint(id))
		return err == nil
	}
	if err := scheme.Check(external); err != nil {
		return nil, taxonomyFileError(err)
	}
	concepts := scheme.Ordered()
	res := &ImportResult{}
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		*res = ImportResult{}
		// First, read-only: the tag each concept is, so the state of the
		// existing ones can be kept for undo before anything changes.
		matched := make([]*maillage.Tag, len(concepts))
		var existing []string
		for i, c := range concepts {
			label := c.Label
			if label == "" {
				label = c.LabelEn
			}
			t, err := tx.TagByKey(ctx, store.TagKey(label))
			if maillage.IsNotFound(err) && c.LabelEn != "" {
				t, err = tx.TagByKey(ctx, store.TagKey(c.LabelEn))
			}
			if maillage.IsNotFound(err) {
				t, _, err = tx.ResolveTagSlug(ctx, slugHint(c.ID))
			}
			if maillage.IsNotFound(err) {
				continue
			}
			if err != nil {
				return err
			}
			matched[i] = t
			existing = append(existing, t.ID)
		}
		// Free tags answering to a concept's other names are absorbed by
		// the concept's tag (merged into it): kept for undo too.
		mine := map[string]bool{}
		for _, t := range matched {
			if t != nil {
				mine[t.ID] = true
			}
		}
		for _, c := range concepts {
			for _, n := range conceptNames(c) {
				if o, err := tx.TagByKey(ctx, store.TagKey(n)); err == nil && !o.Curated() && !mine[o.ID] {
					existing = append(existing, o.ID)
				}
			}
		}
		var uses []store.TagUseMove
		var follows []store.TagFollowMove
		absorb := func(free, into *maillage.Tag) error {
			if mine[free.ID] || free.Curated() {
				return errOwned
			}
			u, err := tx.MoveTagUses(ctx, free.ID, into.ID)
			if err != nil {
				return err
			}
			f, err := tx.MoveTagFollows(ctx, free.ID, into.ID)
			if err != nil {
				return err
			}
			uses, follows = append(uses, u...), append(follows, f...)
			// Absorbed free tags answer to one of the concept's names,
			// which the file makes public anyway.
			return tx.MergeTagRecord(ctx, free, into, true)
		}
		rel, err := relatedIDs(ctx, tx, existing...)
		if err != nil {
			return err
		}
		snap, err := tx.Snapshot(ctx, append(existing, rel...)...)
		if err != nil {
			return err
		}
		byID := map[string]*maillage.Tag{}
		var created []string
		changed := map[string]bool{}
		for i, c := range concepts {
			t, err := s.importConcept(ctx, tx, v, c, matched[i], changed, absorb)
			if err != nil {
				return err
			}
			if matched[i] == nil {
				created = append(created, t.ID)
			}
			mine[t.ID] = true
			byID[c.ID] = t
		}
		resolve := func(id string) (*maillage.Tag, error) {
			if t, ok := byID[id]; ok {
				return tx.Tag(ctx, t.ID)
			}
			t, _, err := tx.ResolveTagSlug(ctx, slugHint(id))
			return t, err
		}
		for _, c := range concepts {
			t, err := tx.Tag(ctx, byID[c.ID].ID)
			if err != nil {
				return err
			}
			if c.Broader != "" {
				p, err := resolve(c.Broader)
				if err != nil {
					return err
				}
				if t.ParentID != p.ID {
					if err := checkParent(ctx, tx, t, p); err != nil {
						return importError(maillage.CodeInvalid, "taxonomy.error.import_parent", c, t.Label, map[string]any{"Parent": p.Label})
					}
					t.ParentID = p.ID
					if err := tx.UpdateTag(ctx, t); err != nil {
						return err
					}
					changed[t.ID] = true
				}
			}
			if len(c.Related) > 0 {
				cur, err := tx.TagRelated(ctx, t.ID)
				if err != nil {
					return err
				}
				ids := make([]string, 0, len(cur[t.ID])+len(c.Related))
				for _, r := range cur[t.ID] {
					ids = append(ids, r.ID)
				}
				for _, rid := range c.Related {
					r, err := resolve(rid)
					if err != nil {
						return err
					}
					if r.ID != t.ID && !contains(ids, r.ID) {
						ids = append(ids, r.ID)
						changed[t.ID], changed[r.ID] = true, true
					}
				}
				if err := tx.SetTagRelated(ctx, t.ID, ids); err != nil {
					return err
				}
			}
		}
		for i, c := range concepts {
			switch id := byID[c.ID].ID; {
			case matched[i] == nil:
				res.Created++
			case changed[id]:
				res.Updated++
			default:
				res.Unchanged++
			}
		}
		if res.Created+res.Updated == 0 {
			return nil
		}
		touched := append(append(existing, rel...), created...)
		return logAction(ctx, tx, v, "", maillage.TagActionImport, fmt.Sprintf("%s: +%d ~%d", source, res.Created, res.Updated),
			touched, &store.TagUndo{Snapshot: snap, Created: created, Uses: uses, Follows: follows})
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// errOwned says a name belongs to a tag an import may not absorb.
var errOwned = errors.New("name owned by a curated tag")

// conceptNames lists a concept's names besides its French label.
func conceptNames(c taxonomy.Concept) []string {
	out := []string{c.LabelEn}
	for _, a := range c.AltLabels {
		out = append(out, a.Label)
	}
	return out
}

// importConcept creates the concept's tag, or brings the matched one up
// to it (curated, labels, definitions, synonyms), never removing
// anything. A free tag answering to one of the concept's other names is
// absorbed (merged into the concept's tag); a curated one, or a tag of
// another concept, is a conflict. changed records the tags it changed.
func (s *Service) importConcept(ctx context.Context, tx *store.Tx, v maillage.Viewer, c taxonomy.Concept, t *maillage.Tag,
	changed map[string]bool, absorb func(free, into *maillage.Tag) error) (*maillage.Tag, error) {
	label := c.Label
	if label == "" {
		label = c.LabelEn
	}
	clean, err := cleanLabel("file", label, true)
	if err != nil {
		return nil, importError(maillage.CodeInvalid, "taxonomy.error.import_label", c, label, nil)
	}
	labelEn, err := cleanLabel("file", c.LabelEn, false)
	if err != nil {
		return nil, importError(maillage.CodeInvalid, "taxonomy.error.import_label", c, c.LabelEn, nil)
	}
	for _, d := range []string{c.Definition, c.DefinitionEn} {
		if len([]rune(d)) > maillage.MaxTagDefinitionLen {
			return nil, importError(maillage.CodeInvalid, "taxonomy.error.import_definition", c, clean,
				map[string]any{"Max": maillage.MaxTagDefinitionLen})
		}
	}
	selfID := ""
	if t != nil {
		selfID = t.ID
	}
	if owner, err := tx.TagByKey(ctx, store.TagKey(clean)); err == nil && owner.ID != selfID {
		return nil, importError(maillage.CodeConflict, "taxonomy.error.import_label_taken", c, clean, map[string]any{"Owner": owner.Label})
	} else if err != nil && !maillage.IsNotFound(err) {
		return nil, err
	}
	// The English label: a free tag holding it is absorbed first.
	var enOwner *maillage.Tag
	if labelEn != "" {
		owner, err := tx.TagByKey(ctx, store.TagKey(labelEn))
		switch {
		case err == nil && owner.ID != selfID && (owner.Curated() || owner.Kind == ""):
			return nil, importError(maillage.CodeConflict, "taxonomy.error.import_label_taken", c, labelEn, map[string]any{"Owner": owner.Label})
		case err == nil && owner.ID != selfID:
			enOwner = owner
		case err != nil && !maillage.IsNotFound(err):
			return nil, err
		}
	}
	if t == nil {
		t = &maillage.Tag{Label: clean, LabelEn: labelEn, Kind: maillage.TagCurated, Definition: c.Definition,
			DefinitionEn: c.DefinitionEn, CreatedBy: v.UserID}
		if enOwner != nil {
			// Set aside until the tag exists to absorb its holder.
			t.LabelEn = ""
		}
		if err := tx.InsertTag(ctx, t); err != nil {
			return nil, err
		}
		now := tx.Now()
		t.ReviewedAt = &now
		if err := tx.UpdateTag(ctx, t); err != nil {
			return nil, err
		}
	} else {
		before := *t
		if store.TagKey(t.Label) != store.TagKey(clean) || t.Label != clean {
			// Matched through a synonym, the English label or the slug:
			// the file's label becomes the tag's, the old one a synonym.
			slug, err := tx.FreeTagSlug(ctx, clean, t.ID)
			if err != nil {
				return nil, err
			}
			if slug != t.Slug {
				if err := tx.AddTagRedirect(ctx, t.Slug, t.ID); err != nil {
					return nil, err
				}
				t.Slug = slug
			}
			t.Label = clean
		}
		if labelEn != "" && enOwner == nil {
			t.LabelEn = labelEn
		}
		if c.Definition != "" {
			t.Definition = c.Definition
		}
		if c.DefinitionEn != "" {
			t.DefinitionEn = c.DefinitionEn
		}
		if !t.Curated() {
			t.Kind = maillage.TagCurated
			now := tx.Now()
			t.ReviewedAt = &now
		}
		if t.Label != before.Label || t.LabelEn != before.LabelEn || t.Definition != before.Definition ||
			t.DefinitionEn != before.DefinitionEn || t.Kind != before.Kind {
			if err := tx.UpdateTag(ctx, t); err != nil {
				return nil, err
			}
			if err := keepOldLabels(ctx, tx, &before, t); err != nil {
				return nil, err
			}
			changed[t.ID] = true
		}
	}
	if enOwner != nil {
		if err := absorb(enOwner, t); errors.Is(err, errOwned) {
			return nil, importError(maillage.CodeConflict, "taxonomy.error.import_label_taken", c, labelEn, map[string]any{"Owner": enOwner.Label})
		} else if err != nil {
			return nil, err
		}
		if cur, err := tx.Tag(ctx, t.ID); err == nil {
			t = cur
		}
		if err := tx.RemoveTagSynonym(ctx, t.ID, store.TagKey(labelEn)); err != nil && !maillage.IsNotFound(err) {
			return nil, err
		}
		t.LabelEn = labelEn
		if err := tx.UpdateTag(ctx, t); err != nil {
			return nil, err
		}
		changed[t.ID] = true
	}
	for _, a := range c.AltLabels {
		l, err := cleanLabel("file", a.Label, false)
		if err != nil {
			return nil, importError(maillage.CodeInvalid, "taxonomy.error.import_label", c, a.Label, nil)
		}
		if l == "" {
			continue
		}
		owner, err := tx.TagByKey(ctx, store.TagKey(l))
		switch {
		case err == nil && owner.ID == t.ID:
			continue
		case err == nil:
			// A free tag with this name is absorbed: its label becomes
			// the synonym, and what carries it carries the concept.
			if err := absorb(owner, t); errors.Is(err, errOwned) {
				return nil, importError(maillage.CodeConflict, "taxonomy.error.import_label_taken", c, l, map[string]any{"Owner": owner.Label})
			} else if err != nil {
				return nil, err
			}
		case !maillage.IsNotFound(err):
			return nil, err
		default:
			if err := tx.AddTagSynonym(ctx, t.ID, l, a.Lang); err != nil {
				return nil, err
			}
		}
		changed[t.ID] = true
	}
	return t, nil
}
