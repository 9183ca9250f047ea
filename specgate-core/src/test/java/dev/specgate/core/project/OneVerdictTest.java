package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.authoring.SpecScaffold;
import dev.specgate.core.catalog.ListFilters;
import dev.specgate.core.diagnostic.EditDistance;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answers every surface takes from core rather than words of its own: a value that is no status
 * or Type (with a suggestion where one is close), an assignee that names nobody, a list's notes, a
 * file the globs leave out, and a path that is no regular file.
 */
class OneVerdictTest {

    @TempDir Path dir;

    @Test
    void aValueNearOneIsSuggestedWhateverItsSpacingCaseOrTypo() {
        List<String> statuses = List.of("Awaiting review", "Active review", "Accepted");

        assertThat(EditDistance.nearestValue("activereview", statuses)).contains("Active review");
        assertThat(EditDistance.nearestValue("Active-Review", statuses)).contains("Active review");
        assertThat(EditDistance.nearestValue("  active_review ", statuses))
                .contains("Active review");
        assertThat(EditDistance.nearestValue("Acepted", statuses)).contains("Accepted");
        assertThat(EditDistance.nearestValue("Implemented", statuses)).isEmpty();
        assertThat(EditDistance.nearestValue("Accepted", statuses)).isEmpty();
        assertThat(EditDistance.didYouMeanValue("Acepted", statuses))
                .isEqualTo("; did you mean 'Accepted'?");
        assertThat(EditDistance.didYouMeanValue("Shelved", statuses)).isEmpty();
    }

    @Test
    void aProjectMakesItsLifecycleOnceForEverySurfaceThatAsksIt() throws Exception {
        SpecProject project = SpecProject.open(dir, ConfigChoice.none());

        assertThat(project.lifecycle()).isSameAs(project.lifecycle());
        assertThat(project.lifecycle().fields()).isSameAs(project.lifecycle().fields());
    }

    @Test
    void theLifecycleWordsAValueThatIsNoStatusOnceWithItsSuggestion() throws Exception {
        Lifecycle builtin = SpecProject.open(dir, ConfigChoice.none()).lifecycle();

        assertThat(builtin.notAStatus("Reveiw"))
                .isEqualTo(
                        "'Reveiw' is not a status: use one of Draft, Review, Approved,"
                                + " Implementation; did you mean 'Review'?");
        assertThat(builtin.notAStatus("Done"))
                .isEqualTo(
                        "'Done' is not a status: use one of Draft, Review, Approved,"
                                + " Implementation");
        Files.writeString(
                dir.resolve(".specgate.yml"),
                "lifecycle:\n  order: [Proposed, In Review, Accepted, Rejected]\n");
        Lifecycle own = SpecProject.open(dir, ConfigChoice.nearest()).lifecycle();
        assertThat(own.status("inreview")).isEmpty();
        assertThat(own.notAStatus("inreview")).endsWith("; did you mean 'In Review'?");
    }

    @Test
    void aTypeIsTheTemplatesOneListAndIsWordedOnceForNewAndList() {
        TemplateSchema schema = TemplateSchema.builtin();
        SpecScaffold scaffold = new SpecScaffold(schema);

        assertThat(scaffold.types()).isEqualTo(schema.types()).contains("Bug Fix", "Integration");
        assertThat(schema.type(" integration ")).contains("Integration");
        assertThat(schema.notAType("Integraton"))
                .contains(
                        "'Integraton' is not a Type of the template: use one of "
                                + String.join(", ", schema.types()));
        assertThat(schema.typeRefusal("Integraton"))
                .contains(schema.notAType("Integraton").get() + "; did you mean 'Integration'?");
        assertThat(schema.typeRefusal("Refactoring")).isEqualTo(schema.notAType("Refactoring"));
        // a list that lists specs by it says the template's words, without the suggestion
        assertThat(
                        ListFilters.notes(
                                        Optional.empty(),
                                        "--status",
                                        Optional.of("Integraton"),
                                        "--type",
                                        List.of(schema),
                                        1)
                                .notes())
                .containsExactly(
                        "--type "
                                + schema.notAType("Integraton").orElseThrow()
                                + "; listed by the Type as written (1 spec)");
        assertThat(
                        ListFilters.notes(
                                        Optional.empty(),
                                        "--status",
                                        Optional.of("INTEGRATION"),
                                        "--type",
                                        List.of(schema),
                                        1)
                                .notes())
                .isEmpty();
    }

