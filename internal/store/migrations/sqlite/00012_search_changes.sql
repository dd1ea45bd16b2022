-- +goose Up
-- The search change log. Each app process keeps its search index in
-- memory, derived from these tables; it stays current by reading
-- change_log, which the triggers below write in the same transaction as
-- every insert, update and delete of the rows a search document is made
-- of, so no write path (present or future) can forget it and a rolled-back
-- write logs nothing. A row says which kind of row changed (source) and
-- its key (item_id); store.AffectedSearchDocuments maps it to the
-- documents to reload. source 'all' asks every node to rebuild.
-- store/search_watches.go lists the same triggers for Go; the PostgreSQL
-- twin of this file must define the same table and triggers (a test
-- compares them).

CREATE TABLE change_log (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    source  TEXT NOT NULL,
    item_id TEXT NOT NULL,
    -- at has the form 'YYYY-MM-DD HH:MM:SS.SSS' (UTC), compared as text by pruning.
    at      DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
);
CREATE INDEX change_log_at ON change_log (at);

-- Each watch: an insert and a delete always log the row's key; an update
-- logs it when a column the documents read changed, with the old key too
-- when the key itself changed. A NULL key logs nothing.

-- users.id as 'user'
-- +goose StatementBegin
CREATE TRIGGER search_user_insert AFTER INSERT ON users BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'user', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_user_update AFTER UPDATE ON users
WHEN OLD.name IS NOT NEW.name OR OLD.pronouns IS NOT NEW.pronouns OR OLD.bio IS NOT NEW.bio OR OLD.region IS NOT NEW.region OR OLD.profile_visibility IS NOT NEW.profile_visibility BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'user', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'user', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_user_delete AFTER DELETE ON users BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'user', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- users.id as 'user_name'
-- +goose StatementBegin
CREATE TRIGGER search_user_name_insert AFTER INSERT ON users BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'user_name', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_user_name_update AFTER UPDATE ON users
WHEN OLD.name IS NOT NEW.name OR OLD.profile_visibility IS NOT NEW.profile_visibility BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'user_name', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'user_name', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_user_name_delete AFTER DELETE ON users BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'user_name', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- user_interests.user_id as 'user_interest'
-- +goose StatementBegin
CREATE TRIGGER search_user_interest_insert AFTER INSERT ON user_interests BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'user_interest', NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_user_interest_update AFTER UPDATE ON user_interests
WHEN OLD.user_id IS NOT NEW.user_id OR OLD.tag_id IS NOT NEW.tag_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'user_interest', NEW.user_id WHERE NEW.user_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'user_interest', OLD.user_id WHERE OLD.user_id IS NOT NULL AND OLD.user_id IS NOT NEW.user_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_user_interest_delete AFTER DELETE ON user_interests BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'user_interest', OLD.user_id WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- organization_members.user_id as 'affiliation'
-- +goose StatementBegin
CREATE TRIGGER search_affiliation_insert AFTER INSERT ON organization_members BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'affiliation', NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_affiliation_update AFTER UPDATE ON organization_members
WHEN OLD.user_id IS NOT NEW.user_id OR OLD.organization_id IS NOT NEW.organization_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'affiliation', NEW.user_id WHERE NEW.user_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'affiliation', OLD.user_id WHERE OLD.user_id IS NOT NULL AND OLD.user_id IS NOT NEW.user_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_affiliation_delete AFTER DELETE ON organization_members BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'affiliation', OLD.user_id WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- organization_members.organization_id as 'organization_member'
-- +goose StatementBegin
CREATE TRIGGER search_organization_member_insert AFTER INSERT ON organization_members BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization_member', NEW.organization_id WHERE NEW.organization_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_organization_member_update AFTER UPDATE ON organization_members
WHEN OLD.user_id IS NOT NEW.user_id OR OLD.organization_id IS NOT NEW.organization_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization_member', NEW.organization_id WHERE NEW.organization_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'organization_member', OLD.organization_id WHERE OLD.organization_id IS NOT NULL AND OLD.organization_id IS NOT NEW.organization_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_organization_member_delete AFTER DELETE ON organization_members BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization_member', OLD.organization_id WHERE OLD.organization_id IS NOT NULL;
END;
-- +goose StatementEnd

