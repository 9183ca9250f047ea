package dev.specgate.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.UnreadableSpecException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fixing a clean spec that was broken only in fixable ways gives the clean spec back, byte for byte
 * (in its own line breaks, with or without a byte order mark), and fixing again changes nothing.
 */
class SpecFixerPropertyTest {

    private static final Path FILE = Path.of("directives/spec/" + TestSpecs.CLEAN_NAME);
    private static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));
    private static final SpecChecker CHECKER = SpecChecker.standard();

    /** A line of the clean spec and the broken forms the fixer must bring back to it. */
    private record Breakable(String line, List<String> broken) {}

    private static final List<Breakable> BREAKABLE =
            List.of(
                    new Breakable(
                            "**File:** `directives/spec/2026-10-02_spec_webhook-retry-queue.md`",
                            List.of(
                                    "**File:** `directives/spec/2026-10-01_spec_webhooks.md`",
                                    "**File:** `directives/spec/YYYY-MM-DD_spec_feature-name.md`")),
                    new Breakable(
                            "### Current State", List.of("## Current State", "#### Current State")),
                    new Breakable("### Prerequisites", List.of("#### Prerequisites")),
                    new Breakable("## Risk Assessment", List.of("### Risk Assessment")),
                    new Breakable(
                            "- [x] Outbox table approved by the database guild",
                            List.of(
                                    "- [ x] Outbox table approved by the database guild",
                                    "- [x ] Outbox table approved by the database guild",
                                    "- [X ] Outbox table approved by the database guild",
                                    "- [x]Outbox table approved by the database guild")),
                    new Breakable(
                            "- [ ] Staging merchant simulator deployed",
                            List.of(
                                    "- [] Staging merchant simulator deployed",
                                    "- [  ] Staging merchant simulator deployed")),
                    new Breakable(
                            "**Last Updated:** 2026-10-20",
                            List.of(
                                    "**Last Updated:** 20/10/2026",
                                    "**Last Updated:** 10/20/2026",
                                    "**Last Updated:** 20.10.2026",
                                    "**Last Updated:** 2026/10/20",
                                    "**Last Updated:** October 20, 2026",
                                    "**Last Updated:** 20 Oct 2026")));

    /** A generated case: which lines to break and how, the line break, and a byte order mark. */
    record Case(List<Integer> forms, String lineBreak, boolean bom) {
        @Override
        public String toString() {
            return "forms="
                    + forms
                    + " break="
                    + lineBreak.replace("\r", "CR").replace("\n", "LF")
                    + " bom="
                    + bom;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<Integer>> forms =
                Arbitraries.integers().between(-1, 5).list().ofSize(BREAKABLE.size());
        return Combinators.combine(forms, Arbitraries.of("\n", "\r\n"), Arbitraries.of(true, false))
                .as(Case::new);
    }

    @Property(tries = 100)
    void fixingBrokenLinesRestoresTheCleanSpecExactly(@ForAll("cases") Case c)
            throws UnreadableSpecException {
        String clean = TestSpecs.clean();
        String broken = clean;
        for (int i = 0; i < BREAKABLE.size(); i++) {
            int form = c.forms().get(i);
            Breakable b = BREAKABLE.get(i);
            if (form >= 0) {
                broken = broken.replace(b.line(), b.broken().get(form % b.broken().size()));
            }
        }

        byte[] fixed = fix(SpecSource.of(bytes(broken, c))).edit().bytes();

        assertThat(new String(fixed, StandardCharsets.UTF_8))
                .isEqualTo(new String(bytes(clean, c), StandardCharsets.UTF_8));
        SpecFixer.Result again = fix(SpecSource.of(fixed));
        assertThat(again.fixes()).isEmpty();
    }

    private static SpecFixer.Result fix(SpecSource source) {
        CheckResult r = CHECKER.check(FILE, source.text(), OPTIONS);
        return new SpecFixer().fix(source, r.document(), CHECKER.schema(), FILE, r.diagnostics());
    }

    private static byte[] bytes(String lf, Case c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (c.bom()) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        out.writeBytes(lf.replace("\n", c.lineBreak()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
