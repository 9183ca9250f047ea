package dev.specgate.cli.history;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history --format json} writes every commit's date in one form, ISO 8601 with seconds and
 * offset. Found by a new-user trial: a commit made on the minute (a script's, a rebase's, one in
 * sixty) read {@code 2026-10-14T10:00Z} beside {@code 2026-12-07T11:11:02Z}, which a parser
 * expecting seconds refuses.
 */
class HistoryJsonDateTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path dir;

    @Test
    void everyDateHasItsSecondsAndOffset() throws Exception {
        String review =
                SpecFixtures.cleanSpec()
                        .replace("**Document Status:** Approved", "**Document Status:** Review")
                        .replace("\n", "\r\n");
        Path spec = SpecFixtures.writeSpec(dir, NAME, "\uFEFF" + review);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Zoë Ørsted", "2026-10-02", "Review"); // 10:00:00 UTC
            String text = Files.readString(spec, StandardCharsets.UTF_8);
            Files.writeString(
                    spec,
                    text.replace("**Document Status:** Review", "**Document Status:** Approved"),
                    StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            PersonIdent who =
                    new PersonIdent(
                            "Jean-Luc O'Brien",
                            "jl@example.com",
                            Instant.parse("2026-10-20T09:30:05Z"),
                            ZoneOffset.ofHours(2));
            git.commit()
                    .setAuthor(who)
                    .setCommitter(who)
                    .setMessage("By hand")
                    .setSign(false)
                    .call();
        }

        CliRun run = CliRun.of("history", spec.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode changes = new ObjectMapper().readTree(run.out()).at("/specs/0/changes");
        assertThat(changes.size()).isEqualTo(2);
        assertThat(changes.at("/0/date").asText()).isEqualTo("2026-10-02T10:00:00Z");
        assertThat(changes.at("/0/author").asText()).isEqualTo("Zoë Ørsted");
        assertThat(changes.at("/1/date").asText()).isEqualTo("2026-10-20T11:30:05+02:00");
        assertThat(changes.at("/1/to").asText()).isEqualTo("Approved");
    }
}
