-- +goose Up
-- The search change log. Each app process keeps its search index in
-- memory, derived from these tables; it stays current by reading
-- change_log, which the triggers below write in the same transaction as
-- every insert, update and delete of the rows a search document is made
-- of, so no write path (present or future) can forget it and a rolled-back
-- write logs nothing. A row says which kind of row changed (source) and
-- its key (item_id); store.AffectedSearchDocuments maps it to the
-- documents to reload. source 'all' asks every node to rebuild.
-- store/search_watches.go lists the same triggers for Go; the SQLite twin
-- of this file must define the same table and triggers (a test compares
-- them).
--
-- seq comes from a sequence: concurrent transactions may commit a later
-- seq before an earlier one, and a rolled-back one leaves a gap (see
-- store.DB.SearchChanges).

CREATE TABLE change_log (
    seq     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source  TEXT NOT NULL,
    item_id TEXT NOT NULL,
    at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX change_log_at ON change_log (at);

-- One function serves every trigger: its arguments name the source and
-- the key column, read from the row as JSON so one body fits every table.
-- An insert and a delete log the row's key; an update (whose trigger
-- fires only when a column the documents read changed) logs the new key,
-- and the old one too when the key itself changed. A NULL key logs nothing.
-- +goose StatementBegin
CREATE FUNCTION search_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    src     text := TG_ARGV[0];
    col     text := TG_ARGV[1];
    new_key text;
    old_key text;
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        new_key := to_jsonb(NEW) ->> col;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        old_key := to_jsonb(OLD) ->> col;
    END IF;
    IF new_key IS NOT NULL THEN
        INSERT INTO change_log (source, item_id) VALUES (src, new_key);
    END IF;
    IF old_key IS NOT NULL AND old_key IS DISTINCT FROM new_key THEN
        INSERT INTO change_log (source, item_id) VALUES (src, old_key);
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER search_user_write AFTER INSERT OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION search_log_change('user', 'id');
CREATE TRIGGER search_user_update AFTER UPDATE ON users
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.pronouns IS DISTINCT FROM NEW.pronouns OR OLD.bio IS DISTINCT FROM NEW.bio OR OLD.region IS DISTINCT FROM NEW.region OR OLD.profile_visibility IS DISTINCT FROM NEW.profile_visibility)
    EXECUTE FUNCTION search_log_change('user', 'id');

CREATE TRIGGER search_user_name_write AFTER INSERT OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION search_log_change('user_name', 'id');
CREATE TRIGGER search_user_name_update AFTER UPDATE ON users
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.profile_visibility IS DISTINCT FROM NEW.profile_visibility)
    EXECUTE FUNCTION search_log_change('user_name', 'id');

CREATE TRIGGER search_user_interest_write AFTER INSERT OR DELETE ON user_interests
    FOR EACH ROW EXECUTE FUNCTION search_log_change('user_interest', 'user_id');
CREATE TRIGGER search_user_interest_update AFTER UPDATE ON user_interests
    FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.tag_id IS DISTINCT FROM NEW.tag_id)
    EXECUTE FUNCTION search_log_change('user_interest', 'user_id');

CREATE TRIGGER search_affiliation_write AFTER INSERT OR DELETE ON organization_members
    FOR EACH ROW EXECUTE FUNCTION search_log_change('affiliation', 'user_id');
CREATE TRIGGER search_affiliation_update AFTER UPDATE ON organization_members
    FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
    EXECUTE FUNCTION search_log_change('affiliation', 'user_id');

CREATE TRIGGER search_organization_member_write AFTER INSERT OR DELETE ON organization_members
    FOR EACH ROW EXECUTE FUNCTION search_log_change('organization_member', 'organization_id');
CREATE TRIGGER search_organization_member_update AFTER UPDATE ON organization_members
    FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
    EXECUTE FUNCTION search_log_change('organization_member', 'organization_id');

