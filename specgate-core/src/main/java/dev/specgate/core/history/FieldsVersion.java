package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalRecord;
import java.util.Optional;

/**
 * A spec as one commit left it, read from its status and approval fields alone ({@link
 * SpecHistory#moves}, for the versions an audit does not judge): it has no approval validity,
 * fingerprint or checklist to offer.
 *
 * @param revision the commit and the spec's path in it
 * @param status the status as written, without emphasis; empty when missing
 * @param approval the approval recorded, when its field holds a readable record
 */
public record FieldsVersion(
        GitRevisions.Revision revision, Optional<String> status, Optional<ApprovalRecord> approval)
        implements HistoryVersion {

    public FieldsVersion {
        requireNonNull(revision, "revision must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(approval, "approval must not be null");
    }
}
