-- +goose Up
-- Maillage's foundation: accounts, profiles, tags, organisations,
-- communities, sessions, API tokens and the jobs queue.
-- The PostgreSQL twin of this file must define the same tables and
-- columns (a test compares them).

CREATE TABLE users (
    id                 TEXT PRIMARY KEY,
    email              TEXT NOT NULL UNIQUE,
    email_confirmed_at DATETIME,
    password_hash      TEXT NOT NULL,
    name               TEXT NOT NULL,
    name_key           TEXT NOT NULL,
    pronouns           TEXT NOT NULL DEFAULT '',
    bio                TEXT NOT NULL DEFAULT '',
    region             TEXT NOT NULL DEFAULT '',
    language           TEXT NOT NULL DEFAULT 'fr-CA',
    profile_visibility TEXT NOT NULL DEFAULT 'members' CHECK (profile_visibility IN ('public', 'members')),
    contact            TEXT NOT NULL DEFAULT 'messages' CHECK (contact IN ('messages', 'email', 'none')),
    is_admin           BOOLEAN NOT NULL DEFAULT FALSE,
    created_at         DATETIME NOT NULL,
    updated_at         DATETIME NOT NULL
);
CREATE INDEX users_name_key ON users (name_key);

CREATE TABLE user_links (
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    url      TEXT NOT NULL,
    PRIMARY KEY (user_id, position)
);

CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BLOB NOT NULL,
    expiry DATETIME NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expiry);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   DATETIME NOT NULL,
    last_used_at DATETIME
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('confirm', 'reset')),
    email      TEXT NOT NULL,
    expires_at DATETIME NOT NULL,
    used_at    DATETIME,
    created_at DATETIME NOT NULL
);
CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose);

CREATE TABLE tags (
    id             TEXT PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE,
    key            TEXT NOT NULL UNIQUE,
    label          TEXT NOT NULL,
    label_en       TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL DEFAULT 'free' CHECK (kind IN ('free', 'curated')),
    parent_id      TEXT REFERENCES tags (id) ON DELETE SET NULL,
    merged_into_id TEXT REFERENCES tags (id) ON DELETE SET NULL,
    created_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at     DATETIME NOT NULL
);

CREATE TABLE tag_synonyms (
    key    TEXT PRIMARY KEY,
    tag_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    label  TEXT NOT NULL,
    lang   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tag_synonyms_tag ON tag_synonyms (tag_id);

CREATE TABLE user_interests (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tag_id     TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (user_id, tag_id)
);
CREATE INDEX user_interests_tag ON user_interests (tag_id);

CREATE TABLE organizations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    type        TEXT NOT NULL DEFAULT '',
    region      TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    website     TEXT NOT NULL DEFAULT '',
    website_key TEXT NOT NULL DEFAULT '',
    latitude    DOUBLE PRECISION,
    longitude   DOUBLE PRECISION,
    created_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at  DATETIME NOT NULL,
    updated_at  DATETIME NOT NULL
);
CREATE INDEX organizations_name_key ON organizations (name_key);
CREATE INDEX organizations_website_key ON organizations (website_key);

CREATE TABLE organization_tags (
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    tag_id          TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    created_at      DATETIME NOT NULL,
    PRIMARY KEY (organization_id, tag_id)
);
CREATE INDEX organization_tags_tag ON organization_tags (tag_id);

CREATE TABLE organization_members (
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT NOT NULL DEFAULT '',
    is_admin        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      DATETIME NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX organization_members_user ON organization_members (user_id);

CREATE TABLE communities (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    visibility  TEXT NOT NULL CHECK (visibility IN ('public', 'private')),
    listed      BOOLEAN NOT NULL DEFAULT TRUE,
    region      TEXT NOT NULL DEFAULT '',
    created_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at  DATETIME NOT NULL,
    updated_at  DATETIME NOT NULL
);
CREATE INDEX communities_name_key ON communities (name_key);

CREATE TABLE community_tags (
    community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    tag_id       TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    created_at   DATETIME NOT NULL,
    PRIMARY KEY (community_id, tag_id)
);
CREATE INDEX community_tags_tag ON community_tags (tag_id);

CREATE TABLE community_members (
    community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (role IN ('manager', 'member')),
    created_at   DATETIME NOT NULL,
    PRIMARY KEY (community_id, user_id)
);
CREATE INDEX community_members_user ON community_members (user_id);

CREATE TABLE community_join_requests (
    community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message      TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    PRIMARY KEY (community_id, user_id)
);

CREATE TABLE jobs (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    run_at       DATETIME NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 8,
    locked_until DATETIME,
    last_error   TEXT NOT NULL DEFAULT '',
    done_at      DATETIME,
    failed_at    DATETIME,
    created_at   DATETIME NOT NULL
);
CREATE INDEX jobs_pending ON jobs (done_at, failed_at, run_at);

-- +goose Down
DROP TABLE jobs;
DROP TABLE community_join_requests;
DROP TABLE community_members;
DROP TABLE community_tags;
DROP TABLE communities;
DROP TABLE organization_members;
DROP TABLE organization_tags;
DROP TABLE organizations;
DROP TABLE user_interests;
DROP TABLE tag_synonyms;
DROP TABLE tags;
DROP TABLE email_tokens;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE user_links;
DROP TABLE users;
