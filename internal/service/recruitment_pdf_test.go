package service

import (
	"bytes"
	"testing"
	"time"
)

// TestMandatePDF renders a mandate with French text and the usual
// Markdown into a PDF, and reads enough Markdown to print it.
func TestMandatePDF(t *testing.T) {
	body := "## Mandat\n\nÉchanger sur nos pratiques d’accompagnement : les **participant·es** « apprennent ».\n\n" +
		"- Rencontres aux deux mois\n- Un [[Carnet de la rencontre 1|carnet]] par rencontre\n\n" +
		"Voir [le guide](https://exemple.org/guide) et @[Nadia Diallo](user:01abc).\n"
	blocks := markdownBlocks(body)
	want := []pdfBlock{{text: "Mandat", heading: true},
		{text: "Échanger sur nos pratiques d’accompagnement : les participant·es « apprennent »."},
		{text: "Rencontres aux deux mois", item: true}, {text: "Un carnet par rencontre", item: true},
		{text: "Voir le guide (https://exemple.org/guide) et @Nadia Diallo."}}
	if len(blocks) != len(want) {
		t.Fatalf("blocks %+v", blocks)
	}
	for i := range want {
		if blocks[i] != want[i] {
			t.Errorf("block %d: %+v, want %+v", i, blocks[i], want[i])
		}
	}
	pdf, err := mandatePDF("CdP — Transformation numérique", "Maillage", body, time.Date(2026, 8, 14, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("%%EOF")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 40)])
	}
}
