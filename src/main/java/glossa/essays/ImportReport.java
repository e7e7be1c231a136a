package glossa.essays;

import java.util.List;

/**
 * What one import did.
 *
 * @param added slugs imported for the first time
 * @param revised slugs whose file changed and gained a new revision
 * @param unchanged slugs whose file matched the stored newest revision
 * @param problems files skipped, each with its line and reason
 */
public record ImportReport(
        List<String> added, List<String> revised, List<String> unchanged, List<CorpusProblem> problems) {

    public ImportReport {
        added = List.copyOf(added);
        revised = List.copyOf(revised);
        unchanged = List.copyOf(unchanged);
        problems = List.copyOf(problems);
    }

    public String summary() {
        return added.size() + " added, " + revised.size() + " revised, " + unchanged.size() + " unchanged, "
                + problems.size() + " skipped";
    }
}
