package dev.specgate.core.rules.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code field-duplicate} looks each field's label up once per distinct label in the schema ({@link
 * TemplateSchema#fieldsNamed}) instead of comparing it with every template field: a field written
 * again in another case or with space around its label, a status under the name a project
 * configures, and a status under another name (an alias such as {@code review-state:}, a front
 * matter key with the label's last word) are still found, for every spec a checker checks, not only
 * the first.
 */
class FieldDuplicateLabelsTest {

    private static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));

    /** A design-doc template whose status field is a custom "Review State" bold line. */
    private static final TemplateSchema STATE =
            TemplateSchema.derive(
                            "design.md",
                            "# Design Doc: [Feature Name]\n\n"
                                    + "**Review State:** [Draft | In Review | Approved]\n"
                                    + "**Owner:** [Name]\n"
                                    + "**Created:** [YYYY-MM-DD]\n\n"
                                    + "## Summary\n[One paragraph: what changes and why]\n\n"
                                    + "## Design\n[How it works]\n")
                    .withLifecycle(
                            new TemplateSchema.Lifecycle(
                                    Optional.of("Review State"),
                                    List.of("Draft", "In Review", "Approved"),
                                    List.of("Draft")));

    private static List<String> duplicates(SpecChecker checker, String text) {
        return checker
                .check(Path.of("docs/design/quota-export.md"), text, OPTIONS)
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().equals("field-duplicate"))
                .map(FieldDuplicateLabelsTest::shown)
                .toList();
    }

    private static String shown(Diagnostic d) {
        return (d.range().startLine() + 1) + ": " + d.message();
    }

    private static String spec(String frontMatter, String header) {
        return frontMatter
                + "# Design Doc: Quota Export\r\n\r\n"
                + header
                + "**Owner:** Zoë Müller\r\n**Created:** 2026-11-02\r\n\r\n"
                + "## Summary\r\nNightly CSV of each tenant's quota to the `quota-exports` bucket.\r\n"
                + "\r\n## Design\r\n| tenant | rows |\r\n|---|---|\r\n| acme | 40 |\r\n";
    }

    @Test
    void aCustomStatusFieldUnderAnAliasOrItsLastWordInTheFrontMatterIsFound() {
        SpecChecker checker = SpecChecker.builder().schema(STATE).build();
        String alias =
                spec("---\r\nreview-state: Approved\r\n---\r\n", "**Review State:** Draft\r\n");
        String lastWord = spec("---\r\nstate: approved\r\n---\r\n", "**Review State:** Draft\r\n");
        String agrees = spec("---\r\nstate: draft\r\n---\r\n", "**Review State:** Draft\r\n");
        List<String> first = duplicates(checker, alias);
        assertThat(first)
                .containsExactly(
                        "2: 'review-state: Approved' (front matter, line 2) says otherwise than"
                                + " '**Review State:** Draft' (bold line, line 6), and only"
                                + " '**Review State:**' is read (fields are read by the"
                                + " template's labels): remove 'review-state' or make the two"
                                + " agree");
        assertThat(duplicates(checker, lastWord))
                .singleElement()
                .asString()
                .startsWith("2: 'state: approved' (front matter, line 2) says otherwise than");
        assertThat(duplicates(checker, agrees)).isEmpty();
        // the answers kept from the specs before change nothing for the next
        assertThat(duplicates(checker, alias)).isEqualTo(first);
        assertThat(duplicates(SpecChecker.builder().schema(STATE).build(), lastWord))
                .isEqualTo(duplicates(checker, lastWord));
    }

    @Test
    void aFieldWrittenAgainInAnotherCaseOrWithSpaceAroundItsLabelIsFound() {
        SpecChecker checker = SpecChecker.builder().schema(STATE).build();
        String text =
                spec(
                        "",
                        "**review state:** Draft\r\n"
                                + "**Owner:** Ana\r\n"
                                + "** REVIEW STATE :** Approved\r\n");
        assertThat(duplicates(checker, text))
                .containsExactlyInAnyOrder(
                        "5: '**Review State:**' is written again (first on line 3); only the first"
                                + " is read: remove one",
                        "6: '**Owner:**' is written again (first on line 4); only the first is"
                                + " read: remove one");
    }

    @Test
    void theBuiltinStatusInTheFrontMatterBesideItsBoldLineStillSaysOtherwise() {
        SpecChecker checker = SpecChecker.builder().build();
        String text =
                "---\nStatus: Approved\n---\n# Technical Specification: Quota Export\n\n"
                        + "**Document Status:** Draft\n**Created:** 2026-11-02\n\n"
                        + "## Executive Summary\nNightly CSV export.\n";
        assertThat(duplicates(checker, text))
                .singleElement()
                .asString()
                .startsWith("2: 'Status: Approved' (front matter, line 2) says otherwise than");
    }

    @Test
    void aTemplateOfMoreFieldsThanTheLookUpHoldsStillHasItsLastFieldsChecked() {
        StringBuilder template = new StringBuilder("# Inventory: [Name]\n\n");
        for (int i = 1; i <= 70; i++) {
            template.append("**Field ").append(i).append(":** [text]\n");
        }
        template.append("\n## Summary\n[What it holds]\n");
        TemplateSchema wide = TemplateSchema.derive("inventory.md", template.toString());
        assertThat(wide.fields()).hasSize(70);
        StringBuilder text = new StringBuilder("# Inventory: Racks\n\n");
        for (int i = 1; i <= 70; i++) {
            text.append("**Field ").append(i).append(":** rack ").append(i).append('\n');
        }
        text.append("**field 69:** again\n**Field 3:** again\n\n## Summary\nRacks in hall B.\n");
        assertThat(duplicates(SpecChecker.builder().schema(wide).build(), text.toString()))
                .containsExactlyInAnyOrder(
                        "73: '**Field 69:**' is written again (first on line 71); only the first"
                                + " is read: remove one",
                        "74: '**Field 3:**' is written again (first on line 5); only the first"
                                + " is read: remove one");
    }
}
