-- A deleted note's words live on only in its history (shown to moderators): blank those already deleted.
UPDATE annotation SET body = '', body_html = '' WHERE deleted_at IS NOT NULL;
DELETE FROM annotation_tag WHERE annotation_id IN (SELECT id FROM annotation WHERE deleted_at IS NOT NULL);
