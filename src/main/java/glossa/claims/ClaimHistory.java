package glossa.claims;

import glossa.accounts.Access;
import glossa.accounts.User;
import glossa.errors.Reason;
import glossa.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.jsoup.nodes.Entities;

/** A claim page's revisions: the list, the difference between any two, and reverting to one (moderators). */
final class ClaimHistory {

    private final ClaimService service;

    ClaimHistory(ClaimService service) {
        this.service = service;
    }

    void list(Context ctx) throws ClaimException {
        Claim c = service.get(ctx.pathParam("slug"));
        ctx.render("claims/history", Map.of("claim", c, "revisions", service.history(c.slug())));
    }

    void diff(Context ctx) throws ClaimException {
        Claim c = service.get(ctx.pathParam("slug"));
        List<ClaimRevision> revisions = service.history(c.slug());
        int to = Params.intOr(ctx, "to", c.revisionNo());
        int from = Params.intOr(ctx, "from", Math.max(1, to - 1));
        ClaimRevision a = revision(revisions, from);
        ClaimRevision b = revision(revisions, to);
        Map<String, Object> m = new HashMap<>();
        m.put("claim", c);
        m.put("from", a);
        m.put("to", b);
        m.put("titleDiff", diffHtml(a.title(), b.title()));
        m.put("descriptionDiff", diffHtml(a.description(), b.description()));
        m.put("revisions", revisions);
        ctx.render("claims/diff", m);
    }

    void revert(Context ctx) throws ClaimException {
        User user = Access.requireUser(ctx);
        Claim c = service.revert(user, ctx.pathParam("slug"), Params.intOr(ctx, "revision", -1), ctx.ip());
        ctx.redirect("/claims/" + c.slug() + "/history", HttpStatus.SEE_OTHER);
    }

    private static ClaimRevision revision(List<ClaimRevision> revisions, int no) throws ClaimException {
        return revisions.stream()
                .filter(r -> r.revisionNo() == no)
                .findFirst()
                .orElseThrow(() -> new ClaimException(Reason.NOT_FOUND, null, "This page has no revision " + no + "."));
    }

    /** A character diff with whole-word cleanup, as escaped HTML with {@code <del>} and {@code <ins>}. */
    static String diffHtml(String a, String b) {
        DiffMatchPatch dmp = new DiffMatchPatch();
        var diffs = dmp.diffMain(a, b, false);
        dmp.diffCleanupSemantic(diffs);
        StringBuilder out = new StringBuilder();
        for (DiffMatchPatch.Diff d : diffs) {
            String text = Entities.escape(d.text);
            switch (d.operation) {
                case INSERT -> out.append("<ins>").append(text).append("</ins>");
                case DELETE -> out.append("<del>").append(text).append("</del>");
                default -> out.append(text);
            }
        }
        return out.toString();
    }
}
