-- +goose Up
-- The knowledge base: notes (with per-note visibility, authors, tags,
-- links between notes, attachments and revisions), notebooks with their
-- categories and roles, and knowledge bases that collect notebooks.
-- The SQLite twin of this file must define the same tables and
-- columns (a test compares them).

CREATE TABLE notes (
    id                   TEXT PRIMARY KEY,
    title                TEXT NOT NULL,
    title_key            TEXT NOT NULL,
    body                 TEXT NOT NULL DEFAULT '',
    -- summary is a term's short definition, or a one-line abstract.
    summary              TEXT NOT NULL DEFAULT '',
    kind                 TEXT NOT NULL DEFAULT 'general' CHECK (kind IN ('general', 'term', 'organization', 'person')),
    organization_id      TEXT REFERENCES organizations (id) ON DELETE SET NULL,
    -- person_user_id links a person card to the member it describes, once they join.
    person_user_id       TEXT REFERENCES users (id) ON DELETE SET NULL,
    visibility           TEXT NOT NULL CHECK (visibility IN ('public', 'community', 'private')),
    community_id         TEXT REFERENCES communities (id) ON DELETE SET NULL,
    authors_are_managers BOOLEAN NOT NULL DEFAULT FALSE,
    license              TEXT NOT NULL DEFAULT 'cc-by-4.0',
    created_by           TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX notes_title_key ON notes (title_key);
CREATE INDEX notes_community ON notes (community_id);
CREATE INDEX notes_visibility_updated ON notes (visibility, updated_at);

CREATE TABLE note_authors (
    note_id  TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (note_id, user_id)
);
CREATE INDEX note_authors_user ON note_authors (user_id);

CREATE TABLE note_tags (
    note_id    TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    tag_id     TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (note_id, tag_id)
);
CREATE INDEX note_tags_tag ON note_tags (tag_id);

-- Former titles keep [[wiki links]] working after a rename.
CREATE TABLE note_former_titles (
    note_id    TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    title_key  TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (title_key, note_id)
);

-- A link from one note's body to another note. target_key is the folded
-- title of a [[wiki link]] or "id:<ID>" for a link to a note's URL;
-- target_id is set once the target exists (a link may be written before
-- its target).
CREATE TABLE note_links (
    source_id  TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    target_key TEXT NOT NULL,
    target_id  TEXT REFERENCES notes (id) ON DELETE SET NULL,
    PRIMARY KEY (source_id, target_key)
);
CREATE INDEX note_links_target ON note_links (target_id);
CREATE INDEX note_links_key ON note_links (target_key);

CREATE TABLE note_revisions (
    id         TEXT PRIMARY KEY,
    note_id    TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    summary    TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    visibility TEXT NOT NULL,
    license    TEXT NOT NULL,
    -- changes names what this revision changed (e.g. "title,body").
    changes    TEXT NOT NULL DEFAULT '',
    author_id  TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (note_id, number)
);

-- Autosaved drafts, one per person and note ("" for a note not yet created).
CREATE TABLE note_drafts (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    draft_key  TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, draft_key)
);

CREATE TABLE attachments (
    id          TEXT PRIMARY KEY,
    note_id     TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    storage_key TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    mime        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    size        BIGINT NOT NULL,
    width       INTEGER NOT NULL DEFAULT 0,
    height      INTEGER NOT NULL DEFAULT 0,
    sha256      TEXT NOT NULL,
    uploaded_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX attachments_note ON attachments (note_id);

CREATE TABLE notebooks (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    title_key    TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    -- guide is the writing guide shown to contributors (Markdown).
    guide        TEXT NOT NULL DEFAULT '',
    cover_key    TEXT NOT NULL DEFAULT '',
    cover_mime   TEXT NOT NULL DEFAULT '',
    visibility   TEXT NOT NULL CHECK (visibility IN ('public', 'community', 'private')),
    community_id TEXT REFERENCES communities (id) ON DELETE SET NULL,
    created_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX notebooks_community ON notebooks (community_id);
CREATE INDEX notebooks_title_key ON notebooks (title_key);

CREATE TABLE notebook_members (
    notebook_id TEXT NOT NULL REFERENCES notebooks (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('manager', 'contributor')),
    added_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (notebook_id, user_id)
);
CREATE INDEX notebook_members_user ON notebook_members (user_id);

CREATE TABLE notebook_categories (
    id          TEXT PRIMARY KEY,
    notebook_id TEXT NOT NULL REFERENCES notebooks (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (notebook_id, name_key)
);

CREATE TABLE notebook_notes (
    notebook_id TEXT NOT NULL REFERENCES notebooks (id) ON DELETE CASCADE,
    note_id     TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    category_id TEXT REFERENCES notebook_categories (id) ON DELETE SET NULL,
    pinned      BOOLEAN NOT NULL DEFAULT FALSE,
    position    INTEGER NOT NULL DEFAULT 0,
    added_by    TEXT REFERENCES users (id) ON DELETE SET NULL,
    added_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (notebook_id, note_id)
);
CREATE INDEX notebook_notes_note ON notebook_notes (note_id);
CREATE INDEX notebook_notes_order ON notebook_notes (notebook_id, pinned, position);

CREATE TABLE knowledge_bases (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    title_key    TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    visibility   TEXT NOT NULL CHECK (visibility IN ('public', 'community', 'private')),
    community_id TEXT REFERENCES communities (id) ON DELETE SET NULL,
    created_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE knowledge_base_members (
    knowledge_base_id TEXT NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    user_id           TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role              TEXT NOT NULL CHECK (role IN ('manager', 'contributor')),
    added_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (knowledge_base_id, user_id)
);
CREATE INDEX knowledge_base_members_user ON knowledge_base_members (user_id);

CREATE TABLE knowledge_base_notebooks (
    knowledge_base_id TEXT NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    notebook_id       TEXT NOT NULL REFERENCES notebooks (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL DEFAULT 0,
    added_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (knowledge_base_id, notebook_id)
);
CREATE INDEX knowledge_base_notebooks_notebook ON knowledge_base_notebooks (notebook_id);

-- +goose Down
DROP TABLE knowledge_base_notebooks;
DROP TABLE knowledge_base_members;
DROP TABLE knowledge_bases;
DROP TABLE notebook_notes;
DROP TABLE notebook_categories;
DROP TABLE notebook_members;
DROP TABLE notebooks;
DROP TABLE attachments;
DROP TABLE note_drafts;
DROP TABLE note_revisions;
DROP TABLE note_links;
DROP TABLE note_former_titles;
DROP TABLE note_tags;
DROP TABLE note_authors;
DROP TABLE notes;
