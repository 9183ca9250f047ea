package dev.specgate.core.layout;

import static java.util.Objects.requireNonNull;

/**
 * A File Organization path of this feature that already holds code while its spec stands before the
 * lifecycle's approval point ({@code TemplateSchema.approvalPoint}): work begun before the spec was
 * approved. What {@code layout-early} reports and {@code trace} marks {@code EARLY}.
 *
 * @param traced the entry, which exists
 * @param files how many files of code it holds: 1 for a file entry; a test directory's test files
 *     (the count its trace shows: fixtures and data beside them are no code); any other directory's
 *     files, hidden ones left out
 * @param status the spec's status, as the template spells it ({@code Draft})
 * @param point the status the spec should reach first ({@code Approved})
 */
public record EarlyEntry(TracedEntry traced, int files, String status, String point) {

    public EarlyEntry {
        requireNonNull(traced, "traced must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(point, "point must not be null");
        if (files < 1) {
            throw new IllegalArgumentException("files " + files + " must be >= 1");
        }
    }

    /**
     * What to do, worded for the spec's approval point: {@code get the spec to Approved first, or
     * move its status to where the work stands}.
     */
    public static String advice(String point) {
        return "get the spec to "
                + point
                + " before writing its code, or move its status to where"
                + " the work stands";
    }

    /**
     * How many files, for a trace line and the finding: {@code 3 files}, or {@code 1 test file} for
     * a test directory, as its trace counts them.
     */
    public String filesSaid() {
        String kind = traced.testFiles().isPresent() ? " test file" : " file";
        return files + kind + (files == 1 ? "" : "s");
    }

    /**
     * The finding: {@code Core logic directory 'src/core/invoice-export/' already holds 3 files
     * while the spec is Draft: code ahead of approval (get the spec to Approved before writing its
     * code, or move its status to where the work stands)}.
     */
    public String message() {
        LayoutEntry e = traced.entry();
        return (e.label().isEmpty() ? "" : e.label() + " ")
                + e.kind().label()
                + " '"
                + e.path()
                + "' already "
                + (e.kind() == LayoutEntry.Kind.FILE ? "exists" : "holds " + filesSaid())
                + " while the spec is "
                + status
                + ": code ahead of approval ("
                + advice(point)
                + ")";
    }
}
