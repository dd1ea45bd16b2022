package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

const meetingColumns = `m.id, m.community_id, c.name, m.title, m.description, m.starts_at, m.duration_minutes, m.timezone, m.rrule,
	m.location, m.url, m.visibility, m.note_taker_id, COALESCE(nt.name, ''), m.sequence, m.cancelled_at, m.created_by, m.created_at, m.updated_at`

const meetingFrom = `meetings m JOIN communities c ON c.id = m.community_id LEFT JOIN users nt ON nt.id = m.note_taker_id`

func scanMeeting(row rowScanner) (*maillage.Meeting, error) {
	var m maillage.Meeting
	var vis string
	var noteTaker, by sql.NullString
	var cancelled sql.NullTime
	if err := row.Scan(&m.ID, &m.CommunityID, &m.CommunityName, &m.Title, &m.Description, &m.StartsAt, &m.DurationMinutes,
		&m.Timezone, &m.RRule, &m.Location, &m.URL, &vis, &noteTaker, &m.NoteTakerName, &m.Sequence, &cancelled, &by,
		&m.CreatedAt, &m.UpdatedAt); err != nil {
		return nil, mapError(err)
	}
	m.Visibility, m.NoteTakerID, m.CreatedBy, m.CancelledAt = maillage.Visibility(vis), noteTaker.String, by.String, nullTime(cancelled)
	m.StartsAt, m.CreatedAt, m.UpdatedAt = m.StartsAt.UTC(), m.CreatedAt.UTC(), m.UpdatedAt.UTC()
	if m.CancelledAt != nil {
		t := m.CancelledAt.UTC()
		m.CancelledAt = &t
	}
	return &m, nil
}

