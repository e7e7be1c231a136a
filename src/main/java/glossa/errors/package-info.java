/**
 * The domain's typed refusals: a {@link glossa.errors.Rejection} carries a {@link glossa.errors.Reason}
 * and the field at fault. Features throw them; the web layer maps them to HTTP in one place. This
 * package depends on nothing else in Glossa.
 */
package glossa.errors;
