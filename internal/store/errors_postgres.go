package store

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/maillage/maillage/internal/maillage"
)

// mapPostgresError maps PostgreSQL's SQLSTATE codes, or returns nil.
func mapPostgresError(err error) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return nil
	}
	switch pe.Code {
	case "23505": // unique_violation
		return maillage.ErrConflict.Wrap(err)
	case "23503": // foreign_key_violation
		return errInvalidReference.Wrap(err)
	case "23514", "23502", "22001": // check, not null, string too long
		return maillage.Errorf(maillage.CodeInvalid, "error.invalid").Wrap(err)
	}
	return nil
}