CREATE TRIGGER search_organization_write AFTER INSERT OR DELETE ON organizations
    FOR EACH ROW EXECUTE FUNCTION search_log_change('organization', 'id');
CREATE TRIGGER search_organization_update AFTER UPDATE ON organizations
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.description IS DISTINCT FROM NEW.description OR OLD.type IS DISTINCT FROM NEW.type OR OLD.region IS DISTINCT FROM NEW.region OR OLD.address IS DISTINCT FROM NEW.address)
    EXECUTE FUNCTION search_log_change('organization', 'id');

CREATE TRIGGER search_organization_name_write AFTER INSERT OR DELETE ON organizations
    FOR EACH ROW EXECUTE FUNCTION search_log_change('organization_name', 'id');
CREATE TRIGGER search_organization_name_update AFTER UPDATE ON organizations
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION search_log_change('organization_name', 'id');

CREATE TRIGGER search_organization_tag_write AFTER INSERT OR DELETE ON organization_tags
    FOR EACH ROW EXECUTE FUNCTION search_log_change('organization_tag', 'organization_id');
CREATE TRIGGER search_organization_tag_update AFTER UPDATE ON organization_tags
    FOR EACH ROW WHEN (OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.tag_id IS DISTINCT FROM NEW.tag_id)
    EXECUTE FUNCTION search_log_change('organization_tag', 'organization_id');

CREATE TRIGGER search_community_write AFTER INSERT OR DELETE ON communities
    FOR EACH ROW EXECUTE FUNCTION search_log_change('community', 'id');
CREATE TRIGGER search_community_update AFTER UPDATE ON communities
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.description IS DISTINCT FROM NEW.description OR OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.listed IS DISTINCT FROM NEW.listed OR OLD.region IS DISTINCT FROM NEW.region)
    EXECUTE FUNCTION search_log_change('community', 'id');

CREATE TRIGGER search_community_access_write AFTER INSERT OR DELETE ON communities
    FOR EACH ROW EXECUTE FUNCTION search_log_change('community_access', 'id');
CREATE TRIGGER search_community_access_update AFTER UPDATE ON communities
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.listed IS DISTINCT FROM NEW.listed)
    EXECUTE FUNCTION search_log_change('community_access', 'id');

CREATE TRIGGER search_community_tag_write AFTER INSERT OR DELETE ON community_tags
    FOR EACH ROW EXECUTE FUNCTION search_log_change('community_tag', 'community_id');
CREATE TRIGGER search_community_tag_update AFTER UPDATE ON community_tags
    FOR EACH ROW WHEN (OLD.community_id IS DISTINCT FROM NEW.community_id OR OLD.tag_id IS DISTINCT FROM NEW.tag_id)
    EXECUTE FUNCTION search_log_change('community_tag', 'community_id');

CREATE TRIGGER search_note_write AFTER INSERT OR DELETE ON notes
    FOR EACH ROW EXECUTE FUNCTION search_log_change('note', 'id');
CREATE TRIGGER search_note_update AFTER UPDATE ON notes
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary OR OLD.body IS DISTINCT FROM NEW.body OR OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.community_id IS DISTINCT FROM NEW.community_id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.updated_at IS DISTINCT FROM NEW.updated_at)
    EXECUTE FUNCTION search_log_change('note', 'id');

CREATE TRIGGER search_note_visibility_write AFTER INSERT OR DELETE ON notes
    FOR EACH ROW EXECUTE FUNCTION search_log_change('note_visibility', 'id');
CREATE TRIGGER search_note_visibility_update AFTER UPDATE ON notes
    FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility)
    EXECUTE FUNCTION search_log_change('note_visibility', 'id');

CREATE TRIGGER search_note_organization_write AFTER INSERT OR DELETE ON notes
    FOR EACH ROW EXECUTE FUNCTION search_log_change('note_organization', 'organization_id');
CREATE TRIGGER search_note_organization_update AFTER UPDATE ON notes
    FOR EACH ROW WHEN (OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.visibility IS DISTINCT FROM NEW.visibility)
    EXECUTE FUNCTION search_log_change('note_organization', 'organization_id');

