package dev.specgate.core.diff;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.approval.ContentFingerprint;
import dev.specgate.core.diagnostic.OutOfOrder;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * Compares two versions of a spec, each given as its text and the document parsed from it (the
 * parse a caller already made). Sections are matched by their title and the titles above them (and
 * said moved when their order among the sections of both changed); checklist items by their section
 * and text; fields by label. Stateless.
 */
public final class SpecDiffer {

    /** How many unchanged lines a hunk shows before and after its changes, as git does. */
    public static final int CONTEXT = 3;

    private static final String BEFORE_FIRST_HEADING = "(before the first heading)";

    /** Compares {@code before} with {@code after}, the status block as its last section's. */
    public SpecDiff diff(
            String beforeText, SpecDocument before, String afterText, SpecDocument after) {
        return diff(beforeText, before, afterText, after, java.util.Optional.empty());
    }

    /**
     * Compares {@code before} with {@code after}; with {@code statusBlock}, the project's
     * approvals, the status block after the last section's text (its {@code ---} and fields) is
     * compared as a section of its own, {@link ContentFingerprint#STATUS_BLOCK}, where the
     * approval's fingerprint puts it ({@link ContentFingerprint.SectionDigest#statusBlock}), so
     * that {@code diff --since approval} names the change {@code approval-stale} names (a deleted
     * {@code ---} is the block's, not the last section's). Without it, as a record made before the
     * block had a digest of its own reads it: the last section's.
     */
    public SpecDiff diff(
            String beforeText,
            SpecDocument before,
            String afterText,
            SpecDocument after,
            java.util.Optional<Approvals> statusBlock) {
        requireNonNull(before, "before must not be null");
        requireNonNull(after, "after must not be null");
        requireNonNull(statusBlock, "statusBlock must not be null");
        Version old = new Version(strip(beforeText), before, statusBlock);
        Version now = new Version(strip(afterText), after, statusBlock);
        List<Body> addedBodies = new ArrayList<>();
        List<Body> removedBodies = new ArrayList<>();
        List<SpecDiff.SectionChange> changed = new ArrayList<>();
        for (Map.Entry<String, Body> e : now.sections.entrySet()) {
            Body was = old.sections.get(e.getKey());
            if (was == null) {
                addedBodies.add(e.getValue());
            } else if (!was.lines.equals(e.getValue().lines)) {
                changed.add(
                        new SpecDiff.SectionChange(e.getValue().title, hunks(was, e.getValue())));
            }
        }
        for (Map.Entry<String, Body> e : old.sections.entrySet()) {
            if (!now.sections.containsKey(e.getKey())) {
                removedBodies.add(e.getValue());
            }
        }
        List<String> moved = moved(old, now);
        // a section gone from under one heading and found, heading and text the same, under
        // another moved there (as approval-stale, which matches sections by their own title and
        // text, names it)
        List<String> added = new ArrayList<>();
        for (Body is : addedBodies) {
            Body was =
                    removedBodies.stream()
                            .filter(b -> b.lines.equals(is.lines) && !b.lines.isEmpty())
                            .findFirst()
                            .orElse(null);
            if (was != null) {
                removedBodies.remove(was);
                moved.add(is.title);
            } else {
                added.add(is.title);
            }
        }
        List<String> removed = removedBodies.stream().map(b -> b.title).toList();
        List<SpecDiff.Item> itemsAdded = new ArrayList<>();
        List<SpecDiff.Item> itemsRemoved = new ArrayList<>();
        List<SpecDiff.Item> ticked = new ArrayList<>();
        List<SpecDiff.Item> cleared = new ArrayList<>();
        for (Map.Entry<String, SpecDiff.Item> e : now.items.entrySet()) {
            SpecDiff.Item was = old.items.get(e.getKey());
            SpecDiff.Item is = e.getValue();
            if (was == null) {
                itemsAdded.add(is);
            } else if (!was.checked() && is.checked()) {
                ticked.add(is);
            } else if (was.checked() && !is.checked()) {
                cleared.add(is);
            }
        }
        for (Map.Entry<String, SpecDiff.Item> e : old.items.entrySet()) {
            if (!now.items.containsKey(e.getKey())) {
                itemsRemoved.add(e.getValue());
            }
        }
        List<SpecDiff.FieldChange> fields = new ArrayList<>();
        for (Map.Entry<String, Field> e : now.fields.entrySet()) {
            Field was = old.fields.get(e.getKey());
            if (was == null) {
                fields.add(
                        new SpecDiff.FieldChange(e.getValue().label(), null, e.getValue().value()));
            } else if (!was.value().equals(e.getValue().value())) {
                fields.add(
                        new SpecDiff.FieldChange(
                                e.getValue().label(), was.value(), e.getValue().value()));
            }
        }
        for (Map.Entry<String, Field> e : old.fields.entrySet()) {
            if (!now.fields.containsKey(e.getKey())) {
                fields.add(
                        new SpecDiff.FieldChange(e.getValue().label(), e.getValue().value(), null));
            }
        }
        return new SpecDiff(
                added, removed, changed, moved, itemsAdded, itemsRemoved, ticked, cleared, fields);
    }

