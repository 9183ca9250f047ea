package dev.specgate.core.lifecycle;

import static dev.specgate.core.TestSpecs.clean;
import static dev.specgate.core.TestSpecs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.SpecDocument;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a move back to Draft says of the approval, for every surface ({@code status SPEC Draft}, MCP
 * {@code set_status}, the editor's command): each line it removes is told as it was, and nothing is
 * said when nothing is removed. Checked against the edit the move makes.
 */
class ApprovalNoteTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String RECORD =
            "**Approval:** 2026-11-20 by Priya Raman, sha256:6d581b1382ea\n";

    private static String approved(String approvalLines) {
        return clean().replace(
                        "**Reviewer:** Priya Raman\n",
                        "**Reviewer:** Priya Raman\n" + approvalLines);
    }

    @Test
    void aRecordRemovedIsNamedWithItsDateAndApprover() {
        String spec = approved(RECORD);

        assertThat(note(Lifecycle.standard(), spec))
                .contains(
                        "The approval of 2026-11-20 by Priya Raman is removed with its"
                                + " '**Approval:**' line.");
        assertThat(drafted(Lifecycle.standard(), spec)).doesNotContain("**Approval:**");
    }

    @Test
    void noApprovalFieldMeansNothingIsSaidAndNothingRemoved() {
        String spec = clean();

        assertThat(note(Lifecycle.standard(), spec)).isEmpty();
        assertThat(drafted(Lifecycle.standard(), spec))
                .isEqualTo(
                        spec.replace("**Document Status:** Approved", "**Document Status:** Draft")
                                .replace(
                                        "**Last Updated:** 2026-10-20",
                                        "**Last Updated:** " + TODAY));
    }

    @Test
    void aFieldWithoutARecordIsNotCalledAnApproval() {
        // was "The Approval field is cleared." for a line that held no approval
        String spec = approved("**Approval:** pending (Ana Ruiz's review)\n");

        assertThat(note(Lifecycle.standard(), spec))
                .contains("The '**Approval:**' line is removed: it held no approval.");
        assertThat(drafted(Lifecycle.standard(), spec)).doesNotContain("**Approval:**");
    }

    @Test
    void aRecordUnderTheFieldsEarlierNameIsToldNotRemovedInSilence() {
        // approval-field: Sign-off, and the spec still holds its **Approval:** record: the move
        // removed that line and said nothing
        Lifecycle signOff =
                Lifecycle.of(SpecChecker.builder().approvals(new Approvals("Sign-off")).build());
        String spec = approved(RECORD);

        assertThat(note(signOff, spec))
                .contains(
                        "The approval of 2026-11-20 by Priya Raman recorded under the earlier field"
                                + " name is removed with its '**Approval:**' line.");
        assertThat(drafted(signOff, spec)).doesNotContain("**Approval:**");

        String both =
                approved("**Sign-off:** 2026-11-22 by Ana Ruiz, sha256:0123456789ab\n" + RECORD);
        assertThat(note(signOff, both))
                .contains(
                        "The approval of 2026-11-22 by Ana Ruiz is removed with its '**Sign-off:**'"
                                + " line; the approval of 2026-11-20 by Priya Raman recorded under"
                                + " the earlier field name is removed with its '**Approval:**'"
                                + " line.");
    }

    private static Optional<String> note(Lifecycle lifecycle, String spec) {
        return lifecycle.approvalNote(parse(spec), SpecStatus.DRAFT, Optional.empty());
    }

    private static String drafted(Lifecycle lifecycle, String spec) {
        SpecDocument document = parse(spec);
        SpecSource source = SpecSource.of(spec);
        return lifecycle.moveEdit(source, document, SpecStatus.DRAFT, TODAY).text();
    }
}
