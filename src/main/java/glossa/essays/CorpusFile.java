package glossa.essays;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One parsed corpus file: its metadata and its Markdown, checked and ready to render.
 *
 * @param path where it was read from
 * @param meta the metadata from its front matter
 * @param markdown the whole file text (front matter included, so that the hash covers it)
 * @param contentHash SHA-256 of the file bytes, hex
 * @param slugLine the line of the slug key, for messages about duplicates
 */
record CorpusFile(Path path, EssayMeta meta, String markdown, String contentHash, int slugLine) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int MAX_TITLE = 500;

    static CorpusFile parse(Path path, byte[] bytes) throws CorpusException {
        String text = decodeUtf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        FrontMatter fm = FrontMatter.parse(lines);
        String title = fm.get("title").orElseThrow(() -> new CorpusException(1, "the front matter has no title"));
        if (title.length() > MAX_TITLE) {
            throw new CorpusException(fm.lineOf("title"), "the title is longer than " + MAX_TITLE + " characters");
        }
        String slug = fm.get("slug").orElseThrow(() -> new CorpusException(1, "the front matter has no slug"));
        if (!SLUG.matcher(slug).matches() || slug.length() > 200) {
            throw new CorpusException(
                    fm.lineOf("slug"), "the slug '" + slug + "' must be lower-case letters, digits and single hyphens");
        }
        String date = fm.get("date").orElse(null);
        if (date != null) {
            checkDate(date, fm.lineOf("date"));
        }
        boolean hasBody = lines.stream().skip(fm.bodyStartLine() - 1L).anyMatch(l -> !l.isBlank());
        if (!hasBody) {
            throw new CorpusException(fm.bodyStartLine() - 1, "the essay has no text after its front matter");
        }
        EssayMeta meta = new EssayMeta(
                slug,
                title,
                fm.get("subtitle").orElse(null),
                fm.get("author").orElse(null),
                date,
                fm.get("publication").orElse(null),
                fm.get("source_url").orElse(null),
                fm.get("title_note").orElse(null));
        return new CorpusFile(path, meta, text, sha256(bytes), fm.lineOf("slug"));
    }

    /** The file as a revision by the system account. */
    NewRevision toRevision(String summary) {
        return new NewRevision(meta, markdown, contentHash, path.getFileName().toString(), null, summary, true);
    }

    /** Dates may be a day, a month or a year: sources often give no more than that. */
    private static void checkDate(String date, int line) throws CorpusException {
        try {
            switch (date.length()) {
                case 10 -> LocalDate.parse(date);
                case 7 -> YearMonth.parse(date);
                case 4 -> Year.parse(date);
                default -> throw new DateTimeParseException("length", date, 0);
            }
        } catch (DateTimeParseException e) {
            throw new CorpusException(line, "the date '" + date + "' is not YYYY-MM-DD, YYYY-MM or YYYY");
        }
    }

    private static String decodeUtf8(byte[] bytes) throws CorpusException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new CorpusException(line, "the file is not valid UTF-8 (bad byte at offset " + bad + ")");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
