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
    claimed_at              DATETIME,
    created_at              DATETIME NOT NULL,
    updated_at              DATETIME NOT NULL,
    version                 INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX actors_name_key ON actors (name_key);
CREATE INDEX actors_community ON actors (community_id);
CREATE INDEX actors_claimed_user ON actors (claimed_user_id);

CREATE TABLE actor_tags (
    actor_id   TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    tag_id     TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    created_at DATETIME NOT NULL,
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
    answered_at  DATETIME,
    due_at       DATETIME NOT NULL,
    created_at   DATETIME NOT NULL
);
CREATE INDEX actor_requests_pending ON actor_requests (status, due_at);
CREATE INDEX actor_requests_actor ON actor_requests (actor_id);
-- Search change log triggers (see migration 00012 and store/search_watches.go).

-- actors.id as 'actor'
-- +goose StatementBegin
CREATE TRIGGER search_actor_insert AFTER INSERT ON actors BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'actor', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_actor_update AFTER UPDATE ON actors
WHEN OLD.kind IS NOT NEW.kind OR OLD.name IS NOT NEW.name OR OLD.description IS NOT NEW.description OR OLD.title IS NOT NEW.title OR OLD.organization_name IS NOT NEW.organization_name OR OLD.website IS NOT NEW.website OR OLD.region IS NOT NEW.region OR OLD.address IS NOT NEW.address OR OLD.visibility IS NOT NEW.visibility OR OLD.community_id IS NOT NEW.community_id OR OLD.created_by IS NOT NEW.created_by OR OLD.claimed_user_id IS NOT NEW.claimed_user_id OR OLD.claimed_organization_id IS NOT NEW.claimed_organization_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'actor', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'actor', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_actor_delete AFTER DELETE ON actors BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'actor', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- actor_tags.actor_id as 'actor_tag'
-- +goose StatementBegin
CREATE TRIGGER search_actor_tag_insert AFTER INSERT ON actor_tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'actor_tag', NEW.actor_id WHERE NEW.actor_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_actor_tag_update AFTER UPDATE ON actor_tags
WHEN OLD.actor_id IS NOT NEW.actor_id OR OLD.tag_id IS NOT NEW.tag_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'actor_tag', NEW.actor_id WHERE NEW.actor_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'actor_tag', OLD.actor_id WHERE OLD.actor_id IS NOT NULL AND OLD.actor_id IS NOT NEW.actor_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_actor_tag_delete AFTER DELETE ON actor_tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'actor_tag', OLD.actor_id WHERE OLD.actor_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER search_actor_insert;
DROP TRIGGER search_actor_update;
DROP TRIGGER search_actor_delete;
DROP TRIGGER search_actor_tag_insert;
DROP TRIGGER search_actor_tag_update;
DROP TRIGGER search_actor_tag_delete;
DROP TABLE actor_requests;
DROP INDEX notes_actor;
ALTER TABLE notes DROP COLUMN actor_id;
DROP TABLE actor_tags;
DROP TABLE actors;
