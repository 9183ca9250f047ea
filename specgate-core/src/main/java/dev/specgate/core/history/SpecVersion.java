package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalRecord;
import java.util.Optional;

/**
 * A spec as one commit left it, read whole: every version {@link SpecHistory#read} gives, and the
 * versions {@link SpecHistory#moves} judges for an audit. (A version read from its status and
 * approval fields alone is a {@link FieldsVersion}.)
 *
 * @param revision the commit and the spec's path in it
 * @param status the status as written, without emphasis; empty when missing
 * @param approval the approval recorded, when its field holds a readable record
 * @param content what only the whole spec tells: approval validity, fingerprint, checklist
 */
public record SpecVersion(
        GitRevisions.Revision revision,
        Optional<String> status,
        Optional<ApprovalRecord> approval,
        Content content)
        implements HistoryVersion {

    public SpecVersion {
        requireNonNull(revision, "revision must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(approval, "approval must not be null");
        requireNonNull(content, "content must not be null");
    }

    /**
     * What the whole spec of a version tells.
     *
     * @param approvalValid whether the approval recorded matches the content of this version
     * @param fingerprint the content's fingerprint hash in this version
     * @param checked ticked checklist items
     * @param total checklist items
     */
    public record Content(boolean approvalValid, String fingerprint, int checked, int total) {

        public Content {
            requireNonNull(fingerprint, "fingerprint must not be null");
        }
    }

    /** Whether the approval recorded matches the content of this version. */
    public boolean approvalValid() {
        return content.approvalValid();
    }

    /** The content's fingerprint hash in this version. */
    public String fingerprint() {
        return content.fingerprint();
    }

    /** Ticked checklist items. */
    public int checked() {
        return content.checked();
    }

    /** Checklist items. */
    public int total() {
        return content.total();
    }
}
