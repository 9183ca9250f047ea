package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a section's own text ends ({@link SectionBodies#end}): at the next heading, or above the
 * template's closing fields (the Document Status block) and the blank lines and {@code ---} that
 * open them; a field of the template's header, or one in a list, ends nothing.
 */
class SectionBodiesTest {

    @Test
    void theLastSectionEndsAboveTheStatusBlock() throws Exception {
        String lf =
                Files.readString(
                        Path.of(
                                "src/test/resources/rules/approval-missing/"
                                        + "2026-03-02_spec_approved-without-record.md"),
                        StandardCharsets.UTF_8);
        for (String text : List.of(lf, lf.replace("\n", "\r\n"))) {
            SpecSource source = SpecSource.of(text);
            SpecDocument doc = new SpecParser().parse(source.text());
            TemplateSchema schema = TemplateSchema.builtin();
            List<Section> all = doc.sections();
            Section last = all.get(all.size() - 1);
            assertThat(last.title()).isEqualTo("Assumptions");
            int end = SectionBodies.end(source, doc, schema, last);
            String lastLine = text.lines().toList().get(end - 1);
            assertThat(lastLine).startsWith("- The largest account stays below 2 million");
            assertThat(text.lines().toList().get(end)).isBlank();
            // a section with a list of bold fields (Phase 1's Duration) ends at the next heading
            Section phase =
                    all.stream()
                            .filter(s -> s.title().startsWith("Phase 1"))
                            .findFirst()
                            .orElseThrow();
            assertThat(SectionBodies.end(source, doc, schema, phase))
                    .isEqualTo(all.get(phase.index() + 1).line());
            // the title's header fields (File, Type) do not end it
            assertThat(SectionBodies.end(source, doc, schema, all.get(0)))
                    .isEqualTo(all.get(1).line());
        }
    }
}
