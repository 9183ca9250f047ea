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
}
