package dev.specgate.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's template keeps its status in front matter ({@code status:}), not in Document Status.
 * Naming {@code approval-field:} opts it in: {@code approve} records the approval as a front matter
 * key with the same fingerprint rules, ticking the Rollout keeps it, an edit makes it stale.
 * Before, {@code approval-field:} was refused for such a lifecycle and {@code approve} refused the
 * spec.
 */
class TeamApprovalTest {

    @TempDir Path root;

    @Test
    void approvalFieldLetsATeamsFrontMatterStatusRecordApprovals() throws Exception {
        Files.createDirectories(root.resolve("template"));
        Files.writeString(
                root.resolve("template/design-spec.md"),
                "---\ntitle: \"[Feature title]\"\nstatus: \"[Draft | In Review | Approved |"
                        + " Shipped]\"\nowner: \"[Owner name]\"\nreviewers:\n  - \"[First"
                        + " reviewer]\"\nupdated: YYYY-MM-DD\n---\n\n# [Feature title]\n\n"
                        + "## Summary\n\n[One paragraph.]\n\n## Rollout\n\n"
                        + "- [ ] Feature flag created\n- [ ] 100% of production traffic\n\n"
                        + "## Open Questions (optional)\n\n- [ ] [Question]\n");
        Path config = root.resolve(".specgate.yml");
        Files.writeString(
                config, "template: template/design-spec.md\nspecs:\n  - docs/specs/*.md\n");
        Path spec = Files.createDirectories(root.resolve("docs/specs")).resolve("webhooks.md");
        String text =
                "\uFEFF---\r\ntitle: Webhook signing\r\nstatus: In Review\r\nowner: Ana Ruiz\r\n"
                        + "reviewers:\r\n  - Priya Raman\r\nupdated: 2026-11-20\r\n---\r\n\r\n"
                        + "# Webhook signing 🔏\r\n\r\n## Summary\r\n\r\n"
                        + "Header `Sig: t=[unix]` on every call.\r\n\r\n## 🚀 Rollout\r\n\r\n"
                        + "- [ ] Feature flag created\r\n- [ ] 100% of production traffic\r\n"
                        + "\r\n## Open Questions\r\n\r\n- [x] Replay API? Not now.\r\n";
        Files.writeString(spec, text);

        // without the key: refused as before, the file untouched
        CliRun refused =
                CliRun.of(
                        "approve", spec.toString(), "--by", "Priya Raman", "--today", "2026-11-25");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("has no Document Status field");
        assertThat(spec).content().isEqualTo(text);

        Files.writeString(config, Files.readString(config) + "approval-field: approval\n");
        CliRun approved =
                CliRun.of(
                        "approve", spec.toString(), "--by", "Priya Raman", "--today", "2026-11-25");

        assertThat(approved.exitCode()).as(approved.err()).isZero();
        String now = Files.readString(spec);
        assertThat(now)
                .startsWith("\uFEFF---\r\ntitle: Webhook signing\r\nstatus: Approved\r\n")
                .containsPattern("\r\napproval: \"2026-11-25 by Priya Raman, sha256:[0-9a-f]{12}");
        assertThat(CliRun.of("check", root.toString(), "--today", "2026-11-25").exitCode())
                .isZero();
        // a Rollout tick keeps it
        assertThat(CliRun.of("done", spec.toString(), "2.1").exitCode()).isZero();
        assertThat(CliRun.of("check", root.toString(), "--today", "2026-11-25").exitCode())
                .isZero();
        // an edit of the approved text makes it stale
        String ticked = Files.readString(spec);
        Files.writeString(spec, ticked.replace("on every call", "on every call and retry"));
        CliRun stale = CliRun.of("check", root.toString(), "--today", "2026-11-25");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.out())
                .contains(
                        "error [approval-stale] the approved content changed since the approval"
                                + " of 2026-11-25 by Priya Raman")
                .contains("changed: Summary");
        // the approved text again: the move to Shipped passes (the status is not hashed)
        Files.writeString(spec, ticked);
        assertThat(
                        CliRun.of("status", spec.toString(), "Shipped", "--today", "2026-11-26")
                                .exitCode())
                .isZero();
        assertThat(spec).content().contains("status: Shipped\r\n");
        // at Shipped, after Approved, an edit of the approved text is still reported (Shipped was
        // held as Review, where no approval is checked)
        String shipped = Files.readString(spec);
        Files.writeString(spec, shipped.replace("on every call", "on every other call"));
        CliRun staleShipped = CliRun.of("check", root.toString(), "--today", "2026-11-27");
        assertThat(staleShipped.exitCode()).isEqualTo(1);
        assertThat(staleShipped.out())
                .contains("error [approval-stale]")
                .contains("changed: Summary");
    }

    @Test
    void aStatusFieldOfItsOwnNameRecordsInFrontMatterAndItsMovesKeepTheApproval() throws Exception {
        // 'stage:', not 'status:': the record goes beside it in front matter (it went to the end
        // of the body as a '**approval:**' line, without a line break), and moves keep it
        Files.createDirectories(root.resolve("template"));
        Files.writeString(
                root.resolve("template/design-spec.md"),
                "---\ntitle: \"[Feature title]\"\nstage: \"[Draft | In Review | Approved |"
                        + " Shipped]\"\nowner: \"[Owner name]\"\n---\n\n# [Feature title]\n\n"
                        + "## Summary\n\n[One paragraph.]\n\n## Rollout\n\n- [ ] Flag on\n");
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: template/design-spec.md\nspecs:\n  - docs/specs/*.md\n"
                        + "lifecycle: {status-field: stage}\napproval-field: approval\n");
        Path spec = Files.createDirectories(root.resolve("docs/specs")).resolve("webhooks.md");
        Files.writeString(
                spec,
                "---\r\ntitle: Webhook signing\r\nstage: In Review\r\nowner: Ana Ruiz\r\n"
                        + "---\r\n\r\n# Webhook signing 🔏\r\n\r\n## Summary\r\n\r\n"
                        + "Header `Sig: t=[unix]` on every call.\r\n\r\n## Rollout\r\n\r\n"
                        + "- [x] Flag on\r\n");

        CliRun approved =
                CliRun.of(
                        "approve", spec.toString(), "--by", "Priya Raman", "--today", "2026-11-25");

        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(spec)
                .content()
                .containsPattern(
                        "^---\r\ntitle: Webhook signing\r\nstage: Approved\r\napproval:"
                                + " \"2026-11-25 by Priya Raman, sha256:[0-9a-f]{12}[^\r\n]*\"\r\n"
                                + "owner: Ana Ruiz\r\n---\r\n")
                .endsWith("- [x] Flag on\r\n");
        CliRun shipped = CliRun.of("status", spec.toString(), "Shipped", "--today", "2026-11-26");
        assertThat(shipped.exitCode()).as(shipped.err()).isZero();
        assertThat(spec).content().contains("stage: Shipped\r\napproval: \"2026-11-25 by");
        CliRun check = CliRun.of("check", root.toString(), "--today", "2026-11-26");
        assertThat(check.exitCode()).as(check.out()).isZero();
    }
}
