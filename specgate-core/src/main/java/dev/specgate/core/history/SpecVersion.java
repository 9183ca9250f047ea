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
 * @param content what only the whole spec tells (approval validity, fingerprint, checklist): read
 *     for every version by {@link SpecHistory#read}, and by {@link SpecHistory#moves} only for the
 *     versions an audit judges
 */
public record SpecVersion(
        GitRevisions.Revision revision,
        Optional<String> status,
        Optional<ApprovalRecord> approval,
        Optional<Content> content) {

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

    /**
     * Whether the approval recorded matches the content of this version.
     *
     * @throws IllegalStateException when the version's content was not read
     */
    public boolean approvalValid() {
        return content().orElseThrow(SpecVersion::unread).approvalValid();
    }

    /**
     * The content's fingerprint hash in this version.
     *
     * @throws IllegalStateException when the version's content was not read
     */
    public String fingerprint() {
        return content().orElseThrow(SpecVersion::unread).fingerprint();
    }

    /**
     * Ticked checklist items.
     *
     * @throws IllegalStateException when the version's content was not read
     */
    public int checked() {
        return content().orElseThrow(SpecVersion::unread).checked();
    }

    /**
     * Checklist items.
     *
     * @throws IllegalStateException when the version's content was not read
     */
    public int total() {
        return content().orElseThrow(SpecVersion::unread).total();
    }

    private static IllegalStateException unread() {
        return new IllegalStateException(
                "the content of this version was not read (SpecHistory.moves reads it only for"
                        + " the moves an audit judges; SpecHistory.read reads it for every version)");
    }
}
