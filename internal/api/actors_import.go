package api

import (
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

type actorImportJSON struct {
	DryRun     bool                  `json:"dry_run"`
	Format     string                `json:"format" enum:"csv,geojson"`
	Encoding   string                `json:"encoding" enum:"utf-8,utf-8-bom,latin-1"`
	Columns    []string              `json:"columns"`
	Mapping    map[string]string     `json:"mapping" doc:"card field -> column used"`
	Ignored    []string              `json:"ignored" doc:"columns no field reads"`
	Rows       int                   `json:"rows"`
	Created    int                   `json:"created" doc:"cards created, or that would be in a dry run"`
	Duplicates int                   `json:"duplicates"`
	Invalid    int                   `json:"invalid"`
	OverLimit  int                   `json:"over_limit" doc:"rows past the limit per import, not imported"`
	Report     []actorImportRowJSON  `json:"report" doc:"row by row (the first 2000 rows, and the limit if reached)"`
	Unreported int                   `json:"unreported" doc:"rows counted but not listed in report"`
	Preview    []actorImportPreviewJ `json:"preview" doc:"the first valid rows as cards"`
}

type actorImportRowJSON struct {
	Line      int               `json:"line" doc:"CSV line, or GeoJSON feature number"`
	Name      string            `json:"name"`
	Status    string            `json:"status" enum:"created,would_create,duplicate,invalid,over_limit"`
	ActorID   string            `json:"actor_id,omitempty"`
	Duplicate *actorDuplicateJS `json:"duplicate,omitempty"`
	Errors    []fieldJSON       `json:"errors,omitempty"`
}

type actorDuplicateJS struct {
	Type string `json:"type" enum:"actor,organization,user,line" doc:"line: an earlier row of the file (id is its line)"`
	ID   string `json:"id"`
	Name string `json:"name"`
}

type actorImportPreviewJ struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Website string   `json:"website"`
	Email   string   `json:"email"`
	Region  string   `json:"region"`
	Tags    []string `json:"tags"`
}

// actorImportQuery documents the query of an import.
func actorImportQuery() []param {
	ps := []param{
		{Name: "dry_run", Doc: "1: check and report without creating anything (the preview)", Type: "boolean"},
		{Name: "format", Doc: "file format (else the Content-Type, else guessed)", Enum: []string{"csv", "geojson"}},
		{Name: "kind", Doc: "kind of cards whose row says none", Enum: maillage.ActorKinds(), Def: "organization"},
		{Name: "visibility", Doc: "visibility of every card", Enum: maillage.ActorVisibilities(), Def: "private"},
		{Name: "community_id", Doc: "the community, for visibility community"},
		{Name: "source", Doc: "source of cards whose row says none"},
		{Name: "tags", Doc: "tag labels added to every card, comma separated"},
	}
	for _, f := range service.ActorImportFields() {
		ps = append(ps, param{Name: "map_" + f, Doc: "the column holding " + f + " (without any map_ parameter the columns are guessed from their names)"})
	}
	return ps
}

func (s *server) importActors(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		switch mt {
		case "text/csv":
			format = service.ImportCSV
		case "application/geo+json":
			format = service.ImportGeoJSON
		}
	}
	dry, _ := strconv.ParseBool(q.Get("dry_run"))
	o := service.ActorImportOptions{Format: format, Kind: q.Get("kind"), Visibility: q.Get("visibility"),
		CommunityID: q.Get("community_id"), Source: q.Get("source"), DryRun: dry}
	if o.Visibility == "" {
		o.Visibility = string(maillage.ActorPrivate)
	}
	if t := strings.TrimSpace(q.Get("tags")); t != "" {
		o.Tags = strings.Split(t, ",")
	}
	for _, f := range service.ActorImportFields() {
		if col, ok := q["map_"+f]; ok {
			if o.Mapping == nil {
				o.Mapping = map[string]string{}
			}
			o.Mapping[f] = col[0]
		}
	}
	rep, err := s.svc.ImportActors(r.Context(), v, r.Body, o)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if dry {
		status = http.StatusOK
	}
	s.writeJSON(w, status, actorImportOut(rep, stateOf(r).l))
	return nil
}

func actorImportOut(rep *service.ActorImportReport, loc *i18n.Localizer) actorImportJSON {
	out := actorImportJSON{DryRun: rep.DryRun, Format: rep.Format, Encoding: rep.Encoding, Columns: rep.Columns, Mapping: rep.Mapping,
		Ignored: rep.Ignored, Rows: rep.Rows, Created: rep.Created, Duplicates: rep.Duplicates, Invalid: rep.Invalid,
		OverLimit: rep.OverLimit, Unreported: rep.ReportTrunc, Report: []actorImportRowJSON{}, Preview: []actorImportPreviewJ{}}
	if out.Columns == nil {
		out.Columns = []string{}
	}
	if out.Ignored == nil {
		out.Ignored = []string{}
	}
	for _, rr := range rep.Report {
		j := actorImportRowJSON{Line: rr.Line, Name: rr.Name, Status: rr.Status, ActorID: rr.ActorID}
		if d := rr.Duplicate; d != nil {
			j.Duplicate = &actorDuplicateJS{Type: d.Type, ID: d.ID, Name: d.Name}
		}
		for _, f := range rr.Errors {
			j.Errors = append(j.Errors, fieldJSON{Field: f.Field, Code: fieldCode(f.MessageID), Message: loc.T(f.MessageID, localData(loc, f.Data))})
		}
		out.Report = append(out.Report, j)
	}
	for _, in := range rep.Preview {
		out.Preview = append(out.Preview, actorImportPreviewJ{Name: in.Name, Kind: in.Kind, Website: in.Website, Email: in.Email,
			Region: in.Region, Tags: in.Tags})
	}
	return out
}
