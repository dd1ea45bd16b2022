-- +goose Up
-- Contributions from readers: comments on notes (one level of answers,
-- moderated by the note's authors) and proposals of a note for a
-- notebook, answered by the notebook's managers.
-- The PostgreSQL twin of this file must define the same tables and
-- columns (a test compares them).

CREATE TABLE note_comments (
    id         TEXT PRIMARY KEY,
    note_id    TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    -- parent_id is the top-level comment this one answers; answers to
    -- answers attach to the same parent, so nesting stays one level deep.
    parent_id  TEXT REFERENCES note_comments (id) ON DELETE CASCADE,
    author_id  TEXT REFERENCES users (id) ON DELETE SET NULL,
    body       TEXT NOT NULL DEFAULT '',
    hidden     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    -- deleted_at marks a tombstone: a deleted comment that still has answers.
    deleted_at DATETIME
);
CREATE INDEX note_comments_note_created ON note_comments (note_id, created_at);
CREATE INDEX note_comments_parent ON note_comments (parent_id);
CREATE INDEX note_comments_author ON note_comments (author_id);

CREATE TABLE notebook_proposals (
    id          TEXT PRIMARY KEY,
    notebook_id TEXT NOT NULL REFERENCES notebooks (id) ON DELETE CASCADE,
    note_id     TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    proposed_by TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message     TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
    created_at  DATETIME NOT NULL,
    answered_at DATETIME,
    answered_by TEXT REFERENCES users (id) ON DELETE SET NULL
);
-- A note waits at most once for the same notebook.
CREATE UNIQUE INDEX notebook_proposals_pending ON notebook_proposals (notebook_id, note_id) WHERE status = 'pending';
CREATE INDEX notebook_proposals_notebook ON notebook_proposals (notebook_id, status, created_at);
CREATE INDEX notebook_proposals_proposer ON notebook_proposals (proposed_by, created_at);

-- +goose Down
DROP TABLE notebook_proposals;
DROP TABLE note_comments;
