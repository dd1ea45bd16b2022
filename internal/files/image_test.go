package files

import "testing"

func TestImageSize(t *testing.T) {
	tests := []struct {
		name string
		head []byte
		w, h int
		ok   bool
	}{
		{"png", samplePNG(t, 3, 2), 3, 2, true},
		{"jpeg", sampleJPEG(t, 17, 9), 17, 9, true},
		{"gif", sampleGIF(t, 5, 4), 5, 4, true},
		{"webp lossless", sampleWebP(640, 480), 640, 480, true},
		{"truncated png", samplePNG(t, 3, 2)[:12], 0, 0, false},
		{"pdf", []byte(samplePDF), 0, 0, false},
		{"empty", nil, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, h, ok := ImageSize(tt.head)
			if w != tt.w || h != tt.h || ok != tt.ok {
				t.Errorf("ImageSize = %d, %d, %v; want %d, %d, %v", w, h, ok, tt.w, tt.h, tt.ok)
			}
		})
	}
}

func TestImageSizeWebPLossyAndExtended(t *testing.T) {
	lossy := []byte("RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00\x10\x02\x00\x9d\x01\x2a\x80\x02\xe0\x01")
	if w, h, ok := ImageSize(lossy); !ok || w != 640 || h != 480 {
		t.Errorf("lossy WebP: %d, %d, %v", w, h, ok)
	}
	ext := []byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x10\x00\x00\x00\x7f\x07\x00\x37\x04\x00")
	if w, h, ok := ImageSize(ext); !ok || w != 1920 || h != 1080 {
		t.Errorf("extended WebP: %d, %d, %v", w, h, ok)
	}
}
