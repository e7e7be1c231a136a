/**
 * Essays: the corpus files, their import into revisions that are never deleted, the in-memory
 * catalogue of newest revisions, and the reading pages.
 */
package glossa.essays;
