package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/maillage/maillage"

// imports returns, for every non-test Go file under dir (relative to the
// internal folder), the import paths it names.
func imports(t *testing.T, dir string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	root := filepath.Join("..", dir)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return err
			}
			out[path] = append(out[path], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("no Go file found under %s", root)
	}
	return out
}

// TestFrontEndsDoNotImportTheStore: the web pages and the API speak to the
// services only; the SQL, and the types it reads into, stay behind them.
// Domain types the front ends show live in internal/maillage.
func TestFrontEndsDoNotImportTheStore(t *testing.T) {
	for _, dir := range []string{"web", "api"} {
		for file, paths := range imports(t, dir) {
			for _, p := range paths {
				if p == module+"/internal/store" || strings.HasPrefix(p, module+"/internal/store/") {
					t.Errorf("%s imports %s: use the service and the domain types of internal/maillage", file, p)
				}
			}
		}
	}
}

// TestDomainUsesStandardLibraryOnly: internal/maillage (the domain types
// and the access policy) depends on nothing but the standard library.
func TestDomainUsesStandardLibraryOnly(t *testing.T) {
	for file, paths := range imports(t, "maillage") {
		for _, p := range paths {
			if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ".") {
				t.Errorf("%s imports %s: the domain package uses the standard library only", file, p)
			}
		}
	}
}

// TestTheCheckSeesImports guards the test itself: it must find the
// imports that do exist, or it would pass on anything.
func TestTheCheckSeesImports(t *testing.T) {
	found := false
	for _, paths := range imports(t, "web") {
		for _, p := range paths {
			if p == module+"/internal/service" {
				found = true
			}
		}
	}
	if !found {
		t.Fatal("internal/web seems not to import internal/service: the import check reads nothing")
	}
	if _, err := os.Stat(filepath.Join("..", "store")); err != nil {
		t.Fatal(err)
	}
}
