package dev.specgate.cli.config;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.core.authoring.SpecScaffold;
import dev.specgate.core.catalog.ListFilters;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line says core's answers, not words of its own: the same lines MCP's tools and the
 * language server give (their tests hold them to core too).
 */
class CoreVerdictCliTest {

    static final String SPEC = "2026-11-20_spec_ledger-replay.md";

    @TempDir Path root;

    @Test
    void statusToATargetThatIsNoStatusSaysTheLifecyclesLine() throws Exception {
        Files.writeString(
                root.resolve(".specgate.yml"),
                "lifecycle:\n  order: [Draft, In Review, Approved, Implementation]\n");
        Path spec = writeSpec(root, SPEC, cleanSpec());
        String expected =
                SpecProject.open(spec, ConfigChoice.nearest()).lifecycle().notAStatus("inreview");

        CliRun run = CliRun.of("status", spec.toString(), "inreview");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("specgate: " + expected + "\n");
        assertThat(expected).endsWith("; did you mean 'In Review'?");
    }

    @Test
    void listByAStatusThatIsNoneSaysTheLifecyclesLineAsStatusDoes() throws Exception {
        Path spec = writeSpec(root, SPEC, cleanSpec());
        String expected =
                SpecProject.open(spec, ConfigChoice.nearest()).lifecycle().notAStatus("Reveiw");

        CliRun status = CliRun.of("status", spec.toString(), "Reveiw");
        CliRun list = CliRun.of("list", root.toString(), "--status", "Reveiw");

        assertThat(status.err()).isEqualTo("specgate: " + expected + "\n");
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.out()).isEmpty();
        assertThat(list.err())
                .isEqualTo("specgate: --status " + expected + " (or tasks for task lists)\n");
        assertThat(expected).endsWith("; did you mean 'Review'?");
    }

    @Test
    void listsTypoAndNotesAreCoresAnswer() throws Exception {
        Path spec = writeSpec(root, SPEC, cleanSpec());
        SpecProject project = SpecProject.open(spec, ConfigChoice.nearest());
        ListFilters.Notes typo =
                ListFilters.notes(
                        Optional.of("Implementaton"),
                        "--status",
                        Optional.empty(),
                        "--type",
                        List.of(project.schema()),
                        0);

        CliRun none = CliRun.of("list", root.toString(), "--status", "Implementaton");
        CliRun some = CliRun.of("list", root.toString(), "--type", "Integraton");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("specgate: " + typo.typo().orElseThrow() + "\n");
        assertThat(none.err()).contains("; did you mean 'Implementation'?");
        assertThat(some.exitCode()).isEqualTo(2);
        assertThat(some.err())
                .isEqualTo(
                        "specgate: --type "
                                + project.schema().typeRefusal("Integraton").orElseThrow()
                                + "\n");
    }

    @Test
    void newWithAnAssigneeOfOnlySpacesSaysTheScaffoldsRefusalAndWritesNothing() {
        CliRun run =
                CliRun.of("new", "Ledger replay", "--assignee", " \t", "--root", root.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + SpecScaffold.standard()
                                        .assigneeRefusal(" \t", "--assignee")
                                        .orElseThrow()
                                + "\n");
        assertThat(root.resolve("directives")).doesNotExist();
    }

    @Test
    void newWithATitleThatIsNoFileNameSaysTheScaffoldsRefusalAndItsOwnAdvice() {
        String title = "監査ログのエクスポート";

        CliRun run = CliRun.of("new", title, "--root", root.toString());
        CliRun blank = CliRun.of("new", " ", "--root", root.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + SpecScaffold.fileNameRefusal(title).orElseThrow()
                                + "; name the file with --slug, e.g. --slug audit-log-export\n");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err())
                .isEqualTo("specgate: " + SpecScaffold.titleRefusal(" ").orElseThrow() + "\n");
        assertThat(root.resolve("directives")).doesNotExist();
    }

    @Test
    void nextAndProgressOfAFileTheGlobsLeaveOutSayCoresRefusal() throws Exception {
        Files.writeString(root.resolve(".specgate.yml"), "ignore:\n  - directives/spec/old/\n");
        Files.createDirectories(root.resolve("directives/spec/old"));
        Path spec = writeSpec(root, "old/" + SPEC, cleanSpec());
        SpecProject project = SpecProject.open(spec, ConfigChoice.nearest());

        for (String command : List.of("next", "progress")) {
            CliRun run = CliRun.of(command, spec.toString());

            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.out()).as(command).isEmpty();
            assertThat(run.err())
                    .as(command)
                    .isEqualTo(
                            "specgate: "
                                    + project.showRefusal(spec, command, Path::toString)
                                            .orElseThrow()
                                    + "\n");
        }
    }
}
