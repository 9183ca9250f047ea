package dev.specgate.core.tasks;

import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.HeadingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a spec a task list is made from: the implementation plan's steps with their
 * checklist items, the verification criteria, the testing targets and the success criteria. Reads
 * the model, and the source lines for what the model does not keep (step titles such as {@code 1.
 * **Setup & Preparation**} and plain {@code Coverage target: 90%} lines).
 */
public final class SpecOutline {

    /** A step of the implementation plan and its checklist items. */
    public record PlanStep(String title, List<ChecklistItem> items) {}

    /** A labelled value: {@code Coverage target: 90%}. */
    public record Target(String label, String value) {}

    /** A success criterion and the Success Criteria subsection it stands in. */
    public record Criterion(String group, ChecklistItem item) {}

    private static final Pattern STEP_TITLE =
            Pattern.compile("^\\s{0,3}\\d{1,9}[.)]\\s+\\*\\*(.+?)\\*\\*\\s*:?\\s*$");
    private static final Pattern TARGET =
            Pattern.compile("^\\s*[-*+]\\s+(?!\\[)([^:*`\\[\\]]{3,40}):\\s+(\\S.*)$");

    private final SpecDocument document;
    private final List<String> lines;

    public SpecOutline(String markdown, SpecDocument document) {
        this.document = document;
        this.lines = markdown.lines().toList();
    }

    /** The steps: Prerequisites (when it has items), then each numbered Implementation Step. */
    public List<PlanStep> planSteps() {
        List<PlanStep> steps = new ArrayList<>();
        section("prerequisites")
                .map(this::itemsIn)
                .filter(items -> !items.isEmpty())
                .ifPresent(items -> steps.add(new PlanStep("Prerequisites", items)));
        Optional<Section> impl = section("implementation steps");
        if (impl.isEmpty()) {
            return steps;
        }
        List<int[]> titled = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        boolean fenced = false;
        for (int i = impl.get().line() + 1; i < Math.min(impl.get().endLine(), lines.size()); i++) {
            String line = lines.get(i);
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = STEP_TITLE.matcher(line);
            if (!fenced && m.matches()) {
                titled.add(new int[] {i});
                titles.add(m.group(1).strip());
            }
        }
        List<ChecklistItem> items = itemsIn(impl.get());
        if (titles.isEmpty()) {
            if (!items.isEmpty()) {
                steps.add(new PlanStep(HeadingKey.withoutDecoration(impl.get().title()), items));
            }
            return steps;
        }
        for (int s = 0; s < titles.size(); s++) {
            int from = titled.get(s)[0];
            int to = s + 1 < titles.size() ? titled.get(s + 1)[0] : impl.get().endLine();
            List<ChecklistItem> own =
                    items.stream().filter(it -> it.line() > from && it.line() < to).toList();
            steps.add(new PlanStep(titles.get(s), own));
        }
        return steps;
    }

    /** The labelled values of the Verification Criteria section. */
    public List<Field> verificationCriteria() {
        return section("verification criteria")
                .map(
                        s ->
                                document.fields().stream()
                                        .filter(f -> f.sectionIndex() == s.index())
                                        .toList())
                .orElse(List.of());
    }

    /** Plain {@code Label: value} bullets of the Testing Strategy, such as the coverage target. */
    public List<Target> testingTargets() {
        Optional<Section> testing = section("testing strategy");
        if (testing.isEmpty()) {
            return List.of();
        }
        List<Target> targets = new ArrayList<>();
        boolean fenced = false;
        for (int i = testing.get().line() + 1;
                i < Math.min(testing.get().endLine(), lines.size());
                i++) {
            String t = lines.get(i).strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = TARGET.matcher(lines.get(i));
            if (!fenced && m.matches()) {
                targets.add(new Target(m.group(1).strip(), m.group(2).strip()));
            }
        }
        return targets;
    }

    /** Every checklist item under Success Criteria, with its subsection's title. */
    public List<Criterion> successCriteria() {
        Optional<Section> success = section("success criteria");
        if (success.isEmpty()) {
            return List.of();
        }
        List<Criterion> criteria = new ArrayList<>();
        for (ChecklistItem item : itemsIn(success.get())) {
            Section own = document.sections().get(item.sectionIndex());
            criteria.add(
                    new Criterion(
                            own.index() == success.get().index()
                                    ? ""
                                    : HeadingKey.withoutDecoration(own.title()),
                            item));
        }
        return criteria;
    }

    private Optional<Section> section(String key) {
        return document.sections().stream()
                .filter(s -> HeadingKey.of(s.title()).equals(key))
                .findFirst();
    }

    /**
     * The 0-based lines of the checklist items a task list leaves out because they show no text (a
     * box with nothing after it, or only a comment: what {@code task-empty} reports), in the
     * sections tasks are made of, in line order.
     */
    public List<Integer> emptyItems() {
        List<Integer> empty = new ArrayList<>();
        for (String key : List.of("prerequisites", "implementation steps", "success criteria")) {
            section(key)
                    .ifPresent(
                            s ->
                                    document.checklist().stream()
                                            .filter(i -> in(i, s) && i.showsNoText())
                                            .forEach(i -> empty.add(i.line())));
        }
        return empty.stream().distinct().sorted().toList();
    }

    /** The items under {@code section} that show text: an empty box makes no task. */
    private List<ChecklistItem> itemsIn(Section section) {
        return document.checklist().stream()
                .filter(i -> in(i, section) && !i.showsNoText())
                .toList();
    }

    private static boolean in(ChecklistItem item, Section section) {
        return item.line() > section.line() && item.line() < section.endLine();
    }
}
