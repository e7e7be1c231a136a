package glossa.claims;

import glossa.accounts.AuditLog;
import glossa.accounts.Role;
import glossa.accounts.User;
import glossa.anchoring.Target;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationService;
import glossa.annotations.PassageInput;
import glossa.errors.Reason;
import glossa.essays.EssayRevision;
import glossa.markdown.UserMarkdown;
import glossa.storage.Jdbc;
import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** The rules of claim pages: unique titles, every edit a revision, reverts by moderators, passages with stances. */
public final class ClaimService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_SUMMARY = 300;

    private final Jdbc jdbc;
    private final ClaimRepository claims;
    private final AnnotationService annotations;
    private final UserMarkdown markdown;
    private final AuditLog audit;
    private final Clock clock;

    public ClaimService(
            Jdbc jdbc,
            ClaimRepository claims,
            AnnotationService annotations,
            UserMarkdown markdown,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.annotations = annotations;
        this.markdown = markdown;
        this.audit = audit;
        this.clock = clock;
    }

    public Claim get(String slug) throws ClaimException {
        Claim c = claims.find(slug)
                .orElseThrow(() ->
                        new ClaimException(Reason.NOT_FOUND, null, "There is no claim page \u201c" + slug + "\u201d."));
        return new Claim(
                c.id(),
                c.slug(),
                c.title(),
                c.description(),
                markdown.toHtml(c.description()),
                c.revisionNo(),
                c.updatedAt());
    }

    /** Creates a claim page; {@code slug} may be null to derive it from the title. */
    public Claim create(User author, String slug, String title, String description, String summary)
            throws ClaimException {
        String clean = checkTitle(title, null);
        String text = checkDescription(description);
        String s = slug != null ? slug : uniqueSlug(slugify(clean));
        unlessTaken(
                clean,
                () -> jdbc.inTransaction(tx -> {
                    long id = claims.insertClaim(tx, s, key(clean), clock.instant());
                    claims.insertRevision(
                            tx,
                            id,
                            0,
                            clean,
                            text,
                            summary(summary, "Created"),
                            author == null ? null : author.id(),
                            clock.instant());
                    return null;
                }));
        return get(s);
    }

    /** Saves an edit as a new revision. {@code baseRevision}, if given, must still be the newest. */
    public Claim edit(User author, String slug, String title, String description, String summary, Integer baseRevision)
            throws ClaimException {
        Claim c = get(slug);
        int base = baseRevision != null ? baseRevision : c.revisionNo();
        String clean = checkTitle(title, c.id());
        String text = checkDescription(description);
        unlessTaken(
                clean,
                () -> jdbc.inTransaction(tx -> {
                    if (claims.insertRevision(
                                    tx,
                                    c.id(),
                                    base,
                                    clean,
                                    text,
                                    summary(summary, "Edited"),
                                    author.id(),
                                    clock.instant())
                            == 0) {
                        throw stale(slug);
                    }
                    return null;
                }));
        return get(slug);
    }

    /** Moderators put a page back to an earlier revision, as a new revision (history is never rewritten). */
    public Claim revert(User moderator, String slug, int toRevision, String address) throws ClaimException {
        if (!moderator.can(Role.MODERATOR)) {
            throw new ClaimException(Reason.FORBIDDEN, null, "Only moderators revert claim pages.");
        }
        Claim c = get(slug);
        ClaimRevision old = claims.revisions(c.id()).stream()
                .filter(r -> r.revisionNo() == toRevision)
                .findFirst()
                .orElseThrow(() ->
                        new ClaimException(Reason.NOT_FOUND, null, "This page has no revision " + toRevision + "."));
        unlessTaken(
                old.title(),
                () -> jdbc.inTransaction(tx -> {
                    if (claims.insertRevision(
                                    tx,
                                    c.id(),
                                    c.revisionNo(),
                                    old.title(),
                                    old.description(),
                                    "Reverted to revision " + toRevision,
                                    moderator.id(),
                                    clock.instant())
                            == 0) {
                        throw stale(slug);
                    }
                    return null;
                }));
        audit.record(moderator.id(), "claim-reverted", slug, "to revision " + toRevision, address);
        return get(slug);
    }

    /** Gathers a passage of an essay on the claim, with a stance. */
    public ClaimPassage attach(
            User user, String claimSlug, String essaySlug, PassageInput passage, String stanceCode, String starterKey)
            throws ClaimException, AnnotationException {
        Claim c = get(claimSlug);
        Stance stance = Stance.parse(stanceCode)
                .orElseThrow(() -> new ClaimException(
                        Reason.INVALID, "stance", "The stance must be supports, disputes or account."));
        EssayRevision essay = annotations.essay(essaySlug);
        Target target = annotations.resolve(essay, passage);
        String via = starterKey == null ? null : "starter:" + starterKey;
        // The passage's anchor and its place on the claim are one write.
        long id = jdbc.inTransaction(tx -> claims.insertPassage(
                tx,
                c.id(),
                annotations.createAnchor(tx, user, essay, target, via),
                stance,
                user == null ? null : user.id(),
                starterKey,
                clock.instant()));
        return claims.passages(c.id()).stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private ClaimException stale(String slug) {
        int now = claims.find(slug).map(Claim::revisionNo).orElse(0);
        return new ClaimException(
                Reason.STALE,
                "description",
                "Someone saved this page since you opened it (now revision " + now
                        + "). Nothing was saved; your text is below: compare it with the current page and save again.");
    }

    /** A write that may collide on the unique title with another writer saving at the same moment. */
    private interface ClaimWrite {
        void run() throws ClaimException;
    }

    /**
     * Titles are checked before writing, but two writers can pass that check together; the database's
     * unique key then refuses the second, which is answered like the check would have been.
     */
    private static void unlessTaken(String title, ClaimWrite write) throws ClaimException {
        try {
            write.run();
        } catch (glossa.storage.DataAccessException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            throw new ClaimException(
                    Reason.CONFLICT,
                    "title",
                    "There is already a claim called \u201c" + title + "\u201d (it was saved just now).");
        }
    }

    public List<ClaimRevision> history(String slug) throws ClaimException {
        return claims.revisions(get(slug).id());
    }

    private String checkTitle(String title, Long claimId) throws ClaimException {
        String clean = title == null ? "" : Normalizer.normalize(title.strip(), Normalizer.Form.NFC);
        if (clean.isEmpty()) {
            throw new ClaimException(Reason.INVALID, "title", "A claim needs a title.");
        }
        if (clean.length() > MAX_TITLE) {
            throw new ClaimException(Reason.INVALID, "title", "A title may have at most " + MAX_TITLE + " characters.");
        }
        if (claims.titleTaken(key(clean), claimId)) {
            throw new ClaimException(
                    Reason.CONFLICT, "title", "There is already a claim called \u201c" + clean + "\u201d.");
        }
        return clean;
    }

    private static String checkDescription(String description) throws ClaimException {
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_DESCRIPTION) {
            throw new ClaimException(
                    Reason.INVALID, "description", "A description may have at most 20,000 characters.");
        }
        return text;
    }

    private static String summary(String summary, String fallback) {
        String s = summary == null || summary.isBlank() ? fallback : summary.strip();
        return s.length() > MAX_SUMMARY ? s.substring(0, MAX_SUMMARY) : s;
    }

    /** Titles are unique whatever their case or Unicode form. */
    static String key(String title) {
        return Normalizer.normalize(title.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The essay renderer's slug, shortened to keep claim addresses readable. */
    static String slugify(String text) {
        String slug = glossa.markdown.EssayRenderer.slugify(text);
        slug = slug.length() > 80 ? slug.substring(0, 80).replaceAll("-$", "") : slug;
        return slug.equals("section") ? "claim" : slug;
    }

    /** Addresses under /claims/ that are pages of their own, so no claim may take them as its slug. */
    private static final java.util.Set<String> RESERVED_SLUGS = java.util.Set.of("new");

    private String uniqueSlug(String base) {
        String s = RESERVED_SLUGS.contains(base) ? base + "-2" : base;
        for (int i = 2; claims.slugTaken(s); i++) {
            s = base + "-" + i;
        }
        return s;
    }
}
