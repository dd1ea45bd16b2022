package store

import (
	"database/sql"
	"errors"

	"github.com/maillage/maillage/internal/maillage"
)

// mapError turns driver errors into domain errors, keeping the original
// as the hidden cause. Both drivers' mappers run: a driver's error type
// simply never matches the other's.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return maillage.ErrNotFound.Wrap(err)
	}
	if e := mapSQLiteError(err); e != nil {
		return e
	}
	if e := mapPostgresError(err); e != nil {
		return e
	}
	return err
}

// errInvalidReference is what a foreign key violation means to a user:
// the thing referred to does not exist (or was deleted meanwhile).
var errInvalidReference = maillage.Errorf(maillage.CodeNotFound, "error.not_found")
