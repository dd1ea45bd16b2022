package service

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// ActorImportFields are the card fields a column can fill, in form order.
func ActorImportFields() []string {
	return []string{"name", "kind", "description", "title", "organization_name", "website", "email", "region", "address",
		"latitude", "longitude", "tags", "source"}
}

// importAliases are the folded column names each field is guessed from.
func importAliases() map[string][]string {
	return map[string][]string{
		"name":              {"name", "nom", "nom complet", "raison sociale", "organisation", "organization", "acteur", "actor"},
		"kind":              {"kind", "type", "genre", "categorie"},
		"description":       {"description", "presentation", "mission", "resume", "notes"},
		"title":             {"title", "titre", "fonction", "poste", "role"},
		"organization_name": {"organization name", "nom de l organisation", "employeur", "organisme", "entreprise", "company"},
		"website":           {"website", "site", "site web", "site internet", "url", "web"},
		"email":             {"email", "e mail", "courriel", "adresse courriel", "mail"},
		"region":            {"region", "region administrative", "code region"},
		"address":           {"address", "adresse", "ville", "municipalite", "city"},
		"latitude":          {"latitude", "lat", "y"},
		"longitude":         {"longitude", "lon", "lng", "long", "x"},
		"tags":              {"tags", "etiquettes", "mots cles", "mots-cles", "themes", "thematiques", "keywords"},
		"source":            {"source", "provenance", "reference"},
	}
}

// GuessActorMapping maps fields to the columns whose folded names match
// a known alias (French and English); each column serves one field.
func GuessActorMapping(columns []string) map[string]string {
	out := map[string]string{}
	used := map[string]bool{}
	aliases := importAliases()
	for _, field := range ActorImportFields() {
		for _, col := range columns {
			if used[col] {
				continue
			}
			if slices.Contains(aliases[field], fold.Key(col)) {
				out[field], used[col] = col, true
				break
			}
		}
	}
	return out
}

// ActorImportOptions says how to read a map of actors and what every
// imported card gets.
type ActorImportOptions struct {
	// Format is ImportCSV or ImportGeoJSON; "" guesses from the content.
	Format string
	// Mapping maps card fields (ActorImportFields) to column names; nil
	// guesses it (GuessActorMapping). A field mapped to "" is left empty.
	Mapping map[string]string
	// Kind is the kind of cards whose row says none.
	Kind string
	// Visibility and CommunityID apply to every card.
	Visibility  string
	CommunityID string
	// Source is the source of cards whose row says none (the file's name).
	Source string
	// Tags are added to every card.
	Tags []string
	// DryRun checks and reports without creating anything (the preview).
	DryRun bool
}

// Statuses of an import row.
const (
	ImportCreated     = "created"
	ImportWouldCreate = "would_create"
	ImportDuplicate   = "duplicate"
	ImportInvalid     = "invalid"
	ImportOverLimit   = "over_limit"
)

// ActorImportRow is the report of one row.
type ActorImportRow struct {
	Line   int
	Name   string
	Status string
	// ActorID is the card created.
	ActorID string
	// Duplicate is what the row duplicates: an existing record, or an
	// earlier line of the file (Type "line", ID its number).
	Duplicate *store.ActorMatch
	// Errors are the row's problems (translation keys with data).
	Errors []maillage.FieldError
	Raw    string
}

// ActorImportReport is what an import did, or would do (a dry run).
type ActorImportReport struct {
	Format   string
	Encoding string
	Columns  []string
	Mapping  map[string]string
	// Ignored lists the columns no field reads.
	Ignored []string
	DryRun  bool

	Rows        int // rows read (the limit included)
	Created     int // or would be, in a dry run
	Duplicates  int
	Invalid     int
	OverLimit   int
	Report      []ActorImportRow
	ReportTrunc int // rows reported in counts only, past maxReportRows
	// Preview holds the first rows as they would become cards.
	Preview []maillage.ActorInput
}

const (
	maxReportRows  = 2000
	previewRows    = 10
	importTxRows   = 200
	maxMappedTags  = maillage.MaxTagsPerItem
	tagListSplitor = ",;|"
)

