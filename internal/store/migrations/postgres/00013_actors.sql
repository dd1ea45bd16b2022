-- +goose Up
-- Actor cards: people and organisations who are not (yet) on Maillage,
-- described with public professional information only, a visibility and
-- the source of what is known. A card can be claimed by the person who
-- joins (claimed_user_id) or matched to an organisation that exists
-- (claimed_organization_id); its relations then move to the account.
-- The PostgreSQL twin of this file must define the same tables and
-- columns (a test compares them).

CREATE TABLE actors (
    id                      TEXT PRIMARY KEY,
    -- 'person' or 'organization'
    kind                    TEXT NOT NULL,
    name                    TEXT NOT NULL,
    -- the folded name, for matching and deduplication
    name_key                TEXT NOT NULL,
    description             TEXT NOT NULL DEFAULT '',
    -- a person's role and organisation, as publicly stated
    title                   TEXT NOT NULL DEFAULT '',
    organization_name       TEXT NOT NULL DEFAULT '',
    website                 TEXT NOT NULL DEFAULT '',
    -- a public professional address only
    email                   TEXT NOT NULL DEFAULT '',
    region                  TEXT NOT NULL DEFAULT '',
    address                 TEXT NOT NULL DEFAULT '',
    latitude                DOUBLE PRECISION,
    longitude               DOUBLE PRECISION,
    -- 'public', 'members' (signed-in people), 'community' (members of
    -- community_id) or 'private' (its creator)
    visibility              TEXT NOT NULL,
    community_id            TEXT REFERENCES communities (id) ON DELETE CASCADE,
    -- where what the card says comes from: a URL, an import, a nomination
    source                  TEXT NOT NULL DEFAULT '',
    created_by              TEXT REFERENCES users (id) ON DELETE SET NULL,
    claimed_user_id         TEXT REFERENCES users (id) ON DELETE SET NULL,
    claimed_organization_id TEXT REFERENCES organizations (id) ON DELETE SET NULL,
    claimed_at              TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX actors_name_key ON actors (name_key);
CREATE INDEX actors_community ON actors (community_id);
CREATE INDEX actors_claimed_user ON actors (claimed_user_id);

CREATE TABLE actor_tags (
    actor_id   TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    tag_id     TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (actor_id, tag_id)
);
CREATE INDEX actor_tags_tag ON actor_tags (tag_id);

-- +goose Down
DROP TABLE actor_tags;
DROP TABLE actors;
