-- +goose Up
-- Meetings of communities: single dates or series repeating by an RFC 5545
-- rule, the changes made to single occurrences, who answers and who came,
-- the note-taker's consent, the secret addresses of calendar feeds and
-- the reminders already sent.
-- The PostgreSQL twin of this file must define the same tables and
-- columns (a test compares them).

-- starts_at is the first occurrence's start (UTC); timezone (IANA) gives
-- the local time every occurrence keeps. rrule is the rule's value
-- without "RRULE:" ('' for a single meeting). sequence is iCalendar's
-- SEQUENCE, raised by every change calendars must apply.
CREATE TABLE meetings (
    id               TEXT PRIMARY KEY,
    community_id     TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    title            TEXT NOT NULL,
    title_key        TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    starts_at        DATETIME NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    timezone         TEXT NOT NULL,
    rrule            TEXT NOT NULL DEFAULT '',
    location         TEXT NOT NULL DEFAULT '',
    url              TEXT NOT NULL DEFAULT '',
    visibility       TEXT NOT NULL CHECK (visibility IN ('public', 'community')),
    note_taker_id    TEXT REFERENCES users (id) ON DELETE SET NULL,
    sequence         INTEGER NOT NULL DEFAULT 0,
    cancelled_at     DATETIME,
    created_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at       DATETIME NOT NULL,
    updated_at       DATETIME NOT NULL
);
CREATE INDEX meetings_community ON meetings (community_id, starts_at);

CREATE TABLE meeting_tags (
    meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    tag_id     TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (meeting_id, tag_id)
);
CREATE INDEX meeting_tags_tag ON meeting_tags (tag_id);

-- One row per occurrence something happened to. occurrence is the start
-- the rule gave it (UTC): its identity for good, iCalendar's
-- RECURRENCE-ID. A moved occurrence has its own starts_at and duration.
-- The notebook opened from the template, and its three notes, are kept
-- here; notebook_claimed_at keeps a double click from opening two.
CREATE TABLE meeting_occurrences (
    meeting_id          TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    occurrence          DATETIME NOT NULL,
    status              TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'moved')),
    starts_at           DATETIME,
    duration_minutes    INTEGER NOT NULL DEFAULT 0,
    sequence            INTEGER NOT NULL DEFAULT 0,
    notebook_id         TEXT REFERENCES notebooks (id) ON DELETE SET NULL,
    minute_note_id      TEXT REFERENCES notes (id) ON DELETE SET NULL,
    summary_note_id     TEXT REFERENCES notes (id) ON DELETE SET NULL,
    resources_note_id   TEXT REFERENCES notes (id) ON DELETE SET NULL,
    notebook_claimed_at DATETIME,
    published_at        DATETIME,
    updated_at          DATETIME NOT NULL,
    PRIMARY KEY (meeting_id, occurrence)
);

-- Who answered and who came, per occurrence: people who attended the same
-- occurrence have met, a relation the graph and the maps read from here
-- (attended = TRUE). rsvp is '' when only attendance was recorded;
-- attended is NULL until a facilitator records it.
CREATE TABLE meeting_attendance (
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    occurrence  DATETIME NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    rsvp        TEXT NOT NULL DEFAULT '' CHECK (rsvp IN ('', 'yes', 'no', 'maybe')),
    attended    BOOLEAN,
    answered_at DATETIME,
    recorded_at DATETIME,
    PRIMARY KEY (meeting_id, occurrence, user_id)
);
CREATE INDEX meeting_attendance_user ON meeting_attendance (user_id);

-- Naming someone else the note-taker takes their consent, like every role.
CREATE TABLE meeting_invitations (
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        TEXT NOT NULL DEFAULT 'note_taker' CHECK (role IN ('note_taker')),
    invited_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
    created_at  DATETIME NOT NULL,
    answered_at DATETIME,
    PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX meeting_invitations_user ON meeting_invitations (user_id, status);

-- The secret of a person's calendar feeds, by its hash: their own feed
-- and the feeds of private communities they belong to.
CREATE TABLE calendar_tokens (
    user_id    TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at DATETIME NOT NULL
);

-- Reminders sent, so a retried job never sends one twice.
CREATE TABLE meeting_reminders (
    meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    occurrence DATETIME NOT NULL,
    sent_at    DATETIME NOT NULL,
    PRIMARY KEY (meeting_id, occurrence)
);

-- Meetings are searchable: their changes are logged for the search index
-- like every other searchable item (see store/search_watches.go).
-- meetings.id as 'meeting'
-- +goose StatementBegin
CREATE TRIGGER search_meeting_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'meeting', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_update AFTER UPDATE ON meetings
WHEN OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description OR OLD.location IS NOT NEW.location OR OLD.visibility IS NOT NEW.visibility OR OLD.community_id IS NOT NEW.community_id OR OLD.starts_at IS NOT NEW.starts_at OR OLD.rrule IS NOT NEW.rrule OR OLD.cancelled_at IS NOT NEW.cancelled_at OR OLD.updated_at IS NOT NEW.updated_at BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'meeting', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'meeting', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_delete AFTER DELETE ON meetings BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'meeting', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd
-- meeting_tags.meeting_id as 'meeting_tag'
-- +goose StatementBegin
CREATE TRIGGER search_meeting_tag_insert AFTER INSERT ON meeting_tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'meeting_tag', NEW.meeting_id WHERE NEW.meeting_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_tag_update AFTER UPDATE ON meeting_tags
WHEN OLD.meeting_id IS NOT NEW.meeting_id OR OLD.tag_id IS NOT NEW.tag_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'meeting_tag', NEW.meeting_id WHERE NEW.meeting_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'meeting_tag', OLD.meeting_id WHERE OLD.meeting_id IS NOT NULL AND OLD.meeting_id IS NOT NEW.meeting_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_tag_delete AFTER DELETE ON meeting_tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'meeting_tag', OLD.meeting_id WHERE OLD.meeting_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER search_meeting_tag_delete;
DROP TRIGGER search_meeting_tag_update;
DROP TRIGGER search_meeting_tag_insert;
DROP TRIGGER search_meeting_delete;
DROP TRIGGER search_meeting_update;
DROP TRIGGER search_meeting_insert;
DROP TABLE meeting_reminders;
DROP TABLE calendar_tokens;
DROP TABLE meeting_invitations;
DROP TABLE meeting_attendance;
DROP TABLE meeting_occurrences;
DROP TABLE meeting_tags;
DROP TABLE meetings;
