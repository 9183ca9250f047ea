package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DeleteFilesParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileDelete;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec opened under a further name of a file the workspace's search checks under another (a
 * symbolic link kept from a rename, a hard link) gets the notice {@code check FOLDER} prints on
 * stderr, as an information diagnostic on its first line; the spec under its own name gets none.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AliasSpecLspTest {

    @TempDir Path tmp;

    /** A folder outside the workspace: where a spec stands while it is out of it. */
    @TempDir Path parked;

    private static final String SPEC = "directives/spec/2026-11-09_spec_refund-idempotency-keys.md";

    @Test
    void aLinkToASpecAndAHardLinkAreNoticedAndTheSpecItselfIsNot() throws Exception {
        LspFeaturesTest.copy(Path.of("..", "examples", "demo"), tmp);
        Path spec = tmp.resolve(SPEC);
        // the old name, kept as a link after a rename; a hard link that sorts after the spec
        Path renamed = tmp.resolve("directives/spec/2026-11-09_spec_refund-keys.md");
        Path hard = tmp.resolve("directives/spec/2026-11-10_spec_refund-idempotency-keys.md");
        try {
            Files.createSymbolicLink(renamed, spec.getFileName());
            Files.createLink(hard, spec);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no links here: " + e);
        }
        String text = Files.readString(spec);
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            String linkUri = renamed.toUri().toString();
            session.open(linkUri, text);
            List<Diagnostic> link = session.next(linkUri).getDiagnostics();
            assertThat(link.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Information);
            assertThat(link.get(0).getCode().getLeft()).isEqualTo(SpecInspection.ALIAS);
            assertThat(link.get(0).getRange().getStart().getLine()).isZero();
            assertThat(link.get(0).getMessage())
                    .isEqualTo(
                            "directives/spec/2026-11-09_spec_refund-keys.md is not checked again:"
                                    + " it is the same file as "
                                    + SPEC
                                    + ", checked under that name");
            // and it is still checked under the name it was opened with, as check LINK does
            assertThat(link).hasSizeGreaterThan(1);

            String hardUri = hard.toUri().toString();
            session.open(hardUri, text);
            List<Diagnostic> second = session.next(hardUri).getDiagnostics();
            assertThat(second.get(0).getMessage())
                    .isEqualTo(
                            "directives/spec/2026-11-10_spec_refund-idempotency-keys.md is not"
                                    + " checked again: it is the same file as "
                                    + SPEC
                                    + ", checked under that name");

            String specUri = spec.toUri().toString();
            session.open(specUri, text);
            assertThat(session.next(specUri).getDiagnostics())
                    .noneMatch(d -> SpecInspection.ALIAS.equals(d.getCode().getLeft()));
            // a spec without another name
            Path other = tmp.resolve("directives/spec/2026-11-18_spec_sms-provider-failover.md");
            session.open(other.toUri().toString(), Files.readString(other));
            assertThat(session.next(other.toUri().toString()).getDiagnostics())
                    .noneMatch(d -> SpecInspection.ALIAS.equals(d.getCode().getLeft()));
        } finally {
            session.close();
        }
    }

    /**
     * The search for a spec's further names is kept between checks, not made again as the user
     * types: a name that appears on disk changes nothing until the client says a file was created
     * (a watched file, a file operation, a save); then the notice comes, and it goes when the
     * client says the file was deleted.
     */
    @Test
    void aSecondNameThatAppearsIsNoticedOnceTheClientSaysSoAndNotBefore() throws Exception {
        LspFeaturesTest.copy(Path.of("..", "examples", "demo"), tmp);
        Path spec = tmp.resolve(SPEC);
        // the spec is parked outside the workspace; a hard link to it is the only name in it
        Path away = parked.resolve("2026-11-09_spec_refund-idempotency-keys.md");
        Files.move(spec, away);
        Path copy = tmp.resolve("directives/spec/2026-11-10_spec_refund-idempotency-keys.md");
        try {
            Files.createLink(copy, away);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no hard links here: " + e);
        }
        String text = Files.readString(copy);
        String uri = copy.toUri().toString();
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            session.open(uri, text);
            assertThat(LspSession.codes(session.at(uri, 1))).doesNotContain(SpecInspection.ALIAS);

            // the spec comes back under its own name: the same file, so copy is a second name
            Files.createLink(spec, away);
            // typing checks again, with the names searched before: no walk, no notice yet
            type(session, uri, 2, text + "\n");
            assertThat(LspSession.codes(session.at(uri, 2))).doesNotContain(SpecInspection.ALIAS);

            watched(session, spec, FileChangeType.Created);
            List<Diagnostic> noticed = session.at(uri, 2).getDiagnostics();
            assertThat(noticed.get(0).getCode().getLeft()).isEqualTo(SpecInspection.ALIAS);
            assertThat(noticed.get(0).getMessage())
                    .isEqualTo(
                            "directives/spec/2026-11-10_spec_refund-idempotency-keys.md is not"
                                    + " checked again: it is the same file as "
                                    + SPEC
                                    + ", checked under that name");
            // kept while the user types on
            type(session, uri, 3, text + "\n\n");
            assertThat(LspSession.codes(session.at(uri, 3))).startsWith(SpecInspection.ALIAS);

            Files.delete(spec);
            session.server
                    .getWorkspaceService()
                    .didDeleteFiles(
                            new DeleteFilesParams(
                                    List.of(new FileDelete(spec.toUri().toString()))));
            assertThat(LspSession.codes(session.at(uri, 3))).doesNotContain(SpecInspection.ALIAS);
        } finally {
            session.close();
        }
    }

    private static void type(LspSession session, String uri, int version, String text) {
        session.server
                .getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(uri, version),
                                List.of(new TextDocumentContentChangeEvent(text))));
    }

    private static void watched(LspSession session, Path file, FileChangeType type) {
        session.server
                .getWorkspaceService()
                .didChangeWatchedFiles(
                        new DidChangeWatchedFilesParams(
                                List.of(new FileEvent(file.toUri().toString(), type))));
    }
}
