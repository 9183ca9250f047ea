package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration fixed on disk while a spec is open, the spec not touched: a client that does not
 * watch files for the server (Neovim 0.7 offers no dynamic registration of {@code
 * workspace/didChangeWatchedFiles}) gets the spec checked again by the server's own watch; a client
 * that watches them is left to say so, and the server does not check twice.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConfigWatchLspTest {

    @TempDir Path tmp;

    /** A configuration broken on its line 3 (an unknown key), CRLF line ends, a comment above. */
    private static final String BROKEN =
            "# parked drafts are left out\r\nversion: 1\r\nrule:\r\n  section-missing: off\r\n";

    private static final String FIXED = "# parked drafts are left out\r\nversion: 1\r\n";

    @Test
    void aConfigurationFixedOnDiskIsTakenUpWithoutAnEditWhenTheClientWatchesNothing()
            throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path config = tmp.resolve(".specgate.yml");
        Files.writeString(config, BROKEN);
        Path spec = tmp.resolve(LspFeaturesTest.REFUND);
        String uri = spec.toUri().toString();
        String configUri = config.toUri().toString();
        LspSession session = LspSession.pushing(tmp, "demo"); // no watched files at all
        try {
            session.open(uri, Files.readString(spec));
            assertThat(session.next(configUri).getDiagnostics()).hasSize(1);
            assertThat(LspSession.codes(session.next(uri))).containsExactly("config");

            Files.writeString(config, FIXED);
            // said by nobody: the server sees it, takes back the error, checks the spec again
            assertThat(session.next(configUri).getDiagnostics()).isEmpty();
            PublishDiagnosticsParams again = session.next(uri);
            assertThat(again.getVersion()).isEqualTo(1);
            assertThat(LspSession.codes(again)).isNotEmpty().doesNotContain("config");

            // and broken again: said again, still without an edit
            Files.writeString(config, BROKEN);
            assertThat(session.next(configUri).getDiagnostics()).hasSize(1);
            assertThat(LspSession.codes(session.next(uri))).containsExactly("config");
        } finally {
            session.close();
        }
    }

    @Test
    void aClientThatWatchesFilesIsLeftToSaySoAndTheSpecIsNotCheckedTwice() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path config = tmp.resolve(".specgate.yml");
        Files.writeString(config, BROKEN);
        Path spec = tmp.resolve(LspFeaturesTest.REFUND);
        String uri = spec.toUri().toString();
        String configUri = config.toUri().toString();
        ClientCapabilities caps = SpecgateLanguageServerTest.pushClient();
        WorkspaceClientCapabilities w = new WorkspaceClientCapabilities();
        w.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        caps.setWorkspace(w);
        LspSession session =
                LspSession.start(
                        LocalDate.parse("2026-11-25"),
                        caps,
                        List.of(new WorkspaceFolder(tmp.toUri().toString(), "demo")));
        try {
            session.open(uri, Files.readString(spec));
            assertThat(session.next(configUri).getDiagnostics()).hasSize(1);
            assertThat(LspSession.codes(session.next(uri))).containsExactly("config");

            Files.writeString(config, FIXED);
            // the server's own watch would have said it well within this
            assertThat(session.published.poll(3, TimeUnit.SECONDS)).isNull();
            // the client's notice: checked once
            session.server
                    .getWorkspaceService()
                    .didChangeWatchedFiles(
                            new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
                                    List.of(
                                            new org.eclipse.lsp4j.FileEvent(
                                                    configUri,
                                                    org.eclipse.lsp4j.FileChangeType.Changed))));
            assertThat(session.next(configUri).getDiagnostics()).isEmpty();
            assertThat(LspSession.codes(session.next(uri))).doesNotContain("config");
            assertThat(session.published.poll(3, TimeUnit.SECONDS)).isNull();
        } finally {
            session.close();
        }
    }
}
