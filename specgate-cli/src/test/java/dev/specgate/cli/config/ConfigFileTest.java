package dev.specgate.cli.config;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .specgate.yml} as a team uses it, through the command line. */
class ConfigFileTest {

    private static final String TODAY = "2026-11-25";
    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    private void writeBadTypeSpec() {
        writeSpec(
                root,
                CLEAN,
                SpecFixtures.reapproved(
                        cleanSpec()
                                .replace(
                                        "**Type:** Architecture Change", "**Type:** Refactoring")));
    }

    private Path config(String yaml) throws IOException {
        return Files.writeString(root.resolve(".specgate.yml"), yaml);
    }

    @Test
    void ruleTurnedOffOrDownIsFollowed() throws IOException {
        writeBadTypeSpec();

        CliRun before = CliRun.of("check", root.toString(), "--today", TODAY);
        config("rules:\n  field-value: off\n");
        CliRun off = CliRun.of("check", root.toString(), "--today", TODAY);
        config("rules:\n  field-value: warning\n");
        CliRun warning = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(off.exitCode()).isZero();
        assertThat(off.out()).isEqualTo("No problems found in 1 spec." + System.lineSeparator());
        assertThat(warning.exitCode()).isZero();
        assertThat(warning.out()).contains(":5:11: warning [field-value] ");
    }

    @Test
    void configIsFoundFromASubfolderPath() throws IOException {
        writeBadTypeSpec();
        config("rules:\n  field-value: off\n");

        CliRun run =
                CliRun.of("check", root.resolve("directives/spec").toString(), "--today", TODAY);

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void unknownKeyIsExitTwoWithFileLineAndAllowedKeys() throws IOException {
        writeBadTypeSpec();
        Path file = config("template: rigour-vibe\n\nrule:\n  field-value: off\n");

        CliRun run = CliRun.of("check", root.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip())
                .isEqualTo(
                        "specgate: "
                                + file.toAbsolutePath().normalize()
                                + ":3: unknown key 'rule'; did you mean 'rules'? (allowed:"
                                + " version, template, specs, ignore, new-file-name, rules, strict, baseline,"
                                + " max-file-size, cache, metadata, lifecycle, approval-field, working-checklists, gates, sections, placeholders, mcp)");
    }

    @Test
    void anApprovalFieldBesideALifecycleWhoseApprovedIsAnExitIsExitTwoInOneLine()
            throws IOException {
        // Approved ends a design without taking it forward: no move records an approval, so the
        // key could never take effect (it was taken: the template has an Approved status)
        Files.writeString(
                root.resolve("design.md"),
                "\uFEFF# Design: [Feature name]\r\n\r\n"
                        + "**Document Status:** [Proposed | Reviewed | Shipped | Approved]\r\n\r\n"
                        + "## Summary\r\n[One paragraph.]\r\n");
        Path file =
                config(
                        "template: design.md\n"
                                + "lifecycle:\n"
                                + "  exits: [Approved]  # approved elsewhere, closed here\n"
                                + "approval-field: Sign-off\n");

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + file.toAbsolutePath().normalize()
                                + ":4: 'approval-field' names the field approvals are recorded in,"
                                + " but this project's lifecycle records no approval: the template"
                                + " has Document Status values Proposed, Reviewed, Shipped,"
                                + " Approved, where Approved is an exit (approvals need a Document"
                                + " Status field with an Approved status); leave 'approval-field'"
                                + " out"
                                + System.lineSeparator());
    }

    @Test
    void unknownRuleIdAndBadLevelAreExitTwo() throws IOException {
        writeBadTypeSpec();
        config("rules:\n  field-value: off\n  no-such-rule: warning\n");
        CliRun unknown = CliRun.of("check", root.toString());
        config("rules:\n  field-value: loud\n");
        CliRun badValue = CliRun.of("check", root.toString());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .contains(".specgate.yml:3: unknown rule 'no-such-rule'")
                .contains("allowed: section-missing,");
        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(badValue.err())
                .contains(
                        ".specgate.yml:2: rule 'field-value' must be one of off, info, warning,"
                                + " error, found 'loud'");
    }

