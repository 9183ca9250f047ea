package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor shows what {@code check} reports: the findings a team has recorded in its configured
 * baseline are hidden in the editor too, and a new one is shown.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BaselineDiagnosticsTest {

    @TempDir Path tmp;

    @Test
    void findingsTheConfiguredBaselineRecordsAreNotPublished() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path refund = tmp.resolve(LspFeaturesTest.REFUND);
        String text = Files.readString(refund);
        RunOptions asOfToday = RunOptions.of(CheckOptions.asOf(LspFeaturesTest.TODAY));
        SpecProject plain = SpecProject.open(tmp, ConfigChoice.nearest());
        plain.run(List.of(refund), asOfToday.withFingerprints(tmp))
                .baselineOfAll()
                .write(tmp.resolve("baseline.json"));
        Files.writeString(tmp.resolve(".specgate.yml"), "version: 1\nbaseline: baseline.json\n");
        String edited = text.replace("## Executive Summary\n", "## Executive Summary\n[Owner]\n\n");
        SpecProject configured = SpecProject.open(tmp, ConfigChoice.nearest());
        ProjectRun checked =
                configured.run(
                        List.of(refund),
                        asOfToday.withBaseline(configured.baseline(Optional.empty()).get()));
        assertThat(checked.hidden()).isPositive();

        try (LspSession session =
                LspSession.start(
                        LspFeaturesTest.TODAY,
                        SpecgateLanguageServerTest.pushClient(),
                        List.of(new WorkspaceFolder(tmp.toUri().toString(), "demo")))) {
            String uri = refund.toUri().toString();
            session.open(uri, text);
            assertThat(session.at(uri, 1).getDiagnostics()).isEmpty();

            Files.writeString(refund, edited);
            List<String> expected =
                    configured
                            .run(
                                    List.of(refund),
                                    asOfToday.withBaseline(
                                            configured.baseline(Optional.empty()).get()))
                            .files()
                            .get(0)
                            .result()
                            .diagnostics()
                            .stream()
                            .map(d -> d.ruleId() + "@" + (d.range().startLine() + 1))
                            .toList();
            session.server
                    .getTextDocumentService()
                    .didChange(
                            new DidChangeTextDocumentParams(
                                    new VersionedTextDocumentIdentifier(uri, 2),
                                    List.of(new TextDocumentContentChangeEvent(edited))));
            assertThat(
                            session.at(uri, 2).getDiagnostics().stream()
                                    .map(
                                            d ->
                                                    d.getCode().getLeft()
                                                            + "@"
                                                            + (d.getRange().getStart().getLine()
                                                                    + 1))
                                    .toList())
                    .isNotEmpty()
                    .isEqualTo(expected);
        }
    }

    @Test
    void aBaselineThatCannotBeReadIsSaidInCheckWords() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path refund = tmp.resolve(LspFeaturesTest.REFUND);
        Files.writeString(tmp.resolve("baseline.json"), "{\"version\": 1, \"findings\": [\n");
        Files.writeString(tmp.resolve(".specgate.yml"), "version: 1\nbaseline: baseline.json\n");
        String said;
        try {
            SpecProject.open(tmp, ConfigChoice.nearest()).baseline(Optional.empty());
            throw new AssertionError("the baseline was read");
        } catch (dev.specgate.core.baseline.BaselineException e) {
            said = e.getMessage();
        }

        try (LspSession session =
                LspSession.start(
                        LspFeaturesTest.TODAY,
                        SpecgateLanguageServerTest.pushClient(),
                        List.of(new WorkspaceFolder(tmp.toUri().toString(), "demo")))) {
            String uri = refund.toUri().toString();
            session.open(uri, Files.readString(refund));
            assertThat(session.at(uri, 1).getDiagnostics())
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.getMessage()).startsWith("baseline ").contains(said);
                                assertThat(d.getMessage()).doesNotContain("cannot read the");
                            });
        }
    }
}
