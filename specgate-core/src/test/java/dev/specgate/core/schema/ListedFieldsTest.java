package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListedFieldsTest {

    @Test
    void aListedFieldIsNamedWithItsLineAndTheBoldLineToWriteInstead() {
        String spec =
                """
                # Refund e-mails sent twice

                - Type: Bug Fix
                **Document Status:** Draft
                """;

        assertThat(ListedFields.of(spec).hint("Type"))
                .hasValue(
                        "line 3 '- Type: Bug Fix' is a list item, which this template does not"
                                + " read as a field (its fields are '**Label:** value' lines of"
                                + " their own): write '**Type:** Bug Fix' instead");
    }

    @Test
    void anExampleInAFourBacktickFenceThatShowsAThreeBacktickLineIsNotTheSpecsField() {
        // the inner ``` is the example's content: it does not close the outer fence
        String spec =
                "# Façade for the invoice export\r\n"
                        + "\r\n"
                        + "A draft whose code block is never closed reads so:\r\n"
                        + "\r\n"
                        + "````markdown\r\n"
                        + "```yaml\r\n"
                        + "- Type: Bug Fix\r\n"
                        + "````\r\n"
                        + "\r\n"
                        + "**Document Status:** Draft\r\n";

        assertThat(ListedFields.of(spec).hint("Type")).isEmpty();
    }

    @Test
    void aFenceIsClosedOnlyByItsOwnCharWithNothingButSpacesAfterIt() {
        String spec =
                """
                # Rate limits

                ~~~text
                ``` not a close: another char
                ~~~ not a close either: text after the run
                - Type: Feature
                ~~~~\s\s
                - Type: Feature
                """;

        assertThat(ListedFields.of(spec).hint("Type"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("line 8 '- Type: Feature'"));
    }

    @Test
    void aBacktickRunWithABacktickInItsInfoIsNoFence() {
        // CommonMark: a backtick fence's info string holds no backtick, so this line opens nothing
        String spec =
                """
                # Retry budget

                ```a`b
                - Type: Enhancement
                """;

        assertThat(ListedFields.of(spec).hint("Type"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("line 4 "));
    }

    @Test
    void oneReadingOfASpecAnswersForEachField() {
        ListedFields listed =
                ListedFields.of(
                        "# Zoë's export\r\n\r\n1. **Type:** Integration\r\n"
                                + "- Document Status: Draft\r\n- Type: Bug Fix\r\n");

        assertThat(listed.hint("Type"))
                .hasValueSatisfying(
                        h ->
                                assertThat(h)
                                        .startsWith("line 3 '1. **Type:** Integration'")
                                        .endsWith("write '**Type:** Integration' instead"));
        assertThat(listed.hint("Document Status"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("line 4 '- Document Status:"));
        assertThat(listed.hint("Reviewer")).isEmpty();
    }

    @Test
    void aLabelLineIsReadAsAListItemsOrAPlainOne() {
        assertThat(ListedFields.labelLine("- **Spec:** [x.md](../spec/x.md)"))
                .contains(new ListedFields.LabelLine(true, "Spec", "[x.md](../spec/x.md)"));
        assertThat(ListedFields.labelLine("*Spec*: [x.md](../spec/x.md)"))
                .contains(new ListedFields.LabelLine(false, "Spec", "[x.md](../spec/x.md)"));
        assertThat(ListedFields.labelLine("_Spec_ : [x.md](x.md)"))
                .contains(new ListedFields.LabelLine(false, "Spec", "[x.md](x.md)"));
        assertThat(ListedFields.labelLine("- [ ] Type: Bug Fix")).isEmpty();
        assertThat(ListedFields.labelLine("    - Type: Bug Fix")).isEmpty();
    }

    @Test
    void theBoldFieldLineItselfIsNoLabelLineAndStrongUnderscoresAndDoubleColonsAreRead() {
        // the field line itself, as a list item's continuation: not the field "in another form"
        assertThat(ListedFields.labelLine("  **Spec:** [x.md](../spec/x.md)")).isEmpty();
        assertThat(ListedFields.labelLine("**Spec**: [x.md](../spec/x.md)")).isEmpty();
        assertThat(ListedFields.labelLine("__Type__: Bug Fix"))
                .contains(new ListedFields.LabelLine(false, "Type", "Bug Fix"));
        assertThat(ListedFields.labelLine("- Type:: Bug Fix"))
                .contains(new ListedFields.LabelLine(true, "Type", "Bug Fix"));
    }
}
