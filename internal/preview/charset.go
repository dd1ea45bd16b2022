package preview

import (
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// sniffWindow is how much of the body is examined to guess an undeclared
// encoding.
const sniffWindow = 64 << 10

// decodedReader returns r decoded to UTF-8. A byte-order mark, the
// Content-Type charset and a <meta charset> in the first 1024 bytes are
// honoured, in that order (the HTML standard's prescan). A page that
// declares nothing is read as UTF-8 when its first 64 KiB are valid UTF-8,
// as Windows-1252 (a superset of ISO-8859-1) otherwise.
func decodedReader(r io.Reader, contentType string) (io.Reader, error) {
	window := make([]byte, sniffWindow)
	n, err := io.ReadFull(r, window)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	window = window[:n]
	all := io.MultiReader(bytes.NewReader(window), r)
	enc := guessEncoding(window, contentType)
	if enc == encoding.Nop {
		return all, nil
	}
	return transform.NewReader(all, enc.NewDecoder()), nil
}

// guessEncoding picks the encoding of a page from its first bytes.
func guessEncoding(window []byte, contentType string) encoding.Encoding {
	enc, _, certain := charset.DetermineEncoding(window, contentType)
	prefix := window[:min(len(window), 1024)]
	if certain || bytes.Contains(bytes.ToLower(prefix), []byte("charset")) {
		// Declared by BOM, header or <meta>: trust the declaration.
		return enc
	}
	// DetermineEncoding fell back to a guess made from 1024 bytes only; an
	// ASCII prefix followed by UTF-8 text would be read as Windows-1252.
	// Look further before guessing.
	if utf8.Valid(trimPartialRune(window)) {
		return encoding.Nop
	}
	return charmap.Windows1252
}

// trimPartialRune drops an incomplete UTF-8 sequence cut at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			return b
		}
	}
	return b
}
