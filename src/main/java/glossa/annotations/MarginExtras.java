package glossa.annotations;

import java.util.Map;

/**
 * What other features add to an essay's margin: links and claim pages of its passages. Implemented
 * outside this package (which they build on), handed in by the wiring.
 */
public interface MarginExtras {

    /**
     * @param byAnnotation HTML to show in the card of each annotation (links, claims), escaped already
     * @param panelHtml the essay's Connections panel, or empty
     * @param linkCount live links touching the essay
     */
    record Extras(Map<Long, String> byAnnotation, String panelHtml, int linkCount) {
        public static final Extras NONE = new Extras(Map.of(), "", 0);
    }

    Extras forEssay(long essayId, String slug);
}
