package glossa.essays;

import glossa.markdown.RenderedEssay;

/**
 * A text checked by the corpus rules and rendered, not yet stored: what a preview shows and a save stores.
 *
 * @param markdown the whole source, front matter included
 */
public record Draft(EssayMeta meta, String markdown, RenderedEssay rendered) {}
