package dev.specgate.core.rules.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.schema.TemplateSchema;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A level or a tag in a table cell ({@code | Risk | [low] |}) is not a placeholder, but a template
 * whose own table holds lowercase placeholders still has them reported when a spec keeps them.
 */
class PlaceholderInTableTest {

    private static final TemplateSchema TEMPLATE =
            TemplateSchema.derive(
                    "risk-note",
                    """
                    # Risk Note: [Title]

                    **Owner:** [Team]

                    ## Assessment
                    | Risk | Level | Tags |
                    |------|-------|------|
                    | [risk] | [level] | [tags] |

                    ## Mitigation
                    [How the risk is reduced]
                    """);

    private static final SpecChecker CHECKER = SpecChecker.builder().schema(TEMPLATE).build();

    private static List<String> placeholders(String spec) {
        return CHECKER
                .check(null, spec, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().startsWith("placeholder-"))
                .map(d -> (d.range().startLine() + 1) + " " + d.ruleId())
                .toList();
    }

    @Test
    void aTemplatePlaceholderLeftInATableCellIsReported() {
        String spec =
                """
                # Risk Note: Ledger Replication Lag

                **Owner:** Payments core (Zoë Lindqvist)

                ## Assessment
                | Risk | Level | Tags |
                |------|-------|------|
                | Replica serves stale balances | [level] | [tags] |

                ## Mitigation
                Reads that need a fresh balance go to the primary.
                """;

        assertThat(placeholders(spec))
                .containsExactly("8 placeholder-template", "8 placeholder-template");
    }

    @Test
    void levelsAndTagsWrittenInTheCellsAreNotPlaceholders() {
        String spec =
                """
                # Risk Note: Ledger Replication Lag

                **Owner:** Payments core (Zoë Lindqvist)

                ## Assessment
                | Risk | Level | Tags |
                |------|-------|------|
                | Replica serves stale balances | [high] | [data-integrity] |
                | Failover drill overdue | [medium] | [ops] [p2] |
                | Lag alert threshold | [tbd] | [observability] |

                ## Mitigation
                Reads that need a fresh balance go to the primary.
                """;

        assertThat(placeholders(spec)).containsExactly("10 placeholder-bracket");
    }
}
