package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.authoring.SpecScaffold;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which front matter fields a template writes as a YAML list of values to choose from ({@link
 * TemplateSchema#listsChoices}): the one answer that keeps such a list from counting as a
 * placeholder and that {@code new} ({@link SpecScaffold}) writes empty.
 */
class ListsChoicesTest {

    /** A team's template, BOM and CRLF, its lists written each way a team writes them. */
    private static final String TEMPLATE =
            ("\uFEFF"
                            + """
                            ---
                            title: "[Feature title]"
                            status: [Status]
                            priority: "[P0 | P1 | P2]"
                            labels: [api, web, mobile]  # optional
                            platforms:
                              - ios
                              - android
                            areas: [billing, …]
                            reviewers:
                              - "[First reviewer]"
                              - "[Second reviewer]"
                            ---

                            # [Feature title]

                            ## Design

                            ```yaml
                            retry: [1s, 2s]
                            ```
                            """)
                    .replace("\n", "\r\n");

    @Test
    void flowAndBlockListsOfValuesAreChoicesAndNeitherIsAPlaceholder() {
        TemplateSchema schema =
                TemplateSchema.derive("team.md", TEMPLATE)
                        .withLifecycle(
                                new TemplateSchema.Lifecycle(
                                        Optional.empty(),
                                        List.of("Draft", "In Review", "Approved", "Shipped"),
                                        List.of()));

        assertThat(listed(schema)).containsExactly("labels", "platforms", "areas");
        // a lifecycle's statuses make 'status: [Status]' a choice, its value a placeholder still
        assertThat(schema.placeholderValuedFields())
                .extracting(FieldSpec::label)
                .contains("status")
                .doesNotContain("labels", "platforms", "areas");
    }

    @Test
    void newWritesEmptyExactlyTheListsTheSchemaCallsChoices() {
        TemplateSchema schema = TemplateSchema.derive("team.md", TEMPLATE);

        String made =
                new SpecScaffold(schema)
                        .create(
                                "Retries",
                                LocalDate.of(2026, 12, 7),
                                Optional.empty(),
                                Optional.empty())
                        .markdown();

        assertThat(listed(schema)).containsExactly("labels", "platforms", "areas");
        assertThat(made)
                .contains("labels: []  # optional\r\n")
                .contains("platforms: []\r\n")
                .contains("areas: []\r\n")
                .contains("reviewers:\r\n  - \"[First reviewer]\"\r\n")
                .contains("retry: [1s, 2s]");
    }

    /**
     * A quoted item is one value, read whole as YAML reads it: a {@code |} or a comma inside it is
     * its text. Before, a bar in one quoted item made the whole list a "one of" placeholder (a spec
     * keeping the list was warned, {@code new} copied every value) and a quoted comma counted as a
     * second value.
     */
    @Test
    void aQuotedItemIsReadWholeItsBarsAndCommasItsOwnText() {
        String template =
                ("\uFEFF"
                                + """
                                ---
                                title: "[Feature title]"
                                status: ['Draft, then Review or Approved']
                                platforms: ["iOS | iPadOS", android, 'web (it''s PWA)']
                                owners: ["Ruiz, Ana", "O'Brien, Seán"]
                                stage: [Draft | Review]
                                ---

                                # [Feature title]

                                > A quote, `[x | y]` and a table:

                                | a | b |
                                |---|---|
                                | 1 | 2 |
                                """)
                        .replace("\n", "\r\n");
        TemplateSchema schema =
                TemplateSchema.derive("team.md", template)
                        .withLifecycle(
                                new TemplateSchema.Lifecycle(
                                        Optional.empty(),
                                        List.of("Draft", "Review", "Approved"),
                                        List.of()));

        assertThat(listed(schema)).containsExactly("platforms", "owners");
        assertThat(schema.field("platforms").orElseThrow().allowedValues())
                .containsExactly("iOS | iPadOS", "android", "web (it's PWA)");
        assertThat(schema.placeholderValuedFields())
                .extracting(FieldSpec::label)
                .contains("status", "stage")
                .doesNotContain("platforms", "owners");
        String made =
                new SpecScaffold(schema)
                        .create(
                                "Offline sync",
                                LocalDate.of(2026, 12, 7),
                                Optional.empty(),
                                Optional.empty())
                        .markdown();
        assertThat(made).contains("platforms: []\r\n").contains("owners: []\r\n");
    }

    private static List<String> listed(TemplateSchema schema) {
        return schema.fields().stream()
                .filter(TemplateSchema::listsChoices)
                .map(FieldSpec::label)
                .toList();
    }
}
