-- +goose Up
-- Private and group messages: conversations between members, who takes
-- part in each, their messages, and the people a member has blocked.
-- The SQLite twin of this file must define the same tables and
-- columns (a test compares them).

CREATE TABLE conversations (
    id              TEXT PRIMARY KEY,
    subject         TEXT NOT NULL DEFAULT '',
    -- kind is 'direct' for two people, 'group' once a third is added.
    kind            TEXT NOT NULL DEFAULT 'group' CHECK (kind IN ('direct', 'group')),
    -- direct_key ("<smaller id>:<larger id>") makes a second direct
    -- conversation between the same two people impossible; it is cleared
    -- when the conversation becomes a group.
    direct_key      TEXT UNIQUE,
    created_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    last_message_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE conversation_participants (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at       TIMESTAMPTZ NOT NULL,
    -- left_at is set when the person leaves; they lose access from then on.
    left_at         TIMESTAMPTZ,
    muted           BOOLEAN NOT NULL DEFAULT FALSE,
    last_read_at    TIMESTAMPTZ,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_participants_user ON conversation_participants (user_id, left_at);

CREATE TABLE messages (
    id              TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    author_id       TEXT REFERENCES users (id) ON DELETE SET NULL,
    body            TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    edited_at       TIMESTAMPTZ
);
CREATE INDEX messages_conversation_created ON messages (conversation_id, created_at);

-- A block stops blocked_id from writing to blocker_id; notifications and
-- emails to the blocker leave out what the blocked person wrote.
CREATE TABLE user_blocks (
    blocker_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id)
);
CREATE INDEX user_blocks_blocked ON user_blocks (blocked_id);

-- +goose Down
DROP TABLE user_blocks;
DROP TABLE messages;
DROP TABLE conversation_participants;
DROP TABLE conversations;
