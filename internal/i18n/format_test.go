package i18n

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	b := testBundle(t)
	fr, en := b.Localizer(FrenchCA), b.Localizer(English)
	cases := []struct {
		in     time.Time
		fr, en string
	}{
		{time.Date(2026, 11, 28, 19, 5, 0, 0, time.UTC), "28 novembre 2026", "November 28, 2026"},
		{time.Date(2026, 8, 1, 12, 0, 0, 0, time.UTC), "1er août 2026", "August 1, 2026"},
		{time.Date(2026, 2, 3, 12, 0, 0, 0, time.UTC), "3 février 2026", "February 3, 2026"},
		// 03:00 UTC is still the previous evening in Toronto.
		{time.Date(2027, 1, 1, 3, 0, 0, 0, time.UTC), "31 décembre 2026", "December 31, 2026"},
	}
	for _, c := range cases {
		if got := fr.Date(c.in); got != c.fr {
			t.Errorf("fr-CA Date(%v) = %q, want %q", c.in, got, c.fr)
		}
		if got := en.Date(c.in); got != c.en {
			t.Errorf("en Date(%v) = %q, want %q", c.in, got, c.en)
		}
	}
}

func TestDateTime(t *testing.T) {
	b := testBundle(t)
	fr, en := b.Localizer(FrenchCA), b.Localizer(English)
	cases := []struct {
		in     time.Time
		fr, en string
	}{
		// November: Toronto is UTC-5 (EST).
		{time.Date(2026, 11, 28, 19, 5, 0, 0, time.UTC), "28 novembre 2026 à 14 h 05", "November 28, 2026 at 2:05 PM"},
		// July: Toronto is UTC-4 (EDT).
		{time.Date(2026, 7, 1, 13, 30, 0, 0, time.UTC), "1er juillet 2026 à 9 h 30", "July 1, 2026 at 9:30 AM"},
		{time.Date(2026, 3, 10, 4, 0, 0, 0, time.UTC), "10 mars 2026 à 0 h", "March 10, 2026 at 12:00 AM"},
	}
	for _, c := range cases {
		if got := fr.DateTime(c.in); got != c.fr {
			t.Errorf("fr-CA DateTime(%v) = %q, want %q", c.in, got, c.fr)
		}
		if got := en.DateTime(c.in); got != c.en {
			t.Errorf("en DateTime(%v) = %q, want %q", c.in, got, c.en)
		}
	}
}

func TestNumber(t *testing.T) {
	b := testBundle(t)
	fr, en := b.Localizer(FrenchCA), b.Localizer(English)
	cases := []struct {
		in     any
		fr, en string
	}{
		{1234.5, "1\u00a0234,5", "1,234.5"},
		{1234, "1\u00a0234", "1,234"},
		{int64(1234567), "1\u00a0234\u00a0567", "1,234,567"},
		{0.125, "0,125", "0.125"},
		{-3, "-3", "-3"},
		{float32(2.5), "2,5", "2.5"},
		{"n/a", "n/a", "n/a"},
	}
	for _, c := range cases {
		if got := fr.Number(c.in); got != c.fr {
			t.Errorf("fr-CA Number(%v) = %q, want %q", c.in, got, c.fr)
		}
		if got := en.Number(c.in); got != c.en {
			t.Errorf("en Number(%v) = %q, want %q", c.in, got, c.en)
		}
	}
}
