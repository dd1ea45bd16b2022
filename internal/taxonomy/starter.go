package taxonomy

import (
	"bytes"
	_ "embed"
)

// starterCSV is the starter taxonomy for Québec's social and solidarity
// economy: sectors of activity, practices, themes and populations served,
// in French and English, with synonyms and a few definitions.
//
//go:embed starter.csv
var starterCSV []byte

// Starter returns the starter taxonomy. Concept IDs are slugs.
func Starter() (*Scheme, error) {
	s, err := ReadCSV(bytes.NewReader(starterCSV))
	if err != nil {
		return nil, err
	}
	return s, s.Check(nil)
}
