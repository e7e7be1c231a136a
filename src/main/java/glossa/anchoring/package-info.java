/**
 * Anchoring: the canonical text that annotations point into and the selectors of the W3C Web
 * Annotation model. Pure Java: no web framework, no database.
 */
package glossa.anchoring;