-- organizations.id as 'organization'
-- +goose StatementBegin
CREATE TRIGGER search_organization_insert AFTER INSERT ON organizations BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_organization_update AFTER UPDATE ON organizations
WHEN OLD.name IS NOT NEW.name OR OLD.description IS NOT NEW.description OR OLD.type IS NOT NEW.type OR OLD.region IS NOT NEW.region OR OLD.address IS NOT NEW.address BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'organization', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_organization_delete AFTER DELETE ON organizations BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- organizations.id as 'organization_name'
-- +goose StatementBegin
CREATE TRIGGER search_organization_name_insert AFTER INSERT ON organizations BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization_name', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_organization_name_update AFTER UPDATE ON organizations
WHEN OLD.name IS NOT NEW.name BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization_name', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'organization_name', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_organization_name_delete AFTER DELETE ON organizations BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization_name', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- organization_tags.organization_id as 'organization_tag'
-- +goose StatementBegin
CREATE TRIGGER search_organization_tag_insert AFTER INSERT ON organization_tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization_tag', NEW.organization_id WHERE NEW.organization_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_organization_tag_update AFTER UPDATE ON organization_tags
WHEN OLD.organization_id IS NOT NEW.organization_id OR OLD.tag_id IS NOT NEW.tag_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization_tag', NEW.organization_id WHERE NEW.organization_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'organization_tag', OLD.organization_id WHERE OLD.organization_id IS NOT NULL AND OLD.organization_id IS NOT NEW.organization_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_organization_tag_delete AFTER DELETE ON organization_tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'organization_tag', OLD.organization_id WHERE OLD.organization_id IS NOT NULL;
END;
-- +goose StatementEnd

-- communities.id as 'community'
-- +goose StatementBegin
CREATE TRIGGER search_community_insert AFTER INSERT ON communities BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_community_update AFTER UPDATE ON communities
WHEN OLD.name IS NOT NEW.name OR OLD.description IS NOT NEW.description OR OLD.visibility IS NOT NEW.visibility OR OLD.listed IS NOT NEW.listed OR OLD.region IS NOT NEW.region BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'community', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_community_delete AFTER DELETE ON communities BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- communities.id as 'community_access'
-- +goose StatementBegin
CREATE TRIGGER search_community_access_insert AFTER INSERT ON communities BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community_access', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_community_access_update AFTER UPDATE ON communities
WHEN OLD.name IS NOT NEW.name OR OLD.visibility IS NOT NEW.visibility OR OLD.listed IS NOT NEW.listed BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community_access', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'community_access', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_community_access_delete AFTER DELETE ON communities BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community_access', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- community_tags.community_id as 'community_tag'
-- +goose StatementBegin
CREATE TRIGGER search_community_tag_insert AFTER INSERT ON community_tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community_tag', NEW.community_id WHERE NEW.community_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_community_tag_update AFTER UPDATE ON community_tags
WHEN OLD.community_id IS NOT NEW.community_id OR OLD.tag_id IS NOT NEW.tag_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community_tag', NEW.community_id WHERE NEW.community_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'community_tag', OLD.community_id WHERE OLD.community_id IS NOT NULL AND OLD.community_id IS NOT NEW.community_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_community_tag_delete AFTER DELETE ON community_tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community_tag', OLD.community_id WHERE OLD.community_id IS NOT NULL;
END;
-- +goose StatementEnd

