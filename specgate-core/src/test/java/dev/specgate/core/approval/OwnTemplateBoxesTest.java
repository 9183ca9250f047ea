package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approvals of specs written from a team's own template ({@code template:}): the boxes of the
 * template's own checklists worked after approval ({@code ## Rollout}, {@code ## Acceptance
 * Criteria}) are left out of the fingerprint, as the built-in template's are, and its question
 * checklist's are not; {@code working-checklists:} names them instead; an approval recorded by an
 * earlier Specgate with a team box ticked still holds. The spec is CRLF with front matter, a table,
 * a block quote and code with brackets.
 */
class OwnTemplateBoxesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final String RESOURCES = "src/test/resources/approval/own-template/";

    @TempDir Path root;

    private Path spec;

    private SpecProject project(String extra) throws IOException, ConfigException {
        Files.copy(Path.of(RESOURCES + "template.md"), root.resolve("template.md"));
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: template.md\nspecs:\n  - specs/*.md\n" + extra);
        spec = Files.createDirectories(root.resolve("specs")).resolve("cache.md");
        return SpecProject.open(root, ConfigChoice.nearest());
    }

    private static String resource(String name) throws IOException {
        return Files.readString(Path.of(RESOURCES + name), StandardCharsets.UTF_8);
    }

    /** The review fixture, approved by the project as {@code specgate approve} does. */
    private String approved(SpecProject project) throws Exception {
        String review = resource("review.md").replace("Status: Review", "Status: Approved");
        assertThat(review).contains("\r\n---\r\n");
        SpecSource source = SpecSource.of(review);
        SpecDocument doc = project.parse(spec, source.text());
        return new String(
                project.approvals().approve(source.edit(), doc, "Zoë Brontë", DAY).bytes(),
                StandardCharsets.UTF_8);
    }

    /** The ids of what {@code check} reports of {@code text}. */
    private List<String> findings(SpecProject project, String text) {
        return project.checker().check(spec, text, CheckOptions.asOf(DAY)).diagnostics().stream()
                .map(Diagnostic::ruleId)
                .toList();
    }

    private static String tick(String text, String item) {
        String ticked = text.replace("- [ ] " + item, "- [x] " + item);
        assertThat(ticked).isNotEqualTo(text);
        return ticked;
    }

    @Test
    void tickingABoxOfTheTeamsOwnChecklistsKeepsTheApproval() throws Exception {
        SpecProject project = project("");
        String approved = approved(project);
        assertThat(approved).contains("\r\nApproval: \"2026-11-25 by Zoë Brontë, sha256:");
        assertThat(findings(project, approved)).isEmpty();

        String worked = tick(tick(approved, "Ship behind a flag"), "10 000 specs checked");

        assertThat(findings(project, worked)).isEmpty();
        assertThat(project.approvals().check(worked, project.parse(spec, worked)).valid()).isTrue();
    }

    @Test
    void anEditedTextOrAReopenedQuestionVoidsTheApproval() throws Exception {
        SpecProject project = project("");
        String approved = tick(approved(project), "Ship behind a flag");

        String edited = approved.replace("keyed by content", "keyed by path");
        String reopened = approved.replace("- [x] Which key?", "- [ ] Which key?");

        assertThat(findings(project, edited)).containsExactly("approval-stale");
        assertThat(findings(project, reopened)).contains("approval-stale");
    }

    @Test
    void workingChecklistsNamesTheBoxesLeftOut() throws Exception {
        SpecProject project = project("working-checklists: [rollout]\n");
        String approved = approved(project);

        assertThat(findings(project, tick(approved, "Turn on for 10 % of runs"))).isEmpty();
        assertThat(findings(project, tick(approved, "10 000 specs checked")))
                .containsExactly("approval-stale");
    }

    /**
     * {@code earlier-record.md} was approved by Specgate before this reading (with Rollout's first
     * box ticked, which it counted): it holds until its content changes.
     */
    @Test
    void anApprovalRecordedBeforeWithATeamBoxTickedStillHolds() throws Exception {
        SpecProject project = project("");
        String earlier = resource("earlier-record.md");
        assertThat(earlier).contains("- [x] Ship behind a flag\r\n");

        assertThat(findings(project, earlier)).isEmpty();
        assertThat(findings(project, earlier.replace("keyed by content", "keyed by path")))
                .containsExactly("approval-stale");
    }

    @Test
    void aHeadingTheTemplateDoesNotWriteIsRefusedWithTheNearestOne() throws Exception {
        assertThatThrownBy(() -> project("working-checklists: [Rolout, Acceptance Criteria]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        root.resolve(".specgate.yml")
                                + ":4: 'Rolout' in 'working-checklists' is not a heading of"
                                + " template 'template.md'; did you mean 'Rollout'? (its"
                                + " checklists: Open Questions, Rollout, Acceptance Criteria)");
    }

    @Test
    void aValueThatIsNoListIsRefused() throws Exception {
        assertThatThrownBy(() -> project("working-checklists: Rollout\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(
                        ":4: 'working-checklists' must be a list of the template's headings, such"
                                + " as [Rollout, Acceptance Criteria], found 'Rollout'");
    }
}
