package files

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestDetectAccepts(t *testing.T) {
	mp3Frames := append(mp3Frame(), mp3Frame()...)
	tests := []struct {
		name     string
		head     []byte
		filename string
		mime     string
		kind     Kind
		ext      string
		inline   bool
	}{
		{"png", samplePNG(t, 3, 2), "photo.png", mimePNG, KindImage, ".png", true},
		{"jpeg", sampleJPEG(t, 4, 4), "photo.jpeg", mimeJPEG, KindImage, ".jpg", true},
		{"gif", sampleGIF(t, 2, 2), "anim.gif", mimeGIF, KindImage, ".gif", true},
		{"webp", sampleWebP(5, 7), "img.webp", mimeWebP, KindImage, ".webp", true},
		{"avif", sampleFtyp("avif", "avif", "mif1", "miaf"), "img.avif", mimeAVIF, KindImage, ".avif", true},
		{"pdf", []byte(samplePDF), "rapport.pdf", mimePDF, KindPDF, ".pdf", true},
		{"docx", sampleOOXML(t, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml"), "pv.docx", mimeDOCX, KindDocument, ".docx", false},
		{"xlsx", sampleOOXML(t, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml"), "budget.xlsx", mimeXLSX, KindDocument, ".xlsx", false},
		{"pptx", sampleOOXML(t, "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "ppt/presentation.xml"), "atelier.pptx", mimePPTX, KindDocument, ".pptx", false},
		{"docx, content types last", sampleZip(t,
			zipPart{name: "_rels/.rels", body: "<Relationships/>"},
			zipPart{name: "word/document.xml", body: "<document/>", stored: true},
			zipPart{name: "[Content_Types].xml", body: "<Types/>"},
		), "pv.docx", mimeDOCX, KindDocument, ".docx", false},
		{"odt", sampleODF(t, mimeODT), "pv.odt", mimeODT, KindDocument, ".odt", false},
		{"ods", sampleODF(t, mimeODS), "budget.ods", mimeODS, KindDocument, ".ods", false},
		{"odp", sampleODF(t, mimeODP), "atelier.odp", mimeODP, KindDocument, ".odp", false},
		{"txt", []byte("Compte rendu de la rencontre\nÉconomie sociale : ça avance.\n"), "notes.txt", mimeText, KindDocument, ".txt", false},
		{"csv", []byte("nom,région\nCoop du Quartier,Montréal\n"), "membres.CSV", mimeText, KindDocument, ".csv", false},
		{"markdown", []byte("# Titre\n\n- un point **important**\n"), "lisez-moi.markdown", mimeText, KindDocument, ".md", false},
		{"mp3 with ID3", sampleMP3ID3(), "balado.mp3", mimeMP3, KindAudio, ".mp3", true},
		{"mp3 frames only", mp3Frames, "balado.mp3", mimeMP3, KindAudio, ".mp3", true},
		{"wav", sampleWAV(), "son.wav", mimeWAV, KindAudio, ".wav", true},
		{"ogg opus", sampleOgg("OpusHead\x01\x01\x38\x01\x80\xbb\x00\x00\x00\x00\x00"), "note-vocale.ogg", mimeOpus, KindAudio, ".opus", true},
		{"ogg vorbis", sampleOgg("\x01vorbis\x00\x00\x00\x00\x01"), "son.ogg", mimeOGA, KindAudio, ".ogg", true},
		{"flac", []byte("fLaC\x00\x00\x00\x22" + strings.Repeat("\x00", 34)), "son.flac", mimeFLAC, KindAudio, ".flac", true},
		{"m4a", sampleFtyp("M4A ", "M4A ", "mp42", "isom"), "entrevue.m4a", mimeM4A, KindAudio, ".m4a", true},
		{"m4a with isom brand", sampleFtyp("isom", "isom", "iso2"), "entrevue.m4a", mimeM4A, KindAudio, ".m4a", true},
		{"mp4 isom", sampleFtyp("isom", "isom", "iso2", "avc1", "mp41"), "video.mp4", mimeMP4, KindVideo, ".mp4", true},
		{"mp4 mp42", sampleFtyp("mp42", "mp42", "isom"), "video.mp4", mimeMP4, KindVideo, ".mp4", true},
		{"quicktime", sampleFtyp("qt  ", "qt  "), "IMG_0001.MOV", mimeMOV, KindVideo, ".mov", true},
		{"webm", sampleEBML("webm"), "capsule.webm", mimeWebM, KindVideo, ".webm", true},
		{"theora", sampleOgg("\x80theora\x03\x02\x01"), "film.ogv", mimeOGV, KindVideo, ".ogv", true},
		// Content wins over the name.
		{"pdf named png", []byte(samplePDF), "photo.png", mimePDF, KindPDF, ".pdf", true},
		{"png named pdf", samplePNG(t, 1, 1), "rapport.pdf", mimePNG, KindImage, ".png", true},
		{"docx named odt", sampleOOXML(t, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml"), "pv.odt", mimeDOCX, KindDocument, ".docx", false},
		{"png without name", samplePNG(t, 1, 1), "", mimePNG, KindImage, ".png", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Detect(tt.head, tt.filename)
			if err != nil {
				t.Fatalf("Detect: %v", err)
			}
			want := Type{MIME: tt.mime, Kind: tt.kind, Ext: tt.ext, Inline: tt.inline}
			if got != want {
				t.Errorf("Detect = %+v, want %+v", got, want)
			}
			if LimitFor(got.Kind) <= 0 {
				t.Errorf("no size limit for kind %q", got.Kind)
			}
		})
	}
}

func TestDetectRefuses(t *testing.T) {
	svg := `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>`
	html := "<!DOCTYPE html>\n<html><body><script>fetch('/api/v1/me')</script></body></html>"
	exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), make([]byte, 100)...)
	elf := append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 100)...)
	tests := []struct {
		name     string
		head     []byte
		filename string
	}{
		{"empty", nil, "vide.txt"},
		{"svg named png", []byte(svg), "photo.png"},
		{"svg named svg", []byte(svg), "logo.svg"},
		{"svg named txt", []byte(svg), "logo.txt"},
		{"svg with xml prolog named png", []byte(`<?xml version="1.0"?>` + "\n" + svg), "photo.png"},
		{"html named png", []byte(html), "photo.png"},
		{"html named txt", []byte(html), "page.txt"},
		{"html named html", []byte(html), "page.html"},
		{"xml named docx", []byte(`<?xml version="1.0"?><root/>`), "pv.docx"},
		{"windows exe named png", exe, "photo.png"},
		{"windows exe named pdf", exe, "rapport.pdf"},
		{"elf named mp3", elf, "son.mp3"},
		{"shell script named png", []byte("#!/bin/sh\nrm -rf ~\n"), "photo.png"},
		{"shell script named txt", []byte("#!/bin/sh\nrm -rf ~\n"), "notes.txt"},
		{"javascript named png", []byte("alert(document.cookie);\n"), "photo.png"},
		{"javascript named js", []byte("alert(document.cookie);\n"), "app.js"},
		{"text named pdf", []byte("pas un PDF\n"), "rapport.pdf"},
		{"latin-1 text named csv", []byte("nom,r\xe9gion\nCoop,Montr\xe9al\n"), "membres.csv"},
		{"plain zip", sampleZip(t, zipPart{name: "photo.jpg", body: "x"}), "archive.zip"},
		{"zip named docx", sampleZip(t, zipPart{name: "readme.txt", body: "x"}), "pv.docx"},
		{"docm with macros", sampleOOXML(t, "application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml"), "pv.docx"},
		{"docx with vbaProject", sampleZip(t,
			zipPart{name: "word/document.xml", body: "<document/>"},
			zipPart{name: "word/vbaProject.bin", body: "\x00"}), "pv.docx"},
		{"odf template", sampleODF(t, "application/vnd.oasis.opendocument.text-template"), "modele.ott"},
		{"matroska", sampleEBML("matroska"), "film.mkv"},
		{"heic", sampleFtyp("heic", "mif1", "heic"), "IMG_0001.HEIC"},
		{"ogg unknown codec", sampleOgg("whatever"), "son.ogg"},
		{"lone mp3 sync bytes", append([]byte{0xff, 0xfb, 0x90, 0x00}, bytes.Repeat([]byte{0x41}, 600)...), "son.mp3"},
		{"random binary", bytes.Repeat([]byte{0x00, 0x01, 0x02, 0xfe}, 200), "photo.png"},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"), "archive.gz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Detect(tt.head, tt.filename)
			if !errors.Is(err, ErrUnsupportedType) {
				t.Fatalf("Detect = %+v, %v; want ErrUnsupportedType", got, err)
			}
			if got != (Type{}) {
				t.Errorf("Detect returned a type with its error: %+v", got)
			}
		})
	}
}

func TestDetectTextCutInsideRune(t *testing.T) {
	text := []byte(strings.Repeat("é", 100))
	if _, err := Detect(text[:len(text)-1], "notes.txt"); err != nil {
		t.Errorf("text cut in the middle of its last rune: %v", err)
	}
	if _, err := Detect(append(text[:len(text)-1], 'a'), "notes.txt"); err == nil {
		t.Error("broken rune inside the text was accepted")
	}
}

func TestDetectLongHead(t *testing.T) {
	// Callers may pass more than HeadSize bytes; the decision is the same.
	big := append(samplePNG(t, 2, 2), make([]byte, 2*HeadSize)...)
	got, err := Detect(big, "x.png")
	if err != nil || got.MIME != mimePNG {
		t.Fatalf("Detect = %+v, %v", got, err)
	}
}

func TestLimits(t *testing.T) {
	want := map[Kind]int64{
		KindImage: 10 << 20, KindPDF: 25 << 20, KindDocument: 25 << 20,
		KindAudio: 50 << 20, KindVideo: 200 << 20,
	}
	for k, n := range want {
		if got := LimitFor(k); got != n {
			t.Errorf("LimitFor(%q) = %d, want %d", k, got, n)
		}
		if LimitFor(k) > MaxUpload {
			t.Errorf("LimitFor(%q) is over MaxUpload", k)
		}
	}
	if LimitFor("archive") != 0 {
		t.Error("an unknown kind has a limit")
	}
	if MaxUpload != 200<<20 {
		t.Errorf("MaxUpload = %d", MaxUpload)
	}
}

func TestReadHeadThenPut(t *testing.T) {
	ctx := context.Background()
	d, _ := newDisk(t)
	for _, size := range []int{0, 10, HeadSize, HeadSize + 12345} {
		body := append(samplePNG(t, 2, 2), bytes.Repeat([]byte{7}, size)...)
		r := bytes.NewReader(body)
		head, err := ReadHead(r)
		if err != nil {
			t.Fatal(err)
		}
		if len(head) != min(len(body), HeadSize) {
			t.Errorf("ReadHead gave %d bytes of %d", len(head), len(body))
		}
		typ, err := Detect(head, "")
		if err != nil || typ.Kind != KindImage {
			t.Fatalf("Detect = %+v, %v", typ, err)
		}
		key := KeyFor("img")
		if _, err := d.Put(ctx, key, io.MultiReader(bytes.NewReader(head), r), LimitFor(typ.Kind)); err != nil {
			t.Fatal(err)
		}
		if got := readAll(t, d, key); !bytes.Equal(got, body) {
			t.Errorf("stored %d bytes, want %d", len(got), len(body))
		}
	}
	if _, err := ReadHead(&failingReader{sent: true}); err == nil {
		t.Error("ReadHead hid a read error")
	}
}