CREATE TRIGGER search_note_author_write AFTER INSERT OR DELETE ON note_authors
    FOR EACH ROW EXECUTE FUNCTION search_log_change('note_author', 'note_id');
CREATE TRIGGER search_note_author_update AFTER UPDATE ON note_authors
    FOR EACH ROW WHEN (OLD.note_id IS DISTINCT FROM NEW.note_id OR OLD.user_id IS DISTINCT FROM NEW.user_id)
    EXECUTE FUNCTION search_log_change('note_author', 'note_id');

CREATE TRIGGER search_author_write AFTER INSERT OR DELETE ON note_authors
    FOR EACH ROW EXECUTE FUNCTION search_log_change('author', 'user_id');
CREATE TRIGGER search_author_update AFTER UPDATE ON note_authors
    FOR EACH ROW WHEN (OLD.note_id IS DISTINCT FROM NEW.note_id OR OLD.user_id IS DISTINCT FROM NEW.user_id)
    EXECUTE FUNCTION search_log_change('author', 'user_id');

CREATE TRIGGER search_note_tag_write AFTER INSERT OR DELETE ON note_tags
    FOR EACH ROW EXECUTE FUNCTION search_log_change('note_tag', 'note_id');
CREATE TRIGGER search_note_tag_update AFTER UPDATE ON note_tags
    FOR EACH ROW WHEN (OLD.note_id IS DISTINCT FROM NEW.note_id OR OLD.tag_id IS DISTINCT FROM NEW.tag_id)
    EXECUTE FUNCTION search_log_change('note_tag', 'note_id');

CREATE TRIGGER search_note_link_write AFTER INSERT OR DELETE ON note_links
    FOR EACH ROW EXECUTE FUNCTION search_log_change('note_link', 'target_id');
CREATE TRIGGER search_note_link_update AFTER UPDATE ON note_links
    FOR EACH ROW WHEN (OLD.source_id IS DISTINCT FROM NEW.source_id OR OLD.target_id IS DISTINCT FROM NEW.target_id)
    EXECUTE FUNCTION search_log_change('note_link', 'target_id');

CREATE TRIGGER search_notebook_write AFTER INSERT OR DELETE ON notebooks
    FOR EACH ROW EXECUTE FUNCTION search_log_change('notebook', 'id');
CREATE TRIGGER search_notebook_update AFTER UPDATE ON notebooks
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description OR OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.community_id IS DISTINCT FROM NEW.community_id OR OLD.updated_at IS DISTINCT FROM NEW.updated_at)
    EXECUTE FUNCTION search_log_change('notebook', 'id');

CREATE TRIGGER search_notebook_member_write AFTER INSERT OR DELETE ON notebook_members
    FOR EACH ROW EXECUTE FUNCTION search_log_change('notebook_member', 'notebook_id');
CREATE TRIGGER search_notebook_member_update AFTER UPDATE ON notebook_members
    FOR EACH ROW WHEN (OLD.notebook_id IS DISTINCT FROM NEW.notebook_id OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.role IS DISTINCT FROM NEW.role)
    EXECUTE FUNCTION search_log_change('notebook_member', 'notebook_id');

CREATE TRIGGER search_notebook_note_write AFTER INSERT OR DELETE ON notebook_notes
    FOR EACH ROW EXECUTE FUNCTION search_log_change('notebook_note', 'notebook_id');
CREATE TRIGGER search_notebook_note_update AFTER UPDATE ON notebook_notes
    FOR EACH ROW WHEN (OLD.notebook_id IS DISTINCT FROM NEW.notebook_id OR OLD.note_id IS DISTINCT FROM NEW.note_id)
    EXECUTE FUNCTION search_log_change('notebook_note', 'notebook_id');

CREATE TRIGGER search_knowledge_base_write AFTER INSERT OR DELETE ON knowledge_bases
    FOR EACH ROW EXECUTE FUNCTION search_log_change('knowledge_base', 'id');
