package dev.specgate.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code specgate status} on templates with their own lifecycle: MADR decisions (front matter, one
 * with a byte order mark) and language-evolution proposals (a bold status in a leading list, one
 * with CRLF line ends), copied from the family corpora.
 */
class OwnLifecycleStatusTest {

    private static final String TODAY = "2026-11-25";
    private static final String MADR_ORDER =
            "lifecycle:\n  order: [proposed, accepted, deprecated, superseded by ADR-NNNN, rejected]\n";

    @TempDir Path tmp;

    @Test
    void aMadrDecisionMovesThroughTheConfiguredOrderByteExactly() throws Exception {
        Path root = family("madr-full", MADR_ORDER);
        Path adr = root.resolve("docs/decisions/0004-sign-webhooks-with-ed25519.md");
        byte[] before = SpecBytes.of(adr);

        CliRun json = CliRun.of("status", adr.toString(), "--format", "json", "--today", TODAY);
        CliRun moved = CliRun.of("status", adr.toString(), "Deprecated", "--today", TODAY);
        byte[] deprecated = SpecBytes.of(adr);
        CliRun superseded =
                CliRun.of("status", adr.toString(), "superseded by ADR-0009", "--today", TODAY);
        byte[] supersededBytes = SpecBytes.of(adr);
        CliRun back = CliRun.of("status", adr.toString(), "proposed", "--today", TODAY);

        assertThat(json.exitCode()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("status").asText()).isEqualTo("accepted");
        assertThat(report.get("lastUpdated").isNull()).isTrue();
        assertThat(report.get("moves")).hasSize(4);
        assertThat(report.get("moves").get(0).get("to").asText()).isEqualTo("deprecated");
        assertThat(report.get("moves").get(0).get("passed").asBoolean()).isTrue();
        // a retirement is open from accepted too, but not as the template's example
        assertThat(report.get("moves").get(1).get("to").asText())
                .isEqualTo("superseded by ADR-NNNN");
        assertThat(report.get("moves").get(1).get("passed").asBoolean()).isFalse();
        assertThat(report.get("moves").get(2).get("to").asText()).isEqualTo("proposed");
        assertThat(report.get("moves").get(3).get("to").asText()).isEqualTo("rejected");

        assertThat(moved.exitCode()).isZero();
        assertThat(moved.out()).isEqualTo("Moved " + adr + " accepted -> deprecated.\n");
        String text = new String(before, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF---\nstatus: accepted\n");
        assertThat(new String(deprecated, StandardCharsets.UTF_8))
                .isEqualTo(text.replace("status: accepted\n", "status: deprecated\n"));
        assertThat(superseded.exitCode()).isZero();
        assertThat(new String(supersededBytes, StandardCharsets.UTF_8))
                .isEqualTo(text.replace("status: accepted\n", "status: superseded by ADR-0009\n"));
        assertThat(back.out()).isEqualTo("Moved " + adr + " superseded by ADR-0009 -> proposed.\n");
        assertThat(SpecBytes.text(adr))
                .isEqualTo(text.replace("status: accepted\n", "status: proposed\n"));
    }

    @Test
    void aBlockedMoveNamesEveryReasonAndLeavesTheFileAlone() throws Exception {
        Path root = family("madr-full", MADR_ORDER);
        Path adr = root.resolve("docs/decisions/0006-choose-a-feature-flag-service.md");
        byte[] before = SpecBytes.of(adr);

        CliRun skip = CliRun.of("status", adr.toString(), "deprecated", "--today", TODAY);
        CliRun blocked = CliRun.of("status", adr.toString(), "accepted", "--today", TODAY);
        CliRun by =
                CliRun.of("status", adr.toString(), "proposed", "--by", "Ana", "--today", TODAY);

        assertThat(skip.exitCode()).isEqualTo(1);
        assertThat(skip.err())
                .contains(
                        "proposed -> deprecated is not a lifecycle move: specs go proposed ->"
                                + " accepted -> deprecated -> superseded by ADR-NNNN one step at a"
                                + " time, and back to proposed or to rejected from any status,"
                                + " and to deprecated or superseded by ADR-NNNN from any earlier"
                                + " status past proposed (from here: accepted or rejected)");
        assertThat(blocked.exitCode()).isEqualTo(1);
        assertThat(blocked.err())
                .startsWith(
                        "specgate: cannot move "
                                + adr
                                + " proposed -> accepted: 3 reasons (the file is unchanged)\n")
                .contains("[placeholder-template] template placeholder '{name of option 3}'");
        assertThat(by.exitCode()).isEqualTo(2);
        assertThat(by.err())
                .isEqualTo(
                        "specgate: --by names who approves: the configured template 'template.md'"
                                + " ("
                                + root.resolve(".specgate.yml")
                                + ") has no Document Status field, so no move records an approval"
                                + " (only a move to Approved in the Document Status field does)\n");
        assertThat(SpecBytes.of(adr)).isEqualTo(before);
    }

    /**
     * A team template keeps its status in front matter, so its {@code approved} records no
     * approval: {@code approve} refuses, {@code status --by} refuses and a move to {@code approved}
     * says so, each in core's one wording, which MCP's set_status gives too (SpecToolsTest).
     */
    @Test
    void approveStatusByAndAMoveToApprovedSayWhyNoApprovalIsRecordedInOneWording()
            throws Exception {
        Path root = Files.createDirectories(tmp.resolve("team"));
        Files.writeString(
                root.resolve("template.md"),
                "---\r\nstatus: \"{draft | review | approved | implementing}\"\r\n"
                        + "owner: {who drives the design}\r\ndate: {YYYY-MM-DD}\r\n---\r\n\r\n"
                        + "# Design: {feature name}\r\n\r\n## Contexte\r\n{Why.}\r\n\r\n"
                        + "## Checklist\r\n- [ ] {a check}\r\n");
        Path config = root.resolve(".specgate.yml");
        Files.writeString(config, "template: template.md\nspecs:\n  - docs/*.md\n");
        Path spec = Files.createDirectories(root.resolve("docs")).resolve("caché.md");
        String text =
                "---\r\nstatus: review\r\nowner: Zoë Brontë\r\ndate: 2026-11-30\r\n---\r\n\r\n"
                        + "# Design: Caché des résultats «rapide»\r\n\r\n## Contexte\r\n"
                        + "Les vérifications répètent le même travail.\r\n\r\n## Checklist\r\n"
                        + "- [x] Mesurer sur 10 000 specs\r\n";
        Files.writeString(spec, text);
        String why =
                "the configured template 'template.md' ("
                        + config
                        + ") has no Document Status field, so no move records an approval (only a"
                        + " move to Approved in the Document Status field does, or in the"
                        + " template's own 'status' field once "
                        + config
                        + " names the field approvals go in: approval-field: Approval)";

        CliRun approve = CliRun.of("approve", spec.toString(), "--by", "Zoë", "--today", TODAY);
        CliRun by =
                CliRun.of("status", spec.toString(), "approved", "--by", "Zoë", "--today", TODAY);
        assertThat(SpecBytes.text(spec)).isEqualTo(text);
        CliRun moved = CliRun.of("status", spec.toString(), "approved", "--today", TODAY);

        assertThat(approve.exitCode()).isEqualTo(2);
        assertThat(approve.err())
                .isEqualTo("specgate: cannot use approve on " + spec + ": " + why + "\n");
        assertThat(by.exitCode()).isEqualTo(2);
        assertThat(by.err()).isEqualTo("specgate: --by names who approves: " + why + "\n");
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out())
                .isEqualTo(
                        "Moved "
                                + spec
                                + " review -> approved. No approval is recorded: "
                                + why
                                + ".\n");
        assertThat(SpecBytes.text(spec))
                .isEqualTo(text.replace("status: review\r\n", "status: approved\r\n"));
    }

