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

-- A note about a person or an organisation may be attached to a card
-- (note kind "person": « fiche sur une personne »): the card page lists
-- its visible notes, the note links the card. When the person claims the
-- card, the note attaches to their account (notes.person_user_id).
ALTER TABLE notes ADD COLUMN actor_id TEXT REFERENCES actors (id) ON DELETE SET NULL;
CREATE INDEX notes_actor ON notes (actor_id);

-- Requests about a card: a claim waiting for a manager's or an
-- administrator's approval (kind 'claim'), or a request for correction or
-- removal (Québec's Law 25), to be answered by due_at (30 days).
CREATE TABLE actor_requests (
    id           TEXT PRIMARY KEY,
    -- a removed card leaves its requests, as the record of what was asked
    -- and answered: actor_id becomes NULL, actor_name keeps its name
    actor_id     TEXT REFERENCES actors (id) ON DELETE SET NULL,
    actor_name   TEXT NOT NULL,
    -- 'claim', 'correction' or 'removal'
    kind         TEXT NOT NULL,
    requester_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message      TEXT NOT NULL DEFAULT '',
    -- 'pending', 'approved' (done), 'refused' or 'closed' (the card was
    -- removed before an answer)
    status       TEXT NOT NULL DEFAULT 'pending',
    answer       TEXT NOT NULL DEFAULT '',
    answered_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    answered_at  TIMESTAMPTZ,
    due_at       TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX actor_requests_pending ON actor_requests (status, due_at);
CREATE INDEX actor_requests_actor ON actor_requests (actor_id);
-- Search change log triggers (see migration 00012 and store/search_watches.go).

CREATE TRIGGER search_actor_write AFTER INSERT OR DELETE ON actors
    FOR EACH ROW EXECUTE FUNCTION search_log_change('actor', 'id');
CREATE TRIGGER search_actor_update AFTER UPDATE ON actors
    FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.name IS DISTINCT FROM NEW.name OR OLD.description IS DISTINCT FROM NEW.description OR OLD.title IS DISTINCT FROM NEW.title OR OLD.organization_name IS DISTINCT FROM NEW.organization_name OR OLD.website IS DISTINCT FROM NEW.website OR OLD.region IS DISTINCT FROM NEW.region OR OLD.address IS DISTINCT FROM NEW.address OR OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.community_id IS DISTINCT FROM NEW.community_id OR OLD.created_by IS DISTINCT FROM NEW.created_by OR OLD.claimed_user_id IS DISTINCT FROM NEW.claimed_user_id OR OLD.claimed_organization_id IS DISTINCT FROM NEW.claimed_organization_id)
    EXECUTE FUNCTION search_log_change('actor', 'id');

CREATE TRIGGER search_actor_tag_write AFTER INSERT OR DELETE ON actor_tags
    FOR EACH ROW EXECUTE FUNCTION search_log_change('actor_tag', 'actor_id');
CREATE TRIGGER search_actor_tag_update AFTER UPDATE ON actor_tags
    FOR EACH ROW WHEN (OLD.actor_id IS DISTINCT FROM NEW.actor_id OR OLD.tag_id IS DISTINCT FROM NEW.tag_id)
    EXECUTE FUNCTION search_log_change('actor_tag', 'actor_id');

-- +goose Down
DROP TRIGGER search_actor_write ON actors;
DROP TRIGGER search_actor_update ON actors;
DROP TRIGGER search_actor_tag_write ON actor_tags;
DROP TRIGGER search_actor_tag_update ON actor_tags;
DROP TABLE actor_requests;
DROP INDEX notes_actor;
ALTER TABLE notes DROP COLUMN actor_id;
DROP TABLE actor_tags;
DROP TABLE actors;
