package glossa.bench;

/** The kinds of edit the anchoring benchmark applies, each to its own revision, and all of them together. */
enum EditKind {
    /** Curly quotes straightened, dashes and ellipses typed as ASCII, doubled and non-breaking spaces. */
    TYPOGRAPHIC,
    /** British spellings made American or the reverse, every occurrence. */
    SPELLING,
    /** New sentences inserted between sentences. */
    SENTENCE_INSERTED,
    /** Whole sentences deleted. */
    SENTENCE_DELETED,
    /** Sentences split at ", and" into two. */
    SENTENCE_SPLIT,
    /** Words replaced by others of the same sense. */
    REWORDING,
    /** Two adjacent letters of a word swapped. */
    LETTER_SWAP,
    /** A paragraph moved elsewhere in the essay. */
    PARAGRAPH_MOVED,
    /** Whole paragraphs and a run of sentences deleted. */
    PASSAGE_DELETED,
    /** Every kind above in one revision. */
    MIXED;

    String fileName() {
        return "edits-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".tsv";
    }
}
