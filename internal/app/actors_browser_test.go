package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/testutil"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// TestBrowserImportActorMap imports a small CSV map of actors through the
// real program: the member uploads it, reads the preview (the columns
// guessed, what each row would become), imports it, reads the report row
// by row and opens one of the cards it made.
func TestBrowserImportActorMap(t *testing.T) {
	m := boot(t)
	member, _ := testutil.User(t, m.Service, "Mia Tremblay", "mia@exemple.org")
	csv := "Nom;Type;Site web;Ville;Latitude;Longitude;Étiquettes\n" +
		"Accorderie de Québec;organisation;accorderie.exemple.org;Québec;46.81;-71.21;Entraide\n" +
		"Léa Tremblay;personne;;Montréal;;;Mobilité durable\n" +
		"ACCORDERIE DE QUEBEC;organisation;accorderie.exemple.org;;;;\n" +
		"Hors carte;organisation;;;123;0;\n"
	file := filepath.Join(t.TempDir(), "carte-acteurs.csv")
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := browser.New(t)
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+"/signin?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), member.Email),
		chromedp.SendKeys(chromedp.CSS("#f-password"), testutil.Password),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/signout"]`)),
		chromedp.Navigate(m.URL()+"/actors"),
		chromedp.Click(chromedp.CSS(`a[href="/actors/import"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-file")),
		chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{file}),
		chromedp.SetValue(chromedp.CSS("#f-visibility"), "public"),
		chromedp.Click(chromedp.CSS(`form[action="/actors/import"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#import-preview")),
	)
	preview := browser.Text(t, ctx, "#import-preview")
	for _, want := range []string{"4 lignes", "2 fiches à créer", "1 doublon", "1 ligne à corriger", "Doublon de la ligne 2",
		"Accorderie de Québec", "Entrez un nombre entre -90 et 90"} {
		if !strings.Contains(preview, want) {
			t.Fatalf("the preview lacks %q:\n%s", want, preview)
		}
	}
	mapped, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-map-name")))
	if err != nil || mapped != "Nom" {
		t.Fatalf("the name column was not guessed: %q (%v)", mapped, err)
	}
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS("#import-run")),
		chromedp.WaitVisible(chromedp.CSS("#import-report")),
	)
	report := browser.Text(t, ctx, "#import-report")
	for _, want := range []string{"2 fiches créées", "1 doublon", "Créée", "À corriger", "Léa Tremblay"} {
		if !strings.Contains(report, want) {
			t.Fatalf("the report lacks %q:\n%s", want, report)
		}
	}
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`#import-report a[href^="/actors/"]`)),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	)
	card := browser.Text(t, ctx, "main")
	if !strings.Contains(card, "Accorderie de Québec") || !strings.Contains(card, "carte-acteurs.csv") || !strings.Contains(card, "Entraide") {
		t.Fatalf("the card:\n%s", card)
	}
	browser.Do(t, ctx, chromedp.Navigate(m.URL()+"/actors"), chromedp.WaitVisible(chromedp.CSS("main")))
	if list := browser.Text(t, ctx, "main"); !strings.Contains(list, "Léa Tremblay") || !strings.Contains(list, "Accorderie de Québec") {
		t.Fatalf("the directory:\n%s", list)
	}
}
