package glossa.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import glossa.anchoring.TextQuoteSelector;
import glossa.errors.Reason;

/** What a list of W3C selectors says: the quote (with its context) and the position, each possibly null. */
record Selection(TextQuoteSelector quote, Integer start, Integer end) {

    /**
     * Reads TextQuoteSelector and TextPositionSelector from one selector or a list; other kinds are
     * ignored. Positions must be whole numbers (1.5 would be cut to 1 and point at other words).
     */
    static Selection of(JsonNode selectors) throws AnnotationException {
        TextQuoteSelector quote = null;
        Integer start = null;
        Integer end = null;
        JsonNode list = selectors.isArray()
                ? selectors
                : JsonNodeFactory.instance.arrayNode().add(selectors);
        for (JsonNode s : list) {
            switch (s.path("type").asText("")) {
                case "TextPositionSelector" -> {
                    if (!s.path("start").isIntegralNumber()
                            || !s.path("end").isIntegralNumber()
                            || !s.path("start").canConvertToInt()
                            || !s.path("end").canConvertToInt()) {
                        throw new AnnotationException(
                                Reason.INVALID, "position", "A TextPositionSelector needs whole-number start and end.");
                    }
                    start = s.get("start").asInt();
                    end = s.get("end").asInt();
                }
                case "TextQuoteSelector" -> {
                    String exact = s.path("exact").isTextual() ? s.path("exact").asText() : null;
                    if (exact != null && !exact.isEmpty()) {
                        quote = new TextQuoteSelector(
                                exact,
                                s.path("prefix").isTextual() ? s.path("prefix").asText() : null,
                                s.path("suffix").isTextual() ? s.path("suffix").asText() : null);
                    }
                }
                default -> {}
            }
        }
        return new Selection(quote, start, end);
    }
}
