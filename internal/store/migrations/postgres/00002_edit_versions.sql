-- +goose Up
-- A version per shared record, so two people editing the same
-- organisation or community cannot overwrite each other unknowingly.
ALTER TABLE organizations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE communities ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- +goose Down
ALTER TABLE communities DROP COLUMN version;
ALTER TABLE organizations DROP COLUMN version;
