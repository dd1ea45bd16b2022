package httpx

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ClientIP returns the address of the client, for rate limits and logs.
//
// By default it is the peer of the TCP connection: X-Forwarded-For is
// written by whoever sends the request, so trusting it would let anyone
// pick a new address per request and escape rate limits. Set trustProxy
// only when the server is reachable solely through one reverse proxy that
// appends to X-Forwarded-For; the last entry, written by that proxy, is
// then used (earlier entries come from the client and may be forged).
func ClientIP(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if ip, ok := lastForwardedFor(r.Header.Values("X-Forwarded-For")); ok {
			return ip
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		// RemoteAddr without a port (set by tests or unusual listeners).
		host = r.RemoteAddr
	}
	if addr, err := netip.ParseAddr(host); err == nil {
		return addr.Unmap().String()
	}
	return host
}

// lastForwardedFor returns the last valid address across all
// X-Forwarded-For header lines.
func lastForwardedFor(values []string) (string, bool) {
	for i := len(values) - 1; i >= 0; i-- {
		parts := strings.Split(values[i], ",")
		for j := len(parts) - 1; j >= 0; j-- {
			s := strings.TrimSpace(parts[j])
			if s == "" {
				continue
			}
			addr, err := netip.ParseAddr(s)
			if err != nil {
				// The entry our proxy wrote is unreadable: fall back to the
				// connection rather than trust an earlier, forgeable entry.
				return "", false
			}
			return addr.Unmap().String(), true
		}
	}
	return "", false
}
