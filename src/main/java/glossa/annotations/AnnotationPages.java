package glossa.annotations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.LongFunction;

/**
 * A container's notes as W3C JSON: the AnnotationCollection, and its AnnotationPages of
 * {@link AnnotationApi#PAGE_SIZE} notes each (full notes, or only their IRIs when the client prefers).
 */
final class AnnotationPages {

    private final AnnotationRepository notes;
    private final ObjectMapper json;

    AnnotationPages(AnnotationRepository notes, ObjectMapper json) {
        this.notes = notes;
        this.json = json;
    }

    ObjectNode collection(String iri, String label, int total) {
        ObjectNode c = json.createObjectNode();
        c.put("id", iri);
        ArrayNode type = c.putArray("type");
        type.add("BasicContainer").add("AnnotationCollection");
        c.put("label", label);
        c.put("total", total);
        return c;
    }

    ObjectNode page(
            AnnotationJson m,
            Long essayId,
            String iri,
            String label,
            int total,
            int page,
            int lastPage,
            boolean irisOnly,
            LongFunction<Integer> revs) {
        ObjectNode p = json.createObjectNode();
        p.put("id", iri + "?page=" + page);
        p.put("type", "AnnotationPage");
        ObjectNode partOf = collection(iri, label, total);
        partOf.remove("type");
        partOf.put("type", "AnnotationCollection");
        partOf.put("first", iri + "?page=0");
        partOf.put("last", iri + "?page=" + lastPage);
        p.set("partOf", partOf);
        p.put("startIndex", page * AnnotationApi.PAGE_SIZE);
        if (page < lastPage) {
            p.put("next", iri + "?page=" + (page + 1));
        }
        if (page > 0) {
            p.put("prev", iri + "?page=" + (page - 1));
        }
        ArrayNode items = p.putArray("items");
        for (Annotation a : notes.page(essayId, page * AnnotationApi.PAGE_SIZE, AnnotationApi.PAGE_SIZE)) {
            if (irisOnly) {
                items.add(m.iri(a.id()));
            } else {
                items.add(m.item(a, revs));
            }
        }
        return p;
    }

    static int parsePage(String s) {
        try {
            int page = Integer.parseInt(s);
            if (page < 0) {
                throw new NumberFormatException();
            }
            return page;
        } catch (NumberFormatException e) {
            throw new io.javalin.http.BadRequestResponse("The page must be a whole number from 0.");
        }
    }
}
