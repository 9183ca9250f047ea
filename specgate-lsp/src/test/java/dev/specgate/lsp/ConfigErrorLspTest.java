package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration that cannot be used ({@code check} stops with exit 2 and one line naming the file
 * and the cause): the spec gets that line as one error, the configuration file gets it as an error
 * on the line named, the writer is told once in a message, and what does not depend on the
 * configuration (the outline, folding, link completion) is still offered; the spec is checked again
 * as soon as the configuration is fixed, even by a client that does not report changed files.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConfigErrorLspTest {

    @TempDir Path tmp;

    /** What check says of the configuration, the file as written from the project's folder. */
    private String checkSays(Path project) {
        try {
            SpecProject.open(project, ConfigChoice.nearest());
            throw new AssertionError("the configuration was used");
        } catch (ConfigException e) {
            return ".specgate.yml" + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.problem();
        }
    }

    private PublishDiagnosticsParams nextFor(LspSession session, String uri) throws Exception {
        return session.next(uri);
    }

    @Test
    void invalidYamlIsSaidOnTheSpecTheConfigurationAndOnceInAMessage() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path config = tmp.resolve(".specgate.yml");
        // a list never closed, CRLF line ends, a comment above
        Files.writeString(
                config,
                "# parked drafts are left out\r\nversion: 1\r\nspecs: [\"directives/**\"\r\n");
        Path spec = tmp.resolve(LspFeaturesTest.REFUND);
        String text = Files.readString(spec);
        String uri = spec.toUri().toString();
        String configUri = config.toUri().toString();
        String says = checkSays(tmp);
        assertThat(says).startsWith(".specgate.yml:3: not valid YAML: ");
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            session.open(uri, text);
            PublishDiagnosticsParams onConfig = nextFor(session, configUri);
            assertThat(onConfig.getDiagnostics()).hasSize(1);
            Diagnostic c = onConfig.getDiagnostics().get(0);
            assertThat(c.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(c.getCode().getLeft()).isEqualTo("config");
            assertThat(c.getRange().getStart().getLine()).isEqualTo(2);
            assertThat(".specgate.yml:3: " + c.getMessage()).isEqualTo(says);

            List<Diagnostic> onSpec = session.next(uri).getDiagnostics();
            assertThat(onSpec).hasSize(1);
            assertThat(onSpec.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(onSpec.get(0).getCode().getLeft()).isEqualTo("config");
            assertThat(onSpec.get(0).getMessage())
                    .isEqualTo("cannot use the configuration: " + says);

            MessageParams shown = session.shown.poll(30, TimeUnit.SECONDS);
            assertThat(shown).isNotNull();
            assertThat(shown.getType()).isEqualTo(MessageType.Error);
            assertThat(shown.getMessage())
                    .isEqualTo(
                            "specgate: "
                                    + says
                                    + " (specs under it are not checked until it is fixed)")
                    .doesNotContain("\n");

            // the outline does not depend on the configuration
            List<DocumentSymbol> symbols =
                    session
                            .server
                            .getTextDocumentService()
                            .documentSymbol(
                                    new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
                            .get(30, TimeUnit.SECONDS)
                            .stream()
                            .map(e -> e.getRight())
                            .toList();
            assertThat(symbols).hasSize(1);
            assertThat(symbols.get(0).getName()).startsWith("Technical Specification:");
            assertThat(symbols.get(0).getChildren())
                    .extracting(DocumentSymbol::getName)
                    .contains("Executive Summary", "Problem Analysis");
            assertThat(
                            session.server
                                    .getTextDocumentService()
                                    .foldingRange(
                                            new FoldingRangeRequestParams(
                                                    new TextDocumentIdentifier(uri)))
                                    .get(30, TimeUnit.SECONDS))
                    .isNotEmpty();
            // nor does a link's target: the files beside the spec; a field's values do
            List<String> lines = text.lines().toList();
            int typeLine = lineStarting(lines, "**Type:**");
            assertThat(complete(session, uri, typeLine, 10)).isEmpty();
            String edited = text + "\nSee [the notes](";
            change(session, uri, 2, edited);
            assertThat(complete(session, uri, edited.lines().toList().size() - 1, 16))
                    .extracting(CompletionItem::getLabel)
                    .contains("2026-11-18_spec_sms-provider-failover.md");
            // no rename: a search of the workspace would miss the specs it governs
            int heading = lineStarting(lines, "### Database Changes");
            assertThat(
                            session.server
                                    .getTextDocumentService()
                                    .prepareRename(
                                            new PrepareRenameParams(
                                                    new TextDocumentIdentifier(uri),
                                                    new Position(heading, 6)))
                                    .get(30, TimeUnit.SECONDS))
                    .isNull();
            // the same problem on the next check is not said again
            assertThat(session.at(uri, 2).getDiagnostics()).hasSize(1);
            assertThat(session.shown.poll(1, TimeUnit.SECONDS)).isNull();
            // a client that sends the configuration itself gets the problem on its line there
            session.open(configUri, Files.readString(config));
            PublishDiagnosticsParams opened = session.next(configUri);
            while (opened.getVersion() == null) {
                opened = session.next(configUri); // ConfigNotices's, then the open document's
            }
            assertThat(opened.getDiagnostics()).containsExactly(c);
            session.server
                    .getTextDocumentService()
                    .didClose(
                            new org.eclipse.lsp4j.DidCloseTextDocumentParams(
                                    new TextDocumentIdentifier(configUri)));
            assertThat(session.next(configUri).getDiagnostics()).isEmpty(); // closed: cleared

            // fixed, with no notice of the change from the client: the next check uses it
            Files.writeString(config, "# parked drafts are left out\r\nversion: 1\r\n");
            change(session, uri, 3, text);
            assertThat(nextFor(session, configUri).getDiagnostics()).isEmpty();
            assertThat(LspSession.codes(session.at(uri, 3)))
                    .isNotEmpty()
                    .doesNotContain("config")
                    .contains("section-missing");
            assertThat(session.shown).isEmpty();
        } finally {
            session.close();
        }
    }

    @Test
    void aConfigurationBrokenWhileSpecsAreOpenIsNoticedAtTheNextCheck() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path config = tmp.resolve(".specgate.yml");
        Files.writeString(config, "version: 1\nrules:\n  section-missing: warning\n");
        Path spec = tmp.resolve(LspFeaturesTest.REFUND);
        String text = Files.readString(spec);
        String uri = spec.toUri().toString();
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            session.open(uri, text);
            assertThat(LspSession.codes(session.next(uri))).contains("section-missing");
            // an unknown key, written while the spec is open; the client says nothing of it
            Files.writeString(
                    config, "version: 1\nrules:\n  section-missing: warning\nrule:\n  x: off\n");
            String says = checkSays(tmp);
            assertThat(says).startsWith(".specgate.yml:4: unknown key 'rule'");
            change(session, uri, 2, text + "\n");
            assertThat(session.at(uri, 2).getDiagnostics())
                    .singleElement()
                    .satisfies(
                            d ->
                                    assertThat(d.getMessage())
                                            .isEqualTo("cannot use the configuration: " + says));
            assertThat(session.shown.poll(30, TimeUnit.SECONDS).getMessage())
                    .startsWith("specgate: " + says);
        } finally {
            session.close();
        }
    }

    @Test
    void theErrorOnARemovedConfigurationIsTakenBackWhenASpecItGovernedIsChecked() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path config = tmp.resolve(".specgate.yml");
        Files.writeString(config, "version: 1\r\nrule:\r\n  section-missing: off\r\n");
        Path spec = tmp.resolve(LspFeaturesTest.REFUND);
        String text = Files.readString(spec);
        String uri = spec.toUri().toString();
        String configUri = config.toUri().toString();
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            session.open(uri, text);
            assertThat(session.next(configUri).getDiagnostics()).hasSize(1);
            assertThat(LspSession.codes(session.next(uri))).containsExactly("config");
            assertThat(session.shown.poll(30, TimeUnit.SECONDS)).isNotNull();

            // the writer gives up on it and deletes it: the spec is checked with no
            // configuration, and the error on the file that no longer exists is taken back
            Files.delete(config);
            change(session, uri, 2, text + "\n");
            // (said before the spec's own diagnostics)
            assertThat(session.next(configUri).getDiagnostics()).isEmpty();
            assertThat(LspSession.codes(session.at(uri, 2))).contains("section-missing");

            // written again with the same mistake: said again, as it is new
            Files.writeString(config, "version: 1\r\nrule:\r\n  section-missing: off\r\n");
            change(session, uri, 3, text);
            assertThat(session.next(configUri).getDiagnostics()).hasSize(1);
            assertThat(session.shown.poll(30, TimeUnit.SECONDS)).isNotNull();
        } finally {
            session.close();
        }
    }

    @Test
    void aConfigurationBrokenAndFixedOverAndOverWhileRequestsCheckEndsAsItIsAndSaysEachBreakOnce()
            throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path config = tmp.resolve(".specgate.yml");
        String good = "# parked drafts are left out\r\nversion: 1\r\n";
        String broken = "# parked drafts are left out\r\nversion: 1\r\nrule:\r\n  x: off\r\n";
        Files.writeString(config, good);
        String configUri = config.toUri().toString();
        List<String> uris =
                List.of(LspFeaturesTest.REFUND, LspFeaturesTest.SMS).stream()
                        .map(f -> tmp.resolve(f).toUri().toString())
                        .toList();
        LspSession session = LspSession.pushing(tmp, "demo");
        java.util.concurrent.atomic.AtomicBoolean done =
                new java.util.concurrent.atomic.AtomicBoolean();
        // requests check the specs on their own threads all along, as an editor's do
        Thread requests =
                new Thread(
                        () -> {
                            while (!done.get()) {
                                for (String uri : uris) {
                                    pulled(session, uri);
                                }
                            }
                        });
        try {
            for (String uri : uris) {
                session.open(uri, Files.readString(Path.of(new java.net.URI(uri))));
            }
            requests.start();
            int rounds = 10;
            for (int r = 0; r < rounds; r++) {
                Files.writeString(config, broken);
                configChanged(session, configUri);
                while (session.next(configUri).getDiagnostics().isEmpty()) {
                    // an earlier round's clearing
                }
                Files.writeString(config, good);
                configChanged(session, configUri);
                while (!session.next(configUri).getDiagnostics().isEmpty()) {
                    // the break said again by a check that began before the fix
                }
            }
            done.set(true);
            requests.join();
            // every spec's last check, pulled as the text stands and pushed after an edit, is
            // with the fixed configuration
            for (String uri : uris) {
                assertThat(pulled(session, uri)).isNotEmpty().doesNotContain("config");
            }
            for (String uri : uris) {
                session.server
                        .getTextDocumentService()
                        .didChange(
                                new DidChangeTextDocumentParams(
                                        new VersionedTextDocumentIdentifier(uri, 2),
                                        List.of(
                                                new TextDocumentContentChangeEvent(
                                                        Files.readString(
                                                                        Path.of(
                                                                                new java.net.URI(
                                                                                        uri)))
                                                                + "\n"))));
                assertThat(LspSession.codes(session.at(uri, 2))).doesNotContain("config");
                assertThat(pulled(session, uri)).isNotEmpty().doesNotContain("config");
            }
            // nothing more said of the configuration, and each break said once
            assertThat(session.published)
                    .noneMatch(p -> p.getUri().equals(configUri) && !p.getDiagnostics().isEmpty());
            assertThat(session.shown)
                    .hasSize(rounds)
                    .allSatisfy(
                            m ->
                                    assertThat(m.getMessage())
                                            .startsWith("specgate: .specgate.yml:3: unknown key"));
        } finally {
            done.set(true);
            session.close();
        }
    }

    /** The codes of a spec's diagnostics as a client that pulls them gets them. */
    private static List<String> pulled(LspSession session, String uri) {
        try {
            return session
                    .server
                    .getTextDocumentService()
                    .diagnostic(
                            new org.eclipse.lsp4j.DocumentDiagnosticParams(
                                    new TextDocumentIdentifier(uri)))
                    .get(30, TimeUnit.SECONDS)
                    .getLeft()
                    .getItems()
                    .stream()
                    .map(d -> d.getCode().getLeft())
                    .toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void configChanged(LspSession session, String configUri) {
        session.server
                .getWorkspaceService()
                .didChangeWatchedFiles(
                        new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
                                List.of(
                                        new org.eclipse.lsp4j.FileEvent(
                                                configUri,
                                                org.eclipse.lsp4j.FileChangeType.Changed))));
    }

    private static int lineStarting(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replace("\uFEFF", "").startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + start);
    }

    private static void change(LspSession session, String uri, int version, String text) {
        session.server
                .getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(uri, version),
                                List.of(new TextDocumentContentChangeEvent(text))));
    }

    private static List<CompletionItem> complete(
            LspSession session, String uri, int line, int column) throws Exception {
        return session.server
                .getTextDocumentService()
                .completion(
                        new CompletionParams(
                                new TextDocumentIdentifier(uri), new Position(line, column)))
                .get(30, TimeUnit.SECONDS)
                .getLeft();
    }
}
