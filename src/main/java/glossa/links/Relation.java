package glossa.links;

import java.util.Locale;
import java.util.Optional;

/**
 * How one passage bears on another. Names follow the CiTO citation ontology where it has them; "another
 * account of the same event" is Glossa's own. Each reads from the linking passage to the linked one,
 * and has an inverse for the far end's margin.
 */
public enum Relation {
    SAME_EVENT(
            "same-event",
            "another account of the same event",
            "another account of the same event",
            "https://glossa.example/ns#sameEvent"),
    AGREES_WITH("agrees-with", "agrees with", "is agreed with by", "http://purl.org/spar/cito/agreesWith"),
    DISAGREES_WITH(
            "disagrees-with", "disagrees with", "is disagreed with by", "http://purl.org/spar/cito/disagreesWith"),
    DISPUTES("disputes", "disputes", "is disputed by", "http://purl.org/spar/cito/disputes"),
    EXTENDS("extends", "extends", "is extended by", "http://purl.org/spar/cito/extends"),
    CITES_AS_EVIDENCE(
            "cites-as-evidence",
            "cites as evidence",
            "is cited as evidence by",
            "http://purl.org/spar/cito/citesAsEvidence");

    private final String code;
    private final String label;
    private final String inverse;
    private final String iri;

    Relation(String code, String label, String inverse, String iri) {
        this.code = code;
        this.label = label;
        this.inverse = inverse;
        this.iri = iri;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String inverseLabel() {
        return inverse;
    }

    /** The relation as a sentence, for choosing one: "This passage disputes that one". */
    public String sentence() {
        return switch (this) {
            case SAME_EVENT -> "This passage tells of the same event as that one";
            case CITES_AS_EVIDENCE -> "This passage cites that one as evidence";
            default -> "This passage " + label + " that one";
        };
    }

    public String iri() {
        return iri;
    }

    public static Optional<Relation> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String wanted = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Relation r : values()) {
            if (r.code.equals(wanted) || r.iri.equals(s.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
