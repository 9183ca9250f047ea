package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files in the spec and tasks folders that read like a spec or a task list but are not taken (a
 * spec saved as {@code .txt}, a task list whose name lacks {@code _task_}) are said on stderr
 * whenever the search meets them, beside the specs it found and in every format: never a silent
 * pass. Images, sidecars, exports and left-over copies are let be. A search that finds only such
 * files finds nothing to check, and says what it met.
 */
class SkippedFilesTest {

    private static final String TODAY = "2026-11-25";
    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    private void strays() throws IOException {
        Files.writeString(
                root.resolve("directives/spec/2026-10-03_spec_export.txt"),
                "# Technical Specification: Export\r\n\r\nTBD\r\n",
                StandardCharsets.UTF_8);
        Files.write(root.resolve("directives/spec/diagram.png"), new byte[] {(byte) 0x89, 'P'});
        Files.writeString(root.resolve("directives/spec/kep.yaml"), "title: x\n");
        Files.writeString(root.resolve("directives/spec/" + NAME.replace(".md", ".html")), "<p>");
        Files.writeString(root.resolve("directives/spec/notes.bak"), "old notes\n");
        Files.writeString(root.resolve("directives/spec/" + NAME + ".bak"), "# old copy\n");
        Path tasks = Files.createDirectories(root.resolve("directives/tasks"));
        Files.writeString(tasks.resolve("2026-10-02_tasks_webhook-retry-queue.md"), "- [ ] 1 a\n");
        Files.writeString(tasks.resolve("README.md"), "Task lists of the team.\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "junit", "github"})
    void theyAreSaidBesideTheSpecsFoundInEveryFormat(String format) throws IOException {
        writeSpec(root, NAME, cleanSpec());
        strays();

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY, "--format", format);

        assertThat(check.exitCode()).isZero(); // a notice: the spec found is clean
        assertThat(check.err().lines())
                .containsExactly(
                        "specgate: "
                                + root
                                + "/directives/spec/"
                                + NAME
                                + ".bak is not checked: only Markdown files (.md, .markdown) are"
                                + " specs (a left-over copy: move it out of the spec folder; else"
                                + " rename it to .md)",
                        "specgate: "
                                + root
                                + "/directives/spec/2026-10-03_spec_export.txt is not checked: only"
                                + " Markdown files (.md, .markdown) are specs (rename it to .md if"
                                + " it is one)",
                        "specgate: "
                                + root
                                + "/directives/tasks/2026-10-02_tasks_webhook-retry-queue.md is"
                                + " not checked: only files whose name holds '_task_' are task"
                                + " lists in directives/tasks/ (name it YYYY-MM-DD_task_SLUG.md)");
        assertThat(check.out()).doesNotContain("2026-10-03_spec_export.txt");
    }

    /**
     * With no configuration, a file named on the command line is taken as a search of its folder
     * takes it: a README or a misnamed task list in directives/tasks/ is said left out (never
     * checked as a spec, with its 22 errors), a task list is checked as a task list.
     */
    @Test
    void aFileNamedInTheTasksFolderIsTakenAsTheSearchTakesIt() throws IOException {
        writeSpec(root, NAME, cleanSpec());
        strays();
        Path tasks = root.resolve("directives/tasks");
        Files.writeString(
                tasks.resolve("2026-10-02_task_webhook-retry-queue.md"),
                "# Task List: Webhook Retry Queue\n\n- [ ] 1.1 Add the queue table\n");

        CliRun readme =
                CliRun.of(
                        "check",
                        tasks.resolve("README.md").toString(),
                        "--today",
                        TODAY,
                        "--no-config");
        CliRun misnamed =
                CliRun.of(
                        "check",
                        tasks.resolve("2026-10-02_tasks_webhook-retry-queue.md").toString(),
                        "--today",
                        TODAY);
        CliRun list =
                CliRun.of(
                        "check",
                        tasks.resolve("2026-10-02_task_webhook-retry-queue.md").toString(),
                        tasks.resolve("README.md").toString(),
                        "--today",
                        TODAY);

        assertThat(readme.exitCode()).isEqualTo(2);
        assertThat(readme.out()).doesNotContain("section-missing");
        assertThat(readme.err().lines())
                .containsExactly(
                        "specgate: "
                                + tasks
                                + "/README.md is not checked: only files whose name holds '_task_'"
                                + " are task lists in directives/tasks/, and a search of the folder"
                                + " lets this one be",
                        "specgate: nothing to check: every file named is left out, as a search"
                                + " leaves it");
        assertThat(misnamed.exitCode()).isEqualTo(2);
        assertThat(misnamed.err())
                .contains(
                        "2026-10-02_tasks_webhook-retry-queue.md is not checked: only files whose"
                                + " name holds '_task_' are task lists in directives/tasks/ (name"
                                + " it YYYY-MM-DD_task_SLUG.md)");
        assertThat(list.out()).contains("1 task list").doesNotContain("section-missing");
        assertThat(list.err()).contains("README.md is not checked");
    }

    @ParameterizedTest
    @ValueSource(strings = {".md~", ".markdown~", ".MD~"})
    void anEditorsBackupOfASpecIsSaidWhicheverMarkdownExtensionItHad(String suffix)
            throws IOException {
        writeSpec(root, NAME, cleanSpec());
        String backup = NAME.replace(".md", suffix);
        Files.writeString(
                root.resolve("directives/spec/" + backup),
                "# Technical Specification: Webhook retry queue (an older copy)\n",
                StandardCharsets.UTF_8);

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.exitCode()).isZero();
        assertThat(check.err().lines())
                .containsExactly(
                        "specgate: "
                                + root
                                + "/directives/spec/"
                                + backup
                                + " is not checked: only Markdown files (.md, .markdown) are specs"
                                + " (a left-over copy: move it out of the spec folder; else rename"
                                + " it to .md)");
    }

