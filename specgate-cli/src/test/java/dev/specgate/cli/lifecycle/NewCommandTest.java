package dev.specgate.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecBytes;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void aBadDateIsAUsageError() {
        CliRun run = CliRun.of("new", "X", "--root", root.toString(), "--date", "2026-02-30");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'2026-02-30' is not a real date");
    }
}
