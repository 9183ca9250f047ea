package dev.specgate.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseDocsTest {

    @TempDir Path out;

    @Test
    void helpTextsReachAsciidoctorAsLiteralTextAndPicocliMarkupStays() throws Exception {
        ReleaseDocs.main(new String[] {out.toString()});

        String check =
                Files.readString(out.resolve("adoc/specgate-check.adoc"), StandardCharsets.UTF_8);
        String approve =
                Files.readString(out.resolve("adoc/specgate-approve.adoc"), StandardCharsets.UTF_8);

        // the description's glob, and an option's text, reach Asciidoctor with no markup in them
        assertThat(check)
                .contains("searched for Markdown files ({asterisk}.md, {asterisk}.markdown) under")
                .doesNotContain("(*.md, *.markdown)");
        assertThat(approve)
                .contains("('{asterisk}{asterisk}Approval:{asterisk}{asterisk} DATE by NAME");
        // picocli's own marks: the synopsis, the option terms, the exit codes
        assertThat(check)
                .contains("*specgate check* [*-hV*]")
                .contains("*--fix*::")
                .contains("*0*::")
                .contains(":doctype: manpage");
    }

    @Test
    void theFieldCommandGetsItsManPageAndCompletionsFromPicocli() throws Exception {
        ReleaseDocs.main(new String[] {out.toString()});

        String field =
                Files.readString(out.resolve("adoc/specgate-field.adoc"), StandardCharsets.UTF_8);
        assertThat(field)
                .contains("*specgate field*")
                .contains("Prints one metadata field of a spec, or sets it")
                .contains("_SPEC_")
                .contains("_NAME_");
        assertThat(
                        Files.readString(
                                out.resolve("completions/specgate.fish"), StandardCharsets.UTF_8))
                .contains("-f -a 'field'");
        assertThat(
                        Files.readString(
                                out.resolve("completions/specgate.bash"), StandardCharsets.UTF_8))
                .contains("local commands=\"check new status field approve ");
    }

    @Test
    void onlyTheTextOfTextSectionsChanges() {
        String page =
                String.join(
                        "\n",
                        "// tag::picocli-generated-man-section-name[]",
                        "x - a *name* line",
                        "// end::picocli-generated-man-section-name[]",
                        "// tag::picocli-generated-man-section-description[]",
                        "== Description",
                        "",
                        "Reads `a/**/*.md`.",
                        "// end::picocli-generated-man-section-description[]",
                        "// tag::picocli-generated-man-section-options[]",
                        "*--glob*=_G_::",
                        "  A glob such as *.md.",
                        "// end::picocli-generated-man-section-options[]",
                        "");

        assertThat(ReleaseDocs.literalText(page))
                .isEqualTo(
                        String.join(
                                "\n",
                                "// tag::picocli-generated-man-section-name[]",
                                "x - a *name* line",
                                "// end::picocli-generated-man-section-name[]",
                                "// tag::picocli-generated-man-section-description[]",
                                "== Description",
                                "",
                                "Reads {backtick}a/{asterisk}{asterisk}/{asterisk}.md{backtick}.",
                                "// end::picocli-generated-man-section-description[]",
                                "// tag::picocli-generated-man-section-options[]",
                                "*--glob*=_G_::",
                                "  A glob such as {asterisk}.md.",
                                "// end::picocli-generated-man-section-options[]",
                                ""));
    }
}