    /**
     * The sections of both versions whose place among those sections changed, in the new order: a
     * reorder changes the approval's fingerprint (its section digests are in order) and no
     * section's text, and is shown as such.
     */
    private static List<String> moved(Version old, Version now) {
        Map<String, Integer> place = new HashMap<>();
        int n = 0;
        for (String key : old.sections.keySet()) {
            place.put(key, n++);
        }
        List<Body> kept = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (Map.Entry<String, Body> e : now.sections.entrySet()) {
            Integer was = place.get(e.getKey());
            if (was != null) {
                kept.add(e.getValue());
                at.add(was);
            }
        }
        boolean[] out = OutOfOrder.moved(at.stream().mapToInt(k -> k).toArray());
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (out[i]) {
                moved.add(kept.get(i).title);
            }
        }
        return moved;
    }

    private static String strip(String text) {
        requireNonNull(text, "text must not be null");
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The hunks of a changed section: each run of changed lines with up to {@link #CONTEXT}
     * unchanged lines around it, runs whose contexts meet joined, as a unified diff shows them.
     * Context stops where a line left out of the comparison (a metadata field) lies between two
     * lines, so that a hunk's lines follow each other in the file, as its header says.
     */
    private static List<SpecDiff.Hunk> hunks(Body was, Body is) {
        RawText a = raw(was.lines);
        RawText b = raw(is.lines);
        EditList edits = new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b);
        List<SpecDiff.Hunk> out = new ArrayList<>();
        for (int i = 0; i < edits.size(); ) {
            Edit first = edits.get(i);
            int a0 = first.getBeginA();
            int b0 = first.getBeginB();
            for (int n = 0; n < CONTEXT && a0 > 0 && b0 > 0; n++) {
                if (!was.follows(a0 - 1) || !is.follows(b0 - 1)) {
                    break;
                }
                a0--;
                b0--;
            }
            int j = i;
            while (j + 1 < edits.size() && joins(edits.get(j), edits.get(j + 1), was, is)) {
                j++;
            }
            Edit last = edits.get(j);
            int a1 = last.getEndA();
            int b1 = last.getEndB();
            for (int n = 0; n < CONTEXT && a1 < was.lines.size() && b1 < is.lines.size(); n++) {
                if (!was.follows(a1 - 1) || !is.follows(b1 - 1)) {
                    break;
                }
                a1++;
                b1++;
            }
            List<String> lines = new ArrayList<>();
            int at = b0; // unchanged lines are shown as the new version writes them
            for (int k = i; k <= j; k++) {
                Edit e = edits.get(k);
                for (; at < e.getBeginB(); at++) {
                    lines.add(" " + is.shown.get(at));
                }
                for (int l = e.getBeginA(); l < e.getEndA(); l++) {
                    lines.add("-" + was.shown.get(l));
                }
                for (int l = e.getBeginB(); l < e.getEndB(); l++) {
                    lines.add("+" + is.shown.get(l));
                }
                at = e.getEndB();
            }
            for (; at < b1; at++) {
                lines.add(" " + is.shown.get(at));
            }
            out.add(
                    new SpecDiff.Hunk(
                            was.start(a0, a1), a1 - a0, is.start(b0, b1), b1 - b0, lines));
            i = j + 1;
        }
        return out;
    }

    /**
     * Whether {@code next} shares a hunk with {@code e}: the unchanged lines between them are at
     * most twice {@link #CONTEXT}, and follow each other in both versions.
     */
    private static boolean joins(Edit e, Edit next, Body was, Body is) {
        if (next.getBeginA() - e.getEndA() > 2 * CONTEXT) {
            return false;
        }
        for (int k = e.getEndA() - 1; k < next.getBeginA(); k++) {
            if (!was.follows(k)) {
                return false;
            }
        }
        for (int k = e.getEndB() - 1; k < next.getBeginB(); k++) {
            if (!is.follows(k)) {
                return false;
            }
        }
        return true;
    }

    private static RawText raw(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return new RawText(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A section's own lines (heading to the next heading), fields left out: as compared (boxes
     * cleared) and as shown (boxes as written).
     */
    private static final class Body {
        final String title;
        final List<String> lines;
        final List<String> shown;
        final int[] firstLine; // source line of each kept line, plus one past the end

        Body(
                String title,
                List<String> lines,
                List<String> shown,
                List<Integer> sourceLines,
                int end) {
            this.title = title;
            this.lines = lines;
            this.shown = shown;
            this.firstLine = new int[sourceLines.size() + 1];
            for (int i = 0; i < sourceLines.size(); i++) {
                firstLine[i] = sourceLines.get(i);
            }
            firstLine[sourceLines.size()] = end;
        }

        /**
         * Whether kept line {@code k + 1} is the line right after kept line {@code k} in the file
         * (no field left out between them); true before the first line.
         */
        boolean follows(int k) {
            return k < 0 || k + 1 >= lines.size() || firstLine[k] + 1 == firstLine[k + 1];
        }

        /**
         * The 1-based line a hunk of kept lines {@code from} (inclusive) to {@code to} starts at;
         * for a hunk with none, the line after which it goes.
         */
        int start(int from, int to) {
            if (to > from) {
                return firstLine[from] + 1;
            }
            return from > 0 ? firstLine[from - 1] + 1 : firstLine[0];
        }
    }

    /** One version, indexed. */
    private static final class Version {
        final Map<String, Body> sections = new LinkedHashMap<>();
        final Map<String, SpecDiff.Item> items = new LinkedHashMap<>();
        final Map<String, Field> fields = new LinkedHashMap<>();

        Version(String text, SpecDocument doc, java.util.Optional<Approvals> approvals) {
            List<String> lines = ContentFingerprint.lines(text); // boxes are cleared in it
            List<String> written = List.copyOf(lines);
            boolean[] fieldLine = new boolean[lines.size()];
            for (Field f : doc.fields()) {
                if (!f.inListItem()) {
                    fields.putIfAbsent(f.label().trim().toLowerCase(Locale.ROOT), f);
                    for (int l = f.labelRange().startLine();
                            l <= f.valueRange().endLine() && l < fieldLine.length;
                            l++) {
                        fieldLine[l] = true;
                    }
                }
            }
            for (ChecklistItem item : doc.checklist()) {
                int l = item.boxRange().startLine();
                if (l < lines.size() && item.boxRange().endLine() == l) {
                    String line = lines.get(l);
                    if (item.boxRange().endColumn() <= line.length()) {
                        lines.set(
                                l,
                                line.substring(0, item.boxRange().startColumn())
                                        + "[ ]"
                                        + line.substring(item.boxRange().endColumn()));
                    }
                }
            }
            List<Section> secs = doc.sections();
            String[] names = new String[secs.size()];
            Map<String, Integer> seen = new HashMap<>();
            String[] keys = new String[secs.size()];
            for (int i = 0; i < secs.size(); i++) {
                Section s = secs.get(i);
                String title = s.title().trim();
                names[i] =
                        s.parentIndex() >= 0 && secs.get(s.parentIndex()).level() > 1
                                ? names[s.parentIndex()] + " > " + title
                                : title;
                String key = names[i].toLowerCase(Locale.ROOT);
                int n = seen.merge(key, 1, Integer::sum);
                keys[i] = n == 1 ? key : key + "#" + n;
            }
            int first = secs.isEmpty() ? lines.size() : secs.get(0).line();
            Body pre = body(BEFORE_FIRST_HEADING, lines, written, fieldLine, 0, first);
            if (!pre.lines.isEmpty()) {
                sections.put("", pre);
            }
            // where the approval's fingerprint puts the status block, if anywhere
            int block =
                    approvals
                            .map(a -> a.fingerprint(text, doc).sections())
                            .flatMap(
                                    d ->
                                            d.stream()
                                                    .filter(
                                                            ContentFingerprint.SectionDigest
                                                                    ::statusBlock)
                                                    .findFirst())
                            .map(ContentFingerprint.SectionDigest::line)
                            .orElse(-1);
            for (int i = 0; i < secs.size(); i++) {
                int from = secs.get(i).line();
                int to = i + 1 < secs.size() ? secs.get(i + 1).line() : lines.size();
                if (block >= from && block < to) {
                    // the section ends with its text; the blank lines between it and the block
                    // are the block's, which the section's digest leaves out too (so a deleted
                    // --- is no blank line added to the section), and still shown when they change
                    int split = block;
                    while (split - 1 > from && lines.get(split - 1).isBlank()) {
                        split--;
                    }
                    sections.put(keys[i], body(names[i], lines, written, fieldLine, from, split));
                    sections.put(
                            "\u0000" + ContentFingerprint.STATUS_BLOCK,
                            body(
                                    ContentFingerprint.STATUS_BLOCK,
                                    lines,
                                    written,
                                    fieldLine,
                                    split,
                                    to));
                } else {
                    sections.put(keys[i], body(names[i], lines, written, fieldLine, from, to));
                }
            }
            Map<String, Integer> itemSeen = new HashMap<>();
            for (ChecklistItem item : doc.checklist()) {
                int s = item.sectionIndex();
                String section = s >= 0 && s < names.length ? names[s] : BEFORE_FIRST_HEADING;
                String sectionKey = s >= 0 && s < keys.length ? keys[s] : "";
                String said = item.text().trim().replaceAll("\\s+", " ");
                String key = sectionKey + "\u0000" + said.toLowerCase(Locale.ROOT);
                int n = itemSeen.merge(key, 1, Integer::sum);
                items.put(
                        n == 1 ? key : key + "#" + n,
                        new SpecDiff.Item(section, said, item.checked(), item.line() + 1));
            }
        }

        private static Body body(
                String title,
                List<String> lines,
                List<String> written,
                boolean[] fieldLine,
                int from,
                int to) {
            List<String> kept = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (int l = from; l < to && l < lines.size(); l++) {
                if (!fieldLine[l]) {
                    kept.add(lines.get(l));
                    at.add(l);
                }
            }
            // blank lines at the end of the text are no change (the approval's fingerprint cuts
            // them too); between sections they are the section's, as the fingerprint reads them
            while (to >= lines.size() && !kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
                kept.remove(kept.size() - 1);
                at.remove(at.size() - 1);
            }
            List<String> shown = new ArrayList<>(kept.size());
            for (int l : at) {
                shown.add(written.get(l));
            }
            return new Body(title, kept, shown, at, Math.min(to, lines.size()));
        }
    }
}
