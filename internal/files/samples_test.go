package files

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"
)

// Minimal but real files of each accepted format, built in memory.

func testImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x * 40), uint8(y * 40), 200, 255})
		}
	}
	return img
}

func samplePNG(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, testImage(w, h)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sampleJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, testImage(w, h), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sampleGIF(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, testImage(w, h), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sampleWebP is a lossless WebP header for a w×h canvas (the bitstream
// after the size fields is not needed to detect or measure it).
func sampleWebP(w, h int) []byte {
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(4+8+5+3))
	b.WriteString("WEBPVP8L")
	binary.Write(&b, binary.LittleEndian, uint32(5+3))
	b.WriteByte(0x2f)
	binary.Write(&b, binary.LittleEndian, uint32(w-1)|uint32(h-1)<<14)
	b.Write([]byte{0, 0, 0})
	return b.Bytes()
}

const samplePDF = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
	"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"

type zipPart struct {
	name, body string
	stored     bool // written uncompressed with its size in the local header
}

func sampleZip(t testing.TB, parts ...zipPart) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		if p.stored {
			// CreateRaw with known sizes writes no data descriptor, as
			// OpenDocument requires for its mimetype entry.
			w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Store,
				CRC32: crc32.ChecksumIEEE([]byte(p.body)), CompressedSize64: uint64(len(p.body)), UncompressedSize64: uint64(len(p.body))})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(p.body))
			continue
		}
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func contentTypes(main string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/main.xml" ContentType="` + main + `"/>
</Types>`
}

func sampleOOXML(t testing.TB, mainType, mainPart string) []byte {
	return sampleZip(t,
		zipPart{name: "[Content_Types].xml", body: contentTypes(mainType)},
		zipPart{name: "_rels/.rels", body: `<Relationships/>`},
		zipPart{name: mainPart, body: `<document/>`},
	)
}

func sampleODF(t testing.TB, mime string) []byte {
	return sampleZip(t,
		zipPart{name: "mimetype", body: mime, stored: true},
		zipPart{name: "content.xml", body: `<office:document-content/>`},
		zipPart{name: "META-INF/manifest.xml", body: `<manifest:manifest/>`},
	)
}

// sampleMP3ID3 is an ID3v2.4 tag followed by one MPEG-1 Layer III frame.
func sampleMP3ID3() []byte {
	b := []byte("ID3\x04\x00\x00\x00\x00\x00\x0a")
	b = append(b, make([]byte, 10)...)
	return append(b, mp3Frame()...)
}

// mp3Frame is an MPEG-1 Layer III frame, 128 kbit/s, 44.1 kHz: 417 bytes.
func mp3Frame() []byte {
	f := make([]byte, 417)
	copy(f, []byte{0xff, 0xfb, 0x90, 0x00})
	return f
}

func sampleWAV() []byte {
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(36+4))
	b.WriteString("WAVEfmt ")
	writeLE(&b, uint32(16), uint16(1), uint16(1), uint32(8000), uint32(16000), uint16(2), uint16(16))
	b.WriteString("data")
	binary.Write(&b, binary.LittleEndian, uint32(4))
	b.Write([]byte{0, 0, 0, 0})
	return b.Bytes()
}

// sampleOgg is a first Ogg page holding one packet.
func sampleOgg(packet string) []byte {
	var b bytes.Buffer
	b.WriteString("OggS")
	b.Write([]byte{0, 2})                        // version, beginning of stream
	b.Write(make([]byte, 8))                     // granule position
	writeLE(&b, uint32(1), uint32(0), uint32(0)) // serial, sequence, CRC
	b.WriteByte(1)
	b.WriteByte(byte(len(packet)))
	b.WriteString(packet)
	return b.Bytes()
}

// sampleFtyp is an ftyp box with a major brand and compatible brands,
// followed by an empty mdat box.
func sampleFtyp(major string, compatible ...string) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(16+4*len(compatible)))
	b.WriteString("ftyp" + major)
	binary.Write(&b, binary.BigEndian, uint32(0x200))
	for _, c := range compatible {
		b.WriteString(c)
	}
	binary.Write(&b, binary.BigEndian, uint32(8))
	b.WriteString("mdat")
	return b.Bytes()
}

// sampleEBML is a Matroska EBML header with the given DocType, then the
// start of a Segment.
func sampleEBML(docType string) []byte {
	body := []byte{0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08}
	body = append(body, 0x42, 0x82, 0x80|byte(len(docType)))
	body = append(body, docType...)
	body = append(body, 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02)
	b := []byte{0x1a, 0x45, 0xdf, 0xa3, 0x80 | byte(len(body))}
	b = append(b, body...)
	return append(b, 0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
}

// writeLE writes fixed-size values in little-endian order.
func writeLE(b *bytes.Buffer, values ...any) {
	for _, v := range values {
		if err := binary.Write(b, binary.LittleEndian, v); err != nil {
			panic(err)
		}
	}
}
