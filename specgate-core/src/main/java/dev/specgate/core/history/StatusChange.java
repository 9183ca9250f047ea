package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.lifecycle.GateResult;
import java.util.Optional;

/**
 * A commit that changed a spec's status or its approval.
 *
 * @param version the spec as the commit left it (read whole when {@link SpecHistory#read} gave it,
 *     or when an audit judged it)
 * @param from the status before (empty for the commit that added the spec, or a missing status)
 * @param to the status after (empty when missing)
 * @param approvalBefore the approval recorded before
 * @param approvalAfter the approval recorded after
 * @param audit for a change of status (with an audit asked for): whether the gate would have let
 *     the move through at that commit, with every reason when not
 */
public record StatusChange(
        HistoryVersion version,
        Optional<String> from,
        Optional<String> to,
        Optional<ApprovalRecord> approvalBefore,
        Optional<ApprovalRecord> approvalAfter,
        Optional<GateResult> audit) {

    public StatusChange {
        requireNonNull(version, "version must not be null");
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        requireNonNull(approvalBefore, "approvalBefore must not be null");
        requireNonNull(approvalAfter, "approvalAfter must not be null");
        requireNonNull(audit, "audit must not be null");
    }

    /** Whether the status changed (else only the approval did). */
    public boolean statusChanged() {
        return !from.map(StatusChange::key).equals(to.map(StatusChange::key));
    }

    /**
     * A status as moves compare it: in any case, whatever the machine's locale ("IMPLEMENTATION" is
     * "Implementation" under a Turkish locale too).
     */
    static String key(String status) {
        return status.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the approval record changed. */
    public boolean approvalChanged() {
        return !approvalBefore.equals(approvalAfter);
    }

    /**
     * Whether this commit wrote an approval record: one where there was none, or another than the
     * one before ({@code approve}, {@code approve --refresh}). A record only carried over (a
     * rename, a status moved back by hand) is none.
     */
    public boolean recordsApproval() {
        return approvalAfter.isPresent() && approvalChanged();
    }

    /** Whether the status moved to Approved (in any case) in this commit. */
    public boolean movedToApproved() {
        return statusChanged() && to.filter(s -> s.equalsIgnoreCase("Approved")).isPresent();
    }

    /**
     * Whether this moved the spec to Approved without recording a valid approval in the same commit
     * (a hand edit of the status); empty when that cannot be told: a move to Approved whose version
     * was read from its fields alone ({@link SpecHistory#moves} without an audit).
     */
    public Optional<Boolean> handMoveToApproved() {
        if (!statusChanged() || to.filter(s -> s.equalsIgnoreCase("Approved")).isEmpty()) {
            return Optional.of(false);
        }
        if (version instanceof SpecVersion whole) {
            return Optional.of(!whole.approvalValid());
        }
        return Optional.empty();
    }
}