-- notes.id as 'note'
-- +goose StatementBegin
CREATE TRIGGER search_note_insert AFTER INSERT ON notes BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_update AFTER UPDATE ON notes
WHEN OLD.title IS NOT NEW.title OR OLD.summary IS NOT NEW.summary OR OLD.body IS NOT NEW.body OR OLD.visibility IS NOT NEW.visibility OR OLD.community_id IS NOT NEW.community_id OR OLD.organization_id IS NOT NEW.organization_id OR OLD.updated_at IS NOT NEW.updated_at BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'note', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_delete AFTER DELETE ON notes BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- notes.id as 'note_visibility'
-- +goose StatementBegin
CREATE TRIGGER search_note_visibility_insert AFTER INSERT ON notes BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_visibility', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_visibility_update AFTER UPDATE ON notes
WHEN OLD.visibility IS NOT NEW.visibility BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_visibility', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'note_visibility', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_visibility_delete AFTER DELETE ON notes BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_visibility', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- notes.organization_id as 'note_organization'
-- +goose StatementBegin
CREATE TRIGGER search_note_organization_insert AFTER INSERT ON notes BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_organization', NEW.organization_id WHERE NEW.organization_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_organization_update AFTER UPDATE ON notes
WHEN OLD.organization_id IS NOT NEW.organization_id OR OLD.visibility IS NOT NEW.visibility BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_organization', NEW.organization_id WHERE NEW.organization_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'note_organization', OLD.organization_id WHERE OLD.organization_id IS NOT NULL AND OLD.organization_id IS NOT NEW.organization_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_organization_delete AFTER DELETE ON notes BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_organization', OLD.organization_id WHERE OLD.organization_id IS NOT NULL;
END;
-- +goose StatementEnd

-- note_authors.note_id as 'note_author'
-- +goose StatementBegin
CREATE TRIGGER search_note_author_insert AFTER INSERT ON note_authors BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_author', NEW.note_id WHERE NEW.note_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_author_update AFTER UPDATE ON note_authors
WHEN OLD.note_id IS NOT NEW.note_id OR OLD.user_id IS NOT NEW.user_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_author', NEW.note_id WHERE NEW.note_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'note_author', OLD.note_id WHERE OLD.note_id IS NOT NULL AND OLD.note_id IS NOT NEW.note_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_author_delete AFTER DELETE ON note_authors BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_author', OLD.note_id WHERE OLD.note_id IS NOT NULL;
END;
-- +goose StatementEnd

-- note_authors.user_id as 'author'
-- +goose StatementBegin
CREATE TRIGGER search_author_insert AFTER INSERT ON note_authors BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'author', NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_author_update AFTER UPDATE ON note_authors
WHEN OLD.note_id IS NOT NEW.note_id OR OLD.user_id IS NOT NEW.user_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'author', NEW.user_id WHERE NEW.user_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'author', OLD.user_id WHERE OLD.user_id IS NOT NULL AND OLD.user_id IS NOT NEW.user_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_author_delete AFTER DELETE ON note_authors BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'author', OLD.user_id WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- note_tags.note_id as 'note_tag'
-- +goose StatementBegin
CREATE TRIGGER search_note_tag_insert AFTER INSERT ON note_tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_tag', NEW.note_id WHERE NEW.note_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_tag_update AFTER UPDATE ON note_tags
WHEN OLD.note_id IS NOT NEW.note_id OR OLD.tag_id IS NOT NEW.tag_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_tag', NEW.note_id WHERE NEW.note_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'note_tag', OLD.note_id WHERE OLD.note_id IS NOT NULL AND OLD.note_id IS NOT NEW.note_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_tag_delete AFTER DELETE ON note_tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_tag', OLD.note_id WHERE OLD.note_id IS NOT NULL;
END;
-- +goose StatementEnd

-- note_links.target_id as 'note_link'
-- +goose StatementBegin
CREATE TRIGGER search_note_link_insert AFTER INSERT ON note_links BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_link', NEW.target_id WHERE NEW.target_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_link_update AFTER UPDATE ON note_links
WHEN OLD.source_id IS NOT NEW.source_id OR OLD.target_id IS NOT NEW.target_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_link', NEW.target_id WHERE NEW.target_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'note_link', OLD.target_id WHERE OLD.target_id IS NOT NULL AND OLD.target_id IS NOT NEW.target_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_note_link_delete AFTER DELETE ON note_links BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'note_link', OLD.target_id WHERE OLD.target_id IS NOT NULL;
END;
-- +goose StatementEnd

