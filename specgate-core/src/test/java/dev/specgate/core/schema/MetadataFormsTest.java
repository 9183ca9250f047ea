package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.FieldForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which metadata form a template uses, and what its fields require. */
class MetadataFormsTest {

    static String resource(String path) {
        try (InputStream in = MetadataFormsTest.class.getResourceAsStream("/metadata/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void madrTemplateUsesFrontMatter() {
        TemplateSchema schema = TemplateSchema.derive("adr", resource("madr/adr-template.md"));

        assertThat(schema.metadataForm()).isEqualTo(FieldForm.FRONT_MATTER);
        assertThat(schema.title())
                .contains("{short title, representative of solved problem and found solution}");
        // the YAML comment is no section, the front matter no heading
        assertThat(schema.sections())
                .extracting(SectionSpec::title)
                .containsExactly(
                        "Context and Problem Statement",
                        "Decision Drivers",
                        "Considered Options",
                        "Decision Outcome",
                        "Consequences");
        assertThat(schema.fields())
                .extracting(FieldSpec::label)
                .containsExactly("status", "date", "decision-makers", "consulted", "informed");
        FieldSpec status = schema.field("status").orElseThrow();
        assertThat(status.kind()).isEqualTo(FieldKind.CHOICE);
        assertThat(status.allowedValues())
                .containsExactly(
                        "proposed", "rejected", "accepted", "deprecated", "superseded by ADR-0123");
        assertThat(status.open()).isTrue();
        assertThat(status.markdown()).isEqualTo("status:");
        assertThat(schema.fields()).allMatch(FieldSpec::optional);
        assertThat(schema.field("date").orElseThrow().kind()).isEqualTo(FieldKind.DATE);
        assertThat(schema.statusField()).isEqualTo("Status");
        assertThat(schema.statuses()).startsWith("proposed", "rejected");
        assertThat(schema.draftStatuses()).containsExactly("proposed");
        // the YAML values are not placeholders of the Markdown
        assertThat(schema.placeholders()).noneMatch(p -> p.contains("list everyone involved"));
    }

    @Test
    void statusAllowsAnotherSupersedingAdrAndOpenValues() {
        FieldSpec status =
                TemplateSchema.derive("adr", resource("madr/adr-template.md"))
                        .field("status")
                        .orElseThrow();
        assertThat(status.allows("Accepted")).isTrue();
        assertThat(status.allows("superseded by ADR-0011")).isTrue();
        assertThat(status.allows("on hold")).isTrue(); // the template's "…"
        FieldSpec closed =
                TemplateSchema.derive(
                                "t",
                                "---\nstatus: [proposed, accepted]\n---\n# {title}\n\n## Context\n{why}\n")
                        .field("status")
                        .orElseThrow();
        assertThat(closed.allowedValues()).containsExactly("proposed", "accepted");
        assertThat(closed.allows("on hold")).isFalse();
        assertThat(closed.optional()).isFalse();
    }

    @Test
    void aListOfPlaceholdersIsFilledInAndAListOfValuesIsNoPlaceholder() {
        TemplateSchema schema =
                TemplateSchema.derive(
                        "design-spec",
                        """
                        ---
                        title: "[Feature title]"
                        reviewers:
                          - "[First reviewer]"
                          - "[Second reviewer]"
                        labels: [api, web, mobile]
                        ---
                        # [Feature title]

                        ## Summary
                        [One paragraph.]
                        """);
        FieldSpec reviewers = schema.field("reviewers").orElseThrow();
        assertThat(reviewers.kind()).isEqualTo(FieldKind.TEXT);
        assertThat(reviewers.allowedValues()).isEmpty();
        assertThat(schema.field("labels").orElseThrow().allowedValues())
                .containsExactly("api", "web", "mobile");
        // what template show lists, and check holds a spec to replacing
        assertThat(schema.enforcedPlaceholders())
                .contains("[First reviewer]", "[Second reviewer]")
                .doesNotContain("[api, web, mobile]");
    }

    @Test
    void yamlDatesAndBlockListsAreTyped() {
        TemplateSchema schema =
                TemplateSchema.derive(
                        "t",
                        """
                        ---
                        created: 2024-01-01
                        status:
                          - draft
                          - review
                          - done
                        owner: # optional
                        ---
                        # {title}

                        ## Context
                        {why}
                        """);
        assertThat(schema.field("created").orElseThrow().kind()).isEqualTo(FieldKind.DATE);
        assertThat(schema.field("status").orElseThrow().allowedValues())
                .containsExactly("draft", "review", "done");
        assertThat(schema.field("owner").orElseThrow().optional()).isTrue();
        assertThat(schema.field("status").orElseThrow().optional()).isFalse();
        assertThat(schema.dateField()).isEqualToIgnoringCase("created");
    }

    @Test
    void rustRfcTemplateUsesALeadingList() {
        TemplateSchema schema = TemplateSchema.derive("rfc", resource("rfc/0000-template.md"));
        assertThat(schema.metadataForm()).isEqualTo(FieldForm.LIST_ITEM);
        assertThat(schema.readsListMetadata()).isTrue();
        assertThat(schema.fields())
                .extracting(FieldSpec::label)
                .containsExactly("Feature Name", "Start Date", "RFC PR", "Rust Issue");
        assertThat(schema.field("Start Date").orElseThrow().kind()).isEqualTo(FieldKind.DATE);
        assertThat(schema.field("Start Date").orElseThrow().markdown()).isEqualTo("- Start Date:");
        assertThat(schema.statuses()).isEmpty();
    }

    @Test
    void swiftEvolutionTemplateUsesAListAfterTheTitle() {
        TemplateSchema schema = TemplateSchema.derive("se", resource("evolution/0000-template.md"));
        assertThat(schema.metadataForm()).isEqualTo(FieldForm.LIST_ITEM);
        assertThat(schema.title()).contains("Feature name");
        assertThat(schema.fields())
                .extracting(FieldSpec::label)
                .containsExactly("Proposal", "Authors", "Review Manager", "Status");
        assertThat(schema.statusField()).isEqualTo("Status");
    }

    @Test
    void boldLinesStayTheBuiltInForm() {
        assertThat(TemplateSchema.builtin().metadataForm()).isEqualTo(FieldForm.BOLD_LINE);
        assertThat(TemplateSchema.builtin().readsListMetadata()).isFalse();
        assertThat(TemplateSchema.builtin().draftStatuses()).containsExactly("Draft");
    }

    @Test
    void configuredLifecycleOrdersStatusesAndNamesDrafts() {
        TemplateSchema schema =
                TemplateSchema.derive("se", resource("evolution/0000-template.md"))
                        .withLifecycle(
                                new TemplateSchema.Lifecycle(
                                        Optional.empty(),
                                        List.of(
                                                "Awaiting review",
                                                "Active review",
                                                "Accepted",
                                                "Implemented",
                                                "Returned for revision",
                                                "Rejected"),
                                        List.of("Awaiting review", "Returned for revision")));
        assertThat(schema.statuses()).hasSize(6).startsWith("Awaiting review");
        assertThat(schema.status("Implemented (Swift 5.10)")).contains("Implemented");
        assertThat(schema.status("implemented")).contains("Implemented");
        assertThat(schema.status("Implementation pending")).isEmpty();
        assertThat(Strictness.forStatus("Returned for revision", schema))
                .isEqualTo(Strictness.DRAFT);
        assertThat(Strictness.forStatus("**Awaiting review**", schema))
                .isEqualTo(Strictness.REVIEW);
        assertThat(Strictness.forStatus("Awaiting review", schema)).isEqualTo(Strictness.DRAFT);
        // Accepted is the evolution process's approval point (layout-early's too): held as
        // Approved, as an Approved spec is (it was held as Review, no status being named Approved)
        assertThat(Strictness.forStatus("Accepted", schema)).isEqualTo(Strictness.APPROVED);
    }

    @Test
    void builtInLifecycleMatchesStatusesExactly() {
        TemplateSchema builtin = TemplateSchema.builtin();
        assertThat(builtin.status("Review (pending Ana)")).isEmpty();
        assertThat(builtin.status("review")).contains("Review");
        assertThat(Strictness.forStatus("Draft", builtin)).isEqualTo(Strictness.DRAFT);
        assertThat(Strictness.forStatus("Approved", builtin)).isEqualTo(Strictness.APPROVED);
        assertThat(Strictness.forStatus("Drafting", builtin)).isEqualTo(Strictness.REVIEW);
    }
}