    @Test
    void aTypeNoTemplateOfAWorkspaceAllowsIsSaidWithAllTheirTypesAndTheNearestOfAny() {
        // a workspace of two configurations: the nearest template's Types, then the built-in's
        TemplateSchema team =
                TemplateSchema.derive(
                        "team-spec.md",
                        "# Spec: [Título]\r\n\r\n**Type:** [Feature | Refactor | Bug Fix]\r\n"
                                + "**Status:** [Draft | Approved]\r\n\r\n## Summary\r\n[What]\r\n");
        List<TemplateSchema> schemas = List.of(team, TemplateSchema.builtin());

        ListFilters.Notes none =
                ListFilters.notes(
                        Optional.empty(),
                        "--status",
                        Optional.of("Integraton"),
                        "--type",
                        schemas,
                        0);

        // every Type once (Bug Fix is in both), and the near one from the second template
        assertThat(none.typo())
                .contains(
                        "--type 'Integraton' is not a Type of any of the 2 templates: use one of"
                                + " Feature,"
                                + " Refactor, Bug Fix, Performance Optimization, Architecture"
                                + " Change, Integration, Security Enhancement; did you mean"
                                + " 'Integration'?");
        // a Type of the second template is no Type to note
        assertThat(
                        ListFilters.notes(
                                        Optional.empty(),
                                        "--status",
                                        Optional.of("integration"),
                                        "--type",
                                        schemas,
                                        0)
                                .notes())
                .isEmpty();
        // one template's own words are unchanged
        assertThat(TemplateSchema.notAType("Integraton", List.of(team), true))
                .isEqualTo(team.typeRefusal("Integraton"))
                .contains(
                        "'Integraton' is not a Type of the template: use one of Feature, Refactor,"
                                + " Bug Fix");
    }

    @Test
    void anAssigneeThatNamesNobodyOrHoldsALineBreakIsRefusedInOneWording() {
        SpecScaffold scaffold = SpecScaffold.standard();

        for (String nobody : List.of("", " ", "\t \u00A0")) {
            assertThat(scaffold.assigneeRefusal(nobody, "--assignee"))
                    .as("'%s'", nobody)
                    .contains(
                            "--assignee names nobody: give a name, or leave it out to keep the"
                                    + " placeholder");
        }
        assertThat(scaffold.assigneeRefusal("Ana\r\nBo", "assignee"))
                .contains("assignee must be one line");
        assertThat(scaffold.assigneeRefusal("Zoë Ødegård", "assignee")).isEmpty();
        assertThat(SpecScaffold.titleRefusal(" ")).contains("the title must be one non-empty line");
        assertThat(SpecScaffold.titleRefusal("Card vault")).isEmpty();
        assertThat(SpecScaffold.fileNameRefusal("監査ログのエクスポート"))
                .contains(
                        "title '監査ログのエクスポート' gives no file name: it needs at least one ASCII"
                                + " letter or digit (accents are folded)");
        assertThat(SpecScaffold.fileNameRefusal("Café für Ärzte")).isEmpty();
    }

