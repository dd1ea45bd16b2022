package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

// SetRSVP records a person's answer to one occurrence; answering again
// replaces the answer and keeps any recorded attendance.
func (tx *Tx) SetRSVP(ctx context.Context, meetingID string, occurrence time.Time, userID string, answer maillage.RSVP) error {
	_, err := tx.exec(ctx, `INSERT INTO meeting_attendance (meeting_id, occurrence, user_id, rsvp, answered_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (meeting_id, occurrence, user_id) DO UPDATE SET rsvp = excluded.rsvp, answered_at = excluded.answered_at`,
		meetingID, utcSecond(occurrence), userID, string(answer), tx.now)
	if err != nil {
		return fmt.Errorf("rsvp: %w", mapError(err))
	}
	return nil
}

// RecordAttendance records whether each person came to one occurrence
// (attended nil clears the record), keeping their answers.
func (tx *Tx) RecordAttendance(ctx context.Context, meetingID string, occurrence time.Time, attended map[string]*bool) error {
	occ := utcSecond(occurrence)
	for userID, a := range attended {
		var v any
		if a != nil {
			v = *a
		}
		_, err := tx.exec(ctx, `INSERT INTO meeting_attendance (meeting_id, occurrence, user_id, attended, recorded_at) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (meeting_id, occurrence, user_id) DO UPDATE SET attended = excluded.attended, recorded_at = excluded.recorded_at`,
			meetingID, occ, userID, v, tx.now)
		if err != nil {
			return fmt.Errorf("record attendance: %w", mapError(err))
		}
	}
	return nil
}

// OccurrenceAttendance lists the rows of one occurrence, by name.
func (db *DB) OccurrenceAttendance(ctx context.Context, meetingID string, occurrence time.Time) ([]maillage.Attendance, error) {
	rows, err := db.query(ctx, `SELECT a.user_id, COALESCE(u.name, ''), a.rsvp, a.attended FROM meeting_attendance a
		JOIN users u ON u.id = a.user_id WHERE a.meeting_id = $1 AND a.occurrence = $2 ORDER BY u.name, a.user_id`,
		meetingID, utcSecond(occurrence))
	if err != nil {
		return nil, fmt.Errorf("attendance: %w", mapError(err))
	}
	defer rows.Close()
	var out []maillage.Attendance
	for rows.Next() {
		a := maillage.Attendance{MeetingID: meetingID, Occurrence: utcSecond(occurrence)}
		var rsvp string
		var att sql.NullBool
		if err := rows.Scan(&a.UserID, &a.UserName, &rsvp, &att); err != nil {
			return nil, fmt.Errorf("attendance: %w", mapError(err))
		}
		a.RSVP = maillage.RSVP(rsvp)
		if att.Valid {
			b := att.Bool
			a.Attended = &b
		}
		out = append(out, a)
	}
	return out, mapError(rows.Err())
}

// RSVPCount is the answers to one occurrence.
type RSVPCount struct{ Yes, No, Maybe int }

// RSVPCounts counts the answers to each occurrence of a meeting, by
// occurrence (UTC, to the second).
func (db *DB) RSVPCounts(ctx context.Context, meetingID string) (map[time.Time]RSVPCount, error) {
	rows, err := db.query(ctx, `SELECT occurrence, rsvp, COUNT(*) FROM meeting_attendance WHERE meeting_id = $1 AND rsvp <> ''
		GROUP BY occurrence, rsvp`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("rsvp counts: %w", mapError(err))
	}
	defer rows.Close()
	out := map[time.Time]RSVPCount{}
	for rows.Next() {
		var occ time.Time
		var rsvp string
		var n int
		if err := rows.Scan(&occ, &rsvp, &n); err != nil {
			return nil, fmt.Errorf("rsvp counts: %w", mapError(err))
		}
		c := out[utcSecond(occ)]
		switch maillage.RSVP(rsvp) {
		case maillage.RSVPYes:
			c.Yes = n
		case maillage.RSVPNo:
			c.No = n
		case maillage.RSVPMaybe:
			c.Maybe = n
		}
		out[utcSecond(occ)] = c
	}
	return out, mapError(rows.Err())
}

// UserRSVPs returns a person's answers to a meeting's occurrences.
func (db *DB) UserRSVPs(ctx context.Context, meetingID, userID string) (map[time.Time]maillage.RSVP, error) {
	rows, err := db.query(ctx, `SELECT occurrence, rsvp FROM meeting_attendance WHERE meeting_id = $1 AND user_id = $2 AND rsvp <> ''`,
		meetingID, userID)
	if err != nil {
		return nil, fmt.Errorf("user rsvps: %w", mapError(err))
	}
	defer rows.Close()
	out := map[time.Time]maillage.RSVP{}
	for rows.Next() {
		var occ time.Time
		var rsvp string
		if err := rows.Scan(&occ, &rsvp); err != nil {
			return nil, fmt.Errorf("user rsvps: %w", mapError(err))
		}
		out[utcSecond(occ)] = maillage.RSVP(rsvp)
	}
	return out, mapError(rows.Err())
}

// OccurrenceAnswerers lists the people who answered yes or maybe to an
// occurrence (or, with occurrence zero, to any), who hear of its changes.
func (db *DB) OccurrenceAnswerers(ctx context.Context, meetingID string, occurrence time.Time) ([]string, error) {
	q := `SELECT DISTINCT user_id FROM meeting_attendance WHERE meeting_id = $1 AND rsvp IN ('yes', 'maybe')`
	args := []any{meetingID}
	if !occurrence.IsZero() {
		q += ` AND occurrence = $2`
		args = append(args, utcSecond(occurrence))
	}
	return db.notifyIDs(ctx, q+` ORDER BY user_id`, args...)
}

// MeetingPeople lists the people a meeting's notices reach: its
// community's members.
func (db *DB) MeetingPeople(ctx context.Context, communityID string) ([]string, error) {
	return db.notifyIDs(ctx, `SELECT user_id FROM community_members WHERE community_id = $1 ORDER BY user_id`, communityID)
}

// ClaimReminder records that the reminder of an occurrence goes out now;
// false when it already went.
func (tx *Tx) ClaimReminder(ctx context.Context, meetingID string, occurrence time.Time) (bool, error) {
	res, err := tx.exec(ctx, `INSERT INTO meeting_reminders (meeting_id, occurrence, sent_at) VALUES ($1, $2, $3)
		ON CONFLICT (meeting_id, occurrence) DO NOTHING`, meetingID, utcSecond(occurrence), tx.now)
	if err != nil {
		return false, fmt.Errorf("claim reminder: %w", mapError(err))
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// SetCalendarToken stores the hash of a person's calendar secret,
// replacing the old one (whose addresses stop working).
func (tx *Tx) SetCalendarToken(ctx context.Context, userID, hash string) error {
	_, err := tx.exec(ctx, `INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`, userID, hash, tx.now)
	if err != nil {
		return fmt.Errorf("calendar token: %w", mapError(err))
	}
	return nil
}

// CalendarTokenUser returns the person whose calendar secret has this hash.
func (db *DB) CalendarTokenUser(ctx context.Context, hash string) (string, error) {
	var id string
	err := db.queryRow(ctx, `SELECT user_id FROM calendar_tokens WHERE token_hash = $1`, hash).Scan(&id)
	return id, mapError(err)
}
