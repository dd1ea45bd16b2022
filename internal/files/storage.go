package files

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
)

// Storage keeps file bytes by key. Keys are opaque, made by the caller
// from IDs (see KeyFor), never from user file names. Implementations are
// safe for concurrent use.
type Storage interface {
	// Put stores the bytes of r under key, replacing any previous file.
	// It is atomic: readers see the old file, or the new one whole. When
	// r holds more than maxBytes, it returns ErrTooLarge and keeps nothing.
	Put(ctx context.Context, key string, r io.Reader, maxBytes int64) (written int64, err error)
	// Open returns the file under key; ErrNotExist when there is none.
	Open(ctx context.Context, key string) (File, error)
	// Delete removes the file under key; a missing file is not an error.
	Delete(ctx context.Context, key string) error
}

// File is a stored file open for reading. It fits http.ServeContent,
// which uses Seek for range requests and ModTime for caching.
type File interface {
	io.ReadSeekCloser
	// Size is the length in bytes.
	Size() int64
	// ModTime is when the file was stored.
	ModTime() time.Time
}

// KeyFor returns the storage key of the file with the given ID: two levels
// of folders from a hash of the ID, then the ID. Maillage IDs begin with a
// timestamp, so hashing spreads files evenly across folders instead of
// piling a day's uploads into one.
func KeyFor(id string) string {
	sum := sha256.Sum256([]byte(id))
	h := hex.EncodeToString(sum[:2])
	return h[0:2] + "/" + h[2:4] + "/" + id
}

// maxKeyLen and maxSegmentLen keep keys within what file systems and
// object stores accept.
const (
	maxKeyLen     = 512
	maxSegmentLen = 255
)

// ValidKey checks that key is made of non-empty "/"-separated segments of
// ASCII letters, digits, "-", "_" and ".", none starting with ".". That
// rules out "..", absolute paths, backslashes, drive letters and hidden
// names, so a key can never leave the storage folder, whatever the
// storage.
func ValidKey(key string) error {
	if key == "" || len(key) > maxKeyLen {
		return fmt.Errorf("%w: %q", ErrInvalidKey, key)
	}
	for seg := range strings.SplitSeq(key, "/") {
		if seg == "" || seg[0] == '.' || len(seg) > maxSegmentLen {
			return fmt.Errorf("%w: %q", ErrInvalidKey, key)
		}
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
				return fmt.Errorf("%w: %q", ErrInvalidKey, key)
			}
		}
	}
	return nil
}
