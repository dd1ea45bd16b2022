package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var staticFS embed.FS

// staticFiles serves the embedded assets under content-hash URLs
// (/static/<hash>/css/app.css): a new version gets a new URL, so browsers
// may keep each one for a year without ever showing a stale file.
type staticFiles struct {
	files map[string]staticFile // by path under static/
}

type staticFile struct {
	body        []byte
	hash        string
	contentType string
}

// staticPrefix is where assets are mounted.
const staticPrefix = "/static/"

func newStaticFiles() (*staticFiles, error) {
	sf := &staticFiles{files: map[string]staticFile{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".md") {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		sum := sha256.Sum256(body)
		ct := mime.TypeByExtension(path.Ext(p))
		switch path.Ext(p) {
		// Pinned rather than left to the system's MIME table, which
		// varies between machines.
		case ".css":
			ct = "text/css; charset=utf-8"
		case ".js":
			ct = "text/javascript; charset=utf-8"
		case ".svg":
			ct = "image/svg+xml"
		}
		if ct == "" {
			ct = "application/octet-stream"
		}
		sf.files[strings.TrimPrefix(p, "static/")] = staticFile{body: body, hash: hex.EncodeToString(sum[:])[:12], contentType: ct}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sf, nil
}

// URL returns the content-hash URL of an asset, for templates. An unknown
// name fails the page's rendering, which every page test catches.
func (sf *staticFiles) URL(name string) (string, error) {
	f, ok := sf.files[name]
	if !ok {
		return "", fmt.Errorf("unknown static file %q", name)
	}
	return staticPrefix + f.hash + "/" + name, nil
}

// ServeHTTP answers GET /static/{hash}/{path...}. A URL with an old hash
// still gets the current file (a page cached during a deploy keeps its
// look) but is not cached for long.
func (sf *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hash, name := r.PathValue("hash"), r.PathValue("path")
	f, ok := sf.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	if hash == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, max-age=300")
	}
	h.Set("ETag", `"`+f.hash+`"`)
	if match := r.Header.Get("If-None-Match"); match == `"`+f.hash+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(f.body)
}
