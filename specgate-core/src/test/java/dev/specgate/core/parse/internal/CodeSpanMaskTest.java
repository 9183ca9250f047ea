package dev.specgate.core.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Code spans are masked as the earlier queue-per-length matching did, on arrays. */
class CodeSpanMaskTest {

    @Property(tries = 3000)
    void masksTheSpansTheQueueMatchingMasked(@ForAll("backtickSoup") String text) {
        InlineScanner scanner =
                new InlineScanner(new InlineText(List.of(new RawLine(text, 0, 0))), Map.of());
        assertThat(scanner.masked(0, text.length())).isEqualTo(reference(text));
    }

    @Example
    void runsLongerThanTheShortTableMatchToo() {
        String fence = "`".repeat(40);
        String text = fence + " a `` b " + fence + " c `` d";
        InlineScanner scanner =
                new InlineScanner(new InlineText(List.of(new RawLine(text, 0, 0))), Map.of());
        assertThat(scanner.masked(0, text.length())).isEqualTo(reference(text));
        assertThat(scanner.masked(0, text.length())).endsWith(" c `` d");
    }

    /**
     * A block whose code spans are left unblanked for the label reading ({@code
     * InlineSyntax.codeSpansUnread}) reads the same labels as the same block masked in full: the
     * marks handed over may claim more than the text holds (here a '{'), which masks it.
     */
    @Property(tries = 3000)
    void labelsReadAlikeWithTheCodeLeftOrBlanked(@ForAll("labelSoup") String text) {
        char[] chars = text.toCharArray();
        int marks = InlineSyntax.marks(chars, 0, chars.length);
        InlineScanner left =
                new InlineScanner(InlineText.ofLine(chars, 0, chars.length, 0, 0, marks), Map.of());
        InlineScanner blanked =
                new InlineScanner(
                        InlineText.ofLine(
                                chars, 0, chars.length, 0, 0, marks | InlineSyntax.OPEN_BRACE),
                        Map.of());
        for (int from : new int[] {0, Math.min(3, chars.length)}) {
            for (boolean atLineStartOnly : new boolean[] {true, false}) {
                BoldLabels a = new BoldLabels();
                BoldLabels b = new BoldLabels();
                left.labels(0, atLineStartOnly, from, a);
                blanked.labels(0, atLineStartOnly, from, b);
                assertThat(a.toArray()).isEqualTo(b.toArray());
            }
        }
        assertThat(left.masked(0, chars.length)).isEqualTo(blanked.masked(0, chars.length));
    }

    /**
     * A run's closing run found by a search ({@code CodeSpans.closing}, which the bracket pairing
     * uses to pass over code spans) pairs the runs as the masking does, and {@code
     * InlineSyntax.starsAndCode}'s one pass answers what a search for a '*' after the first
     * backtick and a run-by-run search for closing runs answered (the two passes it replaced).
     */
    @Property(tries = 3000)
    void closingRunsPairAsTheMaskingDoes(@ForAll("starSoup") String text) {
        char[] chars = text.toCharArray();
        char[] blanked = text.toCharArray();
        int k = 0;
        boolean unclosed = false;
        while (k < chars.length) {
            if (chars[k] != '`') {
                k++;
                continue;
            }
            int end = CodeSpans.closing(chars, k, chars.length);
            if (end < 0) {
                unclosed = true;
                k = -end;
                continue;
            }
            for (int j = k; j < end; j++) {
                blanked[j] = blanked[j] == '\n' ? '\n' : ' ';
            }
            k = end;
        }
        assertThat(new String(blanked)).isEqualTo(reference(text));
        int expected =
                !InlineSyntax.noStarFromFirstBacktick(chars, 0, chars.length)
                        ? InlineSyntax.STAR_AFTER_BACKTICK
                        : closeEachRun(chars) ? InlineSyntax.CODE_CLOSED : InlineSyntax.CODE_OPEN;
        assertThat(InlineSyntax.starsAndCode(chars, 0, chars.length)).as(text).isEqualTo(expected);
        if (!unclosed) {
            assertThat(expected).isNotEqualTo(InlineSyntax.CODE_OPEN);
        }
    }

