package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A check that finds some specs is no silent pass over the others: a project whose specs partly
 * live in {@code docs/design/} while its {@code specs:} globs take only {@code directives/spec/}
 * hears, once on stderr whatever the format, how many files lie where and the glob to add. The exit
 * code and every report on stdout are as before; files named on the command line, a README and a
 * CHANGELOG, and folders the globs take say nothing.
 */
class SpecsLeftOutTest {

    private static final String NOTICE =
            "specgate: found docs/design/ with 3 Markdown files where none is looked for: to check"
                    + " them, put 'docs/design/**/*.md' in the specs: globs of .specgate.yml";

    @TempDir Path root;

    /**
     * A project as teams have one: specs under {@code directives/spec/} that the configuration
     * takes, three design specs (CRLF, a BOM, non-ASCII) in {@code docs/design/} and one below it
     * that it does not, and a README, a CHANGELOG and a user guide that are no specs.
     */
    @BeforeEach
    void project() throws IOException {
        Files.writeString(
                root.resolve(".specgate.yml"),
                "# specs moved here in 2026; older ones still in docs\r\n"
                        + "specs:\r\n"
                        + "  - 'directives/spec/**/*.md'\r\n");
        write("directives/spec/2026-10-02_spec_webhook-retry-queue.md", cleanSpec());
        byte[] design =
                ("\uFEFF" + cleanSpec().replace("\r\n", "\n").replace("\n", "\r\n"))
                        .getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve("docs/design/archive"));
        Files.write(root.resolve("docs/design/retry-budget.md"), design);
        Files.write(root.resolve("docs/design/señal-routing.md"), design);
        Files.write(root.resolve("docs/design/archive/2019-queue.md"), design);
        write(
                "README.md",
                "# Billing\r\n\r\n> Specs live in `directives/spec/`.\r\n\r\n```sh\r\n"
                        + "specgate check [PATH]\r\n```\r\n");
        write("CHANGELOG.md", "# Changelog\n\n## [1.2.0] - 2026-11-01\n\n- Retry budget.\n");
        write("docs/guide/usage.md", "# Usage\n\n| Flag | Meaning |\n|---|---|\n| -v | loud |\n");
    }

    private void write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aTextCheckSaysOnceWhichSpecLikeFilesTheGlobsLeaveOut() {
        CliRun check = CliRun.of("check", "--today", "2026-11-25", root.toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("No problems found in 1 spec.");
        assertThat(check.err().strip()).isEqualTo(NOTICE);
    }

    @Test
    void theBuiltInLayoutSaysSoTooAndNamesNothingInItsOwnFolders() throws IOException {
        Files.delete(root.resolve(".specgate.yml"));
        // the built-in search's own folders: a spec (above) and a task list
        write(
                "directives/tasks/2026-11-21_task_webhook-retry-queue.md",
                "# Tasks\n\n**Spec:** [queue](../spec/2026-10-02_spec_webhook-retry-queue.md)\n");

        CliRun check = CliRun.of("check", "--today", "2026-11-25", root.toString());

        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("No problems found").contains("1 task list");
        assertThat(check.err().strip())
                .isEqualTo(
                        "specgate: found docs/design/ with 3 Markdown files where none is looked"
                                + " for: to check them, put 'docs/design/**/*.md' in the specs:"
                                + " globs of a new "
                                + root.resolve(".specgate.yml")
                                + " (specgate init "
                                + root
                                + " writes one)");
    }

    /**
     * A machine report is as before, and the notice is said on stderr all the same: the GitHub
     * Action runs {@code --format sarif --output FILE} (then {@code --format github}) and shows
     * that run's stderr in the job's log, so its users, who never run a text check, were never
     * told.
     */
    @ParameterizedTest
    @ValueSource(strings = {"json", "sarif", "junit", "github"})
    void aMachineReportIsAsBeforeAndTheNoticeIsOnStderr(String format) throws IOException {
        CliRun check =
                CliRun.of("check", "--today", "2026-11-25", "--format", format, root.toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).doesNotContain("docs/design");
        assertThat(check.err().strip()).isEqualTo(NOTICE);
        // as the action runs it: the report in its file, the notice in the log
        Path report = root.resolve("specgate." + format);
        CliRun written =
                CliRun.of(
                        "check",
                        "--today",
                        "2026-11-25",
                        "--format",
                        format,
                        "--output",
                        report.toString(),
                        root.toString());
        assertThat(written.exitCode()).isZero();
        assertThat(written.out()).isEmpty();
        assertThat(Files.readString(report)).isEqualTo(check.out());
        assertThat(written.err().strip()).isEqualTo(NOTICE);
    }

    @Test
    void filesNamedOnTheCommandLineSayNothingOfOthers() {
        CliRun check =
                CliRun.of(
                        "check",
                        "--today",
                        "2026-11-25",
                        root.resolve("directives/spec/2026-10-02_spec_webhook-retry-queue.md")
                                .toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.err()).isEmpty();
    }

    @Test
    void globsThatTakeEverySpecFolderSayNothingOfTheReadmeOrChangelog() throws IOException {
        Files.writeString(
                root.resolve(".specgate.yml"),
                "specs:\n  - 'directives/spec/**/*.md'\n  - 'docs/design/**/*.md'\n");

        CliRun check = CliRun.of("check", "--today", "2026-11-25", root.toString());

        assertThat(check.out()).contains("4 specs");
        assertThat(check.err()).isEmpty();
    }

    @Test
    void aFolderWithItsOwnConfigurationIsLeftToIt() throws IOException {
        Files.move(
                root.resolve("docs"),
                Files.createDirectories(root.resolve("billing")).resolve("docs"));
        Files.writeString(
                root.resolve("billing/.specgate.yml"), "specs:\n  - 'docs/design/**/*.md'\n");

        CliRun check = CliRun.of("check", "--today", "2026-11-25", root.toString());

        // the nested configuration's specs are checked under it, not left out (their names do
        // not follow the built-in convention: file-name findings, exit 1)
        assertThat(check.out())
                .contains("billing/docs/design/retry-budget.md:1:1: error [file-name]")
                .contains("Checked 4 specs");
        assertThat(check.err()).isEmpty();
    }
}
