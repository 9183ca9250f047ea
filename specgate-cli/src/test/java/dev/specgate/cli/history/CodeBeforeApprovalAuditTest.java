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
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history --audit} says which commits put a feature's code in its File Organization paths
 * before the commit that approved its spec (what {@code layout-early} says of a working tree), with
 * commit and author; code committed after the approval, in shared folders, or fixtures beside the
 * tests are not named. On a real repository made with JGit.
 */
class CodeBeforeApprovalAuditTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path dir;

    /** The spec as a Windows editor saves it: a byte order mark and CRLF line ends. */
    private void writeSpec(String text) {
        byte[] body = ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        SpecFixtures.writeSpec(dir, NAME, body);
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String head(Git git) throws IOException {
        return git.getRepository().resolve("HEAD").name();
    }

    @Test
    void codeCommittedBeforeTheApprovalIsNamedWithCommitAndAuthorAndCodeAfterIsNot()
            throws Exception {
        String early;
        String approved;
        String after;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            writeSpec(
                    SpecFixtures.cleanSpec()
                            .replace("**Document Status:** Approved", "**Document Status:** Draft")
                            .replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\n", ""));
            write("src/config/payments.ts", "export const payments = { retries: 3 };\n");
            commit(git, "Priya Raman", "2026-10-01", "Draft the webhook retry queue spec");

            // the scaffold's empty folders, kept in git: no code
            write("src/core/webhook-retry-queue/.gitkeep", "");
            write("tests/unit/webhook-retry-queue/.gitkeep", "");
            commit(git, "Priya Raman", "2026-10-02", "Scaffold the retry queue's folders");

            write(
                    "src/core/webhook-retry-queue/RetryScheduler.java",
                    "package payments.webhooks;\n\nfinal class RetryScheduler {\n"
                            + "    long delayMillis(int attempt) { return 1000L << Math.min(attempt, 10); }\n"
                            + "}\n");
            write(
                    "tests/unit/webhook-retry-queue/payloads/müller-gmbh.json",
                    "{\"event\": \"invoice.paid\", \"attempts\": [1, 2]}\n");
            commit(git, "Sam Okafor", "2026-10-05", "Start the retry scheduler");
            early = head(git);

            // another feature's settings in the shared folder: says nothing of this one
            write("src/config/payments.ts", "export const payments = { retries: 5 };\n");
            commit(git, "Dana Levi", "2026-10-06", "Raise the payment retries");

            writeSpec(SpecFixtures.reapproved(SpecFixtures.cleanSpec()));
            commit(git, "Priya Raman", "2026-10-10", "Approve the webhook retry queue spec");
            approved = head(git);

            write(
                    "tests/unit/webhook-retry-queue/RetrySchedulerTest.java",
                    "package payments.webhooks;\n\nclass RetrySchedulerTest {}\n");
            commit(git, "Sam Okafor", "2026-10-12", "Test the retry delays");
            after = head(git);
        }
        Path spec = dir.resolve("directives/spec/" + NAME);

        CliRun audit = CliRun.of("history", spec.toString(), "--audit");
        CliRun json = CliRun.of("history", spec.toString(), "--audit", "--format", "json");
        CliRun plain = CliRun.of("history", spec.toString());

        assertThat(audit.err()).isEmpty();
        assertThat(audit.out())
                .contains(
                        "      audit: CODE BEFORE APPROVAL: 1 commit put this feature's code in its"
                                + " paths before "
                                + approved.substring(0, 12)
                                + " moved the spec to Approved\n"
                                + "        2026-10-05  "
                                + early.substring(0, 12)
                                + "  Sam Okafor: src/core/webhook-retry-queue/RetryScheduler.java\n")
                .contains("1 spec had code committed before the commit that approved it")
                .doesNotContain(after.substring(0, 12))
                .doesNotContain("payments.ts")
                .doesNotContain("müller-gmbh.json")
                .doesNotContain(".gitkeep");
        // said in the audit, as layout-early is a warning: the exit is the gates' verdict
        assertThat(audit.exitCode()).as(audit.out()).isZero();
        assertThat(plain.out()).doesNotContain("CODE BEFORE APPROVAL");

        JsonNode code = new ObjectMapper().readTree(json.out()).at("/specs/0/codeBeforeApproval");
        assertThat(code.get("approvalCommit").asText()).isEqualTo(approved);
        assertThat(code.get("point").asText()).isEqualTo("Approved");
        assertThat(code.get("commits")).hasSize(1);
        JsonNode c = code.get("commits").get(0);
        assertThat(c.get("commit").asText()).isEqualTo(early);
        assertThat(c.get("author").asText()).isEqualTo("Sam Okafor");
        assertThat(c.get("date").asText()).isEqualTo("2026-10-05T10:00:00Z");
        assertThat(c.get("files")).hasSize(1);
        assertThat(c.get("files").get(0).asText())
                .isEqualTo("src/core/webhook-retry-queue/RetryScheduler.java");
    }

    @Test
    void codeCommittedOnlyAfterTheApprovalIsNotNamed() throws Exception {
        String approved;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            writeSpec(
                    SpecFixtures.cleanSpec()
                            .replace("**Document Status:** Approved", "**Document Status:** Draft")
                            .replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\n", ""));
            commit(git, "Priya Raman", "2026-10-01", "Draft the webhook retry queue spec");
            writeSpec(SpecFixtures.reapproved(SpecFixtures.cleanSpec()));
            commit(git, "Priya Raman", "2026-10-10", "Approve the webhook retry queue spec");
            approved = head(git);
            write(
                    "src/core/webhook-retry-queue/RetryScheduler.java",
                    "package payments.webhooks;\n\nfinal class RetryScheduler {}\n");
            commit(git, "Sam Okafor", "2026-10-12", "Start the retry scheduler");
        }
        Path spec = dir.resolve("directives/spec/" + NAME);

        CliRun audit = CliRun.of("history", spec.toString(), "--audit");
        CliRun json = CliRun.of("history", spec.toString(), "--audit", "--format", "json");

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out())
                .contains("Draft -> Approved")
                .contains("Audit: every move passed its gate.")
                .doesNotContain("CODE BEFORE APPROVAL")
                .doesNotContain("had code committed");
        JsonNode code = new ObjectMapper().readTree(json.out()).at("/specs/0/codeBeforeApproval");
        assertThat(code.get("approvalCommit").asText()).isEqualTo(approved);
        assertThat(code.get("paths").toString())
                .contains("src/core/webhook-retry-queue/")
                .contains("tests/unit/webhook-retry-queue/");
        assertThat(code.get("commits")).isEmpty();
    }

    /**
     * A spec approved, sent back to Draft and approved again: the code committed while it was back
     * in Draft is ahead of the approval that stands, as layout-early said of that tree; the code
     * committed while the first approval stood is not.
     */
    @Test
    void codeCommittedWhileTheSpecWasBackInDraftIsNamedAndCodeUnderTheFirstApprovalIsNot()
            throws Exception {
        String draft =
                SpecFixtures.cleanSpec()
                        .replace("**Document Status:** Approved", "**Document Status:** Draft")
                        .replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\n", "");
        String underFirst;
        String backInDraft;
        String reapproved;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            writeSpec(draft);
            commit(git, "Priya Raman", "2026-10-01", "Draft the webhook retry queue spec");
            writeSpec(SpecFixtures.reapproved(SpecFixtures.cleanSpec()));
            commit(git, "Priya Raman", "2026-10-03", "Approve the webhook retry queue spec");
            write(
                    "src/core/webhook-retry-queue/RetryScheduler.java",
                    "package payments.webhooks;\n\nfinal class RetryScheduler {}\n");
            commit(git, "Sam Okafor", "2026-10-04", "Start the retry scheduler");
            underFirst = head(git);

            writeSpec(draft.replace("Executive Summary", "Executive Summary (reopened)"));
            commit(git, "Priya Raman", "2026-10-06", "Reopen the spec: the backoff is in question");
            write(
                    "tests/unit/webhook-retry-queue/RetryBackoffTest.java",
                    "package payments.webhooks;\n\nclass RetryBackoffTest { int[] d = {1, 2}; }\n");
            commit(git, "Sam Okafor", "2026-10-07", "Test a new backoff before the re-review");
            backInDraft = head(git);

            writeSpec(SpecFixtures.reapproved(SpecFixtures.cleanSpec()));
            commit(git, "Priya Raman", "2026-10-09", "Approve the spec again");
            reapproved = head(git);
        }
        Path spec = dir.resolve("directives/spec/" + NAME);

        CliRun audit = CliRun.of("history", spec.toString(), "--audit");
        CliRun json = CliRun.of("history", spec.toString(), "--audit", "--format", "json");

        assertThat(audit.out())
                .contains("Approved -> Draft")
                .contains(
                        "      audit: CODE BEFORE APPROVAL: 1 commit put this feature's code in its"
                                + " paths before "
                                + reapproved.substring(0, 12)
                                + " moved the spec to Approved\n"
                                + "        2026-10-07  "
                                + backInDraft.substring(0, 12)
                                + "  Sam Okafor: tests/unit/webhook-retry-queue/RetryBackoffTest.java\n")
                .doesNotContain(underFirst.substring(0, 12));
        JsonNode code = new ObjectMapper().readTree(json.out()).at("/specs/0/codeBeforeApproval");
        assertThat(code.get("approvalCommit").asText()).isEqualTo(reapproved);
        assertThat(code.get("commits")).hasSize(1);
        assertThat(code.get("commits").get(0).get("commit").asText()).isEqualTo(backInDraft);
    }

    /**
     * A feature renamed after its approval, its spec and its folder moved together: the code
     * committed before the approval under the old name is still named (was: every move passed, the
     * old folder never looked at).
     */
    @Test
    void codeCommittedUnderTheFeaturesOldNameBeforeItWasRenamedIsNamed() throws Exception {
        String early;
        String renamedName = "2026-10-02_spec_webhook-redelivery.md";
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            writeSpec(
                    SpecFixtures.cleanSpec()
                            .replace("**Document Status:** Approved", "**Document Status:** Draft")
                            .replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\n", ""));
            commit(git, "Priya Raman", "2026-10-01", "Draft the webhook retry queue spec");
            write(
                    "src/core/webhook-retry-queue/RetryScheduler.java",
                    "package payments.webhooks;\n\nfinal class RetryScheduler {}\n");
            commit(git, "Sam Okafor", "2026-10-05", "Start the retry scheduler");
            early = head(git);
            writeSpec(SpecFixtures.reapproved(SpecFixtures.cleanSpec()));
            commit(git, "Priya Raman", "2026-10-10", "Approve the webhook retry queue spec");

            Path specs = dir.resolve("directives/spec");
            Files.move(specs.resolve(NAME), specs.resolve(renamedName));
            Files.move(
                    dir.resolve("src/core/webhook-retry-queue"),
                    dir.resolve("src/core/webhook-redelivery"));
            commit(git, "Dana Levi", "2026-10-20", "Rename the feature: webhook redelivery");
        }
        Path spec = dir.resolve("directives/spec/" + renamedName);

        CliRun audit = CliRun.of("history", spec.toString(), "--audit");

        assertThat(audit.out())
                .contains("(as directives/spec/" + NAME + ")")
                .contains(
                        "        2026-10-05  "
                                + early.substring(0, 12)
                                + "  Sam Okafor: src/core/webhook-retry-queue/RetryScheduler.java\n")
                .contains("1 spec had code committed before the commit that approved it");
    }

    /**
     * Two features audited in one run share one read of the history: each is told only of its own
     * code, a commit that put both features' code in their paths named for the one whose spec stood
     * in Draft then (with that feature's file alone), not for the one already approved.
     */
    @Test
    void twoFeaturesAuditedTogetherAreEachToldOfTheirOwnEarlyCodeOnly() throws Exception {
        String other = "2026-10-03_spec_invoice-export.md";
        String draft =
                SpecFixtures.cleanSpec()
                        .replace("**Document Status:** Approved", "**Document Status:** Draft")
                        .replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\n", "");
        String retryEarly;
        String retryApproved;
        String both;
        String exportApproved;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            writeSpec(draft);
            SpecFixtures.writeSpec(
                    dir,
                    other,
                    exports(draft).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            commit(git, "Priya Raman", "2026-10-01", "Draft the retry queue and export specs");

            write(
                    "src/core/webhook-retry-queue/RetryScheduler.java",
                    "final class RetryScheduler { int[] delays = {1, 2, 4}; }\n");
            commit(git, "Sam Okafor", "2026-10-02", "Start the retry scheduler");
            retryEarly = head(git);

            writeSpec(SpecFixtures.reapproved(SpecFixtures.cleanSpec()));
            commit(git, "Priya Raman", "2026-10-03", "Approve the webhook retry queue spec");
            retryApproved = head(git);

            write(
                    "src/core/webhook-retry-queue/RetryScheduler.java",
                    "final class RetryScheduler { int[] delays = {1, 2, 4, 8}; }\n");
            write(
                    "src/core/invoice-export/ExportWriter.java",
                    "final class ExportWriter { String name = \"Rechnung-Müller.csv\"; }\n");
            commit(git, "Dana Levi", "2026-10-04", "Longer retries; start the invoice export");
            both = head(git);

            SpecFixtures.writeSpec(
                    dir,
                    other,
                    SpecFixtures.reapproved(exports(SpecFixtures.cleanSpec()))
                            .getBytes(StandardCharsets.UTF_8));
            commit(git, "Priya Raman", "2026-10-05", "Approve the invoice export spec");
            exportApproved = head(git);
        }
        Path specs = dir.resolve("directives/spec");

        CliRun json = CliRun.of("history", specs.toString(), "--audit", "--format", "json");

        assertThat(json.err()).isEmpty();
        java.util.Map<String, JsonNode> byApproval = new java.util.HashMap<>();
        for (JsonNode s : new ObjectMapper().readTree(json.out()).get("specs")) {
            JsonNode code = s.get("codeBeforeApproval");
            byApproval.put(code.get("approvalCommit").asText(), code);
        }
        assertThat(byApproval).containsOnlyKeys(retryApproved, exportApproved);
        JsonNode retry = byApproval.get(retryApproved).get("commits");
        assertThat(retry).hasSize(1);
        assertThat(retry.get(0).get("commit").asText()).isEqualTo(retryEarly);
        assertThat(retry.get(0).get("files").toString())
                .isEqualTo("[\"src/core/webhook-retry-queue/RetryScheduler.java\"]");
        JsonNode export = byApproval.get(exportApproved).get("commits");
        assertThat(export).hasSize(1);
        assertThat(export.get(0).get("commit").asText()).isEqualTo(both);
        assertThat(export.get(0).get("author").asText()).isEqualTo("Dana Levi");
        assertThat(export.get(0).get("files").toString())
                .isEqualTo("[\"src/core/invoice-export/ExportWriter.java\"]");
        // the same answers, one spec at a time
        CliRun alone =
                CliRun.of(
                        "history", specs.resolve(other).toString(), "--audit", "--format", "json");
        assertThat(new ObjectMapper().readTree(alone.out()).at("/specs/0/codeBeforeApproval"))
                .isEqualTo(byApproval.get(exportApproved));
    }

    /**
     * A spec audited whose working file cannot be read (re-saved as Windows-1252 after its
     * approval) has its moves audited from git and its code before approval said not looked for,
     * with why, under its approving row and in the summary (exit 1: the audit is incomplete), while
     * the other spec's early code is named as before. It stopped the whole audit (exit 2, "cannot
     * read the history"), every spec unaudited.
     */
    @Test
    void aSpecThatCannotBeReadIsSaidNotLookedForAndTheOthersAreAudited() throws Exception {
        String other = "2026-10-03_spec_invoice-export.md";
        String draft =
                SpecFixtures.cleanSpec()
                        .replace("**Document Status:** Approved", "**Document Status:** Draft")
                        .replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\n", "");
        String retryEarly;
        String approved;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            writeSpec(draft);
            SpecFixtures.writeSpec(dir, other, exports(draft).getBytes(StandardCharsets.UTF_8));
            commit(git, "Priya Raman", "2026-10-01", "Draft the retry queue and export specs");

            write(
                    "src/core/webhook-retry-queue/RetryScheduler.java",
                    "final class RetryScheduler { int[] delays = {1, 2, 4}; }\n");
            commit(git, "Sam Okafor", "2026-10-02", "Start the retry scheduler");
            retryEarly = head(git);

            writeSpec(SpecFixtures.reapproved(SpecFixtures.cleanSpec()));
            SpecFixtures.writeSpec(
                    dir,
                    other,
                    SpecFixtures.reapproved(exports(SpecFixtures.cleanSpec()))
                            .getBytes(StandardCharsets.UTF_8));
            commit(git, "Priya Raman", "2026-10-03", "Approve both specs");
            approved = head(git);
        }
        // the export's spec re-saved by an editor as Windows-1252, not committed
        Path exportSpec = dir.resolve("directives/spec/" + other);
        String text = Files.readString(exportSpec, StandardCharsets.UTF_8);
        Files.write(
                exportSpec,
                text.replaceFirst("# ", "# Überweisung: ")
                        .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Path specs = dir.resolve("directives/spec");

        CliRun audit = CliRun.of("history", specs.toString(), "--audit");
        CliRun json = CliRun.of("history", specs.toString(), "--audit", "--format", "json");

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(1);
        assertThat(audit.out())
                .contains(
                        "      audit: code before approval not looked for: the spec cannot be read"
                                + " (not UTF-8")
                .contains("so the paths of its File Organization are not known\n")
                .contains(
                        "        2026-10-02  "
                                + retryEarly.substring(0, 12)
                                + "  Sam Okafor: src/core/webhook-retry-queue/RetryScheduler.java")
                .contains(
                        "1 spec could not be read, so no code before approval was looked for in"
                                + " its paths (named above).");
        assertThat(json.exitCode()).isEqualTo(1);
        java.util.Map<String, JsonNode> byPath = new java.util.HashMap<>();
        for (JsonNode s : new ObjectMapper().readTree(json.out()).get("specs")) {
            byPath.put(s.get("path").asText(), s.get("codeBeforeApproval"));
        }
        JsonNode export =
                byPath.entrySet().stream()
                        .filter(e -> e.getKey().endsWith(other))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
        assertThat(export.get("approvalCommit").asText()).isEqualTo(approved);
        assertThat(export.get("unread").asText()).startsWith("not UTF-8");
        assertThat(export.get("paths")).isEmpty();
        assertThat(export.get("commits")).isEmpty();
        JsonNode retry =
                byPath.entrySet().stream()
                        .filter(e -> e.getKey().endsWith(NAME))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
        assertThat(retry.get("unread").isNull()).isTrue();
        assertThat(retry.get("commits")).hasSize(1);
    }

    /** The retry queue's spec made the invoice export's: its own code paths. */
    private static String exports(String spec) {
        return spec.replace("webhook-retry-queue", "invoice-export");
    }

    /**
     * The retry queue's spec with two more implementation paths: {@code src/core/v1..v2/...}, whose
     * {@code ..} is no segment (the trace looks at it), and {@code ../vendor/...}, which the trace
     * refuses.
     */
    private static String withMigrationAndVendor(String spec) {
        return spec.replace(
                "- Configuration: `src/config/webhook-retry-queue.ts`\n",
                "- Migration logic: `src/core/v1..v2/[feature-name]/`\n"
                        + "- Vendored logic: `../vendor/webhook-retry-queue/`\n");
    }

    /**
     * The audit looks at the paths the trace looks at (LayoutPaths, one refusal): code in {@code
     * src/core/v1..v2/webhook-retry-queue/} is named (was refused for holding '..' anywhere), and
     * {@code ../vendor/...}, refused, is said under the approving row and in the summary, and in
     * JSON as skipped with why, not listed in {@code paths} (was listed and skipped in silence).
     * The audit's lines stand under the row of the commit that approved the spec, not under the row
     * after it.
     */
    @Test
    void theAuditLooksWhereTheTraceLooksAndSaysEachPathItDoesNot() throws Exception {
        String early;
        String approved;
        String implementing;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            writeSpec(
                    withMigrationAndVendor(
                            SpecFixtures.cleanSpec()
                                    .replace(
                                            "**Document Status:** Approved",
                                            "**Document Status:** Draft")
                                    .replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\n", "")));
            commit(git, "Priya Raman", "2026-10-01", "Draft the webhook retry queue spec");

            write(
                    "src/core/v1..v2/webhook-retry-queue/MigrateRetries.java",
                    "final class MigrateRetries { int[] from = {1, 2}; }\n");
            commit(git, "Sam Okafor", "2026-10-05", "Migrate the v1 retries");
            early = head(git);

            String approvedText =
                    SpecFixtures.reapproved(withMigrationAndVendor(SpecFixtures.cleanSpec()));
            writeSpec(approvedText);
            commit(git, "Priya Raman", "2026-10-10", "Approve the webhook retry queue spec");
            approved = head(git);

            writeSpec(
                    approvedText.replace(
                            "**Document Status:** Approved",
                            "**Document Status:** Implementation"));
            commit(git, "Sam Okafor", "2026-10-12", "Start the implementation");
            implementing = head(git);
        }
        Path spec = dir.resolve("directives/spec/" + NAME);

        CliRun audit = CliRun.of("history", spec.toString(), "--audit");
        CliRun json = CliRun.of("history", spec.toString(), "--audit", "--format", "json");

        String out = audit.out();
        assertThat(out)
                .contains(
                        "      audit: CODE BEFORE APPROVAL: 1 commit put this feature's code in its"
                                + " paths before "
                                + approved.substring(0, 12)
                                + " moved the spec to Approved\n"
                                + "        2026-10-05  "
                                + early.substring(0, 12)
                                + "  Sam Okafor:"
                                + " src/core/v1..v2/webhook-retry-queue/MigrateRetries.java\n"
                                + "      audit: '../vendor/webhook-retry-queue/' not looked at: it"
                                + " contains '..' (a File Organization path stays inside the"
                                + " project root; trace and scaffold refuse it too)\n")
                .contains("1 path of a feature's code not looked at (named above).");
        // under the approving row, before the next one
        assertThat(out.indexOf("CODE BEFORE APPROVAL"))
                .isGreaterThan(out.indexOf("  " + approved.substring(0, 12) + "  "))
                .isLessThan(out.indexOf("  " + implementing.substring(0, 12) + "  "));

        JsonNode code = new ObjectMapper().readTree(json.out()).at("/specs/0/codeBeforeApproval");
        assertThat(code.get("paths").toString())
                .contains("src/core/v1..v2/webhook-retry-queue/")
                .doesNotContain("vendor");
        assertThat(code.get("skipped").toString())
                .isEqualTo(
                        "[{\"path\":\"../vendor/webhook-retry-queue/\",\"why\":\"contains '..'\"}]");
        assertThat(code.get("commits")).hasSize(1);
        assertThat(code.get("commits").get(0).get("commit").asText()).isEqualTo(early);
    }

    /**
     * A repository made in {@code directives/} holds none of the feature's code paths: each is said
     * not looked at, outside the repository, in text and JSON, not a clean audit in silence.
     */
    @Test
    void pathsOutsideTheRepositoryAreSaidNotLookedAt() throws Exception {
        Path directives = dir.resolve("directives");
        try (Git git =
                Git.init().setDirectory(directives.toFile()).setInitialBranch("main").call()) {
            writeSpec(
                    SpecFixtures.cleanSpec()
                            .replace("**Document Status:** Approved", "**Document Status:** Draft")
                            .replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\n", ""));
            commit(git, "Priya Raman", "2026-10-01", "Draft the webhook retry queue spec");
            writeSpec(SpecFixtures.reapproved(SpecFixtures.cleanSpec()));
            commit(git, "Priya Raman", "2026-10-10", "Approve the webhook retry queue spec");
        }
        Path spec = directives.resolve("spec/" + NAME);

        CliRun audit = CliRun.of("history", spec.toString(), "--audit");
        CliRun json = CliRun.of("history", spec.toString(), "--audit", "--format", "json");

        assertThat(audit.out())
                .contains(
                        "      audit: 'src/core/webhook-retry-queue/' not looked at: it is outside"
                                + " the git repository at "
                                + directives.toRealPath()
                                + "\n")
                .contains("4 paths of a feature's code not looked at (named above).");
        JsonNode code = new ObjectMapper().readTree(json.out()).at("/specs/0/codeBeforeApproval");
        assertThat(code.get("paths")).isEmpty();
        assertThat(code.get("skipped")).hasSize(4);
        assertThat(code.get("skipped").get(0).get("why").asText())
                .startsWith("is outside the git repository at ");
    }
}
