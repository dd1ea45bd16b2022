package service_test

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

func importOpts(dry bool) service.ActorImportOptions {
	return service.ActorImportOptions{Visibility: "public", Source: "carte.csv", DryRun: dry, Kind: "organization"}
}

func TestImportActorsCSV(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Ana", "ana@exemple.org")
	if _, err := s.CreateOrganization(ctx, va, maillage.OrganizationInput{Name: "Coop Le Maillon", Type: "cooperative"}, false); err != nil {
		t.Fatal(err)
	}
	// Semicolons, a byte-order mark, an extra column, French headers.
	csv := "\ufeffNom;Type;Courriel;Site web;Région;Latitude;Longitude;Étiquettes;Remarque\n" +
		"Vélo Québec;organisation;;velo.qc.example;06;45,52;-73,6;Mobilité, Vélo;interne\n" +
		"Léa Tremblay;personne;lea@exemple.org;;Montréal;;;Mobilité;\n" +
		"VELO QUEBEC;organisation;;https://velo.qc.example;;;;;\n" +
		"Coop Le Maillon;organisation;;;;;;;\n" +
		"Hors carte;organisation;;;;95;10;;\n" +
		";organisation;;;;;;;\n" +
		"Trop court;organisation\n" +
		"\n" +
		"Centre d'action bénévole;organisation;;https://cab-a.example;;;;;\n" +
		"Centre d’action benevole;organisation;;https://cab-b.example;;;;;\n"

	prev, err := s.ImportActors(ctx, va, strings.NewReader(csv), importOpts(true))
	if err != nil {
		t.Fatal(err)
	}
	if prev.Encoding != "utf-8-bom" || prev.Format != "csv" || prev.Mapping["name"] != "Nom" || prev.Mapping["tags"] != "Étiquettes" ||
		prev.Mapping["region"] != "Région" || len(prev.Ignored) != 1 || prev.Ignored[0] != "Remarque" {
		t.Fatalf("preview: %+v", prev)
	}
	if prev.Rows != 9 || prev.Created != 4 || prev.Duplicates != 2 || prev.Invalid != 3 {
		t.Fatalf("preview counts: rows %d would create %d dup %d invalid %d: %+v", prev.Rows, prev.Created, prev.Duplicates, prev.Invalid, prev.Report)
	}
	if list, _, _ := s.Actors(ctx, va, service.ActorFilter{}); len(list) != 0 {
		t.Fatalf("a dry run created %d cards", len(list))
	}

	rep, err := s.ImportActors(ctx, va, strings.NewReader(csv), importOpts(false))
	if err != nil {
		t.Fatal(err)
	}
	byLine := map[int]service.ActorImportRow{}
	for _, r := range rep.Report {
		byLine[r.Line] = r
	}
	want := map[int]string{2: "created", 3: "created", 4: "duplicate", 5: "duplicate", 6: "invalid", 7: "invalid", 8: "invalid",
		10: "created", 11: "created"}
	for line, status := range want {
		if byLine[line].Status != status {
			t.Errorf("line %d: %s, want %s (%+v)", line, byLine[line].Status, status, byLine[line])
		}
	}
	if d := byLine[4].Duplicate; d == nil || d.Type != "line" || d.ID != "2" {
		t.Errorf("line 4 duplicates line 2: %+v", d)
	}
	if d := byLine[5].Duplicate; d == nil || d.Type != "organization" {
		t.Errorf("line 5 duplicates the organisation: %+v", d)
	}
	if e := byLine[6].Errors; len(e) != 1 || e[0].Field != "latitude" || e[0].MessageID != "field.invalid_coordinate" {
		t.Errorf("line 6: %+v", e)
	}
	if e := byLine[8].Errors; len(e) != 1 || e[0].MessageID != "actors.import.missing_fields" {
		t.Errorf("line 8: %+v", e)
	}
	velo, err := s.Actor(ctx, va, byLine[2].ActorID)
	if err != nil {
		t.Fatal(err)
	}
	if velo.Website != "https://velo.qc.example" || velo.Region != "06" || velo.Latitude == nil || *velo.Latitude != 45.52 ||
		len(velo.Tags) != 2 || velo.Source != "carte.csv" || velo.Kind != maillage.ActorOrganization {
		t.Errorf("imported card: %+v", velo)
	}
	lea, _ := s.Actor(ctx, va, byLine[3].ActorID)
	if lea.Kind != maillage.ActorPerson || lea.Region != "06" || lea.Email != "lea@exemple.org" {
		t.Errorf("imported person: %+v", lea)
	}

	// Importing the same file again creates nothing: every row is a duplicate or invalid.
	again, err := s.ImportActors(ctx, va, strings.NewReader(csv), importOpts(false))
	if err != nil || again.Created != 0 || again.Duplicates != 6 {
		t.Fatalf("second import: created %d dup %d: %v", again.Created, again.Duplicates, err)
	}
}

