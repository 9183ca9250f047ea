package dev.specgate.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecBytes;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {

    @TempDir Path root;

    @Test
    void writesAFreshDraftAndPrintsItsPath() {
        CliRun run =
                CliRun.of(
                        "new",
                        "Export Audit Log",
                        "--root",
                        root.toString(),
                        "--today",
                        "2026-11-20",
                        "--type",
                        "integration",
                        "--assignee",
                        "Ana Lima");

        Path file = root.resolve("directives/spec/2026-11-20_spec_export-audit-log.md");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(file.toString());
        assertThat(run.err()).isEmpty();
        assertThat(SpecBytes.text(file))
                .startsWith(
                        "# Technical Specification: Export Audit Log\n\n**File:** `../directives/spec/2026-11-20_spec_export-audit-log.md`\n**Created:** 2026-11-20\n**Type:** Integration\n")
                .contains("**Document Status:** Draft\n**Last Updated:** 2026-11-20\n")
                .contains("**Assigned to:** Ana Lima\n");
    }

    @Test
    void aFreshSpecChecksWithoutErrorsOnlyDraftWarnings() {
        CliRun made =
                CliRun.of(
                        "new",
                        "Café Ünïcode Rollout",
                        "--root",
                        root.toString(),
                        "--date",
                        "2026-11-20");

        CliRun check = CliRun.of("check", made.out().strip(), "--today", "2026-11-25");

        assertThat(made.out().strip()).endsWith("2026-11-20_spec_cafe-unicode-rollout.md");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out())
                .doesNotContain(": error [")
                .contains(": warning [")
                .contains("0 errors");
    }

    /** A language RFC's template: metadata in a leading list, every heading a level-1 section. */
    private static final String RFC_TEMPLATE =
            """
            - Feature Name: (fill me in with a unique identifier, `my_new_feature`)
            - Start Date: (fill me in with today's date, YYYY-MM-DD)
            - Status: Draft | Active | Accepted | Rejected

            # Summary
            [summary]: #summary

            A single paragraph that says what the feature is.

            # Motivation
            [motivation]: #motivation

            Why are we doing this? What use cases does it support?

            ```rust
            let v = 'outer: loop { break 'outer [1, 2]; };
            ```
            """;

    @Test
    void aTemplateWithoutATitleKeepsItsFirstSectionFillsItsListAndChecksWithoutErrors()
            throws Exception {
        Files.writeString(root.resolve("template.md"), RFC_TEMPLATE.replace("\n", "\r\n"));
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: template.md\nspecs: [text/*.md]\nplaceholders:\n"
                        + "  - '/\\(fill me in[^)]*\\)/'\n");

        CliRun made =
                CliRun.of(
                        "new",
                        "Labelled loop values [break ünïcode]",
                        "--root",
                        root.toString(),
                        "--today",
                        "2026-12-05");
        Path file = Path.of(made.out().strip());
        CliRun check = CliRun.of("check", root.toString(), "--today", "2026-12-05");
        CliRun list = CliRun.of("list", root.toString(), "--today", "2026-12-05");

        assertThat(made.exitCode()).isZero();
        assertThat(file)
                .isEqualTo(
                        root.resolve("text/2026-12-05_spec_labelled-loop-values-break-unicode.md"));
        assertThat(SpecBytes.text(file))
                .isEqualTo(
                        ("# Labelled loop values \\[break ünïcode\\]\n\n"
                                        + RFC_TEMPLATE
                                                .replace(
                                                        "(fill me in with today's date,"
                                                                + " YYYY-MM-DD)",
                                                        "2026-12-05")
                                                .replace(
                                                        "Draft | Active | Accepted | Rejected",
                                                        "Draft"))
                                .replace("\n", "\r\n"));
        // the Feature Name is left for the author: a Draft's leftover is a warning
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out())
                .contains(
                        ":3:17: warning [placeholder-template] placeholder '(fill me in with a"
                                + " unique identifier, `my_new_feature`)' left in")
                // the template's guidance prose, kept by new, is a leftover as its placeholders are
                .contains(
                        ":10:1: warning [placeholder-guidance] template guidance for '# Summary'"
                                + " left in")
                .contains("0 errors, 3 warnings");
        assertThat(list.out()).contains("Labelled loop values [break ünïcode]");
    }

    @Test
    void aTemplateSavedWithAByteOrderMarkAndCrlfGivesASpecWithBoth() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] crlf = RFC_TEMPLATE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("template.md"), concat(bom, crlf));
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: template.md\nspecs: [text/*.md]\nplaceholders:\n"
                        + "  - '/\\(fill me in[^)]*\\)/'\n");

        CliRun made =
                CliRun.of(
                        "new",
                        "Bom kept ünïcode",
                        "--root",
                        root.toString(),
                        "--today",
                        "2026-12-06");
        Path file = Path.of(made.out().strip());
        CliRun check = CliRun.of("check", root.toString(), "--today", "2026-12-06");

        assertThat(made.exitCode()).as(made.err()).isZero();
        byte[] written = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(written, 3)).isEqualTo(bom);
        String text = new String(written, 3, written.length - 3, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("# Bom kept ünïcode\r\n\r\n")
                .doesNotContain("\uFEFF")
                .doesNotContainPattern("[^\r]\n");
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("0 errors");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aStatusFieldOnlyTheLifecycleNamesIsWrittenWithItsFirstStatus() throws Exception {
        Files.writeString(root.resolve("tpl.md"), "# {Title}\n\n## Summary\n{summary}\n");
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: tpl.md\nspecs: [docs/*.md]\nlifecycle:\n  status-field: Status\n"
                        + "  order: [Proposed, Accepted, Rejected]\n");

        CliRun made =
                CliRun.of(
                        "new",
                        "Cache tenant settings",
                        "--root",
                        root.toString(),
                        "--today",
                        "2026-12-05");
        CliRun check = CliRun.of("check", root.toString(), "--today", "2026-12-05");
        CliRun status = CliRun.of("status", made.out().strip(), "--today", "2026-12-05");

        assertThat(SpecBytes.text(Path.of(made.out().strip())))
                .isEqualTo(
                        "# Cache tenant settings\n\n**Status:** Proposed\n\n## Summary\n{summary}\n");
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("0 errors, 1 warning");
        assertThat(status.out()).contains("Proposed").doesNotContain("not a status");
    }

    @Test
    void aListStatusFieldOnlyTheLifecycleNamesFollowsTheTemplatesLastItem() throws Exception {
        Files.writeString(
                root.resolve("template.md"),
                "* Feature Name: (fill me in)\n* Start Date: YYYY-MM-DD\n\n# Summary\n"
                        + "[summary]: #summary\n\nOne paragraph.\n");
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: template.md\nspecs: [text/*.md]\nlifecycle:\n  status-field: Status\n"
                        + "  order: [Proposed, Accepted, Rejected]\n");

        CliRun made =
                CliRun.of(
                        "new",
                        "Raw identifiers",
                        "--root",
                        root.toString(),
                        "--today",
                        "2026-12-05");
        CliRun check = CliRun.of("check", root.toString(), "--today", "2026-12-05");

        assertThat(SpecBytes.text(Path.of(made.out().strip())))
                .isEqualTo(
                        "# Raw identifiers\n\n* Feature Name: (fill me in)\n* Start Date: 2026-12-05\n"
                                + "* Status: Proposed\n\n# Summary\n[summary]: #summary\n\n"
                                + "One paragraph.\n");
        assertThat(check.exitCode()).as(check.out()).isZero();
        // only the template's guidance, left in as new wrote it (a warning in a Proposed spec)
        assertThat(check.out())
                .contains(
                        ":10:1: warning [placeholder-guidance] template guidance for '# Summary'"
                                + " left in: 'One paragraph.'")
                .contains("0 errors, 1 warning in 1 file.");
    }

    @Test
    void aFrontMatterStatusFieldOnlyTheLifecycleNamesJoinsTheFrontMatter() throws Exception {
        Files.writeString(
                root.resolve("tpl.md"),
                "---\nowner: \"{team}\"\n---\n# {Title}\n\n## Summary\n{summary}\n");
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: tpl.md\nspecs: [docs/*.md]\nlifecycle:\n  status-field: status\n"
                        + "  order: [proposed, accepted]\n");

        CliRun made =
                CliRun.of("new", "Quotas", "--root", root.toString(), "--today", "2026-12-05");
        CliRun check = CliRun.of("check", root.toString(), "--today", "2026-12-05");

        assertThat(SpecBytes.text(Path.of(made.out().strip())))
                .isEqualTo(
                        "---\nowner: \"{team}\"\nstatus: proposed\n---\n# Quotas\n\n## Summary\n"
                                + "{summary}\n");
        assertThat(check.out()).doesNotContain(": error [");
    }

    @Test
    void dateDefaultsToTodayAndDateOverridesIt() {
        CliRun byToday = CliRun.of("new", "A", "--root", root.toString(), "--today", "2026-01-02");
        CliRun byDate =
                CliRun.of(
                        "new",
                        "A",
                        "--root",
                        root.toString(),
                        "--today",
                        "2026-01-02",
                        "--date",
                        "2025-12-31");

        assertThat(byToday.out()).contains("2026-01-02_spec_a.md");
        assertThat(byDate.out()).contains("2025-12-31_spec_a.md");
        assertThat(SpecBytes.text(Path.of(byDate.out().strip())))
                .contains("**Created:** 2025-12-31\n")
                .contains("**Last Updated:** 2025-12-31\n");
    }

    @Test
    void neverOverwritesAnExistingSpec() throws Exception {
        CliRun first = CliRun.of("new", "Same", "--root", root.toString(), "--today", "2026-11-20");
        Path file = Path.of(first.out().strip());
        Files.writeString(file, "my edits\r\n");

        CliRun second =
                CliRun.of(
                        "new",
                        "Same",
                        "--root",
                        root.toString(),
                        "--today",
                        "2026-11-20",
                        "--type",
                        "Bug Fix");

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.out()).isEmpty();
        assertThat(second.err().strip())
                .isEqualTo(
                        "specgate: "
                                + file
                                + " already exists; nothing was written (choose another title, --slug or --date)");
        assertThat(SpecBytes.text(file)).isEqualTo("my edits\r\n");
    }

    @Test
    void anAssigneeThatNamesNobodyIsAUsageErrorAndWritesNothing() {
        for (String nobody : new String[] {"", "   ", "\t"}) {
            CliRun run =
                    CliRun.of(
                            "new",
                            "Webhook retry queue",
                            "--assignee",
                            nobody,
                            "--root",
                            root.toString());

            assertThat(run.exitCode()).as("'%s'", nobody).isEqualTo(2);
            assertThat(run.err().strip())
                    .as("'%s'", nobody)
                    .isEqualTo(
                            "specgate: --assignee names nobody: give a name, or leave it out to"
                                    + " keep the placeholder");
            assertThat(root.resolve("directives")).as("'%s'", nobody).doesNotExist();
        }
    }

    @Test
    void aTitleThatGivesNoSlugIsAUsageError() {
        CliRun run = CliRun.of("new", "¿¡ !!! ?", "--root", root.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gives no file name").doesNotContain("Exception");
        assertThat(root.resolve("directives")).doesNotExist();
    }

    @Test
    void aJapaneseTitleGetsItsFileNameFromSlug() {
        String title = "監査ログのエクスポート";

        CliRun refused = CliRun.of("new", title, "--root", root.toString());
        CliRun made =
                CliRun.of(
                        "new",
                        title,
                        "--slug",
                        "audit-log-export",
                        "--root",
                        root.toString(),
                        "--today",
                        "2026-11-20");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--slug");
        Path file = root.resolve("directives/spec/2026-11-20_spec_audit-log-export.md");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out().strip()).isEqualTo(file.toString());
        assertThat(SpecBytes.text(file))
                .startsWith(
                        "# Technical Specification: 監査ログのエクスポート\n\n**File:**"
                                + " `../directives/spec/2026-11-20_spec_audit-log-export.md`\n");
        CliRun check = CliRun.of("check", file.toString(), "--today", "2026-11-25");
        assertThat(check.out()).contains("0 errors");
    }

    @Test
    void aSlugMustBeLowercaseAsciiLettersDigitsAndHyphens() {
        for (String bad : new String[] {"Audit-Log", "audit_log", "-x", "a--b", "監査"}) {
            CliRun run = CliRun.of("new", "X", "--slug", bad, "--root", root.toString());

            assertThat(run.exitCode()).as(bad).isEqualTo(2);
            assertThat(run.err()).as(bad).contains("--slug '" + bad + "' is not a slug");
        }
        assertThat(root.resolve("directives")).doesNotExist();
    }

    @Test
    void anUnknownTypeIsAUsageErrorListingTheTypes() {
        CliRun run = CliRun.of("new", "X", "--root", root.toString(), "--type", "Refactoring");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("--type 'Refactoring' is not a Type of the template")
                .contains(
                        "Bug Fix, Performance Optimization, Architecture Change, Integration, Security Enhancement");
    }

    @Test
    void aMissingRootIsAUsageError() {
        CliRun run = CliRun.of("new", "X", "--root", root.resolve("nope").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("root directory not found");
    }

    @Test
    void aRootThatIsAFileIsAUsageErrorThatSaysSo() throws Exception {
        Path file = Files.writeString(root.resolve("notes.txt"), "x");

        CliRun run = CliRun.of("new", "X", "--root", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("specgate: --root " + file + " is a file, not a folder");
    }

    @Test
    void aSpecFolderThatIsAFileIsNamedAsTheCauseNotAnExistingSpec() throws Exception {
        Path directives = Files.createDirectories(root.resolve("d1/directives"));
        Path blocking = Files.writeString(directives.resolve("spec"), "not a folder\n");

        CliRun run = CliRun.of("new", "Export audit log", "--root", root.resolve("d1").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("specgate: cannot write ")
                .endsWith(blocking + " is a file, not a folder; nothing was written")
                .doesNotContain("already exists")
                .doesNotContain("\n");
        assertThat(blocking).content().isEqualTo("not a folder\n");
    }

    @Test
    void aWriteThatFailsLeavesNoFolderItMadeBehind() {
        // the spec folder fits in a path, the spec's file name does not
        Optional<Path> deep = SpecFixtures.folderOfLength(root, 4_070);
        assumeTrue(deep.isPresent(), "needs a folder path of 4,070 characters");

        CliRun run = CliRun.of("new", "Ledger replay", "--root", deep.get().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("specgate: cannot write " + deep.get() + "/directives/spec/")
                .endsWith("_spec_ledger-replay.md: file name too long; nothing was written\n");
        assertThat(deep.get().resolve("directives")).doesNotExist();
        assertThat(deep.get()).isEmptyDirectory();
    }

    @Test
    void aBadDateIsAUsageError() {
        CliRun run = CliRun.of("new", "X", "--root", root.toString(), "--date", "2026-02-30");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'2026-02-30' is not a real date");
    }
}
