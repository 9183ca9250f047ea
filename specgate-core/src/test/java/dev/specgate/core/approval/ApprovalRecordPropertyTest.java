package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ApprovalRecord#parse} reads a record by hand; it must read exactly what the regular
 * expressions of its first implementation read, on values and line rests made of the pieces that
 * make them hard: line terminators inside the name, blank names, hexadecimal digits of every case
 * and too many or too few of them, section comments with white space, several comments, and codes
 * that end in the dashes of the closing {@code -->}.
 */
class ApprovalRecordPropertyTest {

    /** The first implementation's reading of a value. */
    private static final Pattern VALUE =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) by (.+?), sha256:([0-9a-fA-F]{12})");

    /** The first implementation's reading of the section comment. */
    private static final Pattern SECTIONS =
            Pattern.compile("<!--\\s*sections:\\s*([A-Za-z0-9_-]*)\\s*-->");

    /**
     * {@link ApprovalRecord#parse} as it read records with {@link #VALUE} and {@link #SECTIONS}.
     */
    private static Optional<ApprovalRecord> byExpression(String value, String rest) {
        Matcher m = VALUE.matcher(value.trim());
        int comment = value.indexOf("<!--");
        if (!m.matches() && comment >= 0) {
            rest = value.substring(comment) + rest;
            m = VALUE.matcher(value.substring(0, comment).trim());
        }
        if (!m.matches() || m.group(2).isBlank()) {
            return Optional.empty();
        }
        Matcher s = SECTIONS.matcher(rest);
        try {
            return Optional.of(
                    new ApprovalRecord(
                            LocalDate.parse(m.group(1)),
                            m.group(2).trim(),
                            m.group(3).toLowerCase(Locale.ROOT),
                            s.find() ? s.group(1) : ""));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Property(tries = 5000)
    void readsAsTheRegularExpressions(
            @ForAll("values") String value, @ForAll("rests") String rest) {
        assertThat(ApprovalRecord.parse(value, rest)).isEqualTo(byExpression(value, rest));
    }

    @Property(tries = 3000)
    void findsTheSectionCodeAsTheRegularExpression(@ForAll("rests") String rest) {
        Matcher s = SECTIONS.matcher(rest);
        assertThat(ApprovalRecord.sections(rest)).isEqualTo(s.find() ? s.group(1) : "");
    }

    /** The first implementation's reading of a section comment's inner text. */
    private static final Pattern COMMENT = Pattern.compile("sections:\\s*([A-Za-z0-9_-]*)\\s*");

    @Property(tries = 5000)
    void readsTheValueAndItsCommentAsTheRegularExpressions(
            @ForAll("values") String value, @ForAll("comments") String comment) {
        Optional<ApprovalRecord> expected = byExpression(value, "");
        Matcher m = COMMENT.matcher(comment);
        if (expected.isPresent() && expected.get().sectionCode().isEmpty() && m.matches()) {
            ApprovalRecord r = expected.get();
            expected = Optional.of(new ApprovalRecord(r.date(), r.by(), r.hash(), m.group(1)));
        }
        assertThat(ApprovalRecord.read(value, comment)).isEqualTo(expected);
        if (comment.startsWith("sections:") || comment.isEmpty()) {
            assertThat(ApprovalRecord.readCode(value, comment)).isEqualTo(expected);
        }
    }

    @Example
    void aNameOfWhiteSpaceOnlyIsNoRecord() {
        // the expression matched it, and the record then refused the blank name with an exception
        assertThat(ApprovalRecord.parse("2026-11-20 by \u2003, sha256:0123456789ab", "")).isEmpty();
        assertThat(
                        ApprovalRecord.parse(
                                "2026-11-20 by Ana, sha256:0123456789AB", " <!-- sections: a-b-->"))
                .contains(
                        new ApprovalRecord(
                                LocalDate.of(2026, 11, 20), "Ana", "0123456789ab", "a-b"));
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "2026-11-20",
                        "2026-02-30",
                        "2026-1-20",
                        "٢٠٢٦-11-20",
                        " by ",
                        "by",
                        " ",
                        "\t",
                        "\u2003",
                        "Ana",
                        "Zoë Ñúñez",
                        "a, b",
                        "\n",
                        "\r",
                        "\u0085",
                        "\u2028",
                        ", sha256:",
                        "sha256:",
                        "0123456789ab",
                        "0123456789AB",
                        "deadBEEFcafe",
                        "0123456789a",
                        "g123456789ab",
                        "０１２３",
                        "<!-- sections: abc -->",
                        "<!--",
                        "-->");
        Arbitrary<String> shaped =
                Arbitraries.of(
                                "Ana",
                                "Zoë Ñúñez",
                                " x ",
                                "\u2003",
                                "a\nb",
                                "a, sha256:0123456789ab")
                        .flatMap(
                                name ->
                                        Arbitraries.of(
                                                        "0123456789ab",
                                                        "ABCDEF012345",
                                                        "0123456789abc",
                                                        "01234")
                                                .map(
                                                        h ->
                                                                "2026-11-20 by "
                                                                        + name
                                                                        + ", sha256:"
                                                                        + h));
        Arbitrary<String> random = pieces.list().ofMaxSize(8).map(l -> String.join("", l));
        return Arbitraries.oneOf(shaped, random, shaped.flatMap(v -> pieces.map(p -> v + p)));
    }

    @Provide
    Arbitrary<String> comments() {
        Arbitrary<String> tails =
                Arbitraries.of(
                                " ",
                                "\t",
                                "\n",
                                "\u00A0",
                                "\u2003",
                                "aB9",
                                "hiT2U-ZY",
                                "_",
                                "-",
                                "é",
                                "<",
                                ">",
                                ":",
                                "sections:",
                                "x y")
                        .list()
                        .ofMaxSize(6)
                        .map(l -> String.join("", l));
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                tails.map(t -> "sections:" + t),
                tails.map(t -> "sections: " + t),
                tails,
                Arbitraries.of("sections: hiT2U-ZY_09", "Sections: abc", "sections abc"));
    }

    @Provide
    Arbitrary<String> rests() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "<!--",
                        "-->",
                        "--",
                        "-",
                        ">",
                        " ",
                        "\t",
                        "\u000B",
                        "\u00A0",
                        "sections:",
                        "sections",
                        ":",
                        "aB9",
                        "_",
                        "é",
                        "<!-- sections: hiT2U-ZY -->",
                        "<!--sections:-->",
                        "x");
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
