-- The IRI a note had on the server it was imported from (W3C "via"), so that importing the same
-- export twice adds nothing.
ALTER TABLE annotation ADD COLUMN via VARCHAR(1000);
CREATE INDEX annotation_via ON annotation (via);
