// Package store holds all of Maillage's SQL. One DB serves SQLite (the
// default, embedded) and PostgreSQL; dialect.go is the only place where the
// two differ at run time. The store answers "what is there"; it never
// decides who may see what beyond applying the access policy's SQL mirror
// (policy_sql.go) that the service layer asks for.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	// Drivers register themselves with database/sql.
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// DB is a handle on Maillage's database: a write pool and a read pool.
// On SQLite the write pool has a single connection whose transactions
// begin IMMEDIATE, so concurrent writers queue instead of failing with
// "database is locked"; readers use their own pool under WAL.
type DB struct {
	write   pool
	read    pool
	dialect Dialect
	stmts   stmtCache
	// Now is the clock; tests replace it.
	Now func() time.Time
	// searchText turns Markdown into the plain text search documents
	// hold; built once, on first use (a renderer costs milliseconds).
	searchText searchRenderer
}

// Options selects and tunes the database.
type Options struct {
	// DataDir holds maillage.db when URL is empty.
	DataDir string
	// URL is a postgres:// URL; empty selects SQLite in DataDir.
	URL string
	// ReadConns bounds the read pool (default 4 on SQLite, 10 on PostgreSQL).
	ReadConns int
}

// Open connects to the database described by opts. It does not migrate.
func Open(ctx context.Context, opts Options) (*DB, error) {
	if opts.URL != "" {
		return openPostgres(ctx, opts)
	}
	return openSQLite(ctx, opts)
}

// SQLitePath is where the embedded database lives in a data folder.
func SQLitePath(dataDir string) string { return filepath.Join(dataDir, "maillage.db") }

func openSQLite(ctx context.Context, opts Options) (*DB, error) {
	if err := os.MkdirAll(opts.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	path := SQLitePath(opts.DataDir)
	// Pragmas travel in the DSN so every pooled connection gets them, and
	// busy_timeout comes first so the others wait instead of failing.
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_time_format", "sqlite")
	q.Set("_timezone", "UTC")
	readDSN := "file:" + path + "?" + q.Encode()
	q.Set("_txlock", "immediate")
	writeDSN := "file:" + path + "?" + q.Encode()

	write, err := sql.Open("sqlite", writeDSN)
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	read, err := sql.Open("sqlite", readDSN)
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	n := opts.ReadConns
	if n <= 0 {
		n = 4
	}
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	db := &DB{write: pool{write}, read: pool{read}, dialect: SQLite, Now: utcNow}
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func openPostgres(ctx context.Context, opts Options) (*DB, error) {
	if !strings.HasPrefix(opts.URL, "postgres://") && !strings.HasPrefix(opts.URL, "postgresql://") {
		return nil, errors.New("database URL must start with postgres://")
	}
	conns, err := sql.Open("pgx", opts.URL)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	n := opts.ReadConns
	if n <= 0 {
		n = 10
	}
	conns.SetMaxOpenConns(n + 5)
	conns.SetMaxIdleConns(n)
	conns.SetConnMaxIdleTime(5 * time.Minute)
	// PostgreSQL handles concurrent writers itself: one pool serves both.
	db := &DB{write: pool{conns}, read: pool{conns}, dialect: Postgres, Now: utcNow}
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func utcNow() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// Dialect tells which database this is.
func (db *DB) Dialect() Dialect { return db.dialect }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.read.PingContext(ctx); err != nil {
		return fmt.Errorf("ping %s: %w", db.dialect, err)
	}
	return nil
}

// Close closes both pools.
func (db *DB) Close() error {
	db.stmts.close()
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}
