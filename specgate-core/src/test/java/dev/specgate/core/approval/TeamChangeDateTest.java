package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team template's date of a change ({@code updated:}, which {@code new} fills as a date of
 * writing) is what Last Updated is to the built-in template: the approval's fingerprint leaves it
 * out, so that bumping it voids nothing, and a move or an approval sets it to the day. An approval
 * recorded by Specgate 74502be, whose fingerprint still hashed the line, holds while the spec is as
 * approved. The spec is saved with a BOM and CRLF endings, with emoji headings, a table and code
 * holding brackets.
 */
class TeamChangeDateTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final Path RESOURCES = Path.of("src/test/resources/approval/team-dates");
    private static final String SPEC = "docs/specs/2026-05-05-webhook-signing.md";

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

    private static String crlfWithBom(String text) {
        return "\uFEFF" + text.replace("\n", "\r\n");
    }

    private List<String> findings(SpecProject project, String text) {
        return project
                .checker()
                .check(root.resolve(SPEC), text, CheckOptions.asOf(DAY))
                .diagnostics()
                .stream()
                .map(Diagnostic::ruleId)
                .toList();
    }

    @Test
    void theTemplatesChangeDateIsLeftOutAsLastUpdatedIs() throws Exception {
        SpecProject project = open();

        assertThat(project.schema().changeDateFields()).containsExactly("updated");
        assertThat(TemplateSchema.builtin().changeDateFields()).containsExactly("Last Updated");
        assertThat(project.approvals().excludedFields()).contains("updated");
        // the built-in reading is the one it was: its records keep holding
        assertThat(Approvals.of(Approvals.DEFAULT_FIELD, TemplateSchema.builtin()))
                .isSameAs(Approvals.standard());
    }

    @Test
    void movingToApprovedSetsUpdatedAndEditingItLaterKeepsTheApproval() throws Exception {
        SpecProject project = open();
        Path file = root.resolve(SPEC);
        String review =
                crlfWithBom(
                        Files.readString(file)
                                .replaceFirst("approval: .*\n", "")
                                .replace("status: Approved", "status: In Review"));
        SpecSource source = SpecSource.of(review.getBytes(StandardCharsets.UTF_8));
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
                .contains("\r\nupdated: 2026-11-25\r\n")
                .doesNotContain("updated: 2026-05-12");
        assertThat(lifecycle.lastUpdatedField()).isEqualTo("updated");
        assertThat(findings(project, approved)).doesNotContain("approval-stale");
        // the next day's typo fix dates the spec again: the approval holds
        String bumped = approved.replace("updated: 2026-11-25", "updated: 2026-11-26");
        assertThat(findings(project, bumped)).doesNotContain("approval-stale");
        // while an edit of a field the approval binds still voids it
        assertThat(findings(project, bumped.replace("owner: Ana Ruiz", "owner: Léa Dubois")))
                .contains("approval-stale");
    }

    @Test
    void anApprovalRecordedWhileUpdatedWasHashedStillHolds() throws Exception {
        SpecProject project = open();
        String recorded = Files.readString(root.resolve(SPEC));
        assertThat(recorded)
                .contains("approval: \"2026-11-20 by Priya Raman, sha256:94c94951449c")
                .contains("updated: 2026-05-12");

        assertThat(findings(project, recorded)).doesNotContain("approval-stale");
        assertThat(findings(project, crlfWithBom(recorded))).doesNotContain("approval-stale");
        // content changed since: stale, naming the section
        assertThat(findings(project, recorded.replace("No shared secret", "No secret")))
                .contains("approval-stale");
    }
}
