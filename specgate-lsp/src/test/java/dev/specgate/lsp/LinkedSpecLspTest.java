package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec a search of the workspace ({@code check .}) takes through a link — a linked folder in
 * {@code directives/spec/}, or a link to a file kept elsewhere — is checked by the editor whatever
 * name the editor opens it under, and as {@code check .} checks it: under the search's name (its
 * relative links, its path in the findings). Neovim opens a file in a linked folder under its real
 * path; before, that real path, outside every spec place, got only "not checked".
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LinkedSpecLspTest {

    @TempDir Path tmp;

    /** Where the linked specs really are: outside the workspace. */
    @TempDir Path elsewhere;

    private static final String LEDGER = "2026-07-21_spec_ledger-export-sftp.md";
    private static final String SMS = "2026-11-18_spec_sms-provider-failover.md";

    @Test
    void aSpecReachedThroughALinkIsCheckedUnderTheSearchsNameWhateverNameIsOpened()
            throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path shared = elsewhere.resolve("shared spec");
        Files.createDirectories(shared);
        Files.move(tmp.resolve("directives/spec/" + LEDGER), shared.resolve(LEDGER));
        Files.move(tmp.resolve("directives/spec/" + SMS), elsewhere.resolve(SMS));
        Path folderLink = tmp.resolve("directives/spec/linked");
        Path fileLink = tmp.resolve("directives/spec/" + SMS);
        try {
            Files.createSymbolicLink(folderLink, shared);
            Files.createSymbolicLink(fileLink, elsewhere.resolve(SMS));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no links here: " + e);
        }
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            // under the search's names: checked, with no notice
            List<Diagnostic> viaFolder = opened(session, folderLink.resolve(LEDGER));
            assertThat(viaFolder)
                    .isNotEmpty()
                    .noneMatch(d -> d.getCode().getLeft().equals("alias"));
            // its links are resolved from directives/spec/linked/, as check . resolves them
            assertThat(viaFolder)
                    .anyMatch(
                            d ->
                                    d.getMessage()
                                            .equals(
                                                    "link target '../../docs/dev/ledger-export.md'"
                                                            + " does not exist"));
            List<Diagnostic> viaFile = opened(session, fileLink);
            assertThat(viaFile).isNotEmpty().noneMatch(d -> d.getCode().getLeft().equals("alias"));

            // under the real paths, as Neovim opens a file in a linked folder: the same findings,
            // after one notice naming the name they are checked under
            Path realLedger = shared.resolve(LEDGER).toRealPath();
            List<Diagnostic> real = opened(session, realLedger);
            assertThat(real.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Information);
            assertThat(real.get(0).getCode().getLeft()).isEqualTo(SpecInspection.ALIAS);
            assertThat(real.get(0).getMessage())
                    .isEqualTo(
                            realLedger
                                    + " is checked as directives/spec/linked/"
                                    + LEDGER
                                    + ": it is the same file, which a search of the workspace"
                                    + " finds under that name");
            assertThat(real.subList(1, real.size())).isEqualTo(viaFolder);

            List<Diagnostic> realSms = opened(session, elsewhere.resolve(SMS).toRealPath());
            assertThat(realSms.get(0).getMessage())
                    .endsWith(
                            " is checked as directives/spec/"
                                    + SMS
                                    + ": it is the same file, which a search of the workspace"
                                    + " finds under that name");
            assertThat(realSms.subList(1, realSms.size())).isEqualTo(viaFile);

            // a file beside them that no search takes is still told it is not checked
            Path loose = elsewhere.resolve("2026-12-01_spec_loose.md");
            Files.writeString(loose, Files.readString(elsewhere.resolve(SMS)));
            List<Diagnostic> notTaken = opened(session, loose.toRealPath());
            assertThat(notTaken).hasSize(1);
            assertThat(notTaken.get(0).getCode().getLeft()).isEqualTo(SpecInspection.NOT_CHECKED);
        } finally {
            session.close();
        }
    }

    private static List<Diagnostic> opened(LspSession session, Path file) throws Exception {
        String uri = file.toUri().toString();
        session.open(uri, Files.readString(file));
        return new ArrayList<>(session.next(uri).getDiagnostics());
    }
}
