package dev.specgate.cli.history;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approvals, diff and history against real git repositories made with JGit: several authors, a
 * rename, a status edited by hand, a change after approval, CRLF line endings.
 */
class ApprovalHistoryTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String REL = "directives/spec/" + NAME;

    @TempDir Path dir;

    /** The clean spec, back at Review, with CRLF line endings. */
    private Path reviewSpec() {
        String text =
                SpecFixtures.cleanSpec()
                        .replace("**Document Status:** Approved", "**Document Status:** Review")
                        .replace("\n", "\r\n");
        return SpecFixtures.writeSpec(dir, NAME, text);
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void approveChangeCheckDiffRefresh() throws Exception {
        Path spec = reviewSpec();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Draft");
            String s = spec.toString();
            CliRun approve = run("approve", s, "--by", "Ana Ruiz", "--today", "2026-10-20");
            assertThat(approve.exitCode()).as(approve.err()).isZero();
            assertThat(approve.out()).startsWith("Approved ").contains("Review -> Approved");
            String approved = Files.readString(spec);
            assertThat(approved)
                    .contains("**Document Status:** Approved\r\n")
                    .containsPattern(
                            "\\*\\*Approval:\\*\\* 2026-10-20 by Ana Ruiz, sha256:[0-9a-f]{12}"
                                    + " <!-- sections: [A-Za-z0-9_-]+ -->\\r\\n");
            assertThat(run("check", s, "--today", "2026-10-20").exitCode()).isZero();
            commit(git, "Ana Ruiz", "2026-10-20", "Approve");

            // ticking a working checklist box keeps the approval
            replace(
                    spec,
                    "- [ ] Prepare test data and fixtures",
                    "- [x] Prepare test data and fixtures");
            CliRun afterTick = run("check", s, "--today", "2026-10-21");
            assertThat(afterTick.exitCode()).as(afterTick.out()).isZero();
            commit(git, "Tomasz Nowak", "2026-10-21", "Tick a step");

            // a change to an approved section voids it, and check names the section
            replace(
                    spec,
                    "A single unavailable merchant endpoint stalls every payment",
                    "One unavailable merchant endpoint stalls every payment");
            CliRun stale = run("check", s, "--today", "2026-10-22");
            assertThat(stale.exitCode()).isEqualTo(1);
            assertThat(stale.out())
                    .contains("error [approval-stale]")
                    .contains("approval of 2026-10-20 by Ana Ruiz")
                    .contains("changed: Problem Statement (");
            commit(git, "Tomasz Nowak", "2026-10-22", "Reword the problem");

            CliRun diff = run("diff", s);
            assertThat(diff.exitCode()).as(diff.err()).isZero();
            assertThat(diff.out())
                    .contains("since the approval of 2026-10-20 by Ana Ruiz")
                    .contains(
                            "Sections changed (1):\n"
                                    + "  Problem Analysis > Problem Statement\n"
                                    + "    @@ -18,3 +18,3 @@\n"
                                    + "     ### Problem Statement\n"
                                    + "    -A single unavailable merchant endpoint stalls every"
                                    + " payment handled by the same worker thread.\n"
                                    + "    +One unavailable merchant endpoint stalls every"
                                    + " payment handled by the same worker thread.\n"
                                    + "     \n")
                    .contains("Checklist items ticked (1):\n  [x] Prepare test data and fixtures");
            JsonNode json = new ObjectMapper().readTree(run("diff", s, "--format", "json").out());
            assertThat(json.at("/sections/changed/0/title").asText())
                    .isEqualTo("Problem Analysis > Problem Statement");
            JsonNode hunk = json.at("/sections/changed/0/hunks/0");
            assertThat(hunk.at("/oldLine").asInt()).isEqualTo(18);
            assertThat(hunk.at("/oldCount").asInt()).isEqualTo(3);
            assertThat(hunk.at("/newCount").asInt()).isEqualTo(3);
            assertThat(hunk.at("/lines/0").asText()).isEqualTo(" ### Problem Statement");
            assertThat(hunk.at("/removed/0").asText()).startsWith("A single unavailable");
            assertThat(json.at("/checklist/ticked/0/text").asText())
                    .isEqualTo("Prepare test data and fixtures");
            assertThat(json.at("/since/approval/by").asText()).isEqualTo("Ana Ruiz");

            // approve without --refresh refuses; with it, re-approves
            CliRun again = run("approve", s, "--by", "Ana Ruiz", "--today", "2026-10-23");
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("its approval is stale (changed: Problem Statement)");
            byte[] before = Files.readAllBytes(spec);
            CliRun refresh =
                    run("approve", s, "--refresh", "--by", "Ana Ruiz", "--today", "2026-10-23");
            assertThat(refresh.exitCode()).as(refresh.err()).isZero();
            assertThat(Files.readAllBytes(spec)).isNotEqualTo(before);
            assertThat(run("check", s, "--today", "2026-10-23").exitCode()).isZero();
            assertThat(Files.readString(spec))
                    .contains("**Document Status:** Approved\r\n")
                    .contains("**Approval:** 2026-10-23 by Ana Ruiz, sha256:");
            commit(git, "Ana Ruiz", "2026-10-23", "Re-approve");

            // back to Draft clears it
            assertThat(run("status", s, "Draft", "--today", "2026-10-24").exitCode()).isZero();
            assertThat(Files.readString(spec)).doesNotContain("**Approval:**");
        }
    }

    private static String uncommittedHash(Path spec) throws IOException {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("sha256:([0-9a-f]{12})")
                        .matcher(Files.readString(spec));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /**
     * A repository where git converts line endings ({@code core.autocrlf=true}, as git on Windows
     * sets it): blobs hold LF, the working copy CRLF. Approve, check, diff and history agree, and
     * the approval does not go stale by a checkout that changes only line endings.
     */
    @Test
    void anApprovalHoldsWhereGitConvertsLineEndings() throws Exception {
        Path spec = reviewSpec();
        Files.writeString(spec, Files.readString(spec).replace("\r\n", "\n"));
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            org.eclipse.jgit.lib.StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("core", null, "autocrlf", true);
            config.save();
            commit(git, "Priya Raman", "2026-10-02", "Review");
            checkOutAgain(git, spec);
            assertThat(Files.readString(spec)).contains("**Document Status:** Review\r\n");

            String s = spec.toString();
            CliRun approve = run("approve", s, "--by", "Ana Ruiz", "--today", "2026-10-20");
            assertThat(approve.exitCode()).as(approve.err()).isZero();
            assertThat(Files.readString(spec))
                    .contains("**Document Status:** Approved\r\n")
                    .doesNotContainPattern("[^\r]\n");
            commit(git, "Ana Ruiz", "2026-10-20", "Approve");
            String blob =
                    new String(
                            git.getRepository()
                                    .open(git.getRepository().resolve("HEAD:" + REL))
                                    .getBytes(),
                            StandardCharsets.UTF_8);
            assertThat(blob)
                    .as("the committed version")
                    .contains("**Approval:** ")
                    .doesNotContain("\r");

            // the working copy (CRLF) against the blobs (LF): one verdict everywhere
            for (int round = 0; round < 2; round++) {
                CliRun check = run("check", s, "--today", "2026-10-21");
                assertThat(check.exitCode()).as(check.out()).isZero();
                CliRun diff = run("diff", s, "--since", "approval");
                assertThat(diff.exitCode()).as(diff.err()).isZero();
                assertThat(diff.out())
                        .contains("since the approval of 2026-10-20 by Ana Ruiz")
                        .contains("  No change.");
                CliRun history = run("history", "--audit", s);
                assertThat(history.exitCode()).as(history.out()).isZero();
                assertThat(history.out())
                        .containsPattern(
                                "Ana Ruiz +Review -> Approved +approval: 2026-10-20 by Ana Ruiz")
                        .contains("Audit: every move passed its gate.");
                // a fresh checkout, as another clone of the repository gets it
                checkOutAgain(git, spec);
            }

            // an edit of an approved section still voids it, and diff shows that line only
            replace(
                    spec,
                    "A single unavailable merchant endpoint stalls every payment",
                    "One unavailable merchant endpoint stalls every payment");
            CliRun stale = run("check", s, "--today", "2026-10-22");
            assertThat(stale.exitCode()).isEqualTo(1);
            assertThat(stale.out()).contains("error [approval-stale]");
            CliRun diff = run("diff", s, "--since", "approval");
            assertThat(diff.out())
                    .contains("Sections changed (1):\n  Problem Analysis > Problem Statement\n")
                    .doesNotContain("Fields changed");
        }
    }

    /** Deletes {@code spec} and checks it out of the index again, as git writes it. */
    private void checkOutAgain(Git git, Path spec) throws Exception {
        Files.delete(spec);
        git.checkout().addPath(REL).call();
    }

    @Test
    void approvingASpecMovedToApprovedByHandPointsAtADiffThatWorks() throws Exception {
        Path spec = reviewSpec();
        replace(spec, "**Document Status:** Review", "**Document Status:** Approved");
        // no approval record: the status was typed, not approved
        Files.writeString(
                spec,
                Files.readString(spec).replaceAll("\\*\\*Approval:\\*\\*[^\\r\\n]*\\r\\n", ""));
        assertThat(Files.readString(spec)).doesNotContain("**Approval:**");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Approved by hand");
            String s = spec.toString();
            byte[] before = Files.readAllBytes(spec);

            CliRun approve = run("approve", s, "--by", "Ana Ruiz", "--today", "2026-10-20");

            assertThat(approve.exitCode()).isEqualTo(1);
            assertThat(approve.err())
                    .contains("records no valid approval; review it (specgate diff " + s)
                    .contains(" --since REV shows what changed since a git revision), then use")
                    .contains("--refresh (the file is unchanged)");
            assertThat(Files.readAllBytes(spec)).isEqualTo(before);
            // the command it names works as written, with a revision
            CliRun diff = run("diff", s, "--since", "HEAD");
            assertThat(diff.exitCode()).as(diff.err()).isZero();
            CliRun refresh =
                    run("approve", s, "--refresh", "--by", "Ana Ruiz", "--today", "2026-10-20");
            assertThat(refresh.exitCode()).as(refresh.err()).isZero();
            assertThat(Files.readString(spec)).contains("**Approval:** 2026-10-20 by Ana Ruiz");
        }
    }

    @Test
    void diffSinceApprovalComparesWithTheCommitThatRecordedIt() throws Exception {
        Path spec = reviewSpec();
        String s = spec.toString();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Review");
            // approved but not committed yet: the working text is the content approved
            assertThat(run("approve", s, "--by", "Ana Ruiz", "--today", "2026-10-20").exitCode())
                    .isZero();
            CliRun uncommitted = run("diff", s);
            assertThat(uncommitted.exitCode()).as(uncommitted.err()).isZero();
            assertThat(uncommitted.out())
                    .endsWith(
                            NAME
                                    + " since the approval of 2026-10-20 by Ana Ruiz,"
                                    + " sha256:"
                                    + uncommittedHash(spec)
                                    + "\n  No change.\n");
            commit(git, "Ana Ruiz", "2026-10-20", "Approve");
            String approveCommit = git.getRepository().resolve("HEAD").getName();

            replace(
                    spec,
                    "A single unavailable merchant endpoint stalls every payment",
                    "One unavailable merchant endpoint stalls every payment");
            replace(spec, "**Document Status:** Approved", "**Document Status:** Implementation");
            commit(git, "Tomasz Nowak", "2026-10-22", "Reword the problem, start");
            CliRun diff = run("diff", s);
            assertThat(diff.exitCode()).as(diff.err()).isZero();
            // the commit that recorded the approval, not the one before it (same content)
            assertThat(diff.out())
                    .contains(
                            "since the approval of 2026-10-20 by Ana Ruiz, sha256:"
                                    + uncommittedHash(spec)
                                    + " (commit "
                                    + approveCommit.substring(0, 12)
                                    + ")")
                    .contains("Sections changed (1):\n  Problem Analysis > Problem Statement\n")
                    .contains(
                            "Fields changed (1):\n  Document Status: Approved -> Implementation\n")
                    .doesNotContain("Approval:")
                    .doesNotContain("Review ->");
            JsonNode json = new ObjectMapper().readTree(run("diff", s, "--format", "json").out());
            assertThat(json.at("/since/commit").asText()).isEqualTo(approveCommit);
            assertThat(json.at("/fields").size()).isEqualTo(1);
        }
    }

    @Test
    void diffSinceAnApprovalCommittedWithLaterEditsLeavesTheApprovalsOwnFieldsOut()
            throws Exception {
        Path spec = reviewSpec();
        String s = spec.toString();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Review");
            String reviewCommit = git.getRepository().resolve("HEAD").getName();
            assertThat(run("approve", s, "--by", "Ana Ruiz", "--today", "2026-10-20").exitCode())
                    .isZero();
            replace(
                    spec,
                    "A single unavailable merchant endpoint stalls every payment",
                    "One unavailable merchant endpoint stalls every payment");
            commit(git, "Ana Ruiz", "2026-10-20", "Approve and reword");
            CliRun diff = run("diff", s);
            assertThat(diff.exitCode()).as(diff.err()).isZero();
            assertThat(diff.out())
                    .contains("(commit " + reviewCommit.substring(0, 12) + ")")
                    .contains("Sections changed (1):\n  Problem Analysis > Problem Statement\n")
                    .doesNotContain("Fields changed");
        }
    }

    @Test
    void historyFollowsRenamesAndTheAuditFlagsAHandMove() throws Exception {
        Path spec = reviewSpec();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            replace(spec, "**Document Status:** Review", "**Document Status:** Draft");
            commit(git, "Priya Raman", "2026-10-02", "Draft");
            assertThat(run("status", spec.toString(), "Review", "--today", "2026-10-05").exitCode())
                    .isZero();
            commit(git, "Tomasz Nowak", "2026-10-05", "To review");
            // renamed, and moved to Approved by hand with a decision reopened
            Path renamed = dir.resolve("directives/spec/2026-10-02_spec_webhook-delivery-queue.md");
            Files.move(spec, renamed);
            replace(
                    renamed,
                    "`" + REL + "`",
                    "`directives/spec/2026-10-02_spec_webhook-delivery-queue.md`");
            replace(renamed, "**Document Status:** Review", "**Document Status:** Approved");
            String text = Files.readString(renamed);
            int decisions = text.indexOf("### Technical Decisions Needed");
            int box = text.indexOf("- [x]", decisions);
            Files.writeString(renamed, text.substring(0, box) + "- [ ]" + text.substring(box + 5));
            commit(git, "Sam Okafor", "2026-10-09", "Approve by hand");

            CliRun history = run("history", renamed.toString());
            assertThat(history.exitCode()).as(history.err()).isZero();
            List<String> rows = new ArrayList<>();
            for (String line : history.out().split("\n")) {
                if (line.startsWith("  20")) {
                    rows.add(line.replaceAll("  +", " ").trim());
                }
            }
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0))
                    .startsWith("2026-10-02 ")
                    .contains("Priya Raman (created) Draft")
                    .endsWith("(as " + REL + ")");
            assertThat(rows.get(1)).contains("Tomasz Nowak Draft -> Review");
            assertThat(rows.get(2))
                    .startsWith("2026-10-09 ")
                    .contains("Sam Okafor Review -> Approved");

            CliRun audit = run("history", "--audit", renamed.toString(), "--format", "json");
            assertThat(audit.exitCode()).isEqualTo(1);
            JsonNode changes = new ObjectMapper().readTree(audit.out()).at("/specs/0/changes");
            assertThat(changes.size()).isEqualTo(3);
            assertThat(changes.get(0).has("audit")).isFalse();
            assertThat(changes.get(1).at("/audit/passed").asBoolean()).isTrue();
            JsonNode hand = changes.get(2);
            assertThat(hand.at("/author").asText()).isEqualTo("Sam Okafor");
            assertThat(hand.at("/commit").asText()).hasSize(40);
            assertThat(hand.at("/audit/passed").asBoolean()).isFalse();
            assertThat(hand.at("/audit/handMove").asBoolean()).isTrue();
            assertThat(hand.at("/audit/reasons/0/message").asText())
                    .contains("Technical Decisions Needed item");
            assertThat(hand.at("/path").asText()).endsWith("webhook-delivery-queue.md");
            assertThat(changes.get(0).at("/path").asText()).isEqualTo(REL);

            CliRun text2 = run("history", "--audit", renamed.toString());
            assertThat(text2.out())
                    .contains("audit: SKIPPED ITS GATE")
                    .contains("Sam Okafor in ")
                    .contains(
                            "moved by hand (its approval line, 2026-11-20 by Priya Raman,"
                                    + " sha256:07dbbb712e20, is not valid: the content is not the"
                                    + " content it approved)")
                    .doesNotContain("no approval recorded")
                    .contains("Audit: 1 move skipped its gate.");
        }
    }

    /**
     * A name with square brackets once made a record that approve wrote (exit 0) and the next check
     * failed at once: placeholder-bracket read '[Lead]' on the approval line as a placeholder.
     */
    @Test
    void anApproverNameThatCheckWouldReadAsAPlaceholderIsRefused() throws Exception {
        Path spec = reviewSpec();
        String s = spec.toString();
        byte[] before = Files.readAllBytes(spec);

        CliRun bracket = run("approve", s, "--by", "Ana [Lead] Ruiz", "--today", "2026-10-20");

        assertThat(bracket.exitCode()).isEqualTo(2);
        assertThat(bracket.err())
                .startsWith("specgate: --by 'Ana [Lead] Ruiz' holds a square bracket")
                .contains("(the file is unchanged)");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
        assertThat(run("approve", s, "--by", "Ana Ruiz (Lead)", "--today", "2026-10-20").exitCode())
                .isZero();
        CliRun check = run("check", s, "--today", "2026-10-20");
        assertThat(check.exitCode()).as(check.out()).isZero();
    }

    /**
     * A name holding {@code **} once made a record that approve wrote (exit 0) and the next check
     * read as none: {@code **Note:** Ana} (or {@code **Ana**: Lead}) on the approval line is a bold
     * field label, so the line held no record and check failed with approval-stale at once. Found
     * by a new-user trial.
     */
    @Test
    void anApproverNameThatCheckWouldReadAsABoldLabelIsRefused() throws Exception {
        Path spec = SpecFixtures.writeSpec(dir, NAME, "\uFEFF" + Files.readString(reviewSpec()));
        String s = spec.toString();
        byte[] before = Files.readAllBytes(spec);

        for (String name : List.of("**Note:** Zoë Ørsted", "**Zoë Ørsted**: Lead")) {
            CliRun bold = run("approve", s, "--by", name, "--today", "2026-10-20");

            assertThat(bold.exitCode()).as(bold.out()).isEqualTo(2);
            assertThat(bold.err())
                    .startsWith("specgate: --by '" + name + "' holds '**', which check would read")
                    .contains("(the file is unchanged)");
            assertThat(Files.readAllBytes(spec)).isEqualTo(before);
        }
        CliRun status =
                run("status", s, "Approved", "--by", "**Note:** Ana", "--today", "2026-10-20");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);

        CliRun plain = run("approve", s, "--by", "Zoë \"Zo\" Ørsted, PhD", "--today", "2026-10-20");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        CliRun check = run("check", s, "--today", "2026-10-20");
        assertThat(check.exitCode()).as(check.out()).isZero();
    }

    /**
     * A shallow clone (a CI checkout's default depth of 1) walks its oldest commit as a root: the
     * spec looked created there, the hand move before it vanished, and the audit passed (exit 0)
     * where the full history fails it. Git records the cut in .git/shallow, which JGit reads.
     */
    @Test
    void aShallowCloneSaysItsHistoryIsCutAndItsAuditIsNoPass() throws Exception {
        Path spec = reviewSpec();
        String s = spec.toString();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Review");
            // moved to Approved by hand, with no approval record and a decision open
            replace(spec, "**Document Status:** Review", "**Document Status:** Approved");
            String text = Files.readString(spec);
            int box = text.indexOf("- [x]", text.indexOf("### Technical Decisions Needed"));
            Files.writeString(spec, text.substring(0, box) + "- [ ]" + text.substring(box + 5));
            commit(git, "Sam Okafor", "2026-10-09", "Approve by hand");
            Files.writeString(spec, text);
            CliRun refresh =
                    run("approve", s, "--refresh", "--by", "Ana Ruiz", "--today", "2026-10-10");
            assertThat(refresh.exitCode()).as(refresh.err()).isZero();
            commit(git, "Ana Ruiz", "2026-10-10", "Record the approval");
            replace(
                    spec,
                    "A single unavailable merchant endpoint stalls every payment",
                    "One unavailable merchant endpoint stalls every payment");
            commit(git, "Tomasz Nowak", "2026-10-12", "Reword");
            CliRun full = run("history", "--audit", s);
            assertThat(full.exitCode()).as(full.out()).isEqualTo(1);
            assertThat(full.out()).contains("Sam Okafor   Review -> Approved");

            String tip = git.getRepository().resolve("HEAD").name();
            Files.writeString(dir.resolve(".git/shallow"), tip + "\n", StandardCharsets.UTF_8);
        }

        CliRun audit = run("history", "--audit", s);
        assertThat(audit.exitCode()).as(audit.out()).isEqualTo(2);
        assertThat(audit.out())
                .contains("Tomasz Nowak  (shallow clone) Approved")
                .doesNotContain("(created)")
                .doesNotContain("Sam Okafor")
                .contains("the history is incomplete (shallow clone)")
                .doesNotContain("every move passed its gate.");
        assertThat(audit.err())
                .isEqualTo(
                        "specgate: the git repository is a shallow clone: the history of 1 spec"
                                + " starts at a commit whose parents were not fetched (marked"
                                + " '(shallow clone)'), so earlier moves are missing and the audit"
                                + " is incomplete; fetch them with 'git fetch --unshallow' (a CI"
                                + " checkout: fetch-depth: 0)\n");

        CliRun history = run("history", s, "--format", "json");
        assertThat(history.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(history.out()).at("/specs/0/shallow").asBoolean())
                .isTrue();
        assertThat(history.err()).contains("shallow clone").doesNotContain("audit");

        // the content approved lies before the cut: diff says why it finds none
        CliRun diff = run("diff", s);
        assertThat(diff.exitCode()).isEqualTo(2);
        assertThat(diff.err())
                .contains("is in no commit this shallow clone holds")
                .contains("git fetch --unshallow");
    }

    @Test
    void aSpecFirstCommittedAtReviewIsJudgedByTheReviewGateNotAsAMove() throws Exception {
        Path spec = reviewSpec();
        Path other =
                SpecFixtures.writeSpec(
                        dir,
                        "2026-10-03_spec_webhook-retry-admin.md",
                        Files.readString(spec)
                                .replace(NAME, "2026-10-03_spec_webhook-retry-admin.md")
                                .replace(
                                        "A single unavailable merchant endpoint",
                                        "A single [unavailable] merchant endpoint"));
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Adopt two specs under review");
            CliRun clean = run("history", "--audit", spec.toString());
            assertThat(clean.exitCode()).as(clean.out()).isZero();
            assertThat(clean.out())
                    .contains("Priya Raman  (created) Review")
                    .contains("audit: gate passed")
                    .doesNotContain("is not a lifecycle move")
                    .contains("Audit: every move passed its gate.");

            // the same adoption with a check error is flagged by the Review gate's own reason
            CliRun flagged = run("history", "--audit", other.toString(), "--format", "json");
            assertThat(flagged.exitCode()).isEqualTo(1);
            JsonNode first =
                    new ObjectMapper().readTree(flagged.out()).at("/specs/0/changes/0/audit");
            assertThat(first.at("/passed").asBoolean()).isFalse();
            assertThat(first.at("/reasons/0/message").asText())
                    .contains("placeholder")
                    .doesNotContain("lifecycle move");
        }
    }

    /**
     * A spec added straight at a value that is no status ({@code In Review}, where the statuses are
     * Draft, Review, Approved and Implementation) passed no gate: its first commit is flagged, and
     * said to be its first; the move from there to Review is judged by the Review gate.
     */
    @Test
    void aSpecFirstCommittedAtAValueThatIsNoStatusIsFlaggedAsItsFirstCommit() throws Exception {
        Path spec = reviewSpec();
        replace(spec, "**Document Status:** Review\r\n", "**Document Status:** In Review\r\n");
        int statusLine = 0;
        List<String> lines = Files.readAllLines(spec);
        while (!lines.get(statusLine).startsWith("**Document Status:**")) {
            statusLine++;
        }
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Add the spec, under review");
            String id = git.getRepository().resolve("HEAD").abbreviate(12).name();
            CliRun added = run("history", "--audit", spec.toString());
            assertThat(added.exitCode()).as(added.out()).isEqualTo(1);
            assertThat(added.out())
                    // one row: the move to a value that is no status, and why it is not read
                    .contains(
                            "Priya Raman  (created) In Review  status not read: 'In Review' is not"
                                    + " a status: use one of Draft, Review, Approved,"
                                    + " Implementation; did you mean 'Review'?  approval:"
                                    + " 2026-11-20")
                    .contains(
                            "      audit: SKIPPED ITS GATE (1 reason): Priya Raman in "
                                    + id
                                    + ", the spec's first commit\n"
                                    + "        line "
                                    + (statusLine + 1)
                                    + ": 'Document Status' is 'In Review', which is not a status:"
                                    + " no move leads there (use one of Draft, Review, Approved,"
                                    + " Implementation)\n")
                    .doesNotContain("Priya Raman  status not read")
                    .endsWith(
                            "Audit: 1 move skipped its gate. 1 commit left the status unreadable"
                                    + " (named above).\n");

            replace(spec, "**Document Status:** In Review\r\n", "**Document Status:** Review\r\n");
            commit(git, "Sam Okafor", "2026-10-05", "Review, as the lifecycle spells it");
            JsonNode json =
                    new ObjectMapper()
                            .readTree(
                                    run("history", "--audit", spec.toString(), "--format", "json")
                                            .out());
            JsonNode changes = json.at("/specs/0/changes");
            assertThat(changes).hasSize(2);
            assertThat(changes.get(0).at("/created").asBoolean()).isTrue();
            assertThat(changes.get(0).at("/audit/passed").asBoolean()).isFalse();
            assertThat(changes.get(0).at("/audit/reasons/0/line").asInt())
                    .isEqualTo(statusLine + 1);
            assertThat(changes.get(1).at("/created").asBoolean()).isFalse();
            assertThat(changes.get(1).at("/from").asText()).isEqualTo("In Review");
            assertThat(changes.get(1).at("/audit/passed").asBoolean()).isTrue();
        }
    }

    /**
     * {@code diff --since HEAD~4} in a history of three commits names no unknown revision: it says
     * how many commits there are, and in a shallow clone that the history is cut and how to fetch
     * the rest; exit 2 either way.
     */
    @Test
    void diffSinceARevisionPastTheFirstCommitSaysHowLongTheHistoryIs() throws Exception {
        Path spec = reviewSpec();
        String s = spec.toString();
        String first;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Review");
            first = git.getRepository().resolve("HEAD").abbreviate(8).name();
            replace(
                    spec,
                    "A single unavailable merchant endpoint",
                    "One unavailable merchant endpoint");
            commit(git, "Tomasz Nowak", "2026-10-12", "Reword");
            replace(spec, "One unavailable merchant endpoint", "Any unavailable merchant endpoint");
            commit(git, "Tomasz Nowak", "2026-10-13", "Reword again");
        }

        CliRun past = run("diff", s, "--since", "HEAD~4");
        assertThat(past.exitCode()).isEqualTo(2);
        assertThat(past.err())
                .isEqualTo(
                        "specgate: cannot compare "
                                + s
                                + " with HEAD~4: 'HEAD~4' lies past the repository's first"
                                + " commit: HEAD's history has only 3 commits (the first is"
                                + " HEAD~2, "
                                + first
                                + ")\n");
        assertThat(run("diff", s, "--since", "HEAD^^^").err())
                .contains("'HEAD^^^' lies past the repository's first commit")
                .contains("only 3 commits");
        assertThat(run("diff", s, "--since", "HEAD~2").exitCode()).isZero();
        // a name git does not know stays an unknown revision
        assertThat(run("diff", s, "--since", "nope~1").err())
                .contains("unknown git revision 'nope~1'");

        // a shallow clone cut at HEAD~1: its history is cut, not short
        String cut;
        try (Git git = Git.open(dir.toFile())) {
            cut = git.getRepository().resolve("HEAD~1").name();
        }
        Files.writeString(dir.resolve(".git/shallow"), cut + "\n", StandardCharsets.UTF_8);
        CliRun shallow = run("diff", s, "--since", "HEAD~2");
        assertThat(shallow.exitCode()).isEqualTo(2);
        assertThat(shallow.err())
                .contains(
                        "'HEAD~2' lies past the history this shallow clone holds: HEAD has only 2"
                                + " commits here, cut at HEAD~1, "
                                + cut.substring(0, 8))
                .contains("git fetch --unshallow");
        assertThat(shallow.err().strip()).doesNotContain("\n");
    }

    @Test
    void historyOutsideARepositoryIsAUsageError() {
        Path spec = reviewSpec();
        CliRun run = run("history", spec.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("cannot read the history")
                .contains("is not in a git repository");
    }

    @Test
    void diffOutsideARepositoryNamesTheDiffNotTheHistory() {
        Path spec = reviewSpec();
        CliRun run = run("diff", spec.toString(), "--since", "HEAD");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("specgate: cannot compare ")
                .contains(" with HEAD: ")
                .contains("is not in a git repository")
                .doesNotContain("history needs");
        assertThat(run.err().strip()).doesNotContain("\n");
    }
}
