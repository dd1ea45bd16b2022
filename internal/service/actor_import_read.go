package service

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/maillage/maillage/internal/maillage"
)

// This file reads a map of actors to import, row by row: a CSV file
// (UTF-8 with or without a byte-order mark, or Latin-1 / Windows-1252 as
// spreadsheets often save it; comma, semicolon or tab separated) or a
// GeoJSON FeatureCollection of points. Nothing holds the whole file: the
// upload is spooled to a temporary file, checked for its encoding on the
// way, then read one row at a time.

// Import formats.
const (
	ImportCSV     = "csv"
	ImportGeoJSON = "geojson"
)

// Import limits.
const (
	// MaxActorImportBytes bounds an uploaded map of actors.
	MaxActorImportBytes = 32 << 20
	// MaxActorImportRows bounds the rows imported at once: the rest are
	// counted and reported, not imported, so people split the file.
	MaxActorImportRows = 5000
	// maxImportColumns bounds the columns (or GeoJSON properties) read.
	maxImportColumns = 200
)

// importErr is an import error shown to people, with a translation key.
func importErr(code maillage.Code, messageID string, data map[string]any) error {
	return (&maillage.Error{Code: code, MessageID: messageID}).WithData(data)
}

// spooledImport is an uploaded file kept on disk while it is read.
type spooledImport struct {
	f        *os.File
	size     int64
	utf8     bool // every byte sequence is valid UTF-8
	bom      bool // it starts with the UTF-8 byte-order mark
	format   string
	encoding string // "utf-8", "utf-8-bom" or "latin-1"
}

// utf8Check follows a byte stream and says whether it is valid UTF-8,
// carrying an incomplete sequence across writes.
type utf8Check struct {
	tail  []byte
	valid bool
}

func (c *utf8Check) Write(p []byte) (int, error) {
	if !c.valid {
		return len(p), nil
	}
	b := append(c.tail, p...)
	// Keep up to 3 trailing bytes of a sequence that may continue.
	cut := len(b)
	for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				cut = i
			}
			break
		}
	}
	if !utf8.Valid(b[:cut]) {
		c.valid = false
	}
	c.tail = append(c.tail[:0], b[cut:]...)
	return len(p), nil
}

func (c *utf8Check) done() bool { return c.valid && len(c.tail) == 0 }

// spoolImport copies r to a temporary file (at most
// MaxActorImportBytes), noting its encoding and format. format "" guesses
// it: a file starting with "{" is GeoJSON. The caller closes it.
func spoolImport(r io.Reader, format string) (*spooledImport, error) {
	f, err := os.CreateTemp("", "maillage-actors-*")
	if err != nil {
		return nil, fmt.Errorf("spool import: %w", err)
	}
	// The file is only ever read through f: remove its name at once.
	os.Remove(f.Name())
	check := &utf8Check{valid: true}
	n, err := io.Copy(io.MultiWriter(f, check), io.LimitReader(r, MaxActorImportBytes+1))
	if err != nil {
		f.Close()
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, importErr(maillage.CodeTooLarge, "actors.import.too_large", map[string]any{"Max": MaxActorImportBytes >> 20})
		}
		return nil, fmt.Errorf("spool import: %w", err)
	}
	if n > MaxActorImportBytes {
		f.Close()
		return nil, importErr(maillage.CodeTooLarge, "actors.import.too_large", map[string]any{"Max": MaxActorImportBytes >> 20})
	}
	if n == 0 {
		f.Close()
		return nil, importErr(maillage.CodeInvalid, "actors.import.empty", nil)
	}
	s := &spooledImport{f: f, size: n, utf8: check.done()}
	head := make([]byte, 512)
	if _, err := f.ReadAt(head, 0); err != nil && err != io.EOF {
		f.Close()
		return nil, fmt.Errorf("spool import: %w", err)
	}
	s.bom = bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	switch {
	case s.bom && s.utf8:
		s.encoding = "utf-8-bom"
	case s.utf8:
		s.encoding = "utf-8"
	default:
		s.encoding = "latin-1"
	}
	s.format = strings.ToLower(strings.TrimSpace(format))
	if s.format == "" || s.format == "json" {
		if trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n\x00"); len(trimmed) > 0 && trimmed[0] == '{' {
			s.format = ImportGeoJSON
		} else {
			s.format = ImportCSV
		}
	}
	if s.format != ImportCSV && s.format != ImportGeoJSON {
		f.Close()
		return nil, importErr(maillage.CodeInvalid, "actors.import.bad_format", nil)
	}
	return s, nil
}

