-- Essays edited in the browser. Each revision records who made it (NULL: the system account, i.e. a
-- corpus file read at start) and why. The essay keeps its newest revision number so that a save can
-- check and advance it in one UPDATE (of two editors who started from the same revision exactly one
-- wins), and the hash of the corpus file last imported, so that a file changes the essay only when
-- the file itself changes, never merely because the text was edited in the browser since.
ALTER TABLE essay_revision ADD COLUMN editor_id BIGINT REFERENCES app_user (id);
ALTER TABLE essay_revision ADD COLUMN summary VARCHAR(300) DEFAULT '' NOT NULL;
ALTER TABLE essay ADD COLUMN revision_no INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE essay ADD COLUMN corpus_hash VARCHAR(64);
UPDATE essay SET revision_no = (SELECT COALESCE(MAX(r.revision_no), 0) FROM essay_revision r WHERE r.essay_id = essay.id);
UPDATE essay SET corpus_hash = (SELECT r.content_hash FROM essay_revision r WHERE r.essay_id = essay.id
    AND r.revision_no = essay.revision_no);
