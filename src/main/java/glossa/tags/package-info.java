/**
 * Tag pages: {@code /tags} lists every tag on a visible note with how many notes carry it, and
 * {@code /tags/{tag}} lists those notes across all essays, newest first, a page at a time, each linked
 * to its place in its essay. Tags compare ignoring case, as the essay page's tag filter does.
 */
package glossa.tags;
