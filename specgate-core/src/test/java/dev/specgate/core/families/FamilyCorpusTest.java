package dev.specgate.core.families;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.families.FamilyCorpus.Verdict;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.Expectation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judge of the family corpora tells false findings and missed defects apart. */
class FamilyCorpusTest {

    @TempDir Path dir;

    private static Diagnostic at(int line, Severity severity, String rule, String message) {
        return new Diagnostic(rule, severity, SourceRange.ofLine(line - 1, 0, 1), message);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void pairsFindingsWithExpectationsOnLineSeverityRuleAndMessage() throws IOException {
        Path doc =
                write(
                        "doc.md",
                        "---\n"
                                + "status: acepted  # expect: error field-value \"acepted\"\n"
                                + "---\n"
                                + "# Title\n"
                                + "## Decision   <!-- expect: error section-missing \"Context\""
                                + " -->\n"
                                + "Text [TBD].   <!-- expect: warning placeholder-bracket -->\n");

        Verdict v =
                FamilyCorpus.judge(
                        doc,
                        List.of(
                                at(2, Severity.ERROR, "field-value", "'status' is 'acepted'"),
                                at(5, Severity.ERROR, "section-missing", "missing 'Options'"),
                                at(6, Severity.ERROR, "placeholder-bracket", "[TBD]"),
                                at(4, Severity.ERROR, "section-empty", "empty")));

        assertThat(v.exact()).isFalse();
        assertThat(v.falseFindings())
                .extracting(Expectation::key)
                .containsExactly(
                        "5 error section-missing",
                        "6 error placeholder-bracket",
                        "4 error section-empty");
        assertThat(v.missed())
                .extracting(Expectation::key)
                .containsExactly("5 error section-missing", "6 warning placeholder-bracket");
    }

    @Test
    void aDocumentWithoutExpectationsMustGiveNothing() throws IOException {
        Path doc = write("clean.md", "# Title\n\n## Context\n\nText.\n");

        assertThat(FamilyCorpus.judge(doc, List.of()).exact()).isTrue();
        assertThat(
                        FamilyCorpus.judge(
                                        doc,
                                        List.of(at(3, Severity.ERROR, "section-empty", "empty")))
                                .falseFindings())
                .hasSize(1);
    }

    @Test
    void anExpectationInASidecarNeedsAFindingAtTheStartThatNamesTheSidecar() throws IOException {
        Path doc = write("README.md", "# KEP-1: Title\n\nText.\n");
        write("kep.yaml", "title: Title\nstatus: implementible  # expect: error field-value\n");

        Verdict unnamed =
                FamilyCorpus.judge(
                        doc, List.of(at(1, Severity.ERROR, "field-value", "'status' is wrong")));
        Verdict elsewhere =
                FamilyCorpus.judge(
                        doc, List.of(at(2, Severity.ERROR, "field-value", "kep.yaml: 'status'")));
        Verdict named =
                FamilyCorpus.judge(
                        doc, List.of(at(1, Severity.ERROR, "field-value", "kep.yaml: 'status'")));

        assertThat(unnamed.exact()).isFalse();
        assertThat(elsewhere.exact()).isFalse();
        assertThat(named.exact()).isTrue();
    }

    @Test
    void aYamlCommentOutsideFrontMatterIsNoExpectation() throws IOException {
        Path doc =
                write(
                        "doc.md",
                        "# Title\n\n```yaml\nstatus: x  # expect: error field-value\n```\n");

        assertThat(FamilyCorpus.judge(doc, List.of()).expected()).isEmpty();
    }

    @Test
    void theMeasurementKeepsOnlyTheKeysTheLoaderKnows() {
        String yaml =
                "# comment\ntemplate: t.md\nnot-a-key-yet:\n  \"A\":\n    aliases: [B]\nspecs:\n  - x/*.md\n";

        assertThat(FamilyCorpus.knownKeysOnly(yaml))
                .isEqualTo("# comment\ntemplate: t.md\nspecs:\n  - x/*.md\n\n");
    }
}
