package glossa.bench;

/**
 * One step of an edit script, in UTF-16 indexes of the text as it stands after the steps before it.
 *
 * <ul>
 *   <li>{@code SUBSTITUTE}: {@code length} characters at {@code at} become {@code text}; the new characters
 *       stand in for the old ones (a typo fixed, a word reworded, a quote mark straightened), so a passage
 *       that held the old characters now holds the new ones;</li>
 *   <li>{@code INSERT}: {@code text} inserted at {@code at}; its characters belong to no earlier passage;</li>
 *   <li>{@code DELETE}: {@code length} characters at {@code at} removed;</li>
 *   <li>{@code MOVE}: {@code length} characters at {@code at} cut, then inserted at {@code to} of the text
 *       without them.</li>
 * </ul>
 */
record Edit(Op op, int at, int length, int to, String text) {

    enum Op {
        SUBSTITUTE,
        INSERT,
        DELETE,
        MOVE
    }

    Edit {
        if (at < 0 || length < 0 || text == null) {
            throw new IllegalArgumentException("bad edit " + op + " " + at + " " + length);
        }
    }

    static Edit substitute(int at, int length, String text) {
        return new Edit(Op.SUBSTITUTE, at, length, 0, text);
    }

    static Edit insert(int at, String text) {
        return new Edit(Op.INSERT, at, 0, 0, text);
    }

    static Edit delete(int at, int length) {
        return new Edit(Op.DELETE, at, length, 0, "");
    }

    static Edit move(int at, int length, int to) {
        return new Edit(Op.MOVE, at, length, to, "");
    }

    /** One line of a fixture file: op, at, length, to, text with backslash escapes. */
    String toLine() {
        return op + "\t" + at + "\t" + length + "\t" + to + "\t" + escape(text);
    }

    static Edit fromLine(String line) {
        String[] f = line.split("\t", 5);
        return new Edit(
                Op.valueOf(f[0]),
                Integer.parseInt(f[1]),
                Integer.parseInt(f[2]),
                Integer.parseInt(f[3]),
                unescape(f[4]));
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
