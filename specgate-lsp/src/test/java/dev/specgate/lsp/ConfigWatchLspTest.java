package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
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

    /**
     * A workspace folder added after {@code initialize} is watched, one removed is not, and its
     * watcher's thread ends; at exit no watcher of the session is left running.
     */
    @Test
    void theWatchFollowsWorkspaceFoldersAddedAndRemovedAndLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = watcherThreads();
        Path first = tmp.resolve("payments");
        Path added = tmp.resolve("ledger (zweites Projekt)");
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, first);
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, added);
        Path config = added.resolve(".specgate.yml");
        Files.writeString(config, FIXED);
        Path spec = first.resolve(LspFeaturesTest.REFUND);
        String uri = spec.toUri().toString();
        LspSession session = LspSession.pushing(first, "payments");
        try {
            session.open(uri, Files.readString(spec));
            List<String> findings = LspSession.codes(session.next(uri));
            assertThat(findings).isNotEmpty().doesNotContain("config");
            assertThat(awaitThreads(before, 1)).hasSize(1);

            WorkspaceFolder folder = new WorkspaceFolder(added.toUri().toString(), "ledger");
            // as Neovim 0.7 says it: an empty folder in the list it has nothing for
            foldersChanged(session, List.of(folder), List.of(new WorkspaceFolder()));
            // the folders changed: the open spec is checked again
            assertThat(LspSession.codes(session.next(uri))).isEqualTo(findings);
            assertThat(awaitThreads(before, 2)).hasSize(2);

            // the added folder's configuration broken on disk, said by nobody: every open spec
            // is checked again (the server cannot tell which a configuration governs)
            Files.writeString(config, BROKEN);
            assertThat(LspSession.codes(session.next(uri))).isEqualTo(findings);

            Set<Thread> two = awaitThreads(before, 2);
            foldersChanged(session, List.of(), List.of(folder));
            assertThat(LspSession.codes(session.next(uri))).isEqualTo(findings);
            Set<Thread> one = awaitThreads(before, 1);
            assertThat(one).hasSize(1);
            assertThat(two).containsAll(one);
            // the removed folder's configuration is watched no more
            Files.writeString(config, FIXED);
            assertThat(session.published.poll(3, TimeUnit.SECONDS)).isNull();

            assertThat(session.shutdownAndExit()).isZero();
            assertThat(awaitThreads(before, 0)).isEmpty();
        } finally {
            session.close();
        }
    }

    /**
     * A spec opened outside every workspace folder: its project's root is watched while it is open,
     * so its configuration fixed on disk is taken up without an edit; closed, the watch ends.
     */
    @Test
    void aSpecOutsideTheFoldersHasItsProjectWatchedWhileItIsOpen() throws Exception {
        Set<Thread> before = watcherThreads();
        Path workspace = tmp.resolve("workspace");
        Path outside = tmp.resolve("elsewhere/payments");
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, workspace);
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, outside);
        Path config = outside.resolve(".specgate.yml");
        Files.writeString(config, BROKEN);
        Path spec = outside.resolve(LspFeaturesTest.REFUND);
        String uri = spec.toUri().toString();
        String configUri = config.toUri().toString();
        LspSession session = LspSession.pushing(workspace, "workspace");
        try {
            assertThat(awaitThreads(before, 1)).hasSize(1);
            session.open(uri, Files.readString(spec));
            assertThat(session.next(configUri).getDiagnostics()).hasSize(1);
            assertThat(LspSession.codes(session.next(uri))).containsExactly("config");
            assertThat(awaitThreads(before, 2)).hasSize(2);

            Files.writeString(config, FIXED);
            assertThat(session.next(configUri).getDiagnostics()).isEmpty();
            assertThat(LspSession.codes(session.next(uri))).isNotEmpty().doesNotContain("config");

            session.server
                    .getTextDocumentService()
                    .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
            assertThat(awaitThreads(before, 1)).hasSize(1);
        } finally {
            session.close();
        }
    }

    private static void foldersChanged(
            LspSession session, List<WorkspaceFolder> added, List<WorkspaceFolder> removed) {
        session.server
                .getWorkspaceService()
                .didChangeWorkspaceFolders(
                        new DidChangeWorkspaceFoldersParams(
                                new WorkspaceFoldersChangeEvent(added, removed)));
    }

    /** The watchers' threads running now. */
    static Set<Thread> watcherThreads() {
        Set<Thread> running = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("specgate-watcher") && t.isAlive()) {
                running.add(t);
            }
        }
        return running;
    }

    /**
     * The watchers' threads running that were not {@code before}, once there are {@code n} of them
     * (or after 20 s, to fail on).
     */
    static Set<Thread> awaitThreads(Set<Thread> before, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Set<Thread> now = watcherThreads();
            now.removeAll(before);
            if (now.size() == n || System.nanoTime() > end) {
                return now;
            }
            Thread.sleep(20);
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
