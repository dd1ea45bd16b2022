-- +goose Up
-- Community discussion: threads and their replies (one level of nesting),
-- reactions, reports to managers, the cache of link previews, invitations
-- to join a community, and each community's cover image.
-- The PostgreSQL twin of this file must define the same tables and
-- columns (a test compares them).

-- cover_type is the MIME type of the stored cover image, '' when none;
-- the file itself lives in file storage under communities/<id>/cover.
ALTER TABLE communities ADD COLUMN cover_type TEXT NOT NULL DEFAULT '';
ALTER TABLE communities ADD COLUMN cover_updated_at DATETIME;

CREATE TABLE threads (
    id               TEXT PRIMARY KEY,
    community_id     TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    author_id        TEXT REFERENCES users (id) ON DELETE SET NULL,
    title            TEXT NOT NULL,
    body             TEXT NOT NULL DEFAULT '',
    -- note_id is set when the thread shares a note into the discussion.
    note_id          TEXT REFERENCES notes (id) ON DELETE SET NULL,
    pinned           BOOLEAN NOT NULL DEFAULT FALSE,
    locked           BOOLEAN NOT NULL DEFAULT FALSE,
    hidden           BOOLEAN NOT NULL DEFAULT FALSE,
    last_activity_at DATETIME NOT NULL,
    created_at       DATETIME NOT NULL,
    updated_at       DATETIME NOT NULL,
    edited_at        DATETIME,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX threads_community_activity ON threads (community_id, pinned, last_activity_at);
CREATE INDEX threads_author ON threads (author_id);
-- A note is shared into a community's discussion at most once.
CREATE UNIQUE INDEX threads_community_note ON threads (community_id, note_id) WHERE note_id IS NOT NULL;

CREATE TABLE replies (
    id         TEXT PRIMARY KEY,
    thread_id  TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    -- parent_id is the top-level reply this one answers; replies to
    -- replies attach to the same parent, so nesting stays one level deep.
    parent_id  TEXT REFERENCES replies (id) ON DELETE CASCADE,
    author_id  TEXT REFERENCES users (id) ON DELETE SET NULL,
    body       TEXT NOT NULL DEFAULT '',
    hidden     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    edited_at  DATETIME,
    -- deleted_at marks a tombstone: a deleted reply that still has answers.
    deleted_at DATETIME,
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX replies_thread_created ON replies (thread_id, created_at);
CREATE INDEX replies_parent ON replies (parent_id);
CREATE INDEX replies_author ON replies (author_id);

CREATE TABLE reactions (
    subject_type TEXT NOT NULL CHECK (subject_type IN ('thread', 'reply')),
    subject_id   TEXT NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    emoji        TEXT NOT NULL,
    created_at   DATETIME NOT NULL,
    PRIMARY KEY (subject_type, subject_id, user_id, emoji)
);

CREATE TABLE post_reports (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    thread_id    TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    reply_id     TEXT REFERENCES replies (id) ON DELETE CASCADE,
    reporter_id  TEXT REFERENCES users (id) ON DELETE SET NULL,
    reason       TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    created_at   DATETIME NOT NULL,
    resolved_at  DATETIME,
    resolved_by  TEXT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX post_reports_community_status ON post_reports (community_id, status, created_at);

CREATE TABLE link_previews (
    url         TEXT PRIMARY KEY,
    status      TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    title       TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    image_url   TEXT NOT NULL DEFAULT '',
    site_name   TEXT NOT NULL DEFAULT '',
    fetched_at  DATETIME NOT NULL
);

CREATE TABLE community_invitations (
    community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    invited_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
    created_at   DATETIME NOT NULL,
    answered_at  DATETIME,
    PRIMARY KEY (community_id, user_id)
);
CREATE INDEX community_invitations_user ON community_invitations (user_id, status);

-- +goose Down
DROP TABLE community_invitations;
DROP TABLE link_previews;
DROP TABLE post_reports;
DROP TABLE reactions;
DROP TABLE replies;
DROP TABLE threads;
ALTER TABLE communities DROP COLUMN cover_updated_at;
ALTER TABLE communities DROP COLUMN cover_type;