CREATE TRIGGER search_knowledge_base_update AFTER UPDATE ON knowledge_bases
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description OR OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.community_id IS DISTINCT FROM NEW.community_id OR OLD.updated_at IS DISTINCT FROM NEW.updated_at)
    EXECUTE FUNCTION search_log_change('knowledge_base', 'id');

CREATE TRIGGER search_knowledge_base_member_write AFTER INSERT OR DELETE ON knowledge_base_members
    FOR EACH ROW EXECUTE FUNCTION search_log_change('knowledge_base_member', 'knowledge_base_id');
CREATE TRIGGER search_knowledge_base_member_update AFTER UPDATE ON knowledge_base_members
    FOR EACH ROW WHEN (OLD.knowledge_base_id IS DISTINCT FROM NEW.knowledge_base_id OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.role IS DISTINCT FROM NEW.role)
    EXECUTE FUNCTION search_log_change('knowledge_base_member', 'knowledge_base_id');

CREATE TRIGGER search_knowledge_base_notebook_write AFTER INSERT OR DELETE ON knowledge_base_notebooks
    FOR EACH ROW EXECUTE FUNCTION search_log_change('knowledge_base_notebook', 'knowledge_base_id');
CREATE TRIGGER search_knowledge_base_notebook_update AFTER UPDATE ON knowledge_base_notebooks
    FOR EACH ROW WHEN (OLD.knowledge_base_id IS DISTINCT FROM NEW.knowledge_base_id OR OLD.notebook_id IS DISTINCT FROM NEW.notebook_id)
    EXECUTE FUNCTION search_log_change('knowledge_base_notebook', 'knowledge_base_id');

CREATE TRIGGER search_thread_write AFTER INSERT OR DELETE ON threads
    FOR EACH ROW EXECUTE FUNCTION search_log_change('thread', 'id');
CREATE TRIGGER search_thread_update AFTER UPDATE ON threads
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.body IS DISTINCT FROM NEW.body OR OLD.hidden IS DISTINCT FROM NEW.hidden OR OLD.community_id IS DISTINCT FROM NEW.community_id OR OLD.author_id IS DISTINCT FROM NEW.author_id)
    EXECUTE FUNCTION search_log_change('thread', 'id');

CREATE TRIGGER search_reply_write AFTER INSERT OR DELETE ON replies
    FOR EACH ROW EXECUTE FUNCTION search_log_change('reply', 'thread_id');
