package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.baseline.Baseline;
import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.baseline.Finding;
import dev.specgate.core.baseline.Fingerprinter;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines as a run records and applies them: fingerprints from the one read of each file. */
class BaselineRunTest {

    private static final String TEMPLATE =
            "# [Title]\n\n**Type:** [A | B]\n\n## Summary\n[Summary text]\n\n"
                    + "## Decisions\n- [ ] [Decision] - **Decision by:** [Date]\n";
    private static final TemplateSchema SCHEMA = TemplateSchema.derive("tiny", TEMPLATE);
    private static final SpecProject PROJECT = SpecProject.of(SCHEMA);
    private static final String SPEC =
            """
            # T

            **Type:** C

            ## Summary
            Still [todo] here.

            ## Decisions
            - [ ] Pick a queue - **Decision by:** 2026-10-01
            """;

    @TempDir Path dir;

    private Path spec(String text) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        return Files.writeString(docs.resolve("a.md"), text);
    }

    private ProjectRun run(Path spec, String today) throws Exception {
        return PROJECT.run(
                List.of(spec),
                RunOptions.of(CheckOptions.asOf(LocalDate.parse(today))).withFingerprints(dir));
    }

    private Baseline writeAndRead(ProjectRun run) throws BaselineException {
        Path file = dir.resolve("baseline.json");
        run.baselineOfAll().write(file);
        return Baseline.read(file);
    }

    private ProjectRun filter(Baseline b, Path spec, String today) throws Exception {
        return PROJECT.run(
                List.of(spec),
                RunOptions.of(CheckOptions.asOf(LocalDate.parse(today)))
                        .withBaseline(
                                new RunOptions.LoadedBaseline(dir.resolve("baseline.json"), b)));
    }

    @Test
    void recordsFindingsWithoutLinesAndPathsRelativeToTheBaseline() throws Exception {
        ProjectRun run = run(spec(SPEC), "2026-11-25");

        Baseline b = writeAndRead(run);

        assertThat(b.findings())
                .extracting(Finding::rule)
                .containsExactly("decision-overdue", "field-value", "placeholder-bracket");
        Finding value = b.findings().get(1);
        assertThat(value.path()).isEqualTo("docs/a.md");
        assertThat(value.section()).isEqualTo("t");
        assertThat(value.text()).isEqualTo("C");
        assertThat(value.fingerprint()).hasSize(Fingerprinter.FINGERPRINT_LENGTH);
        assertThat(b.findings().get(0).message()).contains("# days ago").doesNotMatch(".*\\d.*");
        assertThat(Files.readString(dir.resolve("baseline.json")))
                .contains("\"version\": 1")
                .doesNotContain("\"line\"");
    }

    @Test
    void knownFindingsStayHiddenWhenLinesMoveAndDaysPass() throws Exception {
        Path spec = spec(SPEC);
        Baseline b = writeAndRead(run(spec, "2026-11-25"));
        Files.writeString(
                spec,
                SPEC.replace("# T\n", "# T\n\nA new introduction.\n\nAnd another paragraph.\n"));

        ProjectRun later = filter(b, spec, "2027-01-05");

        assertThat(later.hidden()).isEqualTo(3);
        assertThat(later.checkRun().diagnostics()).isZero();
    }

    @Test
    void newFindingsAndNewCopiesOfOldOnesAreReported() throws Exception {
        Path spec = spec(SPEC);
        Baseline b = writeAndRead(run(spec, "2026-11-25"));
        Files.writeString(
                spec,
                SPEC.replace("Still [todo] here.", "Still [todo] here. And [todo] again.")
                        .replace("**Type:** C", "**Type:** D"));

        ProjectRun later = filter(b, spec, "2026-11-25");

        assertThat(later.hidden()).isEqualTo(2);
        assertThat(later.checkRun().results().get(0).diagnostics())
                .extracting(
                        d ->
                                d.ruleId()
                                        + "@"
                                        + (d.range().startLine() + 1)
                                        + ":"
                                        + (d.range().startColumn() + 1))
                .containsExactly("field-value@3:11", "placeholder-bracket@6:24");
    }

    /**
     * Recorded findings that match nothing in the files checked are counted (they would hide the
     * same problem if it came back); those of a file the run did not check are not.
     */
    @Test
    void entriesOfCheckedFilesThatMatchNothingAreCountedStale() throws Exception {
        Path spec = spec(SPEC);
        Path other = Files.writeString(dir.resolve("docs/b.md"), SPEC);
        ProjectRun all =
                PROJECT.run(
                        List.of(spec, other),
                        RunOptions.of(CheckOptions.asOf(LocalDate.parse("2026-11-25")))
                                .withFingerprints(dir));
        Baseline b = writeAndRead(all);
        Files.writeString(
                spec,
                SPEC.replace("Still [todo] here.", "Done.").replace("**Type:** C", "**Type:** A"));

        ProjectRun fixed = filter(b, spec, "2026-11-25");
        ProjectRun untouched = filter(b, other, "2026-11-25");

        assertThat(fixed.hidden()).isEqualTo(1);
        assertThat(fixed.stale()).isEqualTo(2);
        assertThat(fixed.baselineNotes(f -> "b.json"))
                .containsExactly(
                        "1 known finding hidden by the baseline b.json; 2 entries match nothing"
                                + " now (refresh it with specgate check --write-baseline b.json)");
        assertThat(untouched.hidden()).isEqualTo(3);
        assertThat(untouched.stale()).isZero();
        assertThat(untouched.baselineNotes(f -> "b.json"))
                .containsExactly("3 known findings hidden by the baseline b.json");
    }

    /**
     * A spec renamed ({@code git mv} to the name {@code file-name} asks for) or moved to another
     * folder keeps its recorded findings, hidden by the entries of the name it had and said so;
     * before, every one of them came back as new, and the old name's entries were never counted
     * stale, since no file of that name was checked. The entries of a spec deleted since are stale.
     */
    @Test
    void aRenamedOrMovedSpecKeepsItsRecordedFindingsAndADeletedOnesEntriesAreStale()
            throws Exception {
        // CRLF and a BOM, as a spec written on Windows has them
        String windows = "\uFEFF" + SPEC.replace("\n", "\r\n");
        Path spec = spec(windows);
        Path other = Files.writeString(dir.resolve("docs/b.md"), SPEC);
        ProjectRun all =
                PROJECT.run(
                        List.of(spec, other),
                        RunOptions.of(CheckOptions.asOf(LocalDate.parse("2026-11-25")))
                                .withFingerprints(dir));
        Baseline b = writeAndRead(all);
        Path archive = Files.createDirectories(dir.resolve("archive/2026"));
        Path moved = Files.move(spec, archive.resolve("2026-01-05_spec_a.md"));
        Files.writeString(
                moved, windows.replace("Still [todo] here.", "Still [todo] here. A [new] one."));
        Files.delete(other);

        ProjectRun later = filter(b, moved, "2026-11-25");

        assertThat(later.hidden()).isEqualTo(3);
        assertThat(later.checkRun().results().get(0).diagnostics())
                .extracting(d -> d.ruleId() + "@" + (d.range().startLine() + 1))
                .containsExactly("placeholder-bracket@6");
        assertThat(later.stale()).isEqualTo(3);
        assertThat(later.baselineNotes(f -> "b.json"))
                .containsExactly(
                        "3 known findings hidden by the baseline b.json, all of them recorded for a"
                                + " spec under a name it no longer has (renamed or moved); 3 entries"
                                + " match nothing now (refresh it with specgate check"
                                + " --write-baseline b.json)");
    }

    /**
     * A deleted spec's entries hide no finding of another spec: not a new spec of another name with
     * the same problems (written from the same template), nor a spec the baseline already records
     * that gets one of them anew. Before, any spec's finding that no entry of its own path matched
     * was hidden by a deleted spec's entry with the same rule, heading, text and message, so
     * deleting an old spec let a new one's problems pass; they are reported and the deleted spec's
     * entries are stale.
     */
    @Test
    void aDeletedSpecsEntriesHideNoFindingOfANewOrAnotherSpec() throws Exception {
        Path old = spec(SPEC);
        Path kept =
                Files.writeString(
                        dir.resolve("docs/2026-01-05_spec_ledger.md"),
                        SPEC.replace("Still [todo] here.", "Done.")
                                .replace("**Type:** C", "**Type:** A"));
        Baseline b =
                writeAndRead(
                        PROJECT.run(
                                List.of(old, kept),
                                RunOptions.of(CheckOptions.asOf(LocalDate.parse("2026-11-25")))
                                        .withFingerprints(dir)));
        Files.delete(old);
        // a new spec, another name, with the deleted one's problems; the kept one gets one of them
        Path fresh =
                Files.writeString(
                        dir.resolve("docs/2026-11-20_spec_payments.md"),
                        "\uFEFF" + SPEC.replace("\n", "\r\n"));
        Files.writeString(kept, SPEC.replace("**Type:** C", "**Type:** A"));

        ProjectRun later =
                PROJECT.run(
                        List.of(fresh, kept),
                        RunOptions.of(CheckOptions.asOf(LocalDate.parse("2026-11-25")))
                                .withBaseline(
                                        new RunOptions.LoadedBaseline(
                                                dir.resolve("baseline.json"), b)));

        assertThat(later.checkRun().results())
                .extracting(r -> r.path().getFileName() + ":" + r.diagnostics().size())
                .containsExactlyInAnyOrder(
                        "2026-11-20_spec_payments.md:3", "2026-01-05_spec_ledger.md:1");
        assertThat(later.hidden()).isEqualTo(1);
        assertThat(later.stale()).isEqualTo(3);
    }

    /**
     * Runs of two configurations with their own baselines added up keep each baseline with its own
     * counts (one named twice counted once); before, the first one's name stood for the sum.
     */
    @Test
    void runsAddedUpKeepEachBaselineWithItsOwnCounts() {
        Path billing = Path.of("billing/.specgate-baseline.json");
        Path ledger = Path.of("ledger/.specgate-baseline.json");
        ProjectRun run =
                new ProjectRun(List.of(), 2, 0, Optional.of(billing))
                        .plus(new ProjectRun(List.of(), 0, Optional.empty()))
                        .plus(new ProjectRun(List.of(), 1, 1, Optional.of(ledger)))
                        .plus(new ProjectRun(List.of(), 1, 0, Optional.of(billing)));

        assertThat(run.hidden()).isEqualTo(4);
        assertThat(run.stale()).isEqualTo(1);
        assertThat(run.baseline()).contains(billing);
        assertThat(run.baselineNotes(p -> p.toString().replace('\\', '/')))
                .containsExactly(
                        "3 known findings hidden by the baseline billing/.specgate-baseline.json",
                        "1 known finding hidden by the baseline ledger/.specgate-baseline.json; 1"
                                + " entry matches nothing now (refresh it with specgate check"
                                + " --write-baseline ledger/.specgate-baseline.json)");
    }

    @Test
    void anyTextSurvivesWritingAndReading() throws Exception {
        String odd =
                "quote \" backslash \\ tab \t cr \r nl \n nul \u0000 c1 \u0085 bom \uFEFF"
                        + " emoji \uD83D\uDE00 yaml: - [x] {a: b} # not a comment";
        Baseline b = Baseline.of(List.of(new Finding("f1", "rule", "a b/ü.md", "§", odd, odd)));
        Path file = dir.resolve("odd.json");

        b.write(file);

        assertThat(Baseline.read(file).findings()).containsExactlyElementsOf(b.findings());
        assertThat(Files.readString(file)).doesNotContain("\u0000").contains("\\u0000");
    }

    @Test
    void unreadableBaselinesNameTheFileAndTheProblem() throws IOException {
        Path missing = dir.resolve("nope.json");
        Path notJson = Files.writeString(dir.resolve("bad.json"), "{ nope");
        Path otherVersion = Files.writeString(dir.resolve("v2.json"), "{\"version\": 2}");
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");

        assertThatThrownBy(() -> Baseline.read(missing))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("not found (write it with check --write-baseline");
        assertThatThrownBy(() -> Baseline.read(notJson))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> Baseline.read(array))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("is not a Specgate baseline: expected a JSON object");
        assertThatThrownBy(() -> Baseline.read(otherVersion))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("expected \"version\": 1");
    }

    @Test
    void oneInspectedSpecIsReportedAsARunReportsIt() throws Exception {
        Path spec = spec(SPEC);
        writeAndRead(run(spec, "2026-11-25"));
        Files.writeString(dir.resolve("tiny.md"), TEMPLATE);
        Files.writeString(
                dir.resolve(".specgate.yml"),
                "version: 1\ntemplate: tiny.md\nbaseline: baseline.json\n");
        Files.writeString(
                spec, SPEC.replace("Still [todo] here.", "Still [todo] here. And [todo] again."));
        SpecProject configured = SpecProject.open(dir, ConfigChoice.nearest());
        CheckOptions options = CheckOptions.asOf(LocalDate.parse("2026-11-25"));

        CheckedSpec checked = configured.inspect(spec, options);
        ProjectRun run =
                configured.run(
                        List.of(spec),
                        RunOptions.of(options)
                                .withBaseline(
                                        configured.baseline(java.util.Optional.empty()).get()));

        assertThat(checked.result().diagnostics()).hasSizeGreaterThan(1);
        assertThat(configured.reported(checked).diagnostics())
                .extracting(d -> d.ruleId() + "@" + (d.range().startColumn() + 1))
                .containsExactly("placeholder-bracket@24")
                .isEqualTo(
                        run.checkRun().results().get(0).diagnostics().stream()
                                .map(d -> d.ruleId() + "@" + (d.range().startColumn() + 1))
                                .toList());

        // the baseline is read once, and again when its file changes
        Path file = dir.resolve("baseline.json");
        Baseline.of(List.of()).write(file);
        Files.setLastModifiedTime(
                file,
                java.nio.file.attribute.FileTime.fromMillis(
                        Files.getLastModifiedTime(file).toMillis() + 2_000));
        assertThat(configured.reported(checked).diagnostics())
                .isEqualTo(checked.result().diagnostics());
    }

    @Test
    void anUnreadableConfiguredBaselineIsAnErrorNotAnEmptyFilter() throws Exception {
        Path spec = spec(SPEC);
        Files.writeString(dir.resolve(".specgate.yml"), "version: 1\nbaseline: missing.json\n");
        SpecProject configured = SpecProject.open(dir, ConfigChoice.nearest());
        CheckedSpec checked =
                configured.inspect(spec, CheckOptions.asOf(LocalDate.parse("2026-11-25")));

        assertThatThrownBy(() -> configured.reported(checked))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("missing.json");
    }
}
