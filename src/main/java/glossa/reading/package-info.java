/**
 * The pages composed from several features: the essay's reading page asks the essays, annotations,
 * links and claims features for their data and puts the page together, so that no feature below
 * renders another's page. (The page cache belongs here too.)
 */
package glossa.reading;
