/**
 * Export from the page: an essay's notes as a W3C AnnotationCollection (the format of the
 * {@code export-annotations} command, visible notes only) for anyone, and the whole site's notes,
 * links and claims for admins, each download recorded in the audit log.
 */
package glossa.exports;
