-- +goose Up
-- Nominations ("name up to 5 people or organisations who matter on this
-- theme"): a facilitator asks chosen people, members in the application
-- or others by email; each answer names up to five nominees (members,
-- organisations or actor cards) with a reason. Answers are for the
-- requester alone. A request may be sent on to the nominees as a second
-- wave (parent_id, wave).
-- The PostgreSQL twin of this file must define the same tables and
-- columns (a test compares them).

CREATE TABLE nomination_requests (
    id           TEXT PRIMARY KEY,
    requester_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the theme; its label is kept, so a tag removed later leaves the
    -- request readable
    tag_id       TEXT REFERENCES tags (id) ON DELETE SET NULL,
    tag_label    TEXT NOT NULL,
    question     TEXT NOT NULL,
    community_id TEXT REFERENCES communities (id) ON DELETE SET NULL,
    parent_id    TEXT REFERENCES nomination_requests (id) ON DELETE SET NULL,
    -- 1 for a first request, 2 for one sent on to the nominees of a first ...
    wave         INTEGER NOT NULL DEFAULT 1,
    closed_at    DATETIME,
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL
);
CREATE INDEX nomination_requests_requester ON nomination_requests (requester_id, created_at);
CREATE INDEX nomination_requests_parent ON nomination_requests (parent_id);

-- The people asked: a member (user_id) or an address (email, with the
-- hash of the secret link that lets its owner answer without an account).
CREATE TABLE nomination_respondents (
    id          TEXT PRIMARY KEY,
    request_id  TEXT NOT NULL REFERENCES nomination_requests (id) ON DELETE CASCADE,
    user_id     TEXT REFERENCES users (id) ON DELETE CASCADE,
    email       TEXT,
    token_hash  TEXT UNIQUE,
    answered_at DATETIME,
    created_at  DATETIME NOT NULL,
    UNIQUE (request_id, user_id),
    UNIQUE (request_id, email)
);
CREATE INDEX nomination_respondents_user ON nomination_respondents (user_id);

-- One line of an answer: a nominee with the respondent's reason.
CREATE TABLE nominations (
    id            TEXT PRIMARY KEY,
    request_id    TEXT NOT NULL REFERENCES nomination_requests (id) ON DELETE CASCADE,
    respondent_id TEXT NOT NULL REFERENCES nomination_respondents (id) ON DELETE CASCADE,
    -- 'user', 'organization' or 'actor'
    nominee_type  TEXT NOT NULL,
    nominee_id    TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL,
    created_at    DATETIME NOT NULL,
    UNIQUE (respondent_id, nominee_type, nominee_id)
);
CREATE INDEX nominations_request ON nominations (request_id);
CREATE INDEX nominations_nominee ON nominations (nominee_type, nominee_id);

-- +goose Down
DROP TABLE nominations;
DROP TABLE nomination_respondents;
DROP TABLE nomination_requests;
