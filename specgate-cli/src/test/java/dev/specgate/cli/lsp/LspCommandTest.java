package dev.specgate.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The language server shows each spec of the demo exactly as {@code check --format json}. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LspCommandTest {

    static final String TODAY = "2026-11-25";

    @TempDir Path tmp;

    @Test
    void everyDemoSpecShowsWhatCheckReports() throws Exception {
        Path project = LspCheckParity.copyDemo(tmp.resolve("demo"));

        assertShowsWhatCheckReports(project);
    }

    @Test
    void findingsTheBaselineRecordsAreHiddenAsByCheck() throws Exception {
        Path project = LspCheckParity.copyDemo(tmp.resolve("demo"));
        Files.writeString(project.resolve(".specgate.yml"), "baseline: .specgate-baseline.json\n");
        CliRun write =
                CliRun.of(
                        "check",
                        project.toString(),
                        "--today",
                        TODAY,
                        "--write-baseline",
                        project.resolve(".specgate-baseline.json").toString());
        assertThat(write.exitCode()).as(write.err()).isZero();
        Path spec = project.resolve("directives/spec/2026-02-16_spec_payout-batch-scheduler.md");
        // one new finding beside the recorded ones
        Files.writeString(
                spec,
                Files.readString(spec)
                        .replace("- [ ] Communication plan", "- [x ] Communication plan"));

        Map<Path, List<String>> check = assertShowsWhatCheckReports(project);

        assertThat(check.get(spec.toAbsolutePath().normalize()))
                .singleElement()
                .asString()
                .contains("[task-box]");
    }

    private Map<Path, List<String>> assertShowsWhatCheckReports(Path project) throws Exception {
        Map<Path, List<String>> check = LspCheckParity.check(project, TODAY);
        assertThat(check).hasSizeGreaterThanOrEqualTo(5);

        try (LspClient client = new LspClient(LocalDate.parse(TODAY))) {
            for (Map.Entry<Path, List<String>> e : check.entrySet()) {
                PublishDiagnosticsParams p =
                        client.open(e.getKey().toUri().toString(), Files.readString(e.getKey()));
                List<String> shown =
                        p.getDiagnostics().stream()
                                .map(
                                        d ->
                                                LspCheckParity.fromLsp(
                                                        d.getRange().getStart().getLine(),
                                                        d.getRange().getStart().getCharacter(),
                                                        d.getRange().getEnd().getLine(),
                                                        d.getRange().getEnd().getCharacter(),
                                                        d.getSeverity().getValue(),
                                                        d.getCode().getLeft(),
                                                        d.getMessage()))
                                .toList();
                assertThat(shown).as(e.getKey().toString()).isEqualTo(e.getValue());
            }
        }
        return check;
    }

    @Test
    void helpSaysWhatItIsAndExitCodes() {
        CliRun help = CliRun.of("lsp", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("language server", "standard output", "Exit codes");
    }
}
