package files

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// Disk is a Storage keeping files in a folder, one file per key, with the
// key's segments as sub-folders.
type Disk struct {
	dir string
	tmp string
}

var _ Storage = (*Disk)(nil)

// tmpDir holds files being written. Keys cannot start with ".", so it
// never clashes with a key, and it is on the same file system as the
// files, which makes the final rename atomic.
const tmpDir = ".tmp"

// staleTemp is the age past which a temporary file can only be the
// leftover of a crash (an upload does not take a day).
const staleTemp = 24 * time.Hour

// NewDisk returns a Disk storing under dir, creating it (mode 0750) if
// needed. Temporary files left by a crash are removed.
func NewDisk(dir string) (*Disk, error) {
	if dir == "" {
		return nil, errors.New("files: no storage folder")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("files: storage folder: %w", err)
	}
	d := &Disk{dir: abs, tmp: filepath.Join(abs, tmpDir)}
	if err := os.MkdirAll(d.tmp, 0o750); err != nil {
		return nil, fmt.Errorf("files: create storage folder: %w", err)
	}
	if err := d.removeStale(time.Now().Add(-staleTemp)); err != nil {
		return nil, err
	}
	return d, nil
}

// Dir returns the absolute storage folder, for backups.
func (d *Disk) Dir() string { return d.dir }

// removeStale deletes temporary files older than before. Younger ones may
// belong to another process writing to the same folder right now.
func (d *Disk) removeStale(before time.Time) error {
	entries, err := os.ReadDir(d.tmp)
	if err != nil {
		return fmt.Errorf("files: read temporary folder: %w", err)
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || info.ModTime().After(before) {
			continue
		}
		if err := os.Remove(filepath.Join(d.tmp, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("files: remove stale temporary file: %w", err)
		}
	}
	return nil
}

// path returns the file path of a valid key.
func (d *Disk) path(key string) (string, error) {
	if err := ValidKey(key); err != nil {
		return "", err
	}
	return filepath.Join(d.dir, filepath.FromSlash(key)), nil
}

// Put implements Storage. The bytes go to a temporary file, which is
// synced to disk and only then renamed to its key, so neither a crash nor
// an upload over maxBytes (or cut short, or cancelled) leaves a partial
// file under the key.
func (d *Disk) Put(ctx context.Context, key string, r io.Reader, maxBytes int64) (written int64, err error) {
	final, err := d.path(key)
	if err != nil {
		return 0, err
	}
	if maxBytes <= 0 {
		return 0, fmt.Errorf("files: put %s: size limit %d is not positive", key, maxBytes)
	}
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("files: put %s: %w", key, err)
	}
	if err := os.MkdirAll(filepath.Dir(final), 0o750); err != nil {
		return 0, fmt.Errorf("files: put %s: %w", key, err)
	}
	tmp, err := os.CreateTemp(d.tmp, "put-*")
	if err != nil {
		return 0, fmt.Errorf("files: put %s: %w", key, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()

	// One byte past the limit is enough to know it is too large without
	// reading (or storing) the rest.
	n, err := io.Copy(tmp, io.LimitReader(ctxReader{ctx, r}, maxBytes+1))
	if err != nil {
		return 0, fmt.Errorf("files: put %s: %w", key, err)
	}
	if n > maxBytes {
		return 0, fmt.Errorf("files: put %s: %w (limit %d bytes)", key, ErrTooLarge, maxBytes)
	}
	if err = tmp.Chmod(0o640); err != nil {
		return 0, fmt.Errorf("files: put %s: %w", key, err)
	}
	if err = tmp.Sync(); err != nil {
		return 0, fmt.Errorf("files: put %s: sync: %w", key, err)
	}
	if err = tmp.Close(); err != nil {
		return 0, fmt.Errorf("files: put %s: close: %w", key, err)
	}
	if err = os.Rename(tmp.Name(), final); err != nil {
		return 0, fmt.Errorf("files: put %s: %w", key, err)
	}
	syncDir(filepath.Dir(final))
	return n, nil
}

// syncDir makes a rename in dir durable. It is best effort: some systems
// cannot sync a folder, and the rename is atomic either way.
func syncDir(dir string) {
	f, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = f.Sync()
	_ = f.Close()
}

// ctxReader stops a copy when its context ends, so a cancelled upload
// stops writing to disk.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

// Read implements io.Reader.
func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// Open implements Storage.
func (d *Disk) Open(ctx context.Context, key string) (File, error) {
	p, err := d.path(key)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("files: open %s: %w", key, err)
	}
	f, err := os.Open(p)
	if missing(err) {
		return nil, fmt.Errorf("%w: %s", ErrNotExist, key)
	}
	if err != nil {
		return nil, fmt.Errorf("files: open %s: %w", key, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("files: open %s: %w", key, err)
	}
	if !info.Mode().IsRegular() {
		// A key that names a folder ("ab" when "ab/cd/x" exists) holds no file.
		f.Close()
		return nil, fmt.Errorf("%w: %s", ErrNotExist, key)
	}
	return &diskFile{File: f, size: info.Size(), modTime: info.ModTime()}, nil
}

// diskFile is an open file with the size and time read when it was opened.
type diskFile struct {
	*os.File
	size    int64
	modTime time.Time
}

// Size implements File.
func (f *diskFile) Size() int64 { return f.size }

// ModTime implements File.
func (f *diskFile) ModTime() time.Time { return f.modTime }

// Delete implements Storage. The hash folders are left in place: they are
// shared by many keys and soon reused.
func (d *Disk) Delete(ctx context.Context, key string) error {
	p, err := d.path(key)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("files: delete %s: %w", key, err)
	}
	info, err := os.Lstat(p)
	if missing(err) || err == nil && info.IsDir() {
		return nil // a folder is not a stored file: nothing to delete
	}
	if err != nil {
		return fmt.Errorf("files: delete %s: %w", key, err)
	}
	if err := os.Remove(p); err != nil && !missing(err) {
		return fmt.Errorf("files: delete %s: %w", key, err)
	}
	return nil
}

// missing reports whether err means there is no file at the path, counting
// a path going through a file ("a/b" when "a" is a file).
func missing(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}
