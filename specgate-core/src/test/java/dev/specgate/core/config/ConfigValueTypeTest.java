package dev.specgate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every key of {@code .specgate.yml} holds a value of one kind; a value of another kind is an error
 * naming the file, the line, what was expected and what was found, never taken for something else
 * (a number for a glob, an empty list for the default).
 */
class ConfigValueTypeTest {

    private static final String SPECS =
            "'specs' must be a list of globs, such as ['directives/spec/**/*.md']";
    private static final String IGNORE =
            "'ignore' must be a list of globs, such as ['directives/spec/archive/']";
    private static final String TEMPLATE =
            "'template' must be rigour-vibe or the path of a Markdown template, such as"
                    + " docs/adr/template.md";
    private static final String BASELINE =
            "'baseline' must be the path of a baseline file, such as .specgate-baseline.json";
    private static final String SIZE =
            "'max-file-size' must be a size in B, KiB or MiB up to 1024MiB, such as 16MiB, or a"
                    + " number of bytes";

    @TempDir Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve(SpecgateConfig.FILE_NAME), yaml);
    }

    private SpecgateConfig load(String yaml) throws Exception {
        return SpecProject.configLoader().load(write(yaml));
    }

    private ConfigException failure(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            SpecProject.configLoader().load(file);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException for:\n" + yaml);
    }

    /** {@code yaml} is one key; line 2 (after a comment) is the value's line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // specs
                "specs: 42|" + SPECS + ", found a number (42); quote it if it is a file name: '42'",
                "specs: []|" + SPECS + ", found an empty list (leave 'specs' out for the default)",
                "specs:|" + SPECS + ", found nothing (leave 'specs' out for the default)",
                "specs: true|"
                        + SPECS
                        + ", found a boolean (true); quote it if it is a file name:"
                        + " 'true'",
                "specs: {docs: '*.md'}|" + SPECS + ", found a mapping",
                "specs: [docs/adr/*.md, 2026]|"
                        + SPECS
                        + ", found a number (2026) in the list;"
                        + " quote it if it is a file name: '2026'",
                "specs: [docs/adr/*.md, [nested/*.md]]|" + SPECS + ", found a list in the list",
                "specs: [docs/adr/*.md, ~]|" + SPECS + ", found nothing in the list",
                "specs: 2026-10-02|"
                        + SPECS
                        + ", found a date (2026-10-02); quote it if it is a"
                        + " file name: '2026-10-02'",
                // ignore
                "ignore: 7|" + IGNORE + ", found a number (7); quote it if it is a file name: '7'",
                "ignore: {archive: true}|" + IGNORE + ", found a mapping",
                "ignore: [archive/, off]|"
                        + IGNORE
                        + ", found 'off' (YAML 1.1 reads it as false, YAML 1.2 as text)"
                        + " in the list; quote it if it is a file name: 'off'",
                // template
                "template: 42|" + TEMPLATE + ", found a number (42)",
                "template: [docs/adr/template.md]|" + TEMPLATE + ", found a list",
                "template: {path: docs/adr/template.md}|" + TEMPLATE + ", found a mapping",
                "template: true|" + TEMPLATE + ", found a boolean (true)",
                // rules
                "rules: [section-empty]|'rules' must map rule ids to one of off, info, warning,"
                        + " error, such as 'section-empty: warning', found a list",
                "rules: 3|'rules' must map rule ids to one of off, info, warning, error, such as"
                        + " 'section-empty: warning', found a number (3)",
                "rules: {section-empty: 2}|rule 'section-empty' must be one of off, info, warning,"
                        + " error, found a number (2)",
                "rules: {section-empty: }|rule 'section-empty' must be one of off, info, warning,"
                        + " error, found nothing",
                "rules: {section-empty: yes}|rule 'section-empty' must be one of off, info,"
                        + " warning, error, found 'yes' (YAML 1.1 reads it as true, YAML 1.2 as text)",
                // strict
                "strict: 1|'strict' must be true or false, found a number (1)",
                "strict: yes|'strict' must be true or false, found 'yes' (YAML 1.1 reads it as"
                        + " true, YAML 1.2 as text): write true",
                "strict: 'true'|'strict' must be true or false, found 'true' (write it without"
                        + " quotes)",
                "strict:|'strict' must be true or false, found nothing",
                "strict: [true]|'strict' must be true or false, found a list",
                // baseline
                "baseline: 42|" + BASELINE + ", found a number (42)",
                "baseline: [.specgate-baseline.json]|" + BASELINE + ", found a list",
                "baseline:|" + BASELINE + ", found nothing",
                "baseline: ''|" + BASELINE + ", found nothing",
                "baseline: false|" + BASELINE + ", found a boolean (false)",
                // version
                "version: 1.0|'version' must be 1, found a number (1.0)",
                "version: [1]|'version' must be 1, found a list",
                "version: v1|'version' must be 1, found 'v1'",
                "version:|'version' must be 1, found nothing",
                // max-file-size
                "max-file-size: 16MB|"
                        + SIZE
                        + ", found '16MB' (units are B, KiB and MiB: 1KiB"
                        + " is 1024 bytes)",
                "max-file-size: 1GiB|"
                        + SIZE
                        + ", found '1GiB' (units are B, KiB and MiB: 1KiB"
                        + " is 1024 bytes)",
                "max-file-size: 16mib|"
                        + SIZE
                        + ", found '16mib' (units are B, KiB and MiB: 1KiB"
                        + " is 1024 bytes)",
                "max-file-size: 1.5MiB|" + SIZE + ", found '1.5MiB'",
                "max-file-size: 2.5|" + SIZE + ", found a number (2.5)",
                "max-file-size: large|" + SIZE + ", found 'large'",
                "max-file-size: [16MiB]|" + SIZE + ", found a list",
                "max-file-size: true|" + SIZE + ", found a boolean (true)",
                "max-file-size:|" + SIZE + ", found nothing",
                "max-file-size: 0|'max-file-size' must be positive, found a number (0)",
                "max-file-size: 0MiB|'max-file-size' must be positive, found '0MiB'",
                "max-file-size: -1|'max-file-size' must be positive, found a number (-1)",
                "max-file-size: 1025MiB|'max-file-size' must be at most 1GiB (1024MiB), found"
                        + " '1025MiB'",
                "max-file-size: 1048577KiB|'max-file-size' must be at most 1GiB (1024MiB), found"
                        + " '1048577KiB'",
                "max-file-size: 1073741825|'max-file-size' must be at most 1GiB (1024MiB), found a"
                        + " number (1073741825)",
                "max-file-size: 99999999999999999999999|'max-file-size' must be at most 1GiB"
                        + " (1024MiB), found a number (99999999999999999999999)",
                // the file itself
                "42|the configuration must be a mapping of keys (allowed: version, template,"
                        + " specs, ignore, new-file-name, rules, strict, baseline, max-file-size, cache, metadata, lifecycle, approval-field, working-checklists, gates, sections, placeholders, mcp), found a number"
                        + " (42)",
            })
    void aValueOfTheWrongKindNamesFileLineWhatWasExpectedAndWhatWasFound(
            String yaml, String problem) throws IOException {
        ConfigException e = failure("# Specgate configuration\n" + yaml + "\n");

        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo(dir.resolve(".specgate.yml") + ":2: " + problem);
    }

    @Test
    void aBadItemDeepInABlockListNamesItsOwnLine() throws IOException {
        ConfigException e =
                failure(
                        """
                        version: 1
                        specs:
                          - directives/spec/**/*.md
                          - directives/tasks/**/*_task_*.md
                          - 404
                        """);

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.problem()).startsWith(SPECS + ", found a number (404) in the list");
    }

    @Test
    void valuesOfTheRightKindAreTaken() throws Exception {
        SpecgateConfig c =
                load(
                        """
                        version: "1"
                        specs: docs/adr/*.md
                        ignore: []
                        rules:
                          section-empty: off
                          link-broken: false
                          field-value: "warning"
                        strict: False
                        baseline: "2026 baseline.json"
                        """);

        assertThat(c.specs()).extracting(Glob::toString).containsExactly("docs/adr/*.md");
        assertThat(c.ignore()).isEmpty();
        assertThat(c.rules())
                .containsEntry("section-empty", RuleLevel.OFF)
                .containsEntry("link-broken", RuleLevel.OFF)
                .containsEntry("field-value", RuleLevel.WARNING);
        assertThat(c.strict()).contains(false);
        assertThat(c.baseline()).contains(c.baseDir().resolve("2026 baseline.json"));
    }

    @Test
    void quotedNumbersAndDatesAreGlobsAndTemplates() throws Exception {
        Files.createDirectories(dir.resolve("2026"));
        Files.writeString(dir.resolve("2026/42"), "# Decision\n\n## Context\n{{why}}\n");

        SpecgateConfig c = load("template: '2026/42'\nspecs: ['2026-10-02', \"42\"]\n");

        assertThat(c.schema().name()).isEqualTo("2026/42");
        assertThat(c.specs()).extracting(Glob::toString).containsExactly("2026-10-02", "42");
    }

    @Test
    void ignoreWithNothingOrAnEmptyListIgnoresNothing() throws Exception {
        assertThat(load("ignore:\n#  - directives/spec/archive/\n").ignore()).isEmpty();
        assertThat(load("ignore: []\n").ignore()).isEmpty();
    }

    @Test
    void aTemplateThatIsAFolderIsNamedAsOne() throws IOException {
        Files.createDirectories(dir.resolve("docs/adr"));

        ConfigException e = failure("template: docs\n");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem())
                .isEqualTo(
                        "template 'docs' is a folder, not a template file (allowed: rigour-vibe,"
                                + " or the path of a Markdown template relative to .specgate.yml)");
    }

    @Test
    void aTemplateThatIsALinkLoopOrABrokenLinkIsNamedAsOne() throws IOException {
        Files.createSymbolicLink(dir.resolve("template.md"), Path.of("adr.md"));
        Files.createSymbolicLink(dir.resolve("adr.md"), Path.of("template.md"));
        Files.createSymbolicLink(dir.resolve("moved.md"), Path.of("docs/gone.md"));

        assertThat(failure("template: template.md\n").problem())
                .startsWith(
                        "template 'template.md' is a symbolic link loop (too many levels of"
                                + " symbolic links: "
                                + dir.toAbsolutePath().resolve("template.md")
                                + " -> adr.md -> template.md), not a template file");
        assertThat(failure("template: moved.md\n").problem())
                .startsWith(
                        "template 'moved.md' is a broken symbolic link (its target does not"
                                + " exist), not a template file");
    }

    @Test
    void aTemplateThatIsADeviceIsNotReadForever() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "a /dev/zero");

        assertThat(failure("template: /dev/zero\n").problem())
                .startsWith(
                        "template '/dev/zero' is not a regular file (a device, pipe or socket),"
                                + " not a template file");
    }

    @Test
    void aConfigurationThatIsNotARegularFileSaysWhatItIs() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("config"));
        Path loop = Files.createSymbolicLink(dir.resolve("loop.yml"), Path.of("loop.yml"));
        Path broken = Files.createSymbolicLink(dir.resolve("old.yml"), Path.of("gone.yml"));

        assertThat(loadFailure(folder))
                .isEqualTo(folder + ": is a folder, not a configuration file");
        assertThat(loadFailure(loop))
                .isEqualTo(
                        loop
                                + ": is a symbolic link loop (too many levels of symbolic links: "
                                + loop
                                + " -> loop.yml), not a configuration file");
        assertThat(loadFailure(broken))
                .isEqualTo(
                        broken
                                + ": is a broken symbolic link (its target does not exist), not a"
                                + " configuration file");
        assertThat(loadFailure(dir.resolve("absent.yml")))
                .isEqualTo(dir.resolve("absent.yml") + ": configuration file not found");
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "a /dev/null");
        assertThat(loadFailure(devNull))
                .isEqualTo(
                        "/dev/null: is not a regular file (a device, pipe or socket), not a"
                                + " configuration file");
    }

    private static String loadFailure(Path file) {
        try {
            SpecProject.configLoader().load(file);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigException for " + file);
    }
}
