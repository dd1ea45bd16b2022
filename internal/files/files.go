package files

import (
	"errors"
	"fmt"
	"io/fs"
)

// Errors returned by this package. They are compared with errors.Is; the
// returned errors wrap them with detail for the logs.
var (
	// ErrTooLarge: the content is over the size limit; nothing was kept.
	ErrTooLarge = errors.New("files: file too large")
	// ErrUnsupportedType: the content is not an accepted format, or is
	// markup, a script or an executable.
	ErrUnsupportedType = errors.New("files: unsupported file type")
	// ErrNotExist: no file under that key. It wraps fs.ErrNotExist so
	// errors.Is(err, fs.ErrNotExist) holds as well.
	ErrNotExist = fmt.Errorf("files: no such file: %w", fs.ErrNotExist)
	// ErrInvalidKey: a storage key that could escape the storage folder or
	// is not made of ID-like segments.
	ErrInvalidKey = errors.New("files: invalid storage key")
)

// Kind is the family of an attachment; it chooses the size limit and how
// the page shows it.
type Kind string

// Kinds of attachment.
const (
	KindImage    Kind = "image"
	KindPDF      Kind = "pdf"
	KindDocument Kind = "document"
	KindAudio    Kind = "audio"
	KindVideo    Kind = "video"
)

// Type is what Detect found in a file.
type Type struct {
	// MIME is the Content-Type to serve the file with.
	MIME string
	// Kind is the attachment family.
	Kind Kind
	// Ext is the usual file extension for the type, with its dot (".pdf").
	Ext string
	// Inline tells that the file is safe to show in the page (image, PDF,
	// audio, video); other kinds are only offered as downloads.
	Inline bool
}

const mib = 1 << 20

// MaxUpload is the largest upload of any kind; an HTTP handler can cap the
// request body with it before the type is known.
const MaxUpload int64 = 200 * mib

// HeadSize is how many leading bytes Detect and ImageSize can use. Callers
// should read up to this much (less for a shorter file): a phone JPEG can
// carry tens of kilobytes of EXIF before its dimensions, and an office
// document may list its parts after a few entries.
const HeadSize = 64 << 10

// LimitFor returns the largest accepted size in bytes for kind k, or 0 for
// an unknown kind (so nothing of an unknown kind can be stored).
func LimitFor(k Kind) int64 {
	switch k {
	case KindImage:
		return 10 * mib
	case KindPDF, KindDocument:
		return 25 * mib
	case KindAudio:
		return 50 * mib
	case KindVideo:
		return MaxUpload
	}
	return 0
}
