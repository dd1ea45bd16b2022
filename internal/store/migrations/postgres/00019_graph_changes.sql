-- +goose Up
-- The relation graph's change log: the rows the graph is made of that
-- no search document reads (a community's members) log their changes
-- to change_log too, so every app node rebuilds its graph when they
-- change (graphindex); store.AffectedSearchDocuments maps these sources
-- to no search document. store/search_watches.go lists the same
-- triggers for Go; the PostgreSQL twin of this file must define the same
-- triggers (a test compares them).

CREATE TRIGGER search_community_member_write AFTER INSERT OR DELETE ON community_members
    FOR EACH ROW EXECUTE FUNCTION search_log_change('community_member', 'community_id');
CREATE TRIGGER search_community_member_update AFTER UPDATE ON community_members
    FOR EACH ROW WHEN (OLD.community_id IS DISTINCT FROM NEW.community_id OR OLD.user_id IS DISTINCT FROM NEW.user_id)
    EXECUTE FUNCTION search_log_change('community_member', 'community_id');

-- +goose Down
DROP TRIGGER search_community_member_write ON community_members;
DROP TRIGGER search_community_member_update ON community_members;
