-- +goose Up
-- Account security: ending every session of a person at once, binding a
-- confirmation link to the device that signed up, trusting the devices
-- that once signed in, and the rate-limit counters shared by every app
-- node. The SQLite twin of this file must define the same tables and
-- columns (a test compares them).

-- A session is valid only while it carries the person's current epoch:
-- changing the password or signing out everywhere increments it.
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
-- Reset links sent before this moment no longer work.
ALTER TABLE users ADD COLUMN password_changed_at TIMESTAMPTZ;

-- The hash of the random value the signing-up device keeps in a cookie;
-- empty for links that sign in nowhere.
ALTER TABLE email_tokens ADD COLUMN device_hash TEXT NOT NULL DEFAULT '';

-- A device that signed in successfully keeps a random cookie naming the
-- account it proved; it is spared the lockout of that account.
CREATE TABLE trusted_devices (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX trusted_devices_user ON trusted_devices (user_id);
CREATE INDEX trusted_devices_expiry ON trusted_devices (expires_at);

-- Fixed-window counters: key is a rule name and the hash of what it
-- counts (an address, an account), never the value itself.
CREATE TABLE rate_counters (
    key          TEXT NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    count        INTEGER NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_counters_expiry ON rate_counters (expires_at);

-- +goose Down
DROP TABLE rate_counters;
DROP TABLE trusted_devices;
ALTER TABLE email_tokens DROP COLUMN device_hash;
ALTER TABLE users DROP COLUMN password_changed_at;
ALTER TABLE users DROP COLUMN session_epoch;
