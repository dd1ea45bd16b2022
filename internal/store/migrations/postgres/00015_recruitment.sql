-- +goose Up
-- Recruitment: a community's managers keep a shortlist of the people and
-- organisations they consider inviting, with a status, where the idea
-- came from, a dated log of notes and their own labels; they invite by
-- email, members of Maillage or not, and the answers update the shortlist.
-- Only the community's managers see any of it.
-- The SQLite twin of this file must define the same tables and
-- columns (a test compares them).

CREATE TABLE recruitment_candidates (
    id              TEXT PRIMARY KEY,
    community_id    TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    -- at most one of user_id, organization_id, actor_id; none for a
    -- person known by name and address alone. A deleted account takes
    -- its candidacies with it; an organisation or card that goes away
    -- leaves the candidate as a plain name, with its notes.
    user_id         TEXT REFERENCES users (id) ON DELETE CASCADE,
    organization_id TEXT REFERENCES organizations (id) ON DELETE SET NULL,
    actor_id        TEXT REFERENCES actors (id) ON DELETE SET NULL,
    -- the name as the managers saw it when they added the candidate
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    -- the address typed by a manager, or an actor card's public one;
    -- empty for members of Maillage (their address is theirs)
    email           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('identified', 'contacted', 'invited', 'accepted', 'declined', 'no_answer')),
    source          TEXT NOT NULL CHECK (source IN ('search', 'suggestion', 'nomination', 'free')),
    -- who nominated them, which search found them: free text
    source_detail   TEXT NOT NULL DEFAULT '',
    created_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX recruitment_candidates_community ON recruitment_candidates (community_id, name_key);
CREATE UNIQUE INDEX recruitment_candidates_user ON recruitment_candidates (community_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX recruitment_candidates_org ON recruitment_candidates (community_id, organization_id) WHERE organization_id IS NOT NULL;
CREATE UNIQUE INDEX recruitment_candidates_actor ON recruitment_candidates (community_id, actor_id) WHERE actor_id IS NOT NULL;
CREATE UNIQUE INDEX recruitment_candidates_email ON recruitment_candidates (community_id, email) WHERE email <> '';

-- The dated log of what happened with a candidate ("called on March 3,
-- interested").
CREATE TABLE recruitment_notes (
    id           TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES recruitment_candidates (id) ON DELETE CASCADE,
    author_id    TEXT REFERENCES users (id) ON DELETE SET NULL,
    body         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX recruitment_notes_candidate ON recruitment_notes (candidate_id, created_at);

-- The managers' own labels on candidates. They stay out of the shared
-- tags: a label on a private shortlist must not make a tag exist, or
-- count, anywhere else.
CREATE TABLE recruitment_labels (
    candidate_id TEXT NOT NULL REFERENCES recruitment_candidates (id) ON DELETE CASCADE,
    label        TEXT NOT NULL,
    label_key    TEXT NOT NULL,
    PRIMARY KEY (candidate_id, label_key)
);

-- An emailed invitation to join a community. A member of Maillage invited
-- this way also gets the in-app invitation (community_invitations).
CREATE TABLE recruitment_invitations (
    id             TEXT PRIMARY KEY,
    community_id   TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    candidate_id   TEXT REFERENCES recruitment_candidates (id) ON DELETE SET NULL,
    email          TEXT NOT NULL,
    name           TEXT NOT NULL DEFAULT '',
    -- the account invited, when the managers chose a member of Maillage
    user_id        TEXT REFERENCES users (id) ON DELETE CASCADE,
    -- the actor card of the person invited: who joins from this
    -- invitation may be offered to claim it
    actor_id       TEXT REFERENCES actors (id) ON DELETE SET NULL,
    message        TEXT NOT NULL DEFAULT '',
    -- what the email carries as a PDF: nothing, the community's
    -- description, or a note (mandate_note_id)
    attachment     TEXT NOT NULL DEFAULT '' CHECK (attachment IN ('', 'description', 'note')),
    mandate_note_id TEXT REFERENCES notes (id) ON DELETE SET NULL,
    language       TEXT NOT NULL DEFAULT 'fr-CA',
    invited_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
    -- the account that answered (which may have been created from the link)
    answered_by    TEXT REFERENCES users (id) ON DELETE SET NULL,
    -- an account created from the link: the membership takes effect when
    -- its address is confirmed
    signup_user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    answered_at    TIMESTAMPTZ,
    reminded_at    TIMESTAMPTZ,
    reminders      INTEGER NOT NULL DEFAULT 0
);
-- One pending invitation per address and community: a double click or a
-- second invitation sends nothing new.
CREATE UNIQUE INDEX recruitment_invitations_pending ON recruitment_invitations (community_id, email) WHERE status = 'pending';
CREATE INDEX recruitment_invitations_community ON recruitment_invitations (community_id, created_at);
CREATE INDEX recruitment_invitations_signup ON recruitment_invitations (signup_user_id);

-- The links emailed for an invitation (the first email and each
-- reminder), as hashes: any of them answers it until it expires.
CREATE TABLE recruitment_invitation_links (
    token_hash    TEXT PRIMARY KEY,
    invitation_id TEXT NOT NULL REFERENCES recruitment_invitations (id) ON DELETE CASCADE,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX recruitment_invitation_links_invitation ON recruitment_invitation_links (invitation_id);

-- +goose Down
DROP TABLE recruitment_invitation_links;
DROP TABLE recruitment_invitations;
DROP TABLE recruitment_labels;
DROP TABLE recruitment_notes;
DROP TABLE recruitment_candidates;
