package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.freshDraft;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@code check} and {@code list} search a project: links to folders outside the spec folders
 * and folders {@code ignore:} covers are not walked (nor searched for nested configurations), one
 * file under two names is checked and fixed once, and a pipe or a device where a spec is looked for
 * is an unreadable-file error, never a silent pass.
 */
class SpecSearchTest {

    private static final String TODAY = "2026-11-25";
    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String CONFIG =
            "# the project's own\n"
                    + "specs:\n"
                    + "  - directives/spec/**/*.md\n"
                    + "ignore:\n"
                    + "  - scratch/\n";

    @TempDir Path root;

    @TempDir Path elsewhere;

    @Test
    void aSpecSavedAsDotMarkdownIsCheckedAndItsNameReportedNeverPassedOver() throws IOException {
        String markdown = "2026-10-02_spec_webhook-retry-queue.markdown";
        writeSpec(root, markdown, cleanSpec());

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);
        CliRun list = CliRun.of("list", root.toString(), "--today", TODAY);

        assertThat(check.err()).doesNotContain("no specs found");
        assertThat(check.exitCode()).isNotZero().isNotEqualTo(2);
        assertThat(check.out()).contains(markdown).contains("[file-name]");
        assertThat(list.err()).isEmpty();
        assertThat(list.out()).contains("Webhook Retry Queue");
    }

    @ParameterizedTest
    @ValueSource(strings = {".MD", ".markdown", ".Markdown"})
    void aSpecOfAnyMarkdownExtensionIsHeldToTheDateInItsName(String extension) throws IOException {
        String name = "2026-10-01_spec_webhook-retry-queue" + extension;
        Path spec = writeSpec(root, name, cleanSpec());

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out().lines().filter(l -> l.contains("[created-date]")))
                .containsExactly(
                        spec
                                + ":4:14: warning [created-date] 'Created' is 2026-10-02 but the"
                                + " file name says 2026-10-01");
    }

    @Test
    void aLinkedFolderOutsideTheSpecFoldersIsNotSearchedForConfigurations() throws IOException {
        Files.writeString(root.resolve(".specgate.yml"), CONFIG);
        writeSpec(root, NAME, cleanSpec());
        // another tool's checkout, linked in: its .specgate.yml is none of this project's
        Path tool = Files.createDirectories(elsewhere.resolve("some/tool"));
        Files.writeString(tool.resolve(".specgate.yml"), "rule: {}\n");
        Files.createSymbolicLink(root.resolve("vendor"), elsewhere);

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);
        CliRun list = CliRun.of("list", root.toString(), "--today", TODAY);

        assertThat(check.err()).isEmpty();
        assertThat(check.exitCode()).isZero();
        assertThat(check.out().strip()).isEqualTo("No problems found in 1 spec.");
        assertThat(list.err()).isEmpty();
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("Webhook Retry Queue");
    }

    @Test
    void withoutSpecsGlobsALinkedFolderOutsideDirectivesIsNotWalkedEither() throws IOException {
        Files.writeString(root.resolve(".specgate.yml"), "ignore: []\n");
        writeSpec(root, NAME, cleanSpec());
        Path tool = Files.createDirectories(elsewhere.resolve("some/tool"));
        Files.writeString(tool.resolve(".specgate.yml"), "rule: {}\n");
        // specs of another checkout, not linked where this project keeps specs
        Path foreign = Files.createDirectories(elsewhere.resolve("pkg/directives/spec"));
        Files.writeString(foreign.resolve("2026-01-01_spec_vendored.md"), "# Not ours\n");
        Files.createSymbolicLink(root.resolve("vendor"), elsewhere);

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.err()).isEmpty();
        assertThat(check.exitCode()).isZero();
        assertThat(check.out().strip()).isEqualTo("No problems found in 1 spec.");
    }

    @Test
    void aLinkedFolderInsideTheSpecFolderIsStillFollowed() throws IOException {
        Files.writeString(root.resolve(".specgate.yml"), CONFIG);
        writeSpec(root, NAME, cleanSpec());
        String shared = "2026-10-03_spec_export-audit-log.md";
        Files.writeString(elsewhere.resolve(shared), freshDraft(shared));
        Files.createSymbolicLink(root.resolve("directives/spec/shared"), elsewhere);

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.out()).contains("directives/spec/shared/" + shared);
    }

    @Test
    void aFolderIgnoreCoversIsNotWalkedSoItsUnreadableFoldersDoNotStopTheRun() throws IOException {
        Path unreadable = Path.of("/proc/1/map_files");
        assumeTrue(cannotList(unreadable), "needs a folder this user cannot list");
        Files.writeString(
                root.resolve(".specgate.yml"),
                "specs:\n  - \"**/*.md\"\nignore:\n  - scratch/\n  - root-link/\n");
        writeSpec(root, NAME, cleanSpec());
        Files.createSymbolicLink(root.resolve("root-link"), unreadable);
        Files.createDirectories(root.resolve("scratch"));
        Files.createSymbolicLink(root.resolve("scratch/proc"), unreadable);

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.err()).isEmpty();
        assertThat(check.exitCode()).isZero();
        assertThat(check.out().strip()).isEqualTo("No problems found in 1 spec.");
    }

    @Test
    void anUnreadableFolderWhereSpecsCouldBeIsStillAnError() throws IOException {
        Path unreadable = Path.of("/proc/1/map_files");
        assumeTrue(cannotList(unreadable), "needs a folder this user cannot list");
        Files.writeString(root.resolve(".specgate.yml"), CONFIG);
        writeSpec(root, NAME, cleanSpec());
        Files.createSymbolicLink(root.resolve("directives/spec/mapped"), unreadable);

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out())
                .contains("directives/spec/mapped")
                .contains("error [unreadable-file]")
                .contains("permission denied");
    }

    @Test
    void oneFileUnderTwoNamesIsCheckedAndFixedOnceUnderItsOwnName() throws IOException {
        String draft = "2026-12-01_spec_dup-spec.md";
        Path spec =
                writeSpec(
                        root,
                        draft,
                        freshDraft(draft)
                                .replace(
                                        "**Last Updated:** 2026-11-20",
                                        "**Last Updated:** 2026/11/21"));
        Path alias = root.resolve("directives/spec/2026-12-02_spec_dup-alias.md");
        Files.createSymbolicLink(alias, Path.of(draft));
        String specPath = spec.toString().replace('\\', '/');

        CliRun fix = CliRun.of("check", root.toString(), "--today", TODAY, "--fix");
        String fixed = Files.readString(spec);
        CliRun again = CliRun.of("check", root.toString(), "--today", TODAY, "--fix");

        assertThat(fix.err())
                .contains(
                        alias
                                + " is not checked again: it is the same file as "
                                + spec
                                + ", checked under that name")
                .contains(specPath + ":")
                .contains("fixed [field-date] '2026/11/21' -> '2026-11-21'")
                .doesNotContain("changed on disk")
                .doesNotContain("2026-12-02_spec_dup-alias.md:");
        assertThat(fix.out()).doesNotContain("dup-alias.md:");
        assertThat(fixed)
                .contains("**Last Updated:** 2026-11-21")
                .contains("`directives/spec/" + draft + "`");
        assertThat(Files.isSymbolicLink(alias)).isTrue();
        // a second run has nothing left to fix, and the file stays as the first left it
        assertThat(again.err()).doesNotContain("fixed [");
        assertThat(Files.readString(spec)).isEqualTo(fixed);
    }

    @Test
    void aPipeOrADeviceWhereSpecsAreIsAnUnreadableFileNeverASilentPass() throws Exception {
        writeSpec(root, NAME, cleanSpec());
        Path pipe = root.resolve("directives/spec/2026-12-02_spec_pipe.md");
        assumeTrue(mkfifo(pipe), "needs mkfifo");
        Path zero = root.resolve("directives/spec/2026-12-03_spec_zero.md");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);
        CliRun named = CliRun.of("check", pipe.toString(), "--today", TODAY);
        CliRun status = CliRun.of("status", pipe.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out())
                .contains(
                        pipe
                                + ":1:1: error [unreadable-file] cannot check this file: not a"
                                + " regular file (a device, pipe or socket)")
                .contains(
                        zero
                                + ":1:1: error [unreadable-file] cannot check this file: not a"
                                + " regular file (a device, pipe or socket)")
                .contains("3 specs");
        assertThat(named.exitCode()).isEqualTo(1);
        assertThat(named.out()).contains("not a regular file (a device, pipe or socket)");
        assertThat(status.err()).contains("not a regular file (a device, pipe or socket)");
    }

    private static boolean mkfifo(Path at) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", at.toString()).inheritIO().start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean cannotList(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(p -> {});
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }
}
