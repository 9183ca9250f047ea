package dev.specgate.core.approval;

import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.DecisionChecklists;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.core.schema.WorkingChecklists;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which checklists' boxes an approval leaves out (reads as {@code [ ]}): the ones worked through
 * after a spec is approved, so that ticking them never voids the approval. Under the built-in
 * template ({@link #AFTER_APPROVAL}) they are the working checklists ({@link
 * Checklist#WORKING_CHECKLISTS}) and the checklists the template ticks during and after
 * implementation: {@value #TEST_TYPES_REQUIRED} (the tests written), {@value #ROLLBACK_TESTING}
 * (the rollback rehearsed in staging) and {@value #SUCCESS_CRITERIA} with its subsections (what the
 * shipped feature achieved). Under a team's own template ({@link #of}) they are the checklists the
 * project names ({@code working-checklists:}), else every checklist of the template but its
 * decision and question checklists ({@link DecisionChecklists#of}). Decisions and questions are
 * never among them: they are what a reviewer approves.
 *
 * <p>Since a box left out reads as {@code [ ]}, an approval recorded before a checklist joined a
 * reading, with its boxes unticked, keeps its hash. One recorded with some of them ticked is
 * checked against the earlier readings too ({@link #earlier}, {@link Approvals#check}), so it holds
 * until the content changes: {@link #WORKING_ONLY}, the reading of Specgate 0.x, and for an own
 * template {@link #AFTER_APPROVAL}, the reading of every template before own templates had their
 * own.
 */
final class ApprovalBoxes {

    static final String TEST_TYPES_REQUIRED = "Test Types Required";
    static final String ROLLBACK_TESTING = "Rollback Testing";
    static final String SUCCESS_CRITERIA = "Success Criteria";

    /** The headings whose boxes (and their subsections' boxes) are left out. */
    static final List<String> HEADINGS =
            Stream.concat(
                            Checklist.WORKING_CHECKLISTS.stream(),
                            Stream.of(TEST_TYPES_REQUIRED, ROLLBACK_TESTING, SUCCESS_CRITERIA))
                    .toList();

    /** The boxes left out: the working checklists and those ticked after approval. */
    static final ApprovalBoxes AFTER_APPROVAL = new ApprovalBoxes(keys(HEADINGS));

    /**
     * The boxes Specgate left out before the test, rollback and success checklists joined: the
     * working checklists only, as {@link Checklist#workingRanks} places headings in them. Approvals
     * recorded then are checked against it as well.
     */
    static final ApprovalBoxes WORKING_ONLY = new ApprovalBoxes(null);

    /** The keys of the headings left out, or null: those of {@link Checklist#workingRanks}. */
    private final Set<String> keys;

    private ApprovalBoxes(Set<String> keys) {
        this.keys = keys;
    }

    private static Set<String> keys(List<String> headings) {
        return Set.copyOf(headings.stream().map(HeadingKey::of).toList());
    }

    /**
     * The boxes left out of the approvals of specs written from {@code schema}: {@link
     * #AFTER_APPROVAL} for the built-in template; for another, those of the checklists {@code
     * working-checklists:} names ({@link TemplateSchema#workingChecklists}), else of every
     * checklist of the template ({@link TemplateSchema#checklists}) that is not a decision or
     * question checklist ({@link DecisionChecklists#of}): {@link WorkingChecklists#of}. A named
     * heading leaves out the boxes of the template's sections of that heading and their
     * subsections', as the built-in reading does.
     */
    static ApprovalBoxes of(TemplateSchema schema) {
        Optional<List<String>> named = schema.workingChecklists();
        if (named.isEmpty() && schema.isBuiltin()) {
            return AFTER_APPROVAL;
        }
        Set<String> keys = keys(WorkingChecklists.of(schema));
        return keys.equals(AFTER_APPROVAL.keys) ? AFTER_APPROVAL : new ApprovalBoxes(keys);
    }

    /**
     * The readings Specgate had before this one, newest first, which an approval recorded then was
     * made with: {@link #WORKING_ONLY} before {@link #AFTER_APPROVAL}, and both before the reading
     * of an own template's checklists.
     */
    List<ApprovalBoxes> earlier() {
        if (this == WORKING_ONLY) {
            return List.of();
        }
        return this == AFTER_APPROVAL
                ? List.of(WORKING_ONLY)
                : List.of(AFTER_APPROVAL, WORKING_ONLY);
    }

    /**
     * For each heading of a spec (by {@link Section#index()}), whether the boxes under it are left
     * out: its own title or that of a heading above it is one of this reading's headings. One pass
     * over the headings.
     */
    boolean[] leftOut(SpecDocument document) {
        Headings h = headings(document);
        boolean[] out = new boolean[h.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = h.leftOut(i);
        }
        return out;
    }

    /**
     * The spec's headings as this reading sees them, worked out only for the headings asked about
     * and those above them (a spec has ~50 headings, its boxes stand under ~10).
     */
    Headings headings(SpecDocument document) {
        return new Headings(document, null);
    }

    /**
     * As {@link #headings(SpecDocument)}, with each heading's {@link HeadingKey} taken from {@code
     * keys} (which gives what {@code HeadingKey.of(section.title())} gives, such as the keys a
     * check's section match already computed), or computed when it is null.
     */
    Headings headings(SpecDocument document, Function<Section, String> keys) {
        return new Headings(document, keys);
    }

    /** Whether the boxes under a heading are left out, remembered per heading. */
    final class Headings {
        private final List<Section> sections;
        private final byte[] known; // 0 not yet known, 1 left out, 2 kept
        private final Function<Section, String> keyOf;

        private Headings(SpecDocument document, Function<Section, String> keyOf) {
            this.sections = document.sections();
            this.keyOf = keyOf;
            this.known = new byte[sections.size()];
            if (keys == null) {
                // the working checklists only: Checklist's reading, worked out for every heading
                // (asked only of an approval recorded before the later checklists joined)
                int[] ranks = Checklist.workingRanks(document);
                for (int i = 0; i < known.length; i++) {
                    known[i] = ranks[i] < Checklist.WORKING_CHECKLISTS.size() ? (byte) 1 : (byte) 2;
                }
            }
        }

        int size() {
            return known.length;
        }

        /**
         * Whether the boxes under heading {@code index} (by {@link Section#index()}) are left out.
         */
        boolean leftOut(int index) {
            if (known[index] != 0) {
                return known[index] == 1;
            }
            Section s = sections.get(index);
            int parent = s.parentIndex();
            boolean out =
                    keys.contains(keyOf != null ? keyOf.apply(s) : HeadingKey.of(s.title()))
                            || (parent >= 0 && parent < index && leftOut(parent));
            known[index] = out ? (byte) 1 : (byte) 2;
            return out;
        }
    }

    /**
     * Whether reading the spec's boxes as {@code other} does can give another content than reading
     * them as this does: some box this reading leaves out and {@code other} keeps is ticked.
     * Otherwise both readings give the same bytes, and so the same hash.
     */
    boolean differsFrom(ApprovalBoxes other, SpecDocument document) {
        List<ChecklistItem> items = document.checklist();
        if (items.isEmpty()) {
            return false;
        }
        Headings mine = null;
        Headings theirs = null;
        for (ChecklistItem item : items) {
            if (!item.checked()) {
                continue;
            }
            if (mine == null) {
                mine = headings(document);
                theirs = other.headings(document);
            }
            int index = item.sectionIndex();
            if (index >= 0 && index < mine.size() && mine.leftOut(index) != theirs.leftOut(index)) {
                return true;
            }
        }
        return false;
    }
}