func (s *spooledImport) Close() error { return s.f.Close() }

// text reads the file from its start as UTF-8, without the byte-order
// mark, decoding Latin-1 (Windows-1252) when it is not valid UTF-8.
func (s *spooledImport) text() (io.Reader, error) {
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("read import: %w", err)
	}
	br := bufio.NewReaderSize(s.f, 64<<10)
	if s.bom {
		if _, err := br.Discard(3); err != nil {
			return nil, fmt.Errorf("read import: %w", err)
		}
	}
	if !s.utf8 {
		return charmap.Windows1252.NewDecoder().Reader(br), nil
	}
	return br, nil
}

// importRow is one row of the file: its line (CSV) or feature number
// (GeoJSON), its values by column, and what is wrong with its shape.
type importRow struct {
	Line   int
	Values map[string]string
	// Raw is the row as read, to show in the report.
	Raw string
	// Shape is a translation key when the row does not fit the header
	// (too few or too many fields), "" otherwise.
	Shape     string
	ShapeData map[string]any
}

// rowReader yields the rows of a file; next returns io.EOF at the end.
type rowReader interface {
	columns() []string
	next() (*importRow, error)
}

// openRows reads the header (or the first features' properties) and
// returns the rows that follow.
func (s *spooledImport) openRows() (rowReader, error) {
	r, err := s.text()
	if err != nil {
		return nil, err
	}
	if s.format == ImportGeoJSON {
		return newGeoJSONRows(r)
	}
	return newCSVRows(r)
}

// csvRows reads a CSV file whose first row names the columns.
type csvRows struct {
	r    *csv.Reader
	cols []string
	line int
}

func newCSVRows(r io.Reader) (*csvRows, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(8 << 10)
	cr := csv.NewReader(br)
	cr.Comma = guessComma(head)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, importErr(maillage.CodeInvalid, "actors.import.empty", nil)
	}
	if err != nil {
		return nil, importErr(maillage.CodeInvalid, "actors.import.bad_csv", map[string]any{"Detail": err.Error()})
	}
	if len(header) > maxImportColumns {
		return nil, importErr(maillage.CodeInvalid, "actors.import.too_many_columns", map[string]any{"Max": maxImportColumns})
	}
	cols := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		h = maillage.CleanLine(h)
		if h == "" {
			h = fmt.Sprintf("#%d", i+1)
		}
		if seen[h] {
			return nil, importErr(maillage.CodeInvalid, "actors.import.duplicate_column", map[string]any{"Column": h})
		}
		seen[h] = true
		cols[i] = h
	}
	return &csvRows{r: cr, cols: cols, line: 1}, nil
}

// guessComma picks the separator of the header line: spreadsheets in
// French save CSV with semicolons.
func guessComma(head []byte) rune {
	line := head
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
		line = head[:i]
	}
	best, n := ',', bytes.Count(line, []byte{','})
	for _, c := range []rune{';', '\t'} {
		if k := bytes.Count(line, []byte(string(c))); k > n {
			best, n = c, k
		}
	}
	return best
}

func (c *csvRows) columns() []string { return c.cols }

func (c *csvRows) next() (*importRow, error) {
	for {
		rec, err := c.r.Read()
		if err == io.EOF {
			return nil, io.EOF
		}
		line, _ := c.r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &importRow{Line: pe.StartLine, Values: map[string]string{}, Shape: "actors.import.bad_row",
					ShapeData: map[string]any{"Detail": pe.Err.Error()}}, nil
			}
			return nil, fmt.Errorf("read import: %w", err)
		}
		blank := true
		for _, f := range rec {
			if strings.TrimSpace(f) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue // an empty line is no row
		}
		row := &importRow{Line: line, Values: make(map[string]string, len(c.cols)), Raw: strings.Join(rec, " | ")}
		for i, col := range c.cols {
			if i < len(rec) {
				row.Values[col] = rec[i]
			}
		}
		switch {
		case len(rec) < len(c.cols):
			row.Shape, row.ShapeData = "actors.import.missing_fields", map[string]any{"Got": len(rec), "Want": len(c.cols)}
		case len(rec) > len(c.cols):
			// Extra fields that are all empty (a trailing separator) are harmless.
			for _, f := range rec[len(c.cols):] {
				if strings.TrimSpace(f) != "" {
					row.Shape, row.ShapeData = "actors.import.extra_fields", map[string]any{"Got": len(rec), "Want": len(c.cols)}
					break
				}
			}
		}
		return row, nil
	}
}

