package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileRename;
import org.eclipse.lsp4j.RenameFilesParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the project's specs are changes while files are open: an {@code ignore:} glob, a {@code
 * .specgate.yml} created with {@code specs:} globs, a parked spec moved into {@code
 * directives/spec/}. The open files are checked (or told why not) as {@code check .} would take
 * them after the change.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SpecPlacesChangeLspTest {

    private static final String LEDGER = "2026-07-21_spec_ledger-export-sftp.md";

    @TempDir Path tmp;

    private static List<Diagnostic> opened(LspSession session, Path file) throws Exception {
        String uri = file.toUri().toString();
        session.open(uri, Files.readString(file));
        return session.next(uri).getDiagnostics();
    }

    /** The demo with its ledger spec parked, a section dropped, in docs/drafts/. */
    private Path parked() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path ledger = tmp.resolve("directives/spec/" + LEDGER);
        Path parked = tmp.resolve("docs/drafts/" + LEDGER);
        Files.createDirectories(parked.getParent());
        Files.writeString(
                parked, Files.readString(ledger).replace("## Rollback Strategy", "## Rollback"));
        Files.delete(ledger);
        return parked;
    }

    @Test
    void aSpecAnIgnoreGlobMatchesIsToldSo() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Files.writeString(
                tmp.resolve(".specgate.yml"),
                "version: 1\r\nignore:\r\n  - \"directives/spec/2026-07-*.md\"\r\n");
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            assertThat(opened(session, tmp.resolve("directives/spec/" + LEDGER)))
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.getSeverity())
                                        .isEqualTo(DiagnosticSeverity.Information);
                                assertThat(d.getMessage())
                                        .isEqualTo(
                                                "directives/spec/"
                                                        + LEDGER
                                                        + " is not checked: an ignore: glob"
                                                        + " matches it in .specgate.yml");
                            });
            assertThat(opened(session, tmp.resolve("README.md"))).isEmpty();
        } finally {
            session.close();
        }
    }

    @Test
    void aConfigurationCreatedWhileOpenChangesWhatIsChecked() throws Exception {
        Path parked = parked();
        String uri = parked.toUri().toString();
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            assertThat(opened(session, parked))
                    .extracting(d -> d.getCode().getLeft())
                    .containsExactly(SpecInspection.NOT_CHECKED);
            Path config = tmp.resolve(".specgate.yml");
            Files.writeString(config, "version: 1\nspecs:\n  - \"docs/drafts/*.md\"\n");
            session.server
                    .getWorkspaceService()
                    .didChangeWatchedFiles(
                            new DidChangeWatchedFilesParams(
                                    List.of(
                                            new FileEvent(
                                                    config.toUri().toString(),
                                                    FileChangeType.Created))));
            assertThat(session.next(uri).getDiagnostics())
                    .extracting(d -> d.getCode().getLeft())
                    .contains("section-missing")
                    .doesNotContain(SpecInspection.NOT_CHECKED);

            Files.delete(config);
            session.server
                    .getWorkspaceService()
                    .didChangeWatchedFiles(
                            new DidChangeWatchedFilesParams(
                                    List.of(
                                            new FileEvent(
                                                    config.toUri().toString(),
                                                    FileChangeType.Deleted))));
            assertThat(session.next(uri).getDiagnostics())
                    .extracting(d -> d.getCode().getLeft())
                    .containsExactly(SpecInspection.NOT_CHECKED);
        } finally {
            session.close();
        }
    }

    @Test
    void aParkedSpecMovedIntoDirectivesSpecIsChecked() throws Exception {
        Path parked = parked();
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            assertThat(opened(session, parked))
                    .extracting(d -> d.getCode().getLeft())
                    .containsExactly(SpecInspection.NOT_CHECKED);
            Path moved = tmp.resolve("directives/spec/" + LEDGER);
            Files.move(parked, moved);
            // as an editor renames an open file: closed under the old name, opened under the new
            session.server
                    .getTextDocumentService()
                    .didClose(
                            new DidCloseTextDocumentParams(
                                    new TextDocumentIdentifier(parked.toUri().toString())));
            session.server
                    .getWorkspaceService()
                    .didRenameFiles(
                            new RenameFilesParams(
                                    List.of(
                                            new FileRename(
                                                    parked.toUri().toString(),
                                                    moved.toUri().toString()))));
            assertThat(opened(session, moved))
                    .extracting(d -> d.getCode().getLeft())
                    .contains("section-missing")
                    .doesNotContain(SpecInspection.NOT_CHECKED);
        } finally {
            session.close();
        }
    }

    @Test
    void aTaskListMisnamedInDirectivesTasksIsToldWhyAsCheckSaysIt() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        // '_tasks_' for '_task_': check . says why it is not taken; the editor said nothing
        Path misnamed = tmp.resolve("directives/tasks/2026-11-10_tasks_refund-idempotency-keys.md");
        Files.createDirectories(misnamed.getParent());
        Files.writeString(
                misnamed,
                "# Task List: Refund Idempotency Keys\r\n\r\n- [x] 1.0 Prerequisites\r\n"
                        + "  - [ ] 1.1 Zähler prüfen\r\n");
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            assertThat(opened(session, misnamed))
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.getSeverity())
                                        .isEqualTo(DiagnosticSeverity.Information);
                                assertThat(d.getMessage())
                                        .isEqualTo(
                                                "directives/tasks/2026-11-10_tasks_refund-idempotency-keys.md"
                                                        + " is not checked: only files whose name"
                                                        + " holds '_task_' are task lists in"
                                                        + " directives/tasks/ (name it"
                                                        + " YYYY-MM-DD_task_SLUG.md)");
                            });
            // a README there is let be, as check . lets it be
            Path readme = tmp.resolve("directives/tasks/README.md");
            Files.writeString(readme, "# Task lists\n\nOne per spec.\n");
            assertThat(opened(session, readme)).isEmpty();
        } finally {
            session.close();
        }
    }

    @Test
    void aStatusLineInACodeExampleDoesNotMakeAPageReadLikeASpec() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        // a page documenting the template, as docs/rules.md does: the line is in a fence
        Path guide = tmp.resolve("docs/dev/writing-specs.md");
        Files.writeString(
                guide,
                "# Writing specs\r\n\r\nEvery spec starts so:\r\n\r\n```markdown\r\n"
                        + "**Document Status:** Draft\r\n```\r\n\r\n~~~\r\n"
                        + "> **Document Status:** Révision\r\n~~~\r\n");
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            assertThat(opened(session, guide)).isEmpty();
        } finally {
            session.close();
        }
    }
}
