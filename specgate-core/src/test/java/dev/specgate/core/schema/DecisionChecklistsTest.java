package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DecisionChecklists}: which of a template's sections hold decisions and questions to
 * settle, read from templates as teams write them.
 */
class DecisionChecklistsTest {

    @Test
    void aTeamTemplatesChecklistsInTemplateOrderWhateverTheirNumberEmojiOrLineEnds() {
        TemplateSchema schema =
                TemplateSchema.derive(
                        "équipe",
                        "\uFEFF# Note d'architecture : [Titre]\r\n\r\n"
                                + "**Status:** [Draft]\r\n\r\n"
                                + "## 2. Open Questions ❓\r\n"
                                + "- [ ] [Question]\r\n"
                                + "  - [ ] [Sub-question]\r\n\r\n"
                                + "## Decisions Needed (before approval)\r\n"
                                + "- [ ] [Decision]\r\n");

        List<String> titles = DecisionChecklists.of(schema);

        assertThat(titles)
                .containsExactly("2. Open Questions ❓", "Decisions Needed (before approval)");
        assertThat(DecisionChecklists.questions(titles.get(0))).isTrue();
        assertThat(DecisionChecklists.questions(titles.get(1))).isFalse();
        assertThat(DecisionChecklists.builtin(titles)).isFalse();
    }

    @Test
    void headingsInCodeFencesAndQuotesAreNoSections() {
        TemplateSchema schema =
                TemplateSchema.derive(
                        "runbook",
                        """
                        # Runbook: [Service]

                        ## Steps
                        ```markdown
                        ## Open Questions
                        - [ ] [Question]
                        ```

                        > ## Decisions Needed
                        > - [ ] [Decision]
                        """);

        assertThat(DecisionChecklists.of(schema)).isEmpty();
    }

    @Test
    void aChecklistHeadingOnTheTemplatesLastLineCounts() {
        TemplateSchema schema =
                TemplateSchema.derive(
                        "rfc",
                        "# RFC: [Title]\n\n## Summary\n[Summary]\n\n## Unresolved Questions");

        assertThat(DecisionChecklists.of(schema)).containsExactly("Unresolved Questions");
    }

    @Test
    void aTemplateOfTheBuiltInLifecycleWithoutChecklistsGetsTheBuiltInTwo() {
        TemplateSchema schema =
                TemplateSchema.derive(
                        "short",
                        """
                        # Technical Specification: [Feature Name]

                        **Document Status:** [Draft | Review | Approved | Implementation]

                        ## Executive Summary
                        [Summary]
                        """);

        List<String> titles = DecisionChecklists.of(schema);

        assertThat(titles)
                .containsExactly(DecisionChecklists.DECISIONS, DecisionChecklists.QUESTIONS);
        assertThat(DecisionChecklists.builtin(titles)).isTrue();
        assertThat(
                        DecisionChecklists.builtin(
                                List.of(
                                        DecisionChecklists.QUESTIONS,
                                        DecisionChecklists.DECISIONS)))
                .isFalse();
    }

    @Test
    void aTemplateOfAnotherLifecycleWithoutChecklistsHasNone() {
        TemplateSchema schema =
                TemplateSchema.derive(
                        "adr",
                        """
                        # ADR: [Title]

                        **Status:** [Proposed | Accepted | Superseded]

                        ## Context
                        [Context]
                        """);

        assertThat(DecisionChecklists.of(schema)).isEmpty();
    }
}
