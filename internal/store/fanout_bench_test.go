package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// fanOutMembers is the size of the community of the fan-out benchmark.
const fanOutMembers = 20000

// BenchmarkFanOut20k measures the fan-out of a public note integrated
// into a public community of 20 000 members, through the store function
// the JobNotify handler uses, against a raw batched multi-row INSERT of
// as many rows into the same table over a plain connection (the
// baseline). The goal: fan-out at least 0.7x the raw rate, under 100 ms.
//
//	go test ./internal/store -run '^$' -bench FanOut20k -benchtime 10x
//
// "fanout" is the path the handler takes for content every member may see
// (the Go policy decided it); "fanout_checked" applies the per-recipient
// SQL visibility mirror as for restricted content; "insert_select_floor"
// is the simplest single INSERT ... SELECT of the same rows, without any
// choice of recipients: what the storage engine itself costs.
func BenchmarkFanOut20k(b *testing.B) {
	ctx := context.Background()
	opts := testutil.DBOptions(b)
	db, err := store.Open(ctx, opts)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	actor, members, note, book, community := fanOutWorld(b, db)
	// A live database has statistics (autovacuum, SQLite's optimize); a
	// fresh one must be told, or planners guess a community of 75.
	stats := rawConn(b, opts)
	if _, err := stats.ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	stats.Close()

	clear := func(b *testing.B) {
		b.Helper()
		future := time.Now().Add(24 * time.Hour)
		if err := db.Update(ctx, func(tx *store.Tx) error { return tx.PurgeNotifications(ctx, future, future) }); err != nil {
			b.Fatal(err)
		}
	}
	fanOut := func(visibleToAll bool) func(b *testing.B) {
		return func(b *testing.B) {
			f := store.FanOut{Kind: maillage.EventNoteIntegrated, ActorID: actor, SubjectType: maillage.SubjectNote, SubjectID: note,
				ParentType: maillage.SubjectNotebook, ParentID: book, CommunityID: community, AllMembers: true,
				Followers: true, CommunityFollowers: true, ItemFollowers: true, VisibleToAll: visibleToAll}
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				clear(b)
				b.StartTimer()
				n, err := db.FanOut(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				if n != len(members) {
					b.Fatalf("%d rows, want %d", n, len(members))
				}
			}
			b.ReportMetric(float64(len(members)*b.N)/b.Elapsed().Seconds(), "rows/s")
		}
	}
	b.Run("fanout", fanOut(true))
	b.Run("fanout_checked", fanOut(false))
	b.Run("insert_select_floor", func(b *testing.B) {
		raw := rawConn(b, opts)
		defer raw.Close()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			clear(b)
			b.StartTimer()
			_, err := raw.ExecContext(ctx, `INSERT INTO notifications (id, user_id, event_key, kind, subject_type, subject_id,
				parent_type, parent_id, community_id, actor_id, direct, email, created_at)
				SELECT 'k' || sm.user_id, sm.user_id, 'k', 'note_integrated', 'note', $1, 'notebook', $2, $3, $4, FALSE, 'each', $5
				FROM community_members sm WHERE sm.community_id = $3 AND sm.user_id <> $4`, note, book, community, actor, time.Now().UTC())
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(members)*b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("raw_batched_insert", func(b *testing.B) {
		raw := rawConn(b, opts)
		defer raw.Close()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			clear(b)
			b.StartTimer()
			if err := rawInsert(ctx, raw, opts.URL == "", members, actor, note, book, community); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(members)*b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}

// fanOutWorld makes the community, its members (the actor aside), a
// public notebook and a public note in it.
func fanOutWorld(b testing.TB, db *store.DB) (actor string, members []string, note, book, community string) {
	ctx := context.Background()
	a := &maillage.User{ID: auth.NewID(), Email: "autrice@exemple.org", Name: "Autrice"}
	c := &maillage.Community{ID: auth.NewID(), Name: "Économie sociale", Visibility: maillage.VisibilityPublic, CreatedBy: a.ID}
	nb := &maillage.Notebook{ID: auth.NewID(), Title: "Ressources", Visibility: maillage.VisibilityPublic, CommunityID: c.ID, CreatedBy: a.ID}
	n := &maillage.Note{ID: auth.NewID(), Title: "Guide", Kind: maillage.NoteGeneral, Visibility: maillage.VisibilityPublic,
		License: maillage.LicenseCCBY, CreatedBy: a.ID, Authors: []maillage.NoteAuthor{{UserID: a.ID}}}
	err := db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateUser(ctx, a, "x"); err != nil {
			return err
		}
		if err := tx.CreateCommunity(ctx, c); err != nil {
			return err
		}
		if err := tx.UpsertMember(ctx, c.ID, a.ID, maillage.RoleManager); err != nil {
			return err
		}
		if err := tx.CreateNotebook(ctx, nb); err != nil {
			return err
		}
		return tx.CreateNote(ctx, n)
	})
	if err != nil {
		b.Fatal(err)
	}
	for len(members) < fanOutMembers {
		err := db.Update(ctx, func(tx *store.Tx) error {
			for range 2000 {
				u := &maillage.User{ID: auth.NewID(), Email: fmt.Sprintf("membre%d@exemple.org", len(members)), Name: "Membre"}
				if err := tx.CreateUser(ctx, u, "x"); err != nil {
					return err
				}
				if err := tx.UpsertMember(ctx, c.ID, u.ID, maillage.RoleMember); err != nil {
					return err
				}
				members = append(members, u.ID)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return a.ID, members, n.ID, nb.ID, c.ID
}

// rawConn opens a plain connection to the benchmark's database with the
// settings of the store's write pool (the same SQLite pragmas).
func rawConn(b *testing.B, opts store.Options) *sql.DB {
	var raw *sql.DB
	var err error
	if opts.URL != "" {
		raw, err = sql.Open("pgx", opts.URL)
	} else {
		q := url.Values{}
		for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(ON)", "synchronous(NORMAL)"} {
			q.Add("_pragma", p)
		}
		q.Set("_time_format", "sqlite")
		q.Set("_timezone", "UTC")
		q.Set("_txlock", "immediate")
		raw, err = sql.Open("sqlite", "file:"+store.SQLitePath(opts.DataDir)+"?"+q.Encode())
	}
	if err != nil {
		b.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	return raw
}

// rawInsert writes one notification per member with multi-row INSERT
// statements of 500 rows, a transaction per 5 000 rows (the fan-out's
// chunk), IDs made in Go. SQLite gets anonymous "?" placeholders: its
// numbered "$n" ones are looked up by name, which costs quadratic time in
// a statement of thousands of them.
func rawInsert(ctx context.Context, raw *sql.DB, sqlite bool, members []string, actor, note, book, community string) error {
	const perStatement, perTx, cols = 500, store.DefaultFanOutChunk, 13
	now := time.Now().UTC().Truncate(time.Microsecond)
	key := store.EventKey(maillage.EventNoteIntegrated, maillage.SubjectNote, note, maillage.SubjectNotebook, book)
	for start := 0; start < len(members); start += perTx {
		tx, err := raw.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		for s := start; s < min(start+perTx, len(members)); s += perStatement {
			batch := members[s:min(s+perStatement, start+perTx, len(members))]
			var q strings.Builder
			q.WriteString(`INSERT INTO notifications (id, user_id, event_key, kind, subject_type, subject_id, parent_type, parent_id,
				community_id, actor_id, direct, email, created_at) VALUES `)
			args := make([]any, 0, len(batch)*cols)
			for i, m := range batch {
				if i > 0 {
					q.WriteString(", ")
				}
				q.WriteString("(")
				for c := range cols {
					if c > 0 {
						q.WriteString(", ")
					}
					if sqlite {
						q.WriteString("?")
					} else {
						fmt.Fprintf(&q, "$%d", i*cols+c+1)
					}
				}
				q.WriteString(")")
				args = append(args, key+m, m, key, string(maillage.EventNoteIntegrated), string(maillage.SubjectNote), note,
					string(maillage.SubjectNotebook), book, community, actor, false, string(maillage.NotifyEach), now)
			}
			if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
				tx.Rollback()
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
