/**
 * Pages built once and served as bytes: the essay, claim, synopsis, compare and home pages are kept
 * per state of what they show (the page version counters in the database, so every server process
 * sharing it agrees), per filter and per class of reader, with gzip and Brotli made once; what belongs
 * to one reader (account menu, CSRF token, controls on their own notes) is spliced in per request.
 * Revisits are answered 304 from the counters alone, without building anything.
 */
package glossa.reading;
