package glossa.essays;

/** Told when an import stores a new revision of an essay that already had one (to carry notes over). */
@FunctionalInterface
public interface RevisionListener {
    void revisionAdded(long essayId, long newRevisionId);
}
