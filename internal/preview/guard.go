package preview

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Resolver turns a host name into IP addresses. *net.Resolver satisfies it;
// tests substitute a fixed table.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// namedPrefix is a refused IPv4 range with the reason given in errors.
type namedPrefix struct {
	prefix netip.Prefix
	reason string
}

// blockedIPv4 lists the IPv4 ranges a preview fetch never connects to. It is
// rebuilt on each call instead of living in a package variable so that no
// caller can alter the policy at run time.
func blockedIPv4() []namedPrefix {
	ranges := []struct{ cidr, reason string }{
		{"0.0.0.0/8", "this network"},
		{"10.0.0.0/8", "private"},
		{"100.64.0.0/10", "carrier-grade NAT"},
		{"127.0.0.0/8", "loopback"},
		{"169.254.0.0/16", "link-local"},
		{"172.16.0.0/12", "private"},
		{"192.0.0.0/24", "IETF protocol assignments"},
		{"192.0.2.0/24", "documentation"},
		{"192.88.99.0/24", "6to4 relay"},
		{"192.168.0.0/16", "private"},
		{"198.18.0.0/15", "benchmarking"},
		{"198.51.100.0/24", "documentation"},
		{"203.0.113.0/24", "documentation"},
		{"224.0.0.0/4", "multicast"},
		{"240.0.0.0/4", "reserved or broadcast"},
	}
	out := make([]namedPrefix, len(ranges))
	for i, r := range ranges {
		out[i] = namedPrefix{netip.MustParsePrefix(r.cidr), r.reason}
	}
	return out
}

// blockedIPv6 lists refused ranges inside global unicast 2000::/3; every
// IPv6 address outside 2000::/3 is refused outright.
func blockedIPv6() []namedPrefix {
	ranges := []struct{ cidr, reason string }{
		{"2001::/23", "IETF protocol assignments"}, // includes Teredo 2001::/32
		{"2001:db8::/32", "documentation"},
		{"2002::/16", "6to4"}, // embeds an IPv4 address, possibly a private one
		{"3fff::/20", "documentation"},
	}
	out := make([]namedPrefix, len(ranges))
	for i, r := range ranges {
		out[i] = namedPrefix{netip.MustParsePrefix(r.cidr), r.reason}
	}
	return out
}

// IsPublicAddr reports whether addr is a public unicast address that a link
// preview may connect to. IPv4-mapped IPv6 addresses are judged by the IPv4
// address they carry.
func IsPublicAddr(addr netip.Addr) bool {
	return checkAddr(addr) == nil
}

// checkAddr returns nil for a public address, or an error wrapping
// ErrBlockedAddress that says which range matched.
func checkAddr(addr netip.Addr) error {
	refuse := func(reason string) error {
		return fmt.Errorf("%w: %s (%s)", ErrBlockedAddress, addr, reason)
	}
	if !addr.IsValid() {
		return refuse("invalid")
	}
	if addr.Zone() != "" {
		// Zones only make sense for link-local addresses.
		return refuse("scoped")
	}
	ip := addr.Unmap()
	if ip.Is4() {
		for _, r := range blockedIPv4() {
			if r.prefix.Contains(ip) {
				return refuse(r.reason)
			}
		}
		return nil
	}
	switch {
	case ip.IsUnspecified():
		return refuse("unspecified")
	case ip.IsLoopback():
		return refuse("loopback")
	case ip.IsPrivate():
		return refuse("private")
	case ip.IsLinkLocalUnicast():
		return refuse("link-local")
	case ip.IsMulticast():
		return refuse("multicast")
	case !netip.MustParsePrefix("2000::/3").Contains(ip):
		// Global unicast is the only IPv6 space with public hosts; this
		// also refuses NAT64 64:ff9b::/96, which maps to IPv4 addresses.
		return refuse("not global unicast")
	}
	for _, r := range blockedIPv6() {
		if r.prefix.Contains(ip) {
			return refuse(r.reason)
		}
	}
	return nil
}

// checkHostName refuses names that always mean this machine, before any
// lookup, so that a resolver quirk cannot matter.
func checkHostName(host string) error {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return fmt.Errorf("%w: %s (loopback name)", ErrBlockedAddress, host)
	}
	return nil
}

// guard dials only addresses that pass checkAddr.
type guard struct {
	resolver Resolver
	// allowAll turns the check off (Options.AllowPrivate).
	allowAll bool
	// exempt, when set, lets individual addresses through; tests use it to
	// reach a loopback server while every other address is still checked.
	exempt func(netip.Addr) bool
	// dialTimeout bounds one TCP connect attempt.
	dialTimeout time.Duration
}

// allowed is the policy applied to every address the guard connects to.
func (g *guard) allowed(addr netip.Addr) error {
	if g.allowAll || (g.exempt != nil && g.exempt(addr.Unmap())) {
		return nil
	}
	return checkAddr(addr)
}

// maxDialAddrs bounds how many resolved addresses are tried in turn.
const maxDialAddrs = 4

// DialContext resolves host once, checks every resolved address and then
// connects to the checked IP, never to the name, so that a second DNS answer
// cannot replace the address that was checked.
func (g *guard) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(address)
	if err != nil {
		return nil, fmt.Errorf("dial %q: %w", address, err)
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("dial %q: bad port: %w", address, err)
	}
	addrs, err := g.resolve(ctx, network, host)
	if err != nil {
		return nil, err
	}
	for _, a := range addrs {
		if err := g.allowed(a); err != nil {
			// One refused address refuses the host: a name that mixes
			// public and private answers is not trustworthy.
			return nil, fmt.Errorf("%s: %w", host, err)
		}
	}
	d := net.Dialer{Timeout: g.dialTimeout, Control: g.control}
	var errs []error
	for i, a := range addrs {
		if i == maxDialAddrs {
			break
		}
		target := netip.AddrPortFrom(a.Unmap(), uint16(port))
		conn, err := d.DialContext(ctx, network, target.String())
		if err == nil {
			return conn, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	return nil, fmt.Errorf("dial %s: %w", host, errors.Join(errs...))
}

// resolve returns the addresses for host; an IP literal is its own answer.
func (g *guard) resolve(ctx context.Context, network, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{a}, nil
	}
	if !g.allowAll {
		if err := checkHostName(host); err != nil {
			return nil, err
		}
	}
	ipNet := "ip"
	switch network {
	case "tcp4":
		ipNet = "ip4"
	case "tcp6":
		ipNet = "ip6"
	}
	addrs, err := g.resolver.LookupNetIP(ctx, ipNet, host)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", host, err)
	}
	if len(addrs) == 0 {
		return nil, fmt.Errorf("resolve %s: no address", host)
	}
	return addrs, nil
}

// control checks the address of the socket about to connect. DialContext
// already checked it; this keeps the check next to the system call should
// the dialing path ever change.
func (g *guard) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: unparsable %q", ErrBlockedAddress, address)
	}
	return g.allowed(ap.Addr())
}
