package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An approval is read from the spec's parse, the one reading of its fields: the approval field's
 * value and the {@code <!-- sections: ... -->} comment the document holds on its line, no longer
 * from the rest of the line read by hand. Records written by earlier Specgates read as they did:
 * for every record line (names, section comments well and badly formed, other comments, text after
 * them, LF, CRLF or a lone CR) the record is the one the by-hand reading gave.
 */
class ApprovalReadingTest {

    private static final SpecParser PARSER = new SpecParser();
    private static final Approvals APPROVALS = Approvals.standard();

    /**
     * The earlier reading's rest of the line: the text after the value's end column on its line,
     * its start found character by character.
     */
    static String restOfLine(String text, Field f) {
        int line = 0;
        int at = 0;
        while (line < f.valueRange().endLine() && at < text.length()) {
            char c = text.charAt(at++);
            if (c == '\n' || (c == '\r' && (at >= text.length() || text.charAt(at) != '\n'))) {
                line++;
            }
        }
        int start = Math.min(text.length(), at + f.valueRange().endColumn());
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(start, end);
    }

    /** The record as the earlier reading gave it: the field's value and the rest of its line. */
    private static Optional<ApprovalRecord> earlier(String text, SpecDocument doc) {
        return APPROVALS
                .recordField(doc)
                .flatMap(f -> ApprovalRecord.parse(f.value(), restOfLine(text, f)));
    }

    @Property(tries = 1500)
    void readsWhatTheRestOfTheLineGave(
            @ForAll("names") String name,
            @ForAll("comments") String comment,
            @ForAll("newlines") String nl,
            @ForAll("after") String after) {
        String text =
                String.join(
                        nl,
                        "# Technical Specification: Ledger Export",
                        "",
                        "## Executive Summary",
                        "Exports settle nightly.",
                        "",
                        "---",
                        "",
                        "**Document Status:** Approved",
                        "**Last Updated:** 2026-11-20",
                        "**Approval:** 2026-11-20 by " + name + ", sha256:0123456789AB" + comment,
                        after);
        SpecDocument doc = PARSER.parse(text);

        Optional<ApprovalRecord> read = APPROVALS.record(text, doc);

        assertThat(read).isEqualTo(earlier(text, doc));
        // and the check reads the same record, from the text and from the bytes
        assertThat(APPROVALS.check(text, doc).record()).isEqualTo(read);
        assertThat(APPROVALS.check(SpecSource.of(text), doc).record()).isEqualTo(read);
    }

    @Example
    void anApprovedSpecWithCrlfAndABomKeepsItsSectionsAndHolds() throws Exception {
        SpecSource review = SpecSource.of(TestSpecs.clean());
        String lf =
                APPROVALS
                        .approve(
                                review.edit(),
                                PARSER.parse(review.text()),
                                "Zoë Ñúñez",
                                TestSpecs.TODAY)
                        .text();
        String code =
                APPROVALS.fingerprint(review.text(), PARSER.parse(review.text())).sectionCode();
        assertThat(code).isNotEmpty();
        SpecSource source =
                SpecSource.of(
                        ("\uFEFF" + lf.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        SpecDocument doc = PARSER.parse(source.text());

        ApprovalCheck check = APPROVALS.check(source, doc);

        assertThat(check.record())
                .hasValueSatisfying(
                        r -> {
                            assertThat(r.by()).isEqualTo("Zoë Ñúñez");
                            assertThat(r.sectionCode()).isEqualTo(code);
                        });
        assertThat(check.valid()).isTrue();
        assertThat(APPROVALS.record(source.text(), doc)).isEqualTo(check.record());
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("Ana Ruiz", "Zoë Ñúñez", "Seán O'Brien", "李雷", "A", "Dr. K. <Lee>");
    }

    @Provide
    Arbitrary<String> comments() {
        return Arbitraries.of(
                "",
                " <!-- sections: aB-_9 -->",
                "<!--sections:abc-->",
                "\t<!--   sections:   Zz09   -->   ",
                " <!-- sections: abc def -->",
                " <!-- note --> <!-- sections: x1 -->",
                " <!-- sections: x1 --> <!-- sections: y2 -->",
                " <!-- sections: ab--->",
                " <!-- sections: -->",
                " <!-- sections: abc -->, reviewed again",
                " <!-- sections: abc",
                " <!-- section: abc -->",
                " <!-- Sections: abc -->",
                " <!-- sections: a/b -->",
                " trailing words <!-- sections: abc -->",
                " `<!-- sections: abc -->`");
    }

    @Provide
    Arbitrary<String> newlines() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    @Provide
    Arbitrary<String> after() {
        return Arbitraries.of(
                "", "**Reviewer:** Priya Raman", "<!-- sections: zz -->", "Closing words.");
    }
}
