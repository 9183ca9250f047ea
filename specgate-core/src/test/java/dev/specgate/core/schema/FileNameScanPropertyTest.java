package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link FileNamePattern#match} reads a name by a scan instead of the convention's regular
 * expression: for every convention it scans, it must split every name as the expression does.
 */
class FileNameScanPropertyTest {

    private static final String[] CONVENTIONS = {
        "YYYY-MM-DD_spec_feature-name.md",
        "feature-name-YYYY-MM-DD.md",
        "RFC-feature-name.md",
        "YYYY-MM-DD.md",
        "adr-YYYY-MM-DD-feature-name-x.md",
        "(feature-name)[YYYY-MM-DD].md",
    };

    @Property(tries = 4000)
    void splitsNamesAsTheExpression(
            @ForAll("conventions") String convention, @ForAll("names") String name) {
        FileNamePattern pattern = FileNamePattern.fromTemplateValue(convention).orElseThrow();
        assertThat(pattern.scan(name)).isEqualTo(pattern.matchByPattern(name));
        assertThat(pattern.match(name)).isEqualTo(pattern.matchByPattern(name));
    }

    @Property(tries = 2000)
    void splitsNamesMadeAfterTheConventionAsTheExpression(
            @ForAll("conventions") String convention,
            @ForAll("dates") String date,
            @ForAll("slugs") String slug) {
        FileNamePattern pattern = FileNamePattern.fromTemplateValue(convention).orElseThrow();
        String name = pattern.format(date, slug);
        assertThat(pattern.scan(name)).isEqualTo(pattern.matchByPattern(name));
    }

    @Provide
    Arbitrary<String> conventions() {
        return Arbitraries.of(CONVENTIONS);
    }

    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.of("2026-03-02", "2026-13-45", "2026-3-02", "20260302", "2026-03-0x");
    }

    @Provide
    Arbitrary<String> slugs() {
        Arbitrary<String> pieces =
                Arbitraries.of("a", "invoice", "x1", "-", "--", "A", "_", "é", "9");
        return pieces.list().ofMinSize(0).ofMaxSize(5).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "2026-03-02",
                        "2026-3-2",
                        "_spec_",
                        "_",
                        "spec",
                        "invoice",
                        "-",
                        "x1",
                        ".md",
                        ".MD",
                        "md",
                        "RFC-",
                        "adr-",
                        "(",
                        ")",
                        "[",
                        "]",
                        "é",
                        "A",
                        "\u0663");
        return pieces.list().ofMaxSize(6).map(l -> String.join("", l));
    }
}