-- notebooks.id as 'notebook'
-- +goose StatementBegin
CREATE TRIGGER search_notebook_insert AFTER INSERT ON notebooks BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'notebook', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_notebook_update AFTER UPDATE ON notebooks
WHEN OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description OR OLD.visibility IS NOT NEW.visibility OR OLD.community_id IS NOT NEW.community_id OR OLD.updated_at IS NOT NEW.updated_at BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'notebook', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'notebook', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_notebook_delete AFTER DELETE ON notebooks BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'notebook', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- notebook_members.notebook_id as 'notebook_member'
-- +goose StatementBegin
CREATE TRIGGER search_notebook_member_insert AFTER INSERT ON notebook_members BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'notebook_member', NEW.notebook_id WHERE NEW.notebook_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_notebook_member_update AFTER UPDATE ON notebook_members
WHEN OLD.notebook_id IS NOT NEW.notebook_id OR OLD.user_id IS NOT NEW.user_id OR OLD.role IS NOT NEW.role BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'notebook_member', NEW.notebook_id WHERE NEW.notebook_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'notebook_member', OLD.notebook_id WHERE OLD.notebook_id IS NOT NULL AND OLD.notebook_id IS NOT NEW.notebook_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_notebook_member_delete AFTER DELETE ON notebook_members BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'notebook_member', OLD.notebook_id WHERE OLD.notebook_id IS NOT NULL;
END;
-- +goose StatementEnd

-- notebook_notes.notebook_id as 'notebook_note'
-- +goose StatementBegin
CREATE TRIGGER search_notebook_note_insert AFTER INSERT ON notebook_notes BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'notebook_note', NEW.notebook_id WHERE NEW.notebook_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_notebook_note_update AFTER UPDATE ON notebook_notes
WHEN OLD.notebook_id IS NOT NEW.notebook_id OR OLD.note_id IS NOT NEW.note_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'notebook_note', NEW.notebook_id WHERE NEW.notebook_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'notebook_note', OLD.notebook_id WHERE OLD.notebook_id IS NOT NULL AND OLD.notebook_id IS NOT NEW.notebook_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_notebook_note_delete AFTER DELETE ON notebook_notes BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'notebook_note', OLD.notebook_id WHERE OLD.notebook_id IS NOT NULL;
END;
-- +goose StatementEnd

-- knowledge_bases.id as 'knowledge_base'
-- +goose StatementBegin
CREATE TRIGGER search_knowledge_base_insert AFTER INSERT ON knowledge_bases BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_knowledge_base_update AFTER UPDATE ON knowledge_bases
WHEN OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description OR OLD.visibility IS NOT NEW.visibility OR OLD.community_id IS NOT NEW.community_id OR OLD.updated_at IS NOT NEW.updated_at BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_knowledge_base_delete AFTER DELETE ON knowledge_bases BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- knowledge_base_members.knowledge_base_id as 'knowledge_base_member'
-- +goose StatementBegin
CREATE TRIGGER search_knowledge_base_member_insert AFTER INSERT ON knowledge_base_members BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base_member', NEW.knowledge_base_id WHERE NEW.knowledge_base_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_knowledge_base_member_update AFTER UPDATE ON knowledge_base_members
WHEN OLD.knowledge_base_id IS NOT NEW.knowledge_base_id OR OLD.user_id IS NOT NEW.user_id OR OLD.role IS NOT NEW.role BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base_member', NEW.knowledge_base_id WHERE NEW.knowledge_base_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base_member', OLD.knowledge_base_id WHERE OLD.knowledge_base_id IS NOT NULL AND OLD.knowledge_base_id IS NOT NEW.knowledge_base_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_knowledge_base_member_delete AFTER DELETE ON knowledge_base_members BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base_member', OLD.knowledge_base_id WHERE OLD.knowledge_base_id IS NOT NULL;
END;
-- +goose StatementEnd

