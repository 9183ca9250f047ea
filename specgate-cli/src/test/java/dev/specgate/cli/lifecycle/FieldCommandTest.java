package dev.specgate.cli.lifecycle;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code specgate field SPEC NAME [VALUE]}: reads and sets one metadata field through core. */
class FieldCommandTest {

    private static final String TODAY = "2026-11-25";
    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    @Test
    void printsAFieldsValueInAnyCase() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("field", spec.toString(), "next review");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("2027-01-15\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void setsOneValueOfACrLfSpecWithAByteOrderMarkChangingNoOtherByte() throws Exception {
        Path spec =
                writeSpec(
                        root, CLEAN, SpecBytes.crlfWithBom(StatusCommandTest.withStatus("Review")));
        String before = new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);

        CliRun run = CliRun.of("field", spec.toString(), "Reviewer", "Zoë Ångström");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // the fixture's approval binds the Reviewer: the command says it goes stale
        assertThat(run.out())
                .isEqualTo(
                        "Set Reviewer of "
                                + spec
                                + " to Zoë Ångström (was Priya Raman). The approval of 2026-11-20 by"
                                + " Priya Raman no longer holds: 'Reviewer' is part of the approved"
                                + " content (check reports approval-stale; a person re-approves with"
                                + " specgate approve --refresh "
                                + spec
                                + ").\n");
        assertThat(new String(Files.readAllBytes(spec), StandardCharsets.UTF_8))
                .isEqualTo(
                        before.replace("**Reviewer:** Priya Raman", "**Reviewer:** Zoë Ångström"));
        CliRun again = CliRun.of("field", spec.toString(), "Reviewer", "Zoë Ångström");
        assertThat(again.out())
                .isEqualTo(spec + ": Reviewer is already Zoë Ångström; nothing changed.\n");
    }

    @Test
    void aFieldTheSpecLacksIsNotPrintedAndIsAddedWhereTheTemplatePutsIt() throws Exception {
        Path spec =
                writeSpec(
                        root,
                        CLEAN,
                        StatusCommandTest.withStatus("Draft")
                                .replace("**Next Review:** 2027-01-15\n", ""));

        CliRun missing = CliRun.of("field", spec.toString(), "Next Review");
        CliRun set = CliRun.of("field", spec.toString(), "Next Review", "2027-02-01");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains(spec + " has no 'Next Review' field");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).isEqualTo("Set Next Review of " + spec + " to 2027-02-01 (added).\n");
        assertThat(Files.readString(spec))
                .contains(
                        "**Last Updated:** 2026-10-20\n**Next Review:** 2027-02-01\n**Approval:**");
    }

    @Test
    void theStatusAnUnknownNameAndABadValueAreUsageErrorsThatLeaveTheFile() throws Exception {
        Path spec = writeSpec(root, CLEAN, StatusCommandTest.withStatus("Draft"));
        byte[] before = Files.readAllBytes(spec);

        CliRun status = CliRun.of("field", spec.toString(), "Document Status", "Review");
        CliRun unknown = CliRun.of("field", spec.toString(), "Reviwer", "Ana Ruiz");
        CliRun date = CliRun.of("field", spec.toString(), "Next Review", "tomorrow");
        CliRun type = CliRun.of("field", spec.toString(), "Type", "Feature");

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err())
                .contains(
                        "'Document Status' is the spec's status: move it with specgate status "
                                + spec
                                + " TARGET, which runs its gate; the file is unchanged");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("'Reviwer' is not a field of the template (the file is unchanged):")
                .contains("did you mean 'Reviewer'?");
        // a read changes nothing, so it does not say so
        CliRun read = CliRun.of("field", spec.toString(), "Reviwer");
        assertThat(read.exitCode()).isEqualTo(2);
        assertThat(read.err())
                .contains("'Reviwer' is not a field of the template: its fields are")
                .doesNotContain("unchanged");
        assertThat(date.exitCode()).isEqualTo(2);
        assertThat(date.err()).contains("'tomorrow' is not a date for 'Next Review'");
        assertThat(type.exitCode()).isEqualTo(2);
        assertThat(type.err()).contains("'Feature' is not a Type of the template");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }

    @Test
    void settingTheReviewerOfAnApprovedSpecSaysItsApprovalIsStaleAsCheckThenReports() {
        Path spec = writeSpec(root, CLEAN, StatusCommandTest.withStatus("Review"));
        CliRun approve =
                CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(CliRun.of("check", spec.toString(), "--today", TODAY).exitCode()).isZero();

        CliRun set = CliRun.of("field", spec.toString(), "Reviewer", "Jonas Weber");
        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out())
                .contains(
                        "The approval of "
                                + TODAY
                                + " by Ana Ruiz no longer holds: 'Reviewer' is part of the"
                                + " approved content");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("approval-stale");
    }
}
