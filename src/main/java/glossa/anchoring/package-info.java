/**
 * Anchoring: the canonical text that annotations point into and the selectors of the W3C Web
 * Annotation model, and {@link glossa.anchoring.RevisionMapping}, which carries notes from one revision
 * to the next (folded text, a paragraph-then-word diff, a k-gram index for quotes that moved; see
 * docs/BENCHMARKS.md for how well). Pure Java: no web framework, no database.
 */
package glossa.anchoring;