// ImportActors reads a CSV or GeoJSON map of actors and creates a card
// for each valid row that duplicates nothing (within the file, against
// the cards the person may see, the directory of organisations and the
// members with the same name and address). Every row is reported: created,
// duplicate of what, invalid and why, or over the row limit. Rows are
// written in small transactions as they are read, so memory stays bounded
// and a failure late in a long file keeps what was imported before it
// (the report says where it stopped). A dry run reports without writing.
func (s *Service) ImportActors(ctx context.Context, v maillage.Viewer, r io.Reader, o ActorImportOptions) (*ActorImportReport, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	if !maillage.CanImportActors(v) {
		return nil, maillage.ErrForbidden
	}
	base, err := s.importBase(v, o)
	if err != nil {
		return nil, err
	}
	sp, err := spoolImport(r, o.Format)
	if err != nil {
		return nil, err
	}
	defer sp.Close()
	rows, err := sp.openRows()
	if err != nil {
		return nil, err
	}
	rep := &ActorImportReport{Format: sp.format, Encoding: sp.encoding, Columns: rows.columns(), DryRun: o.DryRun}
	if rep.Mapping, err = checkMapping(rows.columns(), o.Mapping); err != nil {
		// The columns found, so a preview can offer the mapping again.
		rep.Mapping = o.Mapping
		return rep, err
	}
	mapped := map[string]bool{}
	for _, col := range rep.Mapping {
		mapped[col] = true
	}
	for _, col := range rep.Columns {
		if !mapped[col] {
			rep.Ignored = append(rep.Ignored, col)
		}
	}
	im := &importer{s: s, v: v, rep: rep, base: base, seen: map[string][]seenRow{}}
	firstOver := 0
	for {
		row, err := rows.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rep, err
		}
		rep.Rows++
		if rep.Rows > MaxActorImportRows {
			if rep.OverLimit == 0 {
				firstOver = row.Line
			}
			rep.OverLimit++
			continue // counted to report the file's size, not read further
		}
		if err := im.add(ctx, row); err != nil {
			return rep, err
		}
	}
	if err := im.flush(ctx); err != nil {
		return rep, err
	}
	if rep.OverLimit > 0 {
		// Always listed, even past maxReportRows: it is what people must act on.
		rep.Report = append(rep.Report, ActorImportRow{Line: firstOver, Status: ImportOverLimit, Errors: []maillage.FieldError{{Field: "file",
			MessageID: "actors.import.over_limit", Data: map[string]any{"Max": MaxActorImportRows, "Count": rep.OverLimit}}}})
	}
	return rep, nil
}

// importBase checks what every imported card shares.
func (s *Service) importBase(v maillage.Viewer, o ActorImportOptions) (maillage.ActorInput, error) {
	base := cleanActorInput(maillage.ActorInput{Name: "-", Kind: o.Kind, Visibility: o.Visibility, CommunityID: o.CommunityID,
		Source: o.Source, Tags: o.Tags})
	if base.Kind == "" {
		base.Kind = string(maillage.ActorOrganization)
	}
	if _, _, err := base.Validate(); err != nil {
		return base, err
	}
	if base.Visibility == string(maillage.ActorCommunity) && !maillage.CanLinkContentToCommunity(v, base.CommunityID) {
		return base, fieldError(maillage.CodeInvalid, "community_id", "actors.not_member", nil)
	}
	if base.Visibility != string(maillage.ActorCommunity) {
		base.CommunityID = ""
	}
	return base, nil
}

// checkMapping validates a mapping against the file's columns, or
// guesses one. A field mapped to a column the file does not have is an
// error naming it; the name must be mapped.
func checkMapping(columns []string, m map[string]string) (map[string]string, error) {
	if m == nil {
		m = GuessActorMapping(columns)
	}
	out := map[string]string{}
	for field, col := range m {
		col = strings.TrimSpace(col)
		if col == "" {
			continue
		}
		if !slices.Contains(ActorImportFields(), field) {
			return nil, importErr(maillage.CodeInvalid, "actors.import.unknown_field", map[string]any{"Field": field})
		}
		if !slices.Contains(columns, col) {
			return nil, importErr(maillage.CodeInvalid, "actors.import.missing_column",
				map[string]any{"Column": col, "Columns": strings.Join(columns, ", ")})
		}
		out[field] = col
	}
	if out["name"] == "" {
		return nil, importErr(maillage.CodeInvalid, "actors.import.name_unmapped", map[string]any{"Columns": strings.Join(columns, ", ")})
	}
	return out, nil
}

