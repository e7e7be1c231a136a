/**
 * Notes on passages of an essay: their rules ({@link glossa.annotations.AnnotationService}: who may
 * write, edit, hide or delete, how a typed passage is resolved and kept anchored across revisions),
 * their storage and history ({@link glossa.annotations.AnnotationRepository}), the HTML forms that work
 * without JavaScript, and the W3C Web Annotation protocol and exchange format
 * ({@link glossa.annotations.AnnotationApi}, {@link glossa.annotations.AnnotationJson},
 * {@link glossa.annotations.AnnotationExchange}). The reading page that shows the notes in the essay is
 * composed above this package, in {@code glossa.reading}; links and claims build on the bare passages
 * (anchors) made here, and hand what they add to a note's margin up as data ({@link glossa.annotations.MarginExtras}).
 */
package glossa.annotations;
