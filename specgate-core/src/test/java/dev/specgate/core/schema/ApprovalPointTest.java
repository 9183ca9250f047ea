package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where a lifecycle lets implementation begin ({@link TemplateSchema#approvalPoint()}), and which
 * statuses stand before it ({@link TemplateSchema#beforeApproval}): what {@code layout-early} asks.
 */
class ApprovalPointTest {

    private static TemplateSchema builtinWith(List<String> order, List<String> draft) {
        return TemplateSchema.builtin()
                .withLifecycle(new TemplateSchema.Lifecycle(Optional.empty(), order, draft));
    }

    @Test
    void theBuiltInLifecycleApprovesAtApprovedSoDraftAndReviewAreBeforeIt() {
        TemplateSchema schema = TemplateSchema.builtin();

        assertThat(schema.approvalPoint()).contains("Approved");
        assertThat(schema.beforeApproval("Draft")).isTrue();
        assertThat(schema.beforeApproval("review")).isTrue();
        assertThat(schema.beforeApproval("Approved")).isFalse();
        assertThat(schema.beforeApproval("Implementation")).isFalse();
        // a value that is no status is not placed, so never called early
        assertThat(schema.beforeApproval("Reveiw")).isFalse();
    }

    @Test
    void aTeamsOwnLifecycleApprovesAtItsApprovedStatusOrItsFirstImplementStatus() {
        TemplateSchema reviewed =
                builtinWith(
                        List.of("Draft", "In Review", "Approved", "Implementation", "Released"),
                        List.of());
        TemplateSchema kep =
                builtinWith(
                        List.of("provisional", "implementable", "implemented", "rejected"),
                        List.of());
        TemplateSchema swift =
                builtinWith(
                        List.of(
                                "Awaiting review",
                                "Active review",
                                "Accepted",
                                "Implemented",
                                "Returned for revision",
                                "Rejected"),
                        List.of("Awaiting review", "Returned for revision"));
        TemplateSchema notes = builtinWith(List.of("Open", "Discussed", "Closed"), List.of());

        assertThat(reviewed.approvalPoint()).contains("Approved");
        assertThat(reviewed.beforeApproval("In Review")).isTrue();
        assertThat(reviewed.beforeApproval("Released")).isFalse();
        assertThat(kep.approvalPoint()).contains("implementable");
        assertThat(kep.beforeApproval("provisional")).isTrue();
        assertThat(kep.beforeApproval("Rejected")).as("an exit").isFalse();
        assertThat(swift.approvalPoint()).contains("Accepted");
        assertThat(swift.beforeApproval("Active review")).isTrue();
        // a draft listed after the others is still before approval
        assertThat(swift.beforeApproval("Returned for revision")).isTrue();
        assertThat(swift.beforeApproval("Implemented")).isFalse();
        assertThat(notes.approvalPoint()).isEmpty();
        assertThat(notes.beforeApproval("Open")).isFalse();
    }

    @Test
    void implementedIsTheWorkDoneNotLeaveToBeginIt() {
        // a tracker's lifecycle: the code is written In Progress, nothing approves it first
        TemplateSchema tracker =
                builtinWith(
                        List.of("Proposed", "In Progress", "Implemented", "Won't do"), List.of());
        TemplateSchema ready =
                builtinWith(List.of("Draft", "Ready for implementation", "Implemented"), List.of());

        assertThat(tracker.approvalPoint()).isEmpty();
        assertThat(tracker.beforeApproval("In Progress")).isFalse();
        assertThat(ready.approvalPoint()).contains("Ready for implementation");
        assertThat(ready.beforeApproval("Draft")).isTrue();
    }
}
