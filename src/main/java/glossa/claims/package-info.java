/**
 * Claims: named wiki pages that gather passages from several essays with a stance, every edit a
 * revision; the synopsis table; the starter content; and the margin's Connections (links and claims
 * of an essay's passages).
 */
package glossa.claims;
