package dev.specgate.core.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.schema.HeadingKey;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the parser and every rule (jqwik: Jazzer's JUnit integration is not
 * available from the registries this project uses). Failures shrink to a small input. For a longer,
 * time-bounded run see {@link FuzzSoakTest}.
 */
class FuzzProperties {

    static final SpecChecker CHECKER = SpecChecker.standard();
    static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));
    static final Path FILE = Path.of("directives", "spec", "2026-01-01_spec_fuzz.md");

    @Property(tries = 400)
    void anyMarkdownIsCheckedWithValidDiagnostics(@ForAll("markdown") String markdown) {
        checkTwice(markdown);
    }

    @Property(tries = 150)
    void anEditedTemplateIsCheckedWithValidDiagnostics(@ForAll("editedTemplate") String markdown) {
        checkTwice(markdown);
    }

    /** Checks, asserts the invariants, and that a second check gives the same result. */
    static void checkTwice(String markdown) {
        CheckResult first = CHECKER.check(FILE, markdown, OPTIONS);
        Invariants.assertRangesValid(first, markdown);
        CheckResult second = CHECKER.check(FILE, markdown, OPTIONS);
        assertThat(second.diagnostics()).isEqualTo(first.diagnostics());
    }

    @Property(tries = 500)
    void headingKeysDropTrailingParentheticalsLikeBefore(@ForAll("linkSoup") String heading) {
        // keys are made from the rendered text (links to their text, images dropped)
        String rendered =
                dev.specgate.core.parse.HeadingText.rendered(
                        dev.specgate.core.parse.HeadingText.withoutAttribute(heading));
        assertThat(HeadingKey.of(heading)).isEqualTo(referenceHeadingKey(rendered));
    }

    @Provide
    Arbitrary<String> markdown() {
        return MarkdownArbitraries.markdown();
    }

    @Provide
    Arbitrary<String> editedTemplate() {
        return MarkdownArbitraries.editedTemplate();
    }

    @Provide
    Arbitrary<String> linkSoup() {
        return Arbitraries.of("[", "]", "(", ")", "!", "a", " ", ":", "*", "`", "x y", "\t")
                .list()
                .ofMaxSize(30)
                .map(parts -> String.join("", parts));
    }

    /** HeadingKey.of as first written (copying per step), to check the linear rewrite against. */
    static String referenceHeadingKey(String heading) {
        StringBuilder sb = new StringBuilder(heading.length());
        boolean space = false;
        for (int i = 0; i < heading.length(); i++) {
            char c = heading.charAt(i);
            if (c == '*' || c == '`') {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        String s = sb.toString();
        while (true) {
            String before = s;
            if (s.endsWith(")")) {
                int open = s.lastIndexOf('(');
                if (open > 0) {
                    s = s.substring(0, open).trim();
                }
            }
            if (s.endsWith(":")) {
                s = s.substring(0, s.length() - 1).trim();
            }
            if (s.equals(before)) {
                break;
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
