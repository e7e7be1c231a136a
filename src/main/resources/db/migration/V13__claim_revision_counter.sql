-- The newest revision number of each claim, kept on the claim itself so that an edit can check and
-- advance it in one statement (UPDATE ... WHERE id = ? AND revision_no = ?): of two editors who
-- started from the same revision exactly one wins, and the other is told, with nothing saved.
ALTER TABLE claim ADD COLUMN revision_no INTEGER DEFAULT 0 NOT NULL;
UPDATE claim SET revision_no = (SELECT COALESCE(MAX(r.revision_no), 0) FROM claim_revision r WHERE r.claim_id = claim.id);
