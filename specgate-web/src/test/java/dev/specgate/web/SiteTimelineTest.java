package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.web.internal.Pages;
import dev.specgate.web.view.PageInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site writes its timeline page in pieces made on either thread (the frame, then the rows a
 * range at a time): the file holds the very page that {@code serve} renders whole.
 */
class SiteTimelineTest {

    @TempDir Path tmp;

    @Test
    void theTimelineWrittenARangeAtATimeIsThePageRenderedWhole() throws IOException {
        Path project = Projects.fixtureCopy(tmp);
        Path specs = Projects.specs(project);
        List<Path> originals;
        try (Stream<Path> s = Files.list(specs)) {
            originals = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        // copies of the fixture's specs (each has dated phases or decisions), enough for three
        // ranges of rows, the last one short, some with a title of non-ASCII text to escape and
        // encode
        int copies = 2 * SiteGenerator.TIMELINE_ROWS / originals.size() + 1;
        for (int i = 0; i < copies; i++) {
            for (Path spec : originals) {
                String name = spec.getFileName().toString().replace(".md", "-" + i + ".md");
                String text = Files.readString(spec, StandardCharsets.UTF_8);
                if (i % 7 == 0) {
                    text =
                            text.replaceFirst(
                                    "(?m)^# Technical Specification: ", "$0Café « " + i + " » ");
                }
                Files.writeString(specs.resolve(name), text, StandardCharsets.UTF_8);
            }
        }
        Path site = tmp.resolve("site");

        SiteResult result = SiteGenerator.standard().generate(project, site, Projects.TODAY);

        int rows = result.portfolio().timeline().rowCount();
        assertThat(rows).isGreaterThan(2 * SiteGenerator.TIMELINE_ROWS);
        PageInfo frame =
                new PageInfo(
                        "",
                        "",
                        "",
                        SiteGenerator.projectName(project),
                        Projects.TODAY.toString(),
                        false);
        String whole = new Pages().render(Pages.View.TIMELINE, frame, result.portfolio());
        assertThat(Files.readString(site.resolve("timeline.html"), StandardCharsets.UTF_8))
                .isEqualTo(whole)
                .contains("Café « 0 »");
        assertThat(whole.split("<div class=\"tl-row\" data-path=", -1)).hasSize(rows + 1);
    }
}