CREATE TRIGGER search_reply_update AFTER UPDATE ON replies
    FOR EACH ROW WHEN (OLD.thread_id IS DISTINCT FROM NEW.thread_id OR OLD.body IS DISTINCT FROM NEW.body OR OLD.hidden IS DISTINCT FROM NEW.hidden OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
    EXECUTE FUNCTION search_log_change('reply', 'thread_id');

CREATE TRIGGER search_tag_write AFTER INSERT OR DELETE ON tags
    FOR EACH ROW EXECUTE FUNCTION search_log_change('tag', 'id');
CREATE TRIGGER search_tag_update AFTER UPDATE ON tags
    FOR EACH ROW WHEN (OLD.label IS DISTINCT FROM NEW.label OR OLD.label_en IS DISTINCT FROM NEW.label_en OR OLD.parent_id IS DISTINCT FROM NEW.parent_id OR OLD.merged_into_id IS DISTINCT FROM NEW.merged_into_id OR OLD.kind IS DISTINCT FROM NEW.kind)
    EXECUTE FUNCTION search_log_change('tag', 'id');

CREATE TRIGGER search_tag_synonym_write AFTER INSERT OR DELETE ON tag_synonyms
    FOR EACH ROW EXECUTE FUNCTION search_log_change('tag_synonym', 'tag_id');
CREATE TRIGGER search_tag_synonym_update AFTER UPDATE ON tag_synonyms
    FOR EACH ROW WHEN (OLD.tag_id IS DISTINCT FROM NEW.tag_id OR OLD.label IS DISTINCT FROM NEW.label)
    EXECUTE FUNCTION search_log_change('tag_synonym', 'tag_id');

-- A search document of an organisation counts the public notes about it;
-- without this index that count reads every note.
CREATE INDEX notes_organization ON notes (organization_id);

-- +goose Down
DROP INDEX notes_organization;
DROP TRIGGER search_tag_synonym_write ON tag_synonyms;
DROP TRIGGER search_tag_synonym_update ON tag_synonyms;
DROP TRIGGER search_tag_write ON tags;
DROP TRIGGER search_tag_update ON tags;
DROP TRIGGER search_reply_write ON replies;
DROP TRIGGER search_reply_update ON replies;
DROP TRIGGER search_thread_write ON threads;
DROP TRIGGER search_thread_update ON threads;
DROP TRIGGER search_knowledge_base_notebook_write ON knowledge_base_notebooks;
DROP TRIGGER search_knowledge_base_notebook_update ON knowledge_base_notebooks;
DROP TRIGGER search_knowledge_base_member_write ON knowledge_base_members;
DROP TRIGGER search_knowledge_base_member_update ON knowledge_base_members;
DROP TRIGGER search_knowledge_base_write ON knowledge_bases;
DROP TRIGGER search_knowledge_base_update ON knowledge_bases;
DROP TRIGGER search_notebook_note_write ON notebook_notes;
DROP TRIGGER search_notebook_note_update ON notebook_notes;
DROP TRIGGER search_notebook_member_write ON notebook_members;
DROP TRIGGER search_notebook_member_update ON notebook_members;
DROP TRIGGER search_notebook_write ON notebooks;
DROP TRIGGER search_notebook_update ON notebooks;
DROP TRIGGER search_note_link_write ON note_links;
DROP TRIGGER search_note_link_update ON note_links;
DROP TRIGGER search_note_tag_write ON note_tags;
DROP TRIGGER search_note_tag_update ON note_tags;
DROP TRIGGER search_author_write ON note_authors;
DROP TRIGGER search_author_update ON note_authors;
DROP TRIGGER search_note_author_write ON note_authors;
DROP TRIGGER search_note_author_update ON note_authors;
DROP TRIGGER search_note_organization_write ON notes;
DROP TRIGGER search_note_organization_update ON notes;
DROP TRIGGER search_note_visibility_write ON notes;
DROP TRIGGER search_note_visibility_update ON notes;
DROP TRIGGER search_note_write ON notes;
DROP TRIGGER search_note_update ON notes;
DROP TRIGGER search_community_tag_write ON community_tags;
DROP TRIGGER search_community_tag_update ON community_tags;
DROP TRIGGER search_community_access_write ON communities;
DROP TRIGGER search_community_access_update ON communities;
DROP TRIGGER search_community_write ON communities;
DROP TRIGGER search_community_update ON communities;
DROP TRIGGER search_organization_tag_write ON organization_tags;
DROP TRIGGER search_organization_tag_update ON organization_tags;
DROP TRIGGER search_organization_name_write ON organizations;
DROP TRIGGER search_organization_name_update ON organizations;
DROP TRIGGER search_organization_write ON organizations;
DROP TRIGGER search_organization_update ON organizations;
DROP TRIGGER search_organization_member_write ON organization_members;
DROP TRIGGER search_organization_member_update ON organization_members;
DROP TRIGGER search_affiliation_write ON organization_members;
DROP TRIGGER search_affiliation_update ON organization_members;
DROP TRIGGER search_user_interest_write ON user_interests;
DROP TRIGGER search_user_interest_update ON user_interests;
DROP TRIGGER search_user_name_write ON users;
DROP TRIGGER search_user_name_update ON users;
DROP TRIGGER search_user_write ON users;
DROP TRIGGER search_user_update ON users;
DROP FUNCTION search_log_change();
DROP TABLE change_log;
