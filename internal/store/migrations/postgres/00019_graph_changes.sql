-- +goose Up
-- The relation graph's own rows and change log. Acquaintances: a person
-- declares knowing, or having worked with, another; the link exists (in
-- the relation graph, for discovery) only once the other confirms it
-- (accepted_at), like every use of a name. The rows the graph is made of
-- that no search document reads (a community's members, acquaintances,
-- who attended a meeting)
-- log their changes to change_log too, so every app node rebuilds its
-- graph when they change (graphindex); store.AffectedSearchDocuments
-- maps these sources to no search document. store/search_watches.go
-- lists the same triggers for Go; the twin of this file in the other
-- dialect must define the same tables and triggers (a test compares them).

CREATE TABLE acquaintances (
    requester_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    target_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- 'know' or 'worked_with'
    kind         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    accepted_at  TIMESTAMPTZ,
    PRIMARY KEY (requester_id, target_id)
);
CREATE INDEX acquaintances_target ON acquaintances (target_id);

CREATE TRIGGER search_community_member_write AFTER INSERT OR DELETE ON community_members
    FOR EACH ROW EXECUTE FUNCTION search_log_change('community_member', 'community_id');
CREATE TRIGGER search_community_member_update AFTER UPDATE ON community_members
    FOR EACH ROW WHEN (OLD.community_id IS DISTINCT FROM NEW.community_id OR OLD.user_id IS DISTINCT FROM NEW.user_id)
    EXECUTE FUNCTION search_log_change('community_member', 'community_id');

CREATE TRIGGER search_acquaintance_write AFTER INSERT OR DELETE ON acquaintances
    FOR EACH ROW EXECUTE FUNCTION search_log_change('acquaintance', 'requester_id');
CREATE TRIGGER search_acquaintance_update AFTER UPDATE ON acquaintances
    FOR EACH ROW WHEN (OLD.requester_id IS DISTINCT FROM NEW.requester_id OR OLD.target_id IS DISTINCT FROM NEW.target_id OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.accepted_at IS DISTINCT FROM NEW.accepted_at)
    EXECUTE FUNCTION search_log_change('acquaintance', 'requester_id');

CREATE TRIGGER search_meeting_attendance_write AFTER INSERT OR DELETE ON meeting_attendance
    FOR EACH ROW EXECUTE FUNCTION search_log_change('meeting_attendance', 'meeting_id');
CREATE TRIGGER search_meeting_attendance_update AFTER UPDATE ON meeting_attendance
    FOR EACH ROW WHEN (OLD.meeting_id IS DISTINCT FROM NEW.meeting_id OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.attended IS DISTINCT FROM NEW.attended)
    EXECUTE FUNCTION search_log_change('meeting_attendance', 'meeting_id');

CREATE TRIGGER search_nomination_write AFTER INSERT OR DELETE ON nominations
    FOR EACH ROW EXECUTE FUNCTION search_log_change('nomination', 'request_id');
CREATE TRIGGER search_nomination_update AFTER UPDATE ON nominations
    FOR EACH ROW WHEN (OLD.request_id IS DISTINCT FROM NEW.request_id OR OLD.respondent_id IS DISTINCT FROM NEW.respondent_id OR OLD.nominee_type IS DISTINCT FROM NEW.nominee_type OR OLD.nominee_id IS DISTINCT FROM NEW.nominee_id)
    EXECUTE FUNCTION search_log_change('nomination', 'request_id');

-- +goose Down
DROP TRIGGER search_nomination_write ON nominations;
DROP TRIGGER search_nomination_update ON nominations;
DROP TRIGGER search_meeting_attendance_write ON meeting_attendance;
DROP TRIGGER search_meeting_attendance_update ON meeting_attendance;
DROP TRIGGER search_acquaintance_write ON acquaintances;
DROP TRIGGER search_acquaintance_update ON acquaintances;
DROP TRIGGER search_community_member_write ON community_members;
DROP TRIGGER search_community_member_update ON community_members;
DROP TABLE acquaintances;
