-- +goose Up
-- The curated taxonomy: English labels and definitions, hierarchy,
-- related tags, synonyms with slugs, deprecation, merges with redirects;
-- the curator role and the log of curation actions (with what undoing
-- each needs); following a tag with its descendants.
-- The PostgreSQL twin of this file must define the same tables and
-- columns (a test compares them).

ALTER TABLE users ADD COLUMN is_curator BOOLEAN NOT NULL DEFAULT FALSE;

-- key_en is the folded English label ('' without one). A key, in any of
-- tags.key, tags.key_en and tag_synonyms.key, names one live tag; a
-- merged tag's key is set apart ("merged:<id>") and its label lives on
-- as a synonym of the tag it was merged into.
ALTER TABLE tags ADD COLUMN key_en TEXT NOT NULL DEFAULT '';
ALTER TABLE tags ADD COLUMN definition TEXT NOT NULL DEFAULT '';
ALTER TABLE tags ADD COLUMN definition_en TEXT NOT NULL DEFAULT '';
-- term_note_id names a lexicon-term note defining the tag. No foreign
-- key (SQLite cannot drop such a column): pages look the note up, and a
-- deleted or hidden note is simply not linked.
ALTER TABLE tags ADD COLUMN term_note_id TEXT NOT NULL DEFAULT '';
ALTER TABLE tags ADD COLUMN deprecated BOOLEAN NOT NULL DEFAULT FALSE;
-- reviewed_at takes a free tag out of the curators' review queue.
ALTER TABLE tags ADD COLUMN reviewed_at DATETIME;
CREATE INDEX tags_key_en ON tags (key_en);
CREATE INDEX tags_parent ON tags (parent_id);
CREATE INDEX tags_merged_into ON tags (merged_into_id);

ALTER TABLE tag_synonyms ADD COLUMN slug TEXT NOT NULL DEFAULT '';
CREATE INDEX tag_synonyms_slug ON tag_synonyms (slug);

-- Related tags (skos:related), one row per pair, tag_id < related_id.
CREATE TABLE tag_related (
    tag_id     TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    related_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (tag_id, related_id),
    CHECK (tag_id < related_id)
);
CREATE INDEX tag_related_related ON tag_related (related_id);

-- Old slugs of renamed tags answer with a permanent redirect.
CREATE TABLE tag_redirects (
    slug       TEXT PRIMARY KEY,
    tag_id     TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    created_at DATETIME NOT NULL
);
CREATE INDEX tag_redirects_tag ON tag_redirects (tag_id);

-- One row whose version grows with every new tag and curation action:
-- in-memory indexes compare it to know they are current, and it orders
-- (and, on PostgreSQL, serialises) curation actions.
CREATE TABLE taxonomy_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO taxonomy_state (id, version) VALUES (1, 0);

-- The curation log: who did what, when, and what undoing it needs
-- (undo is '' when the action cannot be undone).
CREATE TABLE tag_actions (
    id         TEXT PRIMARY KEY,
    seq        BIGINT NOT NULL UNIQUE,
    batch_id   TEXT NOT NULL DEFAULT '',
    actor_id   TEXT REFERENCES users (id) ON DELETE SET NULL,
    kind       TEXT NOT NULL,
    summary    TEXT NOT NULL DEFAULT '',
    undo       TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    undone_at  DATETIME,
    undone_by  TEXT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX tag_actions_created ON tag_actions (created_at);

-- The tags an action touched (no foreign key: the log outlives them).
CREATE TABLE tag_action_tags (
    action_id TEXT NOT NULL REFERENCES tag_actions (id) ON DELETE CASCADE,
    tag_id    TEXT NOT NULL,
    PRIMARY KEY (action_id, tag_id)
);
CREATE INDEX tag_action_tags_tag ON tag_action_tags (tag_id);

ALTER TABLE follows ADD COLUMN with_descendants BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE follows DROP COLUMN with_descendants;
DROP TABLE tag_action_tags;
DROP TABLE tag_actions;
DROP TABLE taxonomy_state;
DROP TABLE tag_redirects;
DROP TABLE tag_related;
DROP INDEX tag_synonyms_slug;
ALTER TABLE tag_synonyms DROP COLUMN slug;
DROP INDEX tags_merged_into;
DROP INDEX tags_parent;
DROP INDEX tags_key_en;
ALTER TABLE tags DROP COLUMN reviewed_at;
ALTER TABLE tags DROP COLUMN deprecated;
ALTER TABLE tags DROP COLUMN term_note_id;
ALTER TABLE tags DROP COLUMN definition_en;
ALTER TABLE tags DROP COLUMN definition;
ALTER TABLE tags DROP COLUMN key_en;
ALTER TABLE users DROP COLUMN is_curator;
