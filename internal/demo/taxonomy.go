package demo

import (
	"context"
	"fmt"
)

// taxonomy loads the starter taxonomy that ships with Maillage before
// anyone tags anything, so the dataset's labels meet the curated tags
// (and their synonyms: « économie sociale » is the taxonomy's « Économie
// sociale et solidaire »), as on a new instance.
func (l *loader) taxonomy(ctx context.Context, sum *Summary) error {
	res, err := l.s.LoadStarterTaxonomyByOperator(ctx)
	if err != nil {
		return fmt.Errorf("starter taxonomy: %w", err)
	}
	sum.CuratedTags = res.Created
	return nil
}

// curators makes the demo person a curator, so the demo shows the
// administration area's tags section as curators see it.
func (l *loader) curators(ctx context.Context, _ *Summary) error {
	id, ok := l.users[DemoName]
	if !ok {
		return fmt.Errorf("curators: no demo person")
	}
	return l.s.SetCuratorByOperator(ctx, id, true)
}
