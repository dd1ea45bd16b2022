package service_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

func export(t *testing.T, s *service.Service, f service.TaxonomyFormat) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.ExportTaxonomy(context.Background(), &b, f); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestStarterTaxonomyRoundTrips loads the starter taxonomy, exports it in
// each format and imports each export into an empty instance: the same
// taxonomy comes out, and importing it again changes nothing.
func TestStarterTaxonomyRoundTrips(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	res, err := s.LoadStarterTaxonomyByOperator(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created < 140 || res.Updated != 0 {
		t.Fatalf("starter: %+v", res)
	}
	// A tag of the example of the issue, with its place and names.
	p, err := s.TagPage(ctx, maillage.Anonymous(), "Sustainable mobility", service.TagPageOptions{PerList: 1})
	if err != nil || p.Tag.Slug != "mobilite-durable" || p.Parent() == nil || p.Parent().Slug != "transition-socio-ecologique" ||
		len(p.Children) == 0 || len(p.Synonyms) == 0 {
		t.Fatalf("mobilité durable: %+v %v", p, err)
	}
	for _, f := range service.TaxonomyFormats() {
		first := export(t, s, f)
		fresh, _ := testutil.Service(t)
		_, v := curatorOf(t, fresh, "Curatrice", "cur@exemple.org")
		got, err := fresh.ImportTaxonomy(ctx, v, strings.NewReader(first), f)
		if err != nil {
			t.Fatalf("%s: import: %v", f, err)
		}
		if got.Created != res.Created {
			t.Errorf("%s: imported %+v, want %d created", f, got, res.Created)
		}
		if second := export(t, fresh, f); second != first {
			t.Errorf("%s: the export of the import differs from the export", f)
		}
		again, err := fresh.ImportTaxonomy(ctx, v, strings.NewReader(first), f)
		if err != nil || again.Created+again.Updated != 0 {
			t.Errorf("%s: importing twice: %+v %v", f, again, err)
		}
	}
	if !strings.Contains(export(t, s, service.FormatSKOS), `<http://maillage.test/tags/mobilite-durable> a skos:Concept`) {
		t.Error("SKOS export does not name concepts by their page")
	}
}

func TestImportRefusesBadFiles(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, member := testutil.User(t, s, "Membre", "membre@exemple.org")
	_, cur := curatorOf(t, s, "Curatrice", "cur@exemple.org")
	if _, err := s.ImportTaxonomy(ctx, member, strings.NewReader("id,label_fr\na,A\n"), service.FormatCSV); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a member imported: %v", err)
	}
	if _, err := s.CreateCuratedTag(ctx, cur, service.TagInput{Label: "Habitation", Synonyms: []string{"Logement"}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, src string
		f         service.TaxonomyFormat
		code      maillage.Code
		id        string
		line      int
	}{
		{"malformed turtle", "<a> a <b>\n<c> a <d> .", service.FormatSKOS, maillage.CodeInvalid, "taxonomy.error.file.syntax_at", 2},
		{"unknown column", "id,label_fr,couleur\n", service.FormatCSV, maillage.CodeInvalid, "taxonomy.error.file.columns_at", 1},
		{"unknown parent", "id,label_fr,parent\na,Coops,nowhere\n", service.FormatCSV, maillage.CodeInvalid, "taxonomy.error.file.unknown_reference_at", 2},
		{"cycle", "id,label_fr,parent\na,A,b\nb,B,a\n", service.FormatCSV, maillage.CodeInvalid, "taxonomy.error.file.cycle_at", 0},
		{"a synonym another tag holds", "id,label_fr,synonyms_fr\nlogis,Logis,logement\n", service.FormatCSV, maillage.CodeConflict,
			"taxonomy.error.import_label_taken", 2},
		{"a label too long", "id,label_fr\na," + strings.Repeat("x", 70) + "\n", service.FormatCSV, maillage.CodeInvalid, "taxonomy.error.import_label", 2},
		{"empty", "", service.FormatJSON, maillage.CodeInvalid, "", 0},
	} {
		_, err := s.ImportTaxonomy(ctx, cur, strings.NewReader(c.src), c.f)
		e := maillage.AsError(err)
		if err == nil || e.Code != c.code || (c.id != "" && e.MessageID != c.id) || (c.line > 0 && e.Data["Line"] != c.line) {
			t.Errorf("%s: got %v (%v), want %s %s line %d", c.name, err, e.Data, c.code, c.id, c.line)
		}
	}
	// Nothing was half imported.
	if tags, total, _ := s.CuratorTags(ctx, cur, storeAll()); total != 1 {
		t.Errorf("after refused imports: %d tags %+v", total, tags)
	}
}

func storeAll() store.TagListFilter { return store.TagListFilter{All: true, Limit: 100} }
