package glossa.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index on disk: one writer, and a near-real-time {@link SearcherManager} over it so that a
 * change is searchable after {@link #refresh()} without a commit. The high-water marks of the
 * {@link Indexer} are committed with the documents (as commit user data), so after a restart it
 * continues where the committed index ends. An index of another schema version or database, or one
 * that fails to open, is thrown away and reported as {@link #isFresh() fresh} so the caller rebuilds it.
 */
final class SearchIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    static final String SCHEMA_KEY = "schema";
    static final String DATABASE_KEY = "database";

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> committed;
    private final boolean fresh;

    private SearchIndex(Path dir, Directory directory, IndexWriter writer, Map<String, String> committed, boolean fresh)
            throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.committed = committed;
        this.fresh = fresh;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in {@code dir}, or starts an empty one when it is missing, of another schema or database, or unreadable. */
    static SearchIndex open(Path dir, String database, Analyzer analyzer) {
        try {
            Files.createDirectories(dir);
            Map<String, String> data = readCommitData(dir);
            boolean usable = data != null
                    && Fields.SCHEMA_VERSION.equals(data.get(SCHEMA_KEY))
                    && database.equals(data.get(DATABASE_KEY));
            if (!usable) {
                if (data != null) {
                    log.info("search index in {} is of another schema or database: rebuilding", dir);
                }
                deleteContents(dir);
            }
            Directory directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            return new SearchIndex(
                    dir, directory, new IndexWriter(directory, config), usable ? data : Map.of(), !usable);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The commit data of the newest commit, or null when there is no readable index. */
    private static Map<String, String> readCommitData(Path dir) {
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                return null;
            }
            try (DirectoryReader reader = DirectoryReader.open(d)) {
                return new HashMap<>(reader.getIndexCommit().getUserData());
            }
        } catch (IOException | RuntimeException e) {
            // A corrupt or half-written index is not fatal: it is rebuilt from the database.
            log.warn("search index in {} could not be opened ({}): rebuilding", dir, e.toString());
            return Map.of();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** True when the index was created empty and must be built from the database. */
    boolean isFresh() {
        return fresh;
    }

    /** The marks committed with the index; empty when fresh. */
    Map<String, String> committedMarks() {
        return committed;
    }

    void put(String id, Document doc) throws IOException {
        writer.updateDocument(new Term(Fields.ID, id), doc);
    }

    void add(Document doc) throws IOException {
        writer.addDocument(doc);
    }

    void remove(String id) throws IOException {
        writer.deleteDocuments(new Term(Fields.ID, id));
    }

    void remove(Query query) throws IOException {
        writer.deleteDocuments(query);
    }

    void removeAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes every change so far visible to searches. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Makes every change durable, with the marks that describe them. */
    void commit(Map<String, String> marks) throws IOException {
        writer.setLiveCommitData(marks.entrySet());
        writer.commit();
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Bytes on disk, for the benchmark. */
    long sizeOnDisk() throws IOException {
        long total = 0;
        for (String f : directory.listAll()) {
            total += directory.fileLength(f);
        }
        return total;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
