package glossa.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Writes the British {@code -ise} endings as {@code -ize} ("recriminalised" as "recriminalized") so
 * the essays' two spellings meet. Applied to documents and queries alike, so a word that merely ends
 * that way ("otherwise") changes on both sides and still matches itself.
 */
final class BritishSpellingFilter extends TokenFilter {

    private static final String[] ENDINGS = {"isations", "isation", "ising", "ised", "ises", "ise"};
    /** Shorter words ("rise", "wise", "noise") are left alone. */
    private static final int MIN_STEM = 4;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    BritishSpellingFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String t = term.toString();
        for (String ending : ENDINGS) {
            if (t.endsWith(ending) && t.length() - ending.length() >= MIN_STEM) {
                int at = t.length() - ending.length() + 1;
                term.buffer()[at] = 'z';
                break;
            }
        }
        return true;
    }
}
