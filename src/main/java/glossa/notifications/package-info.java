/**
 * Notifications: replies to a reader's notes and links others made to passages the reader annotated.
 * The header shows how many are new (above the reader's "seen up to" marker); {@code /notifications}
 * lists them, newest first, and viewing it moves the marker, so they are read.
 */
package glossa.notifications;
