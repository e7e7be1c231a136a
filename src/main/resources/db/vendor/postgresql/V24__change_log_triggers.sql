-- PostgreSQL: one trigger function for every followed table; the first argument names the column
-- whose value goes into ref_id. (H2's version of this migration is in db/vendor/h2.)
CREATE FUNCTION glossa_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_data jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        row_data := to_jsonb(OLD);
    ELSE
        row_data := to_jsonb(NEW);
    END IF;
    INSERT INTO change_log (kind, ref_id) VALUES (TG_TABLE_NAME, (row_data ->> TG_ARGV[0])::bigint);
    RETURN NULL;
END;
$$;

CREATE TRIGGER essay_change AFTER INSERT OR UPDATE OR DELETE ON essay FOR EACH ROW EXECUTE FUNCTION glossa_log_change('id');
CREATE TRIGGER essay_revision_change AFTER INSERT OR UPDATE OR DELETE ON essay_revision FOR EACH ROW EXECUTE FUNCTION glossa_log_change('id');
CREATE TRIGGER annotation_change AFTER INSERT OR UPDATE OR DELETE ON annotation FOR EACH ROW EXECUTE FUNCTION glossa_log_change('id');
CREATE TRIGGER annotation_tag_change AFTER INSERT OR UPDATE OR DELETE ON annotation_tag FOR EACH ROW EXECUTE FUNCTION glossa_log_change('annotation_id');
CREATE TRIGGER passage_link_change AFTER INSERT OR UPDATE OR DELETE ON passage_link FOR EACH ROW EXECUTE FUNCTION glossa_log_change('id');
CREATE TRIGGER claim_change AFTER INSERT OR UPDATE OR DELETE ON claim FOR EACH ROW EXECUTE FUNCTION glossa_log_change('id');
CREATE TRIGGER claim_revision_change AFTER INSERT OR UPDATE OR DELETE ON claim_revision FOR EACH ROW EXECUTE FUNCTION glossa_log_change('id');
CREATE TRIGGER claim_passage_change AFTER INSERT OR UPDATE OR DELETE ON claim_passage FOR EACH ROW EXECUTE FUNCTION glossa_log_change('id');
