package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Google-style design doc whose only date is {@code last-updated:} in its front matter: that is
 * the day of its last change, not the day it was written. A move sets it to the day, as it sets
 * Last Updated, and the approval's fingerprint leaves it out. It was read as the spec's creation
 * date (the template's first date), so a move left it as it was, an approval bound it, and {@code
 * list} showed it as the day the doc was created. The doc is saved with a BOM and CRLF endings,
 * German text and a reviewers list, as the team keeps it.
 */
class LastUpdatedKeyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final Path RESOURCES =
            Path.of("src/test/resources/approval/design-last-updated");
    private static final String DOC = "design/docs/2026-04-14-upload-size-limits.md";

    @TempDir Path root;

    private SpecProject open() throws Exception {
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = root.resolve(RESOURCES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return SpecProject.open(root, ConfigChoice.nearest());
    }

    private List<String> findings(SpecProject project, String text) {
        return project
                .checker()
                .check(root.resolve(DOC), text, CheckOptions.asOf(DAY))
                .diagnostics()
                .stream()
                .map(Diagnostic::ruleId)
                .toList();
    }

    @Test
    void lastUpdatedIsTheDayOfAChangeNotOfWriting() throws Exception {
        SpecProject project = open();

        assertThat(project.schema().dateField()).isNotEqualToIgnoringCase("last-updated");
        assertThat(project.schema().changeDateFields()).containsExactly("last-updated");
        assertThat(project.lifecycle().lastUpdatedField()).isEqualTo("last-updated");
    }

    @Test
    void approvingSetsLastUpdatedAndDatingALaterEditKeepsTheApproval() throws Exception {
        SpecProject project = open();
        Path file = root.resolve(DOC);
        SpecSource source = SpecSource.of(Files.readAllBytes(file));
        assertThat(source.text()).contains("\r\nstatus: In review\r\n");
        SpecDocument doc = project.parse(file, source.text());
        Lifecycle lifecycle = project.lifecycle();

        String approved =
                lifecycle
                        .moveEdit(
                                source,
                                doc,
                                lifecycle.status("Approved").orElseThrow(),
                                DAY,
                                Optional.of("Zoë Lefèvre"))
                        .text();

        assertThat(approved)
                .contains("\r\nstatus: Approved\r\napproval: \"2026-11-25 by Zoë Lefèvre, sha256:")
                .contains("\r\nlast-updated: 2026-11-25\r\n")
                .doesNotContain("last-updated: 2026-04-20");
        assertThat(findings(project, approved)).isEmpty();
        // the next day's typo fix dates the doc again: the approval holds
        String dated =
                approved.replace("last-updated: 2026-11-25", "last-updated: 2026-11-26")
                        .replace("Standard 5 GiB", "Standard: 5 GiB");
        assertThat(findings(project, dated.replace("Standard: 5 GiB", "Standard 5 GiB"))).isEmpty();
        // while a change of the design voids it
        assertThat(findings(project, dated)).containsExactly("approval-stale");
    }
}