    @Test
    void aBoldStatusInACrlfListMovesAndASectionRequiredFromTheTargetBlocks() throws Exception {
        Path root = family("evolution", "");
        Path se = root.resolve("proposals/0420-default-inout-arguments.md");
        String before = SpecBytes.text(se);

        CliRun show = CliRun.of("status", se.toString(), "--today", TODAY);
        CliRun moved = CliRun.of("status", se.toString(), "active review", "--today", TODAY);
        String after = SpecBytes.text(se);
        CliRun accepted = CliRun.of("status", se.toString(), "Accepted", "--today", TODAY);

        assertThat(show.out())
                .isEqualTo(
                        se
                                + "\n  Status:          Awaiting review\n"
                                + "  Awaiting review -> Active review: ready (specgate status "
                                + se
                                + " \"Active review\")\n"
                                + "  Awaiting review -> Rejected: ready (specgate status "
                                + se
                                + " Rejected)\n"
                                + "  Awaiting review -> Withdrawn: ready (specgate status "
                                + se
                                + " Withdrawn)\n");
        assertThat(moved.exitCode()).isZero();
        assertThat(after)
                .isEqualTo(
                        before.replace(
                                "* Status: **Awaiting review**\r\n",
                                "* Status: **Active review**\r\n"));
        assertThat(accepted.exitCode()).isEqualTo(1);
        assertThat(accepted.err())
                .contains("Active review -> Accepted: 1 reason (the file is unchanged)")
                .contains("[section-missing] missing section '## Future directions'");
        assertThat(SpecBytes.text(se)).isEqualTo(after);
    }

