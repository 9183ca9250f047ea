package dev.specgate.cli.lifecycle;

import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApproveCommandTest {

    private static final String TODAY = "2026-11-25";

    @TempDir Path root;

    @Test
    void theDiffAStaleApprovalPointsAtIsACommandToCopyForAPathWithASpace() throws Exception {
        Path spec =
                writeSpec(
                        root.resolve("team specs"),
                        "2026-10-02_spec_webhook-retry-queue.md",
                        StatusCommandTest.withStatus("Review"));
        CliRun approve =
                CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        Files.writeString(
                spec,
                Files.readString(spec)
                        .replace(
                                "A single unavailable merchant endpoint stalls every payment",
                                "One unavailable merchant endpoint stalls every payment"));
        byte[] before = Files.readAllBytes(spec);

        CliRun again = CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err())
                .contains("its approval is stale (changed: Problem Statement)")
                .contains("review the changes (specgate diff '" + spec + "'), then use --refresh");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }

    /**
     * approval-missing speaks of a spec already at Approved, which a plain {@code approve} refuses
     * to approve again: its advice said {@code approve SPEC --by NAME}, which failed. The command
     * it gives now records the approval, and the finding goes.
     */
    @Test
    void theCommandApprovalMissingAdvisesRecordsTheApproval() throws Exception {
        String text =
                StatusCommandTest.withStatus("Approved")
                        .lines()
                        .filter(l -> !l.startsWith("**Approval:**"))
                        .reduce("", (a, l) -> a + l + "\r\n");
        Path spec = writeSpec(root, "2026-10-02_spec_webhook-retry-queue.md", "\uFEFF" + text);
        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);
        assertThat(check.out()).contains("[approval-missing]");
        String advised =
                check.out()
                        .replaceAll(
                                "(?s).*record the approval with specgate (approve SPEC [^,]*),.*",
                                "$1");
        assertThat(advised).isEqualTo("approve SPEC --refresh --by NAME");
        List<String> args = new java.util.ArrayList<>();
        for (String word : advised.split(" ")) {
            args.add(
                    word.equals("SPEC")
                            ? spec.toString()
                            : word.equals("NAME") ? "Ana Ruiz" : word);
        }
        args.addAll(List.of("--today", TODAY));

        CliRun approve = CliRun.of(args.toArray(String[]::new));

        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(Files.readString(spec, StandardCharsets.UTF_8))
                .startsWith("\uFEFF")
                .contains("**Approval:** " + TODAY + " by Ana Ruiz, sha256:");
        CliRun again = CliRun.of("check", spec.toString(), "--today", TODAY);
        assertThat(again.out()).doesNotContain("approval-missing").doesNotContain("approval-stale");
    }

    @Test
    void approveReadsTheSpecWithItsMetadataFileAsStatusDoes() throws Exception {
        Files.writeString(
                root.resolve(".specgate.yml"),
                "version: 1\n# review metadata kept beside each spec\nmetadata:\n  sidecar: review.yaml\n");
        String text =
                StatusCommandTest.withStatus("Review")
                        .lines()
                        .filter(
                                l ->
                                        !l.startsWith("**Reviewer:**")
                                                && !l.startsWith("**Approval:**"))
                        .reduce("", (a, l) -> a + l + "\n");
        Path spec = writeSpec(root, "2026-10-02_spec_webhook-retry-queue.md", text);
        Files.writeString(
                spec.resolveSibling("review.yaml"),
                "# who reviews this spec\nReviewer: Marta Kowalski\n");

        CliRun approve = CliRun.of("approve", spec.toString(), "--today", TODAY);

        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(Files.readString(spec))
                .contains("**Document Status:** Approved")
                .contains("**Approval:** " + TODAY + " by Marta Kowalski, sha256:");
        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);
        assertThat(check.out()).doesNotContain("approval-stale").doesNotContain("reviewer-missing");
    }

    @Test
    void refreshSetsLastUpdatedAsApproveDoesKeepingCrlfAndBom() throws Exception {
        // approved on 2026-11-20 (Last Updated 2026-10-20), then an approved section edited
        String edited =
                SpecFixtures.cleanSpec()
                        .replace(
                                "A single unavailable merchant endpoint stalls every payment",
                                "One unavailable merchant endpoint stalls every payment");
        byte[] bytes = ("\uFEFF" + edited.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        Path spec = writeSpec(root, "2026-10-02_spec_webhook-retry-queue.md", bytes);

        CliRun refresh = RenamedApprovalFieldTest.refresh(spec, TODAY);

        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        String after = new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
        assertThat(after)
                .startsWith("\uFEFF# ")
                .contains(
                        "\r\n**Document Status:** Approved\r\n**Last Updated:** " + TODAY + "\r\n")
                .contains("\r\n**Approval:** " + TODAY + " by Ana Ruiz, sha256:")
                .doesNotContain("2026-10-20")
                .doesNotContain("\r\r")
                .doesNotContainPattern("[^\r]\n");
        // nothing but Last Updated and the approval line changed
        assertThat(after.replaceAll("\\*\\*(Last Updated|Approval):\\*\\* [^\r]*", ""))
                .isEqualTo(
                        new String(bytes, StandardCharsets.UTF_8)
                                .replaceAll("\\*\\*(Last Updated|Approval):\\*\\* [^\r]*", ""));
        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);
        assertThat(check.out()).doesNotContain("approval-stale");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "[YYYY-MM-DD]", "October 20th", ""})
    void refreshRepairsALastUpdatedThatIsNoDateAsItSetsItAnyway(String written) throws Exception {
        // the refresh writes Last Updated: a value it replaces is no reason to refuse
        String broken =
                SpecFixtures.cleanSpec()
                        .replace(
                                "**Last Updated:** 2026-10-20",
                                ("**Last Updated:** " + written).strip());
        byte[] bytes = ("\uFEFF" + broken.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        Path spec = writeSpec(root, "2026-10-02_spec_webhook-retry-queue.md", bytes);
        CliRun before = CliRun.of("check", spec.toString(), "--today", TODAY);
        assertThat(before.exitCode()).as(before.out()).isEqualTo(1);

        CliRun refresh = RenamedApprovalFieldTest.refresh(spec, TODAY);

        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        String after = new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
        assertThat(after)
                .startsWith("\uFEFF# ")
                .contains("\r\n**Last Updated:** " + TODAY + "\r\n")
                .contains("\r\n**Approval:** " + TODAY + " by Ana Ruiz, sha256:")
                .doesNotContainPattern("[^\r]\n");
        assertThat(after.replaceAll("\\*\\*(Last Updated|Approval):\\*\\*[^\r]*", ""))
                .isEqualTo(
                        new String(bytes, StandardCharsets.UTF_8)
                                .replaceAll("\\*\\*(Last Updated|Approval):\\*\\*[^\r]*", ""));
        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);
        assertThat(check.exitCode()).as(check.out()).isZero();
    }

    @Test
    void refreshStillRefusesAnErrorItDoesNotRepairAndLeavesTheFileUntouched() throws Exception {
        String broken =
                SpecFixtures.cleanSpec()
                        .replace("**Last Updated:** 2026-10-20", "**Last Updated:** 2026-13-01")
                        .replace("**Next Review:** 2027-01-15", "**Next Review:** 2027-13-15");
        byte[] bytes = broken.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        Path spec = writeSpec(root, "2026-10-02_spec_webhook-retry-queue.md", bytes);

        CliRun refresh = RenamedApprovalFieldTest.refresh(spec, TODAY);

        assertThat(refresh.exitCode()).isEqualTo(1);
        assertThat(refresh.err())
                .contains("cannot approve " + spec + " again: 1 reason (the file is unchanged)")
                .contains("'Next Review'")
                .doesNotContain("'Last Updated'");
        assertThat(Files.readAllBytes(spec)).isEqualTo(bytes);
    }

    /**
     * A spec of {@code dir} (its File field written from {@code fromRoot}) approved by Ana Ruiz,
     * then its Problem Statement edited.
     */
    private static Path approvedThenEdited(Path dir, String fromRoot) throws Exception {
        Path spec =
                writeSpec(
                        dir,
                        "2026-10-02_spec_webhook-retry-queue.md",
                        StatusCommandTest.withStatus("Review")
                                .replace("`directives/spec/", "`" + fromRoot + "directives/spec/"));
        CliRun approve =
                CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        Files.writeString(
                spec,
                Files.readString(spec)
                        .replace(
                                "A single unavailable merchant endpoint stalls every payment",
                                "One unavailable merchant endpoint stalls every payment"));
        return spec;
    }

    @Test
    void aStaleApprovalNamesTheSpecInTheRefreshItAsksFor() throws Exception {
        // the message once ended "then specgate approve --refresh)", without the spec
        Files.writeString(root.resolve(".specgate.yml"), "version: 1\n");
        Path spec = approvedThenEdited(root, "");
        Path platform = Files.createDirectories(root.resolve("platform"));
        Files.writeString(
                platform.resolve(".specgate.yml"),
                "version: 1\nspecs:\n  - \"team a/directives/spec/*.md\"\n");
        Path spaced = approvedThenEdited(platform.resolve("team a"), "team a/");

        String relative = Path.of("").toAbsolutePath().relativize(spec).toString();
        CliRun check = CliRun.of("check", relative, "--today", TODAY);
        CliRun absolute = CliRun.of("check", spec.toString(), "--today", TODAY);
        CliRun quoted = CliRun.of("check", spaced.toString(), "--today", TODAY);

        // the path as the check was given it, from where it ran: what approve takes there
        assertThat(check.out())
                .contains(
                        "changed: Problem Statement (review it again, then specgate approve"
                                + " --refresh "
                                + relative
                                + ")");
        assertThat(absolute.out()).contains("then specgate approve --refresh " + spec + ")");
        assertThat(quoted.out()).contains("then specgate approve --refresh '" + spaced + "')");
        // the command as the message writes it works: the spec is approved again
        CliRun refresh =
                CliRun.of("approve", "--refresh", relative, "--by", "Ana Ruiz", "--today", TODAY);
        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        assertThat(CliRun.of("check", relative, "--today", TODAY).out())
                .doesNotContain("approval-stale");
    }

    @Test
    void refreshListsItsReasonsAsStatusDoesTaggedAndInLineOrder() throws Exception {
        // approve --refresh once listed the Reviewer untagged and after the open boxes above it
        String approved =
                StatusCommandTest.withStatus("Approved")
                        .replace("**Reviewer:** Priya Raman", "**Reviewer:** TBD")
                        .replace("- [x] Back-off cap", "- [ ] Back-off cap")
                        .replace("- [x] Do merchants", "- [ ] Do merchants");
        Path spec = writeSpec(root, "2026-10-02_spec_webhook-retry-queue.md", approved);
        Path other =
                writeSpec(
                        root.resolve("review"),
                        "2026-10-02_spec_webhook-retry-queue.md",
                        approved.replace(
                                "**Document Status:** Approved", "**Document Status:** Review"));
        byte[] before = Files.readAllBytes(spec);

        CliRun refresh =
                CliRun.of(
                        "approve",
                        spec.toString(),
                        "--refresh",
                        "--by",
                        "Ana Ruiz",
                        "--today",
                        TODAY);
        CliRun status = CliRun.of("status", other.toString(), "Approved", "--today", TODAY);

        assertThat(refresh.exitCode()).isEqualTo(1);
        List<String> reasons = refresh.err().lines().skip(1).toList();
        assertThat(reasons)
                .containsExactly(
                        "  line "
                                + StatusCommandTest.lineOf(approved, "Back-off cap")
                                + ": Technical Decisions Needed item 48.1 is not checked: Back-off"
                                + " cap of 6 h or 24 h - **Decision by:** 2026-10-10",
                        "  line "
                                + StatusCommandTest.lineOf(approved, "Do merchants")
                                + ": Outstanding Questions item 49.1 is not checked: Do merchants"
                                + " need a replay API? - **Answer needed by:** 2026-10-15",
                        "  line "
                                + StatusCommandTest.lineOf(approved, "**Reviewer:** TBD")
                                + ": [reviewer-missing] 'Reviewer' must name a person, found"
                                + " 'TBD'");
        assertThat(status.err().lines().skip(1).toList()).isEqualTo(reasons);
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }
}