    @Example
    void aMetadataLineClosesItsCodeAndALineWithAStarInCodeDoesNot() {
        char[] file = "**File:** `a.md` and ``b`c``".toCharArray();
        assertThat(InlineSyntax.starsAndCode(file, 0, file.length))
                .isEqualTo(InlineSyntax.CODE_CLOSED);
        char[] open = "**Owner:** `a and ``b".toCharArray();
        assertThat(InlineSyntax.starsAndCode(open, 0, open.length))
                .isEqualTo(InlineSyntax.CODE_OPEN);
        char[] star = "**Owner:** `a*b` Zoë".toCharArray();
        assertThat(InlineSyntax.starsAndCode(star, 0, star.length))
                .isEqualTo(InlineSyntax.STAR_AFTER_BACKTICK);
        assertThat(InlineSyntax.starsAndCode(star, 0, 10)).isEqualTo(InlineSyntax.CODE_CLOSED);
    }

    /** Whether each run, read left to right, finds a run as long later on (a search per run). */
    private static boolean closeEachRun(char[] chars) {
        int k = 0;
        while (k < chars.length) {
            if (chars[k] != '`') {
                k++;
                continue;
            }
            int open = k;
            while (k < chars.length && chars[k] == '`') {
                k++;
            }
            int length = k - open;
            boolean closed = false;
            while (k < chars.length && !closed) {
                if (chars[k] != '`') {
                    k++;
                    continue;
                }
                int run = k;
                while (k < chars.length && chars[k] == '`') {
                    k++;
                }
                closed = k - run == length;
            }
            if (!closed) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<String> starSoup() {
        return Arbitraries.of("`", "``", "```", "a", "*", "**L:**", " ", "\n", "é", "[", "]")
                .list()
                .ofMaxSize(30)
                .map(parts -> String.join("", parts));
    }

    @Example
    void aLabelWithCodeInsideIsReadAsMasked() {
        // the '*' inside the code stands after the first backtick: the text is masked
        BoldLabels found = new BoldLabels();
        String text = "**Owner `a*b`:** the team `x`";
        char[] chars = text.toCharArray();
        new InlineScanner(
                        InlineText.ofLine(
                                chars,
                                0,
                                chars.length,
                                0,
                                0,
                                InlineSyntax.marks(chars, 0, chars.length)),
                        Map.of())
                .labels(0, true, 0, found);
        assertThat(found.count()).isEqualTo(1);
        assertThat(text.substring(found.nameStart(0), found.nameEnd(0))).isEqualTo("Owner `a*b`");
    }

    @Provide
    Arbitrary<String> labelSoup() {
        return Arbitraries.of(
                        "**",
                        "*",
                        "`",
                        "``",
                        ":",
                        "Owner",
                        "x",
                        " ",
                        "\t",
                        "é",
                        "-",
                        "**Due:**",
                        "**Type**:",
                        "**Risk:** ",
                        "`code`",
                        "a*b")
                .list()
                .ofMaxSize(24)
                .map(parts -> String.join("", parts));
    }

    /** The matching as it was: runs in queues by length, each closing at the next one. */
    private static String reference(String text) {
        char[] masked = text.toCharArray();
        int n = masked.length;
        List<int[]> runs = new ArrayList<>();
        for (int k = 0; k < n; ) {
            if (masked[k] == '`') {
                int s = k;
                while (k < n && masked[k] == '`') {
                    k++;
                }
                runs.add(new int[] {s, k - s});
                continue;
            }
            k++;
        }
        Map<Integer, ArrayDeque<Integer>> byLength = new HashMap<>();
        for (int r = 0; r < runs.size(); r++) {
            byLength.computeIfAbsent(runs.get(r)[1], x -> new ArrayDeque<>()).add(r);
        }
        int maskedUntil = 0;
        for (int r = 0; r < runs.size(); r++) {
            int[] run = runs.get(r);
            if (run[0] < maskedUntil) {
                continue;
            }
            ArrayDeque<Integer> same = byLength.get(run[1]);
            while (!same.isEmpty() && same.peek() <= r) {
                same.poll();
            }
            if (same.isEmpty()) {
                continue;
            }
            int[] closing = runs.get(same.poll());
            int end = closing[0] + closing[1];
            for (int k = run[0]; k < end; k++) {
                if (masked[k] != '\n') {
                    masked[k] = ' ';
                }
            }
            maskedUntil = end;
        }
        return new String(masked);
    }

    @Provide
    Arbitrary<String> backtickSoup() {
        return Arbitraries.of("`", "``", "```", "`".repeat(17), "`".repeat(20), "a", " ", "\n", "é")
                .list()
                .ofMaxSize(60)
                .map(parts -> String.join("", parts));
    }
}
