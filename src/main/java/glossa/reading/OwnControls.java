package glossa.reading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.accounts.User;
import glossa.annotations.Annotation;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.Kind;
import glossa.links.LinkRepository;
import glossa.links.LinkView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which notes, replies and links on an essay page are the reader's own, with what editing them in
 * place needs (the Markdown source, tags, kind, version). The cached page is the same for every
 * member; this small JSON, spliced in per reader, lets {@code static/js/reader.js} add Edit, Delete,
 * Link and Remove link to their own cards. Without JavaScript the same actions are on each note's page,
 * which the card's date links to.
 */
final class OwnControls {

    private final AnnotationRepository notes;
    private final LinkRepository links;
    private final ObjectMapper json;

    OwnControls(AnnotationRepository notes, LinkRepository links, ObjectMapper json) {
        this.notes = notes;
        this.links = links;
        this.json = json;
    }

    /** The reader's own things on essay {@code essayId}, as JSON safe inside a script element. */
    String json(long essayId, User reader) {
        Map<String, Object> own = new LinkedHashMap<>();
        Map<String, Object> cards = new LinkedHashMap<>();
        Map<String, Object> replies = new LinkedHashMap<>();
        for (Annotation a : notes.forEssay(essayId)) {
            if (a.authorId() != reader.id() || !a.visible() || a.kind() == Kind.ANCHOR) {
                continue;
            }
            if (a.isReply()) {
                replies.put(
                        Long.toString(a.id()),
                        Map.of("parent", a.parentId(), "source", a.body(), "version", a.version()));
            } else {
                cards.put(
                        Long.toString(a.id()),
                        Map.of(
                                "source",
                                a.body(),
                                "tags",
                                String.join(", ", a.tags()),
                                "kind",
                                a.kind().label(),
                                "version",
                                a.version()));
            }
        }
        own.put("notes", cards);
        own.put("replies", replies);
        own.put(
                "links",
                links.forEssay(essayId).stream()
                        .filter(l -> reader.username().equals(l.author()))
                        .map(LinkView::id)
                        .distinct()
                        .toList());
        try {
            // "<" escaped, so no "</script>" inside a note can end the data block.
            return json.writeValueAsString(own).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialize", e);
        }
    }
}
