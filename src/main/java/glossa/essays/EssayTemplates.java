package glossa.essays;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each revision's {@link EssayTemplate}, cut once and shared: the reading page splices highlights into
 * it, the notes' forms look up the paragraph a reader chose without JavaScript. Kept per revision id
 * for the life of the server (a revision's HTML never changes).
 */
public final class EssayTemplates {

    /** A block's extent: start inclusive, end exclusive, in code points of the canonical text. */
    public record BlockRange(int start, int end) {}

    private final Map<Long, EssayTemplate> templates = new ConcurrentHashMap<>();

    /** The revision's HTML cut into blocks, once per revision. */
    public EssayTemplate of(EssayRevision essay) {
        return templates.computeIfAbsent(essay.id(), id -> EssayTemplate.of(essay.html()));
    }

    /** Where block {@code id} of the essay starts and ends, in code points of its canonical text. */
    public Optional<BlockRange> block(EssayRevision essay, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return of(essay).blocks().stream()
                .filter(b -> b.id().equals(id) && b.end() > b.start())
                .findFirst()
                .map(b -> new BlockRange(b.start(), b.end()));
    }

    /** The id of the block holding code point {@code offset} of the essay's canonical text, if it has one. */
    public Optional<String> blockAt(EssayRevision essay, int offset) {
        return of(essay).blocks().stream()
                .filter(b -> b.start() <= offset && offset < b.end() && !b.id().isEmpty())
                .map(EssayTemplate.Block::id)
                .findFirst();
    }
}
