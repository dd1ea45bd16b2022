// Package feed writes Atom 1.0 feeds (RFC 4287): a notebook's public
// notes, a public community's new threads. It knows nothing of Maillage's
// content; callers give it only what anonymous readers may see, with
// absolute URLs.
package feed

import (
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// ContentType is the media type to serve a feed with.
const ContentType = "application/atom+xml; charset=utf-8"

// Feed is one Atom feed.
type Feed struct {
	Title string
	// ID is the feed's permanent identifier: an absolute URL or a tag: URI.
	ID string
	// Link is the HTML page the feed follows.
	Link string
	// Self is the feed's own URL; optional, but feed readers use it.
	Self string
	// Updated is the last change; zero means the newest entry's.
	Updated time.Time
	// Author names who publishes the feed; it defaults to Title, since
	// Atom requires an author for entries that name none.
	Author  string
	Entries []Entry
}

// Entry is one item of a feed.
type Entry struct {
	// ID is the entry's permanent identifier: an absolute URL or a tag: URI.
	ID        string
	Title     string
	Link      string
	Updated   time.Time
	Published time.Time
	Author    string
	// Summary is plain text.
	Summary string
	// ContentHTML is sanitized HTML, sent escaped as type="html".
	ContentHTML string
}

// The XML shapes. encoding/xml escapes every text and attribute, and
// replaces characters XML cannot carry.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   atomText    `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     atomText    `xml:"title"`
	ID        string      `xml:"id"`
	Links     []atomLink  `xml:"link"`
	Updated   string      `xml:"updated"`
	Published string      `xml:"published,omitempty"`
	Author    *atomPerson `xml:"author"`
	Summary   *atomText   `xml:"summary"`
	Content   *atomText   `xml:"content"`
}

// stamp formats a time as RFC 3339 in UTC, as Atom requires.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Write writes the feed as an XML document.
func (f *Feed) Write(w io.Writer) error {
	updated := f.Updated
	if updated.IsZero() {
		for _, e := range f.Entries {
			if e.Updated.After(updated) {
				updated = e.Updated
			}
		}
	}
	author := f.Author
	if author == "" {
		author = f.Title
	}
	doc := atomFeed{Title: atomText{Type: "text", Text: f.Title}, ID: f.ID, Updated: stamp(updated), Author: atomPerson{Name: author}}
	if f.Link != "" {
		doc.Links = append(doc.Links, atomLink{Rel: "alternate", Type: "text/html", Href: f.Link})
	}
	if f.Self != "" {
		doc.Links = append(doc.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: f.Self})
	}
	for _, e := range f.Entries {
		ae := atomEntry{Title: atomText{Type: "text", Text: e.Title}, ID: e.ID, Updated: stamp(e.Updated)}
		if e.Link != "" {
			ae.Links = []atomLink{{Rel: "alternate", Type: "text/html", Href: e.Link}}
		}
		if !e.Published.IsZero() {
			ae.Published = stamp(e.Published)
		}
		if e.Author != "" {
			ae.Author = &atomPerson{Name: e.Author}
		}
		if e.Summary != "" {
			ae.Summary = &atomText{Type: "text", Text: e.Summary}
		}
		if e.ContentHTML != "" {
			ae.Content = &atomText{Type: "html", Text: e.ContentHTML}
		}
		doc.Entries = append(doc.Entries, ae)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	return nil
}
