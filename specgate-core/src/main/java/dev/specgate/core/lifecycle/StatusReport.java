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
 */
public record StatusReport(
        Optional<String> statusText,
        Optional<SpecStatus> status,
        Optional<String> lastUpdated,
        List<GateResult> moves) {

    public StatusReport {
        moves = List.copyOf(moves);
    }
}
