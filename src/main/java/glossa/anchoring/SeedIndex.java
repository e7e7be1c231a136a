package glossa.anchoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every run of {@link #K} characters of a text, hashed once, so that a quote can be looked for in the
 * whole text (a moved paragraph) without scanning it per note: exact occurrences by their first run,
 * approximate ones by the runs they still share with the text (seed and extend).
 */
final class SeedIndex {

    /** Characters per seed: long enough to be rare in prose, short enough to fit between typos. */
    static final int K = 8;
    /** Occurrences of one seed looked at before giving up on it: such seeds are common words, no evidence. */
    private static final int MAX_CHAIN = 64;
    /** Width of the diagonal buckets in which seed hits vote for a place, in characters. */
    private static final int BUCKET = 16;

    private final String text;
    private final int[] head;
    private final int[] next;
    private final int mask;

    SeedIndex(String text) {
        this.text = text;
        int size = Integer.highestOneBit(Math.max(16, text.length()) * 2);
        this.mask = size - 1;
        this.head = new int[size];
        Arrays.fill(head, -1);
        this.next = new int[Math.max(0, text.length() - K + 1)];
        // Inserted from the end, so each chain lists occurrences in document order.
        for (int i = text.length() - K; i >= 0; i--) {
            int h = hash(text, i) & mask;
            next[i] = head[h];
            head[h] = i;
        }
    }

    private static int hash(String s, int at) {
        int h = 0;
        for (int k = 0; k < K; k++) {
            h = 31 * h + s.charAt(at + k);
        }
        return h ^ (h >>> 15);
    }

    /** Every exact occurrence of {@code needle}, in document order. */
    List<Integer> occurrences(String needle) {
        List<Integer> out = new ArrayList<>();
        if (needle.length() < K) {
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                out.add(at);
            }
            return out;
        }
        for (int at = head[hash(needle, 0) & mask]; at >= 0; at = next[at]) {
            if (text.startsWith(needle, at)) {
                out.add(at);
            }
        }
        return out;
    }

    /**
     * Where most of the needle's seeds agree it begins, or -1: each seed of the needle found in the text
     * votes for the start it implies. Needs at least {@code minVotes} agreeing seeds.
     */
    int likelyStart(String needle, int minVotes) {
        if (needle.length() < 2 * K) {
            return -1;
        }
        Map<Integer, Integer> votes = new HashMap<>();
        for (int offset = 0; offset + K <= needle.length(); offset += K) {
            int seen = 0;
            for (int at = head[hash(needle, offset) & mask]; at >= 0 && seen < MAX_CHAIN; at = next[at], seen++) {
                if (text.regionMatches(at, needle, offset, K)) {
                    votes.merge(Math.floorDiv(at - offset, BUCKET), 1, Integer::sum);
                }
            }
        }
        int best = -1;
        int bestVotes = 0;
        for (Map.Entry<Integer, Integer> v : votes.entrySet()) {
            // A start near a bucket edge splits its votes: count the neighbours too.
            int total = v.getValue() + votes.getOrDefault(v.getKey() - 1, 0);
            if (total > bestVotes) {
                bestVotes = total;
                best = v.getKey();
            }
        }
        return bestVotes >= minVotes ? Math.max(0, best * BUCKET - BUCKET) : -1;
    }
}
