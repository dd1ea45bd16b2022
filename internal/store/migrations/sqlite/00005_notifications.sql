-- +goose Up
-- Notifications: what each person is told (in the application and by
-- email), what they follow, how often they want email, the links that
-- stop email in one click, and when their last digest went out.
-- The PostgreSQL twin of this file must define the same tables and
-- columns (a test compares them).

-- One row per person and event. The ID is the event's key (a hash of its
-- kind and subject) followed by the recipient's ID, so the primary key
-- makes a retried fan-out harmless and keeps one unread notification per
-- person about the same thing, without another index to maintain.
-- email is the email still owed for the row ('each' now, or the digest
-- that will carry it); '' once sent, skipped or not wanted.
-- SQLite keeps the rows in the primary key's order (WITHOUT ROWID): one
-- B-tree less to write per notification in a fan-out.
CREATE TABLE notifications (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_key    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    parent_type  TEXT NOT NULL DEFAULT '',
    parent_id    TEXT NOT NULL DEFAULT '',
    community_id TEXT NOT NULL DEFAULT '',
    actor_id     TEXT NOT NULL DEFAULT '',
    direct       BOOLEAN NOT NULL DEFAULT FALSE,
    email        TEXT NOT NULL DEFAULT '' CHECK (email IN ('', 'each', 'daily', 'weekly')),
    created_at   DATETIME NOT NULL,
    read_at      DATETIME,
    emailed_at   DATETIME,
    email_error  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
-- One index serves a person's list, their unread count (read_at IS NULL
-- first) and the emails of a fan-out chunk; digests have their own,
-- holding only the rows waiting for one. Every index costs each of the
-- thousands of rows a fan-out writes, so there are no more.
CREATE INDEX notifications_user ON notifications (user_id, read_at, created_at);
CREATE INDEX notifications_digest ON notifications (email, user_id, created_at) WHERE email IN ('daily', 'weekly');

-- How a person wants email: community_id '' is their default, a
-- community's row overrides it there.
CREATE TABLE notification_preferences (
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    community_id TEXT NOT NULL DEFAULT '',
    mode         TEXT NOT NULL CHECK (mode IN ('each', 'daily', 'weekly', 'none')),
    updated_at   DATETIME NOT NULL,
    PRIMARY KEY (user_id, community_id)
);

CREATE TABLE follows (
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    target_type TEXT NOT NULL CHECK (target_type IN ('community', 'notebook', 'thread', 'tag', 'person')),
    target_id   TEXT NOT NULL,
    created_at  DATETIME NOT NULL,
    PRIMARY KEY (user_id, target_type, target_id)
);
CREATE INDEX follows_target ON follows (target_type, target_id);

-- The one-click unsubscribe links of sent emails, by the hash of their
-- secret. community_id is the scope ('' for every email).
CREATE TABLE unsubscribe_tokens (
    token_hash   TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    community_id TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    expires_at   DATETIME NOT NULL,
    used_at      DATETIME
);
CREATE INDEX unsubscribe_tokens_user ON unsubscribe_tokens (user_id);
CREATE INDEX unsubscribe_tokens_expires ON unsubscribe_tokens (expires_at);

-- When each person's last daily or weekly digest was sent.
CREATE TABLE notification_digests (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    period     TEXT NOT NULL CHECK (period IN ('daily', 'weekly')),
    period_key TEXT NOT NULL,
    sent_at    DATETIME NOT NULL,
    PRIMARY KEY (user_id, period)
);

-- +goose Down
DROP TABLE notification_digests;
DROP TABLE unsubscribe_tokens;
DROP TABLE follows;
DROP TABLE notification_preferences;
DROP TABLE notifications;
