package glossa.texts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An uploaded file checked before anything is done with it: not empty, at most {@link #MAX_BYTES},
 * UTF-8, text rather than binary, and of a kind we can read.
 */
final class Upload {

    /** Largest file accepted, in bytes. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    enum Type {
        MARKDOWN,
        TEXT,
        HTML
    }

    private Upload() {}

    /** The file's text and type; throws with a message for the "file" field when it cannot be used. */
    static Converted read(String filename, byte[] bytes) throws InvalidText {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        Type type = name.endsWith(".md") || name.endsWith(".markdown")
                ? Type.MARKDOWN
                : name.endsWith(".txt")
                        ? Type.TEXT
                        : name.endsWith(".html") || name.endsWith(".htm") ? Type.HTML : null;
        if (type == null) {
            throw new InvalidText(
                    "file", "Upload a .md, .txt or .html file; \u201c" + filename + "\u201d is none of these.");
        }
        if (bytes.length == 0) {
            throw new InvalidText("file", "The file \u201c" + filename + "\u201d is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidText("file", "The file \u201c" + filename + "\u201d is larger than 2 MB.");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new InvalidText("file", "The file \u201c" + filename + "\u201d is binary, not text.");
            }
        }
        String text;
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidText(
                    "file",
                    "The file \u201c" + filename + "\u201d is not UTF-8 (bad byte at offset " + in.position()
                            + "); save it as UTF-8 and upload it again.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        long controls = text.chars()
                .filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
                .count();
        if (controls > 0) {
            throw new InvalidText(
                    "file", "The file \u201c" + filename + "\u201d has control characters; it looks binary, not text.");
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return switch (type) {
            case MARKDOWN -> MarkdownFile.read(text);
            case TEXT -> new Converted(PlainText.toMarkdown(text), new TextFields(), java.util.List.of());
            case HTML -> HtmlPage.convert(text);
        };
    }
}
