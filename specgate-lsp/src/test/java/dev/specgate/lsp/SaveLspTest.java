package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save checks again the saved spec and only the open specs whose checks it can change: a spec
 * that links to the file a "save as" made, every open spec when a save split a name met twice (a
 * hard link an atomic save replaced), not every open spec at every save.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SaveLspTest {

    @TempDir Path tmp;

    private static final String SPECS = "directives/spec/";
    private static final String FOLLOW_UP = "2026-12-01_spec_refund-follow-up.md";

    @Test
    void aSaveChecksTheSpecAgainAndOnlyTheSpecsThatLinkToTheFileASaveAsMade() throws Exception {
        LspFeaturesTest.copy(Path.of("..", "examples", "demo"), tmp);
        Path ledger = tmp.resolve(SPECS + "2026-07-21_spec_ledger-export-sftp.md");
        Path refund = tmp.resolve(SPECS + "2026-11-09_spec_refund-idempotency-keys.md");
        Path sms = tmp.resolve(SPECS + "2026-11-18_spec_sms-provider-failover.md");
        Path followUp = tmp.resolve(SPECS + FOLLOW_UP);
        String ledgerUri = ledger.toUri().toString();
        String refundUri = refund.toUri().toString();
        String followUpUri = followUp.toUri().toString();
        // the refund spec, as the editor holds it (CRLF, non-ASCII), links to a spec not yet
        // written
        String refundText =
                Files.readString(refund).replace("\n", "\r\n")
                        + "\r\nDécision suivante : voir [la suite]("
                        + FOLLOW_UP
                        + ").\r\n";
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            session.open(ledgerUri, Files.readString(ledger));
            session.open(refundUri, refundText);
            session.at(ledgerUri, 1);
            assertThat(LspSession.codes(session.at(refundUri, 1))).contains("link-broken");

            // a plain save of the ledger spec: it is checked again, the refund spec is not
            Files.writeString(ledger, Files.readString(ledger), StandardCharsets.UTF_8);
            save(session, ledgerUri);
            List<String> published = publishedUntil(session, ledgerUri);
            published.addAll(publishedUntil(session, sentinel(session, sms, 1)));
            assertThat(published).doesNotContain(refundUri);

            // a save as: the editor opens the new name, then writes it; the spec that links to it
            // is checked again (its link holds now), the ledger spec is not
            String followUpText = Files.readString(refund).replace("Refund", "Refund follow-up");
            session.open(followUpUri, followUpText);
            Files.writeString(followUp, followUpText, StandardCharsets.UTF_8);
            save(session, followUpUri);
            List<String> afterSaveAs = new ArrayList<>();
            PublishDiagnosticsParams refundAgain = null;
            while (refundAgain == null) {
                PublishDiagnosticsParams p = session.published.poll(30, TimeUnit.SECONDS);
                assertThat(p).as("diagnostics after the save as").isNotNull();
                afterSaveAs.add(p.getUri());
                if (p.getUri().equals(refundUri)) {
                    refundAgain = p;
                }
            }
            assertThat(LspSession.codes(refundAgain)).doesNotContain("link-broken");
            afterSaveAs.addAll(publishedUntil(session, sentinel(session, sms, 2)));
            assertThat(afterSaveAs).contains(followUpUri).doesNotContain(ledgerUri);
        } finally {
            session.close();
        }
    }

    @Test
    void aPlainSaveChecksTheSavedSpecAgainAndTheOthersOnlyWhenItChangedTheirNames()
            throws Exception {
        LspFeaturesTest.copy(Path.of("..", "examples", "demo"), tmp);
        Path ledger = tmp.resolve(SPECS + "2026-07-21_spec_ledger-export-sftp.md");
        Path refund = tmp.resolve(SPECS + "2026-11-09_spec_refund-idempotency-keys.md");
        Path sms = tmp.resolve(SPECS + "2026-11-18_spec_sms-provider-failover.md");
        // a second name of the refund spec: a hard link that sorts after it
        Path second = tmp.resolve(SPECS + "2026-11-10_spec_refund-idempotency-keys.md");
        try {
            Files.createLink(second, refund);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no hard links here: " + e);
        }
        String ledgerUri = ledger.toUri().toString();
        String secondUri = second.toUri().toString();
        // the refund spec as the editor holds it and writes it: CRLF, a BOM, non-ASCII
        String refundText =
                "\uFEFF"
                        + Files.readString(refund).replace("\n", "\r\n")
                        + "\r\nZoë signe la suite.\r\n";
        Files.writeString(refund, refundText, StandardCharsets.UTF_8);
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            String ledgerText = Files.readString(ledger);
            session.open(ledgerUri, ledgerText);
            session.open(secondUri, refundText);
            assertThat(LspSession.codes(session.at(ledgerUri, 1)))
                    .doesNotContain("placeholder-bracket");
            assertThat(LspSession.codes(session.at(secondUri, 1))).startsWith(SpecInspection.ALIAS);

            // an edit, then a plain save in place of the ledger spec: the save checks it again
            // (the edit's finding stays), and not the refund spec, whose names it left as they were
            String edited = ledgerText + "\nThe cut-over waits for [Rollback owner].\n";
            type(session, ledgerUri, 2, edited);
            assertThat(LspSession.codes(session.at(ledgerUri, 2))).contains("placeholder-bracket");
            Files.writeString(ledger, edited, StandardCharsets.UTF_8);
            save(session, ledgerUri);
            List<String> published = new ArrayList<>();
            PublishDiagnosticsParams saved = null;
            while (saved == null) {
                PublishDiagnosticsParams p = session.published.poll(30, TimeUnit.SECONDS);
                assertThat(p).as("diagnostics after the save").isNotNull();
                published.add(p.getUri());
                if (p.getUri().equals(ledgerUri)) {
                    saved = p;
                }
            }
            assertThat(LspSession.codes(saved)).contains("placeholder-bracket");
            published.addAll(publishedUntil(session, sentinel(session, sms, 1)));
            assertThat(published).doesNotContain(secondUri);

            // an editor's atomic save of the refund spec under its second name (a new file moved
            // over it) splits the hard link: that name is a file of its own now, so the save alone
            // changes its diagnostics (the notice goes), and every open spec is checked again,
            // since the searches for further names no longer hold
            Path written = second.resolveSibling(".refund-save.tmp");
            Files.writeString(written, refundText, StandardCharsets.UTF_8);
            Files.move(
                    written,
                    second,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            save(session, secondUri);
            List<String> afterSplit = new ArrayList<>();
            PublishDiagnosticsParams own = null;
            while (own == null) {
                PublishDiagnosticsParams p = session.published.poll(30, TimeUnit.SECONDS);
                assertThat(p).as("diagnostics after the atomic save").isNotNull();
                afterSplit.add(p.getUri());
                if (p.getUri().equals(secondUri)) {
                    own = p;
                }
            }
            assertThat(LspSession.codes(own)).doesNotContain(SpecInspection.ALIAS).isNotEmpty();
            afterSplit.addAll(publishedUntil(session, sentinel(session, sms, 2)));
            assertThat(afterSplit).contains(ledgerUri);
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

    private static void save(LspSession session, String uri) {
        session.server
                .getTextDocumentService()
                .didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    /**
     * Opens another spec under a new URI: its check is scheduled after every check a notice sent
     * before it scheduled, so once it is published nothing those notices asked for is still to
     * come.
     */
    private static String sentinel(LspSession session, Path spec, int n) throws Exception {
        String uri = spec.resolveSibling("sentinel-" + n + ".md").toUri().toString();
        session.open(uri, Files.readString(spec));
        return uri;
    }

    /** The URIs diagnostics were published for, up to and including the first for {@code uri}. */
    private static List<String> publishedUntil(LspSession session, String uri) throws Exception {
        List<String> uris = new ArrayList<>();
        while (true) {
            PublishDiagnosticsParams p = session.published.poll(30, TimeUnit.SECONDS);
            assertThat(p).as("diagnostics for " + uri).isNotNull();
            uris.add(p.getUri());
            if (p.getUri().equals(uri)) {
                return uris;
            }
        }
    }
}
