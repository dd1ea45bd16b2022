package files

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"io"
)

// Local file header of a zip archive (APPNOTE 4.3.7): fixed part length
// and the offsets used here.
const (
	zipLocalLen   = 30
	zipLocalSig   = "PK\x03\x04"
	zipDescSig    = "PK\x07\x08"
	zipMethodDefl = 8
)

// zipEntry is one local header found in the first bytes of an archive.
type zipEntry struct {
	name   string
	method uint16
	size   int    // compressed size; -1 when a data descriptor follows instead
	data   []byte // from the start of the data to the end of head
}

// zipEntries walks the local headers that fit in head. Headers written
// with a data descriptor (as streaming writers do) carry no size, so the
// next header is then searched for; a false match only yields a name that
// no check below accepts.
func zipEntries(head []byte, yield func(zipEntry) bool) {
	off := 0
	for off+zipLocalLen <= len(head) && string(head[off:off+4]) == zipLocalSig {
		h := head[off:]
		flags := binary.LittleEndian.Uint16(h[6:])
		method := binary.LittleEndian.Uint16(h[8:])
		csize := int(binary.LittleEndian.Uint32(h[18:]))
		nameLen := int(binary.LittleEndian.Uint16(h[26:]))
		extraLen := int(binary.LittleEndian.Uint16(h[28:]))
		dataStart := zipLocalLen + nameLen + extraLen
		if dataStart > len(h) {
			return
		}
		e := zipEntry{name: string(h[zipLocalLen : zipLocalLen+nameLen]), method: method, size: csize, data: h[dataStart:]}
		if flags&0x8 != 0 {
			e.size = -1
		}
		if !yield(e) {
			return
		}
		if e.size >= 0 {
			off += dataStart + e.size
			continue
		}
		next := bytes.Index(h[dataStart:], []byte(zipLocalSig))
		if next < 0 {
			return
		}
		off += dataStart + next
	}
}

// content returns the entry's uncompressed bytes that head holds, at most
// limit of them. A deflate stream cut by the end of head still yields what
// came before the cut.
func (e zipEntry) content(limit int64) []byte {
	data := e.data
	if e.size >= 0 && e.size < len(data) {
		data = data[:e.size]
	}
	switch e.method {
	case 0:
		return data[:min(int64(len(data)), limit)]
	case zipMethodDefl:
		out, _ := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(data)), limit))
		return out
	}
	return nil
}

// detectOffice recognises OpenDocument and Office Open XML files among zip
// archives; any other archive is refused. Documents with macros are
// refused too: they can run code once opened.
func detectOffice(head []byte) (mime, what string) {
	what = "zip archive"
	zipEntries(head, func(e zipEntry) bool {
		switch e.name {
		case "mimetype":
			// OpenDocument stores its MIME type first, uncompressed.
			mime = odfType(e)
			return false
		case "[Content_Types].xml":
			m, w := ooxmlContentTypes(e.content(HeadSize))
			if m == "" && w == "" {
				return true // no main part named: let the part names decide
			}
			mime, what = m, w
			return false
		case "word/document.xml":
			mime = mimeDOCX
		case "xl/workbook.xml":
			mime = mimeXLSX
		case "ppt/presentation.xml":
			mime = mimePPTX
		case "word/vbaProject.bin", "xl/vbaProject.bin", "ppt/vbaProject.bin":
			mime, what = "", "office document with macros"
			return false
		}
		return true
	})
	return mime, what
}

// odfType reads the mimetype entry of an OpenDocument file.
func odfType(e zipEntry) string {
	data := e.content(128)
	if e.size < 0 {
		// Without a size the value ends where the data descriptor starts.
		if i := bytes.Index(data, []byte(zipDescSig)); i >= 0 {
			data = data[:i]
		}
	}
	switch string(data) {
	case mimeODT, mimeODS, mimeODP:
		return string(data)
	}
	return ""
}

// ooxmlContentTypes reads [Content_Types].xml, which names the main part
// of an Office Open XML package and whether it holds macros.
func ooxmlContentTypes(xml []byte) (mime, what string) {
	switch {
	case bytes.Contains(xml, []byte("vbaProject")), bytes.Contains(xml, []byte("macroEnabled")):
		return "", "office document with macros"
	case bytes.Contains(xml, []byte("wordprocessingml.document.main+xml")):
		return mimeDOCX, ""
	case bytes.Contains(xml, []byte("spreadsheetml.sheet.main+xml")):
		return mimeXLSX, ""
	case bytes.Contains(xml, []byte("presentationml.presentation.main+xml")):
		return mimePPTX, ""
	}
	return "", ""
}
