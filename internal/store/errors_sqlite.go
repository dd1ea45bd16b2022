package store

import (
	"errors"

	"github.com/maillage/maillage/internal/maillage"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// mapSQLiteError maps SQLite's extended result codes, or returns nil.
func mapSQLiteError(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return nil
	}
	switch se.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return maillage.ErrConflict.Wrap(err)
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return errInvalidReference.Wrap(err)
	case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
		return maillage.Errorf(maillage.CodeInvalid, "error.invalid").Wrap(err)
	}
	return nil
}
