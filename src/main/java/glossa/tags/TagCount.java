package glossa.tags;

/** A tag and the number of visible notes carrying it; {@code tag} is its first spelling in sort order. */
public record TagCount(String tag, int notes) {

    public String href() {
        return TagRoutes.href(tag);
    }
}
