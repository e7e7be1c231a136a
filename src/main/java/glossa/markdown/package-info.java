/**
 * Markdown: the one place where Markdown becomes HTML, and where the canonical text of an essay is
 * computed from that HTML.
 */
package glossa.markdown;
