package glossa.reading;

import java.io.File;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Names this build of the application, for the page cache's ETags: a page built by other code or
 * templates must not be taken for the same bytes. From the jar's table of contents (every entry's
 * name and CRC, read without unpacking anything), so every copy of one build, on any machine, has the
 * same id; {@code GLOSSA_BUILD_ID} overrides it. Run from classes (tests, developing): random per start.
 */
public final class BuildId {

    private static final int CHARS = 10;

    private BuildId() {}

    public static String of(String override) {
        if (override != null && !override.isBlank()) {
            return override.strip().replaceAll("[^A-Za-z0-9._-]", "");
        }
        try {
            File jar = new File(BuildId.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (jar.isFile()) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (ZipFile zip = new ZipFile(jar)) {
                    zip.stream()
                            .forEach((ZipEntry e) -> digest.update((e.getName() + ":" + e.getCrc() + "\n").getBytes()));
                }
                return HexFormat.of().formatHex(digest.digest()).substring(0, CHARS);
            }
        } catch (IOException | NoSuchAlgorithmException | java.net.URISyntaxException | SecurityException e) {
            // Falls through to a random id: pages are then rebuilt after each start, never served stale.
        }
        return UUID.randomUUID().toString().replace("-", "").substring(0, CHARS);
    }
}
