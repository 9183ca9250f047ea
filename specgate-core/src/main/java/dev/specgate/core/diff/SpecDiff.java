package dev.specgate.core.diff;

import java.util.List;

/**
 * What changed between two versions of a spec, at the level a reviewer thinks in: sections added,
 * removed, changed (with their text diff) and moved, checklist items added, removed, ticked and
 * cleared, and metadata fields changed. Section texts are compared without their task boxes and
 * metadata fields, which the checklist and field lists report.
 *
 * @param sectionsAdded titles (with their parents, {@code Proposed Solution > Caching}) of new
 *     sections
 * @param sectionsRemoved titles of sections gone
 * @param sectionsChanged sections whose text changed, with their hunks
 * @param sectionsMoved titles of sections in both versions whose place among those sections changed
 *     (reordered; of two swapped, one is named: {@link dev.specgate.core.diagnostic.OutOfOrder})
 * @param itemsAdded checklist items that are new
 * @param itemsRemoved checklist items gone
 * @param itemsTicked items ticked since
 * @param itemsCleared items whose tick was removed since
 * @param fields metadata fields whose value changed, appeared or went
 */
public record SpecDiff(
        List<String> sectionsAdded,
        List<String> sectionsRemoved,
        List<SectionChange> sectionsChanged,
        List<String> sectionsMoved,
        List<Item> itemsAdded,
        List<Item> itemsRemoved,
        List<Item> itemsTicked,
        List<Item> itemsCleared,
        List<FieldChange> fields) {

    public SpecDiff {
        sectionsAdded = List.copyOf(sectionsAdded);
        sectionsRemoved = List.copyOf(sectionsRemoved);
        sectionsChanged = List.copyOf(sectionsChanged);
        sectionsMoved = List.copyOf(sectionsMoved);
        itemsAdded = List.copyOf(itemsAdded);
        itemsRemoved = List.copyOf(itemsRemoved);
        itemsTicked = List.copyOf(itemsTicked);
        itemsCleared = List.copyOf(itemsCleared);
        fields = List.copyOf(fields);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return sectionsAdded.isEmpty()
                && sectionsRemoved.isEmpty()
                && sectionsChanged.isEmpty()
                && sectionsMoved.isEmpty()
                && itemsAdded.isEmpty()
                && itemsRemoved.isEmpty()
                && itemsTicked.isEmpty()
                && itemsCleared.isEmpty()
                && fields.isEmpty();
    }

    /**
     * This diff without the changes of the fields labelled {@code labels} (any case): what {@code
     * diff --since approval} shows when the commit it compares with holds the approved content but
     * not the approval's own fields.
     */
    public SpecDiff withoutFields(List<String> labels) {
        List<FieldChange> kept =
                fields.stream()
                        .filter(f -> labels.stream().noneMatch(l -> l.equalsIgnoreCase(f.label())))
                        .toList();
        return new SpecDiff(
                sectionsAdded,
                sectionsRemoved,
                sectionsChanged,
                sectionsMoved,
                itemsAdded,
                itemsRemoved,
                itemsTicked,
                itemsCleared,
                kept);
    }

    /**
     * A section whose text changed.
     *
     * @param title the section's title with its parents
     * @param hunks the changed runs of lines
     */
    public record SectionChange(String title, List<Hunk> hunks) {
        public SectionChange {
            hunks = List.copyOf(hunks);
        }
    }

    /**
     * One hunk of a section's text diff, as a unified diff writes it: a run of changed lines with
     * up to {@link SpecDiffer#CONTEXT} unchanged lines of the section around it (changes that close
     * together share a hunk, as git shows them).
     *
     * @param oldLine the 1-based line the hunk starts at in the old version; when it holds no old
     *     line, the line after which the added lines go (0: before the first line), as in {@code @@
     *     -a,0 +c,d @@}
     * @param oldCount how many of the old version's lines the hunk shows (unchanged and removed)
     * @param newLine the 1-based line the hunk starts at in the new version, or as {@code oldLine}
     *     the line after which the removed lines were when it holds no new line
     * @param newCount how many of the new version's lines it shows (unchanged and added)
     * @param lines the hunk's lines in order, each prefixed as a unified diff prefixes it: a space
     *     for an unchanged line, {@code -} for a removed one, {@code +} for an added one
     */
    public record Hunk(int oldLine, int oldCount, int newLine, int newCount, List<String> lines) {
        public Hunk {
            lines = List.copyOf(lines);
        }

        /** The lines removed, without their prefix. */
        public List<String> removed() {
            return withPrefix('-');
        }

        /** The lines added, without their prefix. */
        public List<String> added() {
            return withPrefix('+');
        }

        /**
         * The hunk's header as git writes it: {@code @@ -8,5 +8,6 @@}, a count of 1 left out
         * ({@code @@ -8 +8 @@}).
         */
        public String header() {
            return "@@ -" + range(oldLine, oldCount) + " +" + range(newLine, newCount) + " @@";
        }

        private static String range(int line, int count) {
            return count == 1 ? String.valueOf(line) : line + "," + count;
        }

        private List<String> withPrefix(char prefix) {
            return lines.stream()
                    .filter(l -> l.charAt(0) == prefix)
                    .map(l -> l.substring(1))
                    .toList();
        }
    }

    /**
     * A checklist item.
     *
     * @param section the title of the section it stands under, with its parents
     * @param text the item's text
     * @param checked whether it is ticked (in the version it comes from)
     * @param line its 1-based line (in the new version, or the old for a removed item)
     */
    public record Item(String section, String text, boolean checked, int line) {}

    /**
     * A metadata field that changed.
     *
     * @param label the field's label
     * @param from the old value, null when the field is new
     * @param to the new value, null when the field is gone
     */
    public record FieldChange(String label, String from, String to) {}
}
