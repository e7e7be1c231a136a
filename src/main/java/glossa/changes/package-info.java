/**
 * Recent changes, as MediaWiki's: every change to essays, notes, replies, links and claims, newest first,
 * read from the tables that already record them (revisions, notes, links), with filters and paging.
 */
package glossa.changes;
