package dev.specgate.core.tasks;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.layout.LayoutEntry;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.schema.Placeholders;
import dev.specgate.core.schema.StandIns;
import dev.specgate.core.tasks.SpecOutline.Criterion;
import dev.specgate.core.tasks.SpecOutline.PlanStep;
import dev.specgate.core.tasks.SpecOutline.Target;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Writes the task list of a spec, the method's next step: a header linking the spec, an overview,
 * the relevant files, numbered parent tasks from the implementation plan — each with test-first
 * items ({@code 1.0.T1}), the spec's checklist items as subtasks ({@code 1.1}) and verification
 * items ({@code 1.0.V1}) — and the success criteria as quality gates. The result passes {@code
 * check}.
 */
public final class TaskListWriter {

    /**
     * What the task list is made from.
     *
     * @param title the spec's title, without a "Technical Specification:" prefix
     * @param specLink the relative link from the task list's folder to the spec
     * @param specFileName the spec's file name
     * @param type the spec's Type, or empty
     * @param status the spec's Document Status, or empty
     * @param outline the spec's plan, criteria and targets
     * @param files the spec's File Organization entries
     * @param created the date the task list is written
     */
    public record Input(
            String title,
            String specLink,
            String specFileName,
            String type,
            String status,
            SpecOutline outline,
            List<LayoutEntry> files,
            LocalDate created) {}

    private TaskListWriter() {}

    /**
     * Where a spec's task list goes: {@code directives/tasks/} of the spec's project; beside the
     * spec when it is not in a {@code directives/} folder, so that no {@code directives/} folder
     * appears in a plain folder of specs (which would change what {@code check} finds there).
     */
    public static Path folder(Path specFile) {
        Path abs = specFile.toAbsolutePath().normalize();
        return ProjectRoot.of(abs)
                .map(
                        root ->
                                root.resolve(SpecDiscovery.DIRECTIVES)
                                        .resolve(SpecDiscovery.TASKS_FOLDER))
                .orElse(abs.getParent());
    }

    /** The task list's file name: {@code <date>_task_<slug>.md}. */
    public static String fileName(LocalDate created, String slug) {
        return created + "_task_" + slug + ".md";
    }

    /** The task list's Markdown, with LF line endings. */
    public static String write(Input in) {
        requireNonNull(in, "in must not be null");
        StringBuilder md = new StringBuilder();
        md.append("# Task List: ").append(in.title()).append("\n\n");
        md.append("**")
                .append(TaskList.SPEC_FIELD)
                .append(":** [")
                .append(in.specFileName())
                .append("](")
                .append(in.specLink())
                .append(")\n");
        md.append("**Created:** ").append(in.created()).append("\n\n");
        overview(md, in);
        relevantFiles(md, in.files());
        tasks(md, in.outline());
        gates(md, in.outline().successCriteria());
        return md.toString();
    }

    private static void overview(StringBuilder md, Input in) {
        md.append("## Overview\n");
        md.append("- **Type:** ").append(orNone(in.type())).append('\n');
        md.append("- **Spec status:** ").append(orNone(in.status())).append('\n');
        List<Target> targets = in.outline().testingTargets();
        if (targets.isEmpty()) {
            md.append("- **Testing targets:** none stated in the spec\n");
        } else {
            md.append("- **Testing targets:**\n");
            for (Target t : targets) {
                md.append("  - ").append(t.label()).append(": ").append(t.value()).append('\n');
            }
        }
        md.append(
                "\nWork the tasks in order. Within each task, write the test-first items (T) before"
                        + " the implementation subtasks, and close it with its verification items"
                        + " (V).\n\n");
    }

