package dev.specgate.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link LinkTarget#percentEncoded} and {@link LinkTarget#percentDecoded}, the one encoding and the
 * one decoding of a path written as a URI's: whatever a spec's path holds, its encoding reads back
 * as the path (the MCP server lists a spec under a URI that reading decodes).
 */
class PercentEncodingPropertyTest {

    @Property(tries = 3000)
    void anEncodedPathDecodesToItself(@ForAll("awkwardPaths") String path) {
        String encoded = LinkTarget.percentEncoded(path);

        assertThat(LinkTarget.percentDecoded(encoded)).isEqualTo(path);
        // a URI's path: nothing that would end it, nothing outside ASCII, no space
        assertThat(encoded).doesNotContain("#", "?", " ").matches("\\p{ASCII}*");
        assertThat(LinkTarget.pathLength(encoded)).isEqualTo(encoded.length());
    }

    @Property(tries = 1000)
    void aPathOfPathCharactersIsWrittenAsItIs(@ForAll("plainPaths") String path) {
        assertThat(LinkTarget.percentEncoded(path)).isEqualTo(path);
    }

    @Example
    void awkwardNamesAreWrittenAsDocumented() {
        assertThat(LinkTarget.percentEncoded("specs/100%41 ü#1?+.md"))
                .isEqualTo("specs/100%2541%20%C3%BC%231%3F+.md");
        assertThat(LinkTarget.percentEncoded("notes/\uD834\uDD1E.md"))
                .isEqualTo("notes/%F0%9D%84%9E.md");
    }

    @Provide
    Arbitrary<String> awkwardPaths() {
        Arbitrary<String> pieces =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                " ",
                                "%",
                                "%41",
                                "%2",
                                "%zz",
                                "%%",
                                "#",
                                "?",
                                "+",
                                "%2B",
                                "/",
                                "ü",
                                "é",
                                "ß",
                                "€",
                                "日本",
                                "\uD834\uDD1E",
                                "😀",
                                "\t",
                                "\\",
                                "'",
                                "\"",
                                "&",
                                "=",
                                ";",
                                "~",
                                "[",
                                "]",
                                "<",
                                ">",
                                "|",
                                ".md",
                                "_spec_",
                                "2026-12-01",
                                "spec",
                                "a",
                                "Z",
                                "9"),
                        Arbitraries.strings()
                                .ofMinLength(1)
                                .ofMaxLength(3)
                                .withCharRange('\u0000', '\uD7FF')
                                .withCharRange('\uE000', '\uFFFF'));
        return pieces.list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> plainPaths() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars("-._~!$&'()*+,;=:@/")
                .ofMaxLength(30);
    }
}
