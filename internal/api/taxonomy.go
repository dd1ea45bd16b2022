package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// Curating the taxonomy (curators and administrators).

// maxTaxonomyBody bounds an imported taxonomy file.
const maxTaxonomyBody = 8 << 20

type tagCreate struct {
	Label        string   `json:"label" required:"true"`
	LabelEn      string   `json:"label_en"`
	Parent       string   `json:"parent" doc:"the parent's slug (or label)"`
	Synonyms     []string `json:"synonyms" doc:"other labels, French or of no one language"`
	SynonymsEn   []string `json:"synonyms_en" doc:"other labels in English"`
	Related      []string `json:"related" doc:"slugs of related curated tags"`
	Definition   string   `json:"definition"`
	DefinitionEn string   `json:"definition_en"`
	TermNote     string   `json:"term_note" doc:"the ID of a lexicon-term note defining the tag"`
}

// tagPatch changes a tag; omitted fields stay as they are.
type tagPatch struct {
	Label        *string   `json:"label" doc:"a new label renames the tag: its old slug redirects, its old label becomes a synonym"`
	LabelEn      *string   `json:"label_en"`
	Parent       *string   `json:"parent" doc:"a slug, or empty for none"`
	Related      *[]string `json:"related"`
	Definition   *string   `json:"definition"`
	DefinitionEn *string   `json:"definition_en"`
	TermNote     *string   `json:"term_note"`
}

type tagMerge struct {
	Into string `json:"into" required:"true" doc:"the slug (or label) of the tag that takes every use"`
}

type tagPromote struct {
	Label   string `json:"label" doc:"a corrected label (the old one becomes a synonym)"`
	LabelEn string `json:"label_en"`
	Parent  string `json:"parent" doc:"the parent's slug"`
}

type synonymCreate struct {
	Label string `json:"label" required:"true"`
	Lang  string `json:"lang" enum:"fr,en," doc:"fr, en or empty"`
}

type tagDeprecate struct {
	Deprecated bool `json:"deprecated" doc:"true hides the tag from suggestions (its uses stay); false brings it back"`
}

type splitUseJSON struct {
	Kind string `json:"kind" required:"true" enum:"user,organization,community,note"`
	ID   string `json:"id" required:"true" doc:"the ID of what carries the tag"`
	To   string `json:"to" required:"true" doc:"the slug or label of the tag it should carry instead (a new label makes a free tag)"`
}

type tagSplit struct {
	Uses []splitUseJSON `json:"uses" required:"true"`
}

type tagUseJSON struct {
	Kind  string `json:"kind" enum:"user,organization,community,note"`
	ID    string `json:"id"`
	Title string `json:"title"`
}

type tagBulk struct {
	Action string   `json:"action" required:"true" enum:"merge,promote,deprecate,restore,review"`
	Tags   []string `json:"tags" required:"true" doc:"slugs (or labels)"`
	Into   string   `json:"into" doc:"for merge: the tag every use moves to"`
	Parent string   `json:"parent" doc:"for promote: the parent of the promoted tags"`
}

type batchJSON struct {
	BatchID string `json:"batch_id" doc:"undo the whole batch with POST /api/v1/taxonomy/batches/{batch_id}/undo"`
}

type reviewItemJSON struct {
	tagJSON
	CreatedAt string       `json:"created_at"`
	Examples  []tagUseJSON `json:"examples" doc:"a few things carrying it that the caller may see"`
}

type tagActionJSON struct {
	ID        string  `json:"id"`
	BatchID   string  `json:"batch_id,omitempty"`
	Kind      string  `json:"kind"`
	Summary   string  `json:"summary" doc:"the labels acted on, as they were"`
	ActorID   string  `json:"actor_id,omitempty"`
	ActorName string  `json:"actor_name,omitempty"`
	Undoable  bool    `json:"undoable"`
	CreatedAt string  `json:"created_at"`
	UndoneAt  *string `json:"undone_at"`
	Hidden    bool    `json:"hidden,omitempty" doc:"it touched a tag the caller may not see: no summary, no undo"`
}

type importJSON struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

type curatorSet struct {
	Curator bool `json:"curator" doc:"true grants the curator role, false removes it"`
}

type curatorJSON struct {
	UserID  string `json:"user_id"`
	Curator bool   `json:"curator"`
}

// tagDetail answers a curator's action with the tag's page.
func (s *server) tagDetail(w http.ResponseWriter, r *http.Request, status int, slug string) error {
	return s.writeTagPage(w, r, status, slug, defaultLimit, false)
}

