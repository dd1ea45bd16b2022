package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

// parsed is what a feed reader takes from the document.
type parsed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		Title     string `xml:"title"`
		ID        string `xml:"id"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
		Author    string `xml:"author>name"`
		Summary   string `xml:"summary"`
		Link      struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func TestWriteParsesBack(t *testing.T) {
	toronto := time.FixedZone("EST", -5*3600)
	f := &Feed{
		Title: "Rencontres & ressources <publiques>", ID: "https://maillage.example/notebooks/01a",
		Link: "https://maillage.example/notebooks/01a", Self: "https://maillage.example/notebooks/01a/feed.atom",
		Entries: []Entry{{
			ID: "https://maillage.example/notes/01b", Title: "Synthèse « mars » \x01", Link: "https://maillage.example/notes/01b?a=1&b=2",
			Updated: time.Date(2026, 3, 12, 14, 30, 0, 0, toronto), Published: time.Date(2026, 3, 12, 9, 0, 0, 0, time.UTC),
			Author: "Léa Côté", Summary: "Ce qui s'est dit",
			ContentHTML: `<p>Bonjour <a href="https://maillage.example/notes/01c">là</a> &amp; <script>alert(1)</script></p>`,
		}, {
			ID: "https://maillage.example/notes/01d", Title: "Sans contenu", Link: "https://maillage.example/notes/01d",
			Updated: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		}},
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("no XML declaration:\n%s", out)
	}
	// Markup in the content travels escaped, never as live elements.
	if strings.Contains(out, "<script>") || strings.Contains(out, "<p>") || !strings.Contains(out, "&lt;script&gt;") {
		t.Errorf("content not escaped:\n%s", out)
	}
	var p parsed
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = true
	if err := dec.Decode(&p); err != nil {
		t.Fatalf("not well-formed Atom: %v\n%s", err, out)
	}
	if p.Title != f.Title || p.ID != f.ID || p.Author != f.Title {
		t.Errorf("feed head: %+v", p)
	}
	// Updated defaults to the newest entry, in UTC, RFC 3339.
	if p.Updated != "2026-03-12T19:30:00Z" {
		t.Errorf("feed updated %q", p.Updated)
	}
	if len(p.Links) != 2 || p.Links[0].Rel != "alternate" || p.Links[1].Rel != "self" || p.Links[1].Href != f.Self {
		t.Errorf("links: %+v", p.Links)
	}
	if len(p.Entries) != 2 {
		t.Fatalf("entries: %+v", p.Entries)
	}
	e := p.Entries[0]
	if e.Title != "Synthèse « mars » \uFFFD" || e.Author != "Léa Côté" || e.Summary != "Ce qui s'est dit" ||
		e.Link.Href != "https://maillage.example/notes/01b?a=1&b=2" || e.Published != "2026-03-12T09:00:00Z" {
		t.Errorf("entry: %+v", e)
	}
	if e.Content.Type != "html" || e.Content.Text != f.Entries[0].ContentHTML {
		t.Errorf("content does not round-trip: %+v", e.Content)
	}
	for _, s := range []string{e.Updated, e.Published, p.Entries[1].Updated} {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			t.Errorf("time %q: %v", s, err)
		}
	}
	// An entry without content or author stays valid: no empty elements.
	if strings.Count(out, "<content") != 1 || strings.Count(out, "<author>") != 2 || strings.Contains(out, "<published></published>") {
		t.Errorf("optional elements:\n%s", out)
	}
}

func TestEmptyFeedIsValid(t *testing.T) {
	var buf bytes.Buffer
	f := &Feed{Title: "Vide", ID: "tag:maillage.example,2026:notebook-1", Author: "Maillage"}
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	var p parsed
	if err := xml.Unmarshal(buf.Bytes(), &p); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if p.ID != f.ID || p.Author != "Maillage" || len(p.Entries) != 0 || p.Updated == "" {
		t.Errorf("empty feed: %+v", p)
	}
}