    @Test
    void explicitConfigAndNoConfig() throws IOException {
        writeBadTypeSpec();
        Path elsewhere = Files.createDirectories(root.resolve("conf"));
        Path file =
                Files.writeString(elsewhere.resolve("team.yml"), "rules:\n  field-value: off\n");
        config("rules:\n  field-value: error\n");

        CliRun explicit =
                CliRun.of("check", root.toString(), "--config", file.toString(), "--today", TODAY);
        CliRun none = CliRun.of("check", root.toString(), "--no-config", "--today", TODAY);
        CliRun missing =
                CliRun.of(
                        "check", root.toString(), "--config", root.resolve("nope.yml").toString());
        CliRun both =
                CliRun.of("check", root.toString(), "--config", file.toString(), "--no-config");

        assertThat(explicit.exitCode()).isZero();
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yml: configuration file not found");
        CliRun folder = CliRun.of("check", root.toString(), "--config", root.toString());
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains(root + ": is a folder, not a configuration file");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--config and --no-config cannot be used together");
    }

    @Test
    void specsAndIgnoreGlobsSelectTheFiles() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        Path archive = Files.createDirectories(root.resolve("directives/spec/archive"));
        Path archived =
                Files.writeString(
                        archive.resolve("2020-01-01_spec_old.md"),
                        "# Technical Specification: Old\n");
        Path design = Files.createDirectories(root.resolve("docs/design"));
        Files.writeString(design.resolve(CLEAN), cleanSpec());
        Files.writeString(root.resolve("README.md"), "# Readme\n");

