package dev.specgate.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.baseline.Baseline;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A required gated section deleted from a spec is the gate's to name ({@code gate-open} in {@code
 * check}, a reason of the move), whatever silences {@code section-missing}: a comment in the spec
 * ({@code specgate-disable}, {@code specgate-disable-next-line}), a baseline entry, the rule turned
 * off. {@code gate-open} left the section to {@code section-missing} whenever that rule was an
 * error in the configuration, so each of these passed {@code check} with exit 0 at Shipped, and the
 * first two let {@code status SPEC Shipped} through, the Rollout gone. Likewise a gated item whose
 * task box Markdown does not read ({@code -[ ]}) under a {@code specgate-disable task-box}: no item
 * was read of it, so the gate found nothing open.
 */
class SilencedFindingsKeepGatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static final String NAMED =
            "missing section 'Rollout', which 'gates:' asks to have every item ticked before"
                    + " Shipped";

    @TempDir Path dir;

    /** The team-yaml family with {@code gates: {Shipped: [Rollout]}} and {@code extra}. */
    private Path family(String extra) throws Exception {
        Path from = Path.of(getClass().getResource("/families/team-yaml").toURI());
        Path to = dir.resolve("team-yaml");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path config = to.resolve(SpecgateConfig.FILE_NAME);
        Files.writeString(
                config, Files.readString(config) + "gates:\n  Shipped: [Rollout]\n" + extra);
        return to;
    }

    private static Path spec(Path root) {
        return root.resolve("docs/specs/2026-05-05-webhook-signing.md");
    }

    /**
     * The spec (front matter, emoji headings, closing hashes, a section the template lacks) with
     * its Rollout deleted, and {@code comment} written above the line that starts with {@code
     * above}.
     */
    private static String withoutRollout(Path file, String comment, String above) throws Exception {
        String text = Files.readString(file);
        String without =
                text.substring(0, text.indexOf("## 🚀 Rollout"))
                        + text.substring(text.indexOf("## Security Review"));
        int at = without.indexOf("\n" + above) + 1;
        return without.substring(0, at) + comment + without.substring(at);
    }

    private static String withoutRollout(Path file) throws Exception {
        return withoutRollout(file, "", "## Security Review");
    }

    private static SpecProject open(Path root) throws Exception {
        return SpecProject.open(root, ConfigChoice.file(root.resolve(SpecgateConfig.FILE_NAME)));
    }

    /** The move from Approved to Shipped of the spec as {@code text} (the file as written). */
    private static GateResult move(SpecProject project, Path file, String text) throws Exception {
        SpecSource source = SpecSource.of(text.getBytes(StandardCharsets.UTF_8));
        Lifecycle lifecycle = project.lifecycle();
        return lifecycle.evaluate(
                file,
                source,
                project.parse(file, source.text()),
                lifecycle.status("Shipped").orElseThrow(),
                TODAY);
    }

    /** Check of the spec written by hand at Shipped, as the editor and the agent ask it. */
    private static List<Diagnostic> inspected(SpecProject project, Path file, String approved)
            throws Exception {
        Files.writeString(file, approved.replace("status: Approved", "status: Shipped"));
        return project.inspect(file, CheckOptions.asOf(TODAY)).result().diagnostics();
    }

    /** Check of the files as {@code check} runs them (the command line, the Maven plugin). */
    private static List<Diagnostic> run(SpecProject project, Path file, RunOptions options)
            throws Exception {
        ProjectRun run = project.run(List.of(file), options);
        return run.files().get(0).result().diagnostics();
    }

    private static void assertGateNamesIt(
            String how, GateResult move, List<Diagnostic> inspected, List<Diagnostic> run) {
        assertThat(move.passed()).as(how + ": the move").isFalse();
        assertThat(move.reasons())
                .as(how + ": the move's reasons")
                .extracting(GateReason::message)
                .contains(NAMED);
        for (List<Diagnostic> found : List.of(inspected, run)) {
            assertThat(found)
                    .as(how + ": check")
                    .filteredOn(d -> d.ruleId().equals("gate-open"))
                    .extracting(Diagnostic::message)
                    .containsExactly(NAMED + ", and the spec is Shipped");
        }
    }

    @Test
    void aDisableCommentOfSectionMissingLeavesTheGateClosed() throws Exception {
        Path root = family("");
        Path file = spec(root);
        String approved =
                withoutRollout(
                        file,
                        "<!-- specgate-disable section-missing -- the rollout is tracked on the"
                                + " release board -->\n\n",
                        "## Security Review");
        SpecProject project = open(root);

        GateResult move = move(project, file, approved);
        List<Diagnostic> inspected = inspected(project, file, approved);
        List<Diagnostic> run = run(project, file, RunOptions.of(CheckOptions.asOf(TODAY)));

        // the comment does silence section-missing: the gate speaks in its own name
        assertThat(inspected).extracting(Diagnostic::ruleId).doesNotContain("section-missing");
        assertGateNamesIt("specgate-disable", move, inspected, run);
    }

    @Test
    void aDisableNextLineCommentInACrlfSpecWithAByteOrderMarkLeavesTheGateClosed()
            throws Exception {
        Path root = family("");
        Path file = spec(root);
        String approved =
                "\uFEFF"
                        + withoutRollout(
                                        file,
                                        // on the line section-missing reports, the last
                                        "<!-- specgate-disable-next-line section-missing -->\n",
                                        "Reviewed by AppSec")
                                .replace("\n", "\r\n");
        SpecProject project = open(root);

        GateResult move = move(project, file, approved);
        List<Diagnostic> inspected = inspected(project, file, approved);
        List<Diagnostic> run = run(project, file, RunOptions.of(CheckOptions.asOf(TODAY)));

        assertThat(inspected).extracting(Diagnostic::ruleId).doesNotContain("section-missing");
        assertGateNamesIt("specgate-disable-next-line", move, inspected, run);
    }

    @Test
    void aBaselineEntryOfSectionMissingLeavesTheGateClosed() throws Exception {
        Path root = family("");
        Path file = spec(root);
        String approved = withoutRollout(file);
        Files.writeString(file, approved);
        SpecProject project = open(root);
        // recorded while the spec was Approved, the Rollout already gone: section-missing only
        ProjectRun before =
                project.run(
                        List.of(file),
                        RunOptions.of(CheckOptions.asOf(TODAY)).withFingerprints(root));
        assertThat(before.files().get(0).result().diagnostics())
                .extracting(Diagnostic::ruleId)
                .containsExactly("section-missing");
        Path baselineFile = root.resolve(".specgate-baseline.json");
        before.baselineOfAll().write(baselineFile);
        RunOptions withBaseline =
                RunOptions.of(CheckOptions.asOf(TODAY))
                        .withBaseline(
                                new RunOptions.LoadedBaseline(
                                        baselineFile, Baseline.read(baselineFile)));

        GateResult move = move(project, file, approved);
        List<Diagnostic> inspected = inspected(project, file, approved);
        List<Diagnostic> run = run(project, file, withBaseline);

        assertThat(run).extracting(Diagnostic::ruleId).containsExactly("gate-open");
        assertGateNamesIt("baseline", move, inspected, run);
    }

    @Test
    void sectionMissingTurnedOffOrAWarningOrAnErrorLeavesTheGateClosed() throws Exception {
        for (String level : List.of("off", "warning", "error")) {
            Path root = family("rules:\n  section-missing: " + level + "\n");
            Path file = spec(root);
            String approved = withoutRollout(file);
            SpecProject project = open(root);

            GateResult move = move(project, file, approved);
            List<Diagnostic> inspected = inspected(project, file, approved);
            List<Diagnostic> run = run(project, file, RunOptions.of(CheckOptions.asOf(TODAY)));

            assertGateNamesIt(level, move, inspected, run);
            assertThat(inspected)
                    .as(level)
                    .filteredOn(d -> d.ruleId().equals("section-missing"))
                    .hasSize(level.equals("off") ? 0 : 1);
            deleteTree(root);
        }
    }

    @Test
    void aMalformedBoxInAGatedChecklistUnderADisableOfTaskBoxIsNotTicked() throws Exception {
        Path root = family("");
        Path file = spec(root);
        String text = Files.readString(file);
        // two steps pasted from the release tool, their boxes not read by Markdown, task-box
        // silenced for them; the rest ticked
        String approved =
                text.replace(
                        "- [ ] 10% of production traffic\n- [ ] 100% of production traffic\n",
                        "<!-- specgate-disable task-box -- pasted from the release tool -->\n"
                                + "-[ ] 10% of production traffic\n"
                                + "- [ ]100% of production traffic\n"
                                + "<!-- specgate-enable task-box -->\n");
        assertThat(approved).isNotEqualTo(text);
        SpecProject project = open(root);

        GateResult move = move(project, file, approved);
        List<Diagnostic> inspected = inspected(project, file, approved);
        List<Diagnostic> run = run(project, file, RunOptions.of(CheckOptions.asOf(TODAY)));

        assertThat(move.passed()).isFalse();
        assertThat(move.reasons())
                .extracting(GateReason::text)
                .containsExactly(
                        "line 42: Rollout task box '-[ ]' is not read as an item, so it is not"
                                + " ticked: write it '- [ ] ' or '- [x] '",
                        "line 43: Rollout task box '[ ]' is not read as an item, so it is not"
                                + " ticked: write it '- [ ] ' or '- [x] '");
        for (List<Diagnostic> found : List.of(inspected, run)) {
            assertThat(found)
                    .extracting(d -> d.ruleId() + "@" + (d.range().startLine() + 1))
                    .containsExactly("gate-open@42", "gate-open@43");
            assertThat(found.get(0).message())
                    .isEqualTo(
                            "Rollout task box '-[ ]' is not read as an item, so it is not ticked"
                                    + " while the spec is Shipped, and 'gates:' asks every Rollout"
                                    + " item ticked before Shipped: write it '- [x] ' when done, or"
                                    + " set the status back");
        }
    }

    /**
     * A gated Rollout whose items were replaced by a line of prose held no item, so nothing was
     * open: the move to Shipped went through and check passed the spec at Shipped, as if the gate
     * were not there (a template heading without task boxes is refused in {@code gates:} for
     * holding nothing back; a spec's section emptied did the same unseen).
     */
    @Test
    void aGatedChecklistEmptiedOfItsItemsHoldsTheGate() throws Exception {
        Path root = family("");
        Path file = spec(root);
        String text = Files.readString(file);
        String approved =
                text.replace(
                        "- [x] Feature flag created\n- [x] Enabled in staging\n"
                                + "- [ ] 10% of production traffic\n"
                                + "- [ ] 100% of production traffic\n",
                        "Tracked on the release board: [RB-112](https://jira.example.com/RB-112)."
                                + "\n");
        assertThat(approved).isNotEqualTo(text);
        SpecProject project = open(root);

        GateResult move = move(project, file, approved);
        List<Diagnostic> inspected = inspected(project, file, approved);
        List<Diagnostic> run = run(project, file, RunOptions.of(CheckOptions.asOf(TODAY)));

        String said =
                "section 'Rollout' holds no task item, which 'gates:' asks to have every item"
                        + " ticked before Shipped";
        assertThat(move.reasons())
                .extracting(GateReason::text)
                .containsExactly("line " + (lineOf(approved, "## 🚀 Rollout") + 1) + ": " + said);
        for (List<Diagnostic> found : List.of(inspected, run)) {
            assertThat(found)
                    .extracting(
                            d -> d.ruleId() + "@" + (d.range().startLine() + 1) + " " + d.message())
                    .containsExactly(
                            "gate-open@"
                                    + (lineOf(approved, "## 🚀 Rollout") + 1)
                                    + " "
                                    + said
                                    + ", and the spec is Shipped: keep its items, ticked when done"
                                    + " (a step that does not apply as '- [x] ... (not needed:"
                                    + " why)')");
        }
    }

    /** The 0-based line of the first line holding {@code needle}. */
    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length - 1;
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p :
                    (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
