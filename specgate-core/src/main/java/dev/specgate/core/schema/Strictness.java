package dev.specgate.core.schema;

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
     * The strictness for a status value, by its place in the template's lifecycle and nothing else:
     * the template's draft-like statuses (its first status, or those {@code lifecycle: draft}
     * names) are drafts; a known status at or past the lifecycle's approval point ({@link
     * TemplateSchema#pastApproval}: the built-in Approved, an ADR's Accepted, a KEP's
     * implementable, a team's Shipped after Approved), not an exit nor a retirement, is held as
     * Approved (as Implementation from a status named Implementation on), so that what holds at
     * Approved (a stale approval, open decisions, a named Reviewer) holds there too; any other
     * known status (an exit, a retirement, one before the approval point, whatever its name: an
     * exit named Approved is no approval), and an unknown or missing one, is held as Review.
     */
    public static Strictness forStatus(String status, TemplateSchema schema) {
        if (status == null) {
            return REVIEW;
        }
        Optional<String> known = schema.status(status);
        if (known.isEmpty()) {
            return REVIEW;
        }
        for (String draft : schema.draftStatuses()) {
            if (draft.equalsIgnoreCase(known.get())) {
                return DRAFT;
            }
        }
        if (!schema.pastApproval(known.get())) {
            return REVIEW;
        }
        int implementation = schema.rank(IMPLEMENTATION_STATUS);
        return implementation > 0 && schema.rank(known.get()) >= implementation
                ? IMPLEMENTATION
                : APPROVED;
    }

    /** The status from which a spec past its approval point is held as Implementation. */
    private static final String IMPLEMENTATION_STATUS = "Implementation";

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
