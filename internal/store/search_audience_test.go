package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/store"
)

// searchFilterKinds pairs each kind of search document with the store
// filter its page and lists use ("" for organisations: the directory is
// public and has no filter).
func searchFilterKinds() map[search.Kind]string {
	return map[search.Kind]string{
		search.KindUser:          "profile",
		search.KindOrganization:  "",
		search.KindActor:         "actor",
		search.KindCommunity:     "community-see",
		search.KindNote:          "note",
		search.KindNotebook:      "notebook",
		search.KindKnowledgeBase: "knowledge-base",
		search.KindThread:        "thread",
	}
}

// TestSearchAudiencesAgree builds the random worlds of
// TestDerivedFiltersAgree and checks, for every viewer and every kind,
// that the documents whose audiences the viewer reaches (by
// maillage.Viewer.AudienceKeys, as the index filters) are exactly the
// items the store's SQL filter lets them see. MAILLAGE_POLICY_SEED and
// MAILLAGE_POLICY_WORLDS replay and widen it likewise.
func TestSearchAudiencesAgree(t *testing.T) {
	eachPolicyWorld(t, checkSearchAudiences)
}

func checkSearchAudiences(t *testing.T, w *policyWorld) {
	ctx := context.Background()
	var orgIDs []string
	for i := range 3 {
		o := &maillage.Organization{ID: auth.NewID(), Name: fmt.Sprint("O", i), Type: maillage.OrgCooperative}
		if err := w.db.Update(ctx, func(tx *store.Tx) error { return tx.CreateOrganization(ctx, o) }); err != nil {
			t.Fatal(err)
		}
		orgIDs = append(orgIDs, o.ID)
	}
	for kind, filter := range searchFilterKinds() {
		// A small batch walks several pages.
		var docs []search.Document
		err := w.db.EachSearchDocument(ctx, kind, 3, func(batch []search.Document) error {
			docs = append(docs, batch...)
			return nil
		})
		if err != nil {
			t.Fatalf("%s documents: %v", kind, err)
		}
		if len(docs) == 0 {
			t.Fatalf("%s: no documents", kind)
		}
		for _, v := range w.viewers {
			keys := v.AudienceKeys()
			var got []string
			for _, d := range docs {
				if reachesGroups(keys, d.Audiences) {
					got = append(got, d.ID)
				}
			}
			want := orgIDs
			if filter != "" {
				if want, err = w.db.VisibleIDs(ctx, filter, v); err != nil {
					t.Fatal(err)
				}
			}
			if !sameSet(got, want) {
				t.Errorf("%s for viewer %q (admin %v, roles %v): the index shows %d, the SQL filter %d: %s",
					kind, v.UserID, v.Admin, v.Roles, len(got), len(want), diffSets(got, want))
			}
		}
	}
}

// reachesGroups is how the index decides: at least one key of every
// group, and a document without groups is seen by nobody.
func reachesGroups(keys []string, groups [][]string) bool {
	if len(groups) == 0 {
		return false
	}
	for _, g := range groups {
		if !slices.ContainsFunc(g, func(k string) bool { return slices.Contains(keys, k) }) {
			return false
		}
	}
	return true
}
