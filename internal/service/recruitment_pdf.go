package service

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// The mandate an invitation carries is rendered to PDF from text already
// on Maillage (the community's description, or a note), when the email
// leaves: nothing to upload or keep, always the current text, and a file
// every reader opens. fpdf writes it with its core fonts, whose Windows-1252
// encoding covers French (accents, «», œ, the middle dot of inclusive
// writing); the few characters outside it print as "?".

// mandatePDF renders a title, a line under it and a Markdown body as a
// plain, readable A4 document.
func mandatePDF(title, subtitle, body string, at time.Time) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(at)
	pdf.SetModificationDate(at)
	pdf.SetTitle(title, true)
	pdf.SetCreator("Maillage", true)
	pdf.SetMargins(20, 20, 20)
	pdf.SetAutoPageBreak(true, 20)
	tr := pdf.UnicodeTranslatorFromDescriptor("cp1252")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-15)
		pdf.SetFont("Helvetica", "", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(0, 10, fmt.Sprint(pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	pdf.SetTextColor(20, 40, 40)
	pdf.SetFont("Helvetica", "B", 18)
	pdf.MultiCell(0, 8, tr(title), "", "L", false)
	if subtitle != "" {
		pdf.SetFont("Helvetica", "", 10)
		pdf.SetTextColor(70, 80, 80)
		pdf.MultiCell(0, 5, tr(subtitle), "", "L", false)
	}
	pdf.Ln(4)
	pdf.SetTextColor(20, 30, 30)
	for _, b := range markdownBlocks(body) {
		switch {
		case b.heading:
			pdf.Ln(2)
			pdf.SetFont("Helvetica", "B", 13)
			pdf.MultiCell(0, 6, tr(b.text), "", "L", false)
		case b.item:
			pdf.SetFont("Helvetica", "", 11)
			pdf.SetX(26)
			pdf.MultiCell(0, 5.5, tr("• "+b.text), "", "L", false)
			continue
		default:
			pdf.SetFont("Helvetica", "", 11)
			pdf.MultiCell(0, 5.5, tr(b.text), "", "L", false)
		}
		pdf.Ln(2)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("mandate pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// pdfBlock is a paragraph, heading or list item of a Markdown body.
type pdfBlock struct {
	text          string
	heading, item bool
}

var (
	mdMention  = regexp.MustCompile(`@\[([^\]]*)\]\(user:[^)\s]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)\)`)
	mdWikiLink = regexp.MustCompile(`\[\[([^\]|]*)(?:\|([^\]]*))?\]\]`)
	mdEmphasis = strings.NewReplacer("**", "", "__", "", "`", "")
	mdHeading  = regexp.MustCompile(`^#{1,6}\s+`)
	mdItem     = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+`)
)

// markdownBlocks reads enough of Markdown to print it: headings, list
// items and paragraphs, links as "text (address)", emphasis dropped.
func markdownBlocks(src string) []pdfBlock {
	var out []pdfBlock
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, pdfBlock{text: strings.Join(para, " ")})
			para = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		line = inlineText(strings.TrimRight(line, " \t"))
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			flush()
		case mdHeading.MatchString(trimmed):
			flush()
			out = append(out, pdfBlock{text: mdHeading.ReplaceAllString(trimmed, ""), heading: true})
		case mdItem.MatchString(line):
			flush()
			out = append(out, pdfBlock{text: mdItem.ReplaceAllString(line, ""), item: true})
		default:
			para = append(para, strings.TrimPrefix(trimmed, "> "))
		}
	}
	flush()
	return out
}

// inlineText flattens a line's links and emphasis.
func inlineText(s string) string {
	s = mdMention.ReplaceAllString(s, "@$1")
	s = mdWikiLink.ReplaceAllStringFunc(s, func(m string) string {
		p := mdWikiLink.FindStringSubmatch(m)
		if p[2] != "" {
			return p[2]
		}
		return p[1]
	})
	s = mdLink.ReplaceAllStringFunc(s, func(m string) string {
		p := mdLink.FindStringSubmatch(m)
		if p[2] == "" || p[1] == p[2] {
			return p[1]
		}
		return p[1] + " (" + p[2] + ")"
	})
	return mdEmphasis.Replace(s)
}
