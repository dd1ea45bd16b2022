package files

import (
	"bytes"
	"encoding/binary"
	"image"
	// Decoders registered for image.DecodeConfig.
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"
)

// maxImageSide rejects absurd dimensions from a corrupt or hostile header
// before they reach width/height attributes.
const maxImageSide = 1 << 16

// ImageSize returns the width and height in pixels of a PNG, JPEG, GIF or
// WebP image from its first bytes (up to HeadSize), so pages can set width
// and height on <img> and not jump while it loads. Only the header is
// decoded. ok is false for other formats or when head stops too early.
func ImageSize(head []byte) (w, h int, ok bool) {
	if w, h, ok := webpSize(head); ok {
		return w, h, true
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(head))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxImageSide || cfg.Height > maxImageSide {
		return 0, 0, false
	}
	return cfg.Width, cfg.Height, true
}

// webpSize reads a WebP canvas size from the first chunk (RIFF header of
// 12 bytes, then chunk type, size and data from offset 20), which the
// standard library has no decoder for.
func webpSize(b []byte) (w, h int, ok bool) {
	if len(b) < 25 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WEBP" {
		return 0, 0, false
	}
	chunk := string(b[12:16])
	if chunk != "VP8L" && len(b) < 30 {
		return 0, 0, false
	}
	switch chunk {
	case "VP8 ": // lossy: frame tag (3), start code 9d 01 2a, 14-bit sizes
		if b[23] != 0x9d || b[24] != 0x01 || b[25] != 0x2a {
			return 0, 0, false
		}
		w = int(binary.LittleEndian.Uint16(b[26:]) & 0x3fff)
		h = int(binary.LittleEndian.Uint16(b[28:]) & 0x3fff)
	case "VP8L": // lossless: signature 0x2f, then width-1 and height-1 on 14 bits
		if b[20] != 0x2f {
			return 0, 0, false
		}
		bits := binary.LittleEndian.Uint32(b[21:])
		w = int(bits&0x3fff) + 1
		h = int(bits>>14&0x3fff) + 1
	case "VP8X": // extended: flags (1), reserved (3), canvas width-1, height-1 on 24 bits
		w = int(uint32(b[24])|uint32(b[25])<<8|uint32(b[26])<<16) + 1
		h = int(uint32(b[27])|uint32(b[28])<<8|uint32(b[29])<<16) + 1
	default:
		return 0, 0, false
	}
	if w <= 0 || h <= 0 || w > maxImageSide || h > maxImageSide {
		return 0, 0, false
	}
	return w, h, true
}
