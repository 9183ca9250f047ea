package dev.specgate.core.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.RuleIds;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A spec adopted from before the template, whose sections carry other names: {@code
 * section-missing} names the heading that is probably the section renamed and the {@code aliases:}
 * line that accepts it, which, pasted into {@code .specgate.yml}, ends the finding; and suggests
 * nothing when no heading fits.
 */
class SectionRenameTest {

    private static final String TEMPLATE =
            "# Design: [Name]\n\n**Status:** Draft | Review | Approved\n\n"
                    + "## Executive Summary\n[Two lines]\n\n## Goals\n- [Goal]\n\n"
                    + "## Risk Assessment\n[Risks]\n\n## Rollout Plan\n[Steps]\n\n"
                    + "## Rollback Strategy\n[Undo]\n";

    @TempDir Path root;

    private Path spec(String markdown) throws IOException {
        Files.writeString(root.resolve("template.md"), TEMPLATE);
        Path file = root.resolve("directives/spec/2026-11-20_spec_ledger-export.md");
        Files.createDirectories(file.getParent());
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = markdown.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        return Files.write(file, all);
    }

    private List<Diagnostic> missing(String config, Path file) throws Exception {
        Files.writeString(root.resolve(".specgate.yml"), "template: template.md\n" + config);
        SpecProject project = SpecProject.open(root, ConfigChoice.nearest());
        CheckResult result =
                project.inspect(file, SpecProject.asOf(LocalDate.of(2026, 11, 25))).result();
        return result.diagnostics().stream()
                .filter(d -> d.ruleId().equals(RuleIds.SECTION_MISSING))
                .toList();
    }

