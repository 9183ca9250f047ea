package dev.specgate.core.project;

import static dev.specgate.core.TestSpecs.OPTIONS;
import static dev.specgate.core.TestSpecs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CheckedSpec#overview()} (summary, checklist and schedule, each made once: the dashboard's)
 * gives what {@code summary()}, {@code checklist()} and {@code schedule(summary)} give one by one,
 * on the regression specs (deadlines, overdue and settled, estimated and dated phases, CR LF with a
 * byte order mark, a spec with many defects), on a spec whose Created date is missing (the phases
 * start at the file name's date) and on a file that cannot be read.
 */
class CheckedSpecOverviewTest {

    @TempDir Path dir;

    @Test
    void theOverviewIsTheSummaryChecklistAndScheduleMadeOneByOne() throws IOException {
        List<Path> specs;
        try (Stream<Path> s = Files.list(resource("builtin-regression"))) {
            specs = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        Path undated = dir.resolve("2026-09-30_spec_undated.md");
        Files.writeString(
                undated,
                Files.readString(
                                resource(
                                        "builtin-regression/2026-10-02_spec_webhook-retry-queue.md"))
                        .replace("**Created:** 2026-10-02\n", ""));
        Path unreadable = dir.resolve("2026-09-29_spec_latin1.md");
        Files.write(unreadable, new byte[] {'#', ' ', (byte) 0xE9, '\n'});

        SpecProject project = SpecProject.builtin();
        int phases = 0;
        int overdue = 0;
        for (Path spec : Stream.concat(specs.stream(), Stream.of(undated, unreadable)).toList()) {
            CheckedSpec checked = project.inspect(spec, OPTIONS);
            CheckedSpec.Overview overview = checked.overview();
            assertThat(overview.summary()).as(spec.toString()).isEqualTo(checked.summary());
            assertThat(overview.checklist().sections())
                    .as(spec.toString())
                    .isEqualTo(checked.checklist().sections());
            assertThat(overview.schedule())
                    .as(spec.toString())
                    .isEqualTo(checked.schedule(checked.summary()));
            phases += overview.schedule().phases().size();
            overdue += (int) overview.summary().overdue();
        }
        assertThat(phases).as("timeline phases").isPositive();
        assertThat(overdue).as("overdue items").isPositive();
        assertThat(project.inspect(undated, OPTIONS).overview().schedule().phases())
                .as("phases from the file name's date")
                .isNotEmpty();
        assertThat(project.inspect(unreadable, OPTIONS).readable()).isFalse();
    }
}
