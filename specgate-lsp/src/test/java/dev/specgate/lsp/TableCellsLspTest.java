package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table row wider than its header ({@code table-cells}) is shown in the editor as check says it,
 * on the row, its range in UTF-16 columns past a non-ASCII and an astral char earlier on the line.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TableCellsLspTest {

    private static final String LEDGER = "2026-07-21_spec_ledger-export-sftp.md";

    @TempDir Path tmp;

    @Test
    void aRowWiderThanItsHeaderIsFlaggedOnTheRowInUtf16Columns() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path ledger = tmp.resolve("directives/spec/" + LEDGER);
        String row = "| Größe 😀 | 5 MB | dropped owner text |";
        String text =
                Files.readString(ledger)
                        .replace(
                                "## Problem Analysis\n",
                                "## Problem Analysis\n\n| Field | Value |\n| --- | --- |\n"
                                        + row
                                        + "\n\n");
        Files.writeString(ledger, text);
        int rowLine = List.of(text.split("\n", -1)).indexOf(row);
        assertThat(rowLine).isPositive();

        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            String uri = ledger.toUri().toString();
            session.open(uri, text);
            List<Diagnostic> found =
                    session.next(uri).getDiagnostics().stream()
                            .filter(d -> "table-cells".equals(d.getCode().getLeft()))
                            .toList();
            assertThat(found).hasSize(1);
            Diagnostic d = found.get(0);
            assertThat(d.getMessage())
                    .startsWith(
                            "table row has 3 cells, its header 2: cells past the 2nd are not"
                                    + " shown ('dropped owner text')");
            assertThat(d.getRange().getStart().getLine()).isEqualTo(rowLine);
            assertThat(d.getRange().getEnd().getLine()).isEqualTo(rowLine);
            String flagged =
                    row.substring(
                            d.getRange().getStart().getCharacter(),
                            d.getRange().getEnd().getCharacter());
            assertThat(flagged).contains("dropped owner text").doesNotContain("5 MB");
        } finally {
            session.close();
        }
    }
}
