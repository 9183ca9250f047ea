package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReviewersTest {

    @ParameterizedTest(name = "''{0}'' names nobody")
    @ValueSource(
            strings = {
                "",
                "TBD",
                "TBD.",
                "tbd",
                "(tbd)",
                "*TBD*",
                "`TBD`",
                "???",
                "?",
                "-",
                "–",
                "—",
                "...",
                "n/a",
                "N/A",
                "n.a.",
                "NA",
                "None",
                "To be decided",
                "To Be Determined.",
                "Unassigned",
                "the team",
                "TBD - Ana?",
                "TBD - Ana",
                "Ana?",
                "[Reviewer name]",
            })
    void standInsDoNotNameAPerson(String value) {
        assertThat(Reviewers.namesAPerson(value)).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' names someone")
    @ValueSource(
            strings = {
                "Ana Ruiz",
                "José Núñez",
                "李雷",
                "Seán O'Brien",
                "*Ana Ruiz*",
                "Ana Ruiz (Payments)",
                "Tbdanielle Smith",
                "Nathan A.",
                "@ana-ruiz",
            })
    void namesAPerson(String value) {
        assertThat(Reviewers.namesAPerson(value)).isTrue();
    }
}
