/**
 * Atom 1.0 feeds, written with ROME: the whole site's recent changes, one essay's (its revisions,
 * notes, replies and links) and one claim's (its revisions and the passages gathered on it). Every
 * link in a feed is absolute, built on the site's configured address ({@code PublicUrl}); entries come
 * from the same queries as the recent changes page, so a deleted or hidden note is never in a feed.
 * The pages that have a feed advertise it in their head, added through the page extras.
 */
package glossa.feeds;
