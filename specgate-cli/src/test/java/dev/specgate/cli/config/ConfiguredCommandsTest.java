package dev.specgate.cli.config;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecBytes;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads specs follows {@code .specgate.yml} as {@code check} does: the same
 * specs, the same findings, the same template. Each test sets up a project as a team would: an ADR
 * folder with its own template, or Rigour Vibe specs with some rules switched off.
 */
class ConfiguredCommandsTest {

    private static final String TODAY = "2026-11-25";
    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String ADR_CONFIG =
            "template: docs/adr/template.md\n"
                    + "specs:\n"
                    + "  - docs/adr/*.md\n"
                    + "ignore:\n"
                    + "  - docs/adr/template.md\n";

    @TempDir Path project;

    // --- list ---------------------------------------------------------------------------------

    @Test
    void listFindsTheSpecsCheckFindsAndCountsTheSameFindings() throws Exception {
        adrProject();

        CliRun check = CliRun.of("check", project.toString(), "-f", "json", "--today", TODAY);
        CliRun list = CliRun.of("list", project.toString(), "-f", "json", "--today", TODAY);

        assertThat(list.exitCode()).isZero();
        assertThat(list.err()).isEmpty();
        ObjectMapper json = new ObjectMapper();
        Map<String, String> checked = new TreeMap<>();
        for (JsonNode f : json.readTree(check.out()).get("files")) {
            long errors = 0;
            long warnings = 0;
            for (JsonNode d : f.get("diagnostics")) {
                errors += d.get("severity").asText().equals("error") ? 1 : 0;
                warnings += d.get("severity").asText().equals("warning") ? 1 : 0;
            }
            checked.put(f.get("path").asText(), errors + "/" + warnings);
        }
        Map<String, String> listed = new TreeMap<>();
        for (JsonNode s : json.readTree(list.out()).get("specs")) {
            listed.put(
                    s.get("path").asText(),
                    s.get("errors").asInt() + "/" + s.get("warnings").asInt());
        }
        assertThat(listed).hasSize(5).isEqualTo(checked);
        assertThat(listed.keySet()).noneMatch(p -> p.endsWith("template.md"));
        assertThat(json.readTree(list.out()).get("specs").findValuesAsText("status"))
                .containsExactly("Proposed", "Accepted", "Accepted", "Accepted", "Approved");
        // an ADR is dated by its own **Date:** field, as Created dates a Rigour Vibe spec
        Map<String, String> dates = new TreeMap<>();
        for (JsonNode s : json.readTree(list.out()).get("specs")) {
            dates.put(s.get("path").asText().replaceAll(".*/", ""), s.get("created").asText());
        }
        assertThat(dates)
                .containsEntry("pass-accepted.md", "2026-10-02")
                .containsEntry("pass-proposed-with-alternatives.md", "2026-10-09");
    }

    @Test
    void listFiltersByTheTemplatesOwnStatuses() throws Exception {
        adrProject();

        CliRun accepted = CliRun.of("list", project.toString(), "--status", "accepted");
        CliRun draft = CliRun.of("list", project.toString(), "--status", "Draft");
        CliRun type = CliRun.of("list", project.toString(), "--type", "Bug Fix");

        assertThat(accepted.exitCode()).isZero();
        assertThat(accepted.out()).contains("pass-accepted.md").doesNotContain("Proposed");
        assertThat(draft.exitCode()).isEqualTo(2);
        assertThat(draft.err())
                .isEqualTo(
                        "specgate: --status 'Draft' is not a status: use one of Proposed,"
                                + " Accepted, Deprecated, Superseded (or tasks for task lists)\n");
        assertThat(type.exitCode()).isEqualTo(2);
        assertThat(type.err())
                .isEqualTo(
                        "specgate: --type 'Bug Fix' is not a Type of the template: the template"
                                + " 'docs/adr/template.md' has no Type field with allowed values\n");
    }

