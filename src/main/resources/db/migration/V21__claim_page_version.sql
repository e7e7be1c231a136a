-- The same counter for claim pages: advanced by every edit, revert and passage gathered on the claim.
ALTER TABLE claim ADD COLUMN page_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE claim ADD COLUMN page_changed_at TIMESTAMP WITH TIME ZONE;
