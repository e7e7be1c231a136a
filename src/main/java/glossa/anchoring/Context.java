package glossa.anchoring;

/**
 * How well the text beside a candidate place matches a quote's remembered context. Compared from the
 * passage's edge outwards, tolerating a typo or a few inserted or deleted characters, in time linear in
 * the context's length (this runs for every candidate occurrence of a quote).
 */
final class Context {

    /** How far ahead to look for the two texts to agree again after a difference. */
    private static final int RESYNC = 3;

    private Context() {}

    /**
     * A remembered context folded like the texts ({@link FoldedText}) and cut to the
     * {@link MappingWeights#CONTEXT} characters nearest the passage: the end of a prefix ({@code keepEnd}),
     * the start of a suffix.
     */
    static String folded(String context, boolean keepEnd) {
        String f = new FoldedText(context).text();
        if (f.length() <= MappingWeights.CONTEXT) {
            return f;
        }
        return keepEnd ? f.substring(f.length() - MappingWeights.CONTEXT) : f.substring(0, MappingWeights.CONTEXT);
    }

    /**
     * The share of {@code expected}'s characters found in order beside {@code boundary} of {@code text}:
     * before it when {@code before} (then {@code expected} ends at the boundary), else after it. An empty
     * context (a passage at the start or end of its text) matches anything: there is nothing to contradict.
     */
    static double similarity(String expected, String text, int boundary, boolean before) {
        int n = expected.length();
        if (n == 0) {
            return 1;
        }
        int available = before ? boundary : text.length() - boundary;
        int i = 0;
        int j = 0;
        int matched = 0;
        while (i < n && j < available) {
            if (at(expected, i, before) == at(text, boundary, j, before)) {
                matched++;
                i++;
                j++;
                continue;
            }
            int skip = resync(expected, i, text, boundary, j, available, before);
            if (skip > 0) {
                i += skip;
            } else if (skip < 0) {
                j -= skip;
            } else {
                i++;
                j++;
            }
        }
        return matched / (double) n;
    }

    /** k > 0 when skipping k expected characters makes two agree, -k when skipping k text ones does, else 0. */
    private static int resync(String expected, int i, String text, int boundary, int j, int available, boolean before) {
        for (int k = 1; k <= RESYNC; k++) {
            if (i + k + 1 < expected.length()
                    && j + 1 < available
                    && at(expected, i + k, before) == at(text, boundary, j, before)
                    && at(expected, i + k + 1, before) == at(text, boundary, j + 1, before)) {
                return k;
            }
            if (j + k + 1 < available
                    && i + 1 < expected.length()
                    && at(expected, i, before) == at(text, boundary, j + k, before)
                    && at(expected, i + 1, before) == at(text, boundary, j + k + 1, before)) {
                return -k;
            }
        }
        return 0;
    }

    /** The i-th character of the context counted from the passage's edge. */
    private static char at(String expected, int i, boolean before) {
        return before ? expected.charAt(expected.length() - 1 - i) : expected.charAt(i);
    }

    private static char at(String text, int boundary, int j, boolean before) {
        return before ? text.charAt(boundary - 1 - j) : text.charAt(boundary + j);
    }
}
