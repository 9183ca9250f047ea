package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --changed-since REV} on a real repository made with JGit. */
class ChangedSinceTest {

    private static final String TODAY = "2026-11-25";
    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.org");

    @TempDir Path repo;
    private Git git;

    /** Five specs and a source file, committed and tagged v1. */
    @BeforeEach
    void firstCommit() throws Exception {
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        for (String slug : List.of("alpha", "bravo", "charlie", "delta", "echo")) {
            writeSpec(repo, name(slug), spec(slug, ""));
        }
        Path src = Files.createDirectories(repo.resolve("src/billing"));
        Files.writeString(src.resolve("Invoice.java"), "class Invoice {}\n");
        Files.writeString(src.resolve("Ledger.java"), "class Ledger {}\n");
        // charlie links to a source file, delta to the folder, echo to a file that will go
        writeSpec(
                repo,
                name("charlie"),
                spec("charlie", "See [the invoice](../../src/billing/Invoice.java#L1).\n"));
        writeSpec(repo, name("delta"), spec("delta", "Code in [billing](/src/billing/).\n"));
        writeSpec(
                repo, name("echo"), spec("echo", "See [ledger](../../src/billing/Ledger.java).\n"));
        commit("first");
        git.tag().setName("v1").setAnnotated(false).setSigned(false).call();
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void checksChangedSpecsAndSpecsLinkingToChangedFiles() throws Exception {
        writeSpec(repo, name("alpha"), spec("alpha", "One more committed line.\n"));
        commit("change alpha");
        Files.writeString(repo.resolve("src/billing/Invoice.java"), "class Invoice { int n; }\n");
        writeSpec(repo, name("foxtrot"), spec("foxtrot", ""));

        CliRun run = check("--changed-since", "v1");

        assertThat(run.exitCode()).isZero();
        assertThat(checked(run))
                .containsExactly(name("alpha"), name("charlie"), name("delta"), name("foxtrot"));
    }

    @Test
    void aDeletedLinkTargetSelectsTheSpecThatLinksToIt() throws Exception {
        Files.delete(repo.resolve("src/billing/Ledger.java"));

        CliRun run = check("--changed-since", "HEAD");

        assertThat(checked(run)).containsExactly(name("delta"), name("echo"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("link-broken");
    }

    @Test
    void stagedChangeAndCommitIdCount() throws Exception {
        String first = git.log().call().iterator().next().getName();
        writeSpec(repo, name("bravo"), spec("bravo", "Staged.\n"));
        git.add().addFilepattern("directives/spec/" + name("bravo")).call();

        CliRun run = check("--changed-since", first.substring(0, 10));

        assertThat(checked(run)).containsExactly(name("bravo"));
    }

    @Test
    void nothingChangedChecksNoSpecAndPasses() throws Exception {
        CliRun run = check("--changed-since", "main");

        assertThat(run.exitCode()).isZero();
        assertThat(checked(run)).isEmpty();
    }

    @Test
    void unknownRevisionAndNoRepositoryAreExitTwo(@TempDir Path elsewhere) {
        CliRun unknown = check("--changed-since", "no-such-branch");
        writeSpec(elsewhere, name("alpha"), spec("alpha", ""));
        CliRun noRepo =
                CliRun.of("check", elsewhere.toString(), "--changed-since", "HEAD", "--no-config");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown git revision 'no-such-branch'");
        assertThat(noRepo.exitCode()).isEqualTo(2);
        assertThat(noRepo.err()).contains("--changed-since needs a git repository");
    }

    /** A revision counted back past the first commit is no unknown name: the history is short. */
    @Test
    void aRevisionPastTheFirstCommitSaysHowLongTheHistoryIs() throws Exception {
        writeSpec(repo, name("alpha"), spec("alpha", "One more committed line.\n"));
        commit("second");
        String first = git.log().call().iterator().next().getParent(0).getId().abbreviate(8).name();

        CliRun past = check("--changed-since", "HEAD~2");
        CliRun tagged = check("--changed-since", "v1~1");

        assertThat(past.exitCode()).isEqualTo(2);
        assertThat(past.err().strip())
                .isEqualTo(
                        "specgate: 'HEAD~2' lies past the repository's first commit: HEAD's"
                                + " history has only 2 commits (the first is HEAD~1, "
                                + first
                                + ")");
        assertThat(tagged.exitCode()).isEqualTo(2);
        assertThat(tagged.err())
                .contains(
                        "'v1~1' lies past the repository's first commit: v1's history has only 1"
                                + " commit (the first is v1, "
                                + first
                                + ")");
        assertThat(check("--changed-since", "HEAD~1").exitCode()).isNotEqualTo(2);
    }

    private CliRun check(String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of("check", repo.toString(), "--today", TODAY, "--format", "json"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> checked(CliRun run) throws IOException {
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> names = new ArrayList<>();
        for (JsonNode f : json.get("files")) {
            String path = f.get("path").asText();
            names.add(path.substring(path.lastIndexOf('/') + 1));
        }
        return names;
    }

    private void commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
    }

    private static String name(String slug) {
        return "2026-10-02_spec_" + slug + ".md";
    }

    private static String spec(String slug, String extra) {
        return cleanSpec()
                .replace("2026-10-02_spec_webhook-retry-queue.md", name(slug))
                .replace("## Executive Summary\n", "## Executive Summary\n" + extra);
    }
}
