package preview

import (
	"errors"
	"net"
	"time"
)

// Errors returned (wrapped) by Fetch; test them with errors.Is. They are
// never reassigned.
var (
	// ErrBadURL: the URL, or a redirect target, is not an absolute http or
	// https URL with a host and without userinfo.
	ErrBadURL = errors.New("preview: not an http(s) URL")
	// ErrBlockedAddress: the host is, or resolves to, an address a preview
	// may not connect to (loopback, private, link-local, …).
	ErrBlockedAddress = errors.New("preview: address not allowed")
	// ErrNotHTML: the answer is neither text/html nor application/xhtml+xml.
	ErrNotHTML = errors.New("preview: not an HTML page")
	// ErrHTTPStatus: the final answer has a non-2xx status.
	ErrHTTPStatus = errors.New("preview: unexpected HTTP status")
	// ErrTooManyRedirects: more than Options.MaxRedirects redirects.
	ErrTooManyRedirects = errors.New("preview: too many redirects")
)

// Defaults applied by NewFetcher to zero Options fields.
const (
	DefaultTimeout        = 5 * time.Second
	DefaultMaxBytes       = 512 << 10
	DefaultMaxRedirects   = 3
	DefaultAcceptLanguage = "fr-CA, fr;q=0.9, en;q=0.8"
)

// Options configure a Fetcher. The zero value is usable.
type Options struct {
	// Timeout bounds the whole fetch: lookup, connect, TLS, redirects,
	// headers and body (default 5 s).
	Timeout time.Duration
	// MaxBytes is how much of the body is read at most (default 512 KiB);
	// a longer page is parsed as far as it was read.
	MaxBytes int64
	// MaxRedirects is how many redirects are followed (default 3); a
	// negative value follows none.
	MaxRedirects int
	// UserAgent is sent with each request (default "Maillage link preview
	// (+BaseURL)").
	UserAgent string
	// BaseURL is the public URL of this Maillage instance, named in the
	// default UserAgent so site owners know who is asking.
	BaseURL string
	// AcceptLanguage is sent with each request (default French first).
	AcceptLanguage string
	// Resolver looks up host names (default net.DefaultResolver). Whatever
	// it answers is checked before connecting.
	Resolver Resolver
	// AllowPrivate turns the address check off so tests can fetch from
	// loopback httptest servers. Never set in production.
	AllowPrivate bool
}

// withDefaults fills the zero fields of o.
func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	switch {
	case o.MaxRedirects == 0:
		o.MaxRedirects = DefaultMaxRedirects
	case o.MaxRedirects < 0:
		o.MaxRedirects = 0
	}
	if o.UserAgent == "" {
		o.UserAgent = "Maillage link preview"
		if o.BaseURL != "" {
			o.UserAgent += " (+" + o.BaseURL + ")"
		}
	}
	if o.AcceptLanguage == "" {
		o.AcceptLanguage = DefaultAcceptLanguage
	}
	if o.Resolver == nil {
		o.Resolver = net.DefaultResolver
	}
	return o
}
