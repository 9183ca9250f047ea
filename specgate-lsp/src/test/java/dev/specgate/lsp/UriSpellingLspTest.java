package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A spec in a folder whose name is not plain ASCII is checked whichever way the client spells its
 * URI: percent-encoded ({@code file:///tmp/d%C3%A9mo/...}) or raw ({@code file:///tmp/démo/...}, as
 * some clients send it). Both spellings get the findings {@code check} reports, and name the same
 * open document; a {@code file:} URI that names no local file gets an error, never an empty list.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UriSpellingLspTest {

    private static final String SPEC = "directives/spec/2026-11-09_spec_refund-idempotency-keys.md";

    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"démo", "dé mo #2"})
    void bothSpellingsOfOneFileGetTheSameFindings(String folder) throws Exception {
        Path root = tmp.resolve(folder);
        LspFeaturesTest.copy(Path.of("..", "examples", "demo"), root);
        Path spec = root.resolve(SPEC).toAbsolutePath().normalize();
        String text = Files.readString(spec);
        String encoded = encoded(spec);
        String raw = "file://" + spec;
        assertThat(encoded).doesNotContain("é").contains("%C3%A9");
        assertThat(raw).contains("é").contains(folder);

        List<Diagnostic> fromEncoded = opened(encoded(root), encoded, text, raw);
        List<Diagnostic> fromRaw = opened("file://" + root, raw, text, encoded);

        assertThat(fromEncoded).isNotEmpty();
        assertThat(fromRaw).isEqualTo(fromEncoded);
        assertThat(fromEncoded).isEqualTo(new SpecgateLanguageServerTest().checkOf(spec));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file://build-host/srv/specs/a.md", "file:relative/a.md"})
    void aFileUriThatNamesNoLocalFileIsSaidNotPassed(String uri) throws Exception {
        LspSession session =
                LspSession.start(
                        LocalDate.parse("2026-11-25"), SpecgateLanguageServerTest.pushClient());
        try {
            session.open(uri, "# Spec: nowhere\n");
            List<Diagnostic> shown = session.next(uri).getDiagnostics();
            assertThat(shown).hasSize(1);
            assertThat(shown.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(shown.get(0).getCode().getLeft()).isEqualTo("uri");
            assertThat(shown.get(0).getMessage())
                    .isEqualTo("cannot check " + uri + ": the URI names no local file");
        } finally {
            session.close();
        }
    }

    @org.junit.jupiter.api.Test
    void anUntitledBufferIsSaidToBeUnchecked() throws Exception {
        LspSession session =
                LspSession.start(
                        LocalDate.parse("2026-11-25"), SpecgateLanguageServerTest.pushClient());
        try {
            String uri = "untitled:Untitled-1";
            session.open(uri, "# Spec: not saved yet\n");
            List<Diagnostic> shown = session.next(uri).getDiagnostics();
            assertThat(shown).hasSize(1);
            assertThat(shown.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Information);
            assertThat(shown.get(0).getCode().getLeft()).isEqualTo("uri");
            assertThat(shown.get(0).getMessage())
                    .isEqualTo(
                            "not checked: untitled:Untitled-1 is not a file: URI; save it as a"
                                    + " file to check it");
        } finally {
            session.close();
        }
    }

    /** Neovim (0.7 to 0.9) opens a buffer with no name yet as {@code file://}: not an error. */
    @org.junit.jupiter.api.Test
    void aNeovimBufferWithNoNameIsSaidToBeUncheckedAsAnUntitledOne() throws Exception {
        LspSession session =
                LspSession.start(
                        LocalDate.parse("2026-11-25"), SpecgateLanguageServerTest.pushClient());
        try {
            String uri = "file://";
            session.open(uri, "# Technical Specification: scratch\n");
            List<Diagnostic> shown = session.next(uri).getDiagnostics();
            assertThat(shown).hasSize(1);
            assertThat(shown.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Information);
            assertThat(shown.get(0).getCode().getLeft()).isEqualTo("uri");
            assertThat(shown.get(0).getMessage())
                    .isEqualTo(
                            "not checked: file:// names no file yet; save it as a file to check it");
        } finally {
            session.close();
        }
    }

    /**
     * Opens {@code uri} in a session whose workspace folder is {@code folderUri}, and returns what
     * is published for it; the outline asked under the {@code other} spelling is the open
     * document's.
     */
    private static List<Diagnostic> opened(String folderUri, String uri, String text, String other)
            throws Exception {
        LspSession session =
                LspSession.start(
                        LocalDate.parse("2026-11-25"),
                        SpecgateLanguageServerTest.pushClient(),
                        List.of(new WorkspaceFolder(folderUri, "demo")));
        try {
            session.open(uri, text);
            List<Diagnostic> shown = session.next(uri).getDiagnostics();
            var symbols =
                    session.server
                            .getTextDocumentService()
                            .documentSymbol(
                                    new DocumentSymbolParams(new TextDocumentIdentifier(other)))
                            .get(30, TimeUnit.SECONDS);
            assertThat(symbols).as("outline of %s, opened as %s", other, uri).isNotEmpty();
            return shown;
        } finally {
            session.close();
        }
    }

    /**
     * The URI with every byte outside unreserved ASCII and '/' percent-encoded, as VS Code does.
     */
    private static String encoded(Path file) {
        StringBuilder b = new StringBuilder("file://");
        for (byte x : file.toString().getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~".indexOf(c) >= 0)) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }
}
