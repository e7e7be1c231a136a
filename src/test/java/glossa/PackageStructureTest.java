package glossa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages' dependencies, read from the sources: which package uses which (imports and fully
 * qualified names, comments left out). No cycles, the web layer knows no feature, and no feature
 * knows the reading pages composed from them.
 */
class PackageStructureTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern REFERENCE = Pattern.compile("\\b(glossa(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
    private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*+\"");
    /** What {@code web} may use: shared infrastructure only, never a feature. */
    private static final Set<String> WEB_MAY_USE = Set.of("glossa.storage", "glossa.errors");
    /** The page composition above the features, and the wiring above everything. */
    private static final String READING = "glossa.reading";

    private static final String ROOT = "glossa";

    @Test
    void noPackageCycles() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertTrue(uses.size() > 10, "found the packages: " + uses.keySet());
        List<List<String>> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            List<String> path = cycleThrough(start, uses);
            if (!path.isEmpty()) {
                cycles.add(path);
            }
        }
        assertEquals(List.of(), cycles, "package import cycles");
    }

    @Test
    void webKnowsNoFeature() throws IOException {
        Set<String> used = new TreeSet<>(dependencies().getOrDefault("glossa.web", Set.of()));
        used.removeAll(WEB_MAY_USE);
        assertEquals(Set.of(), used, "glossa.web depends on these feature packages");
    }

    /** The reading pages sit above the features and ask them for data; no feature reaches up into them. */
    @Test
    void noFeatureDependsOnTheReadingPages() throws IOException {
        Set<String> above = new TreeSet<>();
        dependencies().forEach((pkg, used) -> {
            if (used.contains(READING) && !pkg.equals(ROOT)) {
                above.add(pkg);
            }
        });
        assertEquals(Set.of(), above, "these packages depend on " + READING + "; only the wiring (" + ROOT + ") may");
    }

    @Test
    void theReaderDependsOnSourcesNotOnTests() throws IOException {
        assertFalse(dependencies().containsKey("glossa.bench"), "only src/main/java is read");
    }

    /** Package to the other Glossa packages its classes use. */
    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent())
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                Set<String> out = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                String code = STRINGS.matcher(
                                COMMENTS.matcher(Files.readString(file)).replaceAll(" "))
                        .replaceAll("\"\"");
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return uses;
    }

    /** A path from {@code start} back to itself, or empty: depth-first over the dependencies. */
    private static List<String> cycleThrough(String start, Map<String, Set<String>> uses) {
        Deque<List<String>> todo = new ArrayDeque<>();
        todo.push(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!todo.isEmpty()) {
            List<String> path = todo.pop();
            for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
                if (next.equals(start)) {
                    List<String> cycle = new ArrayList<>(path);
                    cycle.add(start);
                    return cycle;
                }
                if (seen.add(next)) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    todo.push(longer);
                }
            }
        }
        return List.of();
    }
}
