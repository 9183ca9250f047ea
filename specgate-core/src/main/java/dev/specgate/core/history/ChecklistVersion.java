package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalRecord;
import java.util.Optional;

/**
 * A spec as one commit left it, parsed for its status, approval record and checklist counts ({@link
 * SpecHistory#checklists}, the dashboard's timeline and burn-up): it has no approval validity or
 * fingerprint to offer, which would cost a hash of the version's content.
 *
 * @param revision the commit and the spec's path in it
 * @param status the status as written, without emphasis; empty when missing
 * @param approval the approval recorded, when its field holds a readable record
 * @param checked ticked checklist items
 * @param total checklist items
 */
public record ChecklistVersion(
        GitRevisions.Revision revision,
        Optional<String> status,
        Optional<ApprovalRecord> approval,
        int checked,
        int total)
        implements HistoryVersion {

    public ChecklistVersion {
        requireNonNull(revision, "revision must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(approval, "approval must not be null");
        if (checked < 0 || total < checked) {
            throw new IllegalArgumentException(
                    "checked " + checked + " must be within 0.." + total);
        }
    }
}
