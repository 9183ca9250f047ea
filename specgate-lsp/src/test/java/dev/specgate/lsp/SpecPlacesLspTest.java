package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server checks the files a search of the project checks ({@code check .}): below {@code
 * directives/spec/} and {@code directives/tasks/}, or the configuration's {@code specs:} globs. Any
 * other Markdown file opened gets no findings, and one that reads like a spec one information
 * diagnostic saying why it is not checked.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SpecPlacesLspTest {

    private static final String LEDGER = "2026-07-21_spec_ledger-export-sftp.md";

    @TempDir Path tmp;

    private static List<Diagnostic> opened(LspSession session, Path file) throws Exception {
        String uri = file.toUri().toString();
        session.open(uri, Files.readString(file));
        return session.next(uri).getDiagnostics();
    }

    private static Diagnostic notChecked(String message) {
        return new Diagnostic(
                new Range(new Position(0, 0), new Position(0, 0)),
                message,
                DiagnosticSeverity.Information,
                LspAdapter.SOURCE,
                SpecInspection.NOT_CHECKED);
    }

    @Test
    void withoutAConfigurationOnlyDirectivesAreCheckedAndASpecElsewhereIsToldWhy()
            throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path ledger = tmp.resolve("directives/spec/" + LEDGER);
        // the same spec, with a section dropped, in its place and parked in docs/
        String broken = Files.readString(ledger).replace("## Rollback Strategy", "## Rollback");
        Files.writeString(ledger, broken);
        Path parked = tmp.resolve("docs/drafts/" + LEDGER);
        Files.createDirectories(parked.getParent());
        Files.writeString(parked, broken);
        // a design note that keeps a status line as specs do, under no spec's name
        Path note = tmp.resolve("docs/dev/ledger-export.md");
        Files.writeString(
                note,
                Files.readString(note) + "\n---\n\n**Document Status:** Draft\n",
                java.nio.charset.StandardCharsets.UTF_8);
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            assertThat(opened(session, ledger))
                    .extracting(d -> d.getCode().getLeft())
                    .contains("section-missing");
            assertThat(opened(session, tmp.resolve("README.md"))).isEmpty();
            assertThat(opened(session, tmp.resolve("docs/dev/webhook-retry-runbook.md"))).isEmpty();
            assertThat(opened(session, tmp.resolve("docs/api/webhooks.md"))).isEmpty();
            assertThat(opened(session, parked))
                    .containsExactly(
                            notChecked(
                                    "not checked: docs/drafts/"
                                            + LEDGER
                                            + " is not where this project's specs are"
                                            + " (directives/spec/ or the `specs:` globs of"
                                            + " .specgate.yml)"));
            assertThat(opened(session, note))
                    .containsExactly(
                            notChecked(
                                    "not checked: docs/dev/ledger-export.md is not where this"
                                            + " project's specs are (directives/spec/ or the"
                                            + " `specs:` globs of .specgate.yml)"));
        } finally {
            session.close();
        }
    }

    @Test
    void theConfigurationsGlobsSayWhereSpecsAre() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Files.writeString(
                tmp.resolve(".specgate.yml"), "version: 1\nspecs:\n  - \"docs/specs/*.md\"\n");
        Path moved = tmp.resolve("docs/specs/" + LEDGER);
        Files.createDirectories(moved.getParent());
        Files.copy(tmp.resolve("directives/spec/" + LEDGER), moved);
        Path left = tmp.resolve("directives/spec/2026-11-09_spec_refund-idempotency-keys.md");
        Files.writeString(
                moved, Files.readString(moved).replace("## Rollback Strategy", "## Rollback"));
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            assertThat(opened(session, moved))
                    .extracting(d -> d.getCode().getLeft())
                    .contains("section-missing");
            assertThat(opened(session, left))
                    .containsExactly(
                            notChecked(
                                    "directives/spec/2026-11-09_spec_refund-idempotency-keys.md"
                                            + " is not checked: no specs: glob matches"
                                            + " directives/spec/2026-11-09_spec_refund-idempotency-keys.md"
                                            + " in .specgate.yml"));
            assertThat(opened(session, tmp.resolve("README.md"))).isEmpty();
        } finally {
            session.close();
        }
    }
}
