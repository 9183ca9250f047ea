package dev.specgate.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one wording of a refused move, which {@code status}, the editor's {@code specgate.moveStatus}
 * and the MCP tool {@code set_status} all give (each surface is held to it by its own tests: {@code
 * StatusCommandTest}, {@code LspFeaturesTest} and {@code LspEditorIT}, the MCP tests).
 */
class GateResultTest {

    private static final StatusMove REVIEW_TO_APPROVED =
            new StatusMove(Optional.of(SpecStatus.REVIEW), SpecStatus.APPROVED);

    @Test
    void aRefusalNamesTheFileTheMoveAndHowManyReasons() {
        GateResult one =
                new GateResult(
                        REVIEW_TO_APPROVED,
                        List.of(
                                new GateReason(
                                        267, "Outstanding Questions item 48.2 is not checked")));
        GateResult two =
                new GateResult(
                        REVIEW_TO_APPROVED,
                        List.of(
                                GateReason.ofSpec("the Reviewer names no person: 'TBD'"),
                                new GateReason(4, "[field-value] 'Type' is 'Feature'")));

        assertThat(one.refusal("directives/spec/2026-11-09_spec_refund-idempotency-keys.md"))
                .isEqualTo(
                        "cannot move directives/spec/2026-11-09_spec_refund-idempotency-keys.md"
                                + " Review -> Approved: 1 reason (the file is unchanged)");
        assertThat(two.refusal("Zahlungsläufe.md"))
                .isEqualTo(
                        "cannot move Zahlungsläufe.md Review -> Approved: 2 reasons (the file is"
                                + " unchanged)");
        assertThat(two.reasons())
                .extracting(GateReason::text)
                .containsExactly(
                        "the Reviewer names no person: 'TBD'",
                        "line 5: [field-value] 'Type' is 'Feature'");
        assertThat(one.reasons().get(0).text())
                .isEqualTo("line 268: Outstanding Questions item 48.2 is not checked");
    }

    @Test
    void aMoveThatPassedHasNoRefusal() {
        GateResult passed = new GateResult(REVIEW_TO_APPROVED, List.of());
        assertThatThrownBy(() -> passed.refusal("spec.md"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the move Review -> Approved passed its gate");
    }
}