// geoJSONRows reads the features of a GeoJSON FeatureCollection one at a
// time. Columns are the properties of the first features (up to
// geoJSONSample of them) plus "latitude" and "longitude" from a Point.
type geoJSONRows struct {
	dec     *json.Decoder
	cols    []string
	pending []*importRow
	n       int
	done    bool
}

const geoJSONSample = 50

// geoFeature is the part of a feature the import reads.
type geoFeature struct {
	Type     string `json:"type"`
	Geometry *struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

func newGeoJSONRows(r io.Reader) (*geoJSONRows, error) {
	dec := json.NewDecoder(r)
	bad := func(detail string) error {
		return importErr(maillage.CodeInvalid, "actors.import.bad_geojson", map[string]any{"Detail": detail})
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, bad("not a JSON object")
	}
	// Walk the top-level keys up to "features".
	for {
		t, err := dec.Token()
		if err != nil {
			return nil, bad(err.Error())
		}
		if t == json.Delim('}') {
			return nil, bad(`no "features" array`)
		}
		key, _ := t.(string)
		if key != "features" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, bad(err.Error())
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return nil, bad(`"features" is not an array`)
		}
		break
	}
	g := &geoJSONRows{dec: dec}
	seen := map[string]bool{}
	for len(g.pending) < geoJSONSample {
		row, err := g.read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		g.pending = append(g.pending, row)
		for k := range row.Values {
			if !seen[k] && len(g.cols) < maxImportColumns {
				seen[k] = true
				g.cols = append(g.cols, k)
			}
		}
	}
	sortColumns(g.cols)
	return g, nil
}

// sortColumns orders property names, coordinates last.
func sortColumns(cols []string) {
	rank := func(c string) int {
		if c == "latitude" || c == "longitude" {
			return 1
		}
		return 0
	}
	for i := 1; i < len(cols); i++ {
		for j := i; j > 0 && (rank(cols[j]) < rank(cols[j-1]) || rank(cols[j]) == rank(cols[j-1]) && cols[j] < cols[j-1]); j-- {
			cols[j], cols[j-1] = cols[j-1], cols[j]
		}
	}
}

func (g *geoJSONRows) columns() []string { return g.cols }

func (g *geoJSONRows) next() (*importRow, error) {
	if len(g.pending) > 0 {
		row := g.pending[0]
		g.pending = g.pending[1:]
		return row, nil
	}
	return g.read()
}

// read decodes the next feature.
func (g *geoJSONRows) read() (*importRow, error) {
	if g.done || !g.dec.More() {
		g.done = true
		return nil, io.EOF
	}
	g.n++
	var f geoFeature
	if err := g.dec.Decode(&f); err != nil {
		// A broken feature breaks the stream: what follows cannot be read.
		g.done = true
		return &importRow{Line: g.n, Values: map[string]string{}, Shape: "actors.import.bad_feature",
			ShapeData: map[string]any{"Detail": err.Error()}}, nil
	}
	row := &importRow{Line: g.n, Values: map[string]string{}}
	for k, v := range f.Properties {
		k = maillage.CleanLine(k)
		switch x := v.(type) {
		case nil:
		case string:
			row.Values[k] = x
		case float64:
			row.Values[k] = strconv.FormatFloat(x, 'f', -1, 64)
		case bool:
			row.Values[k] = strconv.FormatBool(x)
		case []any:
			var parts []string
			for _, p := range x {
				if s, ok := p.(string); ok {
					parts = append(parts, s)
				}
			}
			row.Values[k] = strings.Join(parts, ", ")
		default:
			b, _ := json.Marshal(x)
			row.Values[k] = string(b)
		}
	}
	if f.Geometry != nil && f.Geometry.Type == "Point" {
		var c []float64
		if err := json.Unmarshal(f.Geometry.Coordinates, &c); err == nil && len(c) >= 2 {
			// GeoJSON orders a position longitude first.
			row.Values["longitude"] = strconv.FormatFloat(c[0], 'f', -1, 64)
			row.Values["latitude"] = strconv.FormatFloat(c[1], 'f', -1, 64)
		}
	}
	raw, _ := json.Marshal(f.Properties)
	row.Raw = string(raw)
	return row, nil
}