    @Test
    void listCountsErrorsAtTheConfiguredRuleLevels() throws Exception {
        writeSpec(
                project,
                CLEAN,
                dev.specgate.cli.SpecFixtures.reapproved(
                        withoutDecisionsSection(cleanSpec())
                                .replace("**Type:** Architecture Change", "**Type:** Feature")));
        writeConfig("rules:\n  field-value: off\n  section-missing: off\n");

        CliRun check = CliRun.of("check", project.toString(), "--today", TODAY);
        CliRun list = CliRun.of("list", project.toString(), "-f", "json", "--today", TODAY);
        CliRun ignoringConfig =
                CliRun.of(
                        "list", project.toString(), "-f", "json", "--no-config", "--today", TODAY);

        assertThat(check.exitCode()).isZero();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(list.out()).get("specs").get(0).get("errors").asInt()).isZero();
        assertThat(json.readTree(ignoringConfig.out()).get("specs").get(0).get("errors").asInt())
                .isEqualTo(2);
    }

    @Test
    void listTakesConfigFromElsewhereAndRefusesBothOptions() throws Exception {
        adrProject();
        Path named = Files.move(project.resolve(".specgate.yml"), project.resolve("adr.yml"));

        CliRun without = CliRun.of("list", project.toString());
        CliRun with = CliRun.of("list", project.toString(), "--config", named.toString());
        CliRun both = CliRun.of("list", project.toString(), "--config", "x.yml", "--no-config");

        assertThat(with.exitCode()).isZero();
        assertThat(with.out()).contains("5 specs.");
        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err()).contains("no specs found under");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--config and --no-config cannot be used together");
    }

    @Test
    void listWithoutSpecsUnderTheConfigsGlobsIsAUsageError() throws Exception {
        writeSpec(project, CLEAN, cleanSpec());
        writeConfig("specs:\n  - docs/adr/*.md\n");

        CliRun run = CliRun.of("list", project.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: no specs found under "
                                + project
                                + ": looked for files matching 'docs/adr/*.md' (the specs: globs"
                                + " of .specgate.yml); found a file named like a spec where none"
                                + " is looked for: directives/spec/"
                                + CLEAN
                                + " (or add it to the specs: globs of .specgate.yml); specgate new"
                                + " \"TITLE\" writes a spec\n");
    }

    // --- status -------------------------------------------------------------------------------

    @Test
    void statusGatesUseTheConfiguredRuleLevels() throws IOException {
        String draft =
                cleanSpec()
                        .replace("**Document Status:** Approved", "**Document Status:** Draft")
                        .replace("**Next Review:** 2027-01-15\n", "");
        Path spec = writeSpec(project, CLEAN, draft);
        writeConfig("rules:\n  field-missing: off\n");

        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);
        CliRun refused =
                CliRun.of("status", spec.toString(), "Review", "--no-config", "--today", TODAY);
        byte[] before = SpecBytes.of(spec);
        CliRun moved = CliRun.of("status", spec.toString(), "Review", "--today", TODAY);

        assertThat(check.exitCode()).isZero();
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("[field-missing]");
        assertThat(before).isEqualTo(draft.getBytes(StandardCharsets.UTF_8));
        assertThat(moved.exitCode()).isZero();
        assertThat(moved.err()).isEmpty();
        assertThat(SpecBytes.text(spec))
                .isEqualTo(
                        draft.replace("**Document Status:** Draft", "**Document Status:** Review")
                                .replace(
                                        "**Last Updated:** 2026-10-20",
                                        "**Last Updated:** " + TODAY));
    }

    @Test
    void statusMovesAnAdrThroughItsTemplatesOwnStatuses() throws IOException {
        adrProject();
        Path adr = project.resolve("docs/adr/pass-proposed-with-alternatives.md");
        String before = Files.readString(adr);

        CliRun show = CliRun.of("status", adr.toString(), "--today", TODAY);
        CliRun notAStatus = CliRun.of("status", adr.toString(), "Review", "--today", TODAY);
        CliRun skip = CliRun.of("status", adr.toString(), "Deprecated", "--today", TODAY);
        CliRun move = CliRun.of("status", adr.toString(), "accepted", "--today", TODAY);

        assertThat(show.exitCode()).isZero();
        assertThat(show.out())
                .isEqualTo(
                        adr
                                + "\n  Status:          Proposed\n  Proposed -> Accepted: ready"
                                + " (specgate status "
                                + adr
                                + " Accepted)\n");
        assertThat(notAStatus.exitCode()).isEqualTo(2);
        assertThat(notAStatus.err())
                .isEqualTo(
                        "specgate: 'Review' is not a status: use one of Proposed, Accepted,"
                                + " Deprecated, Superseded\n");
        assertThat(skip.exitCode()).isEqualTo(1);
        assertThat(skip.err())
                .contains(
                        "Proposed -> Deprecated is not a lifecycle move: specs go Proposed ->"
                                + " Accepted -> Deprecated -> Superseded one step at a time, and"
                                + " back to Proposed from any status, and to Deprecated or"
                                + " Superseded from any earlier status past Proposed (from here:"
                                + " Accepted)");
        assertThat(move.exitCode()).isZero();
        assertThat(move.out()).isEqualTo("Moved " + adr + " Proposed -> Accepted.\n");
        // only the status value changes: the template has no Last Updated field to set
        assertThat(Files.readString(adr))
                .isEqualTo(before.replace("**Status:** Proposed", "**Status:** Accepted"));
    }

    @Test
    void statusOnATemplateWithoutStatusesIsAClearUsageError() throws IOException {
        Files.writeString(
                project.resolve("template.md"),
                "# {{Title}}\n\n## Context\n{{Why}}\n\n## Decision\n{{What}}\n");
        writeConfig("template: template.md\nspecs:\n  - notes/*.md\n");
        Path note =
                Files.writeString(
                        Files.createDirectories(project.resolve("notes")).resolve("queue.md"),
                        "# Queue\n\n## Context\nLate retries.\n\n## Decision\nA queue.\n");
        byte[] before = SpecBytes.of(note);

        CliRun show = CliRun.of("status", note.toString());
        CliRun move = CliRun.of("status", note.toString(), "Review");

        String expected =
                "specgate: cannot use status on "
                        + note
                        + ": the configured template 'template.md' ("
                        + project.resolve(".specgate.yml")
                        + ") has no Document Status field, so its specs have no status lifecycle\n";
        for (CliRun run : new CliRun[] {show, move}) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo(expected);
        }
        assertThat(SpecBytes.of(note)).isEqualTo(before);
    }

    @Test
    void approveOnATemplateWithOtherDocumentStatusValuesIsAClearUsageError() throws IOException {
        Files.writeString(
                project.resolve("template.md"),
                TemplateSchema.builtinTemplateText()
                        .replace(
                                "**Document Status:** [Draft | Review | Approved | Implementation]",
                                "**Document Status:** [Draft | Published]"));
        writeConfig("template: template.md\n");
        Path spec =
                writeSpec(
                        project,
                        CLEAN,
                        cleanSpec()
                                .replace(
                                        "**Document Status:** Approved",
                                        "**Document Status:** Draft"));

        CliRun approve = CliRun.of("approve", spec.toString(), "--by", "Ana", "--today", TODAY);
        CliRun show = CliRun.of("status", spec.toString(), "--today", TODAY);

        assertThat(approve.exitCode()).isEqualTo(2);
        assertThat(approve.err())
                .startsWith("specgate: cannot use approve on " + spec)
                .contains(
                        "template 'template.md' ("
                                + project.resolve(".specgate.yml")
                                + ") has Document Status values Draft, Published, none of them"
                                + " Approved, so no move records an approval (only a move to Approved in the Document Status field does)\n");
        // status follows the template's own two statuses
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("  Document Status: Draft\n  Last Updated:    2026-");
        assertThat(show.out()).contains("  Draft -> Published: ");
    }

    @Test
    void statusOnATaskListSaysTaskListsHaveNoLifecycle() throws IOException {
        Path tasks = Files.createDirectories(project.resolve("directives/tasks"));
        Path list =
                Files.writeString(
                        tasks.resolve("2026-11-25_task_webhook-retry-queue.md"),
                        "# Task List: Webhook Retry Queue\n\n"
                                + "**Spec:** [webhook retry queue](../spec/"
                                + CLEAN
                                + ")\n**Created:** 2026-11-25\n\n## Tasks\n\n"
                                + "- [ ] 1.0 Prerequisites\n  - [ ] 1.1 Outbox table approved\n");
        byte[] before = SpecBytes.of(list);

        CliRun run = CliRun.of("status", list.toString(), "Review");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + list
                                + " is a task list: task lists have no Document Status and no"
                                + " lifecycle (work them with specgate progress, next and done)\n");
        assertThat(SpecBytes.of(list)).isEqualTo(before);
    }

    // --- trace --------------------------------------------------------------------------------

    @Test
    void traceFindsTheSpecsCheckFinds() throws IOException {
        adrProject();

        CliRun run = CliRun.of("trace", project.toString());
        CliRun json = CliRun.of("trace", project.toString(), "-f", "json");
        CliRun noConfig = CliRun.of("trace", project.resolve("docs/adr").toString(), "--no-config");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("docs/adr/pass-accepted.md (Accepted)\n  no File Organization entries\n")
                .doesNotContain("template.md");
        assertThat(new ObjectMapper().readTree(json.out()).get("specs")).hasSize(5);
        assertThat(noConfig.out()).contains("template.md");
    }

    // --- new ----------------------------------------------------------------------------------

    @Test
    void newWritesFromTheConfiguredTemplateIntoTheFolderOfTheFirstSpecsGlob() throws IOException {
        adrProject();

        CliRun run =
                CliRun.of(
                        "new",
                        "Use Postgres for the outbox",
                        "--root",
                        project.toString(),
                        "--today",
                        TODAY);
        CliRun check = CliRun.of("check", project.toString(), "--today", TODAY);

        Path written = project.resolve("docs/adr/2026-11-25_spec_use-postgres-for-the-outbox.md");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(written.toString());
        assertThat(run.err()).isEmpty();
        assertThat(project.resolve("directives")).doesNotExist();
        String text = Files.readString(written);
        assertThat(text)
                .startsWith(
                        "# ADR-{{number}}: Use Postgres for the outbox\n\n**Status:** Proposed\n"
                                + "**Date:** 2026-11-25\n")
                .contains("## Decision\n")
                .doesNotContain("Technical Specification");
        assertThat(check.out())
                .contains("2026-11-25_spec_use-postgres-for-the-outbox.md")
                .doesNotContain("use-postgres-for-the-outbox.md:4:"); // its Date is filled in
    }

    @Test
    void newInAProjectWithItsOwnSpecsFolderWritesTheSpecsRealPathInTheFileField()
            throws IOException {
        writeConfig("specs: [docs/specs/**/*.md]\n");

        CliRun run =
                CliRun.of(
                        "new",
                        "Invoice export timeouts",
                        "--root",
                        project.toString(),
                        "--today",
                        TODAY);
        Path written = project.resolve("docs/specs/2026-11-25_spec_invoice-export-timeouts.md");
        String text = Files.readString(written);
        CliRun check = CliRun.of("check", written.toString(), "--today", TODAY);
        Files.writeString(written, text.replace("`../docs/specs/", "`../directives/spec/"));
        CliRun moved = CliRun.of("check", written.toString(), "--today", TODAY);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(written.toString());
        assertThat(check.out()).doesNotContain("field-file");
        assertThat(moved.out())
                .contains(
                        "error [field-file] 'File' names"
                                + " '../directives/spec/2026-11-25_spec_invoice-export-timeouts.md'"
                                + " but the file is"
                                + " '../docs/specs/2026-11-25_spec_invoice-export-timeouts.md'");
        assertThat(text)
                .contains(
                        "\n**File:** `../docs/specs/2026-11-25_spec_invoice-export-timeouts.md`\n");
    }

    @Test
    void newPrintsTheConfiguredFolderAsTheUserGaveTheRoot() throws IOException {
        adrProject();
        Path relative = Path.of("").toAbsolutePath().relativize(project);

        CliRun run =
                CliRun.of("new", "Use Postgres", "--root", relative.toString(), "--today", TODAY);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip())
                .isEqualTo(relative.resolve("docs/adr/2026-11-25_spec_use-postgres.md").toString());
    }

    @Test
    void newWarnsWhenTheGlobsLeaveTheNewFileOut() throws IOException {
        adrProject();
        writeConfig(ADR_CONFIG.replace("docs/adr/*.md", "docs/adr/ADR-*.md"));

        CliRun run =
                CliRun.of("new", "Use Postgres", "--root", project.toString(), "--today", TODAY);

        Path written = project.resolve("docs/adr/2026-11-25_spec_use-postgres.md");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(written.toString());
        assertThat(run.err())
                .isEqualTo(
                        "specgate: warning: check will not see "
                                + written
                                + ": no specs: glob matches"
                                + " docs/adr/2026-11-25_spec_use-postgres.md in "
                                + project.resolve(".specgate.yml")
                                + " (change the globs so that they select it, or rename or move the"
                                + " file)\n");
    }

    @Test
    void newWithoutSpecsGlobsWritesUnderDirectives() throws IOException {
        writeConfig("rules:\n  field-value: warning\n");

        CliRun run =
                CliRun.of("new", "Use Postgres", "--root", project.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip())
                .isEqualTo(
                        project.resolve("directives/spec/2026-11-25_spec_use-postgres.md")
                                .toString());
    }

    @Test
    void newRefusesFieldsTheConfiguredTemplateDoesNotHave() throws IOException {
        adrProject();

        CliRun type =
                CliRun.of("new", "Use Postgres", "--root", project.toString(), "--type", "Bug Fix");
        CliRun assignee =
                CliRun.of("new", "Use Postgres", "--root", project.toString(), "--assignee", "Ana");

        assertThat(type.exitCode()).isEqualTo(2);
        assertThat(type.err())
                .isEqualTo(
                        "specgate: --type 'Bug Fix' is not a Type of the template: the template"
                                + " 'docs/adr/template.md' has no Type field with allowed values\n");
        assertThat(assignee.exitCode()).isEqualTo(2);
        assertThat(assignee.err())
                .isEqualTo(
                        "specgate: --assignee: the template 'docs/adr/template.md' has no"
                                + " 'Assigned to' field to fill\n");
        assertThat(project.resolve("directives")).doesNotExist();
    }

    // --- a SPEC the globs leave out ------------------------------------------------------------

    @Test
    void commandsOnAnIgnoredSpecSayItIsNotCheckedAsCheckDoesAndStatusAndMovesAreRefused()
            throws IOException {
        Files.createDirectories(project.resolve("directives/spec/archive"));
        Path archived =
                writeSpec(project, "archive/" + CLEAN, dev.specgate.cli.SpecFixtures.cleanSpec());
        writeConfig("ignore:\n  - directives/spec/archive/\n");
        String before = Files.readString(archived);
        String notice =
                "specgate: "
                        + archived
                        + " is not checked: an ignore: glob matches it in "
                        + project.resolve(".specgate.yml")
                        + "\n";

        CliRun check = CliRun.of("check", archived.toString(), "--today", TODAY);
        CliRun status = CliRun.of("status", archived.toString(), "--today", TODAY);
        CliRun json = CliRun.of("status", archived.toString(), "-f", "json", "--today", TODAY);
        CliRun progress = CliRun.of("progress", archived.toString());
        CliRun next = CliRun.of("next", archived.toString());
        CliRun move = CliRun.of("status", archived.toString(), "Draft", "--today", TODAY);
        CliRun approve = CliRun.of("approve", archived.toString(), "--refresh", "--today", TODAY);

        // check's own notice is the line every other command repeats
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).startsWith(notice);
        // where the spec stands, or how far it is, would pass for a checked spec's: refused, in
        // one line that names the file and why, and nothing on stdout
        for (CliRun view : new CliRun[] {status, json, progress, next}) {
            assertThat(view.exitCode()).as(view.err()).isEqualTo(2);
            assertThat(view.out()).isEmpty();
        }
        for (CliRun view : new CliRun[] {status, json}) {
            assertThat(view.err())
                    .isEqualTo(
                            notice.strip()
                                    + "; status shows only specs that check checks (change the"
                                    + " globs so that they select it)\n");
        }
        assertThat(progress.err())
                .isEqualTo(
                        notice.strip()
                                + "; progress shows only specs that check checks (change the"
                                + " globs so that they select it)\n");
        // the next open item is how far a spec is too: refused in core's words, as progress
        assertThat(next.err())
                .isEqualTo(
                        notice.strip()
                                + "; next shows only specs that check checks (change the globs"
                                + " so that they select it)\n");
        // a move to Draft passes its gate from any status: refused here only for the globs
        for (CliRun refused : new CliRun[] {move, approve}) {
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.out()).isEmpty();
        }
        assertThat(move.err())
                .isEqualTo(
                        notice.strip()
                                + "; status moves only specs that check checks (change the globs"
                                + " so that they select it); the file is unchanged\n");
        assertThat(approve.err()).startsWith(notice.strip() + "; approve moves only specs");
        assertThat(Files.readString(archived)).isEqualTo(before);
    }

    /** A file outside the specs: globs is refused by status and progress in the same words. */
    @Test
    void statusAndProgressOfAFileNoSpecsGlobTakesAreUsageErrors() throws IOException {
        adrProject();
        Path notes = Files.createDirectories(project.resolve("docs/notes"));
        Path spec = notes.resolve("outbox-rollout.md");
        Files.writeString(
                spec,
                "---\nstatus: proposed\n---\n# Outbox rollout\r\n\r\n## Steps\r\n\r\n"
                        + "- [x] Create the `outbox` table\r\n- [ ] Switch writers\r\n");
        String why =
                "specgate: "
                        + spec
                        + " is not checked: no specs: glob matches docs/notes/outbox-rollout.md in "
                        + project.resolve(".specgate.yml");

        CliRun status = CliRun.of("status", spec.toString());
        CliRun progress = CliRun.of("progress", spec.toString(), "-f", "json");

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.out()).isEmpty();
        assertThat(status.err()).startsWith(why + "; status shows only specs").hasLineCount(1);
        assertThat(progress.exitCode()).isEqualTo(2);
        assertThat(progress.out()).isEmpty();
        assertThat(progress.err()).startsWith(why + "; progress shows only specs").hasLineCount(1);
    }

    // --- approvals with a lifecycle.order of the built-in template's statuses and more ---------

    /** The clean spec at {@code status}, with no approval recorded. */
    private static String unapproved(String status) {
        return cleanSpec()
                .replaceAll("\\*\\*Approval:\\*\\*[^\\n]*\\n", "")
                .replace("**Document Status:** Approved", "**Document Status:** " + status);
    }

    @Test
    void approveRecordsTheApprovalInALifecycleOrderThatKeepsApproved() throws IOException {
        String review = unapproved("Review");
        Path spec = writeSpec(project, CLEAN, review);
        writeConfig(
                "lifecycle:\n  order: [Draft, Review, Approved, Implementation, Rejected]\n"
                        + "  exits: [Rejected]\n");

        CliRun moved = CliRun.of("status", spec.toString(), "Approved", "--today", TODAY);
        Files.writeString(spec, review);
        CliRun approve =
                CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);
        String approved = Files.readString(spec);
        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);
        CliRun again = CliRun.of("approve", spec.toString(), "--today", TODAY);
        Files.writeString(
                spec,
                approved.replace("## Problem Statement\n", "## Problem Statement\n\nEdited.\n"));
        CliRun stale = CliRun.of("check", spec.toString(), "--today", TODAY);
        CliRun refresh =
                CliRun.of(
                        "approve",
                        spec.toString(),
                        "--by",
                        "Ana Ruiz",
                        "--refresh",
                        "--today",
                        TODAY);
        CliRun fresh = CliRun.of("check", spec.toString(), "--today", TODAY);

        // status records the Reviewer's approval, as in the built-in lifecycle
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out())
                .contains("Approval recorded for Priya Raman in the Approval field.");
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out())
                .startsWith(
                        "Approved "
                                + spec
                                + " (Review -> Approved): Approval "
                                + TODAY
                                + " by Ana Ruiz, sha256:");
        assertThat(approved)
                .contains("**Document Status:** Approved\n**Last Updated:** " + TODAY + "\n")
                .contains("**Approval:** " + TODAY + " by Ana Ruiz, sha256:");
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).doesNotContain("approval-");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("is already Approved, approved " + TODAY + " by Ana Ruiz");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.out()).contains("error [approval-stale]");
        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        assertThat(fresh.out()).doesNotContain("approval-stale");
    }

    @Test
    void approveMovesToApprovedWhereverTheOrderPutsItAsTheLifecycleSpellsIt() throws IOException {
        String proposed = unapproved("proposed");
        Path spec = writeSpec(project, CLEAN, proposed);
        writeConfig(
                "lifecycle:\n  order: [proposed, approved, implemented, rejected]\n"
                        + "  draft: proposed\n"
                        // the template's Document Status values stay those field-value accepts
                        + "rules:\n  field-value: off\n");

        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);
        CliRun approve =
                CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);
        CliRun back = CliRun.of("status", spec.toString(), "proposed", "--today", TODAY);
        String withdrawn = Files.readString(spec);

        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).startsWith("Approved " + spec + " (proposed -> approved)");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out())
                .contains(
                        "The approval of "
                                + TODAY
                                + " by Ana Ruiz is removed with its '**Approval:**' line.")
                .doesNotContain("(Approval)");
        assertThat(withdrawn)
                .contains("**Document Status:** proposed\n")
                .doesNotContain("**Approval:**");
    }

    @Test
    void approveRefusesALifecycleWithoutApprovedNamingLifecycleInTheConfig() throws IOException {
        String err =
                refusedApproval(
                        "Proposed", "lifecycle:\n  order: [Proposed, Accepted, Rejected]\n");

        assertThat(err)
                .isEqualTo(
                        "specgate: cannot use approve on "
                                + project.resolve("directives/spec/" + CLEAN)
                                + ": 'lifecycle' in "
                                + project.resolve(".specgate.yml")
                                + " gives the Document Status values Proposed, Accepted, Rejected,"
                                + " none of them Approved, so no move records an approval (only a move to Approved in the Document Status field does)\n");
    }

    @Test
    void approveRefusesALifecycleWhereApprovedIsAnExit() throws IOException {
        String err =
                refusedApproval(
                        "Review",
                        "lifecycle:\n  order: [Draft, Review, Done, Approved]\n  exits: [Approved]\n");
        Path spec = project.resolve("directives/spec/" + CLEAN);
        String before = Files.readString(spec);
        CliRun by = CliRun.of("status", spec.toString(), "Approved", "--by", "Ana Ruiz");

        assertThat(err)
                .endsWith(
                        " gives the Document Status values Draft, Review, Done, Approved, where"
                                + " Approved is an exit, so no move records an approval (only a move to Approved in the Document Status field does)\n");
        assertThat(by.exitCode()).isEqualTo(2);
        assertThat(by.err()).contains("--by names who approves");
        assertThat(Files.readString(spec)).isEqualTo(before);
    }

    /**
     * {@code approve} of the clean spec at {@code status} under {@code config}: refused with exit
     * 2, the file unchanged; what it said.
     */
    private String refusedApproval(String status, String config) throws IOException {
        Path spec = writeSpec(project, CLEAN, unapproved(status));
        writeConfig(config);
        String before = Files.readString(spec);

        CliRun approve =
                CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);

        assertThat(approve.exitCode()).as(approve.out()).isEqualTo(2);
        assertThat(Files.readString(spec)).isEqualTo(before);
        return approve.err();
    }

    @Test
    void doneTicksASpecOutsideTheSpecsGlobsAndSaysItIsNotChecked() throws IOException {
        adrProject();
        Path notes = Files.createDirectories(project.resolve("docs/notes"));
        Path spec = notes.resolve("outbox-rollout.md");
        String text =
                "# Outbox rollout\n\n## Steps\n\n- [x] Create the outbox table\n"
                        + "- [ ] Switch writers to the outbox\n- [ ] Drop the old queue\n";
        Files.writeString(spec, text);
        String notice =
                "specgate: "
                        + spec
                        + " is not checked: no specs: glob matches docs/notes/outbox-rollout.md in "
                        + project.resolve(".specgate.yml")
                        + "\n";

        CliRun done = CliRun.of("done", spec.toString(), "1.2");

        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.err()).isEqualTo(notice);
        assertThat(done.out()).startsWith("Checked 1.2 Switch writers to the outbox");
        assertThat(Files.readString(spec))
                .isEqualTo(text.replace("- [ ] Switch writers", "- [x] Switch writers"));
    }

    // --- paths in messages -----------------------------------------------------------------

    @Test
    void messagesNameTheConfigFileAsTheUserNamedTheProject() throws IOException {
        adrProject();
        Path relative = Path.of("").toAbsolutePath().relativize(project);
        Path config = relative.resolve(".specgate.yml");

        CliRun ignored = CliRun.of("check", relative.resolve("docs/adr/template.md").toString());
        CliRun status =
                CliRun.of(
                        "approve",
                        relative.resolve("docs/adr/pass-accepted.md").toString(),
                        "--by",
                        "Ana Ruiz");
        writeConfig("rules:\n  bogus: off\n");
        CliRun bad = CliRun.of("check", relative.toString());

        assertThat(relative.isAbsolute()).isFalse();
        assertThat(ignored.err())
                .contains("is not checked: an ignore: glob matches it in " + config + "\n");
        assertThat(status.err()).contains("'docs/adr/template.md' (" + config + ") has no");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("specgate: " + config + ":2: unknown rule 'bogus'");
    }

    // --- help ---------------------------------------------------------------------------------

    @Test
    void helpForConfigAndTodayFitsEveryCommand() {
        for (String[] command :
                new String[][] {
                    {"site"}, {"serve"}, {"template", "show"}, {"list"}, {"status"}, {"new"}
                }) {
            String[] args =
                    Stream.concat(Stream.of(command), Stream.of("--help")).toArray(String[]::new);
            CliRun run = CliRun.of(args);
            assertThat(run.out()).doesNotContain("first PATH").doesNotContain("measure overdue");
            assertThat(run.out().replaceAll("\\s+", " "))
                    .contains("used for overdue checks and for the dates the command writes");
        }
    }

    // --- site ---------------------------------------------------------------------------------

    @Test
    void theBoardHasTheTemplatesOwnStatusesAsColumns() throws Exception {
        adrProject();
        Path out = project.resolve("site");

        CliRun site =
                CliRun.of("site", project.toString(), "--out", out.toString(), "--today", TODAY);

        assertThat(site.exitCode()).as(site.err()).isZero();
        org.jsoup.nodes.Document board =
                org.jsoup.Jsoup.parse(out.resolve("board.html").toFile(), "UTF-8");
        assertThat(board.select(".column h2").eachText())
                .anySatisfy(t -> assertThat(t).startsWith("Proposed"))
                .anySatisfy(t -> assertThat(t).startsWith("Accepted"))
                .noneSatisfy(t -> assertThat(t).startsWith("Draft"));
        assertThat(board.select(".card")).hasSize(5);
    }

    private void adrProject() throws IOException {
        Path fixtures =
                Path.of(System.getProperty("specgate.repoRoot", ".."))
                        .toAbsolutePath()
                        .normalize()
                        .resolve("specgate-core/src/test/resources/templates/adr");
        Path docs = Files.createDirectories(project.resolve("docs/adr"));
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                Files.copy(f, docs.resolve(f.getFileName()));
            }
        }
        writeConfig(ADR_CONFIG);
    }

    private void writeConfig(String yaml) throws IOException {
        Files.writeString(project.resolve(".specgate.yml"), yaml);
    }

    private static String withoutDecisionsSection(String spec) {
        int start = spec.indexOf("### Mitigation Strategies");
        int end = spec.indexOf("\n#", start + 1);
        return spec.substring(0, start) + spec.substring(end + 1);
    }
}
