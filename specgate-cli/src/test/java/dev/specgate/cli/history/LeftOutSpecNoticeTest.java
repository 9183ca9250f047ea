package dev.specgate.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} and {@code history} of a file the configuration leaves out say so first, as {@code
 * check}, {@code status} and {@code progress} do, and then show what they read (they change
 * nothing).
 */
class LeftOutSpecNoticeTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    @Test
    void diffAndHistoryOfAnIgnoredSpecSayItIsNotChecked() throws Exception {
        Files.writeString(root.resolve(".specgate.yml"), "ignore:\n  - directives/spec/archive/\n");
        Path archive = Files.createDirectories(root.resolve("directives/spec/archive"));
        Path spec = Files.writeString(archive.resolve(NAME), SpecFixtures.cleanSpec());
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who =
                    new PersonIdent(
                            "Zoë Brandt",
                            "zoe@example.com",
                            Instant.parse("2026-10-02T10:00:00Z"),
                            ZoneOffset.UTC);
            git.commit().setAuthor(who).setCommitter(who).setMessage("Add").setSign(false).call();
        }
        Files.writeString(
                spec,
                Files.readString(spec)
                        .replace(
                                "## Executive Summary\n",
                                "## Executive Summary\n\nArchived after the 2026 review.\n"));

        CliRun history = CliRun.of("history", spec.toString());
        CliRun diff = CliRun.of("diff", spec.toString(), "--since", "HEAD");

        for (CliRun run : new CliRun[] {history, diff}) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err())
                    .startsWith("specgate: ")
                    .contains(NAME + " is not checked: an ignore: glob matches it");
        }
        assertThat(history.out()).contains("Zoë Brandt");
        assertThat(diff.out()).contains("Archived after the 2026 review.");
    }
}
