package dev.specgate.core.fix;

import static dev.specgate.core.TestSpecs.OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.RuleIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --fix} on a spec whose approval holds: a fix that would change the approved content
 * is withheld and said so, a fix outside it (the status block's dates) applies, and a spec with
 * nothing else to fix is left byte for byte as it was. Through the façade, as every surface fixes.
 */
class ApprovedFixesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final String FRONT_MATTER_NAME = "2026-10-14_spec_webhook-retry-backoff.md";
    private static final String SIDECAR_NAME = "2026-03-02_spec_approved-without-record.md";
    private static final Path SIDECAR = Path.of("src/test/resources/approval/sidecar");

    @TempDir Path root;

    private SpecProject project() throws Exception {
        Path config = root.resolve(".specgate.yml");
        return Files.exists(config)
                ? SpecProject.open(root, ConfigChoice.file(config))
                : SpecProject.open(root, ConfigChoice.none());
    }

    /** {@code text} moved to Approved by Priya Raman as {@code approve} does, parsed as checked. */
    private byte[] approved(Path file, byte[] bytes) throws Exception {
        Files.write(file, bytes);
        SpecProject p = project();
        SpecSource source = p.read(file);
        SpecDocument document = p.parse(file, source.text());
        return p.lifecycle()
                .moveEdit(source, document, SpecStatus.APPROVED, DAY, Optional.of("Priya Raman"))
                .bytes();
    }

    private ProjectRun fix(Path file) throws Exception {
        return project().run(List.of(file), RunOptions.of(OPTIONS).withFix(true));
    }

    private List<String> rules(Path file) throws Exception {
        CheckedSpec checked = project().inspect(file, OPTIONS);
        return checked.result().diagnostics().stream().map(Diagnostic::ruleId).toList();
    }

    private static byte[] bomCrlf(String lf) {
        return ("\uFEFF" + lf.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFixOfApprovedContentIsWithheldAndADateOutsideItIsFixed() throws Exception {
        Path file =
                Files.createDirectories(root.resolve("directives/spec")).resolve(FRONT_MATTER_NAME);
        String review =
                Files.readString(
                                Path.of(
                                        "src/test/resources/lifecycle/"
                                                + "2026-10-14_spec_webhook-retry-backoff-frontmatter.md"))
                        .replace(
                                "File: \"../directives/spec/" + FRONT_MATTER_NAME + "\"",
                                "File: \"../directives/spec/2026-10-14_spec_webhook-retries.md\"");
        // approved with the File field's old name; Next Review written loosely after the approval
        // (outside the approved content)
        String approved =
                new String(approved(file, bomCrlf(review)), StandardCharsets.UTF_8)
                        .replace(
                                "Next Review: \"2026-12-10\"",
                                "Next Review: \"December 10, 2026\"");
        byte[] before = approved.getBytes(StandardCharsets.UTF_8);
        Files.write(file, before);
        assertThat(rules(file))
                .contains(RuleIds.FIELD_FILE, RuleIds.FIELD_DATE)
                .doesNotContain(RuleIds.APPROVAL_STALE);

        ProjectRun run = fix(file);

        ProjectRun.FileOutcome outcome = run.files().get(0);
        assertThat(outcome.fixes())
                .extracting(f -> f.ruleId() + " '" + f.before() + "' -> '" + f.after() + "'")
                .containsExactly("field-date 'December 10, 2026' -> '2026-12-10'");
        assertThat(outcome.withheld())
                .hasValueSatisfying(
                        w -> {
                            assertThat(w.fixes())
                                    .extracting(SpecFixer.Fix::ruleId)
                                    .containsExactly(RuleIds.FIELD_FILE);
                            assertThat(w.message("SPEC", "SPEC"))
                                    .isEqualTo(
                                            "SPEC: 1 fix not applied [field-file]: it would change"
                                                    + " the content approved 2026-11-20 by Priya"
                                                    + " Raman and void that approval; make the"
                                                    + " change by hand, have the spec re-reviewed,"
                                                    + " then run specgate approve SPEC --refresh");
                        });
        // the date alone changed, BOM and CRLF kept; the approval holds, the File finding stays
        assertThat(Files.readAllBytes(file))
                .isEqualTo(
                        approved.replace(
                                        "Next Review: \"December 10, 2026\"",
                                        "Next Review: \"2026-12-10\"")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.result().diagnostics())
                .extracting(Diagnostic::ruleId)
                .contains(RuleIds.FIELD_FILE)
                .doesNotContain(RuleIds.APPROVAL_STALE, RuleIds.FIELD_DATE);
        assertThat(outcome.result().errors()).isPositive();
    }

    @Test
    void aSidecarSpecWithOnlyApprovedContentToFixIsLeftByteIdentical() throws Exception {
        Files.writeString(root.resolve(".specgate.yml"), "metadata:\n  sidecar: review.yaml\n");
        Path dir = Files.createDirectories(root.resolve("directives/spec"));
        Files.copy(SIDECAR.resolve("review.yaml"), dir.resolve("review.yaml"));
        Path file = dir.resolve(SIDECAR_NAME);
        String review =
                Files.readString(SIDECAR.resolve(SIDECAR_NAME), StandardCharsets.UTF_8)
                        .replace("**Document Status:** Approved", "**Document Status:** Review")
                        .replaceFirst("\\*\\*Approval:\\*\\* [^\\n]*\\n", "")
                        .replace("### Current State", "## Current State");
        byte[] approved = approved(file, review.getBytes(StandardCharsets.UTF_8));
        Files.write(file, approved);
        FileTime modified = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(file, modified);
        assertThat(rules(file))
                .contains(RuleIds.SECTION_LEVEL)
                .doesNotContain(RuleIds.APPROVAL_STALE, RuleIds.APPROVAL_MISSING);

        ProjectRun run = fix(file);

        ProjectRun.FileOutcome outcome = run.files().get(0);
        assertThat(outcome.fixes()).isEmpty();
        assertThat(outcome.withheld())
                .hasValueSatisfying(
                        w ->
                                assertThat(w.fixes())
                                        .extracting(f -> f.before() + " -> " + f.after())
                                        .containsExactly("## -> ###"));
        assertThat(Files.readAllBytes(file)).isEqualTo(approved);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(outcome.result().diagnostics())
                .extracting(Diagnostic::ruleId)
                .contains(RuleIds.SECTION_LEVEL);
    }

    @Test
    void aStaleApprovalHasNothingToKeep() throws Exception {
        Path file = Files.createDirectories(root.resolve("directives/spec")).resolve(SIDECAR_NAME);
        Files.writeString(root.resolve(".specgate.yml"), "metadata:\n  sidecar: review.yaml\n");
        Files.copy(SIDECAR.resolve("review.yaml"), file.resolveSibling("review.yaml"));
        String review =
                Files.readString(SIDECAR.resolve(SIDECAR_NAME), StandardCharsets.UTF_8)
                        .replace("**Document Status:** Approved", "**Document Status:** Review")
                        .replaceFirst("\\*\\*Approval:\\*\\* [^\\n]*\\n", "");
        String stale =
                new String(
                                approved(file, review.getBytes(StandardCharsets.UTF_8)),
                                StandardCharsets.UTF_8)
                        .replace("### Current State", "## Current State");
        Files.writeString(file, stale, StandardCharsets.UTF_8);

        ProjectRun run = fix(file);

        assertThat(run.files().get(0).withheld()).isEmpty();
        assertThat(run.files().get(0).fixes())
                .extracting(SpecFixer.Fix::ruleId)
                .containsExactly(RuleIds.SECTION_LEVEL);
        assertThat(Files.readString(file)).contains("\n### Current State\n");
        assertThat(rules(file)).doesNotContain(RuleIds.APPROVAL_STALE, RuleIds.SECTION_LEVEL);
    }
}
