package dev.specgate.core.lifecycle;

import java.util.List;
import java.util.Optional;

/**
 * Where a spec stands and where it can go.
 *
 * @param statusText the Document Status value as written, or empty when the field is missing
 * @param status the status it names, empty when missing, a placeholder or unknown
 * @param lastUpdated the Last Updated value as written, or empty when the field is missing
 * @param moves each move open from the current status with its gate's verdict: forward first, then
 *     back to Draft
 * @param approvalStale why the spec's approval no longer holds, in the words of the gate to
 *     Implementation ({@link ApprovalHolds}), where no open move states it (past Approved): empty
 *     when it holds, when the spec has none, before that (at Approved the move to Implementation
 *     states it) and when the report was made from a document without its text
 */
public record StatusReport(
        Optional<String> statusText,
        Optional<SpecStatus> status,
        Optional<String> lastUpdated,
        List<GateResult> moves,
        List<GateReason> approvalStale) {

    public StatusReport {
        moves = List.copyOf(moves);
        approvalStale = List.copyOf(approvalStale);
    }
}
