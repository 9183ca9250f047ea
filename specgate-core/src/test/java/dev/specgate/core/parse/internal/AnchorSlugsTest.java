package dev.specgate.core.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AnchorSlugsTest {

    /** What {@link AnchorSlugs#withoutLinkMarkup} replaces, in one linear pass. */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    @Property(tries = 2000)
    void linkMarkupIsDroppedExactlyAsTheRegexWould(@ForAll("linkSoup") String heading) {
        assertThat(AnchorSlugs.withoutLinkMarkup(heading))
                .isEqualTo(INLINE_LINK.matcher(heading).replaceAll("$1"));
    }

    @Example
    void aHeadingWithALinkKeepsTheLinkText() {
        assertThat(AnchorSlugs.slug("See [the plan](#plan) and ![logo](l.png)"))
                .isEqualTo("see-the-plan-and-logo");
    }

    @Example
    void asciiLettersAndDigitsAreThoseOfCharacter() {
        for (char c = 0; c < 128; c++) {
            assertThat(AnchorSlugs.isAsciiLetterOrDigit(c))
                    .as("U+%04X", (int) c)
                    .isEqualTo(Character.isLetterOrDigit(c));
        }
    }

    @Example
    void punctuationIsDroppedAndSpacesBecomeHyphens() {
        assertThat(AnchorSlugs.slug(" Plan_B: Ünïcode & 2 steps-ahead! "))
                .isEqualTo("plan_b-ünïcode--2-steps-ahead");
    }

    @Provide
    Arbitrary<String> linkSoup() {
        return Arbitraries.of("[", "]", "(", ")", "!", "a", " ", "](", "[x](y)", "\n", "é")
                .list()
                .ofMaxSize(40)
                .map(parts -> String.join("", parts));
    }
}
