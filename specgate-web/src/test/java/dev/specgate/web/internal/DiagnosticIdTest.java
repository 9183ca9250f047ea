package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code CoreAdapter.isDiagnosticId}, which tells a heading id that looks like a finding's note id
 * (so that the heading's is renamed), is the pattern {@code d[0-9]+-[0-9]+-.*} it replaces.
 */
class DiagnosticIdTest {

    private static final Pattern PATTERN = Pattern.compile("d[0-9]+-[0-9]+-.*");

    @Test
    void readsAsThePatternDoes() {
        String[] cases = {
            "",
            "d",
            "d1",
            "d1-",
            "d1-2",
            "d1-2-",
            "d12-345-rule-id",
            "d-1-2-",
            "d1--x",
            "D1-2-x",
            "xd1-2-x",
            "d1-2-a\nb",
            "d1-2-a\u2028",
            "d1-2-\u0085",
            "d1-2-\r",
            "d١-2-x",
            "d1-2-é"
        };
        for (String c : cases) {
            assertThat(CoreAdapter.isDiagnosticId(c)).as("[%s]", c).isEqualTo(matches(c));
        }
        String alphabet = "d0123456789-xD\n\u2028é";
        Random random = new Random(7);
        int matched = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder id = new StringBuilder(random.nextInt(3) == 0 ? "" : "d");
            for (int k = random.nextInt(8); k > 0; k--) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = id.toString();
            assertThat(CoreAdapter.isDiagnosticId(s)).as("[%s]", s).isEqualTo(matches(s));
            if (matches(s)) {
                matched++;
            }
        }
        assertThat(matched).isGreaterThan(100);
    }

    private static boolean matches(String s) {
        return PATTERN.matcher(s).matches();
    }
}
