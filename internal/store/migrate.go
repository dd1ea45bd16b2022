package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// Migrate applies every pending migration of the database's dialect.
// On PostgreSQL a session advisory lock lets several servers start at once.
func (db *DB) Migrate(ctx context.Context) error {
	p, err := db.migrations()
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	// Tag keys computed by code: recomputed when the folding changed.
	return db.rekeyTags(ctx)
}

// migrations is the migration provider of the database's dialect.
func (db *DB) migrations() (*goose.Provider, error) {
	sub, err := fs.Sub(migrationFiles, "migrations/"+string(db.dialect))
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var opts []goose.ProviderOption
	dialect := goose.DialectSQLite3
	if db.dialect == Postgres {
		dialect = goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, fmt.Errorf("migration lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, db.write.DB, sub, opts...)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return p, nil
}

// Column describes one column of the schema, for the parity test between
// dialects and for diagnostics.
type Column struct {
	Table    string
	Name     string
	Nullable bool
}

// Schema lists the tables and columns of the database, sorted, leaving out
// the migration tool's own table.
func (db *DB) Schema(ctx context.Context) ([]Column, error) {
	var q string
	if db.dialect == Postgres {
		q = `SELECT table_name, column_name, is_nullable = 'YES'
		FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name <> 'goose_db_version'
		ORDER BY table_name, column_name`
	} else {
		q = `SELECT m.name, p.name, p."notnull" = 0 AND p.pk = 0
		FROM sqlite_master m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'goose_db_version'
		ORDER BY m.name, p.name`
	}
	rows, err := db.read.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	defer rows.Close()
	var cols []Column
	for rows.Next() {
		var c Column
		if err := rows.Scan(&c.Table, &c.Name, &c.Nullable); err != nil {
			return nil, fmt.Errorf("schema: %w", err)
		}
		cols = append(cols, c)
	}
	return cols, rows.Err()
}
