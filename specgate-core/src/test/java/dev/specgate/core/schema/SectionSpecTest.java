package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether a template section repeats is what the template says of its heading, read with the whole
 * template at hand (its link reference definitions among it), not from the heading alone.
 */
class SectionSpecTest {

    private static final String TEMPLATE =
            "\uFEFF# Décision d'architecture : [Titre]\r\n\r\n"
                    + "**Status:** [Draft | Review | Approved]\r\n\r\n"
                    + "## Context\r\n[Why a decision is needed]\r\n\r\n"
                    + "## Decisions\r\n\r\n"
                    + "#### Decision: [Short title]\r\n[What was decided]\r\n\r\n"
                    + "### [Option name]\r\n[Its trade-offs, e.g. `Map<K, V>`]\r\n\r\n"
                    + "## Failover via [Traffic Manager] (if applicable)\r\n[How]\r\n\r\n"
                    + "## Risks (optional)\r\n> [Risk and mitigation]\r\n\r\n"
                    + "[Traffic Manager]: https://wiki.example.com/traffic-manager\r\n";

    @Test
    void aHeadingRepeatsWhenItIsOrHoldsAPlaceholderButNotALinkTheTemplateDefines() {
        List<SectionSpec> sections = TemplateSchema.derive("decisions.md", TEMPLATE).sections();

        assertThat(sections)
                .extracting(SectionSpec::title, SectionSpec::optional, SectionSpec::repeats)
                .containsExactly(
                        tuple("Context", false, false),
                        tuple("Decisions", false, false),
                        tuple("Decision: [Short title]", true, true),
                        tuple("[Option name]", true, true),
                        // '[Traffic Manager]' is a reference link here: the heading says which
                        // tool, and is written once, optionally
                        tuple("Failover via [Traffic Manager] (if applicable)", true, false),
                        tuple("Risks (optional)", true, false));
    }

    @Test
    void isAValueAndASectionThatRepeatsIsOptional() {
        SectionSpec option = new SectionSpec(3, 3, "Zoë's [Option name]", "zoë's", 1, true, true);
        assertThat(option)
                .isEqualTo(new SectionSpec(3, 3, "Zoë's [Option name]", "zoë's", 1, true, true))
                .isNotEqualTo(
                        new SectionSpec(3, 3, "Zoë's [Option name]", "zoë's", 1, true, false));
        assertThat(option.heading()).isEqualTo("### Zoë's [Option name]");
        assertThatThrownBy(() -> new SectionSpec(3, 3, "[Option name]", "x", 1, false, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a section that repeats is optional");
    }
}
