package dev.specgate.core.catalog;

import static dev.specgate.core.TestSpecs.CLEAN_NAME;
import static dev.specgate.core.TestSpecs.clean;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.authoring.SpecScaffold;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecSummaryTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();

    @Test
    void summarizesAFilledSpec() {
        SpecSummary s = summary(Path.of(CLEAN_NAME), clean(), LocalDate.of(2026, 11, 25));

        assertThat(s.created()).isEqualTo("2026-10-02");
        assertThat(s.title()).isEqualTo("Webhook Retry Queue");
        assertThat(s.type()).isEqualTo("Architecture Change");
        assertThat(s.status()).isEqualTo("Approved");
        assertThat(s.checked()).isEqualTo(10);
        assertThat(s.total()).isEqualTo(33);
        assertThat(s.percent()).isEqualTo(30);
        assertThat(s.errors()).isZero();
        assertThat(s.overdue()).isZero();
        assertThat(s.nextReview()).isEqualTo("2027-01-15");
    }

    @Test
    void aTitleWithEscapedBracketsIsShownAsTheAuthorWroteIt() {
        String fresh =
                SpecScaffold.standard()
                        .create(
                                "Retry [beta] *fast* path \\ C:\\temp",
                                LocalDate.of(2026, 1, 5),
                                Optional.empty(),
                                Optional.empty())
                        .markdown();

        SpecSummary s =
                summary(Path.of("2026-01-05_spec_retry.md"), fresh, LocalDate.of(2026, 1, 5));

        assertThat(fresh).contains("\\[beta\\]");
        assertThat(s.title()).isEqualTo("Retry [beta] *fast* path \\ C:\\temp");
    }

    @Test
    void overdueCountsPastDecisionsAndReview() {
        String open = clean().replace("- [x] Back-off cap", "- [ ] Back-off cap");

        assertThat(summary(Path.of(CLEAN_NAME), open, LocalDate.of(2027, 2, 1)).overdue())
                .isEqualTo(2);
    }

    @Test
    void placeholdersAreNotValues() {
        String fresh =
                SpecScaffold.standard()
                        .create(
                                "Fresh",
                                LocalDate.of(2026, 1, 5),
                                Optional.empty(),
                                Optional.empty())
                        .markdown();

        SpecSummary s =
                summary(Path.of("2026-01-05_spec_fresh.md"), fresh, LocalDate.of(2026, 1, 5));

        assertThat(s.type()).isNull();
        assertThat(s.nextReview()).isNull();
        assertThat(s.status()).isEqualTo("Draft");
        assertThat(s.title()).isEqualTo("Fresh");
    }

    @Test
    void listOrderIsStatusThenDateThenPath() {
        List<SpecSummary> sorted =
                List.of(
                                row("b.md", "Approved", "2026-01-01"),
                                row("a.md", "Done", "2025-01-01"),
                                row("c.md", "Draft", "2026-03-01"),
                                row("d.md", "Draft", "2026-02-01"),
                                row("e.md", "Draft", null),
                                row("f.md", "Implementation", "2020-01-01"))
                        .stream()
                        .sorted(SpecSummary.listOrder(TemplateSchema.builtin()))
                        .toList();

        assertThat(sorted)
                .extracting(s -> s.path().toString())
                .containsExactly("d.md", "c.md", "e.md", "b.md", "f.md", "a.md");
    }

    private static SpecSummary summary(Path path, String markdown, LocalDate today) {
        return SpecSummary.of(
                CHECKER.check(path, markdown, CheckOptions.asOf(today)), CHECKER.schema(), today);
    }

    private static SpecSummary row(String path, String status, String date) {
        return new SpecSummary(
                Path.of(path),
                date,
                "t",
                null,
                status,
                0,
                0,
                0,
                0,
                0,
                null,
                DocumentKind.SPEC,
                null);
    }
}