-- knowledge_base_notebooks.knowledge_base_id as 'knowledge_base_notebook'
-- +goose StatementBegin
CREATE TRIGGER search_knowledge_base_notebook_insert AFTER INSERT ON knowledge_base_notebooks BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base_notebook', NEW.knowledge_base_id WHERE NEW.knowledge_base_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_knowledge_base_notebook_update AFTER UPDATE ON knowledge_base_notebooks
WHEN OLD.knowledge_base_id IS NOT NEW.knowledge_base_id OR OLD.notebook_id IS NOT NEW.notebook_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base_notebook', NEW.knowledge_base_id WHERE NEW.knowledge_base_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base_notebook', OLD.knowledge_base_id WHERE OLD.knowledge_base_id IS NOT NULL AND OLD.knowledge_base_id IS NOT NEW.knowledge_base_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_knowledge_base_notebook_delete AFTER DELETE ON knowledge_base_notebooks BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'knowledge_base_notebook', OLD.knowledge_base_id WHERE OLD.knowledge_base_id IS NOT NULL;
END;
-- +goose StatementEnd

-- threads.id as 'thread'
-- +goose StatementBegin
CREATE TRIGGER search_thread_insert AFTER INSERT ON threads BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'thread', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_thread_update AFTER UPDATE ON threads
WHEN OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body OR OLD.hidden IS NOT NEW.hidden OR OLD.community_id IS NOT NEW.community_id OR OLD.author_id IS NOT NEW.author_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'thread', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'thread', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_thread_delete AFTER DELETE ON threads BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'thread', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- replies.thread_id as 'reply'
-- +goose StatementBegin
CREATE TRIGGER search_reply_insert AFTER INSERT ON replies BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'reply', NEW.thread_id WHERE NEW.thread_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_reply_update AFTER UPDATE ON replies
WHEN OLD.thread_id IS NOT NEW.thread_id OR OLD.body IS NOT NEW.body OR OLD.hidden IS NOT NEW.hidden OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'reply', NEW.thread_id WHERE NEW.thread_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'reply', OLD.thread_id WHERE OLD.thread_id IS NOT NULL AND OLD.thread_id IS NOT NEW.thread_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_reply_delete AFTER DELETE ON replies BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'reply', OLD.thread_id WHERE OLD.thread_id IS NOT NULL;
END;
-- +goose StatementEnd

-- tags.id as 'tag'
-- +goose StatementBegin
CREATE TRIGGER search_tag_insert AFTER INSERT ON tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'tag', NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_tag_update AFTER UPDATE ON tags
WHEN OLD.label IS NOT NEW.label OR OLD.label_en IS NOT NEW.label_en OR OLD.parent_id IS NOT NEW.parent_id OR OLD.merged_into_id IS NOT NEW.merged_into_id OR OLD.kind IS NOT NEW.kind BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'tag', NEW.id WHERE NEW.id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'tag', OLD.id WHERE OLD.id IS NOT NULL AND OLD.id IS NOT NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_tag_delete AFTER DELETE ON tags BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'tag', OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- tag_synonyms.tag_id as 'tag_synonym'
-- +goose StatementBegin
CREATE TRIGGER search_tag_synonym_insert AFTER INSERT ON tag_synonyms BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'tag_synonym', NEW.tag_id WHERE NEW.tag_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_tag_synonym_update AFTER UPDATE ON tag_synonyms
WHEN OLD.tag_id IS NOT NEW.tag_id OR OLD.label IS NOT NEW.label BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'tag_synonym', NEW.tag_id WHERE NEW.tag_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'tag_synonym', OLD.tag_id WHERE OLD.tag_id IS NOT NULL AND OLD.tag_id IS NOT NEW.tag_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_tag_synonym_delete AFTER DELETE ON tag_synonyms BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'tag_synonym', OLD.tag_id WHERE OLD.tag_id IS NOT NULL;
END;
-- +goose StatementEnd

-- A search document of an organisation counts the public notes about it;
-- without this index that count reads every note.
CREATE INDEX notes_organization ON notes (organization_id);

