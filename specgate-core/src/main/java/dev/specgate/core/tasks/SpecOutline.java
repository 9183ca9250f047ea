package dev.specgate.core.tasks;

import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.core.schema.WorkingChecklists;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a spec a task list is made from: the implementation plan's steps with their
 * checklist items (for a team's own template without Implementation Steps, its working checklists:
 * {@link #of}), the verification criteria, the testing targets and the success criteria. Reads the
 * model, and the source lines for what the model does not keep (step titles such as {@code 1.
 * **Setup & Preparation**} and plain {@code Coverage target: 90%} lines).
 */
public final class SpecOutline {

    /** A step of the implementation plan and its checklist items. */
    public record PlanStep(String title, List<ChecklistItem> items) {}

    /** A labelled value: {@code Coverage target: 90%}. */
    public record Target(String label, String value) {}

    /** A success criterion and the Success Criteria subsection it stands in. */
    public record Criterion(String group, ChecklistItem item) {}

    private static final String IMPLEMENTATION_STEPS = "Implementation Steps";

    private static final Pattern STEP_TITLE =
            Pattern.compile("^\\s{0,3}\\d{1,9}[.)]\\s+\\*\\*(.+?)\\*\\*\\s*:?\\s*$");
    private static final Pattern TARGET =
            Pattern.compile("^\\s*[-*+]\\s+(?!\\[)([^:*`\\[\\]]{3,40}):\\s+(\\S.*)$");

    private final SpecDocument document;
    private final List<String> lines;

    /** The team's checklists whose items are the steps, or null: the built-in plan's sections. */
    private final List<String> checklists;

    /** The outline of a spec written from the built-in template's plan (Implementation Steps). */
    public SpecOutline(String markdown, SpecDocument document) {
        this(markdown, document, null);
    }

    private SpecOutline(String markdown, SpecDocument document, List<String> checklists) {
        this.document = document;
        this.lines = markdown.lines().toList();
        this.checklists = checklists == null ? null : List.copyOf(checklists);
    }

    /**
     * The outline of a spec written from {@code schema}: the built-in template, and any template
     * with an Implementation Steps section, give the built-in plan; a team's own template without
     * one gives its working checklists ({@link WorkingChecklists#of}: those {@code
     * working-checklists:} names, else every checklist but the decision and question checklists),
     * one step each, in template order, as the steps.
     */
    public static SpecOutline of(String markdown, SpecDocument document, TemplateSchema schema) {
        if (schema.isBuiltin()
                || !schema.sectionsWithKey(HeadingKey.of(IMPLEMENTATION_STEPS)).isEmpty()) {
            return new SpecOutline(markdown, document);
        }
        return new SpecOutline(markdown, document, WorkingChecklists.of(schema));
    }

    /**
     * What the task list says when there are no steps: where it looked for them ({@code The spec's
     * Implementation Plan lists no steps.}).
     */
    public String noSteps() {
        if (checklists == null) {
            return "The spec's Implementation Plan lists no steps.";
        }
        if (checklists.isEmpty()) {
            return "The template has no checklists to work through after approval"
                    + " (working-checklists in .specgate.yml names them).";
        }
        return "The spec's "
                + String.join(
                        ", ", checklists.stream().map(HeadingKey::withoutOptionalMark).toList())
                + (checklists.size() == 1 ? " lists" : " list")
                + " no items.";
    }

    /**
     * The steps: Prerequisites (when it has items), then each numbered Implementation Step; for a
     * team's own template ({@link #of}), each of its working checklists that has items, titled as
     * the spec writes its heading.
     */
    public List<PlanStep> planSteps() {
        if (checklists != null) {
            List<PlanStep> steps = new ArrayList<>();
            for (String title : checklists) {
                section(HeadingKey.of(title))
                        .ifPresent(
                                s -> {
                                    List<ChecklistItem> items = itemsIn(s);
                                    if (!items.isEmpty()) {
                                        steps.add(
                                                new PlanStep(
                                                        HeadingKey.withoutDecoration(s.title()),
                                                        items));
                                    }
                                });
            }
            return steps;
        }
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

    /**
     * Every checklist item under Success Criteria, with its subsection's title; none when Success
     * Criteria is one of a team's working checklists, whose items are steps already.
     */
    public List<Criterion> successCriteria() {
        if (checklists != null && sectionKeys().contains("success criteria")) {
            return List.of();
        }
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
        List<String> keys = new ArrayList<>(List.of("success criteria"));
        if (checklists == null) {
            keys.addAll(0, List.of("prerequisites", "implementation steps"));
        } else {
            keys.addAll(0, sectionKeys());
        }
        for (String key : keys) {
            section(key)
                    .ifPresent(
                            s ->
                                    document.checklist().stream()
                                            .filter(i -> in(i, s) && i.showsNoText())
                                            .forEach(i -> empty.add(i.line())));
        }
        return empty.stream().distinct().sorted().toList();
    }

    /** The keys of the team's working checklists' headings. */
    private List<String> sectionKeys() {
        return checklists.stream().map(HeadingKey::of).toList();
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
