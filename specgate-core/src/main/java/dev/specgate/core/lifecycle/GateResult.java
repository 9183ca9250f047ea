package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Whether a status move may be made, and if not, every reason why.
 *
 * @param move the move asked for
 * @param reasons every reason it is refused, in line order (reasons about the whole spec first,
 *     then by the line they are about; those of one line in gate order), as a check lists its
 *     findings; empty when it may be made
 */
public record GateResult(StatusMove move, List<GateReason> reasons) {

    public GateResult {
        requireNonNull(move, "move must not be null");
        // a stable sort: a gate's conditions (check errors, the Reviewer, open boxes) each list
        // theirs in line order, and a reader follows them down the spec
        List<GateReason> sorted = new java.util.ArrayList<>(reasons);
        sorted.sort(java.util.Comparator.comparingInt(GateReason::line));
        reasons = List.copyOf(sorted);
    }

    /** Whether the move may be made. */
    public boolean passed() {
        return reasons.isEmpty();
    }

    /**
     * The first line of the refusal, in the one wording every surface gives it ({@code status SPEC
     * STATUS} on stderr, the editor's {@code specgate.moveStatus}, the MCP tool {@code
     * set_status}): {@code cannot move FILE Review -> Approved: 3 reasons (the file is unchanged)};
     * the reasons follow it, each as {@link GateReason#text()} writes it.
     *
     * @param file the spec as the reader's surface writes its path
     * @throws IllegalStateException when the move passed: there is nothing to refuse
     */
    public String refusal(String file) {
        requireNonNull(file, "file must not be null");
        if (passed()) {
            throw new IllegalStateException("the move " + move + " passed its gate");
        }
        int n = reasons.size();
        return "cannot move "
                + file
                + " "
                + move
                + ": "
                + n
                + (n == 1 ? " reason" : " reasons")
                + " (the file is unchanged)";
    }
}
