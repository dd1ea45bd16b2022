package benchgen

// Profile sets the size of a generated data set. The other counts
// (communities, threads, notebooks ...) follow from these three, in the
// proportions of a live instance.
type Profile struct {
	Name          string
	People        int
	Organizations int
	Notes         int
}

// Profiles lists the named profiles: tiny for tests (seconds), smoke for
// CI and quick checks, large for the benchmarks (docs/benchmarks.md).
func Profiles() []Profile {
	return []Profile{
		{Name: "tiny", People: 150, Organizations: 30, Notes: 300},
		{Name: "smoke", People: 1_000, Organizations: 200, Notes: 2_000},
		{Name: "large", People: 100_000, Organizations: 20_000, Notes: 200_000},
	}
}

// ProfileNamed returns the profile of that name.
func ProfileNamed(name string) (Profile, bool) {
	for _, p := range Profiles() {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}

// Communities: about one for every fifty people.
func (p Profile) communities() int { return max(6, p.People/50) }

// threads: about eight per community, most in the largest ones.
func (p Profile) threads() int { return 8 * p.communities() }

// notebooks: one for every forty notes.
func (p Profile) notebooks() int { return max(2, p.Notes/40) }

// knowledgeBases: one for every thousand notes.
func (p Profile) knowledgeBases() int { return max(1, p.Notes/1000) }
