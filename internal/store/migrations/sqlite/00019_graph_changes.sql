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
    created_at   DATETIME NOT NULL,
    accepted_at  DATETIME,
    PRIMARY KEY (requester_id, target_id)
);
CREATE INDEX acquaintances_target ON acquaintances (target_id);

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

-- acquaintances.requester_id as 'acquaintance'
-- +goose StatementBegin
CREATE TRIGGER search_acquaintance_insert AFTER INSERT ON acquaintances BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'acquaintance', NEW.requester_id WHERE NEW.requester_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_acquaintance_update AFTER UPDATE ON acquaintances
WHEN OLD.requester_id IS NOT NEW.requester_id OR OLD.target_id IS NOT NEW.target_id OR OLD.kind IS NOT NEW.kind OR OLD.accepted_at IS NOT NEW.accepted_at BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'acquaintance', NEW.requester_id WHERE NEW.requester_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'acquaintance', OLD.requester_id WHERE OLD.requester_id IS NOT NULL AND OLD.requester_id IS NOT NEW.requester_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_acquaintance_delete AFTER DELETE ON acquaintances BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'acquaintance', OLD.requester_id WHERE OLD.requester_id IS NOT NULL;
END;
-- +goose StatementEnd

-- meeting_attendance.meeting_id as 'meeting_attendance'
-- +goose StatementBegin
CREATE TRIGGER search_meeting_attendance_insert AFTER INSERT ON meeting_attendance BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'meeting_attendance', NEW.meeting_id WHERE NEW.meeting_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_attendance_update AFTER UPDATE ON meeting_attendance
WHEN OLD.meeting_id IS NOT NEW.meeting_id OR OLD.user_id IS NOT NEW.user_id OR OLD.attended IS NOT NEW.attended BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'meeting_attendance', NEW.meeting_id WHERE NEW.meeting_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'meeting_attendance', OLD.meeting_id WHERE OLD.meeting_id IS NOT NULL AND OLD.meeting_id IS NOT NEW.meeting_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meeting_attendance_delete AFTER DELETE ON meeting_attendance BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'meeting_attendance', OLD.meeting_id WHERE OLD.meeting_id IS NOT NULL;
END;
-- +goose StatementEnd

-- nominations.request_id as 'nomination'
-- +goose StatementBegin
CREATE TRIGGER search_nomination_insert AFTER INSERT ON nominations BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'nomination', NEW.request_id WHERE NEW.request_id IS NOT NULL;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_nomination_update AFTER UPDATE ON nominations
WHEN OLD.request_id IS NOT NEW.request_id OR OLD.respondent_id IS NOT NEW.respondent_id OR OLD.nominee_type IS NOT NEW.nominee_type OR OLD.nominee_id IS NOT NEW.nominee_id BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'nomination', NEW.request_id WHERE NEW.request_id IS NOT NULL;
    INSERT INTO change_log (source, item_id) SELECT 'nomination', OLD.request_id WHERE OLD.request_id IS NOT NULL AND OLD.request_id IS NOT NEW.request_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_nomination_delete AFTER DELETE ON nominations BEGIN
    INSERT INTO change_log (source, item_id) SELECT 'nomination', OLD.request_id WHERE OLD.request_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER search_nomination_insert;
DROP TRIGGER search_nomination_update;
DROP TRIGGER search_nomination_delete;
DROP TRIGGER search_meeting_attendance_insert;
DROP TRIGGER search_meeting_attendance_update;
DROP TRIGGER search_meeting_attendance_delete;
DROP TRIGGER search_acquaintance_insert;
DROP TRIGGER search_acquaintance_update;
DROP TRIGGER search_acquaintance_delete;
DROP TRIGGER search_community_member_insert;
DROP TRIGGER search_community_member_update;
DROP TRIGGER search_community_member_delete;
DROP TABLE acquaintances;