func (s *server) createTag(w http.ResponseWriter, r *http.Request) error {
	var in tagCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	t, err := s.svc.CreateCuratedTag(r.Context(), viewerOf(r), service.TagInput{Label: in.Label, LabelEn: in.LabelEn,
		Parent: in.Parent, Synonyms: in.Synonyms, SynonymsEn: in.SynonymsEn, Related: in.Related, Definition: in.Definition,
		DefinitionEn: in.DefinitionEn, TermNote: in.TermNote})
	if err != nil {
		return err
	}
	return s.tagDetail(w, r, http.StatusCreated, t.Slug)
}

func (s *server) patchTag(w http.ResponseWriter, r *http.Request) error {
	var in tagPatch
	if err := decode(r, &in, false); err != nil {
		return err
	}
	ctx, v := r.Context(), viewerOf(r)
	page, err := s.svc.TagPage(ctx, v, r.PathValue("slug"), service.TagPageOptions{PerList: 1})
	if err != nil {
		return err
	}
	t := page.Tag
	cur := service.TagInput{Label: t.Label, LabelEn: t.LabelEn, Definition: t.Definition, DefinitionEn: t.DefinitionEn, TermNote: t.TermNoteID}
	if p := page.Parent(); p != nil {
		cur.Parent = p.Slug
	}
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&cur.Label, in.Label)
	set(&cur.LabelEn, in.LabelEn)
	set(&cur.Parent, in.Parent)
	set(&cur.Definition, in.Definition)
	set(&cur.DefinitionEn, in.DefinitionEn)
	set(&cur.TermNote, in.TermNote)
	if in.Related != nil {
		cur.Related = *in.Related
		if cur.Related == nil {
			cur.Related = []string{}
		}
	}
	out, err := s.svc.EditTag(ctx, v, t.Slug, cur)
	if err != nil {
		return err
	}
	return s.tagDetail(w, r, http.StatusOK, out.Slug)
}

func (s *server) mergeTag(w http.ResponseWriter, r *http.Request) error {
	var in tagMerge
	if err := decode(r, &in, false); err != nil {
		return err
	}
	if strings.TrimSpace(in.Into) == "" {
		return invalid("field.required", nil, "into")
	}
	into, err := s.svc.MergeTags(r.Context(), viewerOf(r), r.PathValue("slug"), in.Into)
	if err != nil {
		return err
	}
	return s.tagDetail(w, r, http.StatusOK, into.Slug)
}

func (s *server) promoteTag(w http.ResponseWriter, r *http.Request) error {
	var in tagPromote
	if err := decode(r, &in, true); err != nil {
		return err
	}
	t, err := s.svc.PromoteTag(r.Context(), viewerOf(r), r.PathValue("slug"), service.PromoteInput{Label: in.Label,
		LabelEn: in.LabelEn, Parent: in.Parent})
	if err != nil {
		return err
	}
	return s.tagDetail(w, r, http.StatusOK, t.Slug)
}

func (s *server) addSynonym(w http.ResponseWriter, r *http.Request) error {
	var in synonymCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	if in.Lang != "" && in.Lang != "fr" && in.Lang != "en" {
		return invalid("field.invalid_choice", nil, "lang")
	}
	if err := s.svc.AddSynonym(r.Context(), viewerOf(r), r.PathValue("slug"), in.Label, in.Lang); err != nil {
		return err
	}
	return s.tagDetail(w, r, http.StatusCreated, r.PathValue("slug"))
}

