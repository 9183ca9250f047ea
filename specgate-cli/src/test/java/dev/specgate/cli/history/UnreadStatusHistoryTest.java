package dev.specgate.cli.history;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history} of a spec whose status cannot be read in some commits: never a silent pass. Each
 * such commit is named with why, {@code --audit} does not say every move passed, and the exit code
 * says so, in text and JSON.
 */
class UnreadStatusHistoryTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path dir;

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** The clean spec (CRLF) with its status block written as a list, as a new user wrote it. */
    private Path listSpec(String status) {
        String text =
                SpecFixtures.cleanSpec()
                        .replaceAll("\\*\\*Approval:\\*\\* [^\n]*\n", "")
                        .replace("**Document Status:** Approved", "- Document Status: " + status)
                        .replace("**Last Updated:** 2026-10-20", "- Last Updated: 2026-10-20")
                        .replace("\n", "\r\n");
        return SpecFixtures.writeSpec(dir, NAME, text);
    }

    @Test
    void statusWrittenAsListItemsIsNamedInEveryCommitAndTheAuditIsNoPass() throws Exception {
        Path spec = listSpec("Draft");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02");
            replace(spec, "- Document Status: Draft", "- Document Status: Approved");
            commit(git, "Sam Okafor", "2026-10-09");
        }
        String s = spec.toString();

        CliRun audit = CliRun.of("history", s, "--audit");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(1);
        assertThat(audit.out())
                .doesNotContain("every move passed")
                .contains(
                        "Priya Raman  status not read: no '**Document Status:**' field: line 273"
                                + " '- Document Status: Draft' is a list item, which this template"
                                + " does not read as a field")
                .contains(
                        "Sam Okafor   status not read: no '**Document Status:**' field: line 273"
                                + " '- Document Status: Approved' is a list item")
                .contains("write '**Document Status:** Approved' instead")
                .contains(
                        "Audit: no move read skipped its gate, but the audit is incomplete. 2"
                                + " commits left the status unreadable (named above).\n");
        assertThat(audit.err())
                .contains("2 commits left the status unreadable")
                .contains("the audit is incomplete");

        CliRun plain = CliRun.of("history", s);
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.out()).contains("status not read: no '**Document Status:**' field");

        CliRun json = CliRun.of("history", s, "--audit", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode spec0 = new ObjectMapper().readTree(json.out()).at("/specs/0");
        assertThat(spec0.at("/changes").size()).isZero();
        assertThat(spec0.at("/unread").size()).isEqualTo(2);
        assertThat(spec0.at("/unread/0/author").asText()).isEqualTo("Priya Raman");
        assertThat(spec0.at("/unread/1/why").asText())
                .startsWith("no '**Document Status:**' field: line 273 '- Document Status:");
    }

    /** The clean spec (LF) as a Draft, committed by Priya Raman on 2026-10-02. */
    private Path committedDraft(Git git) throws Exception {
        String draft =
                SpecFixtures.cleanSpec()
                        .replaceAll("\\*\\*Approval:\\*\\* [^\n]*\n", "")
                        .replace("**Document Status:** Approved", "**Document Status:** Draft");
        Path spec = SpecFixtures.writeSpec(dir, NAME, draft);
        commit(git, "Priya Raman", "2026-10-02");
        return spec;
    }

    @Test
    void aCommitWithoutTheFieldOrWithAValueThatIsNoStatusIsNamed() throws Exception {
        Path spec;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            spec = committedDraft(git);
            replace(spec, "**Document Status:** Draft\n", "");
            commit(git, "Sam Okafor", "2026-10-05");
            replace(spec, "**Last Updated:**", "**Document Status:** Draft\n**Last Updated:**");
            commit(git, "Sam Okafor", "2026-10-06");
        }
        CliRun audit = CliRun.of("history", spec.toString(), "--audit");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(1);
        assertThat(audit.out())
                .contains("Sam Okafor   status not read: no '**Document Status:**' field\n")
                .doesNotContain("every move passed");
        assertThat(audit.err()).contains("1 commit left the status unreadable");
    }

    @Test
    void aCommitWithTheFieldLeftEmptyIsNamedSoWithOrWithoutTheAudit() throws Exception {
        Path spec;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            spec = committedDraft(git);
            replace(spec, "**Document Status:** Draft\n", "**Document Status:** \n");
            commit(git, "Sam Okafor", "2026-10-05");
            replace(spec, "**Document Status:** \n", "**Document Status:** Review\n");
            commit(git, "Zoë Müller", "2026-10-06");
        }
        for (String[] args :
                new String[][] {
                    {"history", spec.toString()}, {"history", spec.toString(), "--audit"}
                }) {
            CliRun run = CliRun.of(args);
            assertThat(run.out())
                    .as(String.join(" ", args))
                    .contains(
                            "Sam Okafor   status not read: its 'Document Status' field is empty\n")
                    .doesNotContain("Priya Raman  status not read")
                    .doesNotContain("Zoë Müller   status not read");
        }
    }
}
