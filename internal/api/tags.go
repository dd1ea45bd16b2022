package api

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// Tags: autocomplete and a tag's page.

type tagJSON struct {
	Label   string `json:"label" doc:"human label, accents and case kept"`
	Slug    string `json:"slug" doc:"URL slug"`
	LabelEn string `json:"label_en" doc:"English label of curated tags (empty otherwise)"`
	Curated bool   `json:"curated" doc:"part of the curated taxonomy"`
	Uses    int    `json:"uses" doc:"how many things carrying it the caller may see"`
}

func tagOut(t maillage.Tag) tagJSON {
	return tagJSON{Label: t.Label, Slug: t.Slug, LabelEn: t.LabelEn, Curated: t.Curated(), Uses: t.Uses}
}

type tagSuggestions struct {
	Tags []tagJSON `json:"tags"`
}

// tagRefJSON names a tag in the taxonomy (a parent, a child, a relation).
type tagRefJSON struct {
	Slug    string `json:"slug"`
	Label   string `json:"label"`
	LabelEn string `json:"label_en"`
}

func tagRef(t maillage.Tag) tagRefJSON {
	return tagRefJSON{Slug: t.Slug, Label: t.Label, LabelEn: t.LabelEn}
}

func tagRefs(tags []maillage.Tag) []tagRefJSON {
	out := make([]tagRefJSON, len(tags))
	for i, t := range tags {
		out[i] = tagRef(t)
	}
	return out
}

type synonymJSON struct {
	Label string `json:"label"`
	Lang  string `json:"lang" enum:"fr,en," doc:"fr, en or empty (no one language)"`
	Slug  string `json:"slug" doc:"redirects to the tag"`
}

// tagCountsJSON counts what carries a tag, by kind, as the caller may see it.
type tagCountsJSON struct {
	User         int `json:"user"`
	Organization int `json:"organization"`
	Actor        int `json:"actor"`
	Note         int `json:"note"`
	Notebook     int `json:"notebook"`
	Community    int `json:"community"`
	Meeting      int `json:"meeting"`
}

type tagPage struct {
	Label        string        `json:"label"`
	Slug         string        `json:"slug"`
	LabelEn      string        `json:"label_en"`
	Curated      bool          `json:"curated"`
	Deprecated   bool          `json:"deprecated"`
	Definition   string        `json:"definition"`
	DefinitionEn string        `json:"definition_en"`
	TermNote     *noteRefJSON  `json:"term_note" doc:"the lexicon-term note defining the tag, if the caller may read it"`
	Parent       *tagRefJSON   `json:"parent" doc:"null for a top tag"`
	Ancestors    []tagRefJSON  `json:"ancestors" doc:"from the top down to the parent"`
	Children     []tagRefJSON  `json:"children"`
	Related      []tagRefJSON  `json:"related"`
	Synonyms     []string      `json:"synonyms" doc:"other labels resolving to the tag"`
	SynonymsFull []synonymJSON `json:"synonyms_detail"`
	Descendants  bool          `json:"descendants" doc:"whether counts and lists take in the tags below"`
	Counts       tagCountsJSON `json:"counts" doc:"what carries the tag that the caller may see, by kind"`

	People             []userJSON         `json:"people"`
	PeopleTotal        int                `json:"people_total"`
	Organizations      []organizationJSON `json:"organizations"`
	OrganizationsTotal int                `json:"organizations_total"`
	Communities        []communityJSON    `json:"communities"`
	CommunitiesTotal   int                `json:"communities_total"`
	Notes              []noteSummaryJSON  `json:"notes"`
	NotesTotal         int                `json:"notes_total"`
	Notebooks          []notebookJSON     `json:"notebooks"`
	NotebooksTotal     int                `json:"notebooks_total"`
}