    @Test
    void listSaysThemToo() throws IOException {
        writeSpec(root, NAME, cleanSpec());
        strays();

        CliRun list = CliRun.of("list", root.toString(), "--today", TODAY);

        assertThat(list.exitCode()).isZero();
        assertThat(list.err())
                .contains("2026-10-03_spec_export.txt is not checked")
                .contains("2026-10-02_tasks_webhook-retry-queue.md is not checked")
                .doesNotContain("diagram.png")
                .doesNotContain("README.md");
    }

    @Test
    void aSearchThatFindsOnlyThemFindsNothingToCheckAndNamesThem() throws IOException {
        Files.createDirectories(root.resolve("directives/spec"));
        strays();

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err())
                .contains("no specs found under " + root)
                .contains(
                        "; found directives/spec/2026-10-03_spec_export.txt, not read: only"
                                + " Markdown files (.md, .markdown) are specs (rename it to .md if"
                                + " it is one)")
                .contains(
                        "; found directives/tasks/2026-10-02_tasks_webhook-retry-queue.md, not"
                                + " read: only files whose name holds '_task_' are task lists");
    }

    @Test
    void inAProjectSetUpByInitTheyAreSaidAsWithoutAConfiguration() throws IOException {
        // init writes the default specs: globs out; the walk under globs said nothing of these
        assertThat(CliRun.of("init", root.toString(), "--today", TODAY).exitCode()).isZero();
        writeSpec(root, NAME, cleanSpec());
        strays();
        String upper = "2026-10-04_spec_audit-log.MD";
        Files.writeString(
                root.resolve("directives/spec/" + upper),
                "\uFEFF# Technical Specification: Audit log\r\n",
                StandardCharsets.UTF_8);

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.exitCode()).isZero();
        assertThat(check.err().lines())
                .containsExactly(
                        "specgate: "
                                + root
                                + "/directives/spec/"
                                + NAME
                                + ".bak is not checked: only Markdown files (.md, .markdown) are"
                                + " specs (a left-over copy: move it out of the spec folder; else"
                                + " rename it to .md)",
                        "specgate: "
                                + root
                                + "/directives/spec/2026-10-03_spec_export.txt is not checked: only"
                                + " Markdown files (.md, .markdown) are specs (rename it to .md if"
                                + " it is one)",
                        "specgate: "
                                + root
                                + "/directives/spec/"
                                + upper
                                + " is not checked: the specs: globs of the configuration take"
                                + " '2026-10-04_spec_audit-log.md', with its extension in lower"
                                + " case (rename it if it is one)",
                        "specgate: "
                                + root
                                + "/directives/tasks/2026-10-02_tasks_webhook-retry-queue.md is"
                                + " not checked: only files whose name holds '_task_' are task"
                                + " lists in directives/tasks/ (name it YYYY-MM-DD_task_SLUG.md)");
        assertThat(CliRun.of("list", root.toString(), "--today", TODAY).err())
                .contains("2026-10-03_spec_export.txt is not checked");
    }

    @Test
    void underGlobsOfItsOwnALeftOverCopyIsSaidAndATextFileElsewhereIsLetBe() throws IOException {
        Files.writeString(
                root.resolve(".specgate.yml"),
                "specs:\r\n  - docs/adr/*.md\r\nignore:\r\n  - docs/adr/old.md.bak\r\n");
        Path adr = Files.createDirectories(root.resolve("docs/adr"));
        Files.writeString(adr.resolve("0001-kafka.md"), "# ADR 1: Kafka\n\n## Context\nWe.\n");
        Files.writeString(adr.resolve("0001-kafka.md.orig"), "# ADR 1: Ledger für Zürich\n");
        Files.writeString(adr.resolve("old.md.bak"), "ignored on purpose\n");
        Files.writeString(adr.resolve("requirements.txt"), "mkdocs==1.6\n"); // no spec
        Path notes = Files.createDirectories(root.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "not meant as a spec\n");
        Files.writeString(notes.resolve("a.md.bak"), "# a copy elsewhere\n");

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.err().lines())
                .containsExactly(
                        "specgate: "
                                + root
                                + "/docs/adr/0001-kafka.md.orig is not checked: only Markdown"
                                + " files (.md, .markdown) are specs (a left-over copy: move it out"
                                + " of the spec folder; else rename it to .md)");
    }

    @Test
    void inAProjectSetUpByInitASearchThatFindsOnlyThemNamesThem() throws IOException {
        assertThat(CliRun.of("init", root.toString(), "--today", TODAY).exitCode()).isZero();
        strays();

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err())
                .contains("no specs found under " + root)
                .contains(
                        "; found directives/spec/2026-10-03_spec_export.txt, not read: only"
                                + " Markdown files (.md, .markdown) are specs (rename it to .md if"
                                + " it is one)");
    }

    /**
     * What an edit killed mid-way leaves beside the spec (its lock file, and its temporary file
     * when it was killed before the rename): the lock file is Specgate's own and is let be; the
     * temporary file is said for what it is, never as a copy to rename to .md (it may hold half the
     * new text).
     */
    @Test
    void whatAKilledEditLeftIsSaidForWhatItIs() throws IOException {
        writeSpec(root, NAME, cleanSpec());
        Path spec = root.resolve("directives/spec");
        Files.createFile(spec.resolve("." + NAME + ".specgate.lock"));
        Files.writeString(
                spec.resolve("." + NAME + ".8813020937129512291.specgate-tmp"),
                cleanSpec().substring(0, cleanSpec().length() / 2),
                StandardCharsets.UTF_8);

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.exitCode()).isZero(); // a notice: the spec is whole and clean
        assertThat(check.err().lines())
                .containsExactly(
                        "specgate: "
                                + spec
                                + "/."
                                + NAME
                                + ".8813020937129512291.specgate-tmp is not checked: a temporary"
                                + " file of a Specgate write, left by one that was stopped before"
                                + " it ended (killed, a crash); the file it was for is whole:"
                                + " delete it once no edit runs");
    }
}