    private static void relevantFiles(StringBuilder md, List<LayoutEntry> files) {
        md.append("## Relevant Files\n");
        if (files.isEmpty()) {
            md.append("The spec's File Organization lists no paths.\n\n");
            return;
        }
        for (LayoutEntry e : files) {
            md.append("- `").append(e.path()).append('`');
            if (!e.label().isEmpty()) {
                md.append(" - ").append(e.label());
            }
            if (e.conditional()) {
                md.append(" (conditional)");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void tasks(StringBuilder md, SpecOutline outline) {
        md.append("## Tasks\n");
        List<PlanStep> steps = outline.planSteps();
        if (steps.isEmpty()) {
            md.append(outline.noSteps()).append("\n\n");
            return;
        }
        List<Field> criteria = outline.verificationCriteria();
        int p = 0;
        for (PlanStep step : steps) {
            p++;
            boolean prerequisites = step.title().equalsIgnoreCase("Prerequisites");
            // a parent is done when every item under it is: the new verification items never are
            boolean done =
                    !step.items().isEmpty()
                            && step.items().stream().allMatch(ChecklistItem::checked)
                            && (prerequisites || criteria.isEmpty());
            md.append(box(done))
                    .append(TaskId.parent(p))
                    .append(' ')
                    .append(step.title())
                    .append('\n');
            if (wantsTestsFirst(step)) {
                int t = 0;
                for (ChecklistItem item : step.items()) {
                    if (!wantsFailingTest(item.text())) {
                        continue;
                    }
                    md.append("  ")
                            .append(box(item.checked()))
                            .append(TaskId.testFirst(p, ++t))
                            .append(" Write a failing test for: ")
                            .append(item.text())
                            .append('\n');
                }
            }
            int s = 0;
            for (ChecklistItem item : step.items()) {
                md.append("  ")
                        .append(box(item.checked()))
                        .append(TaskId.subtask(p, ++s))
                        .append(' ')
                        .append(item.text())
                        .append('\n');
            }
            if (!prerequisites) {
                int v = 0;
                for (Field f : criteria) {
                    if (FieldValues.plain(f.value()).isEmpty()) {
                        continue; // "Security Verification:" with nothing after it verifies nothing
                    }
                    md.append("  ")
                            .append(box(false))
                            .append(TaskId.verification(p, ++v))
                            .append(' ')
                            .append(f.label())
                            .append(": ")
                            .append(f.value())
                            .append('\n');
                }
            }
        }
        md.append('\n');
    }

    /**
     * Test-first items suit steps that build something, not set-up, the testing itself, or shipping
     * it.
     */
    private static boolean wantsTestsFirst(PlanStep step) {
        return !hasWordStarting(
                step.title(),
                List.of(
                        "prerequisite",
                        "setup",
                        "set up",
                        "preparation",
                        "test",
                        "validat",
                        "verif",
                        "deploy",
                        "release",
                        "rollout",
                        "documentation"));
    }

    /** Words that mark an item as work around the code (shipping, writing, deciding), not code. */
    private static final List<String> NOT_CODE =
            List.of(
                    "deploy",
                    "release",
                    "rollout",
                    "roll out",
                    "rollback plan",
                    "document",
                    "docs",
                    "readme",
                    "runbook",
                    "review",
                    "approv",
                    "sign-off",
                    "sign off",
                    "announce",
                    "communicat",
                    "stakeholder",
                    "training",
                    "preparation",
                    "prepare",
                    "monitor",
                    "alerting",
                    "dashboard",
                    "ticket",
                    "meeting",
                    "decide",
                    "decision",
                    "estimate",
                    "plan ");

    /** Words that make an item a test or a check already: a failing test for it says nothing. */
    private static final List<String> TESTS =
            List.of("test", "validat", "verif", "qa ", "benchmark", "e2e", "smoke");

    /**
     * Items that name no piece of work, only a heading's word ("Tests", "Implementation", "Misc"):
     * what a failing test would be for cannot be told.
     */
    private static final Set<String> HEADING_WORDS =
            Set.of(
                    "code",
                    "coding",
                    "implementation",
                    "implement",
                    "development",
                    "develop",
                    "build",
                    "changes",
                    "change",
                    "work",
                    "task",
                    "tasks",
                    "step",
                    "steps",
                    "misc",
                    "miscellaneous",
                    "other",
                    "others",
                    "etc",
                    "cleanup",
                    "clean up",
                    "refactor",
                    "refactoring",
                    "fixes",
                    "fix",
                    "none",
                    "n a",
                    "na");

    /**
     * Whether a plan item builds or changes code, so that a failing test can come first: not a
     * placeholder left in ({@code [Specific implementation step 1]}), a stand-in ({@code TBD}),
     * text without a word, a heading's word alone ({@code Tests}, {@code Implementation}), a test
     * or check itself ({@code Unit tests for the router}), nor work around the code (release, docs,
     * review).
     */
    static boolean wantsFailingTest(String itemText) {
        String text = itemText.strip();
        if (Placeholders.isBracketed(text) || StandIns.of(text) != null) {
            return false;
        }
        String words = words(text);
        if (words.isEmpty() || HEADING_WORDS.contains(words)) {
            return false;
        }
        return !hasWordStarting(text, TESTS) && !hasWordStarting(text, NOT_CODE);
    }

    /**
     * {@code text} lower-cased, every run of characters that are not letters or digits made one
     * space, trimmed: {@code **Tests:**} gives {@code tests}.
     */
    private static String words(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                gap = false;
                b.append(Character.toLowerCase(c));
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /**
     * Whether a word of {@code text} starts with one of {@code stems} (lower case; a stem may end
     * with a space or span two words): {@code review} is in "Review the API", not in "the preview
     * endpoint"; {@code test} is in "Tests" and "unit-tested", not in "latest".
     */
    private static boolean hasWordStarting(String text, List<String> stems) {
        String t = " " + words(text) + " ";
        for (String stem : stems) {
            if (t.contains(" " + words(stem) + (stem.endsWith(" ") ? " " : ""))) {
                return true;
            }
        }
        return false;
    }

    private static void gates(StringBuilder md, List<Criterion> criteria) {
        md.append("## Quality Gates\n");
        if (criteria.isEmpty()) {
            md.append("The spec's Success Criteria list no items.\n");
            return;
        }
        for (Criterion c : criteria) {
            md.append(box(c.item().checked()));
            if (!c.group().isEmpty()) {
                md.append(c.group()).append(": ");
            }
            md.append(c.item().text()).append('\n');
        }
    }

    private static String box(boolean checked) {
        return checked ? "- [x] " : "- [ ] ";
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "not set" : s;
    }
}