func TestImportActorsBadInput(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Ana", "ana@exemple.org")

	// Latin-1, as spreadsheets save it.
	latin, err := charmap.Windows1252.NewEncoder().String("Nom,Adresse\nCoopérative Élan,Trois-Rivières\n")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.ImportActors(ctx, va, strings.NewReader(latin), importOpts(false))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Encoding != "latin-1" || rep.Created != 1 {
		t.Fatalf("latin-1: %+v", rep)
	}
	a, _ := s.Actor(ctx, va, rep.Report[0].ActorID)
	if a.Name != "Coopérative Élan" || a.Address != "Trois-Rivières" {
		t.Fatalf("latin-1 decoded as %q, %q", a.Name, a.Address)
	}

	errCases := []struct {
		name, body string
		mapping    map[string]string
		msg        string
	}{
		{"empty", "", nil, "actors.import.empty"},
		{"no name column", "Site,Courriel\nx,y\n", nil, "actors.import.name_unmapped"},
		{"mapped column missing", "Nom,Courriel\nx,y\n", map[string]string{"name": "Nom", "website": "Site"}, "actors.import.missing_column"},
		{"unknown field", "Nom\nx\n", map[string]string{"name": "Nom", "password": "Nom"}, "actors.import.unknown_field"},
		{"twice the same column", "Nom,Nom\nx,y\n", nil, "actors.import.duplicate_column"},
		{"not geojson", `{"type":"FeatureCollection"}`, nil, "actors.import.bad_geojson"},
	}
	for _, tc := range errCases {
		o := importOpts(true)
		o.Mapping = tc.mapping
		_, err := s.ImportActors(ctx, va, strings.NewReader(tc.body), o)
		if e := maillage.AsError(err); e.MessageID != tc.msg || e.Code != maillage.CodeInvalid {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.msg)
		}
	}
	o := importOpts(true)
	o.Visibility = "secret"
	if _, err := s.ImportActors(ctx, va, strings.NewReader("Nom\nx\n"), o); maillage.AsError(err).Fields == nil {
		t.Errorf("a bad visibility: %v", err)
	}
}

func TestImportActorsGeoJSON(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Ana", "ana@exemple.org")
	geo := `{"type":"FeatureCollection","name":"carte","features":[
 {"type":"Feature","geometry":{"type":"Point","coordinates":[-71.21,46.81]},"properties":{"nom":"Accorderie de Québec","site":"https://accorderie.example","themes":["Entraide","Échange de services"]}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[-200,46.81]},"properties":{"nom":"Ailleurs"}},
 {"type":"Feature","geometry":null,"properties":{"nom":"Sans lieu","site":null}}
]}`
	rep, err := s.ImportActors(ctx, va, strings.NewReader(geo), importOpts(false))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Format != "geojson" || rep.Created != 2 || rep.Invalid != 1 || rep.Mapping["latitude"] != "latitude" || rep.Mapping["tags"] != "themes" {
		t.Fatalf("geojson: %+v", rep)
	}
	a, _ := s.Actor(ctx, va, rep.Report[0].ActorID)
	if a.Latitude == nil || *a.Latitude != 46.81 || *a.Longitude != -71.21 || len(a.Tags) != 2 {
		t.Fatalf("geojson card: %+v", a)
	}
	if e := rep.Report[1].Errors; len(e) != 1 || e[0].Field != "longitude" {
		t.Fatalf("out of range longitude: %+v", rep.Report[1])
	}
}

// TestImportActorsHundredThousandRows streams a file of 100,000 rows:
// the first MaxActorImportRows are checked (a dry run), the rest counted
// and reported; memory stays bounded by the limit, not the file.
func TestImportActorsHundredThousandRows(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Ana", "ana@exemple.org")
	const rows = 100000
	pr, pw := io.Pipe()
	go func() {
		fmt.Fprintln(pw, "name,website,latitude,longitude")
		for i := range rows {
			fmt.Fprintf(pw, "Organisme numéro %d,https://org%d.example,45.%d,-73.%d\n", i, i, i%1000, i%1000)
		}
		pw.Close()
	}()
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rep, err := s.ImportActors(ctx, va, pr, importOpts(true))
	if err != nil {
		t.Fatal(err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if rep.Rows != rows || rep.Created != service.MaxActorImportRows || rep.OverLimit != rows-service.MaxActorImportRows {
		t.Fatalf("rows %d, would create %d, over the limit %d", rep.Rows, rep.Created, rep.OverLimit)
	}
	last := rep.Report[len(rep.Report)-1]
	if last.Status != service.ImportOverLimit || last.Errors[0].MessageID != "actors.import.over_limit" {
		t.Fatalf("the limit is reported: %+v", last)
	}
	if len(rep.Report) > 2001 {
		t.Fatalf("report of %d rows: bounded to 2000 and a count", len(rep.Report))
	}
	t.Logf("100,000 rows: heap grew by %d KiB", (int64(after.HeapAlloc)-int64(before.HeapAlloc))/1024)
}

func TestImportActorsTooLarge(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Ana", "ana@exemple.org")
	_, err := s.ImportActors(ctx, va, io.LimitReader(zeros{}, service.MaxActorImportBytes+10), importOpts(true))
	if e := maillage.AsError(err); e.Code != maillage.CodeTooLarge || e.MessageID != "actors.import.too_large" {
		t.Fatalf("a file over the limit: %v", err)
	}
}
