package dev.specgate.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.UnreadableSpecException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecFixerTest {

    private static final Path FILE = Path.of("directives/spec/" + TestSpecs.CLEAN_NAME);
    private static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));

    /** The clean spec with one problem of each fixable kind, and one that cannot be fixed. */
    static String broken() {
        return TestSpecs.clean()
                .replace(
                        "`directives/spec/2026-10-02_spec_webhook-retry-queue.md`",
                        "`directives/spec/2026-10-02_spec_webhook-retries.md`")
                .replace("### Current State", "## Current State")
                .replace(
                        "- [x] Outbox table approved by the database guild",
                        "- [] Outbox table approved by the database guild\n"
                                + "- [ x] Feature flag agreed\n"
                                + "- [x]Load test booked\n\n"
                                + "-[ ] Simulator budget\n")
                .replace("**Last Updated:** 2026-10-20", "**Last Updated:** *20/10/2026*")
                .replace("**Next Review:** 2027-01-15", "**Next Review:** 02/11/2027");
    }

    private static SpecFixer.Result fix(SpecSource source, SpecChecker checker) {
        CheckResult r = checker.check(FILE, source.text(), OPTIONS);
        return new SpecFixer().fix(source, r.document(), checker.schema(), FILE, r.diagnostics());
    }

    private static SpecFixer.Result fix(SpecSource source) {
        return fix(source, SpecChecker.standard());
    }

    @Test
    void fixesEachKindAndSaysWhat() {
        SpecFixer.Result result = fix(SpecSource.of(broken()));

        assertThat(result.fixes())
                .extracting(f -> f.ruleId() + " '" + f.before() + "' -> '" + f.after() + "'")
                .containsExactly(
                        "field-file '2026-10-02_spec_webhook-retries.md' -> '"
                                + TestSpecs.CLEAN_NAME
                                + "'",
                        "section-level '##' -> '###'",
                        "task-box '[]' -> '[ ]'",
                        "task-box '[ x]' -> '[x]'",
                        "task-box '[x]' -> '[x] '",
                        "task-box '-[ ]' -> '- [ ]'",
                        "field-date '20/10/2026' -> '2026-10-20'");
        String fixed = result.edit().text();
        assertThat(fixed)
                .contains("**File:** `directives/spec/" + TestSpecs.CLEAN_NAME + "`")
                .contains("\n### Current State\n")
                .contains(
                        "- [ ] Outbox table approved by the database guild\n"
                                + "- [x] Feature flag agreed\n"
                                + "- [x] Load test booked\n\n"
                                + "- [ ] Simulator budget\n")
                .contains("**Last Updated:** *2026-10-20*")
                .contains("**Next Review:** 02/11/2027");
    }

    /** The clean spec with its File field written as {@code value}, fixed at {@code file}. */
    private static SpecFixer.Result fixFileField(String value, Path file) {
        Path root = Path.of("").toAbsolutePath();
        SpecChecker checker = SpecChecker.builder().projectRoot(root).build();
        SpecSource source =
                SpecSource.of(
                        TestSpecs.clean()
                                .replace(
                                        "**File:** `directives/spec/" + TestSpecs.CLEAN_NAME + "`",
                                        "**File:** " + value));
        CheckResult r = checker.check(file, source.text(), OPTIONS);
        SpecFixer.Result result =
                new SpecFixer()
                        .fix(source, r.document(), checker.schema(), file, root, r.diagnostics());
        CheckResult after = checker.check(file, result.edit().text(), OPTIONS);
        // a fix claimed is a finding gone, as the rule reads the value
        assertThat(
                        after.diagnostics().stream()
                                .filter(d -> d.ruleId().equals("field-file"))
                                .toList())
                .as(result.edit().text().lines().skip(2).findFirst().orElse(""))
                .hasSize(result.isEmpty() ? 1 : 0);
        return result;
    }

    @Test
    void aFileFieldIsNotFixedToANameTheLocaleCouldNotRead() {
        // LC_ALL=C reads relevé.md as relev\uFFFD\uFFFD.md: written into the field, it would name
        // no file; the finding stays, the field as it was
        Path unreadable = Path.of("directives/spec/2026-11-01_spec_relev\uFFFD\uFFFD.md");

        SpecFixer.Result path =
                fixFileField("`directives/spec/2026-10-02_spec_webhook-retries.md`", unreadable);
        SpecFixer.Result link =
                fixFileField("[this spec](2026-10-02_spec_webhook-retries.md)", unreadable);

        assertThat(path.isEmpty()).isTrue();
        assertThat(link.isEmpty()).isTrue();
    }

    @Test
    void aFileFieldKeepsItsFragmentAndQuery() {
        String old = "2026-10-02_spec_webhook-retries.md";
        String name = TestSpecs.CLEAN_NAME;

        String path = fixFileField("`directives/spec/" + old + "#rollout`", FILE).edit().text();
        String bare = fixFileField(old + "?plain=1", FILE).edit().text();
        String link = fixFileField("[this spec](" + old + "#rollout)", FILE).edit().text();
        String bracketed =
                fixFileField("[this spec](<" + old + "#rollout> \"Spec\")", FILE).edit().text();

        assertThat(path).contains("**File:** `directives/spec/" + name + "#rollout`\n");
        assertThat(bare).contains("**File:** " + name + "?plain=1\n");
        assertThat(link).contains("**File:** [this spec](./" + name + "#rollout)\n");
        assertThat(bracketed)
                .contains("**File:** [this spec](<./" + name + "#rollout> \"Spec\")\n");
    }

    @Test
    void aFixTheRuleWouldStillRejectIsNotClaimed() {
        // a name with '#' is cut there when the value is read: writing it fixes nothing
        Path hashed = Path.of("directives/spec/2026-10-02_spec_retry#2.md");

        SpecFixer.Result bare = fixFileField("2026-10-02_spec_webhook-retries.md", hashed);
        SpecFixer.Result path =
                fixFileField("`directives/spec/2026-10-02_spec_webhook-retries.md`", hashed);

        assertThat(bare.fixes()).isEmpty();
        assertThat(path.fixes()).isEmpty();
    }

    @Test
    void fixingTwiceChangesNothingTheSecondTime() {
        SpecSource once = SpecSource.of(fix(SpecSource.of(broken())).edit().text());

        SpecFixer.Result again = fix(once);

        assertThat(again.isEmpty()).isTrue();
        assertThat(again.edit().isIdentity()).isTrue();
        CheckResult after = SpecChecker.standard().check(FILE, once.text(), OPTIONS);
        assertThat(after.diagnostics())
                .extracting(d -> d.ruleId())
                // the ambiguous 02/11/2027 stays for a person; the approval is no fix's to make
                .containsExactly("approval-missing", "field-date");
    }

    /**
     * A decision whose box is malformed keeps a deadline all the same: check reports its date
     * beside the box, and one --fix fixes both. Before, the date was read only once the box was
     * fixed, so the first --fix fixed the box alone and a second one the date.
     */
    @Test
    void aMalformedBoxAndTheDeadlineBesideItAreFixedInOneRun() {
        String spec =
                TestSpecs.clean()
                        .replace(
                                "- [x] Back-off cap of 6 h or 24 h - **Decision by:** 2026-10-10",
                                "- [ x] Back-off cap of 6 h or 24 h - **Decision by:** October 10,"
                                        + " 2026")
                        .replace(
                                "- [x] Do merchants need a replay API? - **Answer needed by:**"
                                        + " 2026-10-15",
                                "- [x ] Do merchants need a replay API? - **Answer needed by:**"
                                        + " 15.10.2026");
        CheckResult checked = SpecChecker.standard().check(FILE, spec, OPTIONS);
        assertThat(checked.diagnostics())
                .extracting(d -> d.ruleId() + "@" + (d.range().startLine() + 1))
                .contains("task-box@260", "field-date@260", "task-box@264", "field-date@264");

        SpecFixer.Result once = fix(SpecSource.of(spec));
        SpecFixer.Result again = fix(SpecSource.of(once.edit().text()));

        assertThat(once.fixes())
                .extracting(f -> f.ruleId() + " '" + f.before() + "' -> '" + f.after() + "'")
                .containsExactly(
                        "task-box '[ x]' -> '[x]'",
                        "field-date 'October 10, 2026' -> '2026-10-10'",
                        "task-box '[x ]' -> '[x]'",
                        "field-date '15.10.2026' -> '2026-10-15'");
        assertThat(once.edit().text()).isEqualTo(TestSpecs.clean());
        assertThat(again.isEmpty()).isTrue();
    }

    @Test
    void crlfAndByteOrderMarkSurviveAndOnlyFixedBytesChange() throws UnreadableSpecException {
        String lf = broken();
        byte[] body = lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        byte[] fixed = fix(SpecSource.of(withBom)).edit().bytes();

        String expected = "\uFEFF" + fix(SpecSource.of(lf)).edit().text().replace("\n", "\r\n");
        assertThat(new String(fixed, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void rulesTurnedOffAndSilencedFindingsAreNotFixed() {
        SpecChecker noTaskBoxes = SpecChecker.builder().disable("task-box").build();
        String silenced =
                broken().replace(
                                "## Current State",
                                "<!-- specgate-disable-next-line section-level -->\n## Current State");

        List<String> rules =
                fix(SpecSource.of(silenced), noTaskBoxes).fixes().stream()
                        .map(SpecFixer.Fix::ruleId)
                        .toList();

        assertThat(rules).containsExactly("field-file", "field-date");
    }

    @Test
    void aCleanSpecNeedsNoFix() {
        assertThat(fix(SpecSource.of(TestSpecs.clean())).isEmpty()).isTrue();
    }
}
