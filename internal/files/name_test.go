package files

import (
	"mime"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafeName(t *testing.T) {
	pdf := typeOf(mimePDF)
	jpg := typeOf(mimeJPEG)
	docx := typeOf(mimeDOCX)
	txt := Type{MIME: mimeText, Kind: KindDocument, Ext: ".txt"}
	tests := []struct {
		name string
		in   string
		t    Type
		want string
	}{
		{"accents kept", "Procès-verbal de l'AGA.pdf", pdf, "Procès-verbal de l’AGA.pdf"},
		{"decomposed accents composed", "Re\u0301union de l\u2019e\u0301quipe.pdf", pdf, "Réunion de l’équipe.pdf"},
		{"unix path", "../../etc/passwd", pdf, "passwd.pdf"},
		{"windows path", `C:\Users\léa\Documents\rapport "final".docx`, docx, "rapport final.docx"},
		{"CR LF and tabs", "ligne 1\r\nContent-Type: texte\t.txt", txt, "ligne 1 Content-Type texte.txt"},
		{"quotes and windows-reserved", `a"b<c>d:e*f?g|h` + "`i.pdf", pdf, "abcdefghi.pdf"},
		{"bidi override cannot disguise an extension", "photo\u202egpj.exe", jpg, "photogpj.exe.jpg"},
		{"zero-width and NUL", "ra\u200bpport\x00.pdf", pdf, "rapport.pdf"},
		{"invalid UTF-8 dropped", "rapp\xffort.pdf", pdf, "rapport.pdf"},
		{"empty", "", pdf, "fichier.pdf"},
		{"only dots and spaces", " . .. ", pdf, "fichier.pdf"},
		{"only a slash", "/", jpg, "fichier.jpg"},
		{"hidden file", ".htaccess", txt, "htaccess.txt"},
		{"extension alias kept", "Photo.JPEG", jpg, "Photo.JPEG"},
		{"wrong extension kept, right one added", "photo.png", pdf, "photo.png.pdf"},
		{"date-like name", "Procès-verbal 2024.03.15", pdf, "Procès-verbal 2024.03.15.pdf"},
		{"no type", "notes de réunion.bin", Type{}, "notes de réunion.bin"},
		{"no type, empty", "\r\n", Type{}, "fichier"},
		{"spaces collapsed", "  a   b \u00a0 c.pdf  ", pdf, "a b c.pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SafeName(tt.in, tt.t)
			if got != tt.want {
				t.Errorf("SafeName(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := SafeName(got, tt.t); again != got {
				t.Errorf("SafeName is not idempotent: %q then %q", got, again)
			}
		})
	}
}

func TestSafeNameLong(t *testing.T) {
	pdf := typeOf(mimePDF)
	for _, in := range []string{
		strings.Repeat("é", 300) + ".pdf",
		strings.Repeat("Économie sociale ", 20) + ".pdf",
		strings.Repeat("x", 500),
		strings.Repeat("a.", 200) + "pdf",
	} {
		got := SafeName(in, pdf)
		if n := utf8.RuneCountInString(got); n > maxNameRunes {
			t.Errorf("SafeName gave %d runes: %q", n, got)
		}
		if !utf8.ValidString(got) {
			t.Errorf("SafeName cut a rune: %q", got)
		}
		if !strings.HasSuffix(got, ".pdf") {
			t.Errorf("SafeName lost the extension: %q", got)
		}
		if strings.HasSuffix(strings.TrimSuffix(got, ".pdf"), " ") {
			t.Errorf("SafeName left a space before the extension: %q", got)
		}
		if again := SafeName(got, pdf); again != got {
			t.Errorf("SafeName is not idempotent: %q then %q", got, again)
		}
	}
	if got := SafeName(strings.Repeat("é", 300)+".pdf", pdf); got != strings.Repeat("é", 116)+".pdf" {
		t.Errorf("long accented name = %q", got)
	}
}

func TestContentDisposition(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		t           Type
		want        string
		disposition string
		filename    string
	}{
		{
			name: "inline pdf with accents and apostrophe",
			in:   "Procès-verbal de l'AGA.pdf", t: typeOf(mimePDF),
			want:        `inline; filename="Proces-verbal de l'AGA.pdf"; filename*=UTF-8''Proc%C3%A8s-verbal%20de%20l%E2%80%99AGA.pdf`,
			disposition: "inline", filename: "Procès-verbal de l’AGA.pdf",
		},
		{
			name: "document is an attachment",
			in:   "Budget 2025 (révisé).xlsx", t: typeOf(mimeXLSX),
			want:        `attachment; filename="Budget 2025 (revise).xlsx"; filename*=UTF-8''Budget%202025%20%28r%C3%A9vis%C3%A9%29.xlsx`,
			disposition: "attachment", filename: "Budget 2025 (révisé).xlsx",
		},
		{
			name: "header injection",
			in:   "a\"; filename=evil.html\r\nSet-Cookie: x=1.txt", t: Type{MIME: mimeText, Kind: KindDocument, Ext: ".txt"},
			disposition: "attachment", filename: "a; filename=evil.html Set-Cookie x=1.txt",
		},
		{
			name: "non-latin script",
			in:   "会议记录 100%.pdf", t: typeOf(mimePDF),
			want:        `inline; filename="____ 100_.pdf"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E8%AE%B0%E5%BD%95%20100%25.pdf`,
			disposition: "inline", filename: "会议记录 100%.pdf",
		},
		{
			name: "ligature and backslash-free",
			in:   "Œuvre cœur.odt", t: typeOf(mimeODT),
			disposition: "attachment", filename: "Œuvre cœur.odt",
		},
		{
			name: "long name", in: strings.Repeat("é", 400) + ".mp3", t: typeOf(mimeMP3),
			disposition: "inline", filename: strings.Repeat("é", 116) + ".mp3",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ContentDisposition(tt.in, tt.t)
			if tt.want != "" && got != tt.want {
				t.Errorf("ContentDisposition =\n %s\nwant\n %s", got, tt.want)
			}
			if strings.ContainsAny(got, "\r\n\x00") {
				t.Fatalf("header value holds a line break: %q", got)
			}
			for i := 0; i < len(got); i++ {
				if got[i] < 0x20 || got[i] > 0x7e {
					t.Fatalf("header value is not printable ASCII: %q", got)
				}
			}
			// A standard parser reads it back: one disposition, the real name.
			disp, params, err := mime.ParseMediaType(got)
			if err != nil {
				t.Fatalf("ParseMediaType(%q): %v", got, err)
			}
			if disp != tt.disposition {
				t.Errorf("disposition = %q, want %q", disp, tt.disposition)
			}
			if params["filename"] != tt.filename {
				t.Errorf("filename = %q, want %q", params["filename"], tt.filename)
			}
			if len(params) != 1 {
				t.Errorf("unexpected parameters: %v", params)
			}
		})
	}
}
