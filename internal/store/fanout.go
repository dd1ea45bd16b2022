package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

// DefaultFanOutChunk is how many recipients one fan-out transaction
// writes: enough to amortise the statement, small enough that SQLite's
// single writer is never held for long.
const DefaultFanOutChunk = 5000

// FanOut is one event's delivery. Recipients are chosen, filtered and
// written by the database in batched INSERT ... SELECT statements, so a
// community of 20 000 members costs a few statements, not 20 000.
type FanOut struct {
	Kind        maillage.EventKind
	ActorID     string
	SubjectType maillage.SubjectType
	SubjectID   string
	ParentType  maillage.SubjectType
	ParentID    string
	CommunityID string
	// DirectIDs are told by name: they keep their in-application
	// notification even when their mode is 'none'.
	DirectIDs []string
	// AllMembers adds every member of CommunityID.
	AllMembers bool
	// Followers adds the followers of the subject, of the parent and (with
	// CommunityFollowers) of the community, told of the event itself.
	Followers          bool
	CommunityFollowers bool
	// ItemFollowers adds the followers of the subject's tags and authors
	// (notes and threads), told of a new followed item.
	ItemFollowers bool
	// VisibleToAll skips the per-recipient visibility filter: the caller
	// checked that any member may see the subject and its parent.
	VisibleToAll bool
	// Chunk bounds the recipients written per transaction
	// (DefaultFanOutChunk when 0).
	Chunk int
	// OnChunk runs inside each chunk's transaction once its rows are
	// written (when there are some), stamped tx.Now(): the caller enqueues
	// their emails there, so rows and emails commit together.
	OnChunk func(ctx context.Context, tx *Tx, c Chunk) error
}

// Chunk is one transaction of a fan-out: the recipients whose IDs are in
// (After, Through] ("" for no bound), and how many rows it wrote.
type Chunk struct {
	After, Through string
	Rows           int
}

// EventKey names an event for the notifications it causes. It starts
// each row's ID, so a retried fan-out writes nothing twice and one person
// keeps a single unread notification about the same thing; the same
// event again (a new message in a conversation) raises a notification its
// recipient has read, unread again — and so does a retry, for someone who
// read theirs in between. A new followed item is never raised again.
func EventKey(kind maillage.EventKind, st maillage.SubjectType, sid string, pt maillage.SubjectType, pid string) string {
	sum := sha256.Sum256([]byte(strings.Join([]string{string(kind), string(st), sid, string(pt), pid}, "\x00")))
	return hex.EncodeToString(sum[:8])
}

// Keys returns the event key of the fan-out and the key of the "new
// followed item" notifications it gives tag and author followers. The
// item key leaves out the kind and the parent: a note is new once, even
// when it is later added to a notebook.
func (f *FanOut) Keys() (event, item string) {
	return EventKey(f.Kind, f.SubjectType, f.SubjectID, f.ParentType, f.ParentID),
		EventKey(maillage.EventNewFollowedItem, f.SubjectType, f.SubjectID, "", "")
}

// followTargetOf maps a subject type to the follow target naming it.
func followTargetOf(t maillage.SubjectType) (maillage.FollowTarget, bool) {
	switch t {
	case maillage.SubjectCommunity:
		return maillage.FollowCommunity, true
	case maillage.SubjectNotebook:
		return maillage.FollowNotebook, true
	case maillage.SubjectThread:
		return maillage.FollowThread, true
	case maillage.SubjectTag:
		return maillage.FollowTag, true
	case maillage.SubjectUser:
		return maillage.FollowPerson, true
	}
	return "", false
}

// candidates is the SQL of the recipients before any filter, one row per
// person: (user_id, direct 0/1, item 0/1); bound adds the chunk's range
// on a user column. The members of a community, the bulk of a large
// fan-out, stream in order from the membership index; only the few
// people reached otherwise are merged, and those already members are
// left to the members' row.
func (f *FanOut) candidates(a *args, bound func(col string) string) string {
	members := f.AllMembers && f.CommunityID != ""
	var direct []string
	for _, id := range f.DirectIDs {
		direct = append(direct, a.add(id))
	}
	others := f.otherSources(a, bound, direct)
	if !members {
		if others == "" {
			return ""
		}
		return "SELECT s.user_id, MAX(s.direct) AS direct, MIN(s.item) AS item FROM (" + others + ") s GROUP BY s.user_id"
	}
	c := a.add(f.CommunityID)
	isDirect := "0"
	if len(direct) > 0 {
		isDirect = "CASE WHEN sm.user_id IN (" + strings.Join(direct, ", ") + ") THEN 1 ELSE 0 END"
	}
	q := "SELECT sm.user_id AS user_id, " + isDirect + " AS direct, 0 AS item FROM community_members sm WHERE sm.community_id = " + c + bound("sm.user_id")
	if others != "" {
		q += " UNION ALL SELECT s.user_id, MAX(s.direct), MIN(s.item) FROM (" + others + ") s" +
			" WHERE s.user_id NOT IN (SELECT om.user_id FROM community_members om WHERE om.community_id = " + c + ") GROUP BY s.user_id"
	}
	return q
}

