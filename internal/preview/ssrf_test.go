package preview

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"sync/atomic"
	"testing"
	"time"
)

// countingListener counts accepted connections.
type countingListener struct {
	net.Listener
	accepted *atomic.Int32
}

func (l countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.accepted.Add(1)
	}
	return c, err
}

func TestFetchRefusesPrivateAddresses(t *testing.T) {
	res := newFakeResolver() // answers nothing: no name below may need DNS
	f := NewFetcher(Options{Resolver: res, Timeout: 2 * time.Second})
	for _, raw := range []string{
		"http://127.0.0.1/", "http://127.0.0.1:8080/admin", "https://127.1.2.3/",
		"http://[::1]/", "http://[::1]:9000/",
		"http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/",
		"http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.0.1/", "http://100.64.0.1/",
		"http://0.0.0.0/", "http://[::]/", "http://[fd00::1]/", "http://[fe80::1%25eth0]/",
		"http://[::ffff:127.0.0.1]/", "http://[64:ff9b::a00:1]/", "http://224.0.0.1/",
		"http://255.255.255.255/",
		"http://localhost/", "http://LOCALHOST:8080/", "http://localhost./", "http://api.localhost/",
	} {
		start := time.Now()
		_, err := f.Fetch(context.Background(), raw)
		if !errors.Is(err, ErrBlockedAddress) {
			t.Errorf("Fetch(%s) = %v, want ErrBlockedAddress", raw, err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("Fetch(%s) took %v to refuse", raw, d)
		}
	}
	if n := res.total(); n != 0 {
		t.Errorf("%d DNS lookups for literal addresses and localhost names, want 0", n)
	}
}

func TestFetchRefusesLoopbackBeforeConnecting(t *testing.T) {
	var hits, accepted atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<title>Interne</title>")
	}))
	srv.Listener = countingListener{srv.Listener, &accepted}
	srv.Start()
	defer srv.Close()

	_, err := NewFetcher(Options{}).Fetch(context.Background(), srv.URL)
	if !errors.Is(err, ErrBlockedAddress) {
		t.Fatalf("err = %v, want ErrBlockedAddress", err)
	}
	// Control: the same server is reachable when the check is off, so the
	// counters below do see connections when there are any.
	p, err := localFetcher(Options{}).Fetch(context.Background(), srv.URL)
	if err != nil || p.Title != "Interne" {
		t.Fatalf("control fetch: %+v, %v", p, err)
	}
	srv.Close()
	if hits.Load() != 1 || accepted.Load() != 1 {
		t.Fatalf("%d requests on %d connections, want 1 on 1 (the control only)", hits.Load(), accepted.Load())
	}
}

func TestFetchRefusesNameResolvingToPrivateAddress(t *testing.T) {
	res := newFakeResolver()
	res.set("evil.example", []string{"10.0.0.5"})
	res.set("metadata.example", []string{"169.254.169.254"})
	res.set("mixed.example", []string{"93.184.216.34", "::1"})
	f := NewFetcher(Options{Resolver: res})
	for _, host := range []string{"evil.example", "metadata.example", "mixed.example"} {
		_, err := f.Fetch(context.Background(), "http://"+host+"/")
		if !errors.Is(err, ErrBlockedAddress) {
			t.Errorf("%s: err = %v, want ErrBlockedAddress", host, err)
		}
		if res.count(host) != 1 {
			t.Errorf("%s: looked up %d times, want 1", host, res.count(host))
		}
	}
}

// exemptFetcher checks addresses as in production, except the loopback
// address of the test server, which stands for a public site.
func exemptFetcher(o Options, site netip.Addr) *Fetcher {
	f := NewFetcher(o)
	f.guard.exempt = func(a netip.Addr) bool { return a == site }
	return f
}

func serverAddr(t *testing.T, srv *httptest.Server) netip.AddrPort {
	t.Helper()
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	ap, err := netip.ParseAddrPort(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	return ap
}

func TestFetchDialsTheResolvedAddress(t *testing.T) {
	var host atomic.Value // string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		host.Store(r.Host)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<title>Site public</title>")
	})
	ap := serverAddr(t, srv)
	res := newFakeResolver()
	res.set("site.example", []string{ap.Addr().String()})
	f := exemptFetcher(Options{Resolver: res}, ap.Addr())
	target := fmt.Sprintf("http://site.example:%d/", ap.Port())
	p, err := f.Fetch(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Site public" || p.URL != target {
		t.Fatalf("got %+v", p)
	}
	if want := fmt.Sprintf("site.example:%d", ap.Port()); host.Load() != want {
		t.Errorf("Host header %q, want %q", host.Load(), want)
	}
	if res.count("site.example") != 1 {
		t.Errorf("%d lookups, want 1", res.count("site.example"))
	}
}

func TestFetchChecksEveryRedirectHop(t *testing.T) {
	var landed atomic.Int32
	var next atomic.Value // string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/private" {
			landed.Add(1)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<title>Secret</title>")
			return
		}
		http.Redirect(w, r, next.Load().(string), http.StatusFound)
	})
	ap := serverAddr(t, srv)
	port := ap.Port()
	res := newFakeResolver()
	res.set("evil.example", []string{"10.0.0.5"})
	// A name that first answers the public site, then a private address:
	// the second hop dials anew and is checked anew.
	res.set("rebind.example", []string{ap.Addr().String()}, []string{"127.0.0.2"})

	for _, c := range []struct{ start, next string }{
		{srv.URL + "/go", "http://169.254.169.254/latest/meta-data/"},
		{srv.URL + "/go", "http://10.0.0.1/"},
		{srv.URL + "/go", fmt.Sprintf("http://evil.example:%d/private", port)},
		{srv.URL + "/go", fmt.Sprintf("http://localhost:%d/private", port)},
		{srv.URL + "/go", fmt.Sprintf("http://127.0.0.2:%d/private", port)},
		{srv.URL + "/go", fmt.Sprintf("http://[::ffff:127.0.0.2]:%d/private", port)},
		{fmt.Sprintf("http://rebind.example:%d/go", port), fmt.Sprintf("http://rebind.example:%d/private", port)},
	} {
		next.Store(c.next)
		f := exemptFetcher(Options{Resolver: res, Timeout: 2 * time.Second}, ap.Addr())
		_, err := f.Fetch(context.Background(), c.start)
		if !errors.Is(err, ErrBlockedAddress) {
			t.Errorf("redirect to %s: err = %v, want ErrBlockedAddress", c.next, err)
		}
	}
	if landed.Load() != 0 {
		t.Fatalf("a refused redirect reached the server %d times", landed.Load())
	}
	if res.count("rebind.example") != 2 {
		t.Errorf("rebind.example looked up %d times, want 2 (one per hop)", res.count("rebind.example"))
	}
}
