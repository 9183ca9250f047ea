package dev.specgate.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCorpusGeneratorTest {

    private static final CheckOptions AS_OF = CheckOptions.asOf(SpecCorpusGenerator.REFERENCE_DATE);

    @Test
    void sameSeedGivesTheSameBytes() {
        SpecCorpusGenerator a = SpecCorpusGenerator.of(7, 20, 3);
        SpecCorpusGenerator b = SpecCorpusGenerator.of(7, 20, 3);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.spec(i).content()).isEqualTo(a.spec(i).content());
            assertThat(b.spec(i).fileName()).isEqualTo(a.spec(i).fileName());
        }
    }

    @Test
    void anotherSeedGivesOtherSpecs() {
        GeneratedSpec a = SpecCorpusGenerator.of(7, 5, 0).spec(3);
        GeneratedSpec b = SpecCorpusGenerator.of(8, 5, 0).spec(3);
        assertThat(b.content()).isNotEqualTo(a.content());
    }

    @Test
    void specsAreAsLargeAsTheIssueSaysOnAverageAndVaried() {
        List<GeneratedSpec> specs = SpecCorpusGenerator.of(1, 200, 0).specs().toList();
        double mean = specs.stream().mapToInt(s -> s.content().length).average().orElse(0);
        assertThat(mean).isBetween(15_000.0, 19_000.0);
        assertThat(specs.stream().mapToInt(s -> s.content().length).distinct().count())
                .isGreaterThan(190);
        assertThat(specs).anyMatch(GeneratedSpec::usesCrlf);
        assertThat(specs).anyMatch(GeneratedSpec::hasBom);
        assertThat(specs).anyMatch(s -> !s.usesCrlf() && !s.hasBom());
        assertThat(specs).anyMatch(s -> s.text().contains("\n```") || s.text().contains("\n~~~"));
        assertThat(specs).anyMatch(s -> s.text().contains("|---"));
        assertThat(specs).anyMatch(s -> s.text().contains("](https://"));
        assertThat(specs).anyMatch(s -> s.text().contains("](#"));
        assertThat(specs).anyMatch(s -> s.text().contains("\n### Glossary"));
        assertThat(specs.stream().map(GeneratedSpec::fileName).distinct().count())
                .isEqualTo(specs.size());
    }

    @Test
    void aLargerSpecCanBeAsked() {
        GeneratedSpec big = SpecCorpusGenerator.of(3, 1, 0).withSpecBytes(50_000).spec(0);
        assertThat(big.content().length).isBetween(37_000, 63_000);
        assertThat(SpecChecker.standard().check(null, big.text(), AS_OF).diagnostics()).isEmpty();
    }

    @Test
    void defectsAreSpreadEvenlyAndCoverEveryKind() {
        SpecCorpusGenerator g = SpecCorpusGenerator.of(5, 100, Defect.values().length);
        List<Defect> planted =
                Stream.iterate(0, i -> i + 1)
                        .limit(g.size())
                        .map(g::defectOf)
                        .flatMap(java.util.Optional::stream)
                        .toList();
        assertThat(planted).containsExactlyInAnyOrder(Defect.values());
        assertThat(g.defectOf(0)).isEmpty();
    }

    @Test
    void cleanSpecsCheckCleanAndEachDefectIsFoundByItsRule(@TempDir Path dir) throws Exception {
        int defective = Defect.values().length * 2;
        SpecCorpusGenerator g = SpecCorpusGenerator.of(11, 150, defective);
        CorpusMain.write(g, dir);
        Map<String, GeneratedSpec> byName =
                g.specs().collect(Collectors.toMap(GeneratedSpec::fileName, Function.identity()));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("directives/spec"))) {
            files = s.toList();
        }
        assertThat(files).hasSize(g.size());

        CheckRun run = SpecProject.builtin().run(files, RunOptions.of(AS_OF)).checkRun();

        for (CheckResult r : run.results()) {
            GeneratedSpec spec = byName.get(r.path().getFileName().toString());
            List<String> rules = r.diagnostics().stream().map(Diagnostic::ruleId).toList();
            if (spec.clean()) {
                assertThat(r.diagnostics())
                        .as(
                                "clean spec %s (crlf=%s, bom=%s)",
                                spec.fileName(), spec.usesCrlf(), spec.hasBom())
                        .isEmpty();
            } else {
                assertThat(rules)
                        .as("spec %s with %s", spec.fileName(), spec.defect().get())
                        .contains(spec.defect().get().ruleId());
            }
        }
        assertThat(Files.readAllLines(dir.resolve("manifest.tsv"))).hasSize(g.size() + 1);
    }

    @Test
    void md043ConfigListsEveryTemplateHeadingInOrder() {
        String config = CorpusMain.md043Config(SpecCorpusGenerator.of(1, 1, 0).schema());
        assertThat(config)
                .contains("\"MD043\"")
                .contains("\"default\": false")
                .contains("\"## Executive Summary\"")
                .contains("\"### File Organization (Rigour Vibe Structure)\"");
        assertThat(config.indexOf("Executive Summary"))
                .isLessThan(config.indexOf("Open Questions & Decisions"));
        assertThat(Arrays.stream(config.split("\n")).filter(l -> l.contains("\"#")).count())
                .isEqualTo(SpecCorpusGenerator.of(1, 1, 0).schema().sections().size());
    }
}
