package glossa.reading;

import glossa.web.Compression;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A built page as bytes: the HTML cut at the places that belong to one reader ({@code slots}), so
 * {@code parts} has one more element than {@code slots}. A page with no slots is kept whole with its
 * gzip and Brotli forms; one with slots keeps each part as a DEFLATE piece, for splicing.
 *
 * @param weight bytes held, for the cache's bound
 */
record CachedPage(List<byte[]> parts, List<Slot> slots, List<byte[]> pieces, byte[] gzip, byte[] brotli, int weight) {

    /** What goes between two parts, per request. */
    enum Slot {
        ACCOUNT,
        CSRF
    }

    static CachedPage of(String html, String accountMarker, String csrfMarker) {
        List<byte[]> parts = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int from = 0;
        while (true) {
            int account = html.indexOf(accountMarker, from);
            int csrf = html.indexOf(csrfMarker, from);
            int next = account < 0 ? csrf : csrf < 0 ? account : Math.min(account, csrf);
            if (next < 0) {
                break;
            }
            boolean isAccount = next == account;
            parts.add(html.substring(from, next).getBytes(StandardCharsets.UTF_8));
            slots.add(isAccount ? Slot.ACCOUNT : Slot.CSRF);
            from = next + (isAccount ? accountMarker : csrfMarker).length();
        }
        parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        int weight = parts.stream().mapToInt(p -> p.length).sum();
        if (slots.isEmpty()) {
            byte[] gzip = Compression.gzip(parts.get(0));
            byte[] brotli = Compression.brotli(parts.get(0));
            return new CachedPage(
                    List.copyOf(parts),
                    List.of(),
                    List.of(),
                    gzip,
                    brotli,
                    weight + gzip.length + (brotli == null ? 0 : brotli.length));
        }
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            pieces.add(Compression.deflatePiece(parts.get(i), i == parts.size() - 1));
        }
        return new CachedPage(
                List.copyOf(parts),
                List.copyOf(slots),
                List.copyOf(pieces),
                null,
                null,
                weight + pieces.stream().mapToInt(p -> p.length).sum());
    }

    /** The whole page for a reader, {@code fills} in slot order. */
    byte[] plain(List<byte[]> fills) {
        int size = parts.stream().mapToInt(p -> p.length).sum()
                + fills.stream().mapToInt(f -> f.length).sum();
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            System.arraycopy(parts.get(i), 0, out, at, parts.get(i).length);
            at += parts.get(i).length;
            if (i < fills.size()) {
                System.arraycopy(fills.get(i), 0, out, at, fills.get(i).length);
                at += fills.get(i).length;
            }
        }
        return out;
    }

    /** The page for a reader as gzip: the parts compressed once, only the fills now. */
    byte[] gzip(List<byte[]> fills) {
        List<byte[]> plain = new ArrayList<>();
        List<byte[]> deflated = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            plain.add(parts.get(i));
            deflated.add(pieces.get(i));
            if (i < fills.size()) {
                plain.add(fills.get(i));
                deflated.add(Compression.deflatePiece(fills.get(i), false));
            }
        }
        return Compression.gzipOfPieces(plain, deflated);
    }
}
