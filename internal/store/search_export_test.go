package store

import "context"

// This file lends the search change log's description to the external
// tests (it is compiled for tests only).

// SearchTriggersWanted lists the triggers migration 00012 must install on
// this database for searchWatches, as "table trigger" pairs, and whether
// every source has a mapping in AffectedSearchDocuments.
func (db *DB) SearchTriggersWanted() (triggers []string, unmapped []string) {
	mappers := searchMappers()
	for _, w := range searchWatches() {
		name := "search_" + w.source
		if db.dialect == Postgres {
			// One trigger for inserts and deletes, one for updates.
			triggers = append(triggers, w.table+" "+name+"_write", w.table+" "+name+"_update")
		} else {
			triggers = append(triggers, w.table+" "+name+"_insert", w.table+" "+name+"_update", w.table+" "+name+"_delete")
		}
		if _, ok := mappers[w.source]; !ok {
			unmapped = append(unmapped, w.source)
		}
	}
	return triggers, unmapped
}

// SearchTriggersInstalled lists the triggers that write change_log, as
// "table trigger" pairs.
func (db *DB) SearchTriggersInstalled(ctx context.Context) ([]string, error) {
	q := `SELECT tbl_name || ' ' || name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%change_log%'`
	if db.dialect == Postgres {
		q = `SELECT c.relname || ' ' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
			JOIN pg_proc p ON p.oid = t.tgfoid WHERE NOT t.tgisinternal AND p.proname = 'search_log_change'
			AND c.relnamespace = current_schema()::regnamespace`
	}
	return db.idsArgs(ctx, q)
}