    @Test
    void aHeadingInTheMissingSectionsPlaceIsNamedWithTheAliasLineThatAcceptsIt() throws Exception {
        Path file =
                spec(
                        "# Design: Ledger export für Zoë\n\n**Status:** Draft\n\n"
                                + "## Overview\n> One file a day, `[ledger]` batches.\n\n"
                                + "## Goals\n- Export by 02:00 UTC\n\n"
                                + "## Risk Assessment\n| risk | odds |\n|---|---|\n| late | low |\n\n"
                                + "## Rollout Plan\n1. Staging\n\n"
                                + "## Rollback Strategy\nTurn the job off.\n");

        List<Diagnostic> found = missing("", file);

        assertThat(found)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.message())
                                    .isEqualTo(
                                            "missing section '## Executive Summary' (expected"
                                                    + " before 'Goals'); the heading 'Overview' may"
                                                    + " be it, renamed: if so, add to .specgate.yml:"
                                                    + " sections: {Executive Summary: {aliases:"
                                                    + " [Overview]}}");
                            assertThat(d.range().startLine()).isEqualTo(7); // where it was
                        });
        String suggested = found.get(0).message().replaceFirst(".*add to .specgate.yml: ", "");
        assertThat(missing(suggested + "\n", file)).isEmpty();
    }

    @Test
    void aHeadingElsewhereThatNamesTheSectionIsNamedQuotedAsYamlNeedsIt() throws Exception {
        Path file =
                spec(
                        "# Design: Ledger export\n\n**Status:** Draft\n\n"
                                + "## Executive Summary\nOne file a day.\n\n"
                                + "## Goals\n- Export by 02:00\n\n"
                                + "## Rollout Plan\n1. Staging\n\n"
                                + "## Rollback Strategy\nTurn the job off.\n\n"
                                + "## Risks: what can go wrong\n- Late files\n");

        List<Diagnostic> found = missing("", file);

        assertThat(found)
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d.message())
                                        .isEqualTo(
                                                "missing section '## Risk Assessment' (expected"
                                                        + " before 'Rollout Plan'); the heading"
                                                        + " 'Risks: what can go wrong' may be it,"
                                                        + " renamed: if so, add to .specgate.yml:"
                                                        + " sections: {Risk Assessment: {aliases:"
                                                        + " ['Risks: what can go wrong']}}"));
        String suggested = found.get(0).message().replaceFirst(".*add to .specgate.yml: ", "");
        assertThat(missing(suggested + "\n", file)).isEmpty();
    }

    /**
     * Headings that YAML 1.1 reads, written plain, as something other than their text: a boolean,
     * nothing, a number, a date, or a node's indicator. The pasted line, read by the configuration
     * loader, must accept the heading (plain, {@code [No]} was refused as a boolean, {@code [null]}
     * as nothing).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "No",
                "On",
                "Yes",
                "Off",
                "y",
                "NULL",
                "null",
                "~",
                "1.0",
                "42",
                "1_000",
                "0x1F",
                "2026-01-01",
                ".inf",
                "- draft",
                "#1 priority",
                ": aside",
                "& more",
                "* starred",
                "! bang",
                "| piped",
                "% share",
                "@team",
                "{Überblick}",
                "Why, not how",
                "It's it"
            })
    void theAliasLineAcceptsAHeadingThatPlainYamlReadsAsSomethingElse(String heading)
            throws Exception {
        Path file =
                spec(
                        "# Design: Ledger export für Zoë\n\n**Status:** Draft\n\n"
                                + "## "
                                + heading
                                + "\n> One file a day, `[ledger]` batches.\n\n"
                                + "## Goals\n- Export by 02:00 UTC\n\n"
                                + "## Risk Assessment\n| risk | odds |\n|---|---|\n| late | low |\n\n"
                                + "## Rollout Plan\n1. Staging\n\n"
                                + "## Rollback Strategy\nTurn the job off.\n");

        List<Diagnostic> found = missing("", file);

        assertThat(found).singleElement();
        String message = found.get(0).message();
        assertThat(message).contains("the heading '" + heading + "' may be it");
        String suggested = message.replaceFirst(".*add to .specgate.yml: ", "");
        assertThat(missing(suggested + "\n", file)).as(suggested).isEmpty();
    }

    @Test
    void nothingIsSuggestedWhenNoHeadingFits() throws Exception {
        Path file =
                spec(
                        "# Design: Ledger export\n\n**Status:** Draft\n\n"
                                + "## Goals\n- Export by 02:00\n\n"
                                + "## Appendix: sample file\n```\n[ledger] 2026-11-20\n```\n\n"
                                + "## Rollback Strategy\nTurn the job off.\n\n"
                                + "### Rollout notes\nNone.\n");

        List<Diagnostic> found = missing("", file);

        // two sections missing between Goals and Rollback: the appendix is neither by place,
        // and its words name neither; the deeper heading is not of their level
        assertThat(found)
                .extracting(Diagnostic::message)
                .containsExactly(
                        "missing section '## Executive Summary' (expected before 'Goals')",
                        "missing section '## Risk Assessment' (expected before 'Rollback"
                                + " Strategy')",
                        "missing section '## Rollout Plan' (expected before 'Rollback"
                                + " Strategy')");
    }

    @Test
    void anAppendixAfterTheLastSectionIsNotTakenForItRenamed() throws Exception {
        Path file =
                spec(
                        "# Design: Ledger export\n\n**Status:** Draft\n\n"
                                + "## Executive Summary\nOne file a day.\n\n"
                                + "## Goals\n- Export by 02:00\n\n"
                                + "## Risk Assessment\n| risk | odds |\n|---|---|\n| late | low |\n\n"
                                + "## Rollout Plan\n1. Staging\n\n"
                                + "## Appendix\n```\n[ledger] 2026-11-20;Zoë\n```\n");

        List<Diagnostic> found = missing("", file);

        // the last section missing, the spec's end open: appendices and references go there, so
        // a heading there is no rename by its place (it was "the heading 'Appendix' may be it")
        assertThat(found)
                .extracting(Diagnostic::message)
                .containsExactly(
                        "missing section '## Rollback Strategy' (expected at the end of"
                                + " 'Design: Ledger export')");
    }

    /**
     * {@code section-missing} asks {@code SectionRename} of every spec that lacks a section, and
     * most such checks write no hint: SnakeYAML's resolver (its tags, URI escaper, {@code java.sql}
     * dates and nine patterns, which a check of specs without front matter or {@code .specgate.yml}
     * loads for nothing else) is made when a hint's YAML is first written, not when a heading is
     * first compared. Each check runs in a class loader of its own, so that what other tests loaded
     * does not count.
     */
    @Test
    void theYamlReaderIsLoadedWhenAHintIsWrittenNotWhenAHeadingIsFirstCompared() throws Exception {
        String spec;
        try (var in =
                SectionRenameTest.class.getResourceAsStream(
                        "/builtin-regression/2026-10-02_spec_webhook-retry-queue.md")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String statement =
                "### Problem Statement\nA single unavailable merchant endpoint stalls every payment"
                        + " handled by the same worker thread.\n\n";
        assertThat(spec).contains(statement);

        try (Recording loader = new Recording()) {
            // a heading elsewhere that names it by no word: compared, no hint
            String proposed = "\n## Proposed Solution\n";
            assertThat(spec).contains(proposed);
            List<String> found =
                    sectionMissing(
                            loader,
                            spec.replace(statement, "")
                                    .replace(
                                            proposed,
                                            "\n### Incident Timeline\n> 2026-09-14 03:10 UTC:"
                                                    + " shard 4's workers stall for 11 min"
                                                    + " (`[merchant 8812]`).\n"
                                                    + proposed));

            assertThat(found)
                    .containsExactly(
                            "missing section '### Problem Statement' (expected before 'Root Cause"
                                    + " Analysis')");
            assertThat(loader.loaded).contains("dev.specgate.core.rules.SectionRename");
            assertThat(loader.loaded).doesNotContain(Resolver.class.getName());
        }
        try (Recording loader = new Recording()) {
            List<String> found =
                    sectionMissing(
                            loader,
                            spec.replace("### Problem Statement", "### Statement of the problem"));

            assertThat(found)
                    .containsExactly(
                            "missing section '### Problem Statement' (expected before 'Root Cause"
                                    + " Analysis'); the heading 'Statement of the problem' may be"
                                    + " it, renamed: if so, add to .specgate.yml: sections:"
                                    + " {Problem Statement: {aliases: [Statement of the problem]}}");
            assertThat(loader.loaded).contains(Resolver.class.getName());
        }
    }

    /**
     * The messages of {@code section-missing} for {@code markdown} as a spec of the built-in
     * template (no {@code .specgate.yml}, no front matter), checked by the classes of {@code
     * loader}.
     */
    private List<String> sectionMissing(ClassLoader loader, String markdown) throws Exception {
        Path dir = Files.createTempDirectory(root, "project");
        Path file = dir.resolve("directives/spec/2026-10-02_spec_webhook-retry-queue.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown.replace("\n", "\r\n"));
        Class<?> projects = loader.loadClass(SpecProject.class.getName());
        Class<?> choices = loader.loadClass(ConfigChoice.class.getName());
        Class<?> options = loader.loadClass("dev.specgate.core.check.CheckOptions");
        Object project =
                projects.getMethod("open", Path.class, choices)
                        .invoke(null, dir, choices.getMethod("nearest").invoke(null));
        Object asOf =
                projects.getMethod("asOf", LocalDate.class)
                        .invoke(null, LocalDate.of(2026, 11, 25));
        Object checked =
                projects.getMethod("inspect", Path.class, options).invoke(project, file, asOf);
        Object result = checked.getClass().getMethod("result").invoke(checked);
        List<String> messages = new ArrayList<>();
        for (Object d : (List<?>) result.getClass().getMethod("diagnostics").invoke(result)) {
            if (RuleIds.SECTION_MISSING.equals(d.getClass().getMethod("ruleId").invoke(d))) {
                messages.add((String) d.getClass().getMethod("message").invoke(d));
            }
        }
        return messages;
    }

    /**
     * Loads core's classes and SnakeYAML's itself, naming each it loads; the libraries core reads
     * Markdown and dates with come from the tests' own class loader.
     */
    private static final class Recording extends URLClassLoader {
        final Set<String> loaded = ConcurrentHashMap.newKeySet();

        Recording() {
            super(
                    new URL[] {
                        RuleIds.class.getProtectionDomain().getCodeSource().getLocation(),
                        Resolver.class.getProtectionDomain().getCodeSource().getLocation()
                    },
                    SectionRenameTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.specgate.") && !name.startsWith("org.yaml.snakeyaml.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                    loaded.add(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
