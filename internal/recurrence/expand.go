package recurrence

import (
	"sort"
	"time"
)

// Change is an exception to a series: one occurrence cancelled, or moved
// to another start (and length). Original is the start the rule gave it,
// which identifies it for good (RECURRENCE-ID in iCalendar).
type Change struct {
	Original  time.Time
	Cancelled bool
	// Start and Duration are the moved occurrence's; zero when it is not moved.
	Start    time.Time
	Duration time.Duration
}

// Series is a meeting's schedule: a first start in its time zone, a
// length, a rule ("" for a single meeting) and its exceptions.
type Series struct {
	Start    time.Time // in the series' location
	Duration time.Duration
	Rule     string // normalized, without "RRULE:"
	Changes  []Change
}

// Occurrence is one meeting of a series, as it stands.
type Occurrence struct {
	// Original is the start the rule gave it (its identity).
	Original time.Time
	Start    time.Time
	End      time.Time
	Moved    bool
	// Cancelled occurrences are listed (so calendars and people are told)
	// but do not take place.
	Cancelled bool
}

// Occurrences returns the occurrences whose start (as moved) or original
// start falls in [from, to), in order of start, at most max (0: no
// limit). Times are in the series' location.
func (s Series) Occurrences(from, to time.Time, max int) ([]Occurrence, error) {
	originals, err := s.originals(from, to)
	if err != nil {
		return nil, err
	}
	changes := map[int64]Change{}
	for _, c := range s.Changes {
		changes[c.Original.Unix()] = c
	}
	loc := s.Start.Location()
	var out []Occurrence
	seen := map[int64]bool{}
	add := func(orig time.Time) {
		if seen[orig.Unix()] {
			return
		}
		seen[orig.Unix()] = true
		o := Occurrence{Original: orig.In(loc), Start: orig.In(loc), End: orig.Add(s.Duration).In(loc)}
		if c, ok := changes[orig.Unix()]; ok {
			o.Cancelled = c.Cancelled
			if !c.Start.IsZero() {
				d := c.Duration
				if d <= 0 {
					d = s.Duration
				}
				o.Moved, o.Start, o.End = true, c.Start.In(loc), c.Start.Add(d).In(loc)
			}
		}
		if o.Start.Before(to) && !o.End.Before(from) || !orig.Before(from) && orig.Before(to) {
			out = append(out, o)
		}
	}
	for _, t := range originals {
		add(t)
	}
	// An occurrence moved into the window from outside it.
	for _, c := range s.Changes {
		if !c.Start.IsZero() && !c.Start.Before(from) && c.Start.Before(to) && s.IsOccurrence(c.Original) {
			add(c.Original)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	if max > 0 && len(out) > max {
		out = out[:max]
	}
	return out, nil
}

// originals are the rule's starts in [from, to).
func (s Series) originals(from, to time.Time) ([]time.Time, error) {
	if s.Rule == "" {
		if !s.Start.Before(from) && s.Start.Before(to) {
			return []time.Time{s.Start}, nil
		}
		return nil, nil
	}
	r, err := Parse(s.Rule, s.Start)
	if err != nil {
		return nil, err
	}
	out := r.Between(from, to, true)
	if len(out) > 0 && !out[len(out)-1].Before(to) {
		out = out[:len(out)-1]
	}
	return out, nil
}

// IsOccurrence reports whether t is one of the rule's starts.
func (s Series) IsOccurrence(t time.Time) bool {
	if s.Rule == "" {
		return t.Equal(s.Start)
	}
	r, err := Parse(s.Rule, s.Start)
	if err != nil {
		return false
	}
	got := r.After(t, true)
	return !got.IsZero() && got.Equal(t)
}

// Next returns up to n occurrences starting at or after from, cancelled
// ones included.
func (s Series) Next(from time.Time, n int) ([]Occurrence, error) {
	// Expand year by year until enough are found or the series ends;
	// a rule with no end has one occurrence at least every year or so.
	var out []Occurrence
	end := from
	for year := 0; year < 50 && len(out) < n; year++ {
		start := end
		end = start.AddDate(1, 0, 0)
		got, err := s.Occurrences(start, end, 0)
		if err != nil {
			return nil, err
		}
		for _, o := range got {
			if !o.Start.Before(from) && !containsOriginal(out, o.Original) {
				out = append(out, o)
			}
		}
		if s.Rule == "" && year > 0 {
			break
		}
		if last, ok := s.Last(); ok && end.After(last.Add(s.Duration)) && end.After(s.latestMove()) {
			break
		}
	}
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// Last returns the rule's last start, when the series ends (COUNT, UNTIL
// or a single meeting).
func (s Series) Last() (time.Time, bool) {
	if s.Rule == "" {
		return s.Start, true
	}
	r, err := Parse(s.Rule, s.Start)
	if err != nil {
		return time.Time{}, false
	}
	if r.OrigOptions.Count == 0 && r.OrigOptions.Until.IsZero() {
		return time.Time{}, false
	}
	all := r.All()
	if len(all) == 0 {
		return time.Time{}, false
	}
	return all[len(all)-1], true
}

func (s Series) latestMove() time.Time {
	var t time.Time
	for _, c := range s.Changes {
		if c.Start.After(t) {
			t = c.Start
		}
	}
	return t
}

func containsOriginal(os []Occurrence, t time.Time) bool {
	for _, o := range os {
		if o.Original.Equal(t) {
			return true
		}
	}
	return false
}