func (s *server) suggestTags(w http.ResponseWriter, r *http.Request) error {
	lim, err := limitOf(r)
	if err != nil {
		return err
	}
	tags, err := s.svc.AutocompleteTags(r.Context(), viewerOf(r), strings.TrimSpace(r.URL.Query().Get("q")), lim)
	if err != nil {
		return err
	}
	out := tagSuggestions{Tags: make([]tagJSON, len(tags))}
	for i, t := range tags {
		out.Tags[i] = tagOut(t)
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

// tagMoved is the body of a redirect to a tag, for clients that do not
// follow redirects.
type tagMoved struct {
	Slug string `json:"slug"`
}

// redirectTag answers 301 to the tag's address when the request named
// it by an old slug, a synonym or a label; the query is kept.
func (s *server) redirectTag(w http.ResponseWriter, r *http.Request, slug string) {
	target := Prefix + "/tags/" + url.PathEscape(slug)
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	s.writeJSON(w, http.StatusMovedPermanently, tagMoved{Slug: slug})
}

func (s *server) getTag(w http.ResponseWriter, r *http.Request) error {
	lim, err := limitOf(r)
	if err != nil {
		return err
	}
	desc, err := boolParam(r, "descendants")
	if err != nil {
		return err
	}
	v := viewerOf(r)
	t, redirected, err := s.svc.ResolveTag(r.Context(), v, r.PathValue("slug"))
	if err != nil {
		return err
	}
	if redirected {
		s.redirectTag(w, r, t.Slug)
		return nil
	}
	return s.writeTagPage(w, r, http.StatusOK, t.Slug, lim, desc)
}

// writeTagPage answers with a tag's page as the caller may see it.
func (s *server) writeTagPage(w http.ResponseWriter, r *http.Request, status int, slug string, lim int, desc bool) error {
	v := viewerOf(r)
	tp, err := s.svc.TagPage(r.Context(), v, slug, service.TagPageOptions{PerList: lim, Descendants: desc})
	if err != nil {
		return err
	}
	out := tagPage{Label: tp.Tag.Label, Slug: tp.Tag.Slug, LabelEn: tp.Tag.LabelEn, Curated: tp.Tag.Curated(),
		Deprecated: tp.Tag.Deprecated, Definition: tp.Tag.Definition, DefinitionEn: tp.Tag.DefinitionEn,
		Ancestors: tagRefs(tp.Ancestors), Children: tagRefs(tp.Children), Related: tagRefs(tp.Related),
		Synonyms: make([]string, len(tp.Synonyms)), SynonymsFull: make([]synonymJSON, len(tp.Synonyms)), Descendants: desc,
		Counts: tagCountsJSON{User: tp.Counts[maillage.TagUseUser], Organization: tp.Counts[maillage.TagUseOrganization],
			Actor: tp.Counts[maillage.TagUseActor], Note: tp.Counts[maillage.TagUseNote], Notebook: tp.Counts[maillage.TagUseNotebook],
			Community: tp.Counts[maillage.TagUseCommunity], Meeting: tp.Counts[maillage.TagUseMeeting]},
		People: make([]userJSON, len(tp.People)), PeopleTotal: tp.PeopleTotal,
		Organizations: make([]organizationJSON, len(tp.Organizations)), OrganizationsTotal: tp.OrganizationsTotal,
		Communities: make([]communityJSON, len(tp.Communities)), CommunitiesTotal: tp.CommunitiesTotal,
		Notes: make([]noteSummaryJSON, len(tp.Notes)), NotesTotal: tp.NotesTotal,
		Notebooks: make([]notebookJSON, len(tp.Notebooks)), NotebooksTotal: tp.NotebooksTotal}
	if p := tp.Parent(); p != nil {
		ref := tagRef(*p)
		out.Parent = &ref
	}
	if tp.TermNote != nil {
		out.TermNote = &noteRefJSON{ID: tp.TermNote.ID, Title: tp.TermNote.Title}
	}
	for i, sy := range tp.Synonyms {
		out.Synonyms[i] = sy.Label
		out.SynonymsFull[i] = synonymJSON{Label: sy.Label, Lang: sy.Lang, Slug: sy.Slug}
	}
	for i := range tp.Notes {
		out.Notes[i] = noteSummaryOut(&tp.Notes[i])
	}
	for i := range tp.People {
		out.People[i] = userOut(&tp.People[i])
	}
	for i := range tp.Organizations {
		out.Organizations[i] = organizationOut(&tp.Organizations[i])
	}
	for i := range tp.Communities {
		out.Communities[i] = communityOut(&tp.Communities[i], v)
	}
	nbIDs := make([]string, len(tp.Notebooks))
	for i, nb := range tp.Notebooks {
		nbIDs[i] = nb.ID
	}
	counts, err := s.svc.NotebookNoteCounts(r.Context(), v, nbIDs...)
	if err != nil {
		return err
	}
	for i := range tp.Notebooks {
		out.Notebooks[i] = notebookOut(&tp.Notebooks[i], v, counts[tp.Notebooks[i].ID])
	}
	s.writeJSON(w, status, out)
	return nil
}
