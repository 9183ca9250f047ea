package dev.specgate.core.rules.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.schema.TemplateSchema;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run of bracketed tags ({@code [sig-storage] [Serial] and [Slow]}) is not a placeholder, but
 * bracketed words joined only by "and", "or" or a comma in running text are gaps, and so is a
 * bracket beside a ticked task box.
 */
class PlaceholderTagRunTest {

    private static final TemplateSchema TEMPLATE =
            TemplateSchema.derive(
                    "rollout-note",
                    """
                    # Rollout Note: [Title]

                    ## Plan
                    [How the change rolls out]
                    """);

    private static final SpecChecker CHECKER = SpecChecker.builder().schema(TEMPLATE).build();

    /** The placeholder-bracket findings of a spec whose plan holds {@code body}, as line:column. */
    private static List<String> gaps(String body) {
        String spec = "# Rollout Note: Ledger cut-over\n\n## Plan\n" + body;
        return CHECKER
                .check(null, spec, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().equals("placeholder-bracket"))
                .map(d -> (d.range().startLine() + 1) + ":" + (d.range().startColumn() + 1))
                .toList();
    }

    @Test
    void aBracketAfterAndInRunningTextIsAGap() {
        assertThat(gaps("Pick [A] and [Database] before the freeze.\n"))
                .containsExactly("4:6", "4:14");
        assertThat(gaps("The freeze waits for [Owner] or [Database].\n"))
                .containsExactly("4:22", "4:33");
    }

    @Test
    void bracketsJoinedByCommasAndAndAreGaps() {
        assertThat(gaps("Sign-off needs [Owner], [Team] and [Reviewer] filled in.\n"))
                .containsExactly("4:16", "4:25", "4:36");
    }

    @Test
    void gapsJoinedByAndInAChecklistATableAndAHeadingAreReported() {
        String body =
                """
                - [ ] Confirm [Owner] and [Datenbank] with Zoë
                - [x] [Owner] signed off the cut-over.

                | Step | Who |
                |------|-----|
                | Backfill | [Owner] and [Reviewer] |

                ### Rollback of [Zahlungsdienst] and [Datenbank]
                """;

        assertThat(gaps(body))
                .containsExactly("4:15", "4:27", "5:7", "9:14", "9:26", "11:17", "11:38");
    }

    @Test
    void aRealTagRunStillPasses() {
        String body =
                """
                - Slow tests are tagged [sig-billing] [Serial] [Slow] and run nightly.
                - The suite runs [sig-storage] [Serial] and [Slow] tests on Fridays.
                - [x] [sig-apps] [Conformance] tests pass on arm64.
                [Backend][Payments] owns the ledger schema.

                | Risk | Tags |
                |------|------|
                | Index build locks writes | [db] [migration] |

                ### Tests tagged [größe] [Langsam] or [Nightly]
                """;

        assertThat(gaps(body)).isEmpty();
    }
}
