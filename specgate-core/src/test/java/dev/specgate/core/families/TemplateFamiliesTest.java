package dev.specgate.core.families;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.families.FamilyCorpus.Opened;
import dev.specgate.core.families.FamilyCorpus.Verdict;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.Expectation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates as teams really write them: every document of every family corpus under {@code
 * families/} (MADR full and minimal, a language RFC process, an enhancement proposal with a sidecar
 * {@code kep.yaml}, a language-evolution proposal, a Google-style design doc, a team's own cut of
 * the built-in template, a team's design spec in YAML front matter) is checked through {@link
 * SpecProject} with its family's {@code .specgate.yml}, and must give exactly the findings it
 * carries inline: none for a clean document, each seeded defect at its line. See {@link
 * FamilyCorpus}.
 *
 * <p>{@link #falseFindingsPerRule()} prints the measurement: per family and rule, the false
 * findings and the missed seeded defects, with every one listed (also written to {@code
 * target/template-families-report.md}). Run it alone with {@code mvn -B -q -pl specgate-core -am
 * test -Dtest=TemplateFamiliesTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TemplateFamiliesTest {

    /**
     * The families today's code does not yet check exactly, each with the reason. Their documents
     * are reported as skipped (with the difference) instead of failing the build. <b>Empty this as
     * the features land</b>: {@link #pendingFamiliesStillFail()} fails as soon as a family listed
     * here passes, so the list cannot go stale. Never weaken a document's expectations to get a
     * family off this list.
     */
    static final Map<String, String> PENDING_FAMILIES = Map.of();

    /** Copies of the families with every LF document rewritten with a BOM and CRLF endings. */
    @TempDir static Path bomCrlfCopies;

    @TestFactory
    Stream<DynamicNode> everyDocumentGivesExactlyItsExpectedFindings() {
        return FamilyCorpus.families().stream().map(f -> family(f, f.getFileName().toString()));
    }

    /**
     * The same documents with a byte order mark and CRLF line endings (those already written so are
     * copied as they are) must give the same findings at the same lines.
     */
    @TestFactory
    Stream<DynamicNode> bomAndCrlfChangeNothing() throws IOException {
        List<DynamicNode> families = new ArrayList<>();
        for (Path family : FamilyCorpus.families()) {
            String name = family.getFileName().toString();
            families.add(
                    family(
                            FamilyCorpus.copyWithBomAndCrlf(family, bomCrlfCopies.resolve(name)),
                            name));
        }
        return families.stream();
    }

    private static DynamicNode family(Path family, String name) {
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(
                DynamicTest.dynamicTest(
                        "the configuration selects every document",
                        () -> {
                            Opened opened = Opened.of(family);
                            judged(name, opened.configError().orElse(null));
                            assertThat(FamilyCorpus.selected(opened.project().get(), family))
                                    .as("documents of %s that .specgate.yml selects", name)
                                    .containsExactlyElementsOf(
                                            FamilyCorpus.documents(family).stream()
                                                    .map(p -> p.toAbsolutePath().normalize())
                                                    .toList());
                        }));
        for (Path document : FamilyCorpus.documents(family)) {
            tests.add(
                    DynamicTest.dynamicTest(
                            family.relativize(document).toString(),
                            document.toUri(),
                            () -> {
                                Opened opened = Opened.of(family);
                                judged(name, opened.configError().orElse(null));
                                Verdict v =
                                        FamilyCorpus.judge(
                                                document,
                                                FamilyCorpus.check(
                                                        opened.project().get(), document));
                                judged(name, v.exact() ? null : v.describe(family, document));
                            }));
        }
        return DynamicContainer.dynamicContainer(name, family.toUri(), tests.stream());
    }

    /** Fails with {@code problem}, or skips with it when the family is pending; passes on null. */
    private static void judged(String family, String problem) {
        if (problem == null) {
            return;
        }
        String pending = PENDING_FAMILIES.get(family);
        if (pending != null) {
            Assumptions.abort("pending (" + pending + "): " + problem);
        }
        throw new AssertionError(problem);
    }

    @TestFactory
    Stream<DynamicTest> pendingFamiliesStillFail() {
        return PENDING_FAMILIES.keySet().stream()
                .sorted()
                .map(
                        name ->
                                DynamicTest.dynamicTest(
                                        name,
                                        () -> {
                                            Path family =
                                                    FamilyCorpus.families().stream()
                                                            .filter(
                                                                    f ->
                                                                            f.getFileName()
                                                                                    .toString()
                                                                                    .equals(name))
                                                            .findFirst()
                                                            .orElseThrow(
                                                                    () ->
                                                                            new AssertionError(
                                                                                    "PENDING_FAMILIES names "
                                                                                            + name
                                                                                            + ", which is no family"));
                                            assertThat(measure(family).exact())
                                                    .as(
                                                            "%s passes now: remove it from"
                                                                    + " PENDING_FAMILIES",
                                                            name)
                                                    .isFalse();
                                        }));
    }

    /** What one family gives: its configuration problem, and each document's verdict. */
    record FamilyMeasure(String name, String configError, Map<Path, Verdict> verdicts) {
        boolean exact() {
            return configError == null && verdicts.values().stream().allMatch(Verdict::exact);
        }
    }

    static FamilyMeasure measure(Path family) throws Exception {
        Opened opened = Opened.of(family);
        Map<Path, Verdict> verdicts = new TreeMap<>();
        SpecProject project = opened.orKnownKeys(family).orElse(null);
        if (project != null) {
            for (Path document : FamilyCorpus.documents(family)) {
                verdicts.put(
                        family.relativize(document),
                        FamilyCorpus.judge(document, FamilyCorpus.check(project, document)));
            }
        }
        return new FamilyMeasure(
                family.getFileName().toString(), opened.configError().orElse(null), verdicts);
    }

    /**
     * The measurement: per family and rule, false findings and missed seeded defects, then every
     * one of them. Never fails on what it measures (the tests above judge). A configuration the
     * code refuses is measured with the keys it knows, or else with only its template and globs,
     * and the refusal is reported.
     */
    @Test
    void falseFindingsPerRule() throws Exception {
        List<FamilyMeasure> measures = new ArrayList<>();
        for (Path family : FamilyCorpus.families()) {
            measures.add(measure(family));
        }
        String report = report(measures);
        System.out.println(report);
        Path out = Path.of("target", "template-families-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        assertThat(FamilyCorpus.families())
                .as("every family has documents")
                .allSatisfy(f -> assertThat(FamilyCorpus.documents(f)).isNotEmpty());
    }

    static String report(List<FamilyMeasure> measures) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Template families: false findings and missed seeded defects per rule\n\n");
        sb.append("| family | documents | expected | false findings | missed defects |\n");
        sb.append("|--------|-----------|----------|----------------|----------------|\n");
        for (FamilyMeasure m : measures) {
            int expected = 0;
            int falses = 0;
            int missed = 0;
            for (Verdict v : m.verdicts().values()) {
                expected += v.expected().size();
                falses += v.falseFindings().size();
                missed += v.missed().size();
            }
            sb.append("| ")
                    .append(m.name())
                    .append(m.configError() == null ? "" : " (config refused)")
                    .append(" | ")
                    .append(m.verdicts().size())
                    .append(" | ")
                    .append(expected)
                    .append(" | ")
                    .append(falses)
                    .append(" | ")
                    .append(missed)
                    .append(" |\n");
        }
        sb.append("\n| family | rule | false findings | missed defects |\n");
        sb.append("|--------|------|----------------|----------------|\n");
        Map<String, int[]> totals = new TreeMap<>();
        for (FamilyMeasure m : measures) {
            Map<String, int[]> perRule = new TreeMap<>();
            for (Verdict v : m.verdicts().values()) {
                for (Diagnostic d : v.falseFindings()) {
                    perRule.computeIfAbsent(d.ruleId(), r -> new int[2])[0]++;
                    totals.computeIfAbsent(d.ruleId(), r -> new int[2])[0]++;
                }
                for (Expectation e : v.missed()) {
                    perRule.computeIfAbsent(e.ruleId(), r -> new int[2])[1]++;
                    totals.computeIfAbsent(e.ruleId(), r -> new int[2])[1]++;
                }
            }
            for (Map.Entry<String, int[]> r : perRule.entrySet()) {
                sb.append("| ")
                        .append(m.name())
                        .append(" | ")
                        .append(r.getKey())
                        .append(" | ")
                        .append(r.getValue()[0])
                        .append(" | ")
                        .append(r.getValue()[1])
                        .append(" |\n");
            }
        }
        for (Map.Entry<String, int[]> r : totals.entrySet()) {
            sb.append("| **all** | ")
                    .append(r.getKey())
                    .append(" | ")
                    .append(r.getValue()[0])
                    .append(" | ")
                    .append(r.getValue()[1])
                    .append(" |\n");
        }
        sb.append("\n## Every false finding and missed defect\n");
        for (FamilyMeasure m : measures) {
            sb.append("\n### ").append(m.name()).append('\n');
            if (m.configError() != null) {
                sb.append("\nconfiguration refused (measured with the keys the code follows): ")
                        .append(m.configError())
                        .append('\n');
            }
            for (Map.Entry<Path, Verdict> v : m.verdicts().entrySet()) {
                Verdict verdict = v.getValue();
                if (verdict.exact()) {
                    continue;
                }
                sb.append("\n`").append(v.getKey()).append("`\n");
                for (Diagnostic d : verdict.falseFindings()) {
                    sb.append("- false: ").append(FamilyCorpus.line(d)).append('\n');
                }
                for (Expectation e : verdict.missed()) {
                    sb.append("- missed: ")
                            .append(e.key())
                            .append(e.messagePart() == null ? "" : " \"" + e.messagePart() + "\"")
                            .append('\n');
                }
            }
        }
        return sb.toString();
    }
}
