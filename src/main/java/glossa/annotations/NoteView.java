package glossa.annotations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A note as a page shows it: with its visible replies and what the viewer may do with it.
 *
 * @param mine the viewer wrote it (may edit, delete, re-attach)
 * @param moderator the viewer may hide or restore it
 * @param connections the links and claims on its passage (other features' data, drawn by the page)
 * @param viewerId the signed-in viewer's id, or -1: who may edit or delete each reply
 */
public record NoteView(
        Annotation note,
        List<Annotation> replies,
        boolean mine,
        boolean moderator,
        MarginExtras.NoteConnections connections,
        long viewerId) {

    /** A deleted note kept only as a placeholder, so that the replies to it stay where they were. */
    public boolean placeholder() {
        return note.deleted();
    }

    /** Only a note's author or a moderator links from it (so nobody can pin links on another's note). */
    public boolean mayLink() {
        return !placeholder() && (mine || moderator);
    }

    /** The viewer wrote this reply, and so may edit or delete it. */
    public boolean ownReply(Annotation reply) {
        return viewerId >= 0 && reply.authorId() == viewerId;
    }

    /** True when the words under the note differ from those it was made on. */
    public boolean changed() {
        return note.anchor() != null && note.anchor().changed();
    }

    /** A Text Fragment link to the passage, for any browser that supports {@code #:~:text=}. */
    public String textFragment() {
        if (note.quote() == null) {
            return "/essays/" + note.essaySlug();
        }
        String exact = note.quote().exact().strip().replaceAll("\\s+", " ");
        String directive;
        if (exact.length() > 60) {
            String[] words = exact.split(" ");
            int n = Math.min(4, words.length / 2);
            String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, n));
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
            directive = encode(head) + "," + encode(tail);
        } else {
            directive = encode(exact);
        }
        return "/essays/" + note.essaySlug() + "#:~:text=" + directive;
    }

    /** Percent-encoding as text directives need it: also '-', ',' and '&', which are syntax there. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("-", "%2D")
                .replace(",", "%2C")
                .replace("&", "%26");
    }

    public String kindLabel() {
        return note.kind().label();
    }
}
