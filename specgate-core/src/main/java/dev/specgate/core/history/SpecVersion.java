package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalRecord;
import java.util.Optional;

/**
 * A spec as one commit left it: what the history needs of it.
 *
 * @param revision the commit and the spec's path in it
 * @param status the Document Status as written, without emphasis; empty when missing
 * @param approval the approval recorded, when its field holds a readable record
 * @param approvalValid whether that approval matches the content of this version
 * @param fingerprint the content's fingerprint hash in this version
 * @param checked ticked checklist items
 * @param total checklist items
 */
public record SpecVersion(
        GitRevisions.Revision revision,
        Optional<String> status,
        Optional<ApprovalRecord> approval,
        boolean approvalValid,
        String fingerprint,
        int checked,
        int total) {

    public SpecVersion {
        requireNonNull(revision, "revision must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(approval, "approval must not be null");
        requireNonNull(fingerprint, "fingerprint must not be null");
    }
}
