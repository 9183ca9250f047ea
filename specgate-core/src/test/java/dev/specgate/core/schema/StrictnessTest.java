package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.SourceRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a written status maps to strictness. */
class StrictnessTest {

    private static final TemplateSchema SCHEMA = TemplateSchema.builtin();

    @ParameterizedTest(name = "''{0}'' is held as {1}")
    @CsvSource({
        "Draft, DRAFT",
        "draft, DRAFT",
        "Review, REVIEW",
        "Approved, APPROVED",
        "IMPLEMENTATION, IMPLEMENTATION",
        "Done, REVIEW",
        "'[Draft | Review | Approved | Implementation]', REVIEW"
    })
    void statusMapsToStrictness(String status, Strictness expected) {
        assertThat(Strictness.forStatus(status, SCHEMA)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "status line ''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "**Document Status:** *Approved*  ",
                "**Document Status:** `Draft`",
                "**Document Status:** **",
                "**Document Status:**",
                "**Document Status:** Implementation — café ∑",
                "**Author:** Zoë"
            })
    void theStatusAsWrittenIsHeldAsTheDocumentIs(String line) {
        var doc =
                new dev.specgate.core.parse.SpecParser()
                        .parse("# Technical Specification: X\r\n\r\n" + line + "\r\n");
        String written = StatusReading.written(doc, SCHEMA).orElse(null);
        assertThat(StatusReading.strictness(written, SCHEMA))
                .isEqualTo(StatusReading.strictness(doc, SCHEMA))
                .isEqualTo(
                        Strictness.forStatus(
                                StatusReading.plain(doc, SCHEMA).orElse(null), SCHEMA));
    }

    @Test
    void aTeamsStatusAfterApprovedIsHeldAsApprovedOrAfterImplementationAsImplementation() {
        // Shipped was held as Review: a stale approval at Shipped went unreported and did not
        // stop the move there
        TemplateSchema team =
                SCHEMA.withLifecycle(
                        new TemplateSchema.Lifecycle(
                                java.util.Optional.empty(),
                                java.util.List.of(
                                        "Draft",
                                        "In Review",
                                        "Approved",
                                        "Shipped",
                                        "Implementation",
                                        "Released",
                                        "Deprecated",
                                        "Rejected"),
                                java.util.List.of()));

        assertThat(Strictness.forStatus("In Review", team)).isEqualTo(Strictness.REVIEW);
        assertThat(Strictness.forStatus("shipped", team)).isEqualTo(Strictness.APPROVED);
        assertThat(Strictness.forStatus("Released", team)).isEqualTo(Strictness.IMPLEMENTATION);
        assertThat(Strictness.forStatus("Deprecated", team))
                .as("a retirement")
                .isEqualTo(Strictness.REVIEW);
        assertThat(Strictness.forStatus("Rejected", team))
                .as("an exit")
                .isEqualTo(Strictness.REVIEW);
        assertThat(Strictness.forStatus("Shiped", team))
                .as("no status")
                .isEqualTo(Strictness.REVIEW);
    }

    @Test
    void aStatusPastTheApprovalPointThatLayoutEarlyUsesIsHeldAsApproved() {
        // Shipped after Accepted was held as Review (no status named Approved), though
        // layout-early called work begun at Shipped past approval: one approval point for both
        TemplateSchema adr = withOrder("Proposed", "Accepted", "Shipped", "Deprecated", "Rejected");
        TemplateSchema kep =
                withOrder("provisional", "implementable", "implemented", "deferred", "rejected");
        TemplateSchema swift =
                withOrder("Awaiting review", "Active review", "Accepted", "Implemented");
        TemplateSchema tracker = withOrder("Proposed", "In Progress", "Implemented");

        assertThat(Strictness.forStatus("Proposed", adr)).isEqualTo(Strictness.DRAFT);
        assertThat(Strictness.forStatus("Accepted", adr)).isEqualTo(Strictness.APPROVED);
        assertThat(Strictness.forStatus("shipped", adr)).isEqualTo(Strictness.APPROVED);
        assertThat(Strictness.forStatus("Deprecated", adr))
                .as("a retirement")
                .isEqualTo(Strictness.REVIEW);
        assertThat(Strictness.forStatus("Rejected", adr))
                .as("an exit")
                .isEqualTo(Strictness.REVIEW);
        assertThat(Strictness.forStatus("implementable", kep)).isEqualTo(Strictness.APPROVED);
        assertThat(Strictness.forStatus("implemented", kep)).isEqualTo(Strictness.APPROVED);
        assertThat(Strictness.forStatus("deferred", kep))
                .as("an exit")
                .isEqualTo(Strictness.REVIEW);
        assertThat(Strictness.forStatus("Active review", swift)).isEqualTo(Strictness.REVIEW);
        assertThat(Strictness.forStatus("Implemented (Swift 5.9)", swift))
                .isEqualTo(Strictness.APPROVED);
        // no approval point: Implemented is the work done, nothing approves it first
        assertThat(Strictness.forStatus("Implemented", tracker)).isEqualTo(Strictness.REVIEW);
        for (TemplateSchema schema : java.util.List.of(adr, kep, swift, tracker, SCHEMA)) {
            for (String status : schema.statuses()) {
                assertThat(Strictness.forStatus(status, schema).atLeast(Strictness.APPROVED))
                        .as(status + " held as Approved exactly when past the approval point")
                        .isEqualTo(schema.pastApproval(status));
            }
        }
    }

