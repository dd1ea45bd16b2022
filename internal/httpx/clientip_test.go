package httpx

import (
	"net/http/httptest"
	"testing"
)

func TestClientIP(t *testing.T) {
	cases := []struct {
		name       string
		remote     string
		xff        []string
		trustProxy bool
		want       string
	}{
		{"IPv4 peer", "203.0.113.9:5123", nil, false, "203.0.113.9"},
		{"IPv6 peer", "[2001:db8::1]:443", nil, false, "2001:db8::1"},
		{"IPv4-mapped IPv6", "[::ffff:203.0.113.9]:80", nil, false, "203.0.113.9"},
		{"no port", "203.0.113.9", nil, false, "203.0.113.9"},
		{"forwarded ignored by default", "10.0.0.2:80", []string{"198.51.100.1"}, false, "10.0.0.2"},
		{"forwarded trusted", "10.0.0.2:80", []string{"198.51.100.1"}, true, "198.51.100.1"},
		{"last entry wins", "10.0.0.2:80", []string{"6.6.6.6, 198.51.100.1"}, true, "198.51.100.1"},
		{"last header line wins", "10.0.0.2:80", []string{"6.6.6.6", "198.51.100.1"}, true, "198.51.100.1"},
		{"spaces and empty entries", "10.0.0.2:80", []string{" 198.51.100.1 , "}, true, "198.51.100.1"},
		{"garbage falls back to peer", "10.0.0.2:80", []string{"6.6.6.6, not-an-ip"}, true, "10.0.0.2"},
		{"no header with trust", "10.0.0.2:80", nil, true, "10.0.0.2"},
		{"forwarded IPv6", "10.0.0.2:80", []string{"2001:db8::7"}, true, "2001:db8::7"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = c.remote
			for _, v := range c.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := ClientIP(r, c.trustProxy); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
