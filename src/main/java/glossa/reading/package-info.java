/**
 * The pages composed from several features, and the cache they are served from. The essay's reading page
 * and the compare page ask the essays, annotations, links and claims features for their data (records,
 * such as {@link glossa.annotations.MarginExtras}' connections) and put the page together, so that no
 * feature below renders another's HTML. Pages are built once and served as bytes: the essay,
 * claim, synopsis, compare and home pages are kept per state of what they show (the page version counters
 * in the database, so every server process sharing it agrees), per filter and per class of reader, with
 * gzip and Brotli made once; what belongs to one reader (account menu, CSRF token, controls on their own
 * notes) is spliced in per request. Revisits are answered 304 from the counters alone. Features never
 * depend on this package.
 */
package glossa.reading;
