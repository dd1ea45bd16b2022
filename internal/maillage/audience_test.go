package maillage

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestViewerAudiencesMatchIncludes: an index that files items under
// audience keys and looks viewers up by Viewer.AudienceKeys must answer
// exactly like Viewer.Includes, for every kind of viewer and audience.
func TestViewerAudiencesMatchIncludes(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	ids := []string{"c1", "c2", "c3", "u1", "u2", ""}
	for i := range 300 {
		v := Viewer{}
		if i%5 != 0 {
			v.UserID = ids[3+r.IntN(2)]
			v.Admin = r.IntN(4) == 0
			v.Curator = r.IntN(4) == 0
			v.Roles = map[string]Role{}
			for _, c := range ids[:3] {
				switch r.IntN(3) {
				case 1:
					v.Roles[c] = RoleMember
				case 2:
					v.Roles[c] = RoleManager
				}
			}
		}
		keys := v.AudienceKeys()
		for kind := AudienceEveryone; kind <= AudienceCurators; kind++ {
			for _, id := range ids {
				a := Audience{Kind: kind, ID: id}
				if !kind.named() {
					a.ID = ""
				}
				if got, want := slices.Contains(keys, a.Key()), v.Includes(a); got != want {
					t.Fatalf("viewer %+v, audience %s: in keys %v, Includes %v", v, a.Key(), got, want)
				}
			}
		}
	}
}

// named reports whether audiences of the kind name a person or community.
func (k AudienceKind) named() bool {
	return k == AudiencePerson || k == AudienceMembers || k == AudienceManagers
}

// TestAudienceKeysDistinct: two different audiences never share a key.
func TestAudienceKeysDistinct(t *testing.T) {
	seen := map[string]Audience{}
	for kind := AudienceEveryone; kind <= AudienceCurators; kind++ {
		for _, id := range []string{"a", "b"} {
			a := Audience{Kind: kind, ID: id}
			if !kind.named() {
				a.ID = ""
			}
			if other, ok := seen[a.Key()]; ok && other != a {
				t.Fatalf("%v and %v share the key %q", a, other, a.Key())
			}
			seen[a.Key()] = a
		}
	}
	if len(seen) != 10 {
		t.Fatalf("%d keys: %s", len(seen), fmt.Sprint(seen))
	}
}
