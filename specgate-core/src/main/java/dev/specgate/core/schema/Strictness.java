package dev.specgate.core.schema;

import java.util.Locale;
import java.util.Optional;

/**
 * How strictly a spec is held to the template, following its lifecycle status: a Draft may still
 * hold placeholders and empty sections (warnings); from Review on they are errors; from Approved on
 * a reviewer must be named.
 */
public enum Strictness {
    DRAFT,
    REVIEW,
    APPROVED,
    IMPLEMENTATION;

    /** Whether this is {@code other} or stricter. */
    public boolean atLeast(Strictness other) {
        return compareTo(other) >= 0;
    }

    /**
     * The strictness for a status value: the template's draft-like statuses (its first status, or
     * those {@code lifecycle: draft} names) are drafts; Review, Approved and Implementation map by
     * name; any other known status after Approved in the lifecycle's order (a team's Shipped,
     * Released), not an exit nor a retirement, is held as Approved (as Implementation when it comes
     * after Implementation), so that what holds at Approved (a stale approval, open decisions)
     * holds there too; any other known status, and an unknown or missing one, is held as Review.
     */
    public static Strictness forStatus(String status, TemplateSchema schema) {
        if (status == null) {
            return REVIEW;
        }
        Optional<String> known = schema.status(status);
        if (known.isPresent()) {
            for (String draft : schema.draftStatuses()) {
                if (draft.equalsIgnoreCase(known.get())) {
                    return DRAFT;
                }
            }
        }
        String s = known.orElse(status).trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "draft" -> DRAFT;
            case "approved" -> APPROVED;
            case "implementation" -> IMPLEMENTATION;
            default -> known.isPresent() ? after(known.get(), schema) : REVIEW;
        };
    }

    /**
     * A known status named neither Draft, Approved nor Implementation: held as the latest of those
     * two it comes after in the lifecycle's order (Released after Implementation as
     * Implementation), else as Review.
     */
    private static Strictness after(String status, TemplateSchema schema) {
        if (afterStatus("Implementation", status, schema)) {
            return IMPLEMENTATION;
        }
        return afterStatus("Approved", status, schema) ? APPROVED : REVIEW;
    }

    /**
     * Whether {@code status} (as the schema spells it) comes after the lifecycle's status {@code
     * named} in its order, and is no retirement ({@code Deprecated}, {@code Superseded}): an exit
     * or a value that is no status ranks -1, before everything.
     */
    private static boolean afterStatus(String named, String status, TemplateSchema schema) {
        int before = schema.rank(named);
        return before > 0
                && schema.rank(status) > before
                && schema.retiredStatuses().stream().noneMatch(status::equalsIgnoreCase);
    }

    /** Parses a status name such as {@code review} into its strictness. */
    public static Strictness parse(String text) {
        for (Strictness s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown strictness '"
                        + text
                        + "' (allowed: draft, review, approved, implementation)");
    }
}
