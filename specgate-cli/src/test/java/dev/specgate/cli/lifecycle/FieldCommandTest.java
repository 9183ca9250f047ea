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
        // the fixture's approval binds the Reviewer: the command says it goes stale, and that
        // check, which asks nothing of an approval before Approved, does not report it
        assertThat(run.out())
                .isEqualTo(
                        "Set Reviewer of "
                                + spec
                                + " to Zoë Ångström (was Priya Raman). The approval of 2026-11-20 by"
                                + " Priya Raman no longer holds: 'Reviewer' is part of the approved"
                                + " content (the spec is Review, so check does not report it; its"
                                + " move to Approved records a new approval).\n");
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

    @Test
    void aYamlListIsReadOneItemALineAndSetFromSeveralValuesInItsOwnForm() throws Exception {
        Files.createDirectories(root.resolve("template"));
        Files.createDirectories(root.resolve("docs/specs"));
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: template/design-spec.md\nspecs:\n  - docs/specs/*.md\n");
        Files.writeString(
                root.resolve("template/design-spec.md"),
                "---\ntitle: \"[Feature title]\"\nstatus: \"[Draft | In Review | Approved |"
                        + " Shipped]\"\nowner: \"[Owner name]\"\nreviewers:\n  - \"[First"
                        + " reviewer]\"\nlabels: [api, web, mobile]  # optional: the areas it"
                        + " touches\ncreated: YYYY-MM-DD\nupdated: YYYY-MM-DD\n---\n\n# [Feature"
                        + " title]\n\n## Summary\n\n[One paragraph: what changes and why.]\n");
        String text =
                "\uFEFF---\r\ntitle: Invoice PDF v2\r\nstatus: In Review\r\nowner: Li Wei (李伟)\r\n"
                        + "reviewers:\r\n  - María José García\r\n  - 山田 太郎\r\n"
                        + "labels: [api, web]  # the areas it touches\r\n"
                        + "created: 2026-06-01\r\nupdated: 2026-06-03\r\n---\r\n\r\n"
                        + "# Invoice PDF v2 — 请求书\r\n\r\n## Summary\r\n\r\n"
                        + "> Rendered with `render({\"rtl\": [true]})`.\r\n";
        Path spec = root.resolve("docs/specs/2026-06-01-invoice-pdf.md");
        Files.writeString(spec, text);

        CliRun read = CliRun.of("field", spec.toString(), "reviewers");
        CliRun labels = CliRun.of("field", spec.toString(), "labels", "web", "MOBILE");
        CliRun reviewers =
                CliRun.of("field", spec.toString(), "reviewers", "Ana Ruiz", "O'Neil: Sam");

        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).isEqualTo("María José García\n山田 太郎\n");
        assertThat(labels.exitCode()).as(labels.err()).isZero();
        assertThat(labels.out())
                .isEqualTo("Set labels of " + spec + " to [web, mobile] (was [api, web]).\n");
        assertThat(reviewers.exitCode()).as(reviewers.err()).isZero();
        assertThat(Files.readString(spec))
                .isEqualTo(
                        text.replace("labels: [api, web]  #", "labels: [web, mobile]  #")
                                .replace(
                                        "  - María José García\r\n  - 山田 太郎\r\n",
                                        "  - Ana Ruiz\r\n  - \"O'Neil: Sam\"\r\n"));
        assertThat(CliRun.of("field", spec.toString(), "labels").out()).isEqualTo("web\nmobile\n");

        byte[] before = Files.readAllBytes(spec);
        CliRun bad = CliRun.of("field", spec.toString(), "labels", "web", "desktop");
        CliRun owner = CliRun.of("field", spec.toString(), "owner", "Li", "Wei");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .contains("'desktop' is not a value of 'labels': use one of api, web, mobile");
        assertThat(owner.exitCode()).isEqualTo(2);
        assertThat(owner.err()).contains("'owner' holds one value, not a list");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }
}
