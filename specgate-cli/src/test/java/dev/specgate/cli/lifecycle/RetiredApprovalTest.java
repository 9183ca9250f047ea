package dev.specgate.cli.lifecycle;

import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where an approval holds is one reading ({@code Approvals.askedAt}): from Approved on, not at a
 * retirement. A team's template that adds Deprecated after Implementation: {@code approve
 * --refresh} on a Deprecated spec rewrote an approval record {@code check} never asks for, and
 * {@code status} at Implementation hid a stale approval (the move on, to Deprecated, was taken for
 * one that states it).
 */
class RetiredApprovalTest {

    private static final String TODAY = "2026-11-25";
    private static final String FILE = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    @BeforeEach
    void teamTemplateWithDeprecated() throws Exception {
        Files.writeString(
                root.resolve("template.md"),
                TemplateSchema.builtinTemplateText()
                        .replace(
                                "**Document Status:** [Draft | Review | Approved | Implementation]",
                                "**Document Status:** [Draft | Review | Approved | Implementation"
                                        + " | Deprecated]"));
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: template.md\nspecs:\n  - directives/spec/*.md\n");
    }

    /** The spec approved, then Deprecated, then edited: CRLF and a byte order mark. */
    private Path deprecatedAfterAnEdit() throws Exception {
        Path spec =
                writeSpec(
                        root,
                        FILE,
                        "\uFEFF"
                                + StatusCommandTest.withStatus("Review")
                                        .lines()
                                        .filter(l -> !l.startsWith("**Approval:**"))
                                        .reduce("", (a, l) -> a + l + "\r\n"));
        CliRun approve =
                CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        CliRun retire = CliRun.of("status", spec.toString(), "Deprecated", "--today", TODAY);
        assertThat(retire.exitCode()).as(retire.err()).isZero();
        Files.writeString(
                spec,
                Files.readString(spec)
                        .replace(
                                "A single unavailable merchant endpoint stalls every payment",
                                "One unavailable merchant endpoint stalls every payment"));
        return spec;
    }

    @Test
    void refreshingTheApprovalOfADeprecatedSpecIsRefusedAndTheFileUntouched() throws Exception {
        Path spec = deprecatedAfterAnEdit();
        byte[] before = Files.readAllBytes(spec);

        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);
        CliRun status = CliRun.of("status", spec.toString(), "--today", TODAY);
        CliRun refresh =
                CliRun.of(
                        "approve",
                        spec.toString(),
                        "--refresh",
                        "--by",
                        "Ana Ruiz",
                        "--today",
                        "2026-11-27");

        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).doesNotContain("approval-");
        assertThat(status.out()).contains("Deprecated").doesNotContain("Approval:");
        assertThat(refresh.exitCode()).isEqualTo(1);
        assertThat(refresh.out()).isEmpty();
        assertThat(refresh.err())
                .isEqualTo(
                        "specgate: cannot refresh the approval of "
                                + spec
                                + ": it is Deprecated, a retirement, where no approval is asked"
                                + " for (approval-missing and approval-stale hold from Approved"
                                + " until a retirement), so there is no approval to renew (the"
                                + " file is unchanged)\n");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }

    @Test
    void statusAtTheLastApprovedStatusTellsOfAStaleApprovalAsCheckDoes() throws Exception {
        Path spec = deprecatedAfterAnEdit();
        Files.writeString(
                spec,
                Files.readString(spec)
                        .replace(
                                "**Document Status:** Deprecated",
                                "**Document Status:** Implementation"));

        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);
        CliRun status = CliRun.of("status", spec.toString(), "--today", TODAY);

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("[approval-stale]");
        assertThat(status.out())
                .contains("Approval:        stale, 1 reason")
                .contains("[approval-stale] the approved content changed");
    }
}
