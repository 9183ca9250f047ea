package dev.specgate.core.schema;

import java.util.List;
import java.util.Locale;

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
     * The strictness for a status value: the template's first status is a draft; Review, Approved
     * and Implementation map by name; any other known status is held as Review; an unknown or
     * missing status is held as Review.
     */
    public static Strictness forStatus(String status, TemplateSchema schema) {
        if (status == null) {
            return REVIEW;
        }
        List<String> statuses = schema.statuses();
        String s = status.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).equalsIgnoreCase(s)) {
                if (i == 0) {
                    return DRAFT;
                }
                break;
            }
        }
        return switch (s) {
            case "draft" -> DRAFT;
            case "approved" -> APPROVED;
            case "implementation" -> IMPLEMENTATION;
            default -> REVIEW;
        };
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