// seenRow is a row already accepted, for duplicates within the file.
type seenRow struct {
	line         int
	website, web string
	email        string
}

// importer holds one import's progress.
type importer struct {
	s     *Service
	v     maillage.Viewer
	rep   *ActorImportReport
	base  maillage.ActorInput
	seen  map[string][]seenRow // folded name -> rows accepted
	batch []pendingActor
}

type pendingActor struct {
	line  int
	in    maillage.ActorInput
	actor *maillage.Actor
}

// report lists a row in the report (created ones too, so it reads row by
// row), up to maxReportRows; further rows are only counted.
func (im *importer) report(r ActorImportRow) {
	if len(im.rep.Report) < maxReportRows {
		im.rep.Report = append(im.rep.Report, r)
	} else {
		im.rep.ReportTrunc++
	}
}

// add checks one row and queues it for creation.
func (im *importer) add(ctx context.Context, row *importRow) error {
	in := im.rowInput(row)
	rr := ActorImportRow{Line: row.Line, Name: in.Name, Raw: row.Raw}
	if row.Shape != "" {
		rr.Status, rr.Errors = ImportInvalid, []maillage.FieldError{{Field: "row", MessageID: row.Shape, Data: row.ShapeData}}
		im.rep.Invalid++
		im.report(rr)
		return nil
	}
	lat, lon, err := in.Validate()
	if err != nil {
		rr.Status = ImportInvalid
		if e := maillage.AsError(err); len(e.Fields) > 0 {
			rr.Errors = e.Fields
		} else {
			rr.Errors = []maillage.FieldError{{Field: "row", MessageID: e.MessageID, Data: e.Data}}
		}
		im.rep.Invalid++
		im.report(rr)
		return nil
	}
	key := fold.Key(in.Name)
	web := fold.WebsiteKey(in.Website)
	for _, prev := range im.seen[key] {
		if sameContactKeys(web, in.Email, prev.web, prev.email) {
			rr.Status = ImportDuplicate
			rr.Duplicate = &store.ActorMatch{Type: "line", ID: fmt.Sprint(prev.line), Name: in.Name}
			im.rep.Duplicates++
			im.report(rr)
			return nil
		}
	}
	im.seen[key] = append(im.seen[key], seenRow{line: row.Line, web: web, email: in.Email})
	a := &maillage.Actor{ID: auth.NewID(), CreatedBy: im.v.UserID, Kind: maillage.ActorKind(in.Kind), Name: in.Name,
		Description: in.Description, Title: in.Title, OrganizationName: in.OrganizationName, Website: in.Website, Email: in.Email,
		Region: in.Region, Address: in.Address, Latitude: lat, Longitude: lon, Visibility: maillage.ActorVisibility(in.Visibility),
		CommunityID: in.CommunityID, Source: in.Source}
	if len(im.rep.Preview) < previewRows {
		im.rep.Preview = append(im.rep.Preview, in)
	}
	im.batch = append(im.batch, pendingActor{line: row.Line, in: in, actor: a})
	if len(im.batch) >= importTxRows {
		return im.flush(ctx)
	}
	return nil
}

// sameContactKeys is store's duplicate rule on already folded websites.
func sameContactKeys(aWeb, aMail, bWeb, bMail string) bool {
	if aWeb != "" && bWeb != "" && aWeb != bWeb {
		return false
	}
	return aMail == "" || bMail == "" || strings.EqualFold(aMail, bMail)
}