    private static TemplateSchema withOrder(String... order) {
        return SCHEMA.withLifecycle(
                new TemplateSchema.Lifecycle(
                        java.util.Optional.empty(), java.util.List.of(order), java.util.List.of()));
    }

    @Test
    void aStatusNamedApprovedIsHeldByItsPlaceInTheLifecycleNotByItsName() {
        // a change request ends Approved or Rejected: its Approved is an exit, not an approval
        // point; the switch on the name held it (and an unknown 'Approved') as Approved, asking a
        // named Reviewer and guarding MCP's edits where check asks no approval
        TemplateSchema request =
                SCHEMA.withLifecycle(
                        new TemplateSchema.Lifecycle(
                                java.util.Optional.empty(),
                                java.util.List.of(
                                        "Requested", "Under review", "Approved", "Rejected"),
                                java.util.List.of(),
                                java.util.Optional.of(java.util.List.of("Approved", "Rejected"))));
        TemplateSchema adr = withOrder("Proposed", "Accepted", "Approved", "Deprecated");

        assertThat(request.approvalPoint()).isEmpty();
        assertThat(Strictness.forStatus("Approved", request))
                .as("an exit named Approved")
                .isEqualTo(Strictness.REVIEW);
        assertThat(Strictness.forStatus("Implementation", withOrder("Proposed", "Accepted")))
                .as("no status of the template")
                .isEqualTo(Strictness.REVIEW);
        assertThat(Strictness.forStatus("approved", withOrder("Proposed", "Accepted")))
                .as("no status of the template")
                .isEqualTo(Strictness.REVIEW);
        assertThat(Strictness.forStatus("Approved", adr))
                .as("after the approval point (Accepted)")
                .isEqualTo(Strictness.APPROVED);
        assertThat(Strictness.forStatus("IMPLEMENTATION", SCHEMA))
                .isEqualTo(Strictness.IMPLEMENTATION);
        for (TemplateSchema schema : java.util.List.of(request, adr)) {
            for (String status : schema.statuses()) {
                assertThat(Strictness.forStatus(status, schema).atLeast(Strictness.APPROVED))
                        .as(status + " held as Approved exactly when past the approval point")
                        .isEqualTo(schema.pastApproval(status));
            }
        }
    }

    @Test
    void missingStatusIsHeldAsReview() {
        assertThat(Strictness.forStatus(null, SCHEMA)).isEqualTo(Strictness.REVIEW);
    }

    @Test
    void strictnessIsOrdered() {
        assertThat(Strictness.APPROVED.atLeast(Strictness.REVIEW)).isTrue();
        assertThat(Strictness.IMPLEMENTATION.atLeast(Strictness.APPROVED)).isTrue();
        assertThat(Strictness.REVIEW.atLeast(Strictness.APPROVED)).isFalse();
        assertThat(Strictness.DRAFT.atLeast(Strictness.DRAFT)).isTrue();
    }

    @Test
    void parseNamesTheAllowedValues() {
        assertThat(Strictness.parse(" approved ")).isEqualTo(Strictness.APPROVED);
        assertThatThrownBy(() -> Strictness.parse("final"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'final'")
                .hasMessageContaining("draft, review, approved, implementation");
    }

    @Test
    void severityPrintsInLowercaseAndParsesAnyCase() {
        assertThat(Severity.WARNING.label()).isEqualTo("warning");
        assertThat(Severity.parse("ERROR")).isEqualTo(Severity.ERROR);
        assertThatThrownBy(() -> Severity.parse("fatal")).hasMessageContaining("'fatal'");
    }

    @Test
    void rangesRefuseNegativeAndBackwardPositions() {
        assertThatThrownBy(() -> SourceRange.ofLine(-1, 0, 0))
                .hasMessage("startLine -1 must be >= 0");
        assertThatThrownBy(() -> SourceRange.ofLine(2, 5, 4))
                .hasMessage("end 2:4 is before start 2:5");
        assertThat(SourceRange.ofLine(1, 9, 9).compareTo(SourceRange.ofLine(2, 0, 1))).isNegative();
    }
}
