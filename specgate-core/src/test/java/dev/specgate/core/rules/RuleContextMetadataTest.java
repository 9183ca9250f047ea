package dev.specgate.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.rules.registry.RuleRegistry;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules look metadata fields up in {@link RuleContext#metadata}, gathered once per file: it
 * must answer what {@link SpecDocument#metadata} answers, for every label, whatever its case or
 * padding, and never with a list item's field.
 */
class RuleContextMetadataTest {

    private static RuleContext context(SpecDocument doc) {
        return new RuleContext(
                doc,
                TemplateSchema.builtin(),
                null,
                TestSpecs.TODAY,
                Strictness.DRAFT,
                new LinkTargets(),
                RuleLevels.defaults(RuleRegistry.builtin()));
    }

    private static List<String> labels(SpecDocument doc) {
        List<String> labels = new ArrayList<>();
        for (Field f : doc.fields()) {
            labels.add(f.label());
            labels.add(f.label().toUpperCase(java.util.Locale.ROOT));
            labels.add(" " + f.label() + "\t");
        }
        labels.addAll(List.of("Created", "created", "Status", "Document Status", "Next Review"));
        labels.addAll(List.of("Owner", "Primary Cause", "Decision by", "Nothing Like It", ""));
        return labels;
    }

    @Test
    void answersAsTheDocumentForEveryLabel() {
        String spec =
                String.join(
                        "\r\n",
                        "# Technical Specification: Ledger Export",
                        "",
                        "**File:** `directives/spec/2026-10-02_spec_ledger-export.md`",
                        "**Created:** 2026-10-02",
                        "**created:** 2026-10-03",
                        "** Type :** Bug Fix",
                        "",
                        "## Executive Summary",
                        "- **Owner:** Zoë Müller",
                        "- **Created:** 2025-01-01",
                        "- [ ] Pick the format **Decision by:** 2026-11-01",
                        "",
                        "**Primary Cause:** the nightly batch",
                        "",
                        "## Document Status",
                        "**Document Status:** Draft",
                        "**Next Review:** 2026-12-01",
                        "");
        SpecDocument doc = new SpecParser().parse(spec);
        RuleContext ctx = context(doc);
        assertThat(doc.fields()).anyMatch(Field::inListItem);
        for (String label : labels(doc)) {
            assertThat(ctx.metadata(label)).as(label).isEqualTo(doc.metadata(label));
        }
        assertThat(ctx.metadataFields())
                .isEqualTo(doc.fields().stream().filter(f -> !f.inListItem()).toList())
                .noneMatch(Field::inListItem);
        assertThat(ctx.metadata("Created").orElseThrow().value()).isEqualTo("2026-10-02");
    }

    @Test
    void answersAsTheDocumentOnTheFixtures() {
        SpecDocument doc = new SpecParser().parse(TestSpecs.clean());
        RuleContext ctx = context(doc);
        for (String label : labels(doc)) {
            assertThat(ctx.metadata(label)).as(label).isEqualTo(doc.metadata(label));
        }
    }

    @Test
    void answersAsTheDocumentWithAFrontMatterTemplatesLabels() {
        TemplateSchema adr =
                TemplateSchema.derive(
                        "adr.md",
                        "---\nstatus: \"{proposed | accepted}\"\ndate: {YYYY-MM-DD}\n"
                                + "decision-makers: {names}\n---\n\n# {short title}\n\n"
                                + "## Context and Problem Statement\n\n{Describe the context}\n");
        String spec =
                "---\r\nStatus: accepted\r\ndate: 2026-10-01\r\ndecision-makers: Zoë, Ana\r\n"
                        + "---\r\n# Store money as minor units\r\n\r\n**status:** proposed\r\n"
                        + "**Date :** 2026-10-02\r\n\r\n## Context and Problem Statement\r\n"
                        + "- **date:** 2026-10-03\r\n";
        SpecDocument doc = new SpecParser().parse(spec);
        RuleContext ctx =
                new RuleContext(
                        doc,
                        adr,
                        null,
                        TestSpecs.TODAY,
                        Strictness.DRAFT,
                        new LinkTargets(),
                        RuleLevels.defaults(RuleRegistry.builtin()));
        List<String> labels = labels(doc);
        adr.fields().forEach(f -> labels.add(f.label()));
        labels.addAll(List.of("status", "date", "decision-makers", "Decision-Makers", "DATE"));
        for (String label : labels) {
            assertThat(ctx.metadata(label)).as(label).isEqualTo(doc.metadata(label));
        }
        assertThat(ctx.metadata("date").orElseThrow().value()).isEqualTo("2026-10-01");
    }
}
