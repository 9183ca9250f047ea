package dev.specgate.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.config.ConfigLoader;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.registry.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
                                + " put 'docs/specs/**/*.{md,markdown}', 'services/api/RFCs/**/*.md'"
                                + " in the specs: globs of "
                                + newConfigIn(root));
    }

    @Test
    void aQuoteInTheFolderIsDoubledAsYamlWritesIt() throws IOException {
        write("bob's/specs/a.md");

        assertThat(nothingFound(root))
                .endsWith(
                        "; found bob's/specs/ with 1 Markdown file where none is looked for: to"
                                + " check them, put 'bob''s/specs/**/*.md' in the specs: globs of "
                                + newConfigIn(root));
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

    /** What a hint without a configuration names: a new one in {@code dir}, and init's command. */
    private static String newConfigIn(Path dir) {
        return "a new " + dir.resolve(".specgate.yml") + " (specgate init " + dir + " writes one)";
    }

    private static SpecgateConfig load(Path file) throws ConfigException {
        return new ConfigLoader(RuleRegistry.builtin().stream().map(Rule::id).toList()).load(file);
    }

    /** The globs a hint says to put in specs:, each in the YAML single quotes it is written in. */
    private static List<String> globsSaid(String said) {
        int put = said.lastIndexOf(", put ");
        String globs = said.substring(put + 6, said.indexOf(" in the specs: globs of ", put));
        List<String> quoted = new ArrayList<>();
        Matcher m = Pattern.compile("'(?:[^']|'')*'").matcher(globs);
        while (m.find()) {
            quoted.add(m.group());
        }
        assertThat(String.join(", ", quoted)).isEqualTo(globs);
        return quoted;
    }

    private static Set<Path> takenBy(Path file, List<String> globs) throws Exception {
        return takenBy(file, globs, List.of(), "");
    }

    /**
     * What a search of {@code file}'s folder finds once {@code globs} are pasted into the {@code
     * specs:} of {@code file}, after the globs {@code kept}, and {@code rest} follows them: the
     * specs, as absolute paths.
     */
    private static Set<Path> takenBy(Path file, List<String> globs, List<String> kept, String rest)
            throws Exception {
        StringBuilder yaml = new StringBuilder("# pasted from the hint\r\nspecs:\r\n");
        for (String glob : kept) {
            yaml.append("  - ").append(glob).append("\r\n");
        }
        for (String glob : globs) {
            yaml.append("  - ").append(glob).append("   # from the hint\r\n");
        }
        yaml.append(rest);
        Files.writeString(file, yaml);
        ConfiguredDiscovery discovery = new ConfiguredDiscovery(Optional.of(load(file)));
        return discovery.find(List.of(file.getParent())).specs().stream()
                .map(p -> p.toAbsolutePath().normalize())
                .collect(Collectors.toSet());
    }

    private Set<Path> files(String... paths) {
        return Stream.of(paths).map(p -> root.resolve(p).normalize()).collect(Collectors.toSet());
    }

    @Test
    void theGlobIsWrittenFromTheConfigurationsFolderNotTheSearchedOne() throws Exception {
        Path file = root.resolve(".specgate.yml");
        Files.writeString(file, "specs:\n  - docs/specs/**/*.md\n");
        write("billing/docs/specs/2026-06-01-invoice-pdf.md");
        write("billing/docs/specs/payments/Rückzahlung.md");
        write("docs/guide.md");
        Path sub = root.resolve("billing");
        ConfiguredDiscovery discovery = new ConfiguredDiscovery(Optional.of(load(file)));
        assertThat(discovery.find(List.of(sub)).isEmpty()).isTrue();

        String said = discovery.nothingFound(sub);

        assertThat(said)
                .isEqualTo(
                        "files matching 'docs/specs/**/*.md' (the specs: globs of "
                                + file
                                + "); found docs/specs/ with 2 Markdown files where none is looked"
                                + " for: to check them, put 'billing/docs/specs/**/*.md' in the"
                                + " specs: globs of "
                                + file);
        assertThat(takenBy(file, globsSaid(said), List.of("docs/specs/**/*.md"), ""))
                .isEqualTo(
                        files(
                                "billing/docs/specs/2026-06-01-invoice-pdf.md",
                                "billing/docs/specs/payments/Rückzahlung.md"));
    }

    @Test
    void aFolderSearchedByARelativePathNamesTheConfigurationFromTheWorkingFolder()
            throws Exception {
        Path file = root.resolve(".specgate.yml");
        Files.writeString(file, "specs:\n  - directives/spec/**/*.md\n");
        write("api/rfcs/0007-rate-limits.md");
        Path here = Path.of("").toAbsolutePath();
        Path sub = here.relativize(root.resolve("api"));
        ConfiguredDiscovery discovery = new ConfiguredDiscovery(Optional.of(load(file)));
        assertThat(discovery.find(List.of(sub)).isEmpty()).isTrue();

        assertThat(discovery.nothingFound(sub))
                .isEqualTo(
                        "files matching 'directives/spec/**/*.md' (the specs: globs of "
                                + here.relativize(file)
                                + "); found rfcs/ with 1 Markdown file where none is looked for:"
                                + " to check them, put 'api/rfcs/**/*.md' in the specs: globs of "
                                + here.relativize(file));
    }

    @Test
    void aFolderOutsideTheFolderOfAConfigurationNamedElsewhereGetsNoGlob() throws Exception {
        Path file = Files.createDirectories(root.resolve("conf")).resolve(".specgate.yml");
        Files.writeString(file, "specs:\n  - directives/spec/**/*.md\n");
        write("work/docs/specs/2026-06-01-invoice-pdf.md");
        Path work = root.resolve("work");
        ConfiguredDiscovery discovery = new ConfiguredDiscovery(Optional.of(load(file)));
        assertThat(discovery.find(List.of(work)).isEmpty()).isTrue();

        assertThat(discovery.nothingFound(work))
                .isEqualTo(
                        "files matching 'directives/spec/**/*.md' (the specs: globs of "
                                + file
                                + "); found docs/specs/ with 1 Markdown file where none is looked"
                                + " for, outside the folder of "
                                + file
                                + ": its specs: globs take no file there");
    }

    @Test
    void withoutAConfigurationTheGlobGoesInANewOneInTheFolderSearched() throws Exception {
        write("billing/docs/specs/2026-06-01-invoice-pdf.md");
        write("billing/docs/specs/README.markdown");
        Path sub = root.resolve("billing");

        String said = nothingFound(sub);

        assertThat(said)
                .endsWith(
                        "; found docs/specs/ with 2 Markdown files where none is looked for: to"
                                + " check them, put 'docs/specs/**/*.{md,markdown}' in the specs:"
                                + " globs of "
                                + newConfigIn(sub));
        assertThat(takenBy(sub.resolve(".specgate.yml"), globsSaid(said)))
                .isEqualTo(
                        files(
                                "billing/docs/specs/2026-06-01-invoice-pdf.md",
                                "billing/docs/specs/README.markdown"));
    }

    @Test
    void aConfigurationThatIsThereButNotReadIsNamedAlone() throws IOException {
        write("docs/specs/2026-06-01-invoice-pdf.md");
        Files.writeString(root.resolve(".specgate.yml"), "specs:\n  - nowhere/*.md\n");

        assertThat(nothingFound(root))
                .endsWith(
                        " put 'docs/specs/**/*.md' in the specs: globs of "
                                + root.resolve(".specgate.yml"));
    }

    @Test
    void globCharactersInAFolderNameAreWrittenAsSetsOfThemselves() throws Exception {
        write("[a]/specs/2026-06-01-invoice-pdf.md");
        write("a/specs/decoy.md"); // what '[a]' takes when it is read as a set
        write("x*{1,2}?/rfcs/0001-retries.md");

        String said = nothingFound(root);

        assertThat(said)
                .endsWith(
                        "; found [a]/specs/ with 1 Markdown file, a/specs/ with 1 Markdown file,"
                                + " x*{1,2}?/rfcs/ with 1 Markdown file where none is looked for:"
                                + " to check them, put '[[]a]/specs/**/*.md', 'a/specs/**/*.md',"
                                + " 'x[*][{]1,2[}][?]/rfcs/**/*.md' in the specs: globs of "
                                + newConfigIn(root));
        List<String> globs = globsSaid(said);
        Path file = root.resolve(".specgate.yml");
        assertThat(takenBy(file, List.of(globs.get(0))))
                .isEqualTo(files("[a]/specs/2026-06-01-invoice-pdf.md"));
        assertThat(takenBy(file, List.of(globs.get(2))))
                .isEqualTo(files("x*{1,2}?/rfcs/0001-retries.md"));
    }

    @Test
    void aNameYamlOrAGlobWouldReadOtherwiseStillGivesAGlobThatTakesIt() throws Exception {
        write(" team/specs/2026-06-01-invoice-pdf.md"); // Glob.of trims the glob it is given
        write("back\\slash/specs/2026-06-02-export.md"); // Glob reads a backslash as '/'
        write("line\u2028break/design/Überblick.md"); // a line break to YAML

        String said = nothingFound(root);

        assertThat(said)
                .endsWith(
                        " where none is looked for: to check them, put '[ ]team/specs/**/*.md',"
                                + " 'back/slash/specs/**/*.md', 'line?break/design/**/*.md' in the"
                                + " specs: globs of "
                                + newConfigIn(root));
        assertThat(takenBy(root.resolve(".specgate.yml"), globsSaid(said)))
                .isEqualTo(
                        files(
                                " team/specs/2026-06-01-invoice-pdf.md",
                                "back\\slash/specs/2026-06-02-export.md",
                                "line\u2028break/design/Überblick.md"));
    }

    @Test
    void aSpecFolderInsideAnotherIsTakenByTheOuterOnesGlob() throws Exception {
        write("docs/specs/2026-06-01-invoice-pdf.md");
        write("docs/specs/rfcs/0001-retries.md");
        write("docs/specs/rfcs/0002-idempotency.MD");
        write("docs/specs/design/archive/old.md");

        String said = nothingFound(root);

        assertThat(said)
                .endsWith(
                        "; found docs/specs/ with 4 Markdown files where none is looked for: to"
                                + " check them, put 'docs/specs/**/*.{md,MD}' in the specs: globs of "
                                + newConfigIn(root));
        assertThat(takenBy(root.resolve(".specgate.yml"), globsSaid(said)))
                .isEqualTo(
                        files(
                                "docs/specs/2026-06-01-invoice-pdf.md",
                                "docs/specs/rfcs/0001-retries.md",
                                "docs/specs/rfcs/0002-idempotency.MD",
                                "docs/specs/design/archive/old.md"));
    }

    @Test
    void pastThreeFoldersOneGlobTakesThemAll() throws Exception {
        Path file = root.resolve(".specgate.yml");
        String ignore = "ignore:\n  - '**/drafts/'\n";
        Files.writeString(file, "specs:\n  - directives/spec/**/*.md\n" + ignore);
        write("services/bob's/specs/2026-06-01-invoice-pdf.md");
        write("services/a,b/rfcs/0001-retries.markdown");
        write("services/design/overview.md");
        write("services/proposals/0003-quotas.md");
        write("services/proposals/drafts/ignored.md");
        write("services/team/specs/Rückzahlung.md");
        write("services/README.md"); // in no folder of specs: not named, not taken
        ConfiguredDiscovery discovery = new ConfiguredDiscovery(Optional.of(load(file)));
        assertThat(discovery.find(List.of(root)).isEmpty()).isTrue();

        String said = discovery.nothingFound(root);

        assertThat(said)
                .endsWith(
                        "; found services/a,b/rfcs/ with 1 Markdown file, services/bob's/specs/"
                                + " with 1 Markdown file, services/design/ with 1 Markdown file and"
                                + " 2 more such folders where none is looked for: to check them"
                                + " all, put 'services/{a[,]b/rfcs,bob''s/specs,design,proposals,"
                                + "team/specs}/**/*.{md,markdown}' in the specs: globs of"
                                + " .specgate.yml");
        assertThat(takenBy(file, globsSaid(said), List.of("directives/spec/**/*.md"), ignore))
                .isEqualTo(
                        files(
                                "services/bob's/specs/2026-06-01-invoice-pdf.md",
                                "services/a,b/rfcs/0001-retries.markdown",
                                "services/design/overview.md",
                                "services/proposals/0003-quotas.md",
                                "services/team/specs/Rückzahlung.md"));
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

    /**
     * A team that keeps its design doc template beside its docs ({@code design/template/}, the docs
     * in {@code design/docs/}) was told after every check that {@code design/} holds a Markdown
     * file where none is looked for, to be checked by a glob that takes the template itself as a
     * spec. The template the configuration names is no spec; a draft beside it is.
     */
    @Test
    void theTemplateFileTheConfigurationNamesIsNoSpecLeftOut() throws Exception {
        Path template = Files.createDirectories(root.resolve("design/template"));
        Files.writeString(
                template.resolve("design-doc.md"),
                "---\r\ntitle: \"[Short, descriptive title]\"\r\nstatus: \"[Draft | In review |"
                        + " Approved]\"\r\nlast-updated: YYYY-MM-DD\r\n---\r\n\r\n# [Short,"
                        + " descriptive title]\r\n\r\n## Objective\r\n\r\n[What this design"
                        + " achieves.]\r\n\r\n## Alternatives considered\r\n\r\n### Alternative:"
                        + " [Name]\r\n\r\n[Why it was not chosen.]\r\n");
        Path docs = Files.createDirectories(root.resolve("design/docs"));
        Files.writeString(
                docs.resolve("2026-04-14-größen-limits.md"),
                "\uFEFF---\r\ntitle: \"Größenlimits\"\r\nstatus: Draft\r\nlast-updated:"
                        + " 2026-04-20\r\n---\r\n\r\n# Größenlimits\r\n\r\n## Objective\r\n\r\n"
                        + "Uploads `[0, 5 GiB]`.\r\n\r\n## Alternatives considered\r\n\r\nNone.\r\n");
        Path file = root.resolve(".specgate.yml");
        Files.writeString(
                file, "template: design/template/design-doc.md\nspecs:\n  - design/docs/*.md\n");
        ConfiguredDiscovery discovery = new ConfiguredDiscovery(Optional.of(load(file)));
        assertThat(discovery.find(List.of(root)).specs()).hasSize(1);

        assertThat(discovery.seenNear(root)).isEmpty();

        // a draft someone left beside the template is still said
        Files.writeString(template.resolve("notes.md"), "# Search ranking v2\r\n\r\nTo do.\r\n");
        assertThat(discovery.seenNear(root))
                .isEqualTo(
                        "found design/ with 1 Markdown file where none is looked for: to check"
                                + " them, put 'design/**/*.md' in the specs: globs of"
                                + " .specgate.yml");
    }
}
