package dev.specgate.cli.layout;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layout-early}: a spec still before its approval point (Draft, Review) whose feature's
 * implementation or test paths already hold code, reported by {@code check --trace} and marked
 * EARLY by {@code trace}, on project trees as a team has them.
 */
class LayoutEarlyTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String TODAY = "2026-11-25";
    private static final String ADVICE =
            "get the spec to Approved before writing its code, or move its status to where the"
                    + " work stands";

    @TempDir Path root;

    /** The clean spec at {@code status}, without its approval record (none was made yet). */
    private static String at(String status) {
        return cleanSpec()
                .replace("**Document Status:** Approved", "**Document Status:** " + status)
                .replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\n", "");
    }

    /** Writes {@code text} with a byte order mark and CRLF line ends, as a Windows editor saves. */
    private Path writeWindowsSpec(String text) {
        byte[] body = ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        return writeSpec(root, NAME, body);
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** The retry queue's code and a unit test, written while the spec was still a draft. */
    private void writeTheFeaturesCode() throws IOException {
        write(
                "src/core/webhook-retry-queue/RetryScheduler.java",
                "package payments.webhooks;\n\nfinal class RetryScheduler {\n"
                        + "    long delayMillis(int attempt) { return 1000L << Math.min(attempt, 10); }\n"
                        + "}\n");
        write(
                "src/core/webhook-retry-queue/OutboxPoller.java",
                "package payments.webhooks;\n\nfinal class OutboxPoller {}\n");
        write(
                "tests/unit/webhook-retry-queue/RetrySchedulerTest.java",
                "package payments.webhooks;\n\nclass RetrySchedulerTest {}\n");
    }

    @Test
    void aDraftWhoseFeatureAlreadyHasCodeGetsAWarningNamingThePathFilesStatusAndWhatToDo()
            throws Exception {
        writeWindowsSpec(at("Draft"));
        writeTheFeaturesCode();

        CliRun check = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        CliRun strict =
                CliRun.of("check", root.toString(), "--trace", "--strict", "--today", TODAY);
        CliRun plain = CliRun.of("check", root.toString(), "--today", TODAY);
        CliRun trace = CliRun.of("trace", root.toString());
        CliRun json = CliRun.of("trace", root.toString(), "--format", "json");

        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out())
                .contains(
                        NAME
                                + ":53:15: warning [layout-early] Core logic directory"
                                + " 'src/core/webhook-retry-queue/' already holds 2 files while the"
                                + " spec is Draft: code ahead of approval ("
                                + ADVICE
                                + ")")
                .contains(
                        NAME
                                + ":57:15: warning [layout-early] Unit tests directory"
                                + " 'tests/unit/webhook-retry-queue/' already holds 1 test file while"
                                + " the spec is Draft")
                .doesNotContain("[layout-early] Configuration")
                .doesNotContain("[layout-early] Integration tests");
        assertThat(strict.exitCode()).isEqualTo(1);
        // the corpora's check, without --trace, looks at no folder
        assertThat(plain.out()).doesNotContain("layout-early");
        assertThat(trace.exitCode()).as(trace.out()).isZero();
        assertThat(trace.out())
                .contains("directives/spec/" + NAME + " (Draft)")
                .contains(
                        "  EARLY    directory src/core/webhook-retry-queue/  (2 files before"
                                + " Approved)")
                .contains(
                        "  EARLY    directory tests/unit/webhook-retry-queue/  1 test file  (1 test"
                                + " file before Approved)")
                .contains(
                        "  missing  directory tests/integration/webhook-retry-queue/  0 test files")
                .contains("  (2 paths hold code while the spec is Draft: " + ADVICE + ")");
        JsonNode entries = new ObjectMapper().readTree(json.out()).at("/specs/0/entries");
        assertThat(entries.get(0).get("path").asText()).isEqualTo("src/core/webhook-retry-queue/");
        assertThat(entries.get(0).get("early").asBoolean()).isTrue();
        assertThat(entries.get(0).get("files").asInt()).isEqualTo(2);
        assertThat(entries.get(1).has("early")).as("a missing file").isFalse();
        assertThat(entries.get(2).get("files").asInt()).isEqualTo(1);
    }

    @Test
    void aReviewIsEarlyToo() throws Exception {
        writeSpec(root, NAME, at("Review"));
        writeTheFeaturesCode();

        CliRun check = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        assertThat(check.out())
                .contains(
                        "warning [layout-early] Core logic directory 'src/core/webhook-retry-queue/'"
                                + " already holds 2 files while the spec is Review");
    }

    @Test
    void aDraftAfterScaffoldAloneGetsNoWarning() throws Exception {
        Path spec = writeWindowsSpec(at("Draft"));

        CliRun scaffold = CliRun.of("scaffold", spec.toString());
        // git keeps no empty folder: a team commits the scaffold with a .gitkeep in each
        write("src/core/webhook-retry-queue/.gitkeep", "");
        write("tests/unit/webhook-retry-queue/.gitkeep", "");
        CliRun check = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        CliRun trace = CliRun.of("trace", root.toString());

        assertThat(scaffold.exitCode()).as(scaffold.err()).isZero();
        assertThat(scaffold.out())
                .contains("created      src/core/webhook-retry-queue/")
                .contains("created      docs/dev/webhook-retry-queue.md");
        assertThat(root.resolve("docs/dev/webhook-retry-queue.md")).isRegularFile();
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).doesNotContain("layout-early");
        assertThat(trace.out())
                .contains("  exists   directory src/core/webhook-retry-queue/\n")
                .contains("  exists   file      docs/dev/webhook-retry-queue.md")
                .doesNotContain("EARLY")
                .doesNotContain("hold code");
    }

    @Test
    void anApprovedSpecOrOneInImplementationWithCodeGetsNoWarning() throws Exception {
        writeTheFeaturesCode();
        writeSpec(root, NAME, cleanSpec());
        CliRun approved = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        CliRun approvedTrace = CliRun.of("trace", root.toString());
        writeSpec(
                root,
                NAME,
                cleanSpec()
                        .replace(
                                "**Document Status:** Approved",
                                "**Document Status:** Implementation"));
        CliRun implementing = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        // the trace looked at the code (it exists, the test counted) and found it in its time
        assertThat(approved.exitCode()).as(approved.out()).isZero();
        assertThat(approved.out())
                .contains("info [layout-missing] Integration tests directory")
                .doesNotContain("layout-early");
        assertThat(approvedTrace.out())
                .contains("directives/spec/" + NAME + " (Approved)")
                .contains("  exists   directory src/core/webhook-retry-queue/\n")
                .contains("  exists   directory tests/unit/webhook-retry-queue/  1 test file\n")
                .doesNotContain("EARLY");
        assertThat(implementing.out())
                .contains(
                        "error [layout-missing] Integration tests directory"
                                + " 'tests/integration/webhook-retry-queue/' does not exist (the spec"
                                + " is in Implementation)")
                .doesNotContain("layout-early");
    }

    @Test
    void sharedConditionalAndDocumentationPathsSayNothingOfWhenTheWorkBegan() throws Exception {
        // src/config/ held the other features' settings long before this spec; the API folder is
        // conditional; the technical docs are the author's notes on the draft
        writeSpec(
                root,
                NAME,
                at("Draft")
                        .replace(
                                "- Configuration: `src/config/webhook-retry-queue.ts`",
                                "- Configuration: `src/config/`\n"
                                        + "- API changes: `src/api/[feature-name]/` (if applicable)"));
        write("src/config/payments.ts", "export const payments = {};\n");
        write("src/api/webhook-retry-queue/routes.ts", "export const routes = [];\n");
        write("docs/dev/webhook-retry-queue.md", "# Webhook Retry Queue\n\nDraft notes.\n");

        CliRun check = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        CliRun trace = CliRun.of("trace", root.toString());

        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).as(check.out()).doesNotContain("layout-early");
        // each path was traced and found holding files, and none of them is this feature's code
        assertThat(trace.out())
                .contains("directives/spec/" + NAME + " (Draft)")
                .contains("  exists   directory src/config/\n")
                .contains("  exists   directory src/api/webhook-retry-queue/ (conditional)\n")
                .contains("  exists   file      docs/dev/webhook-retry-queue.md\n")
                .doesNotContain("EARLY");
    }

    @Test
    void aFileEntryOfTheFeatureThatExistsIsEarlyAndSaysItExists() throws Exception {
        writeSpec(root, NAME, at("Draft"));
        write("src/config/webhook-retry-queue.ts", "export const retries = 8;\n");

        CliRun check = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        assertThat(check.out())
                .contains(
                        ":54:18: warning [layout-early] Configuration file"
                                + " 'src/config/webhook-retry-queue.ts' already exists while the spec"
                                + " is Draft: code ahead of approval");
    }

    @Test
    void theRuleIsConfiguredAndSuppressedAsAnyRule() throws Exception {
        writeTheFeaturesCode();
        writeSpec(root, NAME, at("Draft"));
        Files.writeString(root.resolve(".specgate.yml"), "rules:\n  layout-early: error\n");
        CliRun raised = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        Files.writeString(root.resolve(".specgate.yml"), "rules:\n  layout-early: off\n");
        CliRun off = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        Files.delete(root.resolve(".specgate.yml"));
        writeSpec(
                root,
                NAME,
                at("Draft")
                        .replace(
                                "- Core logic: `src/core/webhook-retry-queue/`",
                                "<!-- specgate-disable-next-line layout-early -->\n"
                                        + "- Core logic: `src/core/webhook-retry-queue/`"));
        CliRun suppressed = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        assertThat(raised.exitCode()).isEqualTo(1);
        assertThat(raised.out()).contains("error [layout-early] Core logic directory");
        assertThat(off.out()).doesNotContain("layout-early");
        assertThat(suppressed.out())
                .doesNotContain("[layout-early] Core logic")
                .contains("warning [layout-early] Unit tests directory");
    }

    @Test
    void underATeamsOwnLifecycleEveryStatusBeforeTheApprovalPointIsEarly() throws Exception {
        writeTheFeaturesCode();
        Files.writeString(
                root.resolve(".specgate.yml"),
                "lifecycle:\n  order: [Draft, In Review, Approved, Implementation, Released]\n");
        writeSpec(root, NAME, at("In Review"));
        CliRun inReview = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        CliRun inReviewTrace = CliRun.of("trace", root.toString());
        writeSpec(root, NAME, at("Released"));
        CliRun released = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        // a KEP-like lifecycle records no approval: its first 'implement...' status is the point
        Files.writeString(
                root.resolve(".specgate.yml"),
                "lifecycle:\n  order: [provisional, implementable, implemented, rejected]\n");
        writeSpec(root, NAME, at("provisional"));
        CliRun provisional = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        writeSpec(root, NAME, at("rejected"));
        CliRun rejected = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        // an ADR-like lifecycle approves at Accepted
        Files.writeString(
                root.resolve(".specgate.yml"),
                "lifecycle:\n  order: [Proposed, Accepted, Superseded]\n");
        writeSpec(root, NAME, at("Proposed"));
        CliRun proposed = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        // a lifecycle that neither approves nor names implementation says nothing of it
        Files.writeString(
                root.resolve(".specgate.yml"), "lifecycle:\n  order: [Open, Discussed, Closed]\n");
        writeSpec(root, NAME, at("Open"));
        CliRun open = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        assertThat(inReview.out())
                .contains(
                        "warning [layout-early] Core logic directory 'src/core/webhook-retry-queue/'"
                                + " already holds 2 files while the spec is In Review: code ahead"
                                + " of approval ("
                                + ADVICE
                                + ")");
        assertThat(inReviewTrace.out()).contains("(2 files before Approved)");
        assertThat(released.out()).doesNotContain("layout-early");
        assertThat(provisional.out())
                .contains(
                        "already holds 2 files while the spec is provisional: code ahead of"
                                + " approval (get the spec to implementable before writing its"
                                + " code");
        assertThat(rejected.out()).doesNotContain("layout-early");
        assertThat(proposed.out())
                .contains(
                        "while the spec is Proposed: code ahead of approval (get the spec to Accepted");
        assertThat(open.out()).as(open.out()).doesNotContain("layout-early");
    }

    @Test
    void fixturesAndDataBesideTheTestsAreNoCodeAheadOfApproval() throws Exception {
        // the author kept sample payloads for the draft's review: data, not the feature's code
        writeWindowsSpec(
                at("Draft")
                        .replace(
                                "- Integration tests: `tests/integration/webhook-retry-queue/`",
                                "- Integration tests: `tests/integration/webhook-retry-queue/`\n"
                                        + "- Test fixtures: `tests/fixtures/[feature-name]/`"));
        write(
                "tests/fixtures/webhook-retry-queue/failed-deliveries.csv",
                "merchant,attempt,status\nacme-gmbh,3,503\nzürich-café,1,timeout\n");
        write(
                "tests/unit/webhook-retry-queue/data/payload.json",
                "{\"event\": \"invoice.paid\", \"attempts\": [1, 2]}\n");
        write(
                "tests/unit/webhook-retry-queue/RetrySchedulerTest.java",
                "package payments.webhooks;\n\nclass RetrySchedulerTest {}\n");

        CliRun check = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        CliRun trace = CliRun.of("trace", root.toString());

        assertThat(check.out())
                .contains(
                        ":57:15: warning [layout-early] Unit tests directory"
                                + " 'tests/unit/webhook-retry-queue/' already holds 1 test file while"
                                + " the spec is Draft")
                .doesNotContain("[layout-early] Test fixtures");
        // the line says one count: the test files the trace counts, never a file it does not
        assertThat(trace.out())
                .contains(
                        "  exists   directory tests/fixtures/webhook-retry-queue/  0 test files\n")
                .contains(
                        "  EARLY    directory tests/unit/webhook-retry-queue/  1 test file  (1 test"
                                + " file before Approved)")
                .contains("  (1 path holds code while the spec is Draft: " + ADVICE + ")");
    }

    @Test
    void aSlugThatSpellsASharedFolderNeverClaimsIt() throws Exception {
        // the feature is called "api" (the public API's rate limits); src/api/ holds every
        // feature's routes, long before this spec
        String name = "2026-10-02_spec_api.md";
        writeSpec(
                root,
                name,
                at("Draft")
                        .replace("webhook-retry-queue", "api")
                        .replace(
                                "- Configuration: `src/config/api.ts`",
                                "- Routes: `src/api/`\n- Route table: `src/api/routes.ts`"));
        write("src/api/payments.ts", "export const payments = [\"/v1/payments\"];\n");
        write("src/api/routes.ts", "export const routes = [...payments];\n");
        write("src/core/api/RateLimiter.java", "package api;\n\nfinal class RateLimiter {}\n");

        CliRun check = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        assertThat(check.out())
                .contains(
                        "warning [layout-early] Core logic directory 'src/core/api/' already holds"
                                + " 1 file while the spec is Draft")
                .doesNotContain("[layout-early] Routes")
                .doesNotContain("[layout-early] Route table");
    }

    private static final int LEVELS = 18;
    private static final String LONG = "d".repeat(250);
    private Path deep;

    /**
     * Makes {@code under/d...d/.../d...d}, longer than a path the system opens (root cannot walk it
     * either, unlike a {@code chmod 000} folder): the deepest renamed first, so each path stays
     * short.
     */
    private void tooDeepFolder(Path under) throws IOException {
        deep = under;
        Path chain = under;
        for (int i = 0; i < LEVELS; i++) {
            chain = chain.resolve(String.valueOf(i));
        }
        Files.createDirectories(chain);
        for (int depth = LEVELS; depth > 0; depth--) {
            Path at = under;
            for (int i = 0; i < depth - 1; i++) {
                at = at.resolve(String.valueOf(i));
            }
            Files.move(at.resolve(String.valueOf(depth - 1)), at.resolve(LONG));
        }
    }

    /** Gives the chain its short names back, top first, so that the temporary folder can go. */
    @org.junit.jupiter.api.AfterEach
    void shortNamesAgain() throws IOException {
        if (deep == null) {
            return;
        }
        Path at = deep;
        for (int i = 0; i < LEVELS; i++) {
            Path name = at.resolve(LONG);
            if (!Files.isDirectory(name)) {
                return;
            }
            Files.move(name, at.resolve(String.valueOf(i)));
            at = at.resolve(String.valueOf(i));
        }
    }

    @Test
    void aFolderThatCannotBeReadIsAnErrorOnItsSpecAndTheOtherSpecsAreStillChecked()
            throws Exception {
        writeWindowsSpec(at("Draft"));
        write(
                "tests/unit/webhook-retry-queue/RetrySchedulerTest.java",
                "package payments.webhooks;\n\nclass RetrySchedulerTest {}\n");
        tooDeepFolder(root.resolve("tests/unit/webhook-retry-queue"));
        String other = "2026-10-05_spec_invoice-export.md";
        writeSpec(root, other, at("Review").replace("webhook-retry-queue", "invoice-export"));
        write("src/core/invoice-export/InvoiceExporter.java", "final class InvoiceExporter {}\n");

        CliRun check = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        CliRun trace = CliRun.of("trace", root.toString());

        assertThat(check.err()).doesNotContain("specgate:");
        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(1);
        assertThat(check.out())
                .containsPattern(
                        java.util.regex.Pattern.quote(
                                        NAME
                                                + ":57:15: error [layout-early] Unit tests"
                                                + " directory 'tests/unit/webhook-retry-queue/'"
                                                + " cannot be read ("
                                                + root
                                                + "/tests/unit/webhook-retry-queue/")
                                + "("
                                + LONG
                                + "/)+"
                                + LONG
                                + java.util.regex.Pattern.quote(
                                        ": file name too long), so whether it holds code ahead of"
                                                + " approval is not known"))
                .contains(
                        other
                                + ":53:15: warning [layout-early] Core logic directory"
                                + " 'src/core/invoice-export/' already holds 1 file while the spec"
                                + " is Review");
        assertThat(trace.exitCode()).as(trace.out() + trace.err()).isEqualTo(1);
        assertThat(trace.out())
                .contains(
                        "  UNREADABLE directory tests/unit/webhook-retry-queue/  (cannot be read: ")
                .contains(
                        "  EARLY    directory src/core/invoice-export/  (1 file before Approved)");
    }

    /**
     * A team that turns layout-missing off still hears that a folder of this feature's code could
     * not be looked into while the spec is a Draft: layout-early, which needed it, says so as an
     * error (once: layout-missing, when on, leaves it to layout-early). Was "No problems found",
     * exit 0, with the feature's code ahead of approval unseen.
     */
    @Test
    void aFolderLayoutEarlyCannotReadIsAnErrorWithLayoutMissingOff() throws Exception {
        writeWindowsSpec(at("Draft"));
        write(
                "src/core/webhook-retry-queue/RetryScheduler.java",
                "package payments.webhooks;\n\nfinal class RetryScheduler {}\n");
        tooDeepFolder(root.resolve("src/core/webhook-retry-queue"));
        Files.writeString(root.resolve(".specgate.yml"), "rules:\n  layout-missing: off\n");

        CliRun off = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        Files.delete(root.resolve(".specgate.yml"));
        CliRun on = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        assertThat(off.exitCode()).as(off.out() + off.err()).isEqualTo(1);
        assertThat(off.out())
                .contains(
                        ":53:15: error [layout-early] Core logic directory"
                                + " 'src/core/webhook-retry-queue/' cannot be read (")
                .contains("so whether it holds code ahead of approval is not known");
        assertThat(on.exitCode()).as(on.out() + on.err()).isEqualTo(1);
        assertThat(on.out().lines().filter(l -> l.contains("cannot be read (")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(":53:15: error [layout-early] Core logic directory");
    }

    /** The mirror of the case above: with layout-early off, layout-missing says the folder. */
    @Test
    void aFolderLayoutEarlyCannotReadIsAnErrorWithLayoutEarlyOff() throws Exception {
        writeWindowsSpec(at("Draft"));
        write(
                "src/core/webhook-retry-queue/RetryScheduler.java",
                "package payments.webhooks;\n\nfinal class RetryScheduler {}\n");
        tooDeepFolder(root.resolve("src/core/webhook-retry-queue"));
        Files.writeString(root.resolve(".specgate.yml"), "rules:\n  layout-early: off\n");

        CliRun off = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        assertThat(off.exitCode()).as(off.out() + off.err()).isEqualTo(1);
        assertThat(off.out().lines().filter(l -> l.contains("cannot be read (")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(
                        ":53:15: error [layout-missing] Core logic directory"
                                + " 'src/core/webhook-retry-queue/' cannot be read (")
                .contains("so its files are not counted");
    }

    /**
     * A shared implementation folder (here {@code src/core/}, where the template places {@code
     * src/core/[feature-name]/}) never makes a spec early, so it is not walked at any status: a
     * folder in it that cannot be opened is no error of a Draft, as it is none of the spec once
     * Approved. Was a layout-missing error on the Draft only.
     */
    @Test
    void aSharedFolderIsNotWalkedSoItsUnreadableSubfolderIsNoErrorAtAnyStatus() throws Exception {
        String shared =
                "- Configuration: `src/config/webhook-retry-queue.ts`\n"
                        + "- Shared logic: `src/core/`\n";
        writeWindowsSpec(
                at("Draft")
                        .replace("- Configuration: `src/config/webhook-retry-queue.ts`\n", shared));
        write("src/core/Clock.java", "final class Clock {}\n");
        Files.createDirectories(root.resolve("src/core/webhook-retry-queue"));
        Files.createDirectories(root.resolve("tests/unit/webhook-retry-queue"));
        Files.createDirectories(root.resolve("tests/integration/webhook-retry-queue"));
        write("docs/dev/webhook-retry-queue.md", "# Webhook retry queue\n");
        tooDeepFolder(root.resolve("src/core/generated"));

        CliRun draft = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        CliRun trace = CliRun.of("trace", root.toString());
        writeWindowsSpec(
                at("Review")
                        .replace("- Configuration: `src/config/webhook-retry-queue.ts`\n", shared));
        CliRun review = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);

        assertThat(draft.out()).doesNotContain("cannot be read");
        assertThat(draft.out()).doesNotContain("layout-early");
        assertThat(draft.exitCode()).as(draft.out() + draft.err()).isZero();
        assertThat(review.out()).doesNotContain("cannot be read");
        assertThat(review.exitCode()).as(review.out() + review.err()).isZero();
        assertThat(trace.out())
                .contains("  exists   directory src/core/\n")
                .doesNotContain("UNREADABLE");
        assertThat(trace.exitCode()).as(trace.out()).isZero();
    }

    /**
     * An entry written with backslashes, as on Windows, is the folder its author meant: the
     * feature's code in it is early. Was read as a file named {@code src\core\...\}, missing.
     */
    @Test
    void anEntryWrittenWithBackslashesIsTheFolderItsAuthorMeant() throws Exception {
        writeWindowsSpec(
                at("Draft")
                        .replace(
                                "- Core logic: `src/core/webhook-retry-queue/`",
                                "- Core logic: `src\\core\\[feature-name]\\`"));
        writeTheFeaturesCode();

        CliRun check = CliRun.of("check", root.toString(), "--trace", "--today", TODAY);
        CliRun trace = CliRun.of("trace", root.toString());

        assertThat(check.out())
                .contains(
                        NAME
                                + ":53:15: warning [layout-early] Core logic directory"
                                + " 'src/core/webhook-retry-queue/' already holds 2 files while the"
                                + " spec is Draft")
                .doesNotContain("Core logic file");
        assertThat(trace.out())
                .contains(
                        "  EARLY    directory src/core/webhook-retry-queue/  (2 files before"
                                + " Approved)");
    }
}
