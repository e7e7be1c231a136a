package glossa.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compressing a response once, when it is built, rather than on every request: gzip, Brotli (when the
 * native library loads on this machine; else gzip alone), and gzip made of pieces compressed separately,
 * so that a cached page can have a reader's own few bytes spliced in without compressing it again.
 *
 * <p>The pieces: each is a raw DEFLATE stream ended by a sync flush (byte-aligned, not final), the last
 * one finished; DEFLATE streams so ended can be concatenated, and the gzip header and trailer (CRC-32
 * and length of the whole) are written around them per response (RFC 1951 section 3.2.3, RFC 1952).
 */
public final class Compression {

    /** Level 6: zlib's default, most of the gain of 9 at a third of the time. */
    private static final int GZIP_LEVEL = 6;
    /** Brotli quality 5 compresses a 1 MB page in a few milliseconds and still beats gzip -9. */
    private static final int BROTLI_QUALITY = 5;

    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final boolean BROTLI = brotliLoads();

    private Compression() {}

    private static boolean brotliLoads() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable e) {
            // No native library for this platform: gzip alone, which every client takes.
            return false;
        }
    }

    public static boolean brotliAvailable() {
        return BROTLI;
    }

    /** The encoding to answer with: "br", "gzip" or null (none), by the request's Accept-Encoding. */
    public static String choose(Context ctx, boolean brotliOffered) {
        String accept = ctx.header("Accept-Encoding");
        if (accept == null || accept.isEmpty()) {
            return null;
        }
        boolean gzip = false;
        boolean br = false;
        for (String item : accept.split(",")) {
            String[] parts = item.strip().split(";");
            String name = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            boolean refused = parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            if (!refused) {
                gzip |= name.equals("gzip") || name.equals("*");
                br |= name.equals("br") || name.equals("*");
            }
        }
        return br && brotliOffered && BROTLI ? "br" : gzip ? "gzip" : null;
    }

    public static byte[] gzip(byte[] plain) {
        return gzipOfPieces(List.of(plain), List.of(deflatePiece(plain, true)));
    }

    /** Brotli at {@link #BROTLI_QUALITY}, or null when the library is not available. */
    public static byte[] brotli(byte[] plain) {
        if (!BROTLI) {
            return null;
        }
        try {
            return Encoder.compress(plain, new Encoder.Parameters().setQuality(BROTLI_QUALITY));
        } catch (IOException e) {
            throw new UncheckedIOException("brotli failed", e);
        }
    }

    /** One piece as raw DEFLATE: sync-flushed when more follow, finished when {@code last}. */
    public static byte[] deflatePiece(byte[] plain, boolean last) {
        Deflater deflater = new Deflater(GZIP_LEVEL, true);
        try {
            deflater.setInput(plain);
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
            byte[] buffer = new byte[16 * 1024];
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, n);
                } while (n == buffer.length);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** A gzip member made of pieces: {@code plain} and {@code deflated} in the same order, the last one finished. */
    public static byte[] gzipOfPieces(List<byte[]> plain, List<byte[]> deflated) {
        CRC32 crc = new CRC32();
        long length = 0;
        int size = GZIP_HEADER.length + 8;
        for (int i = 0; i < plain.size(); i++) {
            crc.update(plain.get(i));
            length += plain.get(i).length;
            size += deflated.get(i).length;
        }
        byte[] out = new byte[size];
        System.arraycopy(GZIP_HEADER, 0, out, 0, GZIP_HEADER.length);
        int at = GZIP_HEADER.length;
        for (byte[] d : deflated) {
            System.arraycopy(d, 0, out, at, d.length);
            at += d.length;
        }
        littleEndian(out, at, crc.getValue());
        littleEndian(out, at + 4, length);
        return out;
    }

    private static void littleEndian(byte[] out, int at, long value) {
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
