-- +goose Up
-- Consent before anyone's name is used: a person becomes a co-author of a
-- note, or a member or manager of a community, notebook or knowledge base,
-- only by accepting an invitation (platform administrators may still add
-- people directly). Until then the invitation lives here and the person is
-- listed nowhere. Invitations carry the role offered.
-- The PostgreSQL twin of this file must define the same tables and
-- columns (a test compares them).

ALTER TABLE community_invitations ADD COLUMN role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('manager', 'member'));

CREATE TABLE note_invitations (
    note_id     TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- role is always 'author': a note has no other role to offer.
    role        TEXT NOT NULL DEFAULT 'author' CHECK (role IN ('author')),
    invited_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
    created_at  DATETIME NOT NULL,
    answered_at DATETIME,
    PRIMARY KEY (note_id, user_id)
);
CREATE INDEX note_invitations_user ON note_invitations (user_id, status);

CREATE TABLE notebook_invitations (
    notebook_id TEXT NOT NULL REFERENCES notebooks (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        TEXT NOT NULL DEFAULT 'contributor' CHECK (role IN ('manager', 'contributor')),
    invited_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
    created_at  DATETIME NOT NULL,
    answered_at DATETIME,
    PRIMARY KEY (notebook_id, user_id)
);
CREATE INDEX notebook_invitations_user ON notebook_invitations (user_id, status);

CREATE TABLE knowledge_base_invitations (
    knowledge_base_id TEXT NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    user_id           TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role              TEXT NOT NULL DEFAULT 'contributor' CHECK (role IN ('manager', 'contributor')),
    invited_by        TEXT REFERENCES users (id) ON DELETE SET NULL,
    status            TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
    created_at        DATETIME NOT NULL,
    answered_at       DATETIME,
    PRIMARY KEY (knowledge_base_id, user_id)
);
CREATE INDEX knowledge_base_invitations_user ON knowledge_base_invitations (user_id, status);

-- +goose Down
DROP TABLE knowledge_base_invitations;
DROP TABLE notebook_invitations;
DROP TABLE note_invitations;
ALTER TABLE community_invitations DROP COLUMN role;
