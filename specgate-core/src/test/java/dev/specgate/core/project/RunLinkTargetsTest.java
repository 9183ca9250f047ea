package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import dev.specgate.core.rules.LinkTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run answers each link target once for all its specs, the specs its search found taken to exist:
 * links to them, to files outside the search and to missing files are judged as a check of each
 * spec alone judges them.
 */
class RunLinkTargetsTest {

    private static final String A = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String B = "2026-10-03_spec_ledger-export.md";

    @TempDir Path dir;

    @Test
    void linksBetweenFoundSpecsOutsideTheSearchAndToNothingAreJudgedAsAlone() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("directives/spec"));
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("design.txt"), "outside the search\r\n");
        String links =
                "\r\nSee [the ledger spec]("
                        + B
                        + "), [the notes](../../notes/design.txt),"
                        + " [gone](2026-01-01_spec_gone.md) and [also gone](../../notes/none.txt).\r\n";
        Files.writeString(
                specs.resolve(A), "\uFEFF" + TestSpecs.clean().replace("\n", "\r\n") + links);
        Files.writeString(
                specs.resolve(B), TestSpecs.clean() + "\nBack to [the queue](" + A + ").\n");

        SpecProject project = SpecProject.builtin();
        ConfiguredDiscovery.Selection found = project.find(List.of(dir));
        ProjectRun run = project.run(found, RunOptions.of(TestSpecs.OPTIONS));

        // the dashboard's site inspects its specs with shared answers too, as a run does
        LinkTargets.Shared site = new LinkTargets.Shared(found.specs());
        for (ProjectRun.FileOutcome file : run.files()) {
            List<Diagnostic> alone =
                    project.inspect(file.path(), TestSpecs.OPTIONS).result().diagnostics();
            assertThat(file.result().diagnostics()).as(file.path().toString()).isEqualTo(alone);
            assertThat(
                            project.inspect(file.path(), TestSpecs.OPTIONS, null, site)
                                    .result()
                                    .diagnostics())
                    .as(file.path().toString())
                    .isEqualTo(alone);
        }
        List<String> broken =
                run.files().stream()
                        .flatMap(f -> f.result().diagnostics().stream())
                        .filter(d -> d.ruleId().equals("link-broken"))
                        .map(Diagnostic::message)
                        .toList();
        assertThat(broken).hasSize(2);
        assertThat(String.join("\n", broken)).contains("2026-01-01_spec_gone.md", "none.txt");
    }

    @Test
    void pathsGivenAsExistingAreNotAskedAgain() {
        Path never = dir.resolve("directives/spec/2026-10-04_spec_never-written.md");
        LinkTargets targets = new LinkTargets.Shared(List.of(never)).forCheck();
        assertThat(targets.exists(never)).isTrue();
        assertThat(targets.exists(dir.resolve("directives/spec/../spec/other.md"))).isFalse();
        assertThat(targets.exists(dir)).isTrue();
    }
}
