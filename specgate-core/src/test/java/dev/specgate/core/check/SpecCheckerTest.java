package dev.specgate.core.check;

import static dev.specgate.core.TestSpecs.OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.rules.registry.RuleRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker as a whole: configuration, unreadable input, in-memory text, sharing. */
class SpecCheckerTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();
    private static final Path CLEAN =
            TestSpecs.resource("clean/directives/spec/2026-03-02_spec_invoice-export-timeouts.md");
    private static final Path CREATED_DIFFERS =
            TestSpecs.resource(
                    "rules/created-date/2026-03-02_spec_created-differs-from-file-name.md");
    private static final String APPROVED_NAME = "2026-05-11_spec_sso-session-audit-trail.md";
    private static final Path APPROVED =
            TestSpecs.resource("clean/directives/spec/" + APPROVED_NAME);
    private static final Path DRAFT =
            TestSpecs.resource("draft/2026-11-20_spec_audit-log-export.md");

    @TempDir Path dir;

    @Test
    void standardCheckerRunsEveryBuiltinRuleAgainstTheBuiltinTemplate() {
        assertThat(CHECKER.rules()).isEqualTo(RuleRegistry.builtin());
        assertThat(CHECKER.schema().name()).isEqualTo("rigour-vibe");
    }

    @Test
    void anEmptySpecMissesItsSectionsInTheTemplatesOrderNotTheAlphabets() {
        CheckResult result = CHECKER.check(null, "", OPTIONS);

        List<String> missing =
                result.diagnostics().stream()
                        .filter(d -> d.ruleId().equals(RuleIds.SECTION_MISSING))
                        .map(Diagnostic::message)
                        .toList();
        assertThat(missing)
                .containsExactly(
                        "missing title: the spec must start with a level-1 heading ('# Technical"
                                + " Specification: [Feature/Problem Name]')",
                        "missing section '## Executive Summary' (expected at the end of the spec)",
                        "missing section '## Problem Analysis' (expected at the end of the spec)",
                        "missing section '## Proposed Solution' (expected at the end of the spec)",
                        "missing section '## Implementation Plan' (expected at the end of the"
                                + " spec)",
                        "missing section '## Technical Details' (expected at the end of the spec)",
                        "missing section '## Risk Assessment' (expected at the end of the spec)",
                        "missing section '## Testing Strategy' (expected at the end of the spec)",
                        "missing section '## Monitoring & Observability' (expected at the end of"
                                + " the spec)",
                        "missing section '## Dependencies & Integration' (expected at the end of"
                                + " the spec)",
                        "missing section '## Rollback Strategy' (expected at the end of the spec)",
                        "missing section '## Success Criteria' (expected at the end of the spec)",
                        "missing section '## Timeline & Milestones' (expected at the end of the"
                                + " spec)",
                        "missing section '## Open Questions & Decisions' (expected at the end of"
                                + " the spec)");
        assertThat(result.diagnostics())
                .filteredOn(d -> d.ruleId().equals(RuleIds.SECTION_MISSING))
                .allSatisfy(d -> assertThat(d.range()).isEqualTo(SourceRange.fileStart()));
    }

    @Test
    void unreadableFileIsOneErrorAtItsBadByteNotAnException() throws Exception {
        Path latin1 =
                Files.write(
                        dir.resolve("2026-01-01_spec_x.md"),
                        "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        CheckResult result = CHECKER.checkFile(latin1, OPTIONS);

        assertThat(result.diagnostics()).hasSize(1);
        Diagnostic d = result.diagnostics().get(0);
        assertThat(d.ruleId()).isEqualTo(RuleIds.UNREADABLE_FILE).isEqualTo("unreadable-file");
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        // at the bad byte: line 1, after "# Caf"
        assertThat(d.range()).isEqualTo(SourceRange.ofLine(0, 5, 6));
        assertThat(d.message())
                .isEqualTo(
                        "cannot check this file: not UTF-8 (byte 0xE9 at offset 5); save the file"
                                + " as UTF-8");
        assertThat(result.parsed()).isEmpty();
        assertThat(result.status()).isNull();
        assertThat(result.path()).isEqualTo(latin1);
    }

    @Test
    void missingFileAndFolderAreUnreadableToo() {
        assertThat(CHECKER.checkFile(dir.resolve("absent.md"), OPTIONS).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).endsWith("no such file"));
        assertThat(CHECKER.checkFile(dir, OPTIONS).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.ruleId()).isEqualTo(RuleIds.UNREADABLE_FILE));
    }

    @Test
    void sizeLimitComesFromTheReader() throws Exception {
        Path spec = Files.copy(CLEAN, dir.resolve(CLEAN.getFileName()));
        long size = Files.size(spec);

        assertThat(
                        SpecChecker.builder()
                                .reader(new SpecFileReader(size))
                                .build()
                                .checkFile(spec, OPTIONS)
                                .diagnostics())
                .isEmpty();
        assertThat(
                        SpecChecker.builder()
                                .reader(new SpecFileReader(size - 1))
                                .build()
                                .checkFile(spec, OPTIONS)
                                .diagnostics())
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d.message())
                                        .contains("over the limit of " + (size - 1) + " bytes"));
    }

    @Test
    void severityCanBeOverriddenPerRule() {
        SpecChecker strict =
                SpecChecker.builder().severity(RuleIds.CREATED_DATE, Severity.ERROR).build();

        assertThat(CHECKER.checkFile(CREATED_DIFFERS, OPTIONS).diagnostics())
                .extracting(Diagnostic::severity)
                .containsExactly(Severity.WARNING);
        assertThat(strict.checkFile(CREATED_DIFFERS, OPTIONS).diagnostics())
                .extracting(Diagnostic::severity)
                .containsExactly(Severity.ERROR);
    }

    @Test
    void disabledRuleReportsNothing() {
        SpecChecker lenient = SpecChecker.builder().disable(RuleIds.PLACEHOLDER_TEMPLATE).build();

        assertThat(lenient.checkFile(DRAFT, OPTIONS).diagnostics())
                .isNotEmpty()
                .noneMatch(d -> d.ruleId().equals(RuleIds.PLACEHOLDER_TEMPLATE));
    }

    @Test
    void aRuleTurnedOffIsNotRun() {
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        Rule counting =
                new BaseRule("count-checks", RuleCategory.INPUT, Severity.WARNING, "Counts.") {
                    @Override
                    public void check(RuleContext ctx) {
                        ran.add(ctx.file().map(Path::toString).orElse("-"));
                        ctx.report(SourceRange.fileStart(), "checked");
                    }
                };
        List<Rule> rules = new ArrayList<>(RuleRegistry.builtin());
        rules.add(counting);
        SpecChecker on = SpecChecker.builder().rules(rules).build();
        SpecChecker off = SpecChecker.builder().rules(rules).disable("count-checks").build();

        assertThat(on.checkFile(CLEAN, OPTIONS).diagnostics())
                .anyMatch(d -> d.ruleId().equals("count-checks"));
        assertThat(ran).hasSize(1);
        assertThat(off.checkFile(CLEAN, OPTIONS).diagnostics())
                .noneMatch(d -> d.ruleId().equals("count-checks"));
        assertThat(ran).hasSize(1);
        // still a rule of the checker: a suppression that names it is no unknown rule
        assertThat(off.rules()).contains(counting);
        assertThat(off.activeRules()).doesNotContain(counting);
    }

    /**
     * A rule that leaves a cause to another asks whether that one reports ({@code
     * RuleContext.reports}) and reads the checker's {@link SpecChecker#levels}, the reading its
     * filter takes: a rule the checker does not run is not reported. The context kept its own list
     * of rules turned off, empty unless told, so a rule missing from the checker's rules read as
     * reported, and section-empty left a configured stand-in to a placeholder-template that never
     * ran.
     */
    @Test
    void aRuleReadsWhetherAnotherReportsAsTheCheckerRunsIt() {
        java.util.Map<String, Boolean> asked = new java.util.concurrent.ConcurrentHashMap<>();
        Rule asking =
                new BaseRule("ask-levels", RuleCategory.INPUT, Severity.WARNING, "Asks.") {
                    @Override
                    public void check(RuleContext ctx) {
                        for (String id :
                                List.of(
                                        RuleIds.PLACEHOLDER_TEMPLATE,
                                        RuleIds.SECTION_EMPTY,
                                        RuleIds.LAYOUT_EARLY)) {
                            asked.put(id, ctx.reports(id));
                        }
                    }
                };
        List<Rule> rules = new ArrayList<>();
        for (Rule r : RuleRegistry.builtin()) {
            if (!r.id().equals(RuleIds.SECTION_EMPTY)) {
                rules.add(r);
            }
        }
        rules.add(asking);
        SpecChecker checker =
                SpecChecker.builder()
                        .rules(rules)
                        .disable(RuleIds.PLACEHOLDER_TEMPLATE)
                        .severity(RuleIds.LAYOUT_EARLY, Severity.ERROR)
                        .build();

        checker.checkFile(DRAFT, OPTIONS);

        assertThat(asked)
                .containsEntry(RuleIds.PLACEHOLDER_TEMPLATE, false) // turned off
                .containsEntry(RuleIds.SECTION_EMPTY, false) // not among the checker's rules
                .containsEntry(RuleIds.LAYOUT_EARLY, true);
        assertThat(checker.levels().reports(RuleIds.SECTION_EMPTY)).isFalse();
        assertThat(checker.severityOverride(RuleIds.LAYOUT_EARLY)).contains(Severity.ERROR);
    }

    @Test
    void rulesTurnedOffLeaveEveryOtherFindingAsItWas() throws Exception {
        // approval-missing (with a record under an earlier name, whose advice reads it),
        // link-broken, section-order, field-date and approval-stale (on a stale approval) off:
        // the others' findings are those a check with every rule finds
        List<String> off =
                List.of(
                        RuleIds.APPROVAL_MISSING,
                        RuleIds.APPROVAL_STALE,
                        RuleIds.LINK_BROKEN,
                        RuleIds.SECTION_ORDER,
                        RuleIds.FIELD_DATE);
        SpecChecker.Builder b = SpecChecker.builder();
        off.forEach(b::disable);
        SpecChecker lenient = b.build();
        String approved = Files.readString(APPROVED, StandardCharsets.UTF_8);
        Path stale = Files.createDirectories(dir.resolve("directives/spec")).resolve(APPROVED_NAME);
        Files.writeString(
                stale,
                approved.replace("## Executive Summary\n", "## Executive Summary\nChanged.\n"),
                StandardCharsets.UTF_8);
        Path renamed = dir.resolve("directives/spec/2026-05-12_spec_renamed-field.md");
        Files.writeString(
                renamed,
                approved.replace("**Approval:**", "**Sign-off:**"),
                StandardCharsets.UTF_8);
        for (Path file : List.of(CLEAN, DRAFT, CREATED_DIFFERS, APPROVED, stale, renamed)) {
            List<Diagnostic> all = CHECKER.checkFile(file, OPTIONS).diagnostics();
            assertThat(lenient.checkFile(file, OPTIONS).diagnostics())
                    .as(file.getFileName().toString())
                    .isEqualTo(all.stream().filter(d -> !off.contains(d.ruleId())).toList());
        }
        assertThat(CHECKER.checkFile(stale, OPTIONS).diagnostics())
                .anyMatch(d -> d.ruleId().equals(RuleIds.APPROVAL_STALE));
        assertThat(CHECKER.checkFile(renamed, OPTIONS).diagnostics())
                .anyMatch(
                        d ->
                                d.ruleId().equals(RuleIds.APPROVAL_MISSING)
                                        && d.message().contains("'**Sign-off:**' record"));
    }

    @Test
    void theApprovalsStateIsCheckedWithApprovalStaleTurnedOff() throws Exception {
        SpecChecker lenient = SpecChecker.builder().disable(RuleIds.APPROVAL_STALE).build();
        String approved = Files.readString(APPROVED, StandardCharsets.UTF_8);
        Path stale = Files.createDirectories(dir.resolve("directives/spec")).resolve(APPROVED_NAME);
        Files.writeString(
                stale,
                approved.replace("## Executive Summary\n", "## Executive Summary\nChanged.\n")
                        .replace("\n", "\r\n"),
                StandardCharsets.UTF_8);

        CheckResult on = CHECKER.checkFile(stale, OPTIONS);
        CheckResult off = lenient.checkFile(stale, OPTIONS);
        assertThat(on.reports(RuleIds.APPROVAL_STALE)).isTrue();
        assertThat(off.reports(RuleIds.APPROVAL_STALE)).isFalse();
        // the state the fixes' gate, the dashboard and the editors read: computed all the same
        assertThat(off.approvalCheck()).isPresent().isEqualTo(on.approvalCheck());
        assertThat(off.approvalCheck().get().stale()).isTrue();
        assertThat(off.approvalCheck().get().changes()).isEqualTo("changed: Executive Summary");
        assertThat(lenient.checkFile(APPROVED, OPTIONS).approvalCheck())
                .isEqualTo(CHECKER.checkFile(APPROVED, OPTIONS).approvalCheck())
                .hasValueSatisfying(c -> assertThat(c.valid()).isTrue());
        // before Approved, no state either way
        Path review = dir.resolve("directives/spec/2026-05-12_spec_in-review.md");
        Files.writeString(
                review,
                approved.replace("**Document Status:** Approved", "**Document Status:** Review"),
                StandardCharsets.UTF_8);
        assertThat(CHECKER.checkFile(review, OPTIONS).approvalCheck()).isEmpty();
        assertThat(lenient.checkFile(review, OPTIONS).approvalCheck()).isEmpty();
    }

    @Test
    void disablingTheUnreadableRuleSilencesUnreadableFiles() {
        SpecChecker checker = SpecChecker.builder().disable(RuleIds.UNREADABLE_FILE).build();

        assertThat(checker.checkFile(dir.resolve("absent.md"), OPTIONS).diagnostics()).isEmpty();
    }

    @Test
    void unknownRuleIdIsRefusedWithItsName() {
        assertThatThrownBy(() -> SpecChecker.builder().disable("no-such-rule"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown rule id 'no-such-rule'");
        assertThatThrownBy(() -> SpecChecker.builder().severity("file-unreadable", Severity.INFO))
                .hasMessageContaining("file-unreadable");
    }

    @Test
    void textWithoutAFileSkipsTheFileRules() {
        String text =
                TestSpecs.read(CLEAN)
                        .replace("2026-03-02_spec_invoice-export-timeouts.md", "other.md");

        CheckResult inMemory = CHECKER.check(null, text, OPTIONS);
        CheckResult asFile = CHECKER.check(CLEAN, text, OPTIONS);

        assertThat(inMemory.diagnostics()).isEmpty();
        assertThat(asFile.diagnostics())
                .extracting(Diagnostic::ruleId)
                .containsExactly("field-file");
    }

    @Test
    void diagnosticsAreSortedByPositionThenRule() {
        List<Diagnostic> diagnostics = CHECKER.checkFile(DRAFT, OPTIONS).diagnostics();

        assertThat(diagnostics).hasSizeGreaterThan(100).isSorted();
        assertThat(diagnostics.get(0).range().startLine())
                .isLessThanOrEqualTo(diagnostics.get(1).range().startLine());
    }

    @Test
    void emphasisedDraftStatusIsStillADraft() {
        String text =
                TestSpecs.read(DRAFT)
                        .replace("**Document Status:** Draft", "**Document Status:** *Draft*");

        CheckResult result = CHECKER.check(DRAFT, text, OPTIONS);

        assertThat(result.status()).isEqualTo("*Draft*");
        assertThat(result.errors()).isZero();
        assertThat(result.warnings()).isPositive();
    }

    @Test
    void missingStatusIsHeldAsReview() {
        String text = TestSpecs.read(DRAFT).replace("**Document Status:** Draft\n", "");

        CheckResult result = CHECKER.check(DRAFT, text, OPTIONS);

        assertThat(result.status()).isNull();
        assertThat(result.warnings()).isZero();
        assertThat(result.diagnostics()).anyMatch(d -> d.ruleId().equals("field-missing"));
    }

    @Test
    void oneCheckerServesManyThreads() throws Exception {
        List<Path> files = List.of(CLEAN, CREATED_DIFFERS, DRAFT);
        List<List<Diagnostic>> sequential =
                files.stream().map(f -> CHECKER.checkFile(f, OPTIONS).diagnostics()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                List<Future<List<Diagnostic>>> futures =
                        files.stream()
                                .map(
                                        f ->
                                                pool.submit(
                                                        () ->
                                                                CHECKER.checkFile(f, OPTIONS)
                                                                        .diagnostics()))
                                .toList();
                for (int i = 0; i < files.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void linkTargetCreatedBetweenChecksIsFoundByTheNextCheck() throws Exception {
        Path spec = Files.copy(CLEAN, dir.resolve(CLEAN.getFileName()));
        Files.writeString(
                spec,
                TestSpecs.read(spec)
                        .replace(
                                "## Executive Summary\n",
                                "## Executive Summary\nSee the [notes](notes.txt).\n"));

        assertThat(CHECKER.checkFile(spec, OPTIONS).diagnostics())
                .extracting(Diagnostic::ruleId)
                .containsExactly("link-broken");
        Files.writeString(dir.resolve("notes.txt"), "notes");
        assertThat(CHECKER.checkFile(spec, OPTIONS).diagnostics()).isEmpty();
    }

    @Test
    void rootRelativeLinksResolveFromTheFolderHoldingDirectives() throws Exception {
        Path specDir = Files.createDirectories(dir.resolve("directives/spec"));
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/present.md"), "# Present\n");
        Path spec = specDir.resolve(CLEAN.getFileName());
        Files.writeString(
                spec,
                TestSpecs.read(CLEAN)
                        .replace(
                                "## Executive Summary\n",
                                "## Executive Summary\n[a](/docs/present.md) [b](/docs/absent.md)\n"));

        assertThat(CHECKER.checkFile(spec, OPTIONS).diagnostics())
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d.message())
                                        .isEqualTo("link target '/docs/absent.md' does not exist"));
    }

    @Test
    void resultWithoutDocumentKeepsTheDiagnostics() {
        CheckResult result = CHECKER.checkFile(CREATED_DIFFERS, OPTIONS);

        CheckResult slim = result.withoutDocument();

        assertThat(slim.parsed()).isEmpty();
        assertThat(slim.diagnostics()).isEqualTo(result.diagnostics());
        assertThat(slim.warnings()).isEqualTo(1);
    }
}
