package dev.specgate.core.rules.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A team template whose metadata is a leading list of bold labels ({@code - **Owner:** [Name]}): a
 * list item's value is Markdown, so a placeholder left there is among the prose's brackets and must
 * be reported once, not a second time as a metadata value left in.
 */
class ListItemPlaceholderTest {

    private static final TemplateSchema TEAM =
            TemplateSchema.derive(
                    "spezifikation",
                    """
                    # Spezifikation: [Titel]

                    - **Owner:** [Name]
                    - **Status:** [Entwurf | Prüfung | Freigegeben]
                    - **Created:** [Date]

                    ## Zusammenfassung

                    [Kurzer Überblick]
                    """);

    private static final SpecChecker CHECKER = SpecChecker.builder().schema(TEAM).build();

    private static List<String> placeholders(String text) {
        return CHECKER
                .check(Path.of("zahlungsabgleich.md"), text, TestSpecs.OPTIONS)
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().startsWith("placeholder-"))
                .map(
                        d ->
                                (d.range().startLine() + 1)
                                        + ":"
                                        + (d.range().startColumn() + 1)
                                        + " "
                                        + d.ruleId()
                                        + " "
                                        + d.message())
                .toList();
    }

    @Test
    void aBracketedPlaceholderInTheLeadingListIsReportedOnce() {
        String spec =
                """
                \uFEFF# Spezifikation: Zahlungsabgleich für SEPA

                - **Owner:** [Name]
                - **Status:** Prüfung
                - **Created:** [Date]

                ## Zusammenfassung

                Abgleich der SEPA-Gutschriften mit offenen Rechnungen.
                """
                        .replace("\n", "\r\n");

        assertThat(placeholders(spec))
                .containsExactly(
                        "3:14 placeholder-template template placeholder '[Name]' left in",
                        "5:16 placeholder-date date placeholder '[Date]' left in: write a date as"
                                + " YYYY-MM-DD");
    }
}