    @Test
    void anAcceptedMadrDecisionIsSupersededWithoutBeingDeprecatedFirst() throws Exception {
        // MADR's own order, no configuration: proposed -> accepted -> deprecated -> superseded
        Path root = family("madr-full", "");
        Path adr = root.resolve("docs/decisions/0004-sign-webhooks-with-ed25519.md");
        String before = SpecBytes.text(adr);
        assertThat(before).startsWith("\uFEFF---\nstatus: accepted\n");

        CliRun show = CliRun.of("status", adr.toString(), "--today", TODAY);
        CliRun example =
                CliRun.of("status", adr.toString(), "superseded by ADR-xxxx", "--today", TODAY);
        CliRun superseded =
                CliRun.of("status", adr.toString(), "superseded by ADR-0009", "--today", TODAY);
        String after = SpecBytes.text(adr);
        CliRun backwards = CliRun.of("status", adr.toString(), "deprecated", "--today", TODAY);

        assertThat(show.exitCode()).isZero();
        assertThat(show.out())
                .contains(
                        "  accepted -> deprecated: ready (specgate status " + adr + " deprecated)")
                .contains("  accepted -> superseded by ADR-NNNN: ");
        // a number placeholder, in any case, is refused: the real number is needed
        assertThat(example.exitCode()).isEqualTo(1);
        assertThat(example.err())
                .contains(
                        "'superseded by ADR-xxxx' is the template's example: give the status with"
                                + " its real number");
        assertThat(superseded.exitCode()).as(superseded.err()).isZero();
        assertThat(superseded.out())
                .isEqualTo("Moved " + adr + " accepted -> superseded by ADR-0009.\n");
        assertThat(after)
                .isEqualTo(
                        before.replace("status: accepted\n", "status: superseded by ADR-0009\n"));
        // a retirement is not left backwards
        assertThat(backwards.exitCode()).isEqualTo(1);
        assertThat(backwards.err())
                .contains("superseded by ADR-0009 -> deprecated is not a lifecycle move");
        assertThat(SpecBytes.text(adr)).isEqualTo(after);
    }

    /**
     * The team-yaml family approving in its own status field: its {@code reviewers:} list plays the
     * Reviewer (before, {@code approve} said the spec's Reviewer named nobody), several reviewers
     * are asked which one approves, and the move sets the team's {@code updated:} as it sets Last
     * Updated, leaving the file byte-exact elsewhere (a BOM and CRLF endings kept).
     */
    @Test
    void aTeamsReviewersListSaysWhoApprovesAndTheMoveSetsUpdated() throws Exception {
        Path root = family("team-yaml", "approval-field: Approval\n");
        Path spec = root.resolve("docs/specs/2026-05-05-webhook-signing.md");
        String review =
                "\uFEFF"
                        + Files.readString(spec)
                                .replace("status: Approved", "status: In Review")
                                .replace(
                                        "reviewers:\n  - Priya Raman\n",
                                        "reviewers: [Priya Raman, \"Tomasz Wójcik\"]\n")
                                .replace("\n", "\r\n");
        Files.writeString(spec, review);

        CliRun several = CliRun.of("approve", spec.toString(), "--today", TODAY);
        CliRun moveSeveral = CliRun.of("status", spec.toString(), "Approved", "--today", TODAY);

        assertThat(several.exitCode()).isEqualTo(2);
        assertThat(several.err())
                .contains(
                        "say which reviewer approves "
                                + spec
                                + ": --by NAME (its reviewers lists Priya Raman, Tomasz Wójcik)"
                                + " (the file is unchanged)");
        assertThat(moveSeveral.exitCode()).isEqualTo(2);
        assertThat(Files.readString(spec)).isEqualTo(review);

        CliRun approved =
                CliRun.of("approve", spec.toString(), "--by", "Tomasz Wójcik", "--today", TODAY);

        assertThat(approved.exitCode()).as(approved.err()).isZero();
        String after = Files.readString(spec);
        assertThat(after)
                .startsWith("\uFEFF---\r\n")
                .contains(
                        "\r\nstatus: Approved\r\napproval: \"2026-11-25 by Tomasz Wójcik, sha256:")
                .contains("\r\nupdated: 2026-11-25\r\n");
        assertThat(after.replaceFirst("approval: [^\r]*\r\n", ""))
                .isEqualTo(
                        review.replace("status: In Review", "status: Approved")
                                .replace("updated: 2026-05-12", "updated: 2026-11-25"));
        // the next day's edit dates the spec again: the approval holds
        Files.writeString(spec, after.replace("updated: 2026-11-25", "updated: 2026-11-26"));
        CliRun check = CliRun.of("check", spec.toString(), "--today", "2026-11-26");
        assertThat(check.out()).doesNotContain("approval-stale");
    }

    /** A copy of a family corpus with {@code extra} appended to its configuration. */
    private Path family(String name, String extra) throws IOException {
        Path from =
                Path.of(System.getProperty("specgate.repoRoot", ".."))
                        .toAbsolutePath()
                        .normalize()
                        .resolve("specgate-core/src/test/resources/families/" + name);
        Path to = tmp.resolve(name);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path config = to.resolve(".specgate.yml");
        Files.writeString(config, Files.readString(config) + extra);
        return to;
    }
}