// otherSources is the union of the ways people hear of the event besides
// membership: named (direct), following the subject, the parent or the
// community (the event itself), following the subject's tags or authors
// (a new followed item).
func (f *FanOut) otherSources(a *args, bound func(col string) string, direct []string) string {
	var parts []string
	add := func(direct, item int, col, rest string) {
		parts = append(parts, fmt.Sprintf("SELECT %s AS user_id, %d AS direct, %d AS item %s", col, direct, item, rest))
	}
	if len(direct) > 0 {
		add(1, 0, "du.id", "FROM users du WHERE du.id IN ("+strings.Join(direct, ", ")+")"+bound("du.id"))
	}
	follow := func(t maillage.FollowTarget, id string) {
		add(0, 0, "sf.user_id", "FROM follows sf WHERE sf.target_type = "+a.add(string(t))+" AND sf.target_id = "+a.add(id)+bound("sf.user_id"))
	}
	if f.Followers {
		if t, ok := followTargetOf(f.SubjectType); ok {
			follow(t, f.SubjectID)
		}
		if t, ok := followTargetOf(f.ParentType); ok && f.ParentID != "" {
			follow(t, f.ParentID)
		}
	}
	if f.CommunityFollowers && f.CommunityID != "" && !(f.ParentType == maillage.SubjectCommunity && f.ParentID == f.CommunityID) {
		follow(maillage.FollowCommunity, f.CommunityID)
	}
	if f.ItemFollowers {
		// The subject's few tags and authors lead; IN keeps the planner
		// from walking every follow of every tag.
		sid := a.add(f.SubjectID)
		item := func(target maillage.FollowTarget, ids string) {
			add(0, 1, "fi.user_id", "FROM follows fi WHERE fi.target_type = '"+string(target)+"' AND fi.target_id IN ("+ids+")"+bound("fi.user_id"))
		}
		switch f.SubjectType {
		case maillage.SubjectNote:
			item(maillage.FollowTag, "SELECT nt.tag_id FROM note_tags nt WHERE nt.note_id = "+sid)
			// Followers of a tag above one of the note's, who asked for its descendants.
			add(0, 1, "fd.user_id", "FROM follows fd WHERE fd.target_type = 'tag' AND fd.with_descendants AND fd.target_id IN ("+
				tagAncestorsSQL("SELECT nt.tag_id FROM note_tags nt WHERE nt.note_id = "+sid)+")"+bound("fd.user_id"))
			item(maillage.FollowPerson, "SELECT na.user_id FROM note_authors na WHERE na.note_id = "+sid)
		case maillage.SubjectThread:
			item(maillage.FollowPerson, "SELECT th.author_id FROM threads th WHERE th.id = "+sid)
		}
	}
	return strings.Join(parts, " UNION ALL ")
}

// FanOut delivers the event and returns how many notifications were written
// (new ones, and read ones raised again).
func (db *DB) FanOut(ctx context.Context, f FanOut) (int, error) {
	chunk := f.Chunk
	if chunk <= 0 {
		chunk = DefaultFanOutChunk
	}
	if f.SubjectID == "" {
		return 0, fmt.Errorf("fan-out %s: no subject", f.Kind)
	}
	total, lo := 0, ""
	for {
		hi, err := db.fanOutBoundary(ctx, &f, lo, chunk)
		if err != nil {
			return total, err
		}
		err = db.Update(ctx, func(tx *Tx) error {
			n, err := tx.fanOutChunk(ctx, &f, lo, hi)
			if err != nil || n == 0 {
				return err
			}
			total += n
			if f.OnChunk == nil {
				return nil
			}
			return f.OnChunk(ctx, tx, Chunk{After: lo, Through: hi, Rows: n})
		})
		if err != nil {
			return total, fmt.Errorf("fan-out %s: %w", f.Kind, err)
		}
		if hi == "" {
			return total, nil
		}
		lo = hi
	}
}

// rangeBound returns the bound function of a chunk (lo, hi].
func rangeBound(a *args, lo, hi string) func(string) string {
	var loP, hiP string
	return func(col string) string {
		s := ""
		if lo != "" {
			if loP == "" {
				loP = a.add(lo)
			}
			s += " AND " + col + " > " + loP
		}
		if hi != "" {
			if hiP == "" {
				hiP = a.add(hi)
			}
			s += " AND " + col + " <= " + hiP
		}
		return s
	}
}

