package glossa.texts;

import java.util.List;

/**
 * An upload turned into Markdown.
 *
 * @param fields what the file says about itself (title, author...), to fill empty form fields
 * @param debris text of a web page left out as site furniture, for the editor to check
 */
record Converted(String markdown, TextFields fields, List<String> debris) {}