    @Test
    void aListsNotesAndItsTypoComeFromOneAnswer() throws Exception {
        List<TemplateSchema> schemas = List.of(TemplateSchema.builtin());
        Lifecycle builtin = SpecProject.open(dir, ConfigChoice.none()).lifecycle();

        ListFilters.Notes none =
                ListFilters.notes(
                        Optional.of("Drafts"), "--status", Optional.empty(), "--type", schemas, 0);
        // the lifecycle's words, as status and set_status say them, and the list's own advice
        assertThat(none.typo())
                .contains(
                        "--status " + builtin.notAStatus("Drafts") + " (or tasks for task lists)");
        assertThat(none.typo().get())
                .isEqualTo(
                        "--status 'Drafts' is not a status: use one of Draft, Review, Approved,"
                                + " Implementation; did you mean 'Draft'? (or tasks for task"
                                + " lists)");
        assertThat(none.notes())
                .containsExactly(none.typo().get() + "; no spec's status is written so");
        // a status written by hand near one of the template's is suggested as the lifecycle does
        assertThat(
                        ListFilters.notes(
                                        Optional.of("in review"),
                                        "status",
                                        Optional.empty(),
                                        "type",
                                        schemas,
                                        1)
                                .notes())
                .containsExactly(
                        "status "
                                + builtin.notAStatus("in review")
                                + " (or tasks for task lists); listed by the status as written"
                                + " (1 spec)");
        assertThat(builtin.notAStatus("in review")).endsWith("; did you mean 'Review'?");
        ListFilters.Notes some =
                ListFilters.notes(
                        Optional.of("review"),
                        "status",
                        Optional.of("Feature"),
                        "type",
                        schemas,
                        2);
        assertThat(some.typo()).isEmpty();
        assertThat(some.notes())
                .singleElement()
                .asString()
                .startsWith("type 'Feature' is not a Type of the template: use one of Bug Fix")
                .endsWith("; listed by the Type as written (2 specs)");
    }

    @Test
    void aFileTheGlobsLeaveOutIsRefusedToShowAndGetsNoGates() throws Exception {
        Files.writeString(dir.resolve(".specgate.yml"), "ignore:\n  - directives/spec/old/\n");
        Path old = Files.createDirectories(dir.resolve("directives/spec/old"));
        Path file = old.resolve("2026-01-05_spec_ledger.md");
        Files.writeString(
                file,
                SpecScaffold.standard()
                        .create(
                                "Ledger",
                                LocalDate.of(2026, 1, 5),
                                Optional.empty(),
                                Optional.empty())
                        .markdown());
        SpecProject project = SpecProject.open(file, ConfigChoice.nearest());
        String notice =
                "directives/spec/old/2026-01-05_spec_ledger.md is not checked: an ignore: glob"
                        + " matches it in .specgate.yml";

        assertThat(project.showRefusal(file, "next", p -> dir.relativize(p).toString()))
                .contains(
                        notice
                                + "; next shows only specs that check checks (change the globs"
                                + " so that they select it)");
        assertThat(project.gatesRefusal(file, p -> dir.relativize(p).toString()))
                .contains(
                        notice
                                + "; gates are judged only for specs that check checks (change"
                                + " the globs so that they select it)");
        Path taken = dir.resolve("directives/spec/2026-01-06_spec_ledger.md");
        Files.copy(file, taken);
        assertThat(project.gatesRefusal(taken, Path::toString)).isEmpty();
        assertThat(project.showRefusal(taken, "next", Path::toString)).isEmpty();
    }

    @Test
    void aPathThatIsNoRegularFileIsRefusedWithoutBeingOpened() throws Exception {
        assertThatThrownBy(() -> SpecFileReader.requireRegularFile(dir))
                .isInstanceOf(UnreadableSpecException.class)
                .hasMessage("is a directory, not a file");
        assertThatThrownBy(() -> SpecFileReader.requireRegularFile(dir.resolve("gone.md")))
                .hasMessage("no such file");
        Path spec = Files.writeString(dir.resolve("a.md"), "# A\n");
        SpecFileReader.requireRegularFile(spec);
        Path pipe = dir.resolve("b.md");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        Assumptions.assumeTrue(
                mkfifo.waitFor(20, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "needs mkfifo");
        // the words a read of it says, and no open that would wait for a writer
        assertThatThrownBy(() -> SpecFileReader.requireRegularFile(pipe))
                .hasMessage("not a regular file (a device, pipe or socket)");
        assertThatThrownBy(() -> new SpecFileReader().readBytes(pipe))
                .hasMessage("not a regular file (a device, pipe or socket)");
    }
}