-- +goose Down
DROP INDEX notes_organization;
DROP TRIGGER search_tag_synonym_insert;
DROP TRIGGER search_tag_synonym_update;
DROP TRIGGER search_tag_synonym_delete;
DROP TRIGGER search_tag_insert;
DROP TRIGGER search_tag_update;
DROP TRIGGER search_tag_delete;
DROP TRIGGER search_reply_insert;
DROP TRIGGER search_reply_update;
DROP TRIGGER search_reply_delete;
DROP TRIGGER search_thread_insert;
DROP TRIGGER search_thread_update;
DROP TRIGGER search_thread_delete;
DROP TRIGGER search_knowledge_base_notebook_insert;
DROP TRIGGER search_knowledge_base_notebook_update;
DROP TRIGGER search_knowledge_base_notebook_delete;
DROP TRIGGER search_knowledge_base_member_insert;
DROP TRIGGER search_knowledge_base_member_update;
DROP TRIGGER search_knowledge_base_member_delete;
DROP TRIGGER search_knowledge_base_insert;
DROP TRIGGER search_knowledge_base_update;
DROP TRIGGER search_knowledge_base_delete;
DROP TRIGGER search_notebook_note_insert;
DROP TRIGGER search_notebook_note_update;
DROP TRIGGER search_notebook_note_delete;
DROP TRIGGER search_notebook_member_insert;
DROP TRIGGER search_notebook_member_update;
DROP TRIGGER search_notebook_member_delete;
DROP TRIGGER search_notebook_insert;
DROP TRIGGER search_notebook_update;
DROP TRIGGER search_notebook_delete;
DROP TRIGGER search_note_link_insert;
DROP TRIGGER search_note_link_update;
DROP TRIGGER search_note_link_delete;
DROP TRIGGER search_note_tag_insert;
DROP TRIGGER search_note_tag_update;
DROP TRIGGER search_note_tag_delete;
DROP TRIGGER search_author_insert;
DROP TRIGGER search_author_update;
DROP TRIGGER search_author_delete;
DROP TRIGGER search_note_author_insert;
DROP TRIGGER search_note_author_update;
DROP TRIGGER search_note_author_delete;
DROP TRIGGER search_note_organization_insert;
DROP TRIGGER search_note_organization_update;
DROP TRIGGER search_note_organization_delete;
DROP TRIGGER search_note_visibility_insert;
DROP TRIGGER search_note_visibility_update;
DROP TRIGGER search_note_visibility_delete;
DROP TRIGGER search_note_insert;
DROP TRIGGER search_note_update;
DROP TRIGGER search_note_delete;
DROP TRIGGER search_community_tag_insert;
DROP TRIGGER search_community_tag_update;
DROP TRIGGER search_community_tag_delete;
DROP TRIGGER search_community_access_insert;
DROP TRIGGER search_community_access_update;
DROP TRIGGER search_community_access_delete;
DROP TRIGGER search_community_insert;
DROP TRIGGER search_community_update;
DROP TRIGGER search_community_delete;
DROP TRIGGER search_organization_tag_insert;
DROP TRIGGER search_organization_tag_update;
DROP TRIGGER search_organization_tag_delete;
DROP TRIGGER search_organization_name_insert;
DROP TRIGGER search_organization_name_update;
DROP TRIGGER search_organization_name_delete;
DROP TRIGGER search_organization_insert;
DROP TRIGGER search_organization_update;
DROP TRIGGER search_organization_delete;
DROP TRIGGER search_organization_member_insert;
DROP TRIGGER search_organization_member_update;
DROP TRIGGER search_organization_member_delete;
DROP TRIGGER search_affiliation_insert;
DROP TRIGGER search_affiliation_update;
DROP TRIGGER search_affiliation_delete;
DROP TRIGGER search_user_interest_insert;
DROP TRIGGER search_user_interest_update;
DROP TRIGGER search_user_interest_delete;
DROP TRIGGER search_user_name_insert;
DROP TRIGGER search_user_name_update;
DROP TRIGGER search_user_name_delete;
DROP TRIGGER search_user_insert;
DROP TRIGGER search_user_update;
DROP TRIGGER search_user_delete;
DROP TABLE change_log;
