package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.DecisionChecklists;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The statuses of a lifecycle in order, and the explicit list of the gates each status move must
 * pass. The built-in lifecycle's ({@link #standard()}):
 *
 * <ul>
 *   <li>to Draft: nothing;
 *   <li>to Review: {@code check} finds no error at Review strictness;
 *   <li>to Approved: no error at Approved strictness, the Reviewer names a person, and every item
 *       under Technical Decisions Needed and Outstanding Questions is checked;
 *   <li>to Implementation: the spec is Approved, {@code check} finds no error at Implementation
 *       strictness (a status written by hand skipped the Approved gate), its approval still holds
 *       (no approval-stale error: the content is the content approved), and every Prerequisites
 *       item is checked.
 * </ul>
 *
 * <p>Any other template's ({@link #of(TemplateSchema)}) follow the same steps by rank (see {@link
 * SpecStatus#rank()}):
 *
 * <ul>
 *   <li>to a draft-like status: nothing;
 *   <li>to the first status that is not draft-like (rank 1): {@code check} finds no error at that
 *       status's strictness, the spec judged with the status already written;
 *   <li>to rank 2: as rank 1, and the Reviewer names a person when the template has a Reviewer
 *       field, and every item under the template's decision checklists ({@link
 *       DecisionChecklists#of}) is checked;
 *   <li>to rank 3 and later: as rank 2, and every item under its Prerequisites is checked;
 *   <li>to a retirement ({@code deprecated}, {@code superseded by ADR-0009}; see {@link
 *       SpecStatus#retired()}): nothing, like a draft-like status or an exit.
 * </ul>
 *
 * <p>Either way a project may add checklists to the gate of any status ({@code gates: {Shipped:
 * [Rollout]}}, {@link TemplateSchema#checklistGates()}): every item under them ticked.
 */
public final class StatusGates {

    private static final StatusGates STANDARD =
            standardGates(List.of(DecisionChecklists.DECISIONS, DecisionChecklists.QUESTIONS));

    private final List<SpecStatus> statuses;
    private final Map<SpecStatus, StatusGate> gates;
    private final TemplateSchema schema;

    private StatusGates(
            List<SpecStatus> statuses, Map<SpecStatus, StatusGate> gates, TemplateSchema schema) {
        this.statuses = List.copyOf(statuses);
        this.gates = Map.copyOf(gates);
        this.schema = schema;
    }

    /** The gates the issue and docs/lifecycle.md describe. */
    public static StatusGates standard() {
        return STANDARD;
    }

    /**
     * The gates of specs written from {@code schema}: the {@link #standard()} ones for the built-in
     * lifecycle (a Document Status of Draft, Review, Approved, Implementation; the Approved gate
     * asks for the template's own decision checklists, {@link DecisionChecklists#of}, when they are
     * not the built-in two), else gates by rank over the template's statuses ({@link
     * TemplateSchema#statuses()}, drafts from {@link TemplateSchema#draftStatuses()}); none when it
     * has no statuses.
     */
    public static StatusGates of(TemplateSchema schema) {
        requireNonNull(schema, "schema must not be null");
        if (Lifecycle.notStandard(schema).isEmpty()) {
            List<String> decisions = DecisionChecklists.of(schema);
            return configured(
                    DecisionChecklists.builtin(decisions) ? STANDARD : standardGates(decisions),
                    schema);
        }
        List<SpecStatus> statuses = new ArrayList<>();
        List<String> retired = schema.retiredStatuses();
        for (String label : schema.statuses()) {
            statuses.add(
                    new SpecStatus(
                            label,
                            schema.rank(label),
                            Strictness.forStatus(label, schema),
                            label,
                            retired.stream().anyMatch(label::equalsIgnoreCase)));
        }
        List<String> decisions = DecisionChecklists.of(schema);
        List<String> prerequisites = checklists(schema, List.of(Checklist.PREREQUISITES));
        boolean reviewer = schema.reviewerField().isPresent();
        Map<SpecStatus, StatusGate> gates = new HashMap<>();
        for (SpecStatus s : statuses) {
            List<GateCondition> conditions = new ArrayList<>();
            if (s.retired()) {
                // retiring a decision judges nothing: the spec is not taken further
                gates.put(s, new StatusGate(s, conditions));
                continue;
            }
            // the one answer decision-open gives too: from the 2nd status on
            boolean settled = DecisionChecklists.settledAt(schema, s.label());
            if (s.rank() >= 1) {
                // what ReviewerNamed and ChecklistDone(decisions) below state themselves
                Set<String> statedElsewhere = new HashSet<>();
                if (s.rank() >= 2 && reviewer) {
                    statedElsewhere.add(RuleIds.REVIEWER_MISSING);
                }
                if (settled) {
                    statedElsewhere.add(RuleIds.DECISION_OPEN);
                }
                if (s.label().equalsIgnoreCase(SpecStatus.APPROVED.label())) {
                    // the move to it writes the approval record, as the built-in Approved gate
                    // says ('approve --refresh' renews a stale one); a later status is refused
                    // while the approval is stale
                    statedElsewhere.add(RuleIds.APPROVAL_MISSING);
                    statedElsewhere.add(RuleIds.APPROVAL_STALE);
                }
                conditions.add(new NoCheckErrors(s.strictness(), statedElsewhere));
            }
            if (s.rank() >= 2 && reviewer) {
                conditions.add(new ReviewerNamed(s.strictness()));
            }
            if (settled) {
                conditions.add(new ChecklistDone(decisions));
            }
            if (s.rank() >= 3 && !prerequisites.isEmpty()) {
                conditions.add(new ChecklistDone(prerequisites));
            }
            gates.put(s, new StatusGate(s, conditions));
        }
        return configured(new StatusGates(statuses, gates, schema), schema);
    }

    /**
     * {@code gates} with the checklists {@code gates:} in {@code .specgate.yml} names ({@link
     * TemplateSchema#checklistGates()}) added to the gate of their status and of every later one
     * but a retirement ({@link GatedChecklistDone}), after its own conditions: the section must be
     * there with every item ticked before a spec moves there, as {@code gate-open} holds a spec at
     * that status.
     */
    private static StatusGates configured(StatusGates gates, TemplateSchema schema) {
        Map<String, List<String>> named = schema.checklistGates();
        if (named.isEmpty()) {
            return gates;
        }
        Map<SpecStatus, StatusGate> more = new HashMap<>(gates.gates);
        for (SpecStatus s : gates.statuses) {
            // where gate-open holds a spec too: not a retirement (it judges nothing, as its own
            // gate above: an Approved spec never Shipped is Deprecated without its Rollout ticked)
            if (!schema.gatedAt(s.label()).isEmpty()) {
                List<GateCondition> conditions = new ArrayList<>(more.get(s).conditions());
                conditions.add(new GatedChecklistDone(s.label()));
                more.put(s, new StatusGate(s, conditions));
            }
        }
        return new StatusGates(gates.statuses, more, gates.schema);
    }

    /** The titles of the template's sections named as one of {@code names}, in template order. */
    private static List<String> checklists(TemplateSchema schema, List<String> names) {
        List<String> keys = names.stream().map(HeadingKey::of).toList();
        return schema.sections().stream()
                .filter(s -> keys.contains(s.key()))
                .map(s -> HeadingKey.withoutOptionalMark(s.title()))
                .toList();
    }

    /** The gate guarding moves to {@code target}. */
    public StatusGate to(SpecStatus target) {
        StatusGate gate = gates.get(target);
        if (gate == null) {
            throw new IllegalArgumentException("'" + target + "' is not a status of the lifecycle");
        }
        return gate;
    }

    /** Every status in lifecycle order. */
    public List<SpecStatus> statuses() {
        return statuses;
    }

    /** Whether these are the built-in lifecycle's gates. */
    public boolean isStandard() {
        return schema == null;
    }

    /**
     * The status {@code value} names, ignoring case and emphasis marks, spelled as written when it
     * names it in its own words ({@code Implemented (5.9)}); empty for a placeholder, an unknown
     * value or nothing.
     */
    public Optional<SpecStatus> status(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (schema == null) {
            return SpecStatus.of(value);
        }
        String plain = FieldValues.plain(value).trim();
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> label = schema.status(plain);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        for (SpecStatus s : statuses) {
            if (s.label().equals(label.get())) {
                return Optional.of(s.label().equalsIgnoreCase(plain) ? s : s.spelled(plain));
            }
        }
        return Optional.empty();
    }

    /** The status a forward move from {@code status} leads to: one rank up, if any. */
    public Optional<SpecStatus> next(SpecStatus status) {
        if (status.exit()) {
            return Optional.empty();
        }
        for (SpecStatus s : statuses) {
            if (s.rank() == status.rank() + 1) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The draft-like statuses, in lifecycle order: where a move back leads. */
    public List<SpecStatus> drafts() {
        return statuses.stream().filter(SpecStatus::draft).toList();
    }

    /** The exits ({@code rejected}, {@code withdrawn}...), in lifecycle order. */
    public List<SpecStatus> exits() {
        return statuses.stream().filter(SpecStatus::exit).toList();
    }

    /** The statuses as the template spells them, in order: {@code Draft, Review, ...}. */
    public String labels() {
        return SpecStatus.labels(statuses);
    }

    /** The built-in gates, the Approved gate asking for every item under {@code decisions}. */
    private static StatusGates standardGates(List<String> decisions) {
        Map<SpecStatus, StatusGate> g = new HashMap<>();
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
                                        // ReviewerNamed and ChecklistDone state their own
                                        // reasons; the move itself writes the approval record
                                        Set.of(
                                                RuleIds.REVIEWER_MISSING,
                                                RuleIds.DECISION_OPEN,
                                                RuleIds.APPROVAL_MISSING,
                                                RuleIds.APPROVAL_STALE)),
                                new ReviewerNamed(Strictness.APPROVED),
                                new ChecklistDone(decisions))));
        g.put(
                SpecStatus.IMPLEMENTATION,
                new StatusGate(
                        SpecStatus.IMPLEMENTATION,
                        List.of(
                                new StatusIs(SpecStatus.APPROVED),
                                // what check says of it now: a status written by hand skipped
                                // the Approved gate ([Time estimate] left in, decisions open);
                                // ApprovalHolds states a stale approval itself
                                new NoCheckErrors(
                                        Strictness.IMPLEMENTATION, Set.of(RuleIds.APPROVAL_STALE)),
                                new ApprovalHolds(),
                                new ChecklistDone(List.of(Checklist.PREREQUISITES)))));
        return new StatusGates(SpecStatus.builtin(), g, null);
    }
}