// flush checks the queued rows against what exists and, unless this is
// a dry run, creates them in one transaction.
func (im *importer) flush(ctx context.Context) error {
	if len(im.batch) == 0 {
		return nil
	}
	batch := im.batch
	im.batch = nil
	var results []ActorImportRow
	err := im.s.db.Update(ctx, func(tx *store.Tx) error {
		results = results[:0]
		for _, p := range batch {
			rr := ActorImportRow{Line: p.line, Name: p.in.Name}
			match, err := tx.MatchActor(ctx, im.v, store.ActorCandidate{NameKey: fold.Key(p.in.Name), Website: p.in.Website, Email: p.in.Email})
			if err != nil {
				return err
			}
			if match != nil {
				rr.Status, rr.Duplicate = ImportDuplicate, match
				results = append(results, rr)
				continue
			}
			if im.rep.DryRun {
				rr.Status = ImportWouldCreate
				results = append(results, rr)
				continue
			}
			tags, err := tx.EnsureTags(ctx, p.in.Tags, im.v.UserID)
			if err != nil {
				return err
			}
			p.actor.Tags = tags
			if err := tx.CreateActor(ctx, p.actor); err != nil {
				return err
			}
			rr.Status, rr.ActorID = ImportCreated, p.actor.ID
			results = append(results, rr)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, rr := range results {
		switch rr.Status {
		case ImportDuplicate:
			im.rep.Duplicates++
		default:
			im.rep.Created++
		}
		im.report(rr)
	}
	sort.SliceStable(im.rep.Report, func(i, j int) bool { return im.rep.Report[i].Line < im.rep.Report[j].Line })
	return nil
}

// rowInput builds a card's input from a row, the mapping and the import's
// shared options.
func (im *importer) rowInput(row *importRow) maillage.ActorInput {
	get := func(field string) string {
		if col := im.rep.Mapping[field]; col != "" {
			return row.Values[col]
		}
		return ""
	}
	in := maillage.ActorInput{Name: get("name"), Kind: get("kind"), Description: get("description"), Title: get("title"),
		OrganizationName: get("organization_name"), Website: get("website"), Email: get("email"), Region: get("region"),
		Address: get("address"), Latitude: strings.ReplaceAll(get("latitude"), ",", "."),
		Longitude: strings.ReplaceAll(get("longitude"), ",", "."), Source: get("source"),
		Visibility: im.base.Visibility, CommunityID: im.base.CommunityID}
	in.Kind = importKind(in.Kind, im.base.Kind)
	in.Region = importRegion(in.Region)
	if in.Source == "" {
		in.Source = im.base.Source
	}
	in.Tags = append(in.Tags, im.base.Tags...)
	for _, t := range strings.FieldsFunc(get("tags"), func(r rune) bool { return strings.ContainsRune(tagListSplitor, r) }) {
		if t = maillage.CleanTagLabel(t); t != "" && len(in.Tags) < maxMappedTags {
			in.Tags = append(in.Tags, t)
		}
	}
	if in.Website != "" && !strings.Contains(in.Website, "://") {
		in.Website = "https://" + strings.TrimSpace(in.Website)
	}
	return cleanActorInput(in)
}

// importKind reads a kind column in French or English; empty is the
// import's default.
func importKind(s, def string) string {
	switch fold.Key(s) {
	case "":
		return def
	case "person", "personne", "individu", "people", "p":
		return string(maillage.ActorPerson)
	case "organization", "organisation", "organisme", "org", "o", "entreprise", "cooperative", "obnl":
		return string(maillage.ActorOrganization)
	}
	return s // reported as an invalid choice
}

// importRegion reads a region as its code ("6", "06") or its name
// ("Montréal") in either language.
func importRegion(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if len(s) == 1 && s[0] >= '1' && s[0] <= '9' {
		s = "0" + s
	}
	if slices.Contains(maillage.RegionCodes(), strings.ToLower(s)) {
		return strings.ToLower(s)
	}
	key := fold.Key(s)
	for _, code := range maillage.RegionCodes() {
		if fold.Key(maillage.RegionName(code, "fr-CA")) == key || fold.Key(maillage.RegionName(code, "en")) == key {
			return code
		}
	}
	return s // reported as an invalid choice
}
