package glossa.essays;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every essay's current revision as a corpus file ({@code SLUG.md}, front matter and Markdown),
 * so that texts edited in the browser can go back into a corpus folder. Read back by an import, an
 * exported file changes nothing: its text is already current.
 */
public final class EssayExport {

    private final EssayRepository essays;

    public EssayExport(EssayRepository essays) {
        this.essays = essays;
    }

    /** Writes the files (each first to a temporary file, then moved into place); returns their paths. */
    public List<Path> exportTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String[] essay : essays.currentSources()) {
            Path target = dir.resolve(essay[0] + ".md");
            Path temp = Files.createTempFile(dir, ".export-", ".md");
            Files.writeString(temp, essay[1], StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
        }
        return written;
    }
}
