package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a template's shape says beyond its headings: optional markers, repeats, labels, titles. */
class TemplateShapeTest {

    private static SectionSpec section(TemplateSchema schema, String title) {
        return schema.sections().stream()
                .filter(s -> s.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section " + title));
    }

    @Test
    void optionalMarkersInTheHeadingOrAnHtmlCommentBesideIt() {
        TemplateSchema schema =
                TemplateSchema.derive(
                        "madr",
                        """
                        # {short title of solved problem and solution}

                        ## Context and Problem Statement

                        {Describe the context in two or three sentences.}

                        <!-- This is an optional element. Feel free to remove. -->
                        ## Decision Drivers

                        * {decision driver 1}

                        ## Considered Options

                        * {title of option 1}

                        ### Consequences

                        <!-- This is an optional element. Feel free to remove. -->

                        * Good, because {positive consequence}

                        ## Validation [optional]

                        {How the decision is checked.}

                        ## More Information (Optional, but recommended)

                        {Links.}

                        ## Pros and Cons of the Options

                        ### {title of option 1}

                        * Good, because {argument a}

                        ## Decision Outcome

                        <!-- Describe the optional parameters of the outcome below. -->

                        Chosen option: "{title of option 1}".
                        """);

        assertThat(schema.sections())
                .extracting(SectionSpec::title, SectionSpec::optional)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Context and Problem Statement", false),
                        org.assertj.core.groups.Tuple.tuple("Decision Drivers", true),
                        org.assertj.core.groups.Tuple.tuple("Considered Options", false),
                        org.assertj.core.groups.Tuple.tuple("Consequences", true),
                        org.assertj.core.groups.Tuple.tuple("Validation [optional]", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "More Information (Optional, but recommended)", true),
                        org.assertj.core.groups.Tuple.tuple("Pros and Cons of the Options", false),
                        org.assertj.core.groups.Tuple.tuple("{title of option 1}", true),
                        org.assertj.core.groups.Tuple.tuple("Decision Outcome", false));
        assertThat(section(schema, "Validation [optional]").key()).isEqualTo("validation");
        assertThat(schema.placeholders()).doesNotContain("[optional]");
        assertThat(schema.title()).contains("{short title of solved problem and solution}");
    }

    @Test
    void aBracketedListLabelIsNoPlaceholder() {
        TemplateSchema schema =
                TemplateSchema.derive(
                        "metrics",
                        """
                        # [Metric name]

                        ## Definition

                        - [Optional] Aggregation method: [mean | median]
                        - [Unit of measure]
                        """);

        assertThat(schema.isListLabel("[Optional]")).isTrue();
        assertThat(schema.placeholders())
                .contains("[Unit of measure]")
                .doesNotContain("[Optional]");
        assertThat(section(schema, "Definition").optional()).isFalse();
    }

    @Test
    void aTemplateWithoutATitleRequiresNoneAndTakesNoSectionAsOne() {
        TemplateSchema rfc =
                TemplateSchema.derive(
                        "rfc",
                        """
                        - Feature Name: (fill me in with a unique ident, `my_awesome_feature`)
                        - Start Date: (fill me in with today's date, YYYY-MM-DD)

                        # Summary
                        [summary]: #summary

                        One paragraph explanation of the feature.

                        # Motivation

                        Why are we doing this?
                        """);
        SpecParser parser = new SpecParser();
        SpecDocument startsWithSummary =
                parser.parse("# Summary\n\nStreams.\n\n# Motivation\n\nSpeed.\n");
        SpecDocument startsWithTitle =
                parser.parse("# Streamed exports\n\n# Summary\n\nStreams.\n\n# Motivation\n\nx\n");
        SpecDocument titleAfterText =
                parser.parse("Draft notes.\n\n# Streamed exports\n\n# Summary\n\nStreams.\n");

        assertThat(rfc.title()).isEmpty();
        assertThat(rfc.sections()).extracting(SectionSpec::title).contains("Summary", "Motivation");
        assertThat(rfc.titleOf(startsWithSummary)).isEmpty();
        assertThat(rfc.titleOf(startsWithTitle).map(s -> s.title())).contains("Streamed exports");
        assertThat(rfc.titleOf(titleAfterText)).isEmpty();
    }

    @Test
    void aliasesAndStatusesFromConfiguration() {
        TemplateSchema adr =
                TemplateSchema.derive(
                        "adr",
                        """
                        # ADR: [title]

                        **Status:** [Proposed | Accepted | Superseded]

                        ## Context
                        [why]

                        ## Summary of changes
                        [what]
                        """);
        SectionSpec summary = section(adr, "Summary of changes");
        TemplateSchema configured =
                adr.withSectionOptions(
                        Map.of(
                                summary,
                                new SectionOptions(
                                        List.of("Introduction"), Optional.of("Accepted"))));
        SpecParser parser = new SpecParser();

        assertThat(configured.sectionsWithKey(HeadingKey.of("Introduction")))
                .containsExactly(summary);
        assertThat(configured.requires(summary, parser.parse("# ADR: x\n\n**Status:** Proposed\n")))
                .isFalse();
        assertThat(configured.requires(summary, parser.parse("# ADR: x\n\n**Status:** Accepted\n")))
                .isTrue();
        assertThat(
                        configured.requires(
                                summary, parser.parse("# ADR: x\n\n**Status:** Superseded\n")))
                .isTrue();
        assertThat(configured.requires(summary, parser.parse("# ADR: x\n\n**Status:** Unknown\n")))
                .as("a status that cannot be read")
                .isTrue();
        assertThat(adr.requires(summary, parser.parse("# ADR: x\n\n**Status:** Proposed\n")))
                .isTrue();
    }
}
