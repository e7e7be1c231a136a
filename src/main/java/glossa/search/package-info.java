/**
 * Full-text search with Lucene: one index in the data directory holding essay paragraphs, notes and
 * replies, claims and links, kept fresh by a background {@link glossa.search.Indexer} that polls the
 * database for changed rows and refreshes a near-real-time reader; the search page and its JSON twin;
 * passages suggested for linking and unlinked mentions on claim pages.
 */
package glossa.search;
