package demo

import (
	"context"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// testNominations: the demo person's request on the story's theme has
// two answers; its results are hers alone.
func testNominations(t *testing.T, w *world) {
	ctx := context.Background()
	me := w.as(t, DemoEmail)
	sent, _, err := w.s.MyNominationRequests(ctx, me)
	if err != nil || len(sent) != 1 {
		t.Fatalf("the demo person's requests: %+v %v", sent, err)
	}
	r := sent[0]
	if !strings.EqualFold(r.TagLabel, tagNumerique) || r.Respondents != 4 || r.Answered != 2 {
		t.Fatalf("request: %+v", r)
	}
	res, err := w.s.NominationResults(ctx, me, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	top := res.Tallies[0]
	if top.Count != 2 || len(res.Tallies) != 5 {
		t.Fatalf("results: %+v", res.Tallies)
	}
	named := map[string]int{}
	for _, tl := range res.Tallies {
		named[tl.Name] = tl.Count
	}
	if named["Francine Thibodeau"] != 2 || named["Olivier Nguyen"] != 2 {
		t.Errorf("named: %v", named)
	}
	for _, email := range []string{AdminEmail} {
		if _, err := w.s.NominationResults(ctx, w.as(t, email), r.ID); !maillage.IsNotFound(err) {
			t.Errorf("results for %s: %v", email, err)
		}
	}
}
