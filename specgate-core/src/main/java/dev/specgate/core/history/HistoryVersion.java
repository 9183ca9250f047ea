package dev.specgate.core.history;

import dev.specgate.core.approval.ApprovalRecord;
import java.util.Optional;

/**
 * A spec as one commit left it, as far as the history read it: a {@link SpecVersion} when the whole
 * spec was read (approval validity, fingerprint, checklist counts), a {@link FieldsVersion} when
 * only its status and approval fields were ({@link SpecHistory#moves}), a {@link ChecklistVersion}
 * when it was parsed for its checklist counts too ({@link SpecHistory#checklists}). What a version
 * cannot tell is not offered: ask {@code version instanceof SpecVersion whole} for the rest.
 */
public sealed interface HistoryVersion permits SpecVersion, FieldsVersion, ChecklistVersion {

    /** The commit and the spec's path in it. */
    GitRevisions.Revision revision();

    /** The status as written, without emphasis; empty when missing. */
    Optional<String> status();

    /** The approval recorded, when its field holds a readable record. */
    Optional<ApprovalRecord> approval();
}
