// Package preview fetches the metadata a web page publishes about itself
// (Open Graph, Twitter cards, <title>, <meta name="description">) so that a
// URL pasted in a discussion post can be shown as a link preview card.
//
// The fetch runs on the Maillage server on behalf of whoever wrote the post,
// so it must never become a way to reach the server's private network
// (server-side request forgery) nor a way to tie up a worker. The defences:
//
//   - Only http and https URLs with a host and without userinfo are accepted
//     (ErrBadURL); the same rule applies to every redirect target.
//   - The address check happens at connect time, inside the dialer: the host
//     name is resolved once, every resolved address is checked, and the
//     connection is made to the checked IP itself, never to the name. A DNS
//     answer that changes between check and connect (DNS rebinding) therefore
//     cannot smuggle in a private address. A dialer Control hook checks the
//     socket's final address again as a second line of defence.
//   - Refused addresses (ErrBlockedAddress): loopback, RFC 1918 and fc00::/7
//     private ranges, link-local (169.254.0.0/16 with the cloud metadata
//     endpoint 169.254.169.254, fe80::/10), unspecified, multicast, broadcast,
//     CGNAT 100.64.0.0/10, 0.0.0.0/8, benchmarking, documentation and other
//     reserved ranges, IPv4-mapped IPv6 forms of all of these, and any IPv6
//     address outside global unicast 2000::/3 (which covers NAT64 prefixes
//     that could translate to a private IPv4 address). "localhost" and
//     "*.localhost" are refused by name before any lookup.
//   - Environment proxies (HTTP_PROXY …) are ignored: a proxy would connect
//     on our behalf to addresses the dialer never sees.
//   - Each redirect goes through the same dialer, so each hop is checked
//     again; at most Options.MaxRedirects are followed (ErrTooManyRedirects).
//   - One deadline (Options.Timeout) covers resolving, connecting, TLS,
//     headers and body; at most Options.MaxBytes of body are read, and
//     reading stops at <body> since the metadata lives in <head>.
//   - Only text/html and application/xhtml+xml answers are parsed
//     (ErrNotHTML); non-2xx answers fail (ErrHTTPStatus). Nothing in the
//     page is executed and <meta http-equiv="refresh"> is never followed.
//   - No cookies are kept between fetches.
//
// Preview.ImageURL is only checked to be an absolute http(s) URL. Anything
// that later downloads that image on the server must go through a Fetcher-
// style guarded dialer too; letting the reader's browser load it is fine.
package preview
