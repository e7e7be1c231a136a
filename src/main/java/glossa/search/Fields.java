package glossa.search;

/** Field names of the index, and the schema version that forces a rebuild when documents change shape. */
final class Fields {

    /**
     * Bumped whenever the fields, their analysis or what is indexed changes: an index written under
     * another version is rebuilt at start.
     */
    static final String SCHEMA_VERSION = "2";

    /** Unique key: {@code p:slug:12}, {@code n:ID}, {@code c:slug}, {@code l:ID}. Stored. */
    static final String ID = "id";
    /** Kind of result (passage, note, reply, claim, link), plus a note's own kind; keyword, with doc values for facets. */
    static final String KIND = "kind";
    /** The essay's slug: keyword with doc values, for facets and exclusion. */
    static final String ESSAY_ID = "essay_id";
    /** The essay's slug and title as text, for {@code essay:} filters. */
    static final String ESSAY = "essay";
    /** Author's name as text, for {@code author:} filters. */
    static final String AUTHOR = "author";
    /** Author's name exactly, doc values for facets. */
    static final String AUTHOR_FACET = "author_f";
    /** A note's tags as text, for {@code tag:} filters. */
    static final String TAG = "tag";
    /** Tags exactly, doc values for facets. */
    static final String TAG_FACET = "tag_f";
    /** The searchable body: paragraph, note, claim description, link comment. Stored for snippets. */
    static final String TEXT = "text";
    /**
     * The words of {@link #TEXT} and {@link #TITLE} unstemmed, documents only: the dictionary a
     * {@code prefix*} is expanded against, since a stem ("recrimin") can be shorter than the prefix typed.
     */
    static final String WORDS = "words";
    /** A heading, claim title or the note's passage. Stored. */
    static final String TITLE = "title";

    // Stored only, for showing a result.
    static final String URL = "url";
    static final String ESSAY_TITLE = "essay_title";
    static final String AUTHOR_NAME = "author_name";
    static final String PARAGRAPH = "paragraph";
    /** A title shown but not searched (a link's two quotes). */
    static final String LABEL = "label";

    private Fields() {}
}
