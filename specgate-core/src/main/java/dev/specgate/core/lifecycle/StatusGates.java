package dev.specgate.core.lifecycle;

import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.Strictness;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The explicit list of the gates each status move must pass:
 *
 * <ul>
 *   <li>to Draft: nothing;
 *   <li>to Review: {@code check} finds no error at Review strictness;
 *   <li>to Approved: no error at Approved strictness, the Reviewer names a person, and every item
 *       under Technical Decisions Needed and Outstanding Questions is checked;
 *   <li>to Implementation: the spec is Approved, its approval still holds (no approval-stale error:
 *       the content is the content approved), and every Prerequisites item is checked.
 * </ul>
 */
public final class StatusGates {

    /** The heading whose items must all be settled before approval. */
    public static final String DECISIONS = "Technical Decisions Needed";

    /** The heading whose questions must all be answered before approval. */
    public static final String QUESTIONS = "Outstanding Questions";

    private static final StatusGates STANDARD = standardGates();

    private final Map<SpecStatus, StatusGate> gates;

    private StatusGates(Map<SpecStatus, StatusGate> gates) {
        this.gates = Map.copyOf(gates);
    }

    /** The gates the issue and docs/lifecycle.md describe. */
    public static StatusGates standard() {
        return STANDARD;
    }

    /** The gate guarding moves to {@code target}. */
    public StatusGate to(SpecStatus target) {
        return gates.get(target);
    }

    private static StatusGates standardGates() {
        Map<SpecStatus, StatusGate> g = new EnumMap<>(SpecStatus.class);
        g.put(SpecStatus.DRAFT, new StatusGate(SpecStatus.DRAFT, List.of()));
        g.put(
                SpecStatus.REVIEW,
                new StatusGate(
                        SpecStatus.REVIEW,
                        List.of(new NoCheckErrors(Strictness.REVIEW, Set.of()))));
        g.put(
                SpecStatus.APPROVED,
                new StatusGate(
                        SpecStatus.APPROVED,
                        List.of(
                                new NoCheckErrors(
                                        Strictness.APPROVED,
                                        // the move itself writes the approval record
                                        Set.of(
                                                RuleIds.REVIEWER_MISSING,
                                                RuleIds.APPROVAL_MISSING,
                                                RuleIds.APPROVAL_STALE)),
                                new ReviewerNamed(),
                                new ChecklistDone(List.of(DECISIONS, QUESTIONS)))));
        g.put(
                SpecStatus.IMPLEMENTATION,
                new StatusGate(
                        SpecStatus.IMPLEMENTATION,
                        List.of(
                                new StatusIs(SpecStatus.APPROVED),
                                new ApprovalHolds(),
                                new ChecklistDone(List.of(Checklist.PREREQUISITES)))));
        return new StatusGates(g);
    }
}
