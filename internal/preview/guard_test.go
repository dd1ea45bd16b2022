package preview

import (
	"context"
	"errors"
	"net/netip"
	"sync"
	"testing"
)

func TestIsPublicAddr(t *testing.T) {
	cases := []struct {
		addr   string
		public bool
	}{
		// Public.
		{"8.8.8.8", true},
		{"1.1.1.1", true},
		{"93.184.216.34", true},
		{"172.15.255.255", true},
		{"172.32.0.1", true},
		{"100.63.255.255", true},
		{"100.128.0.1", true},
		{"169.253.1.1", true},
		{"223.255.255.254", true},
		{"2606:4700:4700::1111", true},
		{"2a00:1450:4001:80b::200e", true},
		{"::ffff:8.8.8.8", true},

		// IPv4 refused.
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"10.0.0.1", false},
		{"10.255.255.255", false},
		{"100.64.0.1", false},
		{"100.127.255.254", false},
		{"127.0.0.1", false},
		{"127.255.255.254", false},
		{"169.254.169.254", false},
		{"169.254.0.1", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.0.0.8", false},
		{"192.0.2.1", false},
		{"192.168.1.1", false},
		{"198.18.0.1", false},
		{"198.51.100.7", false},
		{"203.0.113.9", false},
		{"224.0.0.1", false},
		{"239.255.255.250", false},
		{"240.0.0.1", false},
		{"255.255.255.255", false},

		// IPv6 refused.
		{"::", false},
		{"::1", false},
		{"fc00::1", false},
		{"fd12:3456:789a::1", false},
		{"fe80::1", false},
		{"fe80::1%eth0", false},
		{"ff02::1", false},
		{"64:ff9b::a00:1", false}, // NAT64 of 10.0.0.1
		{"::a00:1", false},        // IPv4-compatible
		{"2001:db8::1", false},
		{"2001::1", false}, // Teredo
		{"2002:a00:1::1", false},
		{"3fff::1", false},
		{"fec0::1", false}, // old site-local

		// IPv4-mapped forms of refused addresses.
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"::ffff:169.254.169.254", false},
		{"::ffff:192.168.0.1", false},
		{"::ffff:0.0.0.0", false},
		{"::ffff:100.64.0.1", false},
	}
	for _, c := range cases {
		t.Run(c.addr, func(t *testing.T) {
			a := netip.MustParseAddr(c.addr)
			if got := IsPublicAddr(a); got != c.public {
				t.Fatalf("IsPublicAddr(%s) = %v, want %v", c.addr, got, c.public)
			}
			err := checkAddr(a)
			if !c.public && !errors.Is(err, ErrBlockedAddress) {
				t.Fatalf("checkAddr(%s) = %v, want ErrBlockedAddress", c.addr, err)
			}
		})
	}
	if IsPublicAddr(netip.Addr{}) {
		t.Fatal("the zero Addr must not count as public")
	}
}

func TestCheckHostName(t *testing.T) {
	for _, h := range []string{"localhost", "LOCALHOST", "localhost.", "app.localhost", "a.b.Localhost."} {
		if err := checkHostName(h); !errors.Is(err, ErrBlockedAddress) {
			t.Errorf("checkHostName(%q) = %v, want ErrBlockedAddress", h, err)
		}
	}
	for _, h := range []string{"example.com", "localhost.example.com", "notlocalhost"} {
		if err := checkHostName(h); err != nil {
			t.Errorf("checkHostName(%q) = %v, want nil", h, err)
		}
	}
}

// fakeResolver answers from a table and counts lookups; answers may change
// from one lookup to the next to play DNS rebinding.
type fakeResolver struct {
	mu      sync.Mutex
	answers map[string][][]netip.Addr
	lookups map[string]int
}

func newFakeResolver() *fakeResolver {
	return &fakeResolver{answers: map[string][][]netip.Addr{}, lookups: map[string]int{}}
}

// set gives host its successive answers; the last one repeats.
func (r *fakeResolver) set(host string, answers ...[]string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, ans := range answers {
		var addrs []netip.Addr
		for _, a := range ans {
			addrs = append(addrs, netip.MustParseAddr(a))
		}
		r.answers[host] = append(r.answers[host], addrs)
	}
}

func (r *fakeResolver) count(host string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lookups[host]
}

func (r *fakeResolver) total() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, c := range r.lookups {
		n += c
	}
	return n
}

func (r *fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := r.lookups[host]
	r.lookups[host]++
	ans := r.answers[host]
	if len(ans) == 0 {
		return nil, errors.New("no such host")
	}
	return ans[min(n, len(ans)-1)], nil
}

func TestGuardRefusesPrivateResolution(t *testing.T) {
	res := newFakeResolver()
	res.set("evil.example", []string{"10.0.0.5"})
	res.set("mixed.example", []string{"93.184.216.34", "10.0.0.5"})
	res.set("mapped.example", []string{"::ffff:169.254.169.254"})
	g := &guard{resolver: res}
	for _, host := range []string{"evil.example", "mixed.example", "mapped.example"} {
		conn, err := g.DialContext(context.Background(), "tcp", host+":80")
		if conn != nil {
			conn.Close()
		}
		if !errors.Is(err, ErrBlockedAddress) {
			t.Errorf("dial %s: err = %v, want ErrBlockedAddress", host, err)
		}
		if res.count(host) != 1 {
			t.Errorf("dial %s: %d lookups, want 1", host, res.count(host))
		}
	}
}

func TestGuardControlRechecksSocketAddress(t *testing.T) {
	g := &guard{resolver: newFakeResolver()}
	if err := g.control("tcp4", "127.0.0.1:80", nil); !errors.Is(err, ErrBlockedAddress) {
		t.Fatalf("control(127.0.0.1) = %v, want ErrBlockedAddress", err)
	}
	if err := g.control("tcp6", "[2606:4700:4700::1111]:443", nil); err != nil {
		t.Fatalf("control(public) = %v, want nil", err)
	}
	g.allowAll = true
	if err := g.control("tcp4", "127.0.0.1:80", nil); err != nil {
		t.Fatalf("control with AllowPrivate = %v, want nil", err)
	}
}