        config(
                "specs:\n  - directives/spec/**/*.md\n  - docs/design/*.md\nignore:\n  - directives/spec/archive/\n");
        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "json");

        assertThat(run.out())
                .contains("directives/spec/" + CLEAN)
                .contains("docs/design/" + CLEAN)
                .doesNotContain("archive")
                .doesNotContain("README")
                .contains("\"files\" : 2");
        assertThat(Files.exists(archived)).isTrue();
    }

    @Test
    void explicitFilesTheConfigDoesNotSelectAreSaidToBeSkipped() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        Path readme = Files.writeString(root.resolve("README.md"), "# Readme\n");
        config("specs:\n  - directives/spec/*.md\n");

        CliRun onlyReadme = CliRun.of("check", readme.toString(), "--today", TODAY);
        CliRun both =
                CliRun.of(
                        "check",
                        readme.toString(),
                        root.resolve("directives/spec/" + CLEAN).toString(),
                        "--today",
                        TODAY);

        // never a silent pass: a named file left out is said to be, and nothing at all is exit 2
        assertThat(onlyReadme.exitCode()).isEqualTo(2);
        assertThat(onlyReadme.err())
                .contains(readme + " is not checked: no specs: glob matches README.md")
                .contains("nothing to check: every file named is left out by the configuration");
        assertThat(both.exitCode()).isZero();
        assertThat(both.err()).contains(readme + " is not checked");
        assertThat(both.out()).contains("No problems found in 1 spec.");
        assertThat(both.err()).contains("README.md is not checked: no specs: glob matches");
    }

    @Test
    void excludedOkLetsAHookPassWhenEveryChangedFileIsLeftOut() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        Path readme = Files.writeString(root.resolve("README.md"), "# Readme\n");
        Path missing = root.resolve("directives/spec/nothing-here");
        Files.createDirectories(missing);
        config("specs:\n  - directives/spec/*.md\n");

        CliRun hook = CliRun.of("check", "--excluded-ok", readme.toString(), "--today", TODAY);
        CliRun empty = CliRun.of("check", "--excluded-ok", missing.toString(), "--today", TODAY);

        assertThat(hook.exitCode()).isZero();
        assertThat(hook.out()).isEqualTo("No problems found in 0 specs.\n");
        assertThat(hook.err()).contains(readme + " is not checked: no specs: glob matches");
        assertThat(empty.exitCode()).as("a path with nothing under it").isEqualTo(2);
    }

    @Test
    void strictInTheConfigFailsOnWarnings() throws IOException {
        writeSpec(
                root,
                CLEAN,
                SpecFixtures.reapproved(
                        cleanSpec().replace("**Created:** 2026-10-02", "**Created:** 2026-10-01")));
        CliRun lenient = CliRun.of("check", root.toString(), "--today", TODAY);
        config("strict: true\n");
        CliRun strict = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("warning [created-date]");
        assertThat(strict.exitCode()).isEqualTo(1);
    }

    @Test
    void aNumberWhereGlobsBelongIsAnErrorNotAGlob() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        Path file = config("# team settings\nversion: 1\nspecs: 42\n");

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + file.toAbsolutePath().normalize()
                                + ":3: 'specs' must be a list of globs, such as"
                                + " ['directives/spec/**/*.md'], found a number (42); quote it if"
                                + " it is a file name: '42'"
                                + System.lineSeparator());
    }

    @Test
    void anEmptyListOfSpecsIsAnErrorNotTheDefault() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        Path file = config("specs: []\nstrict: true\n");

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + file.toAbsolutePath().normalize()
                                + ":1: 'specs' must be a list of globs, such as"
                                + " ['directives/spec/**/*.md'], found an empty list (leave"
                                + " 'specs' out for the default)"
                                + System.lineSeparator());
    }

    @Test
    void aTemplateThatIsAFolderIsNamedAsAFolder() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        Files.createDirectories(root.resolve("docs/templates"));
        Path file = config("template: docs\n");

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + file.toAbsolutePath().normalize()
                                + ":1: template 'docs' is a folder, not a template file (allowed:"
                                + " rigour-vibe, or the path of a Markdown template relative to"
                                + " .specgate.yml)"
                                + System.lineSeparator());
    }

    @Test
    void configThatIsNotARegularFileSaysWhatItIs() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull), "a /dev/null");
        Path folder = Files.createDirectories(root.resolve("conf"));

        CliRun device = CliRun.of("check", root.toString(), "--config", "/dev/null");
        CliRun dir = CliRun.of("check", root.toString(), "--config", folder.toString());

        assertThat(device.exitCode()).isEqualTo(2);
        assertThat(device.out()).isEmpty();
        assertThat(device.err())
                .isEqualTo(
                        "specgate: /dev/null: is not a regular file (a device, pipe or socket),"
                                + " not a configuration file"
                                + System.lineSeparator());
        assertThat(dir.exitCode()).isEqualTo(2);
        assertThat(dir.err())
                .isEqualTo(
                        "specgate: "
                                + folder
                                + ": is a folder, not a configuration file"
                                + System.lineSeparator());
    }

    @Test
    void maxFileSizeIsTheLimitOfTheProjectsChecks() throws IOException {
        // the clean spec is some 10 KiB: over a limit of 8 KiB, within one of 16 KiB
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        Path file = config("max-file-size: 8KiB\n");
        long size = Files.size(spec);

        CliRun tight = CliRun.of("check", root.toString(), "--today", TODAY);
        CliRun status = CliRun.of("status", spec.toString(), "--today", TODAY);
        config("max-file-size: 16KiB\n");
        CliRun roomy = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(tight.exitCode()).isEqualTo(1);
        assertThat(tight.out())
                .contains(
                        CLEAN
                                + ":1:1: error [unreadable-file] cannot check this file: file is "
                                + size
                                + " bytes, over the limit of 8 KiB (max-file-size in "
                                + file.toAbsolutePath().normalize()
                                + ")");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err())
                .contains(
                        "over the limit of 8 KiB (max-file-size in "
                                + file.toAbsolutePath().normalize()
                                + ")");
        assertThat(roomy.exitCode()).isZero();
        assertThat(roomy.out()).isEqualTo("No problems found in 1 spec." + System.lineSeparator());
    }

    @Test
    void aBadMaxFileSizeIsAnError() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        Path file = config("max-file-size: 16MB\n");

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + file.toAbsolutePath().normalize()
                                + ":1: 'max-file-size' must be a size in B, KiB or MiB up to"
                                + " 1024MiB, such as 16MiB, or a number of bytes, found '16MB'"
                                + " (units are B, KiB and MiB: 1KiB is 1024 bytes)"
                                + System.lineSeparator());
    }
}
