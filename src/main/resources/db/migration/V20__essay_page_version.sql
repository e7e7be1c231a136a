-- A counter per essay, advanced in the same transaction as every write that changes the essay's page
-- (a note, reply, edit, deletion, hiding, link, claim passage, new revision), and when it last did.
-- Every server process sharing the database reads it with one indexed query per page view, so a page
-- cached in any of them is known stale the moment the write commits, wherever it was made.
ALTER TABLE essay ADD COLUMN page_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE essay ADD COLUMN page_changed_at TIMESTAMP WITH TIME ZONE;
