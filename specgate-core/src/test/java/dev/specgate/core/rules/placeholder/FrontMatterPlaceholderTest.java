package dev.specgate.core.rules.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A spec of the built-in template (whose fields are bold lines) that keeps its metadata in YAML
 * front matter, as templates.md allows: a value still the template's placeholder is left in there
 * as much as on a bold line, where the prose's brackets would report it.
 */
class FrontMatterPlaceholderTest {

    private static final SpecChecker CHECKER =
            SpecChecker.builder().schema(TemplateSchema.builtin()).build();

    /** The clean spec at Review, its Next Review, Reviewer and status moved into front matter. */
    private static String spec(String reviewer, String nextReview) {
        String body =
                TestSpecs.clean()
                        .replace("**Document Status:** Approved\n", "")
                        .replace("**Next Review:** 2027-01-15\n", "")
                        .replace("**Reviewer:** Priya Raman\n", "");
        String front =
                "---\n"
                        + "Document Status: Review\n"
                        + "Reviewer: "
                        + reviewer
                        + "\n"
                        + "Next Review: "
                        + nextReview
                        + "   # Zoë sets it\n"
                        + "---\n";
        return (front + body).replace("\n", "\r\n");
    }

    private static List<String> placeholders(String text) {
        return CHECKER
                .check(Path.of(TestSpecs.CLEAN_NAME), text, TestSpecs.OPTIONS)
                .diagnostics()
                .stream()
                .filter(
                        d ->
                                d.ruleId().startsWith("placeholder-")
                                        || d.ruleId().equals("field-date"))
                .map(
                        d ->
                                (d.range().startLine() + 1)
                                        + ":"
                                        + (d.range().startColumn() + 1)
                                        + " "
                                        + d.severity().label()
                                        + " "
                                        + d.ruleId()
                                        + " "
                                        + d.message())
                .toList();
    }

    @Test
    void quotedPlaceholdersLeftInFrontMatterAreReported() {
        assertThat(placeholders(spec("\"[Technical reviewer]\"", "'[Date]'")))
                .containsExactly(
                        "3:12 error placeholder-template template placeholder"
                                + " '[Technical reviewer]' left in 'Reviewer:'",
                        "4:15 error placeholder-template template placeholder '[Date]' left in"
                                + " 'Next Review:'");
    }

    @Test
    void plainPlaceholdersLeftInFrontMatterAreReported() {
        // unquoted, YAML reads [Date] as a list of one item: still the template's text left in
        assertThat(placeholders(spec("[Technical reviewer]", "[Date]")))
                .containsExactly(
                        "3:11 error placeholder-template template placeholder"
                                + " '[Technical reviewer]' left in 'Reviewer:'",
                        "4:14 error placeholder-template template placeholder '[Date]' left in"
                                + " 'Next Review:'");
    }

    @Test
    void realValuesInFrontMatterAreNotPlaceholders() {
        assertThat(placeholders(spec("Zoë Ångström", "2027-01-15"))).isEmpty();
    }
}
