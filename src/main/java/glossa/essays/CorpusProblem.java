package glossa.essays;

import java.nio.file.Path;

/**
 * Why one corpus file was skipped.
 *
 * @param file the file, as given to the importer
 * @param line 1-based line of the problem
 * @param message what is wrong, in words an editor can act on
 */
public record CorpusProblem(Path file, int line, String message) {
    @Override
    public String toString() {
        return file.getFileName() + ":" + line + ": " + message;
    }
}
