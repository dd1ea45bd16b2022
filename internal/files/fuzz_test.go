package files

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzDetect checks that no input makes Detect or ImageSize panic, and that
// Detect returns either an accepted type or ErrUnsupportedType.
func FuzzDetect(f *testing.F) {
	seeds := [][]byte{
		samplePNG(f, 2, 2), []byte(samplePDF), sampleMP3ID3(), mp3Frame(), sampleWAV(), sampleWebP(3, 3),
		sampleOgg("OpusHead"), sampleFtyp("isom", "mp41"), sampleEBML("webm"),
		sampleODF(f, mimeODT), sampleOOXML(f, "wordprocessingml.document.main+xml", "word/document.xml"),
		[]byte("texte"), {0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc},
	}
	for _, s := range seeds {
		f.Add(s, "x.txt")
	}
	f.Fuzz(func(t *testing.T, head []byte, name string) {
		typ, err := Detect(head, name)
		if err != nil {
			if !errors.Is(err, ErrUnsupportedType) {
				t.Fatalf("unexpected error: %v", err)
			}
		} else if typ.MIME == "" || LimitFor(typ.Kind) == 0 || typ.Ext == "" {
			t.Fatalf("incomplete type %+v", typ)
		}
		ImageSize(head)
		n := SafeName(name, typ)
		if !utf8.ValidString(n) || utf8.RuneCountInString(n) > maxNameRunes || n == "" {
			t.Fatalf("SafeName(%q) = %q", name, n)
		}
		ContentDisposition(name, typ)
	})
}
