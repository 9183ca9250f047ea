package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A path that is a symbolic link loop ({@code ln -s a b; ln -s b a}) is named as one, with the
 * links that go round: not as a broken link, not as a spec that is not there.
 */
class SymbolicLinkLoopTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String NL = System.lineSeparator();

    @TempDir Path root;

    private Path a;

    @BeforeEach
    void twoLinksToEachOther() throws IOException {
        a = root.resolve("a");
        Files.createSymbolicLink(a, Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
    }

    @Test
    void checkOnALoopSaysItIsALoop() {
        CliRun run = CliRun.of("check", a.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        "specgate: symbolic link loop: "
                                + a
                                + " (too many levels of symbolic links: "
                                + a
                                + " -> b -> a)"
                                + NL);
    }

    @Test
    void checkOnAPathThroughALoopSaysWhichLinksLoop() {
        Path through = a.resolve("directives/spec/" + NAME);

        CliRun run = CliRun.of("check", through.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: symbolic link loop: "
                                + through
                                + " (too many levels of symbolic links: "
                                + a
                                + " -> b -> a)"
                                + NL);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"next", "progress", "done", "status", "tasks", "scaffold"})
    void aCommandOnOneSpecThatIsALoopSaysItIsALoop(String command) {
        CliRun run =
                command.equals("done")
                        ? CliRun.of(command, a.toString(), "1.1")
                        : CliRun.of(command, a.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: symbolic link loop: "
                                + a
                                + " (too many levels of symbolic links: "
                                + a
                                + " -> b -> a)"
                                + NL);
    }

    @Test
    void aLoopAmongTheSpecsOfAFolderIsAnUnreadableFileNamingTheLoop() throws IOException {
        writeSpec(root, NAME, cleanSpec());
        Path spec = root.resolve("directives/spec");
        Path loop = spec.resolve("2026-10-03_spec_payout-ledger.md");
        Files.createSymbolicLink(loop, Path.of("2026-10-04_spec_ledger-export.md"));
        Files.createSymbolicLink(
                spec.resolve("2026-10-04_spec_ledger-export.md"), loop.getFileName());

        CliRun run = CliRun.of("check", root.toString(), "--today", "2026-11-25");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains(
                        "2026-10-03_spec_payout-ledger.md:1:1: error [unreadable-file] cannot check"
                                + " this file: symbolic link loop (too many levels of symbolic"
                                + " links: ")
                .contains(
                        " -> 2026-10-04_spec_ledger-export.md -> 2026-10-03_spec_payout-ledger.md)");
    }

    @Test
    void aLinkedSpecFolderIsCheckedAndADanglingLinkFailsTheCheck() throws IOException {
        writeSpec(root, NAME, cleanSpec());
        Path ext = Files.createDirectories(root.resolve("ext"));
        Files.writeString(
                ext.resolve("2026-10-05_spec_webhook-retry-admin.md"),
                cleanSpec()
                        .replace(NAME, "2026-10-05_spec_webhook-retry-admin.md")
                        .replace(
                                "A single unavailable merchant endpoint",
                                "A single [unavailable] merchant endpoint"));
        Path spec = root.resolve("directives/spec");
        Path linked = Files.createSymbolicLink(spec.resolve("linked"), Path.of("../../ext"));

        CliRun folder = CliRun.of("check", linked.toString(), "--today", "2026-11-25");
        assertThat(folder.exitCode()).as(folder.err()).isEqualTo(1);
        assertThat(folder.out())
                .contains("linked/2026-10-05_spec_webhook-retry-admin.md:")
                .contains("[placeholder-bracket]");

        Files.createSymbolicLink(
                spec.resolve("2026-10-16_spec_dangling.md"), root.resolve("nowhere/gone.md"));
        CliRun all = CliRun.of("check", root.toString(), "--today", "2026-11-25");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out())
                .contains(
                        "2026-10-16_spec_dangling.md:1:1: error [unreadable-file] cannot check"
                                + " this file: broken symbolic link")
                .contains("linked/2026-10-05_spec_webhook-retry-admin.md:")
                .contains("Checked 3 specs");
    }

    @Test
    void aBrokenLinkIsStillABrokenLink() throws IOException {
        Path gone = Files.createSymbolicLink(root.resolve("gone"), Path.of("nowhere"));

        CliRun check = CliRun.of("check", gone.toString());
        CliRun next = CliRun.of("next", gone.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err())
                .isEqualTo(
                        "specgate: broken symbolic link: "
                                + gone
                                + " (its target does not exist)"
                                + NL);
        assertThat(next.exitCode()).isEqualTo(2);
        assertThat(next.err())
                .isEqualTo(
                        "specgate: broken symbolic link: "
                                + gone
                                + " (its target does not exist)"
                                + NL);
    }
}
