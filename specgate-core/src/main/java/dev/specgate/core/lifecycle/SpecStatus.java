package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.FieldValues;
import dev.specgate.core.schema.Strictness;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Where a spec stands in its lifecycle: one of the template's statuses. The built-in template's are
 * {@link #DRAFT}, then {@link #REVIEW}, then {@link #APPROVED}, then {@link #IMPLEMENTATION}; any
 * other template's come from its status field and {@code lifecycle:} settings ({@link
 * Lifecycle#statuses()}). A status has a <em>rank</em>: 0 for a draft-like status, -1 for an exit
 * (a status that ends a proposal without taking it forward, such as {@code rejected}: reached from
 * any status, with no gate), else its place among the other statuses (1 for the first, as Review
 * is). A forward move goes one rank up; its gate follows the rank (see {@link StatusGates}). A
 * {@linkplain #retired() retirement} ({@code deprecated}, {@code superseded by ADR-0009}) is also
 * reached from any earlier status that is not draft-like, with no gate.
 *
 * <p>Two statuses are equal when they are the same status of a lifecycle (label and rank), however
 * a move spells it: {@code superseded by ADR-0012} is the status {@code superseded by ADR-NNNN}.
 */
public final class SpecStatus {

    public static final SpecStatus DRAFT = new SpecStatus("Draft", 0, Strictness.DRAFT, "Draft");
    public static final SpecStatus REVIEW =
            new SpecStatus("Review", 1, Strictness.REVIEW, "Review");
    public static final SpecStatus APPROVED =
            new SpecStatus("Approved", 2, Strictness.APPROVED, "Approved");
    public static final SpecStatus IMPLEMENTATION =
            new SpecStatus("Implementation", 3, Strictness.IMPLEMENTATION, "Implementation");

    private static final List<SpecStatus> BUILTIN =
            List.of(DRAFT, REVIEW, APPROVED, IMPLEMENTATION);

    private final String label;
    private final int rank;
    private final Strictness strictness;
    private final String spelling;
    private final boolean retired;

    SpecStatus(String label, int rank, Strictness strictness, String spelling) {
        this(label, rank, strictness, spelling, false);
    }

    SpecStatus(String label, int rank, Strictness strictness, String spelling, boolean retired) {
        this.label = requireNonNull(label, "label must not be null");
        if (rank < -1) {
            throw new IllegalArgumentException("rank " + rank + " must be >= -1");
        }
        this.rank = rank;
        this.strictness = requireNonNull(strictness, "strictness must not be null");
        this.spelling = requireNonNull(spelling, "spelling must not be null");
        if (retired && rank < 1) {
            throw new IllegalArgumentException(
                    "a retirement ('" + label + "') must have a rank >= 1, found " + rank);
        }
        this.retired = retired;
    }

    /** The status as the template spells it: {@code Draft}. */
    public String label() {
        return label;
    }

    /** 0 for a draft-like status, -1 for an exit; else its place among the others, from 1. */
    public int rank() {
        return rank;
    }

    /**
     * Whether the status is an exit, such as {@code rejected} or {@code withdrawn}: it ends a
     * proposal without taking it forward, and is reached from any status, with no gate.
     */
    public boolean exit() {
        return rank < 0;
    }

    /** Whether the status is draft-like: reached from any status, with no gate. */
    public boolean draft() {
        return rank == 0;
    }

    /**
     * Whether the status retires a decision already taken forward, such as {@code deprecated} or
     * {@code superseded by ADR-0009}: it keeps its place in order, and is also reached from any
     * earlier status that is not draft-like (an accepted ADR is superseded without first being
     * deprecated), with no gate.
     */
    public boolean retired() {
        return retired;
    }

    /** How strictly a spec with this status is checked. */
    public Strictness strictness() {
        return strictness;
    }

    /**
     * Whether a spec with this status holds approved content: it is held from Approved on
     * (Approved, Implementation, or a template's own status after them), so that changing what an
     * approval binds is a person's decision ({@code FieldEdits.personsDecision}, MCP's guarded
     * edits).
     */
    public boolean holdsApprovedContent() {
        return strictness.atLeast(Strictness.APPROVED);
    }

    /**
     * The value a move to this status writes: the label, or the value the mover gave when it names
     * the status in its own words ({@code Implemented (5.9)}, {@code superseded by ADR-0012}).
     */
    public String spelling() {
        return spelling;
    }

    /** This status written as {@code value}. */
    SpecStatus spelled(String value) {
        return new SpecStatus(label, rank, strictness, value, retired);
    }

    /**
     * The built-in status a Document Status value names, ignoring case and emphasis marks; empty
     * for a placeholder, an unknown value or nothing. Any template's statuses: {@link
     * Lifecycle#status(String)}.
     */
    public static Optional<SpecStatus> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = FieldValues.plain(value);
        for (SpecStatus s : BUILTIN) {
            if (s.label.equalsIgnoreCase(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The built-in statuses in lifecycle order. */
    public static List<SpecStatus> builtin() {
        return BUILTIN;
    }

    /** The built-in statuses as the template spells them, in order: {@code Draft, Review, ...}. */
    public static String labels() {
        return labels(BUILTIN);
    }

    static String labels(List<SpecStatus> statuses) {
        StringJoiner all = new StringJoiner(", ");
        for (SpecStatus s : statuses) {
            all.add(s.label);
        }
        return all.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecStatus s && s.rank == rank && s.label.equals(label);
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + rank;
    }

    @Override
    public String toString() {
        return label;
    }
}
