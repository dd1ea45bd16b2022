package preview

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// Preview is what a page says about itself. Every field is plain text,
// trimmed, with whitespace collapsed; empty when the page says nothing.
type Preview struct {
	// URL is the final URL, after redirects.
	URL         string
	Title       string
	Description string
	// ImageURL is an absolute http or https URL, resolved against URL.
	ImageURL string
	SiteName string
}

// Fetcher fetches link previews. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	guard  *guard
	client *http.Client
}

// maxURLLen bounds the URLs accepted, initial or redirected.
const maxURLLen = 2048

// NewFetcher returns a Fetcher with o's zero fields set to their defaults.
func NewFetcher(o Options) *Fetcher {
	o = o.withDefaults()
	g := &guard{resolver: o.Resolver, allowAll: o.AllowPrivate, dialTimeout: o.Timeout}
	tr := &http.Transport{
		// No proxy, whatever the environment says: a proxy would connect
		// on our behalf to addresses the guard never sees.
		Proxy:                  nil,
		DialContext:            g.DialContext,
		ForceAttemptHTTP2:      true,
		TLSClientConfig:        &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:    o.Timeout,
		ResponseHeaderTimeout:  o.Timeout,
		MaxResponseHeaderBytes: 64 << 10,
		// Previews are one-off requests to many hosts; idle connections
		// would only hold sockets open.
		DisableKeepAlives: true,
	}
	f := &Fetcher{opts: o, guard: g}
	f.client = &http.Client{
		Transport:     tr,
		Timeout:       o.Timeout,
		CheckRedirect: f.checkRedirect,
	}
	return f
}

// Fetch downloads rawURL and returns the metadata its page declares. Errors
// wrap ErrBadURL, ErrBlockedAddress, ErrTooManyRedirects, ErrNotHTML,
// ErrHTTPStatus, or the network or context error that stopped the fetch.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (Preview, error) {
	u, err := checkURL(strings.TrimSpace(rawURL))
	if err != nil {
		return Preview{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Preview{}, fmt.Errorf("%w: %w", ErrBadURL, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml;q=0.9, */*;q=0.1")
	req.Header.Set("Accept-Language", f.opts.AcceptLanguage)

	resp, err := f.client.Do(req)
	if err != nil {
		return Preview{}, fmt.Errorf("preview: fetch: %w", err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Preview{}, fmt.Errorf("%w: %s from %s", ErrHTTPStatus, resp.Status, final.Redacted())
	}
	body := io.LimitReader(resp.Body, f.opts.MaxBytes)
	contentType := resp.Header.Get("Content-Type")
	if contentType == "" {
		// No declared type: sniff the first bytes as browsers do, then
		// read on from where the sniff stopped.
		head := make([]byte, 512)
		n, err := io.ReadFull(body, head)
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
			return Preview{}, fmt.Errorf("preview: read %s: %w", final.Redacted(), err)
		}
		head = head[:n]
		contentType = http.DetectContentType(head)
		body = io.MultiReader(bytes.NewReader(head), body)
	}
	if !isHTML(contentType) {
		return Preview{}, fmt.Errorf("%w: %q from %s", ErrNotHTML, contentType, final.Redacted())
	}

	text, err := decodedReader(body, contentType)
	if err != nil {
		return Preview{}, fmt.Errorf("preview: read %s: %w", final.Redacted(), err)
	}
	m, err := readMeta(text)
	if err != nil {
		return Preview{}, fmt.Errorf("preview: read %s: %w", final.Redacted(), err)
	}
	return m.preview(final), nil
}

// checkRedirect limits the number of hops and refuses non-http targets; the
// address of each hop is checked by the guard when it is dialed.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.opts.MaxRedirects {
		return fmt.Errorf("%w (%d)", ErrTooManyRedirects, f.opts.MaxRedirects)
	}
	if _, err := checkURL(req.URL.String()); err != nil {
		return err
	}
	return nil
}

// checkURL accepts absolute http and https URLs with a host and without
// userinfo; it returns the URL without its fragment.
func checkURL(raw string) (*url.URL, error) {
	if raw == "" || len(raw) > maxURLLen {
		return nil, fmt.Errorf("%w: empty or longer than %d bytes", ErrBadURL, maxURLLen)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadURL, err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("%w: scheme %q", ErrBadURL, u.Scheme)
	case u.Opaque != "" || u.Hostname() == "":
		return nil, fmt.Errorf("%w: no host", ErrBadURL)
	case u.User != nil:
		return nil, fmt.Errorf("%w: credentials in URL", ErrBadURL)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// isHTML reports whether a Content-Type names an HTML document.
func isHTML(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}
