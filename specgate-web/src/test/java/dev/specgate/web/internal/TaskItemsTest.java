package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * {@code TaskItems.marker} reads a list item's first text as the task list extension's pattern does
 * ({@code ^\[([xX\s])]\s+(.*)} matched against the whole text): on generated texts made of the
 * characters that decide it (brackets, x and X, every {@code \s} character, line terminators {@code
 * .} does not match, other text) and on the usual forms.
 */
class TaskItemsTest {

    private static final long SEED = 20261205L;
    private static final String[] PIECES = {
        "[", "]", "x", "X", " ", "\t", "\n", "\u000B", "\f", "\r", "\u0085", "\u2028", "\u2029",
        "\u00A0", "a", "Done", "[x]", "[ ]", "- ", "é", "😀"
    };

    @Test
    void readsAsTheExtensionsPatternOnGeneratedText() {
        Random random = new Random(SEED);
        System.out.println("TaskItemsTest seed " + SEED);
        int matched = 0;
        for (int run = 0; run < 50_000; run++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextInt(3) > 0) {
                sb.append(random.nextBoolean() ? "[x]" : "[ ]");
            }
            int pieces = random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            matched += check(sb.toString()) ? 1 : 0;
        }
        assertThat(matched).as("texts that are task markers").isGreaterThan(5_000);
    }

    @Test
    void readsTheUsualForms() {
        for (String text :
                new String[] {
                    "[x] Done",
                    "[X] Done",
                    "[ ] Open",
                    "[\t]\tTab",
                    "[x]",
                    "[x] ",
                    "[x]Done",
                    "[y] No",
                    "[x]  two spaces",
                    "[x] line\u2028sep",
                    "[x] \nnext",
                    " [x] lead"
                }) {
            check(text);
        }
        assertThat(SpecHtmlRenderer.TaskItems.marker("[x]  two spaces")).isEqualTo(5);
        assertThat(SpecHtmlRenderer.TaskItems.marker("[x]Done")).isEqualTo(-1);
    }

    private static boolean check(String text) {
        Matcher m = SpecHtmlRenderer.TaskItems.TASK.matcher(text);
        int rest = SpecHtmlRenderer.TaskItems.marker(text);
        if (m.matches()) {
            assertThat(rest).as(text).isEqualTo(m.start(2));
            return true;
        }
        assertThat(rest).as(text).isEqualTo(-1);
        return false;
    }
}
