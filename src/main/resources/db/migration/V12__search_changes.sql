-- The search indexer polls for notes written and links deleted since its last look; these indexes
-- keep that poll a range scan instead of a full one.
CREATE INDEX annotation_updated_at ON annotation (updated_at);
CREATE INDEX passage_link_deleted_at ON passage_link (deleted_at);
