package glossa.annotations;

import glossa.anchoring.Anchor;
import glossa.anchoring.CodePointText;
import glossa.anchoring.QuoteFinder;
import glossa.anchoring.RevisionMapping;
import glossa.anchoring.Target;
import glossa.anchoring.TextPositionSelector;
import glossa.errors.Reason;
import glossa.essays.EssayRepository;
import glossa.essays.EssayRevision;
import java.util.List;
import java.util.Objects;

/**
 * What a reader pointed at (a position, words, or words with an occurrence or context), resolved to
 * a passage of the essay's newest revision, or refused naming the field at fault.
 */
final class PassageResolver {

    private final EssayRepository essays;

    PassageResolver(EssayRepository essays) {
        this.essays = essays;
    }

    /** Resolves what the reader pointed at to a passage of the essay's newest revision. */
    Target resolve(EssayRevision current, PassageInput p) throws AnnotationException {
        EssayRevision seen = current;
        if (p.revisionNo() != null && p.revisionNo() != current.revisionNo()) {
            seen = essays.revisions(current.slug()).stream()
                    .filter(r -> r.revisionNo() == p.revisionNo())
                    .findFirst()
                    .orElseThrow(() -> new AnnotationException(
                            Reason.INVALID, "revision", "The essay has no revision " + p.revisionNo() + "."));
        }
        CodePointText text = new CodePointText(seen.canonicalText().text());
        Target target;
        if (p.start() != null || p.end() != null) {
            if (p.start() == null
                    || p.end() == null
                    || p.start() < 0
                    || p.end() > text.length()
                    || p.start() >= p.end()) {
                throw new AnnotationException(
                        Reason.INVALID,
                        "position",
                        "The position " + p.start() + ".." + p.end() + " is out of range: the text has " + text.length()
                                + " characters.");
            }
            target = Target.of(text, p.start(), p.end());
            if (p.exact() != null && !p.exact().equals(target.quote().exact())) {
                target = utf16Reading(text, p).orElse(target);
            }
            if (p.exact() != null && !p.exact().equals(target.quote().exact())) {
                throw new AnnotationException(
                        Reason.INVALID,
                        "position",
                        "The position does not match its quote: the text there reads \u201c"
                                + NoteChange.abbreviate(target.quote().exact()) + "\u201d.");
            }
        } else {
            target = byWords(text, p);
        }
        int length = target.position().end() - target.position().start();
        if (length > AnnotationService.MAX_PASSAGE) {
            throw new AnnotationException(
                    Reason.INVALID,
                    p.start() != null ? "position" : "exact",
                    "A passage may have at most "
                            + String.format(java.util.Locale.ROOT, "%,d", AnnotationService.MAX_PASSAGE)
                            + " characters; this one has "
                            + String.format(java.util.Locale.ROOT, "%,d", length) + ". Select less.");
        }
        if (seen == current) {
            return target;
        }
        Anchor carried = new RevisionMapping(
                        seen.canonicalText().text(), current.canonicalText().text())
                .carry(target);
        if (carried.isOrphan()) {
            throw new AnnotationException(
                    Reason.CONFLICT, "position", "That passage has changed since you selected it. Select it again.");
        }
        return Target.of(new CodePointText(current.canonicalText().text()), carried.start(), carried.end());
    }

    /**
     * Glossa counts positions in code points, as the W3C model says; browser libraries count UTF-16
     * units, which differ once the text holds characters outside the Basic Multilingual Plane (emoji,
     * 𝔸). When the code-point reading does not match the quote but the UTF-16 reading does, the client
     * meant UTF-16: convert, rather than refuse a correct selection.
     */
    private static java.util.Optional<Target> utf16Reading(CodePointText text, PassageInput p) {
        String s = text.text();
        if (p.end() > s.length()) {
            return java.util.Optional.empty();
        }
        int start = s.codePointCount(0, p.start());
        int end = s.codePointCount(0, p.end());
        if (start >= end || !p.exact().equals(s.substring(p.start(), p.end()))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Target.of(text, start, end));
    }

    private static Target byWords(CodePointText text, PassageInput p) throws AnnotationException {
        if (p.exact() == null || p.exact().isBlank()) {
            throw new AnnotationException(Reason.INVALID, "exact", "Give the exact words of the passage.");
        }
        List<TextPositionSelector> found = QuoteFinder.find(text, p.exact());
        if (found.isEmpty()) {
            throw new AnnotationException(
                    Reason.INVALID,
                    "exact",
                    "Those words are not in the essay: \u201c" + NoteChange.abbreviate(p.exact()) + "\u201d.");
        }
        if (found.size() > 1 && (p.prefix() != null || p.suffix() != null)) {
            List<TextPositionSelector> inContext = found.stream()
                    .filter(f -> text.slice(0, f.start()).endsWith(Objects.toString(p.prefix(), ""))
                            && text.slice(f.end(), text.length()).startsWith(Objects.toString(p.suffix(), "")))
                    .toList();
            if (!inContext.isEmpty()) {
                found = inContext;
            }
        }
        TextPositionSelector chosen;
        if (found.size() == 1) {
            chosen = found.get(0);
        } else if (p.occurrence() != null && p.occurrence() >= 0 && p.occurrence() < found.size()) {
            chosen = found.get(p.occurrence());
        } else {
            throw new AnnotationException.Ambiguous(found);
        }
        return Target.of(text, chosen.start(), chosen.end());
    }
}
