package dev.specgate.cli.tasks;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TasksCommandTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    @Test
    void writesATaskListThatPassesCheck() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());

        CliRun run = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        assertThat(run.exitCode()).isZero();
        Path tasks = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        assertThat(run.out().strip()).isEqualTo(tasks.toString());
        String md = Files.readString(tasks);
        assertThat(md)
                .startsWith(
                        "# Task List: Webhook Retry Queue\n\n**Spec:** ["
                                + NAME
                                + "](../spec/"
                                + NAME
                                + ")\n")
                .contains("- **Type:** Architecture Change")
                .contains("  - Coverage target: 90%")
                .contains("- `tests/unit/webhook-retry-queue/` - Unit tests")
                .contains(
                        "- [ ] 1.0 Prerequisites\n  - [x] 1.1 Outbox table approved by the database guild\n")
                .contains(
                        "- [ ] 3.0 Core Implementation\n  - [ ] 3.0.T1 Write a failing test for: Outbox writer inside the payment transaction\n")
                .contains("  - [ ] 3.1 Outbox writer inside the payment transaction\n")
                .contains(
                        "  - [ ] 3.0.V2 Performance Verification: p99 payment latency under 400 ms with a failing merchant\n")
                .contains(
                        "## Quality Gates\n- [ ] Functional Success: All specified functionality implemented correctly\n");
        CliRun check = CliRun.of("check", root.toString(), "--today", "2026-11-25");
        assertThat(check.out())
                .isEqualTo("No problems found in 1 spec and 1 task list." + System.lineSeparator());
    }

    /**
     * A team's own template (YAML front matter, reviewers as a list, its own Rollout and Open
     * Questions, Draft -> In Review -> Approved -> Shipped) as a new user takes it: the Rollout
     * becomes the tasks (before: none), {@code done} and {@code progress} work on them, and with
     * {@code gates: {Shipped: [Rollout]}} the spec cannot ship with its rollout open (before: it
     * could).
     */
    @Test
    void aTeamTemplatesRolloutIsTheTaskListAndGatesShipped() throws Exception {
        Files.createDirectories(root.resolve("template"));
        Files.writeString(
                root.resolve("template/design-spec.md"),
                "---\ntitle: \"[Feature title]\"\nstatus: \"[Draft | In Review | Approved |"
                        + " Shipped]\"\nowner: \"[Owner name]\"\nreviewers:\n  - \"[First"
                        + " reviewer]\"\ncreated: YYYY-MM-DD\n---\n\n# [Feature title]\n\n"
                        + "## Summary\n\n[One paragraph.]\n\n## Rollout\n\n"
                        + "- [ ] Feature flag created\n- [ ] 100% of production traffic\n\n"
                        + "## Open Questions (optional)\n\n- [ ] [Question]\n");
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: template/design-spec.md\nspecs:\n  - docs/specs/*.md\n"
                        + "  - directives/tasks/*_task_*.md\n"
                        + "gates:\n  shipped: [rollout]   # the rollout done first\n");
        Path spec = Files.createDirectories(root.resolve("docs/specs")).resolve("webhooks.md");
        Files.writeString(
                spec,
                "---\r\ntitle: Webhook signing\r\nstatus: Approved\r\nowner: Ana Ruiz\r\n"
                        + "reviewers:\r\n  - Priya Raman\r\ncreated: 2026-11-20\r\n---\r\n\r\n"
                        + "# Webhook signing 🔏\r\n\r\n## Summary\r\n\r\n"
                        + "Header `Sig: t=[unix]` on every call.\r\n\r\n## 🚀 Rollout\r\n\r\n"
                        + "- [x] Feature flag created\r\n- [ ] 100% of production traffic\r\n"
                        + "\r\n## Open Questions\r\n\r\n- [x] Replay API? Not now.\r\n");

        CliRun tasks = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        assertThat(tasks.exitCode()).as(tasks.err()).isZero();
        Path list = root.resolve("docs/specs/2026-11-25_task_webhooks.md");
        assertThat(list)
                .content()
                .contains(
                        "## Tasks\r\n- [ ] 1.0 Rollout\r\n  - [x] 1.1 Feature flag created\r\n"
                                + "  - [ ] 1.2 100% of production traffic\r\n\r\n")
                .doesNotContain("Replay API");
        CliRun shipped = CliRun.of("status", spec.toString(), "Shipped", "--today", "2026-11-25");
        assertThat(shipped.exitCode()).isEqualTo(1);
        assertThat(shipped.err())
                .contains("Approved -> Shipped: 1 reason (the file is unchanged)")
                .contains("Rollout item 2.2 is not checked: 100% of production traffic");

        assertThat(CliRun.of("done", list.toString(), "1.2").exitCode()).isZero();
        assertThat(CliRun.of("progress", list.toString()).out()).contains("Tasks        2/3");
        assertThat(CliRun.of("done", spec.toString(), "2.2").exitCode()).isZero();
        assertThat(
                        CliRun.of("status", spec.toString(), "Shipped", "--today", "2026-11-25")
                                .exitCode())
                .isZero();
        assertThat(spec).content().contains("status: Shipped\r\n");
    }

    @Test
    void aWriteThatFailsLeavesNoTasksFolderItMadeBehind() throws Exception {
        // the task list's path (one longer than the spec's) fits in a path, the temporary file
        // written beside it first does not
        int under = "/directives/spec/".length() + NAME.length();
        Optional<Path> deep = SpecFixtures.folderOfLength(root, 4_093 - under);
        assumeTrue(deep.isPresent(), "needs a folder path of 4,000 characters");
        Path spec = writeSpec(deep.get(), NAME, cleanSpec());
        assertThat(spec.toString()).hasSize(4_093);

        CliRun run = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("specgate: cannot write ")
                .endsWith("2026-11-25_task_webhook-retry-queue.md: file name too long\n");
        assertThat(deep.get().resolve("directives/tasks")).doesNotExist();
        assertThat(spec).content().isEqualTo(cleanSpec());
    }

    /**
     * An empty box ({@code - [ ]} with nothing, or only a comment) makes no task: it would be a
     * task with no text, which the task list's own check reports. Left out and said on stderr by
     * its line; the others are numbered without a gap.
     */
    @Test
    void emptyChecklistItemsMakeNoTaskAndAreSaidOnStderr() throws Exception {
        Path spec =
                writeSpec(
                        root,
                        NAME,
                        cleanSpec()
                                .replace(
                                        "   - [ ] Outbox writer inside the payment transaction\n",
                                        "   - [ ] \n"
                                                + "   - [ ] Outbox writer inside the payment"
                                                + " transaction\n")
                                .replace(
                                        "- [ ] All specified functionality implemented correctly\n",
                                        "- [ ] All specified functionality implemented correctly\n"
                                                + "- [ ] <!-- to do -->\n")
                                .replace("\n", "\r\n"));

        CliRun run = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + spec
                                + ": lines 77, 224: 2 empty checklist items (a box with no text)"
                                + " make no task (task-empty reports them)\n");
        String md =
                Files.readString(
                        root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md"));
        assertThat(md)
                .contains("  - [ ] 3.1 Outbox writer inside the payment transaction\r\n")
                .doesNotContain("- [ ] 3.1 \r\n")
                .doesNotContain("to do");
        CliRun check =
                CliRun.of(
                        "check",
                        root.resolve("directives/tasks").toString(),
                        "--today",
                        "2026-11-25");
        assertThat(check.exitCode()).as(check.out()).isZero();
    }

    @Test
    void aCrlfSpecWithAByteOrderMarkGetsATaskListWrittenTheSameWayThatChecksCleanAndTicks()
            throws Exception {
        Path spec = writeSpec(root, NAME, "\uFEFF" + cleanSpec().replace("\n", "\r\n"));

        CliRun run = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path tasks = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        byte[] bytes = Files.readAllBytes(tasks);
        String md = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(md.substring(1)).startsWith("# Task List: Webhook Retry Queue\r\n\r\n");
        assertThat(md.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        CliRun check = CliRun.of("check", root.toString(), "--today", "2026-11-25");
        assertThat(check.out())
                .isEqualTo("No problems found in 1 spec and 1 task list." + System.lineSeparator());
        CliRun tick = CliRun.of("done", tasks.toString(), "1.3");
        assertThat(tick.exitCode()).as(tick.err()).isZero();
        assertThat(Files.readString(tasks))
                .startsWith("\uFEFF# Task List")
                .contains("  - [x] 1.3 Staging merchant simulator deployed\r\n");
    }

    @Test
    void aDecisionRecordsTaskListShowsTheStatusFromTheTemplatesStatusField() throws Exception {
        // MADR: the status stands in YAML front matter ('status: accepted'), the file has a BOM;
        // the MCP tasks tool makes the same task list (SpecToolsTest)
        Path from = Path.of("..", "specgate-core/src/test/resources/families/madr-full");
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = root.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path adr = root.resolve("docs/decisions/0004-sign-webhooks-with-ed25519.md");

        CliRun run = CliRun.of("tasks", adr.toString(), "--today", "2026-12-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path tasks =
                root.resolve("docs/decisions/2026-12-01_task_0004-sign-webhooks-with-ed25519.md");
        assertThat(run.out().strip()).isEqualTo(tasks.toString());
        assertThat(Files.readString(tasks))
                .contains(
                        "**Spec:** [0004-sign-webhooks-with-ed25519.md](0004-sign-webhooks-with-ed25519.md)")
                .contains("- **Spec status:** accepted\n");
        CliRun again = CliRun.of("tasks", tasks.toString(), "--today", "2026-12-01");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err())
                .contains(tasks + " is a task list, not a spec: give the spec it implements");
    }

    @Test
    void listCountsTaskListsApartAndFiltersThemByTheStatusItShows() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());
        CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        CliRun all = CliRun.of("list", root.toString(), "--today", "2026-11-25");
        CliRun tasks = CliRun.of("list", root.toString(), "--status", "Tasks");
        CliRun approved = CliRun.of("list", root.toString(), "--status", "approved");

        assertThat(all.out()).contains("  tasks  ").endsWith("1 spec and 1 task list.\n");
        assertThat(tasks.exitCode()).as(tasks.err()).isZero();
        assertThat(tasks.out())
                .contains("2026-11-25_task_webhook-retry-queue.md")
                .doesNotContain(NAME + "\n")
                .endsWith("1 task list.\n");
        assertThat(approved.out()).contains(NAME).endsWith("1 spec.\n");
    }

    @Test
    void aSpecNamedRelativelyGetsItsTaskListPathPrintedRelativelyToo() throws Exception {
        Path created =
                Files.createTempDirectory(Files.createDirectories(Path.of("target")), "tasks");
        Path project = Path.of("").toAbsolutePath().relativize(created.toAbsolutePath());
        writeSpec(project, NAME, cleanSpec());
        Path spec = project.resolve("directives/spec").resolve(NAME);

        CliRun run = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        CliRun again = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        assertThat(spec.isAbsolute()).isFalse();
        Path tasks = project.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        assertThat(run.out().strip()).isEqualTo(tasks.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err())
                .isEqualTo("specgate: " + tasks + " already exists; use --force to replace it\n");
    }

    @Test
    void testFirstItemsOnlyForItemsThatBuildCode() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());

        CliRun run = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        assertThat(run.exitCode()).isZero();
        String md =
                Files.readString(
                        root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md"));
        assertThat(md)
                .contains("Write a failing test for: Dispatcher loop with back-off and jitter")
                .doesNotContain("Write a failing test for: Production deployment preparation")
                .doesNotContain("Write a failing test for: Staging environment validation")
                .doesNotContain("Write a failing test for: Prepare test data")
                .contains("  - [ ] 5.3 Production deployment preparation\n");
    }

    @Test
    void aTaskListOrOtherMarkdownIsRefusedAsTheSpec() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());
        CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        Path taskList = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        Path readme = Files.writeString(root.resolve("README.md"), "# Notes\n\nNothing here.\n");

        CliRun ofTasks = CliRun.of("tasks", taskList.toString(), "--today", "2026-11-26");
        CliRun ofReadme = CliRun.of("tasks", readme.toString(), "--today", "2026-11-26");

        assertThat(ofTasks.exitCode()).isEqualTo(2);
        assertThat(ofTasks.err()).contains("is a task list, not a spec");
        assertThat(ofReadme.exitCode()).isEqualTo(2);
        assertThat(ofReadme.err()).contains("README.md is not a spec");
        try (var files = Files.list(root.resolve("directives/tasks"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .containsExactly("2026-11-25_task_webhook-retry-queue.md");
        }
        assertThat(root.resolve("README_task_notes.md")).doesNotExist();
    }

    @Test
    void neverOverwritesWithoutForce() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());
        Path tasks =
                Files.createDirectories(root.resolve("directives/tasks"))
                        .resolve("2026-11-25_task_webhook-retry-queue.md");
        Files.writeString(tasks, "# my own edits\n");

        CliRun refused = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("already exists").contains("--force");
        assertThat(tasks).content().isEqualTo("# my own edits\n");

        CliRun forced = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25", "--force");

        assertThat(forced.exitCode()).isZero();
        assertThat(tasks).content().startsWith("# Task List: Webhook Retry Queue");
        try (var left = Files.list(tasks.getParent())) {
            assertThat(left).hasSize(1);
        }
    }

    @Test
    void aBrokenSymbolicLinkAtTheListsNameIsNamedAndNotWrittenThroughWithForceToo()
            throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());
        Path tasks =
                Files.createDirectories(root.resolve("directives/tasks"))
                        .resolve("2026-11-25_task_webhook-retry-queue.md");
        Path gone =
                Path.of("..", "..", "archive", "tasks", "2026-11-25_task_webhook-retry-queue.md");
        try {
            Files.createSymbolicLink(tasks, gone);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }

        for (List<String> extra : List.of(List.<String>of(), List.of("--force"))) {
            List<String> args =
                    new java.util.ArrayList<>(
                            List.of("tasks", spec.toString(), "--today", "2026-11-25"));
            args.addAll(extra);
            CliRun refused = CliRun.of(args.toArray(String[]::new));

            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
            assertThat(refused.err())
                    .isEqualTo(
                            "specgate: "
                                    + tasks
                                    + " is a broken symbolic link (to "
                                    + gone
                                    + ", which does not exist); nothing was written (remove the"
                                    + " link, or restore the file it leads to and use --force to"
                                    + " replace it)\n");
            assertThat(Files.isSymbolicLink(tasks)).isTrue();
            assertThat(Files.readSymbolicLink(tasks)).isEqualTo(gone);
            assertThat(root.resolve("archive")).doesNotExist();
        }

        // the cure it names works: the link removed, the list is written in its place
        Files.delete(tasks);
        CliRun written = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(tasks).isRegularFile().content().startsWith("# Task List: Webhook Retry Queue");
    }

    /**
     * A task list that is a link to a file outside the project (a person's copy elsewhere) is not
     * written through, with --force neither: one line, in the words of MCP's tasks, exit 1, the
     * file it leads to byte for byte as it was. So is a tasks folder that is a link out of it.
     */
    @Test
    void aSymbolicLinkThatLeadsOutOfTheProjectIsNotWrittenThroughWithForceToo(
            @TempDir Path elsewhere) throws Exception {
        Path spec = writeSpec(root, NAME, "\uFEFF" + cleanSpec().replace("\n", "\r\n"));
        assertThat(CliRun.of("tasks", spec.toString(), "--today", "2026-11-25").exitCode())
                .isZero();
        Path tasks = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        Path outside = elsewhere.resolve("liste de tâches — copie.md");
        Files.move(tasks, outside);
        Files.writeString(
                outside,
                "\r\nNotes de Zoë : ne pas régénérer.\r\n",
                java.nio.file.StandardOpenOption.APPEND);
        try {
            Files.createSymbolicLink(tasks, outside);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        byte[] before = Files.readAllBytes(outside);

        for (List<String> extra : List.of(List.<String>of(), List.of("--force"))) {
            List<String> args =
                    new java.util.ArrayList<>(
                            List.of("tasks", spec.toString(), "--today", "2026-11-25"));
            args.addAll(extra);
            CliRun refused = CliRun.of(args.toArray(String[]::new));

            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err())
                    .isEqualTo(
                            "specgate: "
                                    + tasks
                                    + " is a link to "
                                    + outside.toRealPath()
                                    + ", outside the project root "
                                    + root
                                    + ": a task list is written only inside it (remove the link"
                                    + " to write it here); the file is unchanged\n");
            assertThat(outside).hasBinaryContent(before);
            assertThat(Files.isSymbolicLink(tasks)).isTrue();
        }

        // the tasks folder itself a link out of the project: nothing written there
        Files.delete(tasks);
        Path folder = tasks.getParent();
        Files.delete(folder);
        Files.createSymbolicLink(folder, elsewhere);
        CliRun refused = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25", "--force");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
        assertThat(refused.err())
                .isEqualTo(
                        "specgate: "
                                + tasks
                                + " would be written through a link to "
                                + elsewhere.toRealPath().resolve(tasks.getFileName())
                                + ", outside the project root "
                                + root
                                + ": a task list is written only inside it (remove the link to"
                                + " write it here); nothing was written\n");
        try (var held = Files.list(elsewhere)) {
            assertThat(held).containsExactly(outside);
        }

        // the cure it names works: the link removed, the list is written in the project
        Files.delete(folder);
        CliRun written = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(tasks).isRegularFile();
        assertThat(outside).hasBinaryContent(before);
    }

    /**
     * A project whose whole directives/ folder is a link to a shared docs repository (the spec is
     * edited through it by status, approve and check --fix): the task list goes beside its spec
     * there, as it did before links out of the project were refused. A link below that folder, at
     * the list's name, that leads anywhere else is still refused, with --force too.
     */
    @Test
    void aDirectivesFolderThatIsALinkGetsItsTaskListBesideTheSpec(@TempDir Path shared)
            throws Exception {
        Path project = Files.createDirectories(root.resolve("app"));
        Path docs = Files.createDirectories(shared.resolve("docs partagés/directives"));
        Path realSpec =
                writeSpec(docs.getParent(), NAME, "\uFEFF" + cleanSpec().replace("\n", "\r\n"));
        try {
            Files.createSymbolicLink(project.resolve("directives"), docs);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        Path spec = project.resolve("directives/spec").resolve(NAME);

        CliRun run = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        Path written = docs.resolve("tasks/2026-11-25_task_webhook-retry-queue.md");
        assertThat(written)
                .isRegularFile()
                .content()
                .startsWith("\uFEFF# Task List: Webhook Retry Queue\r\n");
        assertThat(realSpec).isRegularFile();

        // a link at the list's name that leads out of the shared folder is not written through
        Path elsewhere = Files.createDirectories(shared.resolve("notes"));
        Path copy = Files.writeString(elsewhere.resolve("copie.md"), "# Notes de Zoë\r\n");
        Files.delete(written);
        Files.createSymbolicLink(written, copy);
        CliRun refused = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25", "--force");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
        assertThat(refused.err())
                .isEqualTo(
                        "specgate: "
                                + project.resolve(
                                        "directives/tasks/2026-11-25_task_webhook-retry-queue.md")
                                + " is a link to "
                                + copy.toRealPath()
                                + ", outside the project root "
                                + project
                                + ": a task list is written only inside it (remove the link to"
                                + " write it here); the file is unchanged\n");
        assertThat(copy).hasContent("# Notes de Zoë\r\n");
    }

    @Test
    void forceKeepsTheTicksOfItemsStillThereAndNamesTheOnesDropped() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());
        Path tasks = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        assertThat(CliRun.of("tasks", spec.toString(), "--today", "2026-11-25").exitCode())
                .isZero();
        String generated = Files.readString(tasks);
        List<String> lines = new java.util.ArrayList<>(generated.lines().toList());
        int t = indexOf(lines, ".T1 ");
        int v = indexOf(lines, ".V1 ");
        int changed = indexOf(lines, ".V2 ");
        String tId = lines.get(t).trim().split(" ")[3];
        String changedId = lines.get(changed).trim().split(" ")[3];
        lines.set(t, lines.get(t).replace("[ ]", "[x]"));
        lines.set(v, lines.get(v).replace("[ ]", "[x]"));
        lines.set(changed, lines.get(changed).replace("[ ]", "[x]") + " (as first worded)");
        Files.writeString(tasks, String.join("\n", lines) + "\n");

        CliRun forced = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25", "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.err())
                .isEqualTo(
                        "specgate: 2 ticks carried over from the replaced task list; 1 tick"
                                + " dropped (the item is gone or its id or text changed): "
                                + changedId
                                + "\n");
        List<String> after = Files.readString(tasks).lines().toList();
        assertThat(after.get(t)).contains("- [x] " + tId + " ");
        assertThat(after.get(v)).contains("- [x] ");
        assertThat(after.get(changed)).contains("- [ ] " + changedId + " ");
        // nothing else differs from a fresh list
        assertThat(Files.readString(tasks))
                .isEqualTo(
                        generated
                                .replace(generated.lines().toList().get(t), after.get(t))
                                .replace(generated.lines().toList().get(v), after.get(v)));
    }

    @Test
    void forceNamesTheOpenItemsWrittenByHandThatTheNewListDrops() throws Exception {
        // a team adds its own items to the list (a subtask under 3.0, an unnumbered reminder);
        // tasks --force rewrote the list from the spec and lost them without a word, as open
        // items carry no tick to report
        byte[] crlf =
                ("\uFEFF" + cleanSpec().replace("\n", "\r\n"))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path spec = writeSpec(root, NAME, crlf);
        Path tasks = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        assertThat(CliRun.of("tasks", spec.toString(), "--today", "2026-11-25").exitCode())
                .isZero();
        String generated = Files.readString(tasks);
        String lastSubtask =
                generated
                        .lines()
                        .filter(l -> l.startsWith("  - [ ] 3."))
                        .filter(l -> !l.contains(".T") && !l.contains(".V"))
                        .reduce((a, b) -> b)
                        .orElseThrow();
        String next = "3." + (Integer.parseInt(lastSubtask.trim().split(" ")[3].substring(2)) + 1);
        String edited =
                generated
                        .replace(
                                lastSubtask + "\r\n",
                                lastSubtask
                                        + "\r\n  - [ ] "
                                        + next
                                        + " Dashboard für Zürich: retries by merchant [p95]\r\n")
                        .replace(
                                "## Quality Gates\r\n",
                                "## Quality Gates\r\n- [ ] Ask Anaïs for the bank's test slot\r\n");
        Files.writeString(tasks, edited);

        CliRun forced = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25", "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.err())
                .isEqualTo(
                        "specgate: 0 ticks carried over from the replaced task list; 2 open items"
                                + " dropped (written in the list by hand, or gone from the spec;"
                                + " the list is made from the spec, so write in the spec what is"
                                + " to stay): "
                                + next
                                + ", 'Ask Anaïs for the bank's test slot'\n");
        assertThat(Files.readString(tasks)).isEqualTo(generated);
    }

    @Test
    void aSpecTheConfigurationLeavesOutAndItsListAreSaidNotToBeChecked() throws Exception {
        // a spec kept in notes/, outside specs:; status, progress and next refuse it, scaffold
        // says it is not checked; tasks wrote a list beside it, which check never sees, silently
        Files.writeString(
                root.resolve(".specgate.yml"),
                "version: 1\ntemplate: rigour-vibe\nspecs:\n  - directives/spec/**/*.md\n"
                        + "  - directives/tasks/**/*_task_*.md\n");
        Path spec = root.resolve("notes/" + NAME);
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, cleanSpec().replace("\n", "\r\n"));

        CliRun run = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        Path list = root.resolve("notes/2026-11-25_task_webhook-retry-queue.md");
        Path config = root.resolve(".specgate.yml");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(list.toString());
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + spec
                                + " is not checked: no specs: glob matches notes/"
                                + NAME
                                + " in "
                                + config
                                + "\nspecgate: "
                                + list
                                + " is not checked: no specs: glob matches"
                                + " notes/2026-11-25_task_webhook-retry-queue.md in "
                                + config
                                + "\n");
    }

    private static int indexOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + needle);
    }

    @Test
    void aSecondRunOnAnotherDayFindsTheSpecsListByItsLinkAndRefuses() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec().replace("\n", "\r\n"));
        Path first = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        assertThat(CliRun.of("tasks", spec.toString(), "--today", "2026-11-25").exitCode())
                .isZero();
        // a hand edit the second run must not lose, and another spec's list beside it
        Files.writeString(first, Files.readString(first).replace("- [ ] 3.1 ", "- [x] 3.1 "));
        String edited = Files.readString(first);
        Path other =
                writeSpec(
                        root,
                        "2026-10-03_spec_ledger-export.md",
                        cleanSpec().replace("Webhook Retry Queue", "Ledger Export"));
        assertThat(CliRun.of("tasks", other.toString(), "--today", "2026-11-30").exitCode())
                .isZero();

        CliRun again = CliRun.of("tasks", spec.toString(), "--today", "2026-12-01");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().strip())
                .isEqualTo(
                        "specgate: "
                                + first
                                + " is already the task list of "
                                + spec
                                + "; use --force to replace it (nothing changed)");
        assertThat(first).content().isEqualTo(edited);
        try (var lists = Files.list(first.getParent())) {
            assertThat(lists).hasSize(2);
        }

        // --force replaces that list where it is: still one list for the spec, the hand tick kept
        CliRun forced = CliRun.of("tasks", spec.toString(), "--today", "2026-12-01", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out().strip()).isEqualTo(first.toString());
        assertThat(forced.err())
                .isEqualTo("specgate: 1 tick carried over from the replaced task list\n");
        assertThat(first)
                .content()
                .contains("**Created:** 2026-12-01")
                .contains("- [x] 3.1 ")
                .contains("\r\n");
        try (var lists = Files.list(first.getParent())) {
            assertThat(lists).hasSize(2);
        }
    }

    /**
     * Two specs whose names clean to the same slug ({@code Über+Export} and {@code uber-export})
     * get the same list name on the same day: the second spec's run is refused, with --force too,
     * naming the spec the list belongs to; the list is left byte for byte, and its own spec's
     * --force still replaces it. Before, --force wrote the second spec's tasks over the first's.
     */
    @Test
    void anotherSpecsListAtTheSameNameIsNeverOverwritten() throws Exception {
        Path first =
                writeSpec(
                        root,
                        "2026-10-02_spec_uber-export.md",
                        cleanSpec()
                                .replace("Webhook Retry Queue", "Über Export")
                                .replace("\n", "\r\n"));
        Path second =
                writeSpec(
                        root,
                        "2026-10-02_spec_Über+Export.md",
                        cleanSpec().replace("Webhook Retry Queue", "Über+Export (v2)"));
        Path list = root.resolve("directives/tasks/2026-11-25_task_uber-export.md");
        assertThat(CliRun.of("tasks", first.toString(), "--today", "2026-11-25").exitCode())
                .isZero();
        Files.writeString(list, Files.readString(list).replace("- [ ] 3.1 ", "- [x] 3.1 "));
        byte[] written = Files.readAllBytes(list);

        for (String[] extra : new String[][] {{}, {"--force"}}) {
            List<String> args =
                    new java.util.ArrayList<>(
                            List.of("tasks", second.toString(), "--today", "2026-11-25"));
            args.addAll(List.of(extra));
            CliRun refused = CliRun.of(args.toArray(String[]::new));

            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err())
                    .isEqualTo(
                            "specgate: "
                                    + list
                                    + " is the task list of "
                                    + first
                                    + " (its Spec link), not of "
                                    + second
                                    + ", whose name gives the same list name: rename one of the"
                                    + " two specs so that their slugs differ (nothing changed;"
                                    + " --force does not replace another spec's list)\n");
            assertThat(Files.readAllBytes(list)).isEqualTo(written);
        }
        try (var lists = Files.list(list.getParent())) {
            assertThat(lists).containsExactly(list);
        }

        CliRun own = CliRun.of("tasks", first.toString(), "--today", "2026-11-25", "--force");
        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(list).content().contains("- [x] 3.1 ").contains("Über Export");
    }

    /**
     * A list named by hand after this spec (a copy of another spec's list, CRLF, non-ASCII title)
     * whose Spec link still names the other spec: refused, with --force too, naming the other
     * spec's own list when it has one, or the name to rename it to when not. It was told to rename
     * one of two specs "so that their slugs differ", which they already do.
     */
    @Test
    void aHandNamedListLinkingAnotherSpecIsRefusedWithAdviceThatFits() throws Exception {
        Path payout =
                writeSpec(
                        root,
                        "2026-10-02_spec_payout-ledger.md",
                        cleanSpec().replace("Webhook Retry Queue", "Auszahlungs-Ledger"));
        Path refund =
                writeSpec(
                        root,
                        "2026-10-02_spec_refund-keys.md",
                        cleanSpec()
                                .replace("Webhook Retry Queue", "Refund keys")
                                .replace("\n", "\r\n"));
        assertThat(CliRun.of("tasks", payout.toString(), "--today", "2026-11-25").exitCode())
                .isZero();
        Path theirs = root.resolve("directives/tasks/2026-11-25_task_payout-ledger.md");
        Path copy = root.resolve("directives/tasks/2026-11-25_task_refund-keys.md");
        Files.copy(theirs, copy);
        byte[] written = Files.readAllBytes(copy);

        for (String[] extra : new String[][] {{}, {"--force"}}) {
            List<String> args =
                    new java.util.ArrayList<>(
                            List.of("tasks", refund.toString(), "--today", "2026-11-25"));
            args.addAll(List.of(extra));
            CliRun refused = CliRun.of(args.toArray(String[]::new));

            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
            assertThat(refused.err())
                    .isEqualTo(
                            "specgate: "
                                    + copy
                                    + " is the task list of "
                                    + payout
                                    + " (its Spec link), not of "
                                    + refund
                                    + ", though it has "
                                    + refund
                                    + "'s list name: "
                                    + payout
                                    + "'s list is "
                                    + theirs
                                    + ": remove "
                                    + copy
                                    + " if it is a copy, or if it is "
                                    + refund
                                    + "'s list, make its Spec link name "
                                    + refund
                                    + " (nothing changed; --force does not replace another"
                                    + " spec's list)\n");
            assertThat(Files.readAllBytes(copy)).isEqualTo(written);
        }

        Files.move(theirs, root.resolve("directives/tasks/old.txt"));
        CliRun moved = CliRun.of("tasks", refund.toString(), "--today", "2026-11-25");
        assertThat(moved.exitCode()).as(moved.err()).isEqualTo(1);
        assertThat(moved.err())
                .contains(
                        "'s list name: rename it 2026-11-25_task_payout-ledger.md, "
                                + payout
                                + "'s list name, or if it is "
                                + refund
                                + "'s list, make its Spec link name "
                                + refund);
    }

    /**
     * A file at the list's name that cannot be read (UTF-16 here): whose list it is cannot be told,
     * so nothing is written, with --force too, and the command says so with the cause, exit 2 as
     * for an unreadable spec (an input error, README's table). Before, it said "cannot read the
     * task list PATH to see which spec it implements", PATH absolute however the spec was named,
     * not that it stands at this spec's list name; and before that, "already exists; use --force",
     * exit 1, and --force then failed on it.
     */
    @Test
    void anUnreadableFileAtTheListsNameIsAnInputErrorNamingItsCause() throws Exception {
        writeSpec(root, NAME, ("\uFEFF" + cleanSpec()).replace("\n", "\r\n"));
        Path tasks = Files.createDirectories(root.resolve("directives/tasks"));
        Path list = tasks.resolve("2026-11-25_task_webhook-retry-queue.md");
        byte[] utf16 =
                "# Task List: Webhook Retry Queue\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_16);
        Files.write(list, utf16);
        String spec = root.resolve("directives/spec/" + NAME).toString();
        String shown = list.toString();

        for (String[] extra : new String[][] {{}, {"--force"}}) {
            List<String> args =
                    new java.util.ArrayList<>(List.of("tasks", spec, "--today", "2026-11-25"));
            args.addAll(List.of(extra));
            CliRun refused = CliRun.of(args.toArray(String[]::new));

            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err())
                    .isEqualTo(
                            "specgate: "
                                    + shown
                                    + " is at the spec's task list name but cannot be read, so"
                                    + " whose list it is cannot be told: UTF-16 text (its byte"
                                    + " order mark says so), not UTF-8: save it as UTF-8; nothing"
                                    + " was written\n");
            assertThat(Files.readAllBytes(list)).isEqualTo(utf16);
        }
    }

    /**
     * A list whose Spec link leads nowhere (its spec moved to another folder since, as here, or was
     * deleted) is no other spec's: the spec whose name gives the list's name replaces it with
     * --force, as before the rule for another spec's list, and is told to use --force without it.
     * It was refused as "the task list of" the missing file, with the advice to rename one of two
     * specs of which only one is there.
     */
    @Test
    void aListWhoseSpecLinkLeadsNowhereIsReplacedWithForce() throws Exception {
        Path spec =
                writeSpec(
                        root,
                        "2026-10-02_spec_webhook-retry-queue.md",
                        ("\uFEFF" + cleanSpec()).replace("\n", "\r\n"));
        Path list = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        assertThat(CliRun.of("tasks", spec.toString(), "--today", "2026-11-25").exitCode())
                .isZero();
        assertThat(list).content().contains("(../spec/2026-10-02_spec_webhook-retry-queue.md)");
        Path moved =
                Files.move(
                        spec,
                        Files.createDirectories(root.resolve("directives/spec/shipped"))
                                .resolve(spec.getFileName()));

        CliRun plain = CliRun.of("tasks", moved.toString(), "--today", "2026-11-25");
        assertThat(plain.exitCode()).as(plain.err()).isEqualTo(1);
        assertThat(plain.err())
                .isEqualTo("specgate: " + list + " already exists; use --force to replace it\n");

        CliRun forced = CliRun.of("tasks", moved.toString(), "--today", "2026-11-25", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(list)
                .content()
                .contains("(../spec/shipped/2026-10-02_spec_webhook-retry-queue.md)");
    }

    @Test
    void theSpecStatusIsReadAsTheProjectsLifecycleReadsIt() throws Exception {
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: docs/adr/template.md\nspecs: [docs/adr/*.md]\n"
                        + "ignore: [docs/adr/template.md]\n");
        Path adr = Files.createDirectories(root.resolve("docs/adr"));
        Files.writeString(
                adr.resolve("template.md"),
                "---\nstatus: proposed | accepted | rejected | deprecated\ndate: YYYY-MM-DD\n"
                        + "deciders: [list everyone involved]\n---\n\n"
                        + "# ADR-{{number}}: [short title of solved problem]\n\n"
                        + "## Context and Problem Statement\n\n[Describe the context.]\n\n"
                        + "## Decision Outcome\n\nChosen option: \"[option 1]\".\n\n"
                        + "### Implementation Steps\n\n- [ ] [step 1]\n");
        Path spec = adr.resolve("0001-use-postgres.md");
        Files.writeString(
                spec,
                "\uFEFF---\r\nstatus: \"deprecated\"   # keep quoted\r\ndate: 2026-12-01\r\n"
                        + "deciders: [Ana, Bo]\r\n---\r\n\r\n"
                        + "# ADR-0001: Use Postgres for the ledger\r\n\r\n"
                        + "## Context and Problem Statement\r\n\r\n"
                        + "We need a ledger store. See `arr[0]`.\r\n\r\n"
                        + "## Decision Outcome\r\n\r\nChosen option: \"Postgres\".\r\n\r\n"
                        + "### Implementation Steps\r\n\r\n- [ ] Create the ledger schema\r\n");

        CliRun run = CliRun.of("tasks", spec.toString(), "--today", "2026-12-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String md = Files.readString(Path.of(run.out().strip()));
        // written as the spec is: CRLF, with a byte order mark
        assertThat(md)
                .startsWith("\uFEFF# Task List")
                .contains("- **Spec status:** deprecated\r\n");
    }

    @Test
    void doneNamesTheItemNextWouldNameAParentWithOpenSubtasksIsNotNext() throws Exception {
        // ticking a later subtask (out of order) while 1.3 is still open under 1.0: done's Next
        // line used to name the parent 1.0 Prerequisites, which next skips until 1.3 is ticked
        Path spec = writeSpec(root, NAME, cleanSpec());
        CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        String tasks =
                root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md").toString();

        // the first open subtask after 1.3: under 2.0 or later
        String later =
                Files.readString(Path.of(tasks))
                        .lines()
                        .filter(l -> l.startsWith("  - [ ] ") && !l.startsWith("  - [ ] 1."))
                        .map(l -> l.substring("  - [ ] ".length()).split(" ")[0])
                        .findFirst()
                        .orElseThrow();

        CliRun tick = CliRun.of("done", tasks, later);
        CliRun next = CliRun.of("next", tasks);

        assertThat(tick.exitCode()).as(tick.err()).isZero();
        assertThat(Files.readString(Path.of(tasks))).contains("  - [x] " + later + " ");
        assertThat(next.out()).startsWith("Next: 1.3 Staging merchant simulator deployed");
        assertThat(tick.out().lines().toList()).last().isEqualTo(next.out().strip());
    }

    @Test
    void doneByAStepsWholeTextTicksTheStepNotItsTestFirstItem() throws Exception {
        // the task list holds 'N.0.T1 Write a failing test for: STEP' beside 'N.1 STEP'
        Path spec = writeSpec(root, NAME, cleanSpec());
        CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        Path tasks = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        String md = Files.readString(tasks);
        java.util.regex.Matcher test =
                java.util.regex.Pattern.compile(
                                "(?m)^  - \\[ \\] (\\d+\\.0\\.T\\d+) Write a failing test for: (.+)$")
                        .matcher(md);
        assertThat(test.find()).as(md).isTrue();
        String step = test.group(2);

        CliRun tick = CliRun.of("done", tasks.toString(), step);

        assertThat(tick.exitCode()).as(tick.err()).isZero();
        assertThat(tick.out()).startsWith("Checked ").doesNotContain(".T");
        String after = Files.readString(tasks);
        assertThat(after)
                .contains("  - [ ] " + test.group(1) + " Write a failing test for: " + step + "\n")
                .containsPattern(
                        "(?m)^  - \\[x\\] \\d+\\.\\d+ "
                                + java.util.regex.Pattern.quote(step)
                                + "$");
        assertThat(after.length()).isEqualTo(md.length());
    }

    @Test
    void nextAndDoneWalkTheGeneratedTaskListInOrderAndListShowsItsSpec() throws Exception {
        Path spec = writeSpec(root, NAME, cleanSpec());
        CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        String tasks =
                root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md").toString();

        CliRun next = CliRun.of("next", tasks);
        CliRun early = CliRun.of("done", tasks, "1.0", "--in-order");
        CliRun tick = CliRun.of("done", tasks, "1.3", "--in-order");
        CliRun parent = CliRun.of("next", tasks, "--format", "json");
        CliRun list =
                CliRun.of("list", root.toString(), "--format", "json", "--today", "2026-11-25");

        assertThat(next.out()).startsWith("Next: 1.3 Staging merchant simulator deployed");
        assertThat(early.exitCode()).isEqualTo(1);
        assertThat(early.err()).contains("1.3 Staging merchant simulator deployed");
        assertThat(tick.exitCode()).isZero();
        assertThat(Files.readString(Path.of(tasks)))
                .contains("  - [x] 1.3 Staging merchant simulator deployed\n");
        assertThat(parent.out())
                .contains("\"id\" : \"1.0\"")
                .contains("\"text\" : \"Prerequisites\"");
        assertThat(list.out())
                .contains("\"kind\" : \"tasks\"")
                .contains(
                        "\"spec\" : \""
                                + root.resolve("directives/spec/" + NAME)
                                        .toString()
                                        .replace('\\', '/')
                                + "\"");
    }

    @Test
    void doneRefusesAnIdATaskListGivesTwoItemsLeavingTheFileAsItWas() throws Exception {
        // an agent's hand-numbered list: 1.1 twice (task-id-duplicate); 'done 1.1' ticked the
        // first and then said 'already checked' for the second, which no id could reach
        Path spec = writeSpec(root, NAME, cleanSpec());
        Path tasks =
                Files.createDirectories(root.resolve("directives/tasks"))
                        .resolve("2026-11-25_task_webhook-retry-queue.md");
        String text =
                "\uFEFF# Task List: Webhook Retry Queue\r\n\r\n**Spec:** ["
                        + NAME
                        + "](../spec/"
                        + NAME
                        + ")\r\n\r\n## Tasks\r\n- [ ] 1.0 Pr\u00e9requis\r\n"
                        + "  - [x] 1.1 Cr\u00e9er le d\u00e9p\u00f4t\r\n"
                        + "  - [ ] 1.1 Twice\r\n  - [ ] 1.2 Then\r\n";
        Files.write(tasks, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(spec).exists();

        CliRun twice = CliRun.of("done", tasks.toString(), "1.1");
        CliRun unique = CliRun.of("done", tasks.toString(), "1.2");

        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.out()).isEmpty();
        assertThat(twice.err().split("\\R"))
                .containsExactly(
                        "specgate: '1.1' is the id of 2 items in "
                                + tasks
                                + " (task-id-duplicate): number them apart, then tick one by its"
                                + " id (the file is unchanged)",
                        "  1.1 Cr\u00e9er le d\u00e9p\u00f4t (Tasks, line 7)",
                        "  1.1 Twice (Tasks, line 8)");
        assertThat(unique.exitCode()).as(unique.err()).isZero();
        assertThat(Files.readAllBytes(tasks))
                .isEqualTo(
                        text.replace("- [ ] 1.2 Then", "- [x] 1.2 Then")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aSpecLinkingAMissingTaskListOrPrdGetsAnError() throws Exception {
        String linking =
                cleanSpec()
                        .replace(
                                "## Executive Summary\n",
                                "## Executive Summary\nTasks: [task list](../tasks/2026-11-25_task_webhook-retry-queue.md),"
                                        + " product: [PRD](../prd/2026-09-30_prd_webhooks.md).\n");
        Path spec = writeSpec(root, NAME, linking);

        CliRun before = CliRun.of("check", spec.toString(), "--today", "2026-11-25");
        CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        CliRun after = CliRun.of("check", spec.toString(), "--today", "2026-11-25");

        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(before.out())
                .contains(
                        "error [link-broken] link target '../tasks/2026-11-25_task_webhook-retry-queue.md' does not exist")
                .contains(
                        "error [link-broken] link target '../prd/2026-09-30_prd_webhooks.md' does not exist");
        assertThat(after.out())
                .doesNotContain("_task_webhook-retry-queue.md' does not exist")
                .contains("'../prd/2026-09-30_prd_webhooks.md' does not exist");
    }

    @Test
    void aParentWhoseStepItemsAreAllDoneStaysOpenUntilItsVerificationItemsAre() throws Exception {
        String setUpDone =
                cleanSpec()
                        .replace(
                                "- [ ] Staging merchant simulator deployed",
                                "- [x] Staging merchant simulator deployed")
                        .replace(
                                "- [ ] Prepare test data and fixtures",
                                "- [x] Prepare test data and fixtures");
        Path spec = writeSpec(root, NAME, setUpDone);

        CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        Path tasks = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        CliRun next = CliRun.of("next", tasks.toString());

        assertThat(Files.readString(tasks))
                .contains("- [x] 1.0 Prerequisites\n")
                .contains(
                        "- [ ] 2.0 Setup & Preparation\n  - [x] 2.1 Set up development environment\n")
                .contains("  - [ ] 2.0.V1 ");
        assertThat(next.out()).startsWith("Next: 2.0.V1 ");
    }

    @Test
    void aSpecOutsideDirectivesGetsItsTaskListBesideItAndCheckStillSeesBoth() throws Exception {
        Path flat = Files.createDirectories(root.resolve("flat"));
        Path spec = Files.writeString(flat.resolve(NAME), cleanSpec());

        CliRun run = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        CliRun check = CliRun.of("check", flat.toString(), "--today", "2026-11-25");

        assertThat(run.exitCode()).isZero();
        Path tasks = flat.resolve("2026-11-25_task_webhook-retry-queue.md");
        assertThat(run.out().strip()).isEqualTo(tasks.toString());
        assertThat(Files.readString(tasks)).contains("**Spec:** [" + NAME + "](" + NAME + ")\n");
        assertThat(flat.resolve("directives")).doesNotExist();
        assertThat(check.out())
                .isEqualTo("No problems found in 1 spec and 1 task list." + System.lineSeparator());
    }

    @Test
    void aFileCreatedByTasksIsReadableByOthersAsAnyNewFile() throws Exception {
        assumeTrue(Files.getFileStore(root).supportsFileAttributeView("posix"), "POSIX");
        Path spec = writeSpec(root, NAME, cleanSpec());
        Path plain = Files.createFile(root.resolve("plain.txt"));
        assumeTrue(
                Files.getPosixFilePermissions(plain)
                        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                "a umask that lets others read new files");

        CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");

        Path tasks = root.resolve("directives/tasks/2026-11-25_task_webhook-retry-queue.md");
        assertThat(Files.getPosixFilePermissions(tasks))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
