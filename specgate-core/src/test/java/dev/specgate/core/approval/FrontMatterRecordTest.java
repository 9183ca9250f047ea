package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An approval kept in front matter is read from the value YAML gives ({@code
 * FrontMatter.Entry#scalar}), no longer by taking quotes off by hand. For every way a record can be
 * written on one line (double quotes, single quotes with {@code ''}, plain, double quotes with the
 * escapes {@code \"} and {@code \\} written by hand) and names made of the pieces that make quoting
 * hard ({@code :}, {@code #}, both quotes, a backslash, non-ASCII letters and an emoji), it reads
 * what the hand-made unquoting of the earlier implementation read, through both ways an approval is
 * read ({@link Approvals#record} and {@link Approvals#check}, from the text and from the bytes).
 */
class FrontMatterRecordTest {

    private static final SpecParser PARSER = new SpecParser();
    private static final Approvals APPROVALS = Approvals.standard();
    private static final String HASH = "0123456789ab";

    /** The earlier reading: a quote at the start of the rest of the line took the quotes off. */
    private static Optional<ApprovalRecord> byHand(String value, String rest) {
        if (rest.startsWith("'")) {
            value = value.replace("''", "'");
        } else if (rest.startsWith("\"")) {
            value = unescapeDoubleQuoted(value);
        }
        return ApprovalRecord.parse(value, rest);
    }

    /** The earlier implementation's unescaping of a double-quoted value, as it was. */
    private static String unescapeDoubleQuoted(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                String plain =
                        switch (next) {
                            case '"', '\\', '/', ' ' -> String.valueOf(next);
                            case 't' -> "\t";
                            default -> null;
                        };
                if (plain != null) {
                    sb.append(plain);
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String spec(String approvalLine, String newline) {
        return String.join(
                newline,
                "---",
                "title: \"Webhook retries\"",
                "Document Status: \"Approved\"",
                "Last Updated: \"2026-11-20\"",
                approvalLine,
                "Reviewer: \"Priya Raman\"",
                "---",
                "# Technical Specification: Webhook Retries",
                "",
                "## Executive Summary",
                "Retries back off exponentially, with jitter (café ∑).",
                "");
    }

    /** The record's line written in one of the forms a team or Specgate writes it. */
    private static String line(String form, String value) {
        return switch (form) {
            case "double" -> "Approval: \"" + value + "\"";
            case "single" -> "Approval: '" + value.replace("'", "''") + "'";
            case "escaped" ->
                    "Approval: \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case "commented" ->
                    "Approval: '" + value.replace("'", "''") + "'  # approved in review";
            default -> "Approval: " + value;
        };
    }

    /** Whether {@code form} writes {@code value} as YAML that reads it back unchanged. */
    private static boolean writable(String form, String value) {
        return switch (form) {
            case "double" -> value.indexOf('"') < 0 && value.indexOf('\\') < 0;
            case "plain" -> !value.contains(": ") && !value.contains(" #") && !value.endsWith(":");
            default -> true;
        };
    }

    private static Field recordField(SpecDocument doc) {
        return APPROVALS.recordField(doc).orElseThrow();
    }

    /** The record read the earlier way: the field's text and the rest of its line. */
    private static Optional<ApprovalRecord> earlier(String text, SpecDocument doc) {
        Field f = recordField(doc);
        return byHand(f.value(), ApprovalReadingTest.restOfLine(text, f));
    }

    @Property(tries = 1500)
    void readsWhatTheHandMadeUnquotingRead(
            @ForAll("names") String name,
            @ForAll("forms") String form,
            @ForAll("comments") String comment,
            @ForAll("newlines") String newline)
            throws Exception {
        String value = "2026-11-24 by " + name + ", sha256:" + HASH + comment;
        if (!writable(form, value)) {
            return;
        }
        String text = spec(line(form, value), newline);
        SpecDocument doc = PARSER.parse(text);
        assertThat(doc.metadataProblems()).as(text).isEmpty();
        Optional<ApprovalRecord> expected = earlier(text, doc);
        assertThat(expected).as("the earlier reading of %s", text).isPresent();
        assertThat(expected.get().by()).isEqualTo(name.strip());

        assertThat(APPROVALS.record(text, doc)).isEqualTo(expected);
        assertThat(APPROVALS.check(text, doc).record()).isEqualTo(expected);
        SpecSource source = SpecSource.of(text.getBytes(StandardCharsets.UTF_8));
        assertThat(APPROVALS.check(source, doc).record()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> piece =
                Arbitraries.of(
                        "Ana",
                        "Ruiz",
                        " ",
                        "O'Brien",
                        "\"JB\"",
                        "Ops: Payments",
                        "Team #4",
                        "#1",
                        "a:b",
                        "\\",
                        "Zoë",
                        "Łukasz",
                        "山田",
                        "Ωmega",
                        "😀",
                        "''",
                        "-",
                        ",");
        return piece.list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(p -> String.join("", p))
                .filter(n -> !n.isBlank() && n.strip().equals(n));
    }

    @Provide
    Arbitrary<String> forms() {
        return Arbitraries.of("double", "single", "escaped", "commented", "plain");
    }

    @Provide
    Arbitrary<String> comments() {
        return Arbitraries.of("", " <!-- sections: a1B2-c3_d4 -->");
    }

    @Provide
    Arbitrary<String> newlines() {
        return Arbitraries.of("\n", "\r\n");
    }

    @Example
    void yamlsEscapesAreReadAsYamlReadsThem() {
        // the earlier reading kept escapes other than \" \\ \/ \t and "\ " as written
        String text = spec("Approval: \"2026-11-24 by Zo\\u00EB Ruiz, sha256:" + HASH + "\"", "\n");
        SpecDocument doc = PARSER.parse(text);
        assertThat(APPROVALS.record(text, doc)).map(ApprovalRecord::by).contains("Zoë Ruiz");
        assertThat(earlier(text, doc)).map(ApprovalRecord::by).contains("Zo\\u00EB Ruiz");
    }

    @Example
    void aValueOverSeveralLinesIsNoRecordAsBefore() {
        for (String lines :
                List.of(
                        "Approval: 2026-11-24 by Ana\n  Ruiz, sha256:" + HASH,
                        "Approval: \"2026-11-24 by Ana\n  Ruiz, sha256:" + HASH + "\"",
                        "Approval: |\n  2026-11-24 by Ana Ruiz, sha256:" + HASH)) {
            String text = spec(lines, "\n");
            SpecDocument doc = PARSER.parse(text);
            assertThat(doc.metadataProblems()).isEmpty();
            assertThat(earlier(text, doc)).as(lines).isEmpty();
            assertThat(APPROVALS.record(text, doc)).as(lines).isEmpty();
            assertThat(APPROVALS.check(text, doc).readable()).as(lines).isFalse();
        }
    }

    @Example
    void aValueOnTheLineAfterItsKeyIsARecordAsBefore() {
        String text = spec("Approval:\n  '2026-11-24 by Jo O''Brien, sha256:" + HASH + "'", "\n");
        SpecDocument doc = PARSER.parse(text);
        assertThat(APPROVALS.record(text, doc)).map(ApprovalRecord::by).contains("Jo O'Brien");
        assertThat(APPROVALS.record(text, doc)).isEqualTo(earlier(text, doc));
    }
}
