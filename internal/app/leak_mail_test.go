package app_test

import (
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// leakUnsubscribe finds the token of an unsubscribe link.
var leakUnsubscribe = regexp.MustCompile(`/unsubscribe/([A-Za-z0-9_-]+)`)

// checkEmails reads the emails sent since the first `from`: each may only
// mention what its recipient may see now (the world was just refreshed,
// right after they were sent). Their unsubscribe links are kept, to be
// visited with the routes.
func (w *leakWorld) checkEmails(t *testing.T, from int) {
	t.Helper()
	msgs := w.out.all()
	if len(msgs) <= from {
		return
	}
	for _, m := range msgs[from:] {
		for _, to := range m.To {
			addr, err := mail.ParseAddress(to)
			if err != nil {
				t.Errorf("[seed %d world %d] email to %q: %v", w.seed, w.index, to, err)
				continue
			}
			var p *leakUser
			for _, q := range w.people {
				if strings.EqualFold(q.u.Email, addr.Address) {
					p = q
				}
			}
			if p == nil {
				t.Errorf("[seed %d world %d] email %q to someone outside the world: %s", w.seed, w.index, m.Subject, to)
				continue
			}
			var parts []string
			parts = append(parts, m.Subject, m.Text, m.HTML)
			for _, h := range m.Headers {
				parts = append(parts, h)
			}
			for _, l := range w.leaks(strings.Join(parts, "\n"), w.hiddenFrom(w.views[p.u.ID]), "") {
				t.Errorf("[seed %d world %d] email %q to %s (admin %v) leaks %s", w.seed, w.index, m.Subject, p.u.Name, p.u.Admin, l)
			}
			for _, match := range leakUnsubscribe.FindAllStringSubmatch(m.Text+m.Headers["List-Unsubscribe"], -1) {
				tk := leakToken{token: match[1], owner: p.u.ID}
				if !slices.Contains(w.tokens, tk) {
					w.tokens = append(w.tokens, tk)
				}
			}
		}
	}
}
