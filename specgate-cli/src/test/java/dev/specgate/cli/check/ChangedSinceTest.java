package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    /**
     * A CI checkout of a pull request holds the branch it checked out and little else: the base
     * branch named as the docs name it ({@code origin/main}) may be missing, or present only as a
     * remote's ({@code main} is then unknown), and the clone may be shallow. Each says what to
     * fetch or to write, not only "unknown".
     */
    @Test
    void aBaseBranchTheCloneHasNotFetchedSaysWhatToFetch(@TempDir Path clones) throws Exception {
        git.branchCreate().setName("feature").call();
        git.checkout().setName("feature").call();
        writeSpec(repo, name("alpha"), spec("alpha", "A line on the branch.\n"));
        commit("on the branch");

        // a clone of the branch alone, as a pull request's checkout is: no origin/main
        Path pr = clones.resolve("pr");
        Git.cloneRepository()
                .setURI(repo.toUri().toString())
                .setDirectory(pr.toFile())
                .setBranchesToClone(List.of("refs/heads/feature"))
                .setBranch("refs/heads/feature")
                .call()
                .close();
        CliRun notFetched = checkIn(pr, "--changed-since", "origin/main");
        assertThat(notFetched.exitCode()).isEqualTo(2);
        assertThat(notFetched.err())
                .isEqualTo(
                        "specgate: unknown git revision 'origin/main': this clone has not fetched"
                                + " origin/main; fetch it with 'git fetch origin"
                                + " main:refs/remotes/origin/main'\n");

        // a whole clone has main as origin/main only
        Path whole = clones.resolve("whole");
        Git.cloneRepository()
                .setURI(repo.toUri().toString())
                .setDirectory(whole.toFile())
                .setBranch("refs/heads/feature")
                .call()
                .close();
        CliRun local = checkIn(whole, "--changed-since", "main");
        assertThat(local.exitCode()).isEqualTo(2);
        assertThat(local.err())
                .isEqualTo(
                        "specgate: unknown git revision 'main': this clone has no branch 'main',"
                                + " only the remote's origin/main: did you mean 'origin/main'?\n");
        assertThat(checkIn(whole, "--changed-since", "main~1").err())
                .contains("did you mean 'origin/main~1'?");
        CliRun remote = checkIn(whole, "--changed-since", "origin/main");
        assertThat(remote.exitCode()).isZero();
        assertThat(checked(remote)).containsExactly(name("alpha"));

        // the branch-only clone made shallow: it says so, and how CI fetches the rest
        String head;
        try (Git g = Git.open(pr.toFile())) {
            head = g.getRepository().resolve("HEAD").name();
        }
        Files.writeString(pr.resolve(".git/shallow"), head + "\n");
        String advice = checkIn(pr, "--changed-since", "origin/main").err();
        assertThat(advice)
                .contains(
                        "this clone has not fetched origin/main; fetch it with 'git fetch origin"
                                + " main:refs/remotes/origin/main' (this is a shallow clone, as CI"
                                + " checkouts are")
                .contains("fetch-depth: 0");
        CliRun tag = checkIn(pr, "--changed-since", "v0.9");
        assertThat(tag.exitCode()).isEqualTo(2);
        assertThat(tag.err())
                .startsWith("specgate: unknown git revision 'v0.9' in this shallow clone")
                .contains("git fetch --unshallow");
        assertThat(tag.err().strip()).doesNotContain("\n");
        // a name unknown everywhere in a whole clone stays plainly unknown
        assertThat(checkIn(whole, "--changed-since", "no-such-branch").err().strip())
                .isEqualTo(
                        "specgate: unknown git revision 'no-such-branch' (a commit, branch, tag"
                                + " or HEAD~N)");
    }

    /**
     * The fetch a clone made by {@code git clone --depth 1} is told to make, run as said, gives it
     * the revision: such a clone holds one branch, and a bare {@code git fetch origin main} fetches
     * into no {@code origin/main}, so the advice names where it goes.
     */
    @Test
    void theFetchAdvisedInAShallowCloneFetchesTheBranch(@TempDir Path clones) throws Exception {
        assumeTrue(git(clones, "--version").exitCode() == 0, "git is installed");
        git.branchCreate().setName("feature").call();
        git.checkout().setName("feature").call();
        writeSpec(repo, name("alpha"), spec("alpha", "A line on the branch.\n"));
        commit("on the branch");
        Path pr = clones.resolve("pr");
        assertThat(
                        git(
                                        clones,
                                        "clone",
                                        "-q",
                                        "--depth",
                                        "1",
                                        "--branch",
                                        "feature",
                                        repo.toUri().toString(),
                                        "pr")
                                .exitCode())
                .isZero();

        String err = checkIn(pr, "--changed-since", "origin/main").err();
        java.util.regex.Matcher advice =
                java.util.regex.Pattern.compile("'git (fetch [^']+)'").matcher(err);
        assertThat(advice.find()).as(err).isTrue();
        assertThat(git(pr, advice.group(1).split(" ")).exitCode()).isZero();

        CliRun fetched = checkIn(pr, "--changed-since", "origin/main");
        assertThat(fetched.err()).isEmpty();
        assertThat(fetched.exitCode()).isZero();
        assertThat(checked(fetched)).containsExactly(name("alpha"));
    }

    /** The git command line run in {@code dir}: its exit code. */
    private static CliRun git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .start();
            String out = new String(p.getInputStream().readAllBytes());
            return new CliRun(p.waitFor(), out, "");
        } catch (IOException e) {
            return new CliRun(127, "", e.getMessage());
        }
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

    private static CliRun checkIn(Path dir, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of("check", dir.toString(), "--today", TODAY, "--format", "json"));
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
