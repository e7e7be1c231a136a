-- H2: the same triggers as PostgreSQL's V24 (db/vendor/postgresql), written in Java
-- (glossa.storage.ChangeLogTrigger); the first column of each row goes into ref_id.
CREATE TRIGGER essay_change AFTER INSERT, UPDATE, DELETE ON essay FOR EACH ROW CALL 'glossa.storage.ChangeLogTrigger';
CREATE TRIGGER essay_revision_change AFTER INSERT, UPDATE, DELETE ON essay_revision FOR EACH ROW CALL 'glossa.storage.ChangeLogTrigger';
CREATE TRIGGER annotation_change AFTER INSERT, UPDATE, DELETE ON annotation FOR EACH ROW CALL 'glossa.storage.ChangeLogTrigger';
CREATE TRIGGER annotation_tag_change AFTER INSERT, UPDATE, DELETE ON annotation_tag FOR EACH ROW CALL 'glossa.storage.ChangeLogTrigger';
CREATE TRIGGER passage_link_change AFTER INSERT, UPDATE, DELETE ON passage_link FOR EACH ROW CALL 'glossa.storage.ChangeLogTrigger';
CREATE TRIGGER claim_change AFTER INSERT, UPDATE, DELETE ON claim FOR EACH ROW CALL 'glossa.storage.ChangeLogTrigger';
CREATE TRIGGER claim_revision_change AFTER INSERT, UPDATE, DELETE ON claim_revision FOR EACH ROW CALL 'glossa.storage.ChangeLogTrigger';
CREATE TRIGGER claim_passage_change AFTER INSERT, UPDATE, DELETE ON claim_passage FOR EACH ROW CALL 'glossa.storage.ChangeLogTrigger';
