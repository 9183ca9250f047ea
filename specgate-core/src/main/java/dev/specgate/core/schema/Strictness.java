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
     * name; any other known status at or past the lifecycle's approval point ({@link
     * TemplateSchema#pastApproval}: an ADR's Accepted, a KEP's implementable, a team's Shipped
     * after Approved), not an exit nor a retirement, is held as Approved (as Implementation when it
     * comes after Implementation), so that what holds at Approved (a stale approval, open
     * decisions, a named Reviewer) holds there too; any other known status, and an unknown or
     * missing one, is held as Review.
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
     * A known status named neither Draft, Approved nor Implementation: held as Implementation after
     * that status (Released), as Approved at or past the approval point, else as Review.
     */
    private static Strictness after(String status, TemplateSchema schema) {
        if (!schema.pastApproval(status)) {
            return REVIEW;
        }
        int implementation = schema.rank("Implementation");
        return implementation > 0 && schema.rank(status) > implementation
                ? IMPLEMENTATION
                : APPROVED;
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
