package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder under {@code directives/spec} that the search cannot enter is no spec: {@code check}
 * reports it as an unreadable-file error and counts it as a folder, not as a spec checked; {@code
 * list} lists the specs it found, names the folder on stderr and exits 2. The folder is one whose
 * path is too long for the system to open (what root cannot read either, unlike a {@code chmod 000}
 * folder): a chain of long names, made and unmade by renames whose own paths stay short.
 */
class UnsearchedFolderTest {

    private static final String TODAY = "2026-11-25";
    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";
    private static final int LEVELS = 18;
    private static final String LONG = "d".repeat(250);

    @TempDir Path root;

    private Path spec;

    /** Makes {@code directives/spec/d...d/.../d...d}, longer than a path the system opens. */
    private void tooDeepFolder() throws IOException {
        spec = root.resolve("directives/spec");
        Path shortChain = spec;
        for (int i = 0; i < LEVELS; i++) {
            shortChain = shortChain.resolve(String.valueOf(i));
        }
        Files.createDirectories(shortChain);
        for (int depth = LEVELS; depth > 0; depth--) { // the deepest first: each path stays short
            Path at = spec;
            for (int i = 0; i < depth - 1; i++) {
                at = at.resolve(String.valueOf(i));
            }
            Files.move(at.resolve(String.valueOf(depth - 1)), at.resolve(LONG));
        }
    }

    /** Gives the chain its short names back, top first, so that the temporary folder can go. */
    @AfterEach
    void shortNamesAgain() throws IOException {
        if (spec == null) {
            return;
        }
        Path at = spec;
        for (int i = 0; i < LEVELS; i++) {
            Path name = at.resolve(LONG);
            if (!Files.isDirectory(name)) {
                return;
            }
            Files.move(name, at.resolve(String.valueOf(i)));
            at = at.resolve(String.valueOf(i));
        }
    }

    private String unsearchedLine(String leftOut) {
        return Pattern.quote(root + "/directives/spec/")
                + "("
                + LONG
                + "/)+"
                + LONG
                + Pattern.quote(
                        ": cannot search this folder for specs: file name too long (specs in it are"
                                + " not "
                                + leftOut
                                + ")");
    }

    @Test
    void checkCountsTheFolderAsAFolderNotAsASpec() throws IOException {
        writeSpec(root, NAME, cleanSpec());
        tooDeepFolder();

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.exitCode()).isEqualTo(1);
        String[] lines = check.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0].replace(":1:1: error [unreadable-file]", ":"))
                .matches(unsearchedLine("checked"));
        assertThat(lines[1])
                .isEqualTo(
                        "Checked 1 spec: 1 error, 0 warnings in 1 folder that could not be"
                                + " searched.");
    }

    @Test
    void checkWithFindingsCountsFilesAndFoldersApart() throws IOException {
        writeSpec(root, NAME, cleanSpec().replace("**Created:** ", "**Created:** 2026-10-01 x"));
        tooDeepFolder();

        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out().strip())
                .endsWith(" in 1 file and 1 folder that could not be searched.")
                .contains("\nChecked 1 spec: ");
    }

    @Test
    void jsonCountsTheFolderApartFromTheFilesAsTheTextSummaryDoes() throws IOException {
        writeSpec(root, NAME, cleanSpec());
        tooDeepFolder();

        CliRun json = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "json");

        assertThat(json.exitCode()).isEqualTo(1);
        // the folder is listed with its error, but it is no file checked
        assertThat(json.out())
                .contains("\"path\" : \"" + root + "/directives/spec/" + LONG)
                .contains("\"rule\" : \"unreadable-file\"")
                .containsPattern(
                        "\"summary\" : \\{\\s*\"files\" : 1,\\s*\"unsearchedFolders\" : 1,"
                                + "\\s*\"errors\" : 1,");
    }

    @Test
    void junitGivesTheFolderItsOneFailureNotAPassingTestPerRuleThatNeverRanThere()
            throws IOException {
        writeSpec(root, NAME, cleanSpec());
        tooDeepFolder();

        CliRun junit = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "junit");

        assertThat(junit.exitCode()).isEqualTo(1);
        // no rule read the folder: its suite holds the one failing case, as JSON and text count
        // it apart; the spec's suite has a case per rule that ran
        java.util.regex.Matcher suites =
                java.util.regex.Pattern.compile(
                                "<testsuite name=\"([^\"]*)\" tests=\"(\\d+)\" failures=\"(\\d+)\"")
                        .matcher(junit.out());
        assertThat(suites.find()).isTrue();
        int specTests = Integer.parseInt(suites.group(2));
        assertThat(suites.group(1)).endsWith(NAME);
        assertThat(specTests).isGreaterThan(10);
        assertThat(suites.find()).isTrue();
        assertThat(suites.group(1)).contains(LONG);
        assertThat(suites.group(2)).isEqualTo("1");
        assertThat(suites.group(3)).isEqualTo("1");
        assertThat(junit.out())
                .contains(
                        "<testsuites name=\"specgate\" tests=\""
                                + (specTests + 1)
                                + "\" failures=\"1\"");
    }

    @Test
    void writeBaselineCountsTheFolderAsNoSpecNamesItAndFails() throws IOException {
        writeSpec(root, NAME, cleanSpec());
        tooDeepFolder();
        Path baseline = root.resolve(".specgate-baseline.json");

        CliRun check =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--write-baseline",
                        baseline.toString());

        // the folder's error is no finding a baseline records: named, and the run fails on it
        assertThat(check.exitCode()).isEqualTo(1);
        String[] err = check.err().split("\n");
        assertThat(err).hasSize(2);
        assertThat(err[0]).isEqualTo("specgate: recorded 0 findings of 1 spec in " + baseline);
        assertThat(err[1]).matches("specgate: " + unsearchedLine("checked"));
    }

    @Test
    void listListsTheSpecsNamesTheFolderOnStderrAndFails() throws IOException {
        writeSpec(root, NAME, cleanSpec());
        tooDeepFolder();

        CliRun list = CliRun.of("list", root.toString(), "--today", TODAY);

        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.out()).contains(NAME).doesNotContain(LONG).endsWith("1 spec.\n");
        assertThat(list.err().strip()).matches("specgate: " + unsearchedLine("listed"));
    }

    @Test
    void traceRefusesInTheWordsListSaysIt() throws IOException {
        writeSpec(root, NAME, cleanSpec());
        tooDeepFolder();

        CliRun trace = CliRun.of("trace", root.toString());

        assertThat(trace.exitCode()).isEqualTo(2);
        assertThat(trace.out()).isEmpty();
        assertThat(trace.err().strip()).matches("specgate: " + unsearchedLine("traced"));
    }
}
