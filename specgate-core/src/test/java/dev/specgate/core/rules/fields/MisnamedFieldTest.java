package dev.specgate.core.rules.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A status kept in another form than the template's and under another name: field-missing names the
 * field that stands there and what to rename, at its line, instead of asking for the template's
 * form as if nothing were written.
 */
class MisnamedFieldTest {

    private static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));

    private static List<String> missing(TemplateSchema schema, String name, String text) {
        SpecChecker checker = SpecChecker.builder().schema(schema).build();
        return checker.check(Path.of("docs/design", name), text, OPTIONS).diagnostics().stream()
                .filter(d -> d.ruleId().equals("field-missing"))
                .map(MisnamedFieldTest::shown)
                .toList();
    }

    private static String shown(Diagnostic d) {
        return (d.range().startLine() + 1) + ": " + d.message();
    }

    /** A design-doc template whose status is a bold line. */
    private static final TemplateSchema BOLD =
            TemplateSchema.derive(
                    "design.md",
                    "# Design Doc: [Feature Name]\n\n"
                            + "**Document Status:** [Draft | Review | Approved]\n"
                            + "**Owner:** [Name]\n"
                            + "**Created:** [YYYY-MM-DD]\n\n"
                            + "## Summary\n[One paragraph: what changes and why]\n\n"
                            + "## Design\n[How it works]\n");

    /** A decision-record template whose status is a front matter key. */
    private static final TemplateSchema FRONT =
            TemplateSchema.derive(
                    "adr.md",
                    "---\nstatus: \"{proposed | accepted | rejected}\"\ndate: {YYYY-MM-DD}\n---\n\n"
                            + "# {short title}\n\n"
                            + "## Context and Problem Statement\n\n{Describe the context}\n\n"
                            + "## Decision Outcome\n\n{Chosen option}\n");

    @Test
    void aBoldLineTemplateAndAStatusKeyInTheSpecsFrontMatter() {
        String spec =
                "---\r\nstatus: Review   # moved here with the docs portal\r\nOwner: Dana Petrov\r\n"
                        + "Created: 2026-11-02\r\n---\r\n\r\n"
                        + "# Design Doc: Token-Bucket Rate Limiter\r\n\r\n"
                        + "## Summary\r\nA token bucket per API key (`rl:{key}`), bursts of 40.\r\n\r\n"
                        + "## Design\r\n| tier | capacity |\r\n|------|----------|\r\n| free | 40 |\r\n";
        assertThat(missing(BOLD, "rate-limiter.md", spec))
                .containsExactly(
                        "2: missing metadata field '**Document Status:**': the front matter's"
                                + " 'status:' is not that field (fields are read by the template's"
                                + " labels): rename 'status' to 'Document Status'");
        // named as the template names it, the front matter key is the status
        assertThat(
                        missing(
                                BOLD,
                                "rate-limiter.md",
                                spec.replace("status: Review", "Document Status: Review")))
                .isEmpty();
    }

    @Test
    void aFrontMatterTemplateAndABoldStatusLineInTheSpec() {
        String spec =
                "# Store money as minor units\n\n"
                        + "**Decision Status:** accepted\n**Date:** 2026-10-01\n\n"
                        + "## Context and Problem Statement\n\nAmounts are `double` in `ledger-api`.\n\n"
                        + "## Decision Outcome\n\n> Chosen: `long` minor units (cents, öre).\n";
        assertThat(missing(FRONT, "0007-minor-units.md", spec))
                .containsExactly(
                        "3: missing metadata field 'status:': the bold line '**Decision Status:**'"
                                + " is not that field (fields are read by the template's labels):"
                                + " rename 'Decision Status' to 'status'");
    }

    @Test
    void statusSaysWhichKeyToRenameRatherThanWhereTheTemplateHasIt() throws Exception {
        Path file =
                Path.of(
                        "src/test/resources/rules/field-missing/"
                                + "2026-03-03_spec_status-key-in-front-matter.md");
        String text = java.nio.file.Files.readString(file);
        SpecChecker checker = SpecChecker.builder().build();
        dev.specgate.core.lifecycle.Lifecycle lifecycle =
                dev.specgate.core.lifecycle.Lifecycle.of(checker);
        dev.specgate.core.lifecycle.GateResult gate =
                lifecycle.evaluate(
                        file,
                        checker.parse(file, text),
                        lifecycle.status("Draft").orElseThrow(),
                        LocalDate.of(2026, 11, 25));
        assertThat(gate.passed()).isFalse();
        assertThat(gate.reasons())
                .extracting(dev.specgate.core.lifecycle.GateReason::message)
                .containsExactly(
                        "the spec has no 'Document Status' field to change: 'status:' is not that"
                                + " field (fields are read by the template's labels): rename"
                                + " 'status' to 'Document Status'");
    }

    @Test
    void aBoldLineInASectionIsNotTakenForAMissingFieldByItsLastWord() {
        String spec =
                "# Design Doc: Quota Export\n\n**Owner:** Dana Petrov\n**Created:** 2026-11-02\n\n"
                        + "## Summary\n**Status:** blocked on the billing freeze\n\n"
                        + "## Design\nNightly CSV to the `quota-exports` bucket.\n";
        assertThat(missing(BOLD, "quota-export.md", spec))
                .containsExactly("1: missing metadata field '**Document Status:**'");
    }
}
