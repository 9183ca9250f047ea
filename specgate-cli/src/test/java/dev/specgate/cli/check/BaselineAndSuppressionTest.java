package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Switching Specgate on over old specs: a baseline hides old findings and shows new ones. */
class BaselineAndSuppressionTest {

    private static final String TODAY = "2026-11-25";
    private static final String SPEC = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    /** A legacy spec with two old problems: a bad Type and a leftover time estimate. */
    private String legacy() {
        return cleanSpec()
                .replace("**Type:** Architecture Change", "**Type:** Refactoring")
                .replace("- **Duration:** 2 weeks", "- **Duration:** [Time estimate]");
    }

    @Test
    void baselineHidesOldFindingsAndShowsNewOnes() throws IOException {
        writeSpec(root, SPEC, legacy());
        Path baseline = root.resolve(".specgate-baseline.json");

        CliRun write =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--write-baseline",
                        baseline.toString());
        CliRun old =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--baseline",
                        baseline.toString());
        // lines move: a new paragraph near the top; then a new problem appears
        writeSpec(
                root,
                SPEC,
                legacy().replace(
                                "## Executive Summary\n",
                                "## Executive Summary\nA new first paragraph.\n\nAnd a second.\n\n"));
        CliRun moved =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--baseline",
                        baseline.toString());
        writeSpec(
                root,
                SPEC,
                legacy().replace(
                                "- **Duration:** 1 week\n- **Deliverables:** migration",
                                "- **Duration:** [TBD]\n- **Deliverables:** migration"));
        CliRun fresh =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--baseline",
                        baseline.toString());

        assertThat(write.exitCode()).isZero();
        assertThat(write.out()).isEmpty();
        assertThat(write.err().strip())
                .isEqualTo("specgate: recorded 2 findings of 1 spec in " + baseline);
        assertThat(Files.readString(baseline)).contains("\"rule\": \"field-value\"");
        assertThat(old.exitCode()).isZero();
        assertThat(old.out().strip()).isEqualTo("No problems found in 1 spec.");
        assertThat(old.err().strip())
                .isEqualTo("specgate: 2 known findings hidden by the baseline " + baseline);
        assertThat(moved.exitCode()).isZero();
        assertThat(fresh.exitCode()).isEqualTo(1);
        assertThat(fresh.out())
                .contains("error [placeholder-bracket] placeholder-like text '[TBD]'")
                .doesNotContain("[field-value]")
                .doesNotContain("[Time estimate]")
                .contains("Checked 1 spec: 1 error");
    }

    /**
     * A recorded finding that was fixed is said, not left to hide the same problem silently when it
     * comes back; a run of a subset does not call the entries of the files it left alone stale; the
     * exit code is the findings' alone.
     */
    @Test
    void pruningDropsFixedFindingsAndAddsNoNewOne() throws IOException {
        writeSpec(root, SPEC, legacy().replace("\n", "\r\n"));
        Path baseline = root.resolve(".specgate-baseline.json");
        CliRun.of(
                "check",
                root.toString(),
                "--today",
                TODAY,
                "--write-baseline",
                baseline.toString());
        // the time estimate is filled in; a new problem appears: a placeholder in a table cell
        writeSpec(
                root,
                SPEC,
                legacy().replace("- **Duration:** [Time estimate]", "- **Duration:** 3 weeks")
                        .replace(
                                "## Executive Summary\n",
                                "## Executive Summary\n| Queue | Owner |\n|---|---|\n"
                                        + "| retry-é | [Team name] |\n\n")
                        .replace("\n", "\r\n"));

        CliRun prune =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--prune-baseline",
                        baseline.toString());

        assertThat(prune.exitCode()).isEqualTo(0);
        assertThat(prune.err())
                .isEqualTo(
                        "specgate: kept 1 finding in "
                                + baseline
                                + ", dropped 1 that matches nothing now (fixed, or their spec"
                                + " gone); 1 new finding not added (specgate check reports it)\n");
        String pruned = Files.readString(baseline);
        assertThat(pruned).contains("field-value").doesNotContain("Time estimate");
        // the new finding is still reported against the pruned baseline
        CliRun after =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--baseline",
                        baseline.toString());
        assertThat(after.exitCode()).isEqualTo(1);
        assertThat(after.out()).contains("[Team name]").doesNotContain("field-value");
    }

    /**
     * A baseline written with {@code --trace} records layout-missing findings, which a run without
     * it does not look for: pruning (or checking) without it neither drops nor counts them.
     */
    @Test
    void pruningWithoutTraceKeepsWhatOnlyTraceLooksFor() throws IOException {
        writeSpec(root, SPEC, "\uFEFF" + legacy().replace("\n", "\r\n"));
        Path baseline = root.resolve(".specgate-baseline.json");
        CliRun.of(
                "check",
                root.toString(),
                "--today",
                TODAY,
                "--trace",
                "--write-baseline",
                baseline.toString());
        String written = Files.readString(baseline);
        assertThat(written).contains("\"layout-missing\"").contains("field-value");

        CliRun prune =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--prune-baseline",
                        baseline.toString());

        // it dropped every layout-missing entry as "fixed, or their spec gone"
        assertThat(prune.exitCode()).isEqualTo(0);
        assertThat(prune.err()).contains(", dropped 0 that match nothing now");
        assertThat(Files.readString(baseline)).isEqualTo(written);
        CliRun traced =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--trace",
                        "--baseline",
                        baseline.toString());
        assertThat(traced.exitCode()).as(traced.out()).isZero();
        assertThat(traced.err()).doesNotContain("match nothing now");
    }

    @Test
    void pruningAnotherBaselineIsRefused() throws IOException {
        writeSpec(root, SPEC, legacy());
        CliRun both =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--prune-baseline",
                        "a.json",
                        "--write-baseline",
                        "b.json");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err())
                .contains("--prune-baseline reads and writes the baseline it names")
                .contains("--write-baseline");
    }

    @Test
    void entriesThatMatchNothingNowAreSaid() throws IOException {
        Path one = root.resolve("one");
        Path two = root.resolve("two");
        writeSpec(one, SPEC, legacy());
        Path other = writeSpec(two, SPEC, legacy());
        Path baseline = root.resolve(".specgate-baseline.json");
        CliRun write =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--write-baseline",
                        baseline.toString());
        assertThat(write.exitCode()).as(write.err()).isZero();
        // the time estimate of the first spec is filled in
        writeSpec(
                one,
                SPEC,
                legacy().replace("- **Duration:** [Time estimate]", "- **Duration:** 2 weeks"));

        CliRun all =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--baseline",
                        baseline.toString());
        CliRun subset =
                CliRun.of(
                        "check",
                        other.toString(),
                        "--today",
                        TODAY,
                        "--baseline",
                        baseline.toString());

        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.err().strip())
                .isEqualTo(
                        "specgate: 3 known findings hidden by the baseline "
                                + baseline
                                + "; 1 entry matches nothing now (refresh it with specgate check"
                                + " --write-baseline "
                                + baseline
                                + ")");
        assertThat(subset.exitCode()).as(subset.err()).isZero();
        assertThat(subset.err().strip())
                .isEqualTo("specgate: 2 known findings hidden by the baseline " + baseline);
    }

    /**
     * Paths under two configurations, each with its own baseline: each is named with its own
     * counts, one line each. Before, one line named the first baseline with the counts of both, and
     * told to refresh it for an entry that was the other's.
     */
    @Test
    void eachConfigurationsBaselineIsSaidWithItsOwnCounts() throws IOException {
        Path billing = root.resolve("billing");
        Path ledger = root.resolve("ledger");
        for (Path project : new Path[] {billing, ledger}) {
            writeSpec(project, SPEC, legacy());
            CliRun write =
                    CliRun.of(
                            "check",
                            project.toString(),
                            "--today",
                            TODAY,
                            "--write-baseline",
                            project.resolve(".specgate-baseline.json").toString());
            assertThat(write.exitCode()).as(write.err()).isZero();
            Files.writeString(
                    project.resolve(".specgate.yml"),
                    "version: 1\r\n# findings known before the gate\r\n"
                            + "baseline: .specgate-baseline.json\r\n");
        }
        // the ledger's time estimate is filled in: its entry matches nothing now
        writeSpec(
                ledger,
                SPEC,
                legacy().replace("- **Duration:** [Time estimate]", "- **Duration:** 2 weeks"));

        CliRun both = CliRun.of("check", billing.toString(), ledger.toString(), "--today", TODAY);

        assertThat(both.exitCode()).as(both.err()).isZero();
        assertThat(both.err().strip().split("\\R"))
                .containsExactly(
                        "specgate: 2 known findings hidden by the baseline "
                                + billing.resolve(".specgate-baseline.json"),
                        "specgate: 1 known finding hidden by the baseline "
                                + ledger.resolve(".specgate-baseline.json")
                                + "; 1 entry matches nothing now (refresh it with specgate check"
                                + " --write-baseline "
                                + ledger.resolve(".specgate-baseline.json")
                                + ")");
    }

    /**
     * The line that says what was recorded counts specs and task lists as every other summary does
     * ("1 spec and 1 task list"), never a task list as a spec ("2 specs").
     */
    @Test
    void writingABaselineCountsTaskListsApart() throws IOException {
        Path spec = writeSpec(root, SPEC, legacy());
        CliRun tasks = CliRun.of("tasks", spec.toString(), "--today", TODAY);
        assertThat(tasks.exitCode()).as(tasks.err()).isZero();
        Path taskList = Path.of(tasks.out().strip());
        Files.writeString(taskList, Files.readString(taskList).replaceFirst(" 1\\.1 ", " 1.4 "));
        Path baseline = root.resolve(".specgate-baseline.json");

        CliRun write =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--write-baseline",
                        baseline.toString());
        CliRun check = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(check.out()).contains("[task-id-sequence]").contains("1 spec and 1 task list");
        assertThat(write.exitCode()).isZero();
        assertThat(write.err().strip())
                .matches(
                        "specgate: recorded \\d+ findings of 1 spec and 1 task list in "
                                + Pattern.quote(baseline.toString()));
    }

    @Test
    void baselineNamedInTheConfig() throws IOException {
        writeSpec(root, SPEC, legacy());
        CliRun.of(
                "check",
                root.toString(),
                "--today",
                TODAY,
                "--write-baseline",
                root.resolve("known/baseline.json").toString());
        Files.writeString(root.resolve(".specgate.yml"), "baseline: known/baseline.json\n");

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void badBaselineUsesAreUsageErrors() throws IOException {
        writeSpec(root, SPEC, legacy());
        Path notJson = Files.writeString(root.resolve("b.json"), "[1, 2");

        CliRun missing =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--baseline",
                        root.resolve("nope.json").toString());
        CliRun broken = CliRun.of("check", root.toString(), "--baseline", notJson.toString());
        CliRun both =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--baseline",
                        notJson.toString(),
                        "--write-baseline",
                        "x.json");
        CliRun changed =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--changed-since",
                        "HEAD",
                        "--write-baseline",
                        "x.json");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .contains("nope.json not found (write it with check --write-baseline");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("b.json is not valid JSON (line 1): ");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("cannot be used with --baseline");
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).contains("cannot be used with --changed-since");
    }

    @Test
    void inlineSuppressionsSilenceFindingsWhereTheyStand() {
        writeSpec(
                root,
                SPEC,
                legacy().replace(
                                "**Type:** Refactoring",
                                "<!-- specgate-disable-next-line field-value -- agreed in review -->\n"
                                        + "**Type:** Refactoring")
                        .replace(
                                "### Phase 2: Core Implementation\n",
                                "### Phase 2: Core Implementation\n"
                                        + "<!-- specgate-disable placeholder-template -->\n")
                        .replace(
                                "### Phase 3: Testing & Validation\n",
                                "<!-- specgate-enable placeholder-template -->\n"
                                        + "### Phase 3: Testing & Validation\n"));

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("No problems found in 1 spec.");
    }
}
