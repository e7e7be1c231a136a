package glossa.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** A note's text and tags, from its W3C bodies as clients write them (one, several, or a bare string). */
record Bodies(String text, List<String> tags) {

    static Bodies of(JsonNode bodies) {
        String text = "";
        List<String> tags = new ArrayList<>();
        JsonNode list =
                bodies.isArray() ? bodies : JsonNodeFactory.instance.arrayNode().add(bodies);
        for (JsonNode b : list) {
            if (b == null || b.isMissingNode() || b.isNull()) {
                continue;
            }
            if (b.isTextual()) {
                text = b.asText();
            } else if ("tagging".equals(b.path("purpose").asText())) {
                tags.add(b.path("value").asText(""));
            } else {
                text = b.path("value").asText("");
            }
        }
        return new Bodies(text, tags);
    }
}
