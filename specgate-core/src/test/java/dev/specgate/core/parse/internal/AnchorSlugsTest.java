package dev.specgate.core.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AnchorSlugsTest {

    @Example
    void aHeadingWithALinkKeepsTheLinkText() {
        // the image shows no text, so GitHub's slug has none of it
        assertThat(AnchorSlugs.slug("See [the plan](#plan) and ![logo](l.png)"))
                .isEqualTo("see-the-plan-and-");
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
    void whitespaceIsThatOfCharacter() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertThat(AnchorSlugs.isWhitespace((char) c))
                    .as("U+%04X", c)
                    .isEqualTo(Character.isWhitespace((char) c));
        }
    }

    @Example
    void followsGithubSlugger() {
        assertThat(AnchorSlugs.slug("Risks \\& mitigations")).isEqualTo("risks--mitigations");
        assertThat(AnchorSlugs.slug("Two  spaces")).isEqualTo("two--spaces");
        assertThat(AnchorSlugs.slug("The _emphasis_ and *stars*"))
                .isEqualTo("the-emphasis-and-stars");
        assertThat(AnchorSlugs.slug("<a name=\"why\"></a>Motivation")).isEqualTo("motivation");
        assertThat(AnchorSlugs.slug("Use `snake_case` in __init__"))
                .isEqualTo("use-snake_case-in-init");
        assertThat(AnchorSlugs.slug("\uD83D\uDE04 emoji")).isEqualTo("-emoji");
        assertThat(AnchorSlugs.slug("x\u00B2 and \u2160")).isEqualTo("x-and-\u2170");
        assertThat(AnchorSlugs.slug("AT&amp;T &copy; 2026")).isEqualTo("att--2026");
        // every HTML5 named reference, not a hand-picked few
        assertThat(AnchorSlugs.slug("Caf&eacute; &Uuml;berblick")).isEqualTo("café-überblick");
        assertThat(AnchorSlugs.slug("Not &notanentity; here")).isEqualTo("not-notanentity-here");
    }

    @Example
    void repeatsAreNumberedAfterTheFirstFreeSlug() {
        AnchorSlugs slugs = new AnchorSlugs();
        assertThat(slugs.next("Foo")).isEqualTo("foo");
        assertThat(slugs.next("Foo 1")).isEqualTo("foo-1");
        assertThat(slugs.next("Foo")).isEqualTo("foo-2");
        assertThat(slugs.next("Foo")).isEqualTo("foo-3");
        assertThat(slugs.next("foo-2")).isEqualTo("foo-2-1");
    }

    @Example
    void punctuationIsDroppedAndSpacesBecomeHyphens() {
        assertThat(AnchorSlugs.slug(" Plan_B: Ünïcode & 2 steps-ahead! "))
                .isEqualTo("plan_b-ünïcode--2-steps-ahead");
    }

    @Property(tries = 3000)
    void thePlainAsciiPathGivesTheGeneralSlug(@ForAll("headingText") String text) {
        String plain = AnchorSlugs.plainAsciiSlug(text);
        if (plain != null) {
            assertThat(plain)
                    .isEqualTo(AnchorSlugs.githubSlug(RenderedHeading.rendered(text.strip())));
        }
    }

    @Property(tries = 3000)
    void ampersandsInPlainHeadingsGiveTheGeneralSlug(@ForAll("ampersandHeading") String text) {
        String plain = AnchorSlugs.plainAsciiSlug(text);
        if (plain != null) {
            assertThat(plain)
                    .isEqualTo(AnchorSlugs.githubSlug(RenderedHeading.rendered(text.strip())));
        }
        plainSlugIsTheSlug(text);
    }

    @Property(tries = 3000)
    void aPlainHeadingIsComparedWithASlugInPlace(@ForAll("headingText") String text) {
        plainSlugIsTheSlug(text);
    }

    @Property(tries = 3000)
    void theFirstSlugCharIsTheSlugsFirst(@ForAll("headingText") String text) {
        firstSlugCharIsTheSlugsFirst(text);
        firstSlugCharIsTheSlugsFirst(text + "\u00e9 x");
        firstSlugCharIsTheSlugsFirst("\u2003" + text + " \u2003");
    }

    private static void firstSlugCharIsTheSlugsFirst(String text) {
        int first = AnchorSlugs.firstSlugChar(text);
        String slug = AnchorSlugs.slug(text);
        if (first == 0) {
            assertThat(slug).as(text).isEmpty();
        } else if (first > 0) {
            assertThat(slug).as(text).isNotEmpty();
            assertThat((int) slug.charAt(0)).as(text).isEqualTo(first);
        }
        assertThat(AnchorSlugs.slugIs(text, slug)).as(text).isTrue();
        assertThat(AnchorSlugs.slugIs(text, slug + "-1")).as(text).isFalse();
    }

    @Example
    void theFirstSlugCharIsReadFromTheFirstCharsOnly() {
        assertThat(AnchorSlugs.firstSlugChar("  (Risk) Assessment")).isEqualTo('r');
        assertThat(AnchorSlugs.firstSlugChar("1. Scope")).isEqualTo('1');
        assertThat(AnchorSlugs.firstSlugChar("Caf\u00e9")).isEqualTo('c');
        assertThat(AnchorSlugs.firstSlugChar("() ")).isEqualTo(0);
        assertThat(AnchorSlugs.firstSlugChar("(  ) ")).isEqualTo('-'); // "--"
        assertThat(AnchorSlugs.firstSlugChar("(  ) x")).isEqualTo('-');
        assertThat(AnchorSlugs.firstSlugChar("*Risk*")).isEqualTo(-1);
        assertThat(AnchorSlugs.firstSlugChar("\u00c9t\u00e9")).isEqualTo(-1);
        assertThat(AnchorSlugs.firstSlugChar("&amp; more")).isEqualTo(-1);
    }

    /** isPlainAscii tells the plain path's headings, and plainSlugIs compares only their slug. */
    private static void plainSlugIsTheSlug(String text) {
        String plain = AnchorSlugs.plainAsciiSlug(text);
        assertThat(AnchorSlugs.isPlainAscii(text)).isEqualTo(plain != null);
        if (plain == null) {
            return;
        }
        assertThat(AnchorSlugs.plainSlugIs(text, plain)).isTrue();
        assertThat(AnchorSlugs.plainSlugIs(text, plain + "a")).isFalse();
        assertThat(AnchorSlugs.plainSlugIs(text, plain + "-1")).isFalse();
        if (!plain.isEmpty()) {
            assertThat(AnchorSlugs.plainSlugIs(text, plain.substring(1))).isFalse();
            assertThat(AnchorSlugs.plainSlugIs(text, plain.substring(0, plain.length() - 1)))
                    .isFalse();
        }
    }

    @Example
    void aLiteralAmpersandKeepsAHeadingOnThePlainPath() {
        assertThat(AnchorSlugs.plainAsciiSlug("Evidence & Metrics")).isEqualTo("evidence--metrics");
        assertThat(AnchorSlugs.plainAsciiSlug("A &; B")).isEqualTo("a--b");
        assertThat(AnchorSlugs.plainAsciiSlug("Trailing &")).isEqualTo("trailing-");
        // what may be a character reference takes the general path
        assertThat(AnchorSlugs.plainAsciiSlug("AT&amp;T")).isNull();
        assertThat(AnchorSlugs.plainAsciiSlug("R&D")).isNull();
        assertThat(AnchorSlugs.plainAsciiSlug("A &#38; B")).isNull();
        assertThat(AnchorSlugs.plainAsciiSlug("A &1; B")).isNull();
        for (String t : List.of("Evidence & Metrics", "A &; B", "Trailing &", "& lead", "&&")) {
            assertThat(AnchorSlugs.plainAsciiSlug(t))
                    .as(t)
                    .isEqualTo(AnchorSlugs.githubSlug(RenderedHeading.rendered(t.strip())));
        }
    }

    @Example
    void plainHeadingsTakeThePlainPath() {
        assertThat(AnchorSlugs.plainAsciiSlug(" Risk Assessment (2026) "))
                .isEqualTo("risk-assessment-2026");
        assertThat(AnchorSlugs.plainAsciiSlug("Plan_B")).isNull();
        assertThat(AnchorSlugs.plainAsciiSlug("Caf\u00e9")).isNull();
        assertThat(AnchorSlugs.plainAsciiSlug("See `code`")).isNull();
    }

    /** Heading words, '&' and what may follow it: entities whole and cut, spaces, ends. */
    @Provide
    Arbitrary<String> ampersandHeading() {
        return Arbitraries.of(
                        "&",
                        "&",
                        "&",
                        " ",
                        " ",
                        "Evidence",
                        "amp",
                        ";",
                        "#",
                        "#38",
                        "x26",
                        "&amp;",
                        "&eacute;",
                        "&copy",
                        "R",
                        "1",
                        "-",
                        "(",
                        ")",
                        ":",
                        "é",
                        "_",
                        "\t")
                .list()
                .ofMaxSize(12)
                .map(parts -> String.join("", parts));
    }

    /** ASCII heading text with spaces, punctuation, controls and Markdown syntax. */
    @Provide
    Arbitrary<String> headingText() {
        return Arbitraries.strings()
                .withChars(" \t\n\u000B\f\rAbz09-_.:!?()#{}|/'\"`\\<>&[]*~")
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .ofMaxLength(30);
    }
}
