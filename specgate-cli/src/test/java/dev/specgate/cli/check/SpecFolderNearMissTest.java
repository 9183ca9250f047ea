package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A spec folder spelt in another case or misspelt is never skipped without a word: {@code check}
 * and {@code list} that find nothing say what they looked for there (true of that folder: the
 * Markdown files directly in it only when it has no {@code directives/} folder) and what they saw
 * near it, with exit 2.
 */
class SpecFolderNearMissTest {

    private static final String LOOKED_FOR =
            ": looked for Markdown files in a directives/spec/ folder and task lists in"
                    + " directives/tasks/, at any depth";
    private static final String NEW_HINT = "; specgate new \"TITLE\" writes a spec";

    @TempDir Path root;

    /** Writes specs (CRLF, a BOM, non-ASCII) as {@code folder/NAME} and returns {@code root}. */
    private void specsIn(String folder, String... names) throws IOException {
        Path dir = Files.createDirectories(root.resolve(folder));
        byte[] text =
                ("\uFEFF" + cleanSpec().replace("\r\n", "\n").replace("\n", "\r\n"))
                        .getBytes(StandardCharsets.UTF_8);
        for (String name : names) {
            Files.write(dir.resolve(name), text);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Directives/Spec",
                "directives/Spec",
                "directives/specs",
                "directive/spec",
                "DIRECTIVES/spec"
            })
    void aMisspeltSpecFolderIsNamedWithWhatWasMeant(String folder) throws IOException {
        specsIn(folder, "2026-10-02_spec_a.md", "2026-10-03_spec_b.md", "notes.markdown");
        boolean hasDirectives = folder.startsWith("directives/");

        CliRun check = CliRun.of("check", root.toString());
        CliRun list = CliRun.of("list", root.toString());

        String expected =
                "specgate: no specs found under "
                        + root
                        + LOOKED_FOR
                        + (hasDirectives
                                ? ""
                                : ", or else (as it has no directives/ folder) the Markdown files"
                                        + " directly in it")
                        + "; found "
                        + folder
                        + "/ with 3 Markdown files: did you mean directives/spec/? (or set specs:"
                        + " in .specgate.yml)"
                        + NEW_HINT;
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.out()).isEmpty();
        assertThat(check.err().strip()).isEqualTo(expected);
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err().strip()).isEqualTo(expected);
    }

    @Test
    void aMisspeltFolderNamedAsThePathSaysWhatWasMeant() throws IOException {
        specsIn("directives/specs", "2026-10-02_spec_a.md", "2026-10-03_spec_b.md");
        Path given = root.resolve("directives/specs");

        CliRun check = CliRun.of("check", given.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err().strip())
                .isEqualTo(
                        "specgate: no specs found under "
                                + given
                                + LOOKED_FOR
                                + "; it is no spec folder but holds 2 Markdown files: did you mean "
                                + root.resolve("directives/spec")
                                + "/? (or set specs: in .specgate.yml)"
                                + NEW_HINT);
    }

    @Test
    void aDirectivesFolderMeansLooseMarkdownIsNotTakenAndTheHintSaysSo() throws IOException {
        Files.createDirectories(root.resolve("directives"));
        specsIn(".", "README.md");

        CliRun check = CliRun.of("check", root.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err().strip())
                .isEqualTo("specgate: no specs found under " + root + LOOKED_FOR + NEW_HINT);
    }

    @Test
    void filesNamedLikeSpecsOutsideTheSpecFolderAreNamed() throws IOException {
        Files.createDirectories(root.resolve("directives/spec"));
        specsIn("docs/design", "2026-10-02_spec_señal.md", "2026-10-03_SPEC_b.MD", "overview.md");
        specsIn("notes", "2026-10-04_spec_c.md", "2026-10-05_spec_d.markdown");
        specsIn("node_modules/x", "2026-10-06_spec_vendored.md");

        CliRun check = CliRun.of("check", root.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err().strip())
                .startsWith("specgate: no specs found under " + root + LOOKED_FOR + "; found 4")
                .contains(" files named like a spec where none is looked for: ")
                .contains(
                        " and 1 more (or set specs: in .specgate.yml); found docs/design/ with 3"
                                + " Markdown files where none is looked for: to check them, put"
                                + " 'docs/design/**/*.{md,MD}' in the specs: globs of a new "
                                + root.resolve(".specgate.yml")
                                + " (specgate init "
                                + root
                                + " writes one)"
                                + NEW_HINT)
                .doesNotContain("overview.md")
                .doesNotContain("vendored");
    }

    @Test
    void withSpecsGlobsAMisspeltGlobFolderIsNamed() throws IOException {
        Files.writeString(root.resolve(".specgate.yml"), "specs:\n  - docs/adr/*.md\n");
        specsIn("docs/ADRs", "0001-record.md", "0002-record.md");

        CliRun check = CliRun.of("check", root.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err().strip())
                .isEqualTo(
                        "specgate: no specs found under "
                                + root
                                + ": looked for files matching 'docs/adr/*.md' (the specs: globs"
                                + " of .specgate.yml); found docs/ADRs/ with 2 Markdown files:"
                                + " did you mean docs/adr/? (or add it to the specs: globs of"
                                + " .specgate.yml)"
                                + NEW_HINT);
    }

    @Test
    void anEmptyFolderSaysNoMoreThanWhatWasLookedFor() {
        CliRun check = CliRun.of("check", root.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err().strip())
                .isEqualTo(
                        "specgate: no specs found under "
                                + root
                                + LOOKED_FOR
                                + ", or else (as it has no directives/ folder) the Markdown files"
                                + " directly in it"
                                + NEW_HINT);
    }

    /** The one glob a hint says to put in specs:, as it is written (in YAML's single quotes). */
    private static String globSaid(String err) {
        Matcher m = Pattern.compile(", put ('(?:[^']|'')*') in the specs: globs of ").matcher(err);
        assertThat(m.find()).as(err).isTrue();
        return m.group(1);
    }

    /** {@code file} with {@code glob} pasted as the first item of its {@code specs:}. */
    private static void paste(Path file, String glob) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains("\nspecs:\n");
        Files.writeString(file, text.replace("\nspecs:\n", "\nspecs:\n  - " + glob + "\n"));
    }

    @Test
    void aFolderBelowTheConfigurationGetsTheGlobThatConfigurationTakes() throws IOException {
        assertThat(CliRun.of("init", root.toString()).exitCode()).isZero();
        specsIn("billing/docs/specs", "2026-06-01_spec_invoice-pdf.md", "Rückzahlung.md");
        Path billing = root.resolve("billing");

        CliRun check = CliRun.of("check", billing.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err().strip())
                .endsWith(
                        "; found docs/specs/ with 2 Markdown files where none is looked for: to"
                                + " check them, put 'billing/docs/specs/**/*.md' in the specs:"
                                + " globs of "
                                + root.resolve(".specgate.yml")
                                + NEW_HINT);
        paste(root.resolve(".specgate.yml"), globSaid(check.err()));
        CliRun list = CliRun.of("list", "--format", "json", billing.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .contains("docs/specs/2026-06-01_spec_invoice-pdf.md")
                .contains("docs/specs/Rückzahlung.md");
    }

    @Test
    void withoutAConfigurationTheHintSaysWhereInitWritesTheOneItGoesIn() throws IOException {
        specsIn("billing/docs/specs", "2026-06-01_spec_invoice-pdf.md");
        specsIn("billing/docs/specs/rfcs", "0001-retries.md");
        Path billing = root.resolve("billing");

        CliRun check = CliRun.of("check", billing.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err().strip())
                .endsWith(
                        "; found docs/specs/ with 2 Markdown files where none is looked for: to"
                                + " check them, put 'docs/specs/**/*.md' in the specs: globs of a"
                                + " new "
                                + billing.resolve(".specgate.yml")
                                + " (specgate init "
                                + billing
                                + " writes one)"
                                + NEW_HINT);
        assertThat(CliRun.of("init", billing.toString()).exitCode()).isZero();
        paste(billing.resolve(".specgate.yml"), globSaid(check.err()));
        CliRun list = CliRun.of("list", "--format", "json", billing.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .contains("docs/specs/2026-06-01_spec_invoice-pdf.md")
                .contains("docs/specs/rfcs/0001-retries.md");
    }
}
