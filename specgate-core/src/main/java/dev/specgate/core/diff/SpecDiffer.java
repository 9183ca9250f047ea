package dev.specgate.core.diff;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ContentFingerprint;
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
 * parse a caller already made). Sections are matched by their title and the titles above them;
 * checklist items by their section and text; fields by label. Stateless.
 */
public final class SpecDiffer {

    private static final String BEFORE_FIRST_HEADING = "(before the first heading)";

    /** Compares {@code before} with {@code after}. */
    public SpecDiff diff(
            String beforeText, SpecDocument before, String afterText, SpecDocument after) {
        requireNonNull(before, "before must not be null");
        requireNonNull(after, "after must not be null");
        Version old = new Version(strip(beforeText), before);
        Version now = new Version(strip(afterText), after);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<SpecDiff.SectionChange> changed = new ArrayList<>();
        for (Map.Entry<String, Body> e : now.sections.entrySet()) {
            Body was = old.sections.get(e.getKey());
            if (was == null) {
                added.add(e.getValue().title);
            } else if (!was.lines.equals(e.getValue().lines)) {
                changed.add(
                        new SpecDiff.SectionChange(e.getValue().title, hunks(was, e.getValue())));
            }
        }
        for (Map.Entry<String, Body> e : old.sections.entrySet()) {
            if (!now.sections.containsKey(e.getKey())) {
                removed.add(e.getValue().title);
            }
        }
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
                added, removed, changed, itemsAdded, itemsRemoved, ticked, cleared, fields);
    }

    private static String strip(String text) {
        requireNonNull(text, "text must not be null");
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<SpecDiff.Hunk> hunks(Body was, Body is) {
        RawText a = raw(was.lines);
        RawText b = raw(is.lines);
        EditList edits = new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b);
        List<SpecDiff.Hunk> out = new ArrayList<>();
        for (Edit e : edits) {
            out.add(
                    new SpecDiff.Hunk(
                            was.firstLine[Math.min(e.getBeginA(), was.firstLine.length - 1)] + 1,
                            is.firstLine[Math.min(e.getBeginB(), is.firstLine.length - 1)] + 1,
                            was.lines.subList(e.getBeginA(), e.getEndA()),
                            is.lines.subList(e.getBeginB(), e.getEndB())));
        }
        return out;
    }

    private static RawText raw(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return new RawText(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A section's own lines (heading to the next heading), boxes cleared, fields left out. */
    private static final class Body {
        final String title;
        final List<String> lines;
        final int[] firstLine; // source line of each kept line, plus one past the end

        Body(String title, List<String> lines, List<Integer> sourceLines, int end) {
            this.title = title;
            this.lines = lines;
            this.firstLine = new int[sourceLines.size() + 1];
            for (int i = 0; i < sourceLines.size(); i++) {
                firstLine[i] = sourceLines.get(i);
            }
            firstLine[sourceLines.size()] = end;
        }
    }

    /** One version, indexed. */
    private static final class Version {
        final Map<String, Body> sections = new LinkedHashMap<>();
        final Map<String, SpecDiff.Item> items = new LinkedHashMap<>();
        final Map<String, Field> fields = new LinkedHashMap<>();

        Version(String text, SpecDocument doc) {
            List<String> lines = ContentFingerprint.lines(text); // boxes are cleared in it
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
            Body pre = body(BEFORE_FIRST_HEADING, lines, fieldLine, 0, first);
            if (!pre.lines.isEmpty()) {
                sections.put("", pre);
            }
            for (int i = 0; i < secs.size(); i++) {
                int from = secs.get(i).line();
                int to = i + 1 < secs.size() ? secs.get(i + 1).line() : lines.size();
                sections.put(keys[i], body(names[i], lines, fieldLine, from, to));
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
                String title, List<String> lines, boolean[] fieldLine, int from, int to) {
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
            return new Body(title, kept, at, Math.min(to, lines.size()));
        }
    }
}
