package glossa.search;

import glossa.essays.EssayRevision;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Turns rows into Lucene documents, one shape per kind of result; see {@link Fields}. */
final class Documents {

    static final String PASSAGE = "passage";
    static final String NOTE = "note";
    static final String REPLY = "reply";
    static final String CLAIM = "claim";
    static final String LINK = "link";

    /** Indexed for its term dictionary only: no positions, frequencies or norms. */
    private static final FieldType WORDS_TYPE = new FieldType();

    static {
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS);
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.setOmitNorms(true);
        WORDS_TYPE.freeze();
    }

    private final Function<String, Optional<EssayRevision>> essays;

    Documents(Function<String, Optional<EssayRevision>> essays) {
        this.essays = essays;
    }

    static String passageId(String slug, String paragraphId) {
        return "p:" + slug + ":" + paragraphId;
    }

    static String noteId(long id) {
        return "n:" + id;
    }

    static String claimId(String slug) {
        return "c:" + slug;
    }

    static String linkId(long id) {
        return "l:" + id;
    }

    List<Document> passages(EssayRevision essay) {
        String author = essay.meta().author() == null ? "" : essay.meta().author();
        return Paragraphs.of(essay.html()).stream()
                .map(p -> {
                    Document d = base(
                            passageId(essay.slug(), p.id()),
                            PASSAGE,
                            essay.slug(),
                            essay.meta().title(),
                            author);
                    text(d, p.text());
                    if (p.heading() != null) {
                        title(d, p.heading());
                    }
                    d.add(new StoredField(Fields.PARAGRAPH, p.id()));
                    d.add(new StoredField(Fields.URL, "/essays/" + essay.slug() + "#" + p.id()));
                    return d;
                })
                .toList();
    }

    Document note(Rows.Note n) {
        boolean reply = n.parentId() != null;
        Document d = base(noteId(n.id()), reply ? REPLY : NOTE, n.essaySlug(), title(n.essaySlug()), n.author());
        d.add(new StringField(Fields.KIND, n.kind().toLowerCase(Locale.ROOT), Field.Store.NO));
        text(d, n.body());
        if (n.quote() != null) {
            title(d, n.quote());
        }
        for (String tag : n.tags()) {
            d.add(new TextField(Fields.TAG, tag, Field.Store.NO));
            d.add(new SortedSetDocValuesField(Fields.TAG_FACET, new BytesRef(tag)));
        }
        d.add(new StoredField(Fields.URL, "/annotations/" + (reply ? n.parentId() : n.id())));
        return d;
    }

    Document claim(Rows.ClaimRow c) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, claimId(c.slug()), Field.Store.YES));
        kind(d, CLAIM);
        author(d, c.author());
        title(d, c.title());
        text(d, c.description());
        d.add(new StoredField(Fields.URL, "/claims/" + c.slug()));
        return d;
    }

    Document link(Rows.Link l) {
        Document d = base(linkId(l.id()), LINK, l.fromSlug(), title(l.fromSlug()), l.author());
        // The far essay is a filter value too: essay:X finds links touching X from either end.
        d.add(new StringField(Fields.ESSAY_ID, l.toSlug(), Field.Store.NO));
        d.add(new TextField(Fields.ESSAY, l.toSlug() + " " + title(l.toSlug()), Field.Store.NO));
        text(d, l.comment() == null ? "" : l.comment());
        // The two quotes are shown, not searched: the passages themselves are results already.
        d.add(new StoredField(
                Fields.LABEL,
                (l.fromQuote() == null ? "" : l.fromQuote()) + " \u2192 " + (l.toQuote() == null ? "" : l.toQuote())));
        d.add(new StoredField(Fields.URL, "/essays/" + l.fromSlug() + "#a-" + l.fromNoteId()));
        return d;
    }

    private static void text(Document d, String text) {
        d.add(new TextField(Fields.TEXT, text, Field.Store.YES));
        d.add(new Field(Fields.WORDS, text, WORDS_TYPE));
    }

    private static void title(Document d, String title) {
        d.add(new TextField(Fields.TITLE, title, Field.Store.YES));
        d.add(new Field(Fields.WORDS, title, WORDS_TYPE));
    }

    private String title(String slug) {
        return essays.apply(slug).map(e -> e.meta().title()).orElse(slug);
    }

    private static Document base(String id, String kind, String slug, String essayTitle, String author) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, id, Field.Store.YES));
        kind(d, kind);
        d.add(new StringField(Fields.ESSAY_ID, slug, Field.Store.YES));
        d.add(new SortedSetDocValuesField(Fields.ESSAY_ID, new BytesRef(slug)));
        d.add(new TextField(Fields.ESSAY, slug + " " + essayTitle, Field.Store.NO));
        d.add(new StoredField(Fields.ESSAY_TITLE, essayTitle));
        author(d, author);
        return d;
    }

    private static void kind(Document d, String kind) {
        d.add(new StringField(Fields.KIND, kind, Field.Store.YES));
        d.add(new SortedSetDocValuesField(Fields.KIND, new BytesRef(kind)));
    }

    private static void author(Document d, String author) {
        if (author == null || author.isBlank()) {
            return;
        }
        d.add(new TextField(Fields.AUTHOR, author, Field.Store.NO));
        d.add(new StoredField(Fields.AUTHOR_NAME, author));
        d.add(new SortedSetDocValuesField(Fields.AUTHOR_FACET, new BytesRef(author)));
    }
}
