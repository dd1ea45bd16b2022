package store

import (
	"context"
	"database/sql"
)

// RecruitmentFixtureExec runs a statement in a transaction, for the
// recruitment tests' fixtures of tables whose own store lives elsewhere
// (actor cards) and of deletions no use case makes yet (accounts).
func (tx *Tx) RecruitmentFixtureExec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return tx.exec(ctx, query, args...)
}
