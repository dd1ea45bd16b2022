package files

import (
	"bytes"
	"encoding/binary"
	"strings"
)

// isFtyp reports whether head starts with an ISO base media "ftyp" box
// (MP4, M4A, QuickTime, 3GP, AVIF ...).
func isFtyp(head []byte) bool {
	return len(head) >= 16 && string(head[4:8]) == "ftyp"
}

// detectFtyp reads the brands of the ftyp box. net/http only knows brands
// starting with "mp4", which misses "isom" (most cameras and phones),
// QuickTime and audio-only M4A files.
func detectFtyp(head []byte, ext string) (mime, what string) {
	size := int(binary.BigEndian.Uint32(head[0:4]))
	if size < 16 || size%4 != 0 {
		return "", "malformed ftyp box"
	}
	end := min(size, len(head))
	major := string(head[8:12])
	brands := []string{major}
	for i := 16; i+4 <= end; i += 4 {
		brands = append(brands, string(head[i:i+4]))
	}
	switch {
	case major == "avif" || major == "avis":
		return mimeAVIF, ""
	case major == "M4A " || major == "M4B ":
		return mimeM4A, ""
	case major == "qt  ":
		return mimeMOV, ""
	case strings.HasPrefix(major, "3gp"):
		return mime3GP, ""
	}
	// HEIC and other image brands fall through to the compatible brands
	// only if they also claim to be an MP4 movie, which they do not.
	for _, b := range brands {
		if mp4Brand(b) {
			if ext == ".m4a" {
				// Same container, only sound: the name tells which.
				return mimeM4A, ""
			}
			return mimeMP4, ""
		}
	}
	return "", "ftyp brand " + strings.TrimSpace(major)
}

// mp4Brand reports whether an ftyp brand denotes an MP4 movie browsers play.
func mp4Brand(b string) bool {
	switch b {
	case "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VP", "dash", "MSNV":
		return true
	}
	return false
}

// detectOgg looks at the first packet of an Ogg stream to tell the codec:
// an Ogg page header is 27 bytes plus one byte per segment.
func detectOgg(head []byte) (mime, what string) {
	if len(head) < 27 {
		return "", "truncated Ogg page"
	}
	start := 27 + int(head[26])
	if start > len(head) {
		return "", "truncated Ogg page"
	}
	packet := head[start:]
	switch {
	case bytes.HasPrefix(packet, []byte("OpusHead")):
		return mimeOpus, ""
	case bytes.HasPrefix(packet, []byte("\x01vorbis")), bytes.HasPrefix(packet, []byte("\x7fFLAC")),
		bytes.HasPrefix(packet, []byte("Speex   ")):
		return mimeOGA, ""
	case bytes.HasPrefix(packet, []byte("\x80theora")):
		return mimeOGV, ""
	}
	return "", "unknown Ogg codec"
}

// detectEBML reads the DocType of an EBML header: "webm" is accepted,
// other Matroska files are not played by all browsers and are refused.
func detectEBML(head []byte) (mime, what string) {
	// The header's size follows its 4-byte ID; DocType (0x4282) is inside.
	n, hsize := vint(head[4:])
	if n == 0 {
		return "", "malformed EBML header"
	}
	body := head[4+n:]
	if hsize < uint64(len(body)) {
		body = body[:hsize]
	}
	for i := 0; i < len(body); {
		idLen, _ := vint(body[i:]) // an ID is coded like a size, marker kept
		if idLen == 0 || idLen > 4 {
			break
		}
		n, size := vint(body[i+idLen:])
		if n == 0 || size > uint64(len(body)) {
			break
		}
		dataStart := i + idLen + n
		dataEnd := dataStart + int(size)
		if dataEnd > len(body) {
			break
		}
		if idLen == 2 && body[i] == 0x42 && body[i+1] == 0x82 {
			doc := string(body[dataStart:dataEnd])
			if doc == "webm" {
				return mimeWebM, ""
			}
			return "", "EBML document type " + doc
		}
		i = dataEnd
	}
	return "", "EBML without document type"
}

// vint decodes an EBML variable-size integer: the count of leading zero
// bits of the first byte gives the length. n is 0 when b is too short.
func vint(b []byte) (n int, v uint64) {
	if len(b) == 0 || b[0] == 0 {
		return 0, 0
	}
	for n = 1; b[0]&(0x80>>(n-1)) == 0; n++ {
	}
	if len(b) < n {
		return 0, 0
	}
	v = uint64(b[0] & (0xff >> n))
	for _, c := range b[1:n] {
		v = v<<8 | uint64(c)
	}
	return n, v
}

// MPEG-1 and MPEG-2/2.5 Layer III bit rates (kbit/s) and sample rates (Hz).
func mp3Rates(version byte, brIndex, srIndex byte) (bitrate, sampleRate int) {
	v1 := [...]int{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
	v2 := [...]int{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
	switch version {
	case 3: // MPEG-1
		return v1[brIndex], [...]int{44100, 48000, 32000}[srIndex]
	case 2: // MPEG-2
		return v2[brIndex], [...]int{22050, 24000, 16000}[srIndex]
	default: // MPEG-2.5
		return v2[brIndex], [...]int{11025, 12000, 8000}[srIndex]
	}
}

// mpegAudio recognises an MP3 or AAC (ADTS) stream without an ID3 tag by
// its frame header. Eleven set bits are easy to meet by chance, so when the
// head is long enough the next frame must start where this one says it ends.
func mpegAudio(head []byte) string {
	if len(head) < 7 || head[0] != 0xff || head[1]&0xe0 != 0xe0 {
		return ""
	}
	if head[1]&0xf6 == 0xf0 { // 12-bit sync, layer 00: ADTS
		if (head[2]>>2)&0x0f > 12 {
			return ""
		}
		frameLen := int(head[3]&3)<<11 | int(head[4])<<3 | int(head[5]>>5)
		if frameLen < 7 || !nextSync(head, frameLen, 0xf6, 0xf0) {
			return ""
		}
		return mimeAAC
	}
	version := (head[1] >> 3) & 3
	layer := (head[1] >> 1) & 3
	brIndex := head[2] >> 4
	srIndex := (head[2] >> 2) & 3
	if version == 1 || layer != 1 || brIndex == 0 || brIndex == 15 || srIndex == 3 {
		return ""
	}
	bitrate, sampleRate := mp3Rates(version, brIndex, srIndex)
	per := 144000
	if version != 3 {
		per = 72000
	}
	frameLen := per*bitrate/sampleRate + int(head[2]>>1&1)
	if !nextSync(head, frameLen, 0xfe, head[1]&0xfe) { // same version and layer
		return ""
	}
	return mimeMP3
}

// nextSync reports whether the frame at off starts with a sync word
// (0xff, then the bits of mask equal to want), or lies beyond head.
func nextSync(head []byte, off int, mask, want byte) bool {
	if off+1 >= len(head) {
		return true
	}
	return head[off] == 0xff && head[off+1]&mask == want
}
