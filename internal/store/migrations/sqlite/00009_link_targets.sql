-- +goose Up
-- A [[wiki link]] keeps the note it reached when it was written, so a
-- note created later with the same title, by anyone, cannot take it over.
-- resolved is true once a link has reached a note: when that note is
-- deleted (target_id becomes NULL) the link reads as plain text instead
-- of falling to another note that bears the title. A link that never
-- reached a note (resolved false) waits for one.
-- The PostgreSQL twin of this file must define the same columns (a test
-- compares them).
ALTER TABLE note_links ADD COLUMN resolved BOOLEAN NOT NULL DEFAULT FALSE;

-- Links saved before this rule chose the most recently updated note
-- bearing the title, which a stranger could take over. Each wiki link is
-- resolved again as its source note's authors see it: a note of theirs
-- first (tier 0), then one in the source note's community (1), then one
-- in a community an author belongs to (2), then anyone's public note (3);
-- within a tier a note's current title before a former one, then the
-- oldest. The target already stored wins within its tier, except among
-- strangers' notes, where the oldest does (it undoes a take-over). A link
-- that had no target is attached only to a note of tiers 0 to 2.
UPDATE note_links SET target_id = (
    SELECT c.id FROM (
        SELECT n.id, n.created_at,
            CASE WHEN n.title_key = note_links.target_key THEN 0 ELSE 1 END AS former,
            CASE
                WHEN EXISTS (SELECT 1 FROM note_authors sa JOIN note_authors ta ON ta.user_id = sa.user_id
                    WHERE sa.note_id = note_links.source_id AND ta.note_id = n.id) THEN 0
                WHEN n.visibility = 'private' THEN 9
                WHEN n.community_id = (SELECT s.community_id FROM notes s WHERE s.id = note_links.source_id)
                    AND (n.visibility = 'public' OR EXISTS (SELECT 1 FROM note_authors sa JOIN community_members m ON m.user_id = sa.user_id
                        WHERE sa.note_id = note_links.source_id AND m.community_id = n.community_id)) THEN 1
                WHEN EXISTS (SELECT 1 FROM note_authors sa JOIN community_members m ON m.user_id = sa.user_id
                    WHERE sa.note_id = note_links.source_id AND m.community_id = n.community_id) THEN 2
                WHEN n.visibility = 'public' THEN 3
                ELSE 9
            END AS tier
        FROM notes n
        WHERE n.id IN (SELECT t.id FROM notes t WHERE t.title_key = note_links.target_key
            UNION SELECT f.note_id FROM note_former_titles f WHERE f.title_key = note_links.target_key)
    ) c
    WHERE c.tier < 9 AND (note_links.target_id IS NOT NULL OR c.tier < 3)
    ORDER BY c.tier, CASE WHEN c.tier < 3 AND c.id = note_links.target_id THEN 0 ELSE 1 END, c.former, c.created_at, c.id
    LIMIT 1)
WHERE target_key NOT LIKE 'id:%';

UPDATE note_links SET resolved = (target_id IS NOT NULL);

-- +goose Down
ALTER TABLE note_links DROP COLUMN resolved;
