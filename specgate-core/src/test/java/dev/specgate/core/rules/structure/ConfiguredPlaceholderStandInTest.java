package dev.specgate.core.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.RuleIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A placeholder the project configures ({@code placeholders: [TBD]}) that makes up a section's
 * whole body is one leftover, reported once: by {@code placeholder-template}, which the project
 * asked for, not a second time by {@code section-empty} as a stand-in; by {@code section-empty}
 * when {@code placeholder-template} is turned off.
 */
class ConfiguredPlaceholderStandInTest {

    private static final String NAME = "2026-03-02_spec_stand-in-only.md";

    @TempDir Path root;

    /** The fixture with stand-in sections, as a Windows editor saves it: BOM and CRLF. */
    private Path spec() throws Exception {
        Path file = root.resolve("directives/spec/" + NAME);
        Files.createDirectories(file.getParent());
        String text = TestSpecs.text("rules/section-empty/" + NAME).replace("\n", "\r\n");
        Files.write(file, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private List<String> leftovers(String yaml) throws Exception {
        Files.writeString(root.resolve(SpecgateConfig.FILE_NAME), yaml);
        Path file = spec();
        SpecProject project = SpecProject.open(root, ConfigChoice.nearest());
        List<Diagnostic> found =
                project.inspect(file, SpecProject.asOf(TestSpecs.TODAY)).result().diagnostics();
        return found.stream()
                .filter(
                        d ->
                                d.ruleId().equals(RuleIds.SECTION_EMPTY)
                                        || d.ruleId().equals(RuleIds.PLACEHOLDER_TEMPLATE))
                .map(d -> (d.range().startLine() + 1) + " " + d.ruleId() + " " + d.message())
                .toList();
    }

    @Test
    void aConfiguredPlaceholderThatIsAWholeBodyIsReportedOnceByThePlaceholderRule()
            throws Exception {
        assertThat(leftovers("placeholders: [TBD, Coming soon, '/TODO:.*/']\n"))
                .containsExactly(
                        "105 placeholder-template placeholder 'TBD' left in (listed under"
                                + " 'placeholders' in .specgate.yml)",
                        "108 placeholder-template placeholder 'Coming soon' left in (listed under"
                                + " 'placeholders' in .specgate.yml)",
                        "113 placeholder-template placeholder 'TODO: threat model with the"
                                + " security team before review.' left in (listed under"
                                + " 'placeholders' in .specgate.yml)",
                        "151 placeholder-template placeholder 'TBD' left in (listed under"
                                + " 'placeholders' in .specgate.yml)",
                        // not configured: still the empty section it is
                        "162 section-empty section 'Alerting Strategy' holds only the stand-in"
                                + " '...': write it, or 'N/A' if it does not apply");
    }

    @Test
    void withThePlaceholderRuleTurnedOffTheStandInsAreStillReported() throws Exception {
        assertThat(
                        leftovers(
                                "placeholders: [TBD, Coming soon]\n"
                                        + "rules:\n"
                                        + "  placeholder-template: off\n"))
                .extracting(f -> f.substring(0, f.indexOf(" section '")))
                .containsExactly(
                        "104 section-empty",
                        "107 section-empty",
                        "111 section-empty",
                        "150 section-empty",
                        "162 section-empty");
    }

    @Test
    void aPlaceholderNotMakingUpTheBodyLeavesTheStandInReported() throws Exception {
        // KEP-NNNN is configured, but the sections hold TBD: the stand-ins are section-empty's
        assertThat(leftovers("placeholders: [KEP-NNNN]\n"))
                .extracting(f -> f.substring(0, f.indexOf(" section '")))
                .containsExactly(
                        "104 section-empty",
                        "107 section-empty",
                        "111 section-empty",
                        "150 section-empty",
                        "162 section-empty");
    }
}
