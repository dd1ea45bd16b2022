package store

import (
	"context"
	"database/sql"
	"sync"
)

// maxCachedStatements bounds the statement cache: queries are built from
// a finite set of filters, so this is never reached in practice, and past
// it queries simply run unprepared.
const maxCachedStatements = 1024

// stmtCache keeps prepared read statements by SQL text. The SQLite driver
// parses every query anew, which a profile of the directory pages showed
// at about 15 % of their time; PostgreSQL's driver already caches
// statements per connection, so the cache is only used on SQLite.
type stmtCache struct {
	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
}

func (c *stmtCache) get(ctx context.Context, pool *sql.DB, query string) *sql.Stmt {
	c.mu.RLock()
	st, ok := c.stmts[query]
	c.mu.RUnlock()
	if ok {
		return st
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st
	}
	if len(c.stmts) >= maxCachedStatements {
		return nil
	}
	st, err := pool.PrepareContext(ctx, query)
	if err != nil {
		// Let the caller run the query directly and report the error.
		return nil
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[query] = st
	return st
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}

// query runs a read query on the read pool, prepared once on SQLite.
func (db *DB) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if db.dialect == SQLite {
		if st := db.stmts.get(ctx, db.read.DB, query); st != nil {
			return st.QueryContext(ctx, cleanArgs(args)...)
		}
	}
	return db.read.QueryContext(ctx, query, args...)
}

// queryRow is query for a single row.
func (db *DB) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if db.dialect == SQLite {
		if st := db.stmts.get(ctx, db.read.DB, query); st != nil {
			return st.QueryRowContext(ctx, cleanArgs(args)...)
		}
	}
	return db.read.QueryRowContext(ctx, query, args...)
}
