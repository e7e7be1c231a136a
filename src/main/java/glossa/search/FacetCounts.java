package glossa.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts, over every document a query matches, the values of the facet fields (kind, essay, author,
 * tag) from their sorted-set doc values: ordinals are counted per segment, then resolved to strings
 * once per segment, so a match costs a few array increments.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Integer>>> {

    static final List<String> FIELDS = List.of(Fields.KIND, Fields.ESSAY_ID, Fields.AUTHOR_FACET, Fields.TAG_FACET);

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Map<String, Map<String, Integer>> reduce(Collection<Counter> collectors) {
        Map<String, Map<String, Integer>> all = new HashMap<>();
        for (Counter c : collectors) {
            c.counts.forEach((field, values) -> values.forEach(
                    (v, n) -> all.computeIfAbsent(field, k -> new HashMap<>()).merge(v, n, Integer::sum)));
        }
        return all;
    }

    static final class Counter implements Collector {
        final Map<String, Map<String, Integer>> counts = new HashMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            int n = FIELDS.size();
            SortedSetDocValues[] values = new SortedSetDocValues[n];
            int[][] ords = new int[n][];
            for (int i = 0; i < n; i++) {
                values[i] = DocValues.getSortedSet(context.reader(), FIELDS.get(i));
                ords[i] = new int[(int) values[i].getValueCount()];
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    for (int i = 0; i < n; i++) {
                        if (values[i].advanceExact(doc)) {
                            for (int k = 0; k < values[i].docValueCount(); k++) {
                                ords[i][(int) values[i].nextOrd()]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < n; i++) {
                        Map<String, Integer> field = counts.computeIfAbsent(FIELDS.get(i), k -> new HashMap<>());
                        for (int o = 0; o < ords[i].length; o++) {
                            if (ords[i][o] > 0) {
                                field.merge(values[i].lookupOrd(o).utf8ToString(), ords[i][o], Integer::sum);
                            }
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
