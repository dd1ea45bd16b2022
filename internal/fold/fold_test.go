package fold

import "testing"

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Économie  sociale":           "economie sociale",
		"ÉCONOMIE SOCIALE ":           "economie sociale",
		"Cœur d’œuvre":                "coeur d'oeuvre",
		"l'éducation":                 "l'education",
		"":                            "",
		"Transition socio-écologique": "transition socio-ecologique",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Économie sociale et solidaire": "economie-sociale-et-solidaire",
		"  C++ / Go!  ":                 "c-go",
		"l'éducation":                   "l-education",
		"!!!":                           "",
		"Ελληνικά":                      "ελληνικα",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWebsiteKey(t *testing.T) {
	if WebsiteKey("https://www.Coop.ca/") != WebsiteKey("http://coop.ca") {
		t.Error("same site, different keys")
	}
	if WebsiteKey("https://coop.ca/a") == WebsiteKey("https://coop.ca/b") {
		t.Error("different pages of a host are different sites here")
	}
}
