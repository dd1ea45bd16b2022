-- +goose Up
-- The relation graph's change log: the rows the graph is made of that
-- no search document reads (a community's members) log their changes
-- to change_log too, so every app node rebuilds its graph when they
-- change (graphindex); store.AffectedSearchDocuments maps these sources
-- to no search document. store/search_watches.go lists the same
-- triggers for Go; the PostgreSQL twin of this file must define the same
-- triggers (a test compares them).

-- community_members.community_id as 'community_member'
-- +goose StatementBegin
CREATE TRIGGER search_community_member_insert AFTER INSERT ON community_members BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community_member', NEW.community_id WHERE NEW.community_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_community_member_update AFTER UPDATE ON community_members
WHEN OLD.community_id IS NOT NEW.community_id OR OLD.user_id IS NOT NEW.user_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community_member', NEW.community_id WHERE NEW.community_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'community_member', OLD.community_id WHERE OLD.community_id IS NOT NULL AND OLD.community_id IS NOT NEW.community_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_community_member_delete AFTER DELETE ON community_members BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'community_member', OLD.community_id WHERE OLD.community_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER search_community_member_insert;
DROP TRIGGER search_community_member_update;
DROP TRIGGER search_community_member_delete;
