package dev.specgate.core.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The checklists that hold a spec's decisions and questions, which must all be settled (ticked)
 * before approval: the one definition the status gates and the {@code decision-open} rule share.
 */
public final class DecisionChecklists {

    /** The built-in template's heading whose items must all be settled before approval. */
    public static final String DECISIONS = "Technical Decisions Needed";

    /** The built-in template's heading whose questions must all be answered before approval. */
    public static final String QUESTIONS = "Outstanding Questions";

    /**
     * The headings that hold decisions and questions to settle, in any template: the built-in two
     * and the names other templates give them.
     */
    public static final List<String> NAMES =
            List.of(
                    DECISIONS,
                    QUESTIONS,
                    "Decisions Needed",
                    "Open Questions",
                    "Unresolved Questions");

    private static final List<String> BUILTIN = List.of(DECISIONS, QUESTIONS);

    private static final List<String> KEYS = NAMES.stream().map(HeadingKey::of).toList();

    private DecisionChecklists() {}

    /**
     * The decision checklists of specs written from {@code schema}: the titles of the template's
     * sections named as one of {@link #NAMES}, in template order; for a template that follows the
     * built-in lifecycle and has none of them, the built-in two ({@link #DECISIONS}, {@link
     * #QUESTIONS}), which its Approved gate has always asked for.
     */
    public static List<String> of(TemplateSchema schema) {
        requireNonNull(schema, "schema must not be null");
        List<String> titles =
                schema.sections().stream()
                        .filter(s -> KEYS.contains(s.key()))
                        // named as a spec writes it: "Open Questions", not "Open Questions
                        // (optional)"
                        .map(s -> HeadingKey.withoutOptionalMark(s.title()))
                        .toList();
        if (titles.isEmpty() && schema.followsBuiltinLifecycle()) {
            return BUILTIN;
        }
        return titles;
    }

    /**
     * Whether a spec at {@code status} (as the template spells it, or as a spec writes it, any
     * case) must have every item under its decision checklists settled: the question the status
     * gates ask before such a status and the {@code decision-open} rule asks of a spec that holds
     * it, one answer for both. The built-in lifecycle: from Approved on (Approved, Implementation).
     * Any other: from the second status that is not draft-like on (see {@link
     * TemplateSchema#rank}), the place of the built-in Approved, whatever the status is called
     * ({@code accepted}, {@code implementable}) and however strictly it is checked; never a
     * draft-like status, an exit or a retirement ({@code deprecated}), nor a value that is no
     * status. False too when the template has no decision checklists.
     */
    public static boolean settledAt(TemplateSchema schema, String status) {
        requireNonNull(schema, "schema must not be null");
        requireNonNull(status, "status must not be null");
        if (of(schema).isEmpty()) {
            return false;
        }
        if (schema.followsBuiltinLifecycle()) {
            return Strictness.forStatus(status, schema).atLeast(Strictness.APPROVED);
        }
        String label = schema.status(status.strip()).orElse(null);
        return label != null
                && schema.rank(label) >= 2
                && schema.retiredStatuses().stream().noneMatch(label::equalsIgnoreCase);
    }

    /** Whether {@code titles} are the built-in two, in their order. */
    public static boolean builtin(List<String> titles) {
        return BUILTIN.equals(titles);
    }

    /**
     * Whether the checklist titled {@code title} holds questions (answered) rather than decisions
     * (decided).
     */
    public static boolean questions(String title) {
        return HeadingKey.of(title).contains("question");
    }
}
