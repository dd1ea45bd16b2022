package files

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Detect decides the type of a file from its first bytes (up to HeadSize;
// at least 512 are needed for the checks net/http does) and its name.
//
// The content decides; the name's extension is only a hint, used for plain
// text (accepted only as .txt, .csv, .md or .markdown) and to tell an
// audio-only MP4 (.m4a) from a video. A PDF named "photo.png" is a PDF.
// Anything not on the allow-list, and all markup (SVG, HTML, XML),
// scripts and executables whatever their name, give ErrUnsupportedType.
func Detect(head []byte, filename string) (Type, error) {
	if len(head) > HeadSize {
		head = head[:HeadSize]
	}
	if len(head) == 0 {
		return Type{}, fmt.Errorf("%w: empty file", ErrUnsupportedType)
	}
	if what := executable(head); what != "" {
		return Type{}, fmt.Errorf("%w: %s", ErrUnsupportedType, what)
	}
	ext := strings.ToLower(filepath.Ext(filename))

	// Containers net/http does not look into, or names too broadly.
	switch {
	case isFtyp(head):
		return found(detectFtyp(head, ext))
	case bytes.HasPrefix(head, []byte("OggS\x00")):
		return found(detectOgg(head))
	case bytes.HasPrefix(head, []byte("\x1a\x45\xdf\xa3")):
		return found(detectEBML(head))
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return found(detectOffice(head))
	case bytes.HasPrefix(head, []byte("fLaC")):
		return typeOf(mimeFLAC), nil
	}
	if mime := mpegAudio(head); mime != "" {
		return typeOf(mime), nil
	}

	sniffed := http.DetectContentType(head)
	switch sniffed {
	case mimePNG, mimeJPEG, mimeGIF, mimeWebP, mimePDF, mimeMP3:
		return typeOf(sniffed), nil
	case "audio/wave":
		return typeOf(mimeWAV), nil
	case mimeText:
		return detectText(head, ext)
	}
	return Type{}, fmt.Errorf("%w: %s", ErrUnsupportedType, sniffed)
}

// ReadHead reads the first HeadSize bytes of r, or all of a shorter r, for
// Detect and ImageSize. The whole file is then
// io.MultiReader(bytes.NewReader(head), r), so nothing is read twice.
func ReadHead(r io.Reader) ([]byte, error) {
	head := make([]byte, HeadSize)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, fmt.Errorf("files: read head: %w", err)
	}
	return head[:n], nil
}

// found turns a MIME type from one of the container checks into a Type,
// or into ErrUnsupportedType when the check recognised nothing it accepts.
func found(mime, what string) (Type, error) {
	if mime == "" {
		return Type{}, fmt.Errorf("%w: %s", ErrUnsupportedType, what)
	}
	return typeOf(mime), nil
}

// executable names program formats, refused with a clear reason even
// though the allow-list would refuse them anyway.
func executable(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("MZ")):
		return "Windows executable"
	case bytes.HasPrefix(head, []byte("\x7fELF")):
		return "ELF executable"
	case bytes.HasPrefix(head, []byte("\xfe\xed\xfa\xce")), bytes.HasPrefix(head, []byte("\xfe\xed\xfa\xcf")),
		bytes.HasPrefix(head, []byte("\xce\xfa\xed\xfe")), bytes.HasPrefix(head, []byte("\xcf\xfa\xed\xfe")),
		bytes.HasPrefix(head, []byte("\xca\xfe\xba\xbe")):
		return "Mach-O executable or Java class"
	case bytes.HasPrefix(head, []byte("\x00asm")):
		return "WebAssembly module"
	case bytes.HasPrefix(head, []byte("#!")), bytes.HasPrefix(head, []byte("\xef\xbb\xbf#!")):
		return "script"
	}
	return ""
}

// textExt maps the extensions under which plain text is accepted to the
// extension the download keeps.
func textExt(ext string) string {
	switch ext {
	case ".txt", ".csv", ".md":
		return ext
	case ".markdown":
		return ".md"
	}
	return ""
}

// detectText accepts text that net/http saw as plain UTF-8 text, only under
// a text file name. It is always served as text/plain, so even HTML hidden
// in a .txt would show as source; obvious markup is refused all the same.
func detectText(head []byte, ext string) (Type, error) {
	keep := textExt(ext)
	if keep == "" {
		return Type{}, fmt.Errorf("%w: text without a .txt, .csv or .md name", ErrUnsupportedType)
	}
	if !validUTF8Head(head) {
		return Type{}, fmt.Errorf("%w: text is not UTF-8", ErrUnsupportedType)
	}
	start := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n\f")
	if len(start) >= 4 && strings.EqualFold(string(start[:4]), "<svg") {
		return Type{}, fmt.Errorf("%w: SVG", ErrUnsupportedType)
	}
	return Type{MIME: mimeText, Kind: KindDocument, Ext: keep}, nil
}

// validUTF8Head is utf8.Valid allowing the last rune to be cut short,
// since head may stop in the middle of one.
func validUTF8Head(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			return !utf8.FullRune(b[i:]) && utf8.Valid(b[:i])
		}
	}
	return false
}
