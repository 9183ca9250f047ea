package dev.specgate.core.lifecycle;

import dev.specgate.core.model.FieldValues;
import dev.specgate.core.schema.Strictness;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Where a spec stands in its lifecycle, the template's {@code Document Status}: Draft, then Review,
 * then Approved, then Implementation.
 */
public enum SpecStatus {
    DRAFT("Draft", Strictness.DRAFT),
    REVIEW("Review", Strictness.REVIEW),
    APPROVED("Approved", Strictness.APPROVED),
    IMPLEMENTATION("Implementation", Strictness.IMPLEMENTATION);

    private final String label;
    private final Strictness strictness;

    SpecStatus(String label, Strictness strictness) {
        this.label = label;
        this.strictness = strictness;
    }

    /** The status as the template spells it: {@code Draft}. */
    public String label() {
        return label;
    }

    /** How strictly a spec with this status is checked. */
    public Strictness strictness() {
        return strictness;
    }

    /** The status a forward move leads to, if any. */
    public Optional<SpecStatus> next() {
        int n = ordinal() + 1;
        return n < values().length ? Optional.of(values()[n]) : Optional.empty();
    }

    /**
     * The status a Document Status value names, ignoring case and emphasis marks; empty for a
     * placeholder, an unknown value or nothing.
     */
    public static Optional<SpecStatus> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = FieldValues.plain(value);
        for (SpecStatus s : values()) {
            if (s.label.equalsIgnoreCase(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Every status as the template spells it, in lifecycle order: {@code Draft, Review, ...}. */
    public static String labels() {
        StringJoiner all = new StringJoiner(", ");
        for (SpecStatus s : values()) {
            all.add(s.label);
        }
        return all.toString();
    }

    @Override
    public String toString() {
        return label;
    }
}
