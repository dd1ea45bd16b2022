// Package browser drives a headless Chromium for end-to-end tests.
//
// A test calls New to get a chromedp context bound to a fresh browser, then
// runs chromedp actions against pages served by the real program (or an
// httptest server) on 127.0.0.1:
//
//	ctx := browser.New(t)
//	browser.Do(t, ctx, chromedp.Navigate(srv.URL+"/"))
//	if got := browser.Text(t, ctx, "h1"); got != "Accueil" { ... }
//
// Finding the browser: MAILLAGE_CHROMIUM if set, else /usr/bin/chromium, else
// "chromium" (then "chromium-browser") on PATH. When none is found the test is
// skipped, or fails when MAILLAGE_REQUIRE_BROWSER=1 (CI sets it, so a missing
// browser can never turn the suite silently green).
//
// Every uncaught JavaScript exception or unhandled promise rejection on a page
// fails the test when it ends. console.error calls and browser log errors
// (failed requests, blocked content) are logged with t.Log.
//
// The browser runs headless with a 1280x900 window and asks for French
// (--lang=fr-CA, so Accept-Language starts with fr-CA); emulate a phone with
// chromedp.EmulateViewport(360, 780).
//
// When MAILLAGE_SCREENSHOTS names a directory, a full-page PNG of the current
// page is written there when a test fails, and Screenshot writes there too.
package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Timeout bounds everything one test does with its browser, start-up
// included. The accessibility test visits about fifty pages (under 20 s
// here); the margin is for slower, busier CI machines.
const Timeout = 3 * time.Minute

// Window size of the browser, in CSS pixels.
const (
	Width  = 1280
	Height = 900
)

// Environment variables read by this package.
const (
	EnvChromium    = "MAILLAGE_CHROMIUM"
	EnvRequire     = "MAILLAGE_REQUIRE_BROWSER"
	EnvScreenshots = "MAILLAGE_SCREENSHOTS"
)

// FindChromium returns the path of the Chromium executable, or "" when there
// is none.
func FindChromium() string {
	if p := os.Getenv(EnvChromium); p != "" {
		if lp, err := exec.LookPath(p); err == nil {
			return lp
		}
		return ""
	}
	if st, err := os.Stat("/usr/bin/chromium"); err == nil && !st.IsDir() {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// recorder collects what the page reported while the test ran. Its methods
// are called from chromedp's event loop, so they only append under a lock.
type recorder struct {
	mu         sync.Mutex
	exceptions []string
	errors     []string
}

func (r *recorder) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		r.add(&r.exceptions, exceptionText(ev.ExceptionDetails))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			r.add(&r.errors, "console."+string(ev.Type)+": "+argsText(ev.Args))
		}
	case *log.EventEntryAdded:
		if ev.Entry != nil && ev.Entry.Level == log.EntryLevelError {
			msg := ev.Entry.Text
			if ev.Entry.URL != "" {
				msg += " (" + ev.Entry.URL + ")"
			}
			r.add(&r.errors, "log: "+msg)
		}
	}
}

func (r *recorder) add(dst *[]string, s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	*dst = append(*dst, s)
}

func (r *recorder) snapshot() (exceptions, errors []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.exceptions...), append([]string(nil), r.errors...)
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "unknown exception"
	}
	text := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		text += " " + d.Exception.Description
	}
	where := d.URL
	if where == "" && d.StackTrace != nil && len(d.StackTrace.CallFrames) > 0 {
		where = d.StackTrace.CallFrames[0].URL
	}
	return fmt.Sprintf("%s (at %s:%d:%d)", strings.TrimSpace(text), where, d.LineNumber+1, d.ColumnNumber+1)
}

func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case a == nil:
		case len(a.Value) > 0:
			parts = append(parts, strings.Trim(string(a.Value), `"`))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// New starts a headless Chromium for t and returns a chromedp context for one
// tab of it. The browser, its profile directory and the context end when the
// test ends. The context times out after Timeout.
func New(t testing.TB) context.Context {
	t.Helper()
	path := FindChromium()
	if path == "" {
		msg := "browser test: Chromium not found (set " + EnvChromium + ", or install the Debian package chromium)"
		if os.Getenv(EnvRequire) == "1" {
			t.Fatal(msg + "; " + EnvRequire + "=1 forbids skipping")
		}
		t.Skip(msg)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "fr-CA"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(Width, Height),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)

	rec := &recorder{}
	tabCtx, cancelTab := chromedp.NewContext(allocCtx,
		chromedp.WithListener(rec.listen),
		chromedp.WithErrorf(func(format string, args ...any) {
			t.Logf("chromedp: "+format, args...)
		}),
	)
	ctx, cancelTimeout := context.WithTimeout(tabCtx, Timeout)

	t.Cleanup(func() {
		if t.Failed() {
			if dir := os.Getenv(EnvScreenshots); dir != "" {
				sctx, cancel := context.WithTimeout(tabCtx, 10*time.Second)
				name := filepath.Join(dir, safeName(t.Name())+"-failure.png")
				if err := writeScreenshot(sctx, name); err != nil {
					t.Logf("browser: failure screenshot: %v", err)
				} else {
					t.Logf("browser: failure screenshot written to %s", name)
				}
				cancel()
			}
		}
		cancelTimeout()
		cancelTab()
		cancelAlloc() // waits for the browser process to exit
		exceptions, errors := rec.snapshot()
		for _, e := range errors {
			t.Logf("browser: %s", e)
		}
		for _, e := range exceptions {
			t.Errorf("browser: uncaught JavaScript exception: %s", e)
		}
	})

	// Start the browser and open the tab now, so that a broken installation
	// is reported here and not by the first action of the test.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browser: starting %s: %v", path, err)
	}
	return ctx
}

// Do runs actions in order and fails the test at the first error.
func Do(t testing.TB, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// Text waits until the first element matching the CSS selector is visible and
// returns its visible text, trimmed. It fails the test on error or timeout.
func Text(t testing.TB, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("browser: text of %q: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// Screenshot writes a full-page PNG of the current page, for debugging. An
// absolute path is always written. A relative path is written under the
// directory named by MAILLAGE_SCREENSHOTS, and nothing is written when that
// variable is empty. It returns the file written, or "".
func Screenshot(t testing.TB, ctx context.Context, path string) string {
	t.Helper()
	if !filepath.IsAbs(path) {
		dir := os.Getenv(EnvScreenshots)
		if dir == "" {
			return ""
		}
		path = filepath.Join(dir, path)
	}
	if err := writeScreenshot(ctx, path); err != nil {
		t.Fatalf("browser: screenshot %s: %v", path, err)
	}
	return path
}

func writeScreenshot(ctx context.Context, path string) error {
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, buf, 0o644)
}

func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, s)
}
