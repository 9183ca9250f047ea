package dev.specgate.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.config.ConfigLoader;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.registry.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a search that found nothing says it saw near where it looked ({@link
 * ConfiguredDiscovery#nothingFound}): a spec folder spelt another way, with what was meant, and
 * files named like specs outside where specs are looked for; and what it looked for, true of the
 * folder searched.
 */
class NearMissesTest {

    private static final String DEFAULT =
            "Markdown files in a directives/spec/ folder and task lists in directives/tasks/, at"
                    + " any depth";
    private static final String LOOSE =
            ", or else (as it has no directives/ folder) the Markdown files directly in it";

    @TempDir Path root;

    private void write(String path) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "\uFEFF# Technical Specification: Señal\r\n\r\n**Created:** x\r\n");
    }

    private String nothingFound(Path dir) {
        ConfiguredDiscovery discovery = new ConfiguredDiscovery(Optional.empty());
        assertThat(discovery.find(List.of(dir)).isEmpty()).isTrue();
        return discovery.nothingFound(dir);
    }

    @Test
    void aSpecFolderInAnotherCaseIsNamedWithTheOneMeant() throws IOException {
        write("Directives/Spec/2026-10-02_spec_a.md");
        write("Directives/Spec/team/2026-10-03_spec_b.MD");

        assertThat(nothingFound(root))
                .isEqualTo(
                        DEFAULT
                                + LOOSE
                                + "; found Directives/Spec/ with 2 Markdown files: did you mean"
                                + " directives/spec/? (or set specs: in .specgate.yml)");
    }

    @Test
    void aPluralOrMisspeltFolderBelowOthersIsNamedWhereItIs() throws IOException {
        write("services/pay/directives/specs/2026-10-02_spec_a.md");
        write("services/pay/directive/tasks/2026-10-02_task_a.md");
        write("services/pay/directives/spce/notes.markdown");

        assertThat(nothingFound(root))
                .isEqualTo(
                        DEFAULT
                                + LOOSE
                                + "; found services/pay/directive/tasks/ with 1 Markdown file: did"
                                + " you mean services/pay/directives/tasks/?"
                                + "; found services/pay/directives/spce/ with 1 Markdown file: did"
                                + " you mean services/pay/directives/spec/?"
                                + "; found services/pay/directives/specs/ with 1 Markdown file: did"
                                + " you mean services/pay/directives/spec/?"
                                + " (or set specs: in .specgate.yml)");
    }

    @Test
    void theFolderSearchedMayBeTheMisspeltOneItself() throws IOException {
        write("directives/specs/2026-10-02_spec_a.md");
        write("directives/specs/2026-10-03_spec_b.md");
        Path given = root.resolve("directives/specs");

        assertThat(nothingFound(given))
                .isEqualTo(
                        DEFAULT
                                + "; it is no spec folder but holds 2 Markdown files: did you mean "
                                + root.resolve("directives/spec")
                                + "/? (or set specs: in .specgate.yml)");
    }

    @Test
    void aLikeFolderWithoutMarkdownIsNoHint() throws IOException {
        Files.createDirectories(root.resolve("directives/specs"));
        Files.writeString(root.resolve("directives/specs/notes.txt"), "x");

        assertThat(nothingFound(root)).isEqualTo(DEFAULT);
    }

    @Test
    void specNamedFilesElsewhereAreNamedThreeAtMost() throws IOException {
        write("docs/2026-10-02_spec_a.md");
        write("docs/old/2026-10-03_SPEC_b.markdown");
        write("docs/old/2026-10-04_spec_c.md");
        write("docs/old/2026-10-05_spec_d.md");
        write("docs/readme.md");
        write("target/2026-10-06_spec_built.md"); // build output: not looked into
        Files.createDirectories(root.resolve("directives"));

        String said = nothingFound(root);

        assertThat(said)
                .startsWith(
                        DEFAULT + "; found 4 files named like a spec where none is looked for: ")
                .endsWith(" and 1 more (or set specs: in .specgate.yml)")
                .doesNotContain("readme")
                .doesNotContain("built");
    }

    @Test
    void aControlCharacterInANameKeepsTheHintOneLine() throws IOException {
        write("docs/2026-10-02_spec_a\nb.md");

        assertThat(nothingFound(root))
                .isEqualTo(
                        DEFAULT
                                + LOOSE
                                + "; found a file named like a spec where none is looked for:"
                                + " docs/2026-10-02_spec_a?b.md (or set specs: in .specgate.yml)");
    }

    @Test
    void withSpecsGlobsTheGlobsFolderIsWhatWasMeant() throws Exception {
        Path file = root.resolve(".specgate.yml");
        Files.writeString(file, "specs:\n  - docs/adr/**/*.md\nignore:\n  - docs/old/\n");
        SpecgateConfig config =
                new ConfigLoader(RuleRegistry.builtin().stream().map(Rule::id).toList()).load(file);
        write("docs/ADR/0001-record.md");
        write("docs/old/2026-10-02_spec_ignored.md");
        ConfiguredDiscovery discovery = new ConfiguredDiscovery(Optional.of(config));

        assertThat(discovery.find(List.of(root)).isEmpty()).isTrue();
        assertThat(discovery.nothingFound(root))
                .isEqualTo(
                        "files matching 'docs/adr/**/*.md' (the specs: globs of .specgate.yml, less"
                                + " its ignore: globs); found docs/ADR/ with 1 Markdown file: did"
                                + " you mean docs/adr/? (or add it to the specs: globs of"
                                + " .specgate.yml)");
    }

    @Test
    void aTeamsOwnSpecFolderIsNamedWithTheGlobThatWouldTakeIt() throws IOException {
        write("docs/specs/2026-06-01-invoice-pdf.md");
        write("docs/specs/2026/payments/Rückzahlung.md");
        write("docs/specs/README.markdown");
        write("services/api/RFCs/0007-rate-limits.md");
        write("docs/guide.md"); // no folder of specs: not named

        assertThat(nothingFound(root))
                .isEqualTo(
                        DEFAULT
                                + LOOSE
                                + "; found docs/specs/ with 3 Markdown files, services/api/RFCs/"
                                + " with 1 Markdown file where none is looked for: to check them,"
                                + " put 'docs/specs/**/*.md', 'services/api/RFCs/**/*.md' in the"
                                + " specs: globs of .specgate.yml");
    }

    @Test
    void aQuoteInTheFolderIsDoubledAsYamlWritesItAndAFourthFolderIsCounted() throws IOException {
        write("bob's/specs/a.md");
        write("rfcs/b.md");
        write("design/c.md");
        write("proposals/d.md");

        assertThat(nothingFound(root))
                .isEqualTo(
                        DEFAULT
                                + LOOSE
                                + "; found bob's/specs/ with 1 Markdown file, design/ with 1"
                                + " Markdown file, proposals/ with 1 Markdown file and 1 more such"
                                + " folder where none is looked for: to check them, put"
                                + " 'bob''s/specs/**/*.md', 'design/**/*.md', 'proposals/**/*.md'"
                                + " in the specs: globs of .specgate.yml");
    }

    @Test
    void aTeamsSpecFolderIsNamedBesideTheGlobsInitWrote() throws Exception {
        Path file = root.resolve(".specgate.yml");
        Files.writeString(
                file, "specs:\n  - directives/spec/**/*.md\n  - directives/tasks/**/*_task_*.md\n");
        SpecgateConfig config =
                new ConfigLoader(RuleRegistry.builtin().stream().map(Rule::id).toList()).load(file);
        write("docs/specs/2026-06-01-invoice-pdf.md");
        write("directive/spec/2026-06-02-export.md");
        ConfiguredDiscovery discovery = new ConfiguredDiscovery(Optional.of(config));

        assertThat(discovery.find(List.of(root)).isEmpty()).isTrue();
        assertThat(discovery.nothingFound(root))
                .endsWith(
                        "; found directive/spec/ with 1 Markdown file: did you mean"
                                + " directives/spec/? (or add it to the specs: globs of"
                                + " .specgate.yml); found docs/specs/ with 1 Markdown file where"
                                + " none is looked for: to check them, put 'docs/specs/**/*.md' in"
                                + " the specs: globs of .specgate.yml");
    }

    @Test
    void theLooseMarkdownClauseIsSaidOnlyWhereItHolds() throws IOException {
        Files.createDirectories(root.resolve("directives"));
        Path inside = Files.createDirectories(root.resolve("directives/other"));
        Path plain = Files.createDirectories(root.resolve("plain"));
        ConfiguredDiscovery discovery = new ConfiguredDiscovery(Optional.empty());

        assertThat(discovery.lookedFor(root)).isEqualTo(DEFAULT);
        assertThat(discovery.lookedFor(inside)).isEqualTo(DEFAULT);
        assertThat(discovery.lookedFor(plain)).isEqualTo(DEFAULT + LOOSE);
    }

    @Test
    void nearNamesAreCaseOneEditOrALongerForm() {
        assertThat(NearMisses.near("Spec", "spec")).isTrue();
        assertThat(NearMisses.near("specs", "spec")).isTrue();
        assertThat(NearMisses.near("sepc", "spec")).isTrue();
        assertThat(NearMisses.near("specifications", "spec")).isTrue();
        assertThat(NearMisses.near("directive", "directives")).isTrue();
        assertThat(NearMisses.near("docs", "spec")).isFalse();
        assertThat(NearMisses.near("sp", "spec")).isFalse();
        assertThat(NearMisses.namedLikeASpec("2026-10-02_SPEC_x.md")).isTrue();
        assertThat(NearMisses.namedLikeASpec("2026-10-02_task_x.md")).isFalse();
        assertThat(NearMisses.namedLikeASpec("2026-10-02_spec_")).isFalse();
    }
}