func (s *server) removeSynonym(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.RemoveSynonym(r.Context(), viewerOf(r), r.PathValue("slug"), r.PathValue("label")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) deprecateTag(w http.ResponseWriter, r *http.Request) error {
	var in tagDeprecate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	if err := s.svc.DeprecateTag(r.Context(), viewerOf(r), r.PathValue("slug"), in.Deprecated); err != nil {
		return err
	}
	return s.tagDetail(w, r, http.StatusOK, r.PathValue("slug"))
}

func (s *server) splitTag(w http.ResponseWriter, r *http.Request) error {
	var in tagSplit
	if err := decode(r, &in, false); err != nil {
		return err
	}
	choices := make([]service.SplitChoice, len(in.Uses))
	for i, u := range in.Uses {
		choices[i] = service.SplitChoice{Kind: maillage.TagUseKind(u.Kind), SubjectID: u.ID, To: u.To}
	}
	if err := s.svc.SplitTag(r.Context(), viewerOf(r), r.PathValue("slug"), choices); err != nil {
		return err
	}
	return s.tagDetail(w, r, http.StatusOK, r.PathValue("slug"))
}

func (s *server) listTagUses(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	_, uses, total, err := s.svc.TagUses(r.Context(), viewerOf(r), r.PathValue("slug"), p)
	if err != nil {
		return err
	}
	items := make([]tagUseJSON, len(uses))
	for i, u := range uses {
		items[i] = tagUseJSON{Kind: string(u.Kind), ID: u.SubjectID, Title: u.Title}
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) bulkTags(w http.ResponseWriter, r *http.Request) error {
	var in tagBulk
	if err := decode(r, &in, false); err != nil {
		return err
	}
	batch, err := s.svc.BulkTagAction(r.Context(), viewerOf(r), service.BulkInput{Action: service.BulkAction(in.Action),
		Tags: in.Tags, Into: in.Into, Parent: in.Parent})
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, batchJSON{BatchID: batch})
	return nil
}

func (s *server) reviewQueue(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	sort, err := choice(r, "sort", []string{"recent", "uses"})
	if err != nil {
		return err
	}
	queue, total, err := s.svc.TagReviewQueue(r.Context(), viewerOf(r), sort, p)
	if err != nil {
		return err
	}
	items := make([]reviewItemJSON, len(queue))
	for i, q := range queue {
		items[i] = reviewItemJSON{tagJSON: tagOut(q.Tag), CreatedAt: stamp(q.Tag.CreatedAt), Examples: make([]tagUseJSON, len(q.Examples))}
		for j, u := range q.Examples {
			items[i].Examples[j] = tagUseJSON{Kind: string(u.Kind), ID: u.SubjectID, Title: u.Title}
		}
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) listTagActions(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	f := maillage.TagActionFilter{Limit: p.Limit, Offset: p.Offset}
	if tag := strings.TrimSpace(r.URL.Query().Get("tag")); tag != "" {
		t, _, err := s.svc.ResolveTag(r.Context(), viewerOf(r), tag)
		if err != nil {
			return err
		}
		f.TagID = t.ID
	}
	list, total, err := s.svc.TagActions(r.Context(), viewerOf(r), f)
	if err != nil {
		return err
	}
	items := make([]tagActionJSON, len(list))
	for i, a := range list {
		items[i] = tagActionJSON{ID: a.ID, BatchID: a.BatchID, Kind: string(a.Kind), Summary: a.Summary, ActorID: a.ActorID,
			ActorName: a.ActorName, Undoable: a.Undoable && a.UndoneAt == nil && !a.Hidden, CreatedAt: stamp(a.CreatedAt),
			UndoneAt: stampPtr(a.UndoneAt), Hidden: a.Hidden}
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) undoTagAction(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.UndoTagAction(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) undoTagBatch(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.UndoTagBatch(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

// taxonomyFormat reads ?format=, or the request's Content-Type for an import.
func taxonomyFormat(r *http.Request) (service.TaxonomyFormat, error) {
	f := r.URL.Query().Get("format")
	if f == "" && r.Method == http.MethodPut {
		ct := strings.ToLower(r.Header.Get("Content-Type"))
		switch {
		case strings.HasPrefix(ct, "text/csv"):
			f = "csv"
		case strings.HasPrefix(ct, "application/json"):
			f = "json"
		}
	}
	out, err := service.ParseTaxonomyFormat(f)
	if err != nil {
		return "", invalid("api.bad_param", map[string]any{"Param": "format"}, "format")
	}
	return out, nil
}

func (s *server) getTaxonomy(w http.ResponseWriter, r *http.Request) error {
	f, err := taxonomyFormat(r)
	if err != nil {
		return err
	}
	var buf strings.Builder
	if err := s.svc.ExportTaxonomy(r.Context(), &buf, f); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", f.ContentType())
	h.Set("Content-Disposition", `attachment; filename="taxonomie-maillage.`+f.Extension()+`"`)
	w.WriteHeader(http.StatusOK)
	_, err = w.Write([]byte(buf.String()))
	return err
}

func (s *server) putTaxonomy(w http.ResponseWriter, r *http.Request) error {
	f, err := taxonomyFormat(r)
	if err != nil {
		return err
	}
	res, err := s.svc.ImportTaxonomy(r.Context(), viewerOf(r), r.Body, f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, importJSON{Created: res.Created, Updated: res.Updated, Unchanged: res.Unchanged})
	return nil
}

func (s *server) loadStarterTaxonomy(w http.ResponseWriter, r *http.Request) error {
	res, err := s.svc.LoadStarterTaxonomy(r.Context(), viewerOf(r))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, importJSON{Created: res.Created, Updated: res.Updated, Unchanged: res.Unchanged})
	return nil
}

func (s *server) setCurator(w http.ResponseWriter, r *http.Request) error {
	var in curatorSet
	if err := decode(r, &in, false); err != nil {
		return err
	}
	if err := s.svc.SetCurator(r.Context(), viewerOf(r), r.PathValue("id"), in.Curator); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, curatorJSON{UserID: r.PathValue("id"), Curator: in.Curator})
	return nil
}