// fanOutBoundary returns the chunk-th candidate recipient after lo, the
// upper end of the next chunk, or "" when fewer remain. Chunks only need
// to be about the right size: when the whole community is told, its
// members alone set the bounds, read from the membership index without
// merging the other sources.
func (db *DB) fanOutBoundary(ctx context.Context, f *FanOut, lo string, chunk int) (string, error) {
	var a args
	var q string
	if f.AllMembers && f.CommunityID != "" {
		q = `SELECT m.user_id FROM community_members m WHERE m.community_id = ` + a.add(f.CommunityID) +
			rangeBound(&a, lo, "")("m.user_id") + ` ORDER BY m.user_id`
	} else {
		src := f.candidates(&a, rangeBound(&a, lo, ""))
		if src == "" {
			return "", nil
		}
		q = `SELECT s.user_id FROM (` + src + `) s ORDER BY s.user_id`
	}
	var hi string
	err := db.queryRow(ctx, q+` LIMIT 1 OFFSET `+a.add(chunk-1), a...).Scan(&hi)
	if maillage.IsNotFound(mapError(err)) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("fan-out boundary: %w", mapError(err))
	}
	return hi, nil
}

// fanOutChunk writes the notifications of the recipients in (lo, hi].
func (tx *Tx) fanOutChunk(ctx context.Context, f *FanOut, lo, hi string) (int, error) {
	q, a := tx.db.fanOutStatement(f, lo, hi, tx.now)
	if q == "" {
		return 0, nil
	}
	res, err := tx.exec(ctx, q, a...)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// fanOutStatement is the INSERT ... SELECT of a chunk, "" when the event
// has no way to reach anyone.
func (db *DB) fanOutStatement(f *FanOut, lo, hi string, now time.Time) (string, args) {
	var a args
	src := f.candidates(&a, rangeBound(&a, lo, hi))
	if src == "" {
		return "", nil
	}
	eventKey, itemKey := f.Keys()
	community := a.add(f.CommunityID)
	actor := a.add(f.ActorID)
	// A person named by the event (a mention, a message, an invitation) is
	// emailed at once unless they want no email; everything else follows
	// their mode, a daily digest by default.
	mode := "COALESCE(pc.mode, pg.mode, '" + string(maillage.DefaultNotifyMode) + "')"
	// The actor's blockers are few: one set, probed per row.
	where := "r.user_id <> " + actor +
		" AND r.user_id NOT IN (SELECT b.blocker_id FROM user_blocks b WHERE b.blocked_id = " + actor + ")" +
		" AND (r.direct = 1 OR " + mode + " <> 'none')"
	if !f.VisibleToAll {
		where += " AND " + subjectExistsVisibleSQL("r.user_id", f.SubjectType, a.add(f.SubjectID))
		if f.ParentType != "" && f.ParentID != "" {
			where += " AND " + subjectExistsVisibleSQL("r.user_id", f.ParentType, a.add(f.ParentID))
		}
	}
	// A row's ID is its event's key followed by the recipient's ID: unique
	// per person and event, made without a round trip per row.
	key := "CASE WHEN r.item = 1 THEN " + a.add(itemKey) + " ELSE " + a.add(eventKey) + " END"
	q := `INSERT INTO notifications (id, user_id, event_key, kind, subject_type, subject_id, parent_type, parent_id,
			community_id, actor_id, direct, email, created_at)
		SELECT ` + key + ` || r.user_id, r.user_id, ` + key + `,
			CASE WHEN r.item = 1 THEN '` + string(maillage.EventNewFollowedItem) + `' ELSE ` + a.add(string(f.Kind)) + ` END,
			` + a.add(string(f.SubjectType)) + `, ` + a.add(f.SubjectID) + `, ` + a.add(string(f.ParentType)) + `, ` + a.add(f.ParentID) + `,
			` + community + `, ` + actor + `, r.direct = 1,
			CASE WHEN ` + mode + ` = 'none' THEN '' WHEN r.direct = 1 THEN 'each' ELSE ` + mode + ` END, ` + db.timeParam(a.add(now)) + `
		FROM (` + src + `) r
		LEFT JOIN notification_preferences pc ON pc.user_id = r.user_id AND pc.community_id = ` + community + `
		LEFT JOIN notification_preferences pg ON pg.user_id = r.user_id AND pg.community_id = ''
		WHERE ` + where + `
		ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, parent_type = excluded.parent_type,
			parent_id = excluded.parent_id, community_id = excluded.community_id, actor_id = excluded.actor_id,
			direct = excluded.direct, email = excluded.email, created_at = excluded.created_at,
			read_at = NULL, emailed_at = NULL, email_error = ''
		WHERE notifications.read_at IS NOT NULL AND notifications.kind <> '` + string(maillage.EventNewFollowedItem) + `'`
	return q, a
}

// timeParam types a time parameter used where PostgreSQL cannot infer its
// type (a select list).
func (db *DB) timeParam(p string) string {
	if db.dialect == Postgres {
		return "CAST(" + p + " AS TIMESTAMPTZ)"
	}
	return p
}
