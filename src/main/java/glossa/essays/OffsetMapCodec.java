package glossa.essays;

import glossa.anchoring.TextSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores the offset map compactly as text: one "start end path" line per segment. Paths hold only
 * digits and slashes, so no escaping is needed.
 */
final class OffsetMapCodec {

    private OffsetMapCodec() {}

    static String encode(List<TextSegment> segments) {
        StringBuilder out = new StringBuilder(segments.size() * 16);
        for (TextSegment s : segments) {
            out.append(s.start())
                    .append(' ')
                    .append(s.end())
                    .append(' ')
                    .append(s.path())
                    .append('\n');
        }
        return out.toString();
    }

    static List<TextSegment> decode(String stored) {
        List<TextSegment> segments = new ArrayList<>();
        for (String line : stored.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" ", 3);
            segments.add(new TextSegment(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2]));
        }
        return segments;
    }
}
