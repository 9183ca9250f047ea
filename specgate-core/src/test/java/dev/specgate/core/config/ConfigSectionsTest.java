package dev.specgate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.project.SpecProject;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.SectionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sections:} and {@code placeholders:}: read against the template, refused with a reason.
 */
class ConfigSectionsTest {

    @TempDir Path dir;

    private SpecgateConfig load(String yaml) throws Exception {
        Files.writeString(
                dir.resolve("adr.md"),
                "# ADR: [title]\n\n**Status:** [Proposed | Accepted | Superseded]\n\n"
                        + "## Context\n[why]\n\n## Summary of changes\n[what]\n");
        Path file = Files.writeString(dir.resolve(".specgate.yml"), yaml);
        return SpecProject.configLoader().load(file);
    }

    @Test
    void sectionsAndPlaceholdersReachTheSchema() throws Exception {
        SpecgateConfig config =
                load(
                        "sections:\n"
                                + "  summary of CHANGES:\n"
                                + "    aliases: [Introduction, Overview]\n"
                                + "    required-from: accepted\n"
                                + "placeholders: [ADR-NNNN, '/\\(fill me in[^)]*\\)/']\n"
                                + "template: adr.md\n");

        var summary = config.schema().sections().get(1);
        assertThat(config.schema().options(summary))
                .contains(
                        new SectionOptions(
                                java.util.List.of("Introduction", "Overview"),
                                Optional.of("Accepted")));
        assertThat(config.schema().sectionsWithKey(HeadingKey.of("Overview")))
                .containsExactly(summary);
        assertThat(config.schema().extraPlaceholders())
                .extracting(p -> p.matcher("see ADR-NNNN (fill me in later)").find())
                .containsExactly(true, true);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sections:\\n  Consequences:\\n    aliases: [Outcome]|2|'Consequences' in 'sections' is"
                        + " not a section of template 'adr.md'",
                "sections:\\n  Context:\\n    required-from: Approved|3|'required-from' of"
                        + " 'sections' entry 'Context' must be one of Proposed, Accepted,"
                        + " Superseded, found 'Approved'",
                "sections:\\n  Context:\\n    aliases: [Summary of changes]|3|alias 'Summary of"
                        + " changes' of 'Context' is already the heading of another section,"
                        + " 'Summary of changes'",
                "sections:\\n  Context:\\n    alias: [Background]|3|unknown key 'alias' in"
                        + " 'sections' entry 'Context' (allowed: aliases, required-from)",
                "sections:\\n  Context: Background|2|'sections' entry 'Context' must be a mapping"
                        + " with aliases and required-from, found",
                "sections: [Context]|1|'sections' must map template headings to their options",
                "placeholders: ['/([a-z/']|1|placeholder /([a-z/ is not a valid regular expression",
                "placeholders: {a: b}|1|'placeholders' must be a list of texts or /regular"
                        + " expressions/",
            })
    void refusesWithTheLineAndTheReason(String yaml, int line, String problem) {
        String text = "template: adr.md\n" + yaml.replace("\\n", "\n") + "\n";
        assertThatThrownBy(() -> load(text))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> {
                            assertThat(e.line()).isEqualTo(line + 1);
                            assertThat(e.problem()).startsWith(problem);
                        });
    }

    @Test
    void requiredFromNeedsAStatusField() throws IOException {
        Files.writeString(dir.resolve("doc.md"), "# Design: [title]\n\n## Context\n[why]\n");
        Path file =
                Files.writeString(
                        dir.resolve(".specgate.yml"),
                        "template: doc.md\nsections:\n  Context:\n    required-from: Approved\n");
        assertThatThrownBy(() -> SpecProject.configLoader().load(file))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problem()).contains("needs a status field"));
    }
}
