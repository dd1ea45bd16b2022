package benchgen

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// world is a generated tiny data set with the service over it and a raw
// connection to check what the rows hold.
type world struct {
	s   *service.Service
	db  *store.DB
	raw *sql.DB
	sum *Summary
}

func tiny(t *testing.T) Profile {
	p, ok := ProfileNamed("tiny")
	if !ok {
		t.Fatal("no tiny profile")
	}
	return p
}

// generate fills a fresh database (SQLite, or PostgreSQL when
// MAILLAGE_TEST_DATABASE_URL is set) with the tiny profile.
func generate(t *testing.T, seed uint64) *world {
	t.Helper()
	ctx := context.Background()
	opts := testutil.DBOptions(t)
	db, err := store.Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var raw *sql.DB
	if opts.URL != "" {
		raw, err = sql.Open("pgx", opts.URL)
	} else {
		raw, err = sql.Open("sqlite", "file:"+store.SQLitePath(opts.DataDir)+"?_pragma=busy_timeout(10000)")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	s := service.New(service.Options{DB: db, Hasher: auth.NewHasher(auth.TestParams(), 2), BaseURL: "http://maillage.test",
		Files: testutil.Files(t)})
	// No word list from the machine: the data must not depend on it.
	sum, err := Generate(ctx, s, Options{Profile: tiny(t), Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return &world{s: s, db: db, raw: raw, sum: sum}
}

func (w *world) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := w.raw.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func (w *world) str(t *testing.T, query string, args ...any) string {
	t.Helper()
	var s string
	if err := w.raw.QueryRow(query, args...).Scan(&s); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return s
}

// TestGenerateTiny generates the tiny profile and checks the counts, the
// mix of visibility, the consent model, the derived columns, and that the
// application's own reads work on the data.
func TestGenerateTiny(t *testing.T) {
	ctx := context.Background()
	w := generate(t, 7)
	p := tiny(t)

	// The summary tells the truth, and the profile's sizes hold.
	tables := make([]string, 0, len(w.sum.Rows))
	for table := range w.sum.Rows {
		tables = append(tables, table)
	}
	counts, err := w.db.CountRows(ctx, tables)
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range tables {
		want := w.sum.Rows[table]
		if table == "tags" {
			want += int64(w.count(t, `SELECT COUNT(*) FROM tags WHERE kind = 'curated'`))
		}
		if counts[table] != want {
			t.Errorf("%s: %d rows, the summary says %d", table, counts[table], want)
		}
	}
	for table, want := range map[string]int64{"users": int64(p.People) + 1, "organizations": int64(p.Organizations),
		"notes": int64(p.Notes), "communities": int64(p.communities()), "notebooks": int64(p.notebooks())} {
		if counts[table] != want {
			t.Errorf("%s: %d, want %d", table, counts[table], want)
		}
	}
	if per := float64(w.sum.Relations) / float64(p.People); per < 12 || per > 30 {
		t.Errorf("%.1f relations per person, want about 20 (profiles: 20k for 1k people)", per)
	}

	// Visibility: about 75 % public, 15 % community, 10 % private.
	share := func(vis string) float64 {
		return float64(w.count(t, `SELECT COUNT(*) FROM notes WHERE visibility = $1`, vis)) / float64(p.Notes)
	}
	for vis, want := range map[string]float64{"public": 0.75, "community": 0.15, "private": 0.10} {
		if got := share(vis); got < want-0.08 || got > want+0.08 {
			t.Errorf("%s notes: %.0f %%, want about %.0f %%", vis, got*100, want*100)
		}
	}
	if pub := float64(w.count(t, `SELECT COUNT(*) FROM users WHERE profile_visibility = 'public'`)) / float64(p.People+1); pub < 0.65 || pub > 0.92 {
		t.Errorf("public profiles: %.0f %%, want most", pub*100)
	}
	for _, q := range []string{
		// A community note belongs to a community its author is in.
		`SELECT COUNT(*) FROM notes n WHERE n.visibility = 'community' AND NOT EXISTS
			(SELECT 1 FROM community_members m WHERE m.community_id = n.community_id AND m.user_id = n.created_by)`,
		// Every co-author consented: an accepted invitation stands behind each.
		`SELECT COUNT(*) FROM note_authors a JOIN notes n ON n.id = a.note_id WHERE a.user_id <> n.created_by AND NOT EXISTS
			(SELECT 1 FROM note_invitations i WHERE i.note_id = a.note_id AND i.user_id = a.user_id AND i.status = 'accepted')`,
		// People invited and not answered are not authors.
		`SELECT COUNT(*) FROM note_invitations i JOIN note_authors a ON a.note_id = i.note_id AND a.user_id = i.user_id
			WHERE i.status = 'pending'`,
		// Members of a private community came in by invitation, but its creator.
		`SELECT COUNT(*) FROM community_members m JOIN communities c ON c.id = m.community_id
			WHERE c.visibility = 'private' AND m.user_id <> c.created_by AND NOT EXISTS (SELECT 1 FROM community_invitations i
			WHERE i.community_id = m.community_id AND i.user_id = m.user_id AND i.status = 'accepted')`,
		// A thread's last activity is its last reply.
		`SELECT COUNT(*) FROM threads t WHERE t.last_activity_at < (SELECT MAX(r.created_at) FROM replies r WHERE r.thread_id = t.id)`,
		// Every note has its first revision, and its creator as first author.
		`SELECT COUNT(*) FROM notes n WHERE NOT EXISTS (SELECT 1 FROM note_revisions r WHERE r.note_id = n.id AND r.number = 1)
			OR NOT EXISTS (SELECT 1 FROM note_authors a WHERE a.note_id = n.id AND a.user_id = n.created_by AND a.position = 0)`,
		// A resolved link reaches a note bearing its title.
		`SELECT COUNT(*) FROM note_links l LEFT JOIN notes n ON n.id = l.target_id WHERE l.resolved <> (l.target_id IS NOT NULL)
			OR (l.target_id IS NOT NULL AND n.title_key <> l.target_key)`,
	} {
		if n := w.count(t, q); n != 0 {
			t.Errorf("%d rows break the rule of\n%s", n, q)
		}
	}
	for _, q := range []string{
		`SELECT COUNT(*) FROM note_invitations WHERE status = 'accepted'`,
		`SELECT COUNT(*) FROM note_links WHERE target_id IS NOT NULL`,
		`SELECT COUNT(*) FROM note_links WHERE target_id IS NULL`,
		`SELECT COUNT(*) FROM communities WHERE visibility = 'private' AND NOT listed`,
		`SELECT COUNT(*) FROM replies WHERE hidden`,
		`SELECT COUNT(*) FROM tags WHERE kind = 'free'`,
	} {
		if w.count(t, q) == 0 {
			t.Errorf("none of %s", q)
		}
	}

	// Derived columns are what the store's own writes compute.
	checkKeys(t, w, `SELECT name, name_key FROM users`, fold.Key)
	checkKeys(t, w, `SELECT title, title_key FROM notes`, fold.Key)
	checkKeys(t, w, `SELECT name, name_key FROM organizations`, fold.Key)
	checkKeys(t, w, `SELECT label, key FROM tags`, store.TagKey)
	checkKeys(t, w, `SELECT label, slug FROM tags WHERE kind = 'free'`, fold.Slug)
	checkKeys(t, w, `SELECT website, website_key FROM organizations`, fold.WebsiteKey)

	// The application reads the data as its own.
	anon := maillage.Viewer{}
	_, total, err := w.s.Notes(ctx, anon, service.NoteFilter{Page: service.Page{Limit: 20}})
	if err != nil {
		t.Fatal(err)
	}
	if want := w.count(t, `SELECT COUNT(*) FROM notes WHERE visibility = 'public'`); total != want {
		t.Errorf("anonymous note list: %d notes, want the %d public ones", total, want)
	}
	slug := w.str(t, `SELECT t.slug FROM note_tags nt JOIN tags t ON t.id = nt.tag_id JOIN notes n ON n.id = nt.note_id
		WHERE n.visibility = 'public' GROUP BY t.slug ORDER BY COUNT(*) DESC, t.slug LIMIT 1`)
	page, err := w.s.TagPage(ctx, anon, slug, service.TagPageOptions{PerList: 5})
	if err != nil {
		t.Fatal(err)
	}
	want := w.count(t, `SELECT COUNT(*) FROM note_tags nt JOIN tags t ON t.id = nt.tag_id JOIN notes n ON n.id = nt.note_id
		WHERE n.visibility = 'public' AND t.slug = $1`, slug)
	if page.NotesTotal != want || len(page.Notes) == 0 {
		t.Errorf("tag page %s: %d notes (%d listed), want %d", slug, page.NotesTotal, len(page.Notes), want)
	}

	// Profiles: public ones to anyone, members-only ones to members.
	pub := w.str(t, `SELECT id FROM users WHERE profile_visibility = 'public' AND NOT is_admin ORDER BY id LIMIT 1`)
	if u, err := w.s.Profile(ctx, anon, pub); err != nil || len(u.Interests) == 0 && w.count(t, `SELECT COUNT(*) FROM user_interests WHERE user_id = $1`, pub) > 0 {
		t.Errorf("public profile: %v", err)
	}
	hidden := w.str(t, `SELECT id FROM users WHERE profile_visibility = 'members' AND NOT is_admin ORDER BY id LIMIT 1`)
	if _, err := w.s.Profile(ctx, anon, hidden); !maillage.IsNotFound(err) {
		t.Errorf("members-only profile seen from outside: %v", err)
	}
	member, _, err := w.s.Viewer(ctx, pub)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.Profile(ctx, member, hidden); err != nil {
		t.Errorf("members-only profile seen by a member: %v", err)
	}

	// A link between public notes renders as a link, and backlinks follow.
	var src, dst string
	if err := w.raw.QueryRow(`SELECT l.source_id, l.target_id FROM note_links l JOIN notes s ON s.id = l.source_id
		JOIN notes d ON d.id = l.target_id WHERE s.visibility = 'public' AND d.visibility = 'public'
		ORDER BY l.source_id, l.target_id LIMIT 1`).Scan(&src, &dst); err != nil {
		t.Fatal(err)
	}
	np, err := w.s.NotePage(ctx, anon, src)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(np.HTML), "/notes/"+dst) {
		t.Errorf("note %s does not link to %s:\n%s", src, dst, np.HTML)
	}
	np, err = w.s.NotePage(ctx, anon, dst)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, b := range np.Backlinks {
		found = found || b.ID == src
	}
	if !found {
		t.Errorf("note %s has no backlink from %s", dst, src)
	}

	// Co-authors are listed to their fellow author.
	var coNote, creator string
	if err := w.raw.QueryRow(`SELECT n.id, n.created_by FROM notes n WHERE (SELECT COUNT(*) FROM note_authors a WHERE a.note_id = n.id) > 1
		ORDER BY n.id LIMIT 1`).Scan(&coNote, &creator); err != nil {
		t.Fatal(err)
	}
	cv, _, err := w.s.Viewer(ctx, creator)
	if err != nil {
		t.Fatal(err)
	}
	n, err := w.s.Note(ctx, cv, coNote)
	if err != nil {
		t.Fatal(err)
	}
	if want := w.count(t, `SELECT COUNT(*) FROM note_authors WHERE note_id = $1`, coNote); len(n.AuthorIDs()) != want {
		t.Errorf("note %s lists %d authors, want %d", coNote, len(n.AuthorIDs()), want)
	}

	// An unlisted private community is absent to outsiders, there for members.
	comm := w.str(t, `SELECT id FROM communities WHERE visibility = 'private' AND NOT listed ORDER BY id LIMIT 1`)
	if _, err := w.s.Community(ctx, anon, comm); !maillage.IsNotFound(err) {
		t.Errorf("unlisted community seen from outside: %v", err)
	}
	mid := w.str(t, `SELECT user_id FROM community_members WHERE community_id = $1 ORDER BY user_id LIMIT 1`, comm)
	mv, _, err := w.s.Viewer(ctx, mid)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.Community(ctx, mv, comm); err != nil {
		t.Errorf("member cannot see their community: %v", err)
	}
	busy := w.str(t, `SELECT community_id FROM threads GROUP BY community_id ORDER BY COUNT(*) DESC, community_id LIMIT 1`)
	tv, _, err := w.s.Viewer(ctx, w.str(t, `SELECT created_by FROM communities WHERE id = $1`, busy))
	if err != nil {
		t.Fatal(err)
	}
	if _, total, err := w.s.Threads(ctx, tv, busy, service.Page{Limit: 10}); err != nil || total == 0 {
		t.Errorf("threads of %s: %d, %v", busy, total, err)
	}

	// Generated accounts sign in with the documented password.
	if _, err := w.s.SignIn(ctx, w.sum.SampleEmail, Password, "127.0.0.1"); err != nil {
		t.Errorf("sign in as %s: %v", w.sum.SampleEmail, err)
	}
	if _, err := w.s.SignIn(ctx, AdminEmail, Password, "127.0.0.1"); err != nil {
		t.Errorf("sign in as %s: %v", AdminEmail, err)
	}

	// A database with data is refused, and left as it was.
	if _, err := Generate(ctx, w.s, Options{Profile: tiny(t), Seed: 7}); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("second generation: %v, want ErrNotEmpty", err)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM notes`); n != p.Notes {
		t.Errorf("after a refused generation: %d notes", n)
	}
}

// checkKeys checks that each row's derived column (second) is derive of
// its first.
func checkKeys(t *testing.T, w *world, query string, derive func(string) string) {
	t.Helper()
	rows, err := w.raw.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var v, key string
		if err := rows.Scan(&v, &key); err != nil {
			t.Fatal(err)
		}
		if derive(v) != key {
			t.Errorf("%s: %q has %q, want %q", query, v, key, derive(v))
		}
		n++
	}
	if err := rows.Err(); err != nil || n == 0 {
		t.Errorf("%s: %d rows, %v", query, n, err)
	}
}

// TestSameSeedSameData: two generations with one seed write the same
// rows (IDs and times included; only the starter taxonomy's tags, loaded
// through the service, get new IDs, so tags are compared by slug); another
// seed writes other data.
func TestSameSeedSameData(t *testing.T) {
	a, b, c := dump(t, generate(t, 11)), dump(t, generate(t, 11)), dump(t, generate(t, 12))
	for table, da := range a {
		if db := b[table]; da != db {
			t.Errorf("%s differs between two runs with the same seed", table)
		}
	}
	if a["notes"] == c["notes"] || a["users"] == c["users"] {
		t.Error("another seed gave the same data")
	}
}

// dump hashes each generated table's rows, tag IDs replaced by slugs.
func dump(t *testing.T, w *world) map[string]string {
	t.Helper()
	slugs := map[string]string{}
	rows, err := w.raw.Query(`SELECT id, slug FROM tags`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, slug string
		if err := rows.Scan(&id, &slug); err != nil {
			t.Fatal(err)
		}
		slugs[id] = "tag:" + slug
	}
	rows.Close()
	out := map[string]string{}
	for table := range w.sum.Rows {
		query := `SELECT * FROM ` + table
		if table == "tags" {
			query = `SELECT slug, key, label, kind, created_by, created_at FROM tags WHERE kind = 'free'`
		}
		rows, err := w.raw.Query(query)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			parts := make([]string, len(vals))
			for i, v := range vals {
				s := fmt.Sprint(v)
				if b, ok := v.([]byte); ok {
					s = string(b)
				}
				if slug, ok := slugs[s]; ok {
					s = slug
				}
				parts[i] = s
			}
			lines = append(lines, strings.Join(parts, "\x1f"))
		}
		rows.Close()
		sort.Strings(lines)
		h := sha256.Sum256([]byte(strings.Join(lines, "\n")))
		out[table] = fmt.Sprintf("%x (%d rows)", h, len(lines))
	}
	return out
}
