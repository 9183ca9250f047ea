package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm surface's memory of reported results: a file is checked again only when it, a link target
 * its check asked about, or the baseline changed, and what it reports is what a fresh check
 * reports.
 */
class WarmResultsTest {

    private static final CheckOptions TODAY = CheckOptions.asOf(LocalDate.parse("2026-11-25"));
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_700_000_000_000L);

    @TempDir Path dir;

    /** A realistic task list (CRLF, a BOM) whose Spec link names a spec not written yet. */
    private Path taskList() throws IOException {
        String text =
                "\uFEFF"
                        + TestSpecs.text(
                                        "/rules/task-spec-reference/directives/tasks/"
                                                + "2026-03-05_task_invoice-export-timeouts.md")
                                .replace("\n", "\r\n");
        Path tasks = Files.createDirectories(dir.resolve("directives/tasks"));
        Path file = tasks.resolve("2026-03-05_task_invoice-export-timeouts.md");
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, LONG_AGO);
        return file;
    }

    private static List<String> said(CheckResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aFileIsCheckedAgainOnlyWhenItOrALinkTargetChanged() throws Exception {
        Path file = taskList();
        SpecProject project = SpecProject.open(dir, ConfigChoice.nearest());
        WarmResults<CheckResult> warm = WarmResults.reported();

        CheckResult first = warm.get(project, file, TODAY);
        CheckResult again = warm.get(project, file, TODAY);

        assertThat(warm.checkedAfresh()).isEqualTo(1);
        assertThat(said(again)).isEqualTo(said(first));
        assertThat(said(first))
                .isEqualTo(said(project.reported(project.inspect(file, TODAY))))
                .anyMatch(d -> d.contains("link-broken"));

        // the same bytes under a new time stamp: read again, not checked again
        Files.setLastModifiedTime(file, FileTime.fromMillis(LONG_AGO.toMillis() + 60_000));
        assertThat(said(warm.get(project, file, TODAY))).isEqualTo(said(first));
        assertThat(warm.checkedAfresh()).isEqualTo(1);

        // the spec it links to is written: its link holds now
        Path spec = Files.createDirectories(dir.resolve("directives/spec"));
        Files.writeString(
                spec.resolve("2026-03-02_spec_invoice-export-timeouts.md"),
                TestSpecs.text(
                        "/rules/task-spec-reference/directives/spec/"
                                + "2026-03-02_spec_invoice-export-timeouts.md"));
        CheckResult linked = warm.get(project, file, TODAY);
        assertThat(warm.checkedAfresh()).isEqualTo(2);
        assertThat(said(linked))
                .isEqualTo(said(project.reported(project.inspect(file, TODAY))))
                .noneMatch(d -> d.contains("link-broken"));

        // the file edited (same size: one task's box ticked)
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("- \\[ \\] 1\\.3", "- [x] 1.3"));
        CheckResult edited = warm.get(project, file, TODAY);
        assertThat(warm.checkedAfresh()).isEqualTo(3);
        assertThat(said(edited)).isEqualTo(said(project.reported(project.inspect(file, TODAY))));

        // another day is another result key: checked again
        warm.get(project, file, CheckOptions.asOf(LocalDate.parse("2026-11-26")));
        assertThat(warm.checkedAfresh()).isEqualTo(4);

        warm.retainOnly(p -> false);
        assertThat(warm.size()).isZero();
    }

    @Test
    void aChangedBaselineIsAppliedAsAFreshCheckAppliesIt() throws Exception {
        Path file = taskList();
        Files.writeString(dir.resolve(".specgate.yml"), "version: 1\nbaseline: baseline.json\n");
        Path baseline = dir.resolve("baseline.json");
        dev.specgate.core.baseline.Baseline.of(List.of()).write(baseline);
        Files.setLastModifiedTime(baseline, LONG_AGO);
        SpecProject project = SpecProject.open(dir, ConfigChoice.nearest());
        WarmResults<CheckResult> warm = WarmResults.reported();

        CheckResult before = warm.get(project, file, TODAY);
        assertThat(before.diagnostics()).isNotEmpty();

        // every finding recorded in the baseline: none is reported any more
        project.run(List.of(file), RunOptions.of(TODAY).withFingerprints(dir))
                .baselineOfAll()
                .write(baseline);
        Files.setLastModifiedTime(baseline, FileTime.fromMillis(LONG_AGO.toMillis() + 60_000));
        CheckResult after = warm.get(project, file, TODAY);

        assertThat(after.diagnostics()).isEmpty();
        assertThat(said(after)).isEqualTo(said(project.reported(project.inspect(file, TODAY))));
    }

    @Test
    void aCheckThatTracesTheLayoutIsNotKeptSinceTheFoldersItLooksAtAreNotFollowed()
            throws Exception {
        // a spec in Implementation whose File Organization promises folders (CRLF, a BOM)
        Path file = dir.resolve("2026-03-02_spec_invoice-export-timeouts.md");
        Files.writeString(
                file,
                "\uFEFF"
                        + TestSpecs.text(
                                        "/rules/layout-missing/"
                                                + "2026-03-02_spec_invoice-export-timeouts.md")
                                .replace("\n", "\r\n"));
        Files.setLastModifiedTime(file, LONG_AGO);
        SpecProject project = SpecProject.open(dir, ConfigChoice.nearest());
        WarmResults<CheckResult> warm = WarmResults.reported();
        CheckOptions traced = TODAY.withTrace(true);

        assertThat(said(warm.get(project, file, traced)))
                .anyMatch(d -> d.contains("'tests/performance/invoice-export/' does not exist"));

        // the promised folder is made: the spec's bytes did not change, its verdict did
        Files.createDirectories(dir.resolve("tests/performance/invoice-export"));
        assertThat(said(warm.get(project, file, traced)))
                .isEqualTo(said(project.reported(project.inspect(file, traced))))
                .noneMatch(d -> d.contains("'tests/performance/invoice-export/' does not exist"));
    }
}