// utcSecond is how occurrence times are stored and compared: UTC, to the second.
func utcSecond(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

// CreateMeeting inserts a meeting with its tags.
func (tx *Tx) CreateMeeting(ctx context.Context, m *maillage.Meeting) error {
	m.CreatedAt, m.UpdatedAt = tx.now, tx.now
	_, err := tx.exec(ctx, `INSERT INTO meetings (id, community_id, title, title_key, description, starts_at, duration_minutes, timezone, rrule,
		location, url, visibility, note_taker_id, sequence, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $17, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
		m.ID, m.CommunityID, m.Title, m.Description, utcSecond(m.StartsAt), m.DurationMinutes, m.Timezone, m.RRule,
		m.Location, m.URL, string(m.Visibility), nullString(m.NoteTakerID), m.Sequence, nullString(m.CreatedBy), m.CreatedAt, m.UpdatedAt, fold.Key(m.Title))
	if err != nil {
		return fmt.Errorf("create meeting: %w", mapError(err))
	}
	return tx.replaceTags(ctx, "meeting_tags", "meeting_id", m.ID, tagIDs(m.Tags))
}

// RecentMeetingByCreator finds a meeting of the community with this title
// and first start that the person created after since: a form sent twice.
func (tx *Tx) RecentMeetingByCreator(ctx context.Context, creatorID, communityID, title string, start, since time.Time) (string, error) {
	var id string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM meetings WHERE created_by = $1 AND community_id = $2 AND title = $3
		AND starts_at = $4 AND created_at > $5 ORDER BY created_at DESC LIMIT 1`, creatorID, communityID, title, utcSecond(start), since).Scan(&id)
	return id, mapError(err)
}

// UpdateMeeting writes a meeting's fields and tags and raises its sequence.
func (tx *Tx) UpdateMeeting(ctx context.Context, m *maillage.Meeting) error {
	m.UpdatedAt = tx.now
	m.Sequence++
	res, err := tx.exec(ctx, `UPDATE meetings SET title = $1, title_key = $13, description = $2, starts_at = $3, duration_minutes = $4, timezone = $5,
		rrule = $6, location = $7, url = $8, visibility = $9, sequence = $10, updated_at = $11 WHERE id = $12`,
		m.Title, m.Description, utcSecond(m.StartsAt), m.DurationMinutes, m.Timezone, m.RRule, m.Location, m.URL,
		string(m.Visibility), m.Sequence, m.UpdatedAt, m.ID, fold.Key(m.Title))
	if err != nil {
		return fmt.Errorf("update meeting: %w", mapError(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return tx.replaceTags(ctx, "meeting_tags", "meeting_id", m.ID, tagIDs(m.Tags))
}

// CancelMeeting cancels (or, with cancel false, restores) a whole meeting
// and raises its sequence.
func (tx *Tx) CancelMeeting(ctx context.Context, id string, cancel bool) error {
	var at any
	if cancel {
		at = tx.now
	}
	res, err := tx.exec(ctx, `UPDATE meetings SET cancelled_at = $1, sequence = sequence + 1, updated_at = $2 WHERE id = $3`, at, tx.now, id)
	if err != nil {
		return fmt.Errorf("cancel meeting: %w", mapError(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// SetMeetingNoteTaker names the note-taker ("" for none).
func (tx *Tx) SetMeetingNoteTaker(ctx context.Context, id, userID string) error {
	_, err := tx.exec(ctx, `UPDATE meetings SET note_taker_id = $1, updated_at = $2 WHERE id = $3`, nullString(userID), tx.now, id)
	if err != nil {
		return fmt.Errorf("set note-taker: %w", mapError(err))
	}
	return nil
}

// MeetingNoteTaker returns the meeting's note-taker ("" for none).
func (tx *Tx) MeetingNoteTaker(ctx context.Context, id string) (string, error) {
	var u sql.NullString
	if err := tx.tx.QueryRowContext(ctx, `SELECT note_taker_id FROM meetings WHERE id = $1`, id).Scan(&u); err != nil {
		return "", mapError(err)
	}
	return u.String, nil
}

// Meeting returns a meeting with its tags and occurrence changes. It does
// not check visibility: callers ask the policy.
func (db *DB) Meeting(ctx context.Context, id string) (*maillage.Meeting, error) {
	m, err := scanMeeting(db.queryRow(ctx, `SELECT `+meetingColumns+` FROM `+meetingFrom+` WHERE m.id = $1`, id))
	if err != nil {
		return nil, err
	}
	if err := db.fillMeetings(ctx, []*maillage.Meeting{m}); err != nil {
		return nil, err
	}
	return m, nil
}

// fillMeetings loads the tags and occurrence changes of meetings.
func (db *DB) fillMeetings(ctx context.Context, ms []*maillage.Meeting) error {
	if len(ms) == 0 {
		return nil
	}
	ids := make([]string, len(ms))
	byID := map[string]*maillage.Meeting{}
	for i, m := range ms {
		ids[i], byID[m.ID] = m.ID, m
	}
	tags, err := db.tagsOf(ctx, "meeting_tags", "meeting_id", ids)
	if err != nil {
		return err
	}
	for _, m := range ms {
		m.Tags = tags[m.ID]
	}
	var a args
	rows, err := db.query(ctx, `SELECT meeting_id, occurrence, status, starts_at, duration_minutes, sequence, notebook_id,
		minute_note_id, summary_note_id, resources_note_id, published_at FROM meeting_occurrences
		WHERE meeting_id IN (`+a.list(ids)+`) ORDER BY meeting_id, occurrence`, a...)
	if err != nil {
		return fmt.Errorf("meeting occurrences: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id, status string
		var ch maillage.OccurrenceChange
		var starts, published sql.NullTime
		var nb, minute, summary, resources sql.NullString
		if err := rows.Scan(&id, &ch.Occurrence, &status, &starts, &ch.DurationMinutes, &ch.Sequence, &nb, &minute, &summary,
			&resources, &published); err != nil {
			return fmt.Errorf("meeting occurrences: %w", mapError(err))
		}
		ch.Occurrence, ch.Status = ch.Occurrence.UTC(), maillage.OccurrenceStatus(status)
		if starts.Valid {
			t := starts.Time.UTC()
			ch.StartsAt = &t
		}
		ch.NotebookID, ch.MinuteNoteID, ch.SummaryNoteID, ch.ResourcesNoteID = nb.String, minute.String, summary.String, resources.String
		ch.PublishedAt = nullTime(published)
		if m := byID[id]; m != nil {
			m.Changes = append(m.Changes, ch)
		}
	}
	return mapError(rows.Err())
}

// MeetingFilter selects meetings.
type MeetingFilter struct {
	CommunityID string
	// CommunityIDs keeps meetings of any of these communities (a person's feed).
	CommunityIDs []string
	// IncludeCancelled keeps cancelled meetings (calendars list them, so
	// subscribers see the cancellation).
	IncludeCancelled bool
	Limit            int
}

// Meetings lists the meetings the viewer may see, by first start.
func (db *DB) Meetings(ctx context.Context, v maillage.Viewer, f MeetingFilter) ([]maillage.Meeting, error) {
	var a args
	where := meetingVisibleSQL(v, "m", "c", &a)
	if f.CommunityID != "" {
		where += " AND m.community_id = " + a.add(f.CommunityID)
	}
	if f.CommunityIDs != nil {
		if len(f.CommunityIDs) == 0 {
			return nil, nil
		}
		where += " AND m.community_id IN (" + a.list(f.CommunityIDs) + ")"
	}
	if !f.IncludeCancelled {
		where += " AND m.cancelled_at IS NULL"
	}
	lim := f.Limit
	if lim <= 0 || lim > 1000 {
		lim = 1000
	}
	rows, err := db.query(ctx, `SELECT `+meetingColumns+` FROM `+meetingFrom+` WHERE `+where+
		` ORDER BY m.starts_at, m.id LIMIT `+a.add(lim), a...)
	if err != nil {
		return nil, fmt.Errorf("meetings: %w", mapError(err))
	}
	var ptrs []*maillage.Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		ptrs = append(ptrs, m)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, mapError(err)
	}
	if err := db.fillMeetings(ctx, ptrs); err != nil {
		return nil, err
	}
	out := make([]maillage.Meeting, len(ptrs))
	for i, m := range ptrs {
		out[i] = *m
	}
	return out, nil
}

// ActiveMeetings lists every meeting not cancelled, for the reminders job
// (which checks each recipient against the policy).
func (db *DB) ActiveMeetings(ctx context.Context) ([]maillage.Meeting, error) {
	rows, err := db.query(ctx, `SELECT `+meetingColumns+` FROM `+meetingFrom+` WHERE m.cancelled_at IS NULL ORDER BY m.id`)
	if err != nil {
		return nil, fmt.Errorf("active meetings: %w", mapError(err))
	}
	var ptrs []*maillage.Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		ptrs = append(ptrs, m)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, mapError(err)
	}
	if err := db.fillMeetings(ctx, ptrs); err != nil {
		return nil, err
	}
	out := make([]maillage.Meeting, len(ptrs))
	for i, m := range ptrs {
		out[i] = *m
	}
	return out, nil
}

// SetOccurrence writes what became of one occurrence (status, new start
// and length) and raises both its sequence and the meeting's. The
// notebook columns are kept.
func (tx *Tx) SetOccurrence(ctx context.Context, meetingID string, ch maillage.OccurrenceChange) error {
	var starts any
	if ch.StartsAt != nil {
		starts = utcSecond(*ch.StartsAt)
	}
	_, err := tx.exec(ctx, `INSERT INTO meeting_occurrences (meeting_id, occurrence, status, starts_at, duration_minutes, sequence, updated_at)
		VALUES ($1, $2, $3, $4, $5, 1, $6)
		ON CONFLICT (meeting_id, occurrence) DO UPDATE SET status = excluded.status, starts_at = excluded.starts_at,
		duration_minutes = excluded.duration_minutes, sequence = meeting_occurrences.sequence + 1, updated_at = excluded.updated_at`,
		meetingID, utcSecond(ch.Occurrence), string(ch.Status), starts, ch.DurationMinutes, tx.now)
	if err != nil {
		return fmt.Errorf("set occurrence: %w", mapError(err))
	}
	_, err = tx.exec(ctx, `UPDATE meetings SET sequence = sequence + 1, updated_at = $1 WHERE id = $2`, tx.now, meetingID)
	if err != nil {
		return fmt.Errorf("set occurrence: %w", mapError(err))
	}
	return nil
}

// ClaimOccurrenceNotebook marks an occurrence's notebook as being opened,
// so a second click at the same time does not open another. It reports
// the notebook already opened (then claimed is false), or claimed true
// when the caller may open it. A claim older than a minute is stale.
func (tx *Tx) ClaimOccurrenceNotebook(ctx context.Context, meetingID string, occurrence time.Time) (notebookID string, claimed bool, err error) {
	occ := utcSecond(occurrence)
	_, err = tx.exec(ctx, `INSERT INTO meeting_occurrences (meeting_id, occurrence, updated_at) VALUES ($1, $2, $3)
		ON CONFLICT (meeting_id, occurrence) DO NOTHING`, meetingID, occ, tx.now)
	if err != nil {
		return "", false, fmt.Errorf("claim notebook: %w", mapError(err))
	}
	var nb sql.NullString
	var at sql.NullTime
	if err := tx.tx.QueryRowContext(ctx, `SELECT notebook_id, notebook_claimed_at FROM meeting_occurrences WHERE meeting_id = $1 AND occurrence = $2`,
		meetingID, occ).Scan(&nb, &at); err != nil {
		return "", false, fmt.Errorf("claim notebook: %w", mapError(err))
	}
	if nb.Valid {
		return nb.String, false, nil
	}
	if at.Valid && tx.now.Sub(at.Time) < time.Minute {
		return "", false, nil
	}
	_, err = tx.exec(ctx, `UPDATE meeting_occurrences SET notebook_claimed_at = $1 WHERE meeting_id = $2 AND occurrence = $3`, tx.now, meetingID, occ)
	if err != nil {
		return "", false, fmt.Errorf("claim notebook: %w", mapError(err))
	}
	return "", true, nil
}

// SetOccurrenceNotebook records the notebook opened for an occurrence and
// its three notes.
func (tx *Tx) SetOccurrenceNotebook(ctx context.Context, meetingID string, occurrence time.Time, notebookID, minuteID, summaryID, resourcesID string) error {
	occ := utcSecond(occurrence)
	_, err := tx.exec(ctx, `INSERT INTO meeting_occurrences (meeting_id, occurrence, updated_at) VALUES ($1, $2, $3)
		ON CONFLICT (meeting_id, occurrence) DO NOTHING`, meetingID, occ, tx.now)
	if err != nil {
		return fmt.Errorf("occurrence notebook: %w", mapError(err))
	}
	_, err = tx.exec(ctx, `UPDATE meeting_occurrences SET notebook_id = $1, minute_note_id = $2, summary_note_id = $3,
		resources_note_id = $4, notebook_claimed_at = NULL, updated_at = $5 WHERE meeting_id = $6 AND occurrence = $7`,
		nullString(notebookID), nullString(minuteID), nullString(summaryID), nullString(resourcesID), tx.now, meetingID, occ)
	if err != nil {
		return fmt.Errorf("occurrence notebook: %w", mapError(err))
	}
	return nil
}

// ReleaseOccurrenceNotebook drops a claim whose opening failed.
func (tx *Tx) ReleaseOccurrenceNotebook(ctx context.Context, meetingID string, occurrence time.Time) error {
	_, err := tx.exec(ctx, `UPDATE meeting_occurrences SET notebook_claimed_at = NULL WHERE meeting_id = $1 AND occurrence = $2 AND notebook_id IS NULL`,
		meetingID, utcSecond(occurrence))
	return mapError(err)
}

// MarkOccurrencePublished records when an occurrence's summary and
// resources were published.
func (tx *Tx) MarkOccurrencePublished(ctx context.Context, meetingID string, occurrence time.Time) error {
	_, err := tx.exec(ctx, `UPDATE meeting_occurrences SET published_at = $1, updated_at = $1 WHERE meeting_id = $2 AND occurrence = $3`,
		tx.now, meetingID, utcSecond(occurrence))
	return mapError(err)
}
