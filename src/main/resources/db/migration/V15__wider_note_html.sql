-- A note's body is at most 10,000 characters, but its sanitised HTML can be many times longer (each
-- link gains its attributes, each astral character may become an entity): 60,000 was too small and a
-- long note failed with a server error. The HTML now has room for any body the rules accept.
ALTER TABLE annotation ALTER COLUMN body_html SET DATA TYPE VARCHAR(1000000);
