package dev.specgate.core.approval;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.OutOfOrder;
import dev.specgate.core.model.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a spec's approval still holds: its recorded fingerprint against the content's now.
 *
 * @param field the approval field, empty when the spec has none
 * @param record the approval read from the field, empty when there is no field or it is not a
 *     record
 * @param current the content's fingerprint now, as it bears on the record: its hash (the record's
 *     own hash when the content holds the record only in the reading of approvals recorded before
 *     the test, rollback and success checklists' boxes were left out), and its section digests only
 *     when they were compared (a readable record whose hash differs); {@link Approvals#hash} gives
 *     the content's own hash always
 * @param changed titles of the sections whose content changed since the approval
 * @param added titles of the sections added since
 * @param removed how many sections were removed since
 * @param moved titles of the sections whose text is as approved but whose place among the sections
 *     is not (sections reordered since the approval, {@link OutOfOrder})
 * @param titleFields the labels of the fields under the spec's title ({@code File}, {@code Type})
 *     when those lines changed since the approval (one of them did), empty otherwise
 */
public record ApprovalCheck(
        Optional<Field> field,
        Optional<ApprovalRecord> record,
        ContentFingerprint current,
        List<String> changed,
        List<String> added,
        int removed,
        List<String> moved,
        List<String> titleFields) {

    public ApprovalCheck {
        requireNonNull(field, "field must not be null");
        requireNonNull(record, "record must not be null");
        requireNonNull(current, "current must not be null");
        changed = List.copyOf(changed);
        added = List.copyOf(added);
        moved = List.copyOf(moved);
        titleFields = List.copyOf(titleFields);
    }

    /** Compares a record with the content's fingerprint now. */
    static ApprovalCheck of(
            Optional<Field> field, Optional<ApprovalRecord> record, ContentFingerprint current) {
        return of(field, record, current, null);
    }

    /**
     * As {@link #of(Optional, Optional, ContentFingerprint)}; a section whose digest differs from
     * the record's but whose digest in {@code asBefore} (the same sections, read as an earlier
     * Specgate read them: with fewer boxes left out, or with the spec's line a sidecar's key
     * pointed at left out; or null) is the record's did not change: an approval recorded then names
     * only the sections whose text changed.
     */
    static ApprovalCheck of(
            Optional<Field> field,
            Optional<ApprovalRecord> record,
            ContentFingerprint current,
            ContentFingerprint asBefore) {
        if (record.isEmpty() || record.get().hash().equals(current.hash())) {
            // no record, or one that holds (nearly every approved spec a check reads): no changes
            return new ApprovalCheck(
                    field, record, current, List.of(), List.of(), 0, List.of(), List.of());
        }
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        List<String> titleFields = List.of();
        int removed = 0;
        // a record whose hash differs: which sections changed
        int[] stored = ContentFingerprint.decode(record.get().sectionCode());
        if (stored != null && stored.length > 0) {
            // each title's recorded sections, by their place in the record
            Map<Integer, List<Integer>> byTitle = new HashMap<>();
            for (int k = 0; k < stored.length; k++) {
                byTitle.computeIfAbsent(stored[k] >>> 16, t -> new ArrayList<>()).add(k);
            }
            List<ContentFingerprint.SectionDigest> unmatched = new ArrayList<>();
            List<ContentFingerprint.SectionDigest> kept = new ArrayList<>();
            List<Integer> keptAt = new ArrayList<>();
            List<ContentFingerprint.SectionDigest> sections = current.sections();
            for (int i = 0; i < sections.size(); i++) {
                ContentFingerprint.SectionDigest d = sections.get(i);
                List<Integer> same = byTitle.get(d.titleHash());
                int at = take(same, stored, d.contentHash());
                if (at < 0
                        && same != null
                        && asBefore != null
                        && asBefore.sections().size() == sections.size()) {
                    at = take(same, stored, asBefore.sections().get(i).contentHash());
                }
                if (at >= 0) {
                    kept.add(d);
                    keptAt.add(at);
                } else {
                    unmatched.add(d);
                }
            }
            for (ContentFingerprint.SectionDigest d : unmatched) {
                List<Integer> same = byTitle.get(d.titleHash());
                if (same != null && !same.isEmpty()) {
                    same.remove(0);
                    changed.add(d.described());
                    if (d.underTitle()) {
                        titleFields = d.fields();
                    }
                } else {
                    added.add(d.title());
                }
            }
            for (List<Integer> left : byTitle.values()) {
                removed += left.size();
            }
            boolean[] out = OutOfOrder.moved(keptAt.stream().mapToInt(k -> k).toArray());
            for (int i = 0; i < out.length; i++) {
                if (out[i]) {
                    moved.add(kept.get(i).title());
                }
            }
        }
        return new ApprovalCheck(
                field, record, current, changed, added, removed, moved, titleFields);
    }

    /**
     * Takes from {@code same} (places in the record of one title's sections) the first whose
     * recorded text digest is {@code contentHash}, and returns its place, or -1.
     */
    private static int take(List<Integer> same, int[] stored, int contentHash) {
        if (same == null) {
            return -1;
        }
        for (int j = 0; j < same.size(); j++) {
            int k = same.get(j);
            if ((stored[k] & 0xFFFF) == contentHash) {
                same.remove(j);
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether the lines under the title changed and hold field {@code label} (any case), which may
     * be what changed: the {@code **File:**} field of a spec renamed since its approval.
     */
    public boolean titleFieldsHold(String label) {
        return titleFields.stream().anyMatch(label::equalsIgnoreCase);
    }

    /** Whether the spec has an approval field at all. */
    public boolean recorded() {
        return field.isPresent();
    }

    /** Whether the approval field holds a record Specgate can read. */
    public boolean readable() {
        return record.isPresent();
    }

    /** Whether there is a record and the content is the content approved. */
    public boolean valid() {
        return record.isPresent() && record.get().hash().equals(current.hash());
    }

    /** Whether there is a record and the content changed since. */
    public boolean stale() {
        return record.isPresent() && !valid();
    }

    /**
     * What changed, for people: {@code changed: Technical Approach, Database Changes; added:
     * Caching; 1 section removed; moved: Current State}; or a sentence saying the section digests
     * cannot tell.
     */
    public String changes() {
        List<String> parts = new ArrayList<>();
        if (!changed.isEmpty()) {
            parts.add("changed: " + String.join(", ", changed));
        }
        if (!added.isEmpty()) {
            parts.add("added: " + String.join(", ", added));
        }
        if (removed > 0) {
            parts.add(removed + (removed == 1 ? " section" : " sections") + " removed");
        }
        if (!moved.isEmpty()) {
            parts.add("moved: " + String.join(", ", moved));
        }
        if (parts.isEmpty()) {
            return record.isPresent() && record.get().sectionCode().isEmpty()
                    ? "the record holds no section digests to tell which sections changed"
                    : "no section tells which (a change outside every section, or lines moved)";
        }
        return String.join("; ", parts);
    }
}
