package glossa.claims;

/** A claim in the list: how many essays and passages it gathers. */
public record ClaimSummary(String slug, String title, int essays, int passages) {}
