package dev.specgate.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's own template (front matter, CRLF spec) as a user meets it: {@code approve}, tick a box
 * under the team's {@code ## Rollout}, {@code check} still passes; edit the text and {@code check}
 * reports {@code approval-stale}; a {@code working-checklists:} heading the template does not write
 * is one line naming the key and the nearest heading, exit 2.
 */
class OwnTemplateBoxesCliTest {

    private static final String TODAY = "2026-11-25";

    @TempDir Path root;

    private Path spec() throws Exception {
        Files.writeString(
                root.resolve("template.md"),
                "---\nDocument Status: Draft | Review | Approved\nLast Updated: YYYY-MM-DD\n"
                        + "Reviewer: [Reviewer name]\n---\n\n# Feature: [Feature name]\n\n"
                        + "## Summary\n\n[What and why.]\n\n## Open Questions\n\n- [ ] [Question]\n\n"
                        + "## Rollout\n\n- [ ] [Step]\n\n## Acceptance Criteria\n\n- [ ] [Criterion]\n");
        Files.writeString(
                root.resolve(".specgate.yml"), "template: template.md\nspecs:\n  - specs/*.md\n");
        Path spec = Files.createDirectories(root.resolve("specs")).resolve("cache.md");
        Files.writeString(
                spec,
                "---\r\nDocument Status: Review\r\nLast Updated: 2026-11-20\r\n"
                        + "Reviewer: Zoë Brontë\r\n---\r\n\r\n# Feature: Caché «rapide»\r\n\r\n"
                        + "## Summary\r\n\r\nCache `Map<String, List<int[]>>` results per file.\r\n\r\n"
                        + "> Les vérifications répètent le même travail.\r\n\r\n"
                        + "## Open Questions\r\n\r\n- [x] Which key? The content hash.\r\n\r\n"
                        + "## Rollout\r\n\r\n- [ ] Ship behind a flag\r\n- [ ] Turn on for 10 % of runs\r\n\r\n"
                        + "## Acceptance Criteria\r\n\r\n- [ ] 10 000 specs checked in under 2 s\r\n",
                StandardCharsets.UTF_8);
        return spec;
    }

    private static void replace(Path spec, String from, String to) throws Exception {
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(spec, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void tickingATeamBoxKeepsTheApprovalAndEditingTheTextVoidsIt() throws Exception {
        Path spec = spec();
        CliRun approve =
                CliRun.of("approve", spec.toString(), "--by", "Zoë Brontë", "--today", TODAY);
        assertThat(approve.exitCode()).as(approve.err()).isZero();

        replace(spec, "- [ ] Ship behind a flag", "- [x] Ship behind a flag");
        replace(spec, "- [ ] 10 000 specs", "- [x] 10 000 specs");
        CliRun ticked = CliRun.of("check", "--today", TODAY, spec.toString());
        replace(spec, "per file.", "per file and rule.");
        CliRun edited = CliRun.of("check", "--today", TODAY, spec.toString());

        assertThat(ticked.exitCode()).as(ticked.out()).isZero();
        assertThat(ticked.out()).isEqualTo("No problems found in 1 spec.\n");
        assertThat(edited.exitCode()).isEqualTo(1);
        assertThat(edited.out()).contains("[approval-stale]").contains("changed: Summary");
    }

    @Test
    void anUnknownWorkingChecklistIsOneLineNamingTheKeyAndTheNearestHeading() throws Exception {
        Path spec = spec();
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: template.md\nspecs:\n  - specs/*.md\nworking-checklists: [Rolout]\n");

        CliRun run = CliRun.of("check", "--today", TODAY, spec.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        "specgate: "
                                + root.resolve(".specgate.yml")
                                + ":4: 'Rolout' in 'working-checklists' is not a heading of"
                                + " template 'template.md'; did you mean 'Rollout'? (its"
                                + " checklists: Open Questions, Rollout, Acceptance Criteria)\n");
    }
}
