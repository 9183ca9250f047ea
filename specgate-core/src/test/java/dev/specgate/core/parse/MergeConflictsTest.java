package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.input.SpecText;
import dev.specgate.core.model.MergeConflict;
import dev.specgate.core.parse.internal.SubsetBlockParser;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser records the merge conflicts git left in a spec ({@code SpecDocument.mergeConflicts}),
 * in the one-pass block parser's line loop or, where that parser does not read the text, by a
 * search of the text: what {@code conflict-marker} reports without searching again.
 */
class MergeConflictsTest {

    private static final SpecParser PARSER = new SpecParser();

    private static final String FENCED =
            """
            # Technical Specification: Invoice Export Header

            **Created:** 2026-03-04
            **Type:** Bug Fix

            ## Executive Summary
            The header template `export-header.csv` reached `main` with a conflict in it:

            ```csv
            invoice_id,account_id,issued_at,
            <<<<<<< HEAD
            amount_gross,currency
            =======
            amount_net,amount_gross,currency
            >>>>>>> finance/net-amounts
            ```

            | Column | Owner |
            |--------|-------|
            | `amount_net` | finance — Zoë Brandt |
            """;

    private static final String IN_PROSE =
            """
            # Technical Specification: Streamed Export

            ## Executive Summary
            We replace the in-memory query with a streamed export
            <<<<<<< HEAD
            that finishes in under 30 s.
            =======
            that finishes in under 20 s.
            >>>>>>> feature/streamed-export (Stream the export)
            """;

    private static List<MergeConflict> conflicts(String text) {
        return PARSER.parse(text).mergeConflicts();
    }

    @Example
    void theBlockPassRecordsAConflictInsideAFence() {
        // the one-pass parser reads this text: its line loop finds the conflict
        assertThat(SubsetBlockParser.parseCounted(FENCED, SpecParser.MAX_NESTING_DEPTH))
                .isNotNull();
        assertThat(conflicts(FENCED))
                .containsExactly(new MergeConflict(10, 12, 14, "HEAD", "finance/net-amounts"));
    }

    @Example
    void aConflictInProseIsFoundWhereTheBlockParserDeclines() {
        assertThat(SubsetBlockParser.parseCounted(IN_PROSE, SpecParser.MAX_NESTING_DEPTH)).isNull();
        assertThat(conflicts(IN_PROSE))
                .containsExactly(new MergeConflict(4, 6, 8, "HEAD", "feature/streamed-export"));
    }

    @Example
    void crlfAndAByteOrderMarkKeepTheLines() {
        for (String text : List.of(FENCED, IN_PROSE)) {
            List<MergeConflict> lf = conflicts(text);
            String crlf = text.replace("\n", "\r\n");
            assertThat(conflicts(crlf)).isEqualTo(lf);
            assertThat(conflicts("\uFEFF" + crlf)).isEqualTo(lf);
            assertThat(conflicts(text.replace("\n", "\r"))).isEqualTo(lf);
            // a check reads the file's chars, the byte order mark kept apart
            assertThat(PARSER.parseChars(new SpecText(crlf, true)).mergeConflicts()).isEqualTo(lf);
        }
    }

    @Example
    void aConflictOnTheFirstLineAfterAByteOrderMark() {
        String text =
                "\uFEFF<<<<<<< HEAD\r\n# Export\r\n=======\r\n# Streamed export\r\n>>>>>>> b\r\n";
        assertThat(conflicts(text)).containsExactly(new MergeConflict(0, 2, 4, "HEAD", "b"));
    }

    @Example
    void aConflictInFrontMatterIsFoundThoughItsLinesAreBlanked() {
        String text =
                """
                ---
                title: Streamed export
                <<<<<<< HEAD
                status: Review
                =======
                status: Approved
                >>>>>>> release/4.2
                ---

                # Technical Specification: Streamed Export
                """;
        assertThat(conflicts(text))
                .containsExactly(new MergeConflict(2, 4, 6, "HEAD", "release/4.2"));
    }

    @Example
    void markersWithoutALabelAreAConflict() {
        // git merge-file -L '' -L '' -L '' writes '<<<<<<< ' and '>>>>>>> ', and an editor that
        // trims trailing white space on save leaves the seven alone
        String merged =
                """
                ## Executive Summary
                <<<<<<<\s
                Exports finish in under 30 s.
                =======
                Exports finish in under 20 s — Zoë's target.
                >>>>>>>\s
                """;
        List<MergeConflict> expected = List.of(new MergeConflict(1, 3, 5, "", ""));
        assertThat(conflicts(merged)).isEqualTo(expected);
        String trimmed = merged.replace(" \n", "\n");
        assertThat(trimmed).contains("\n<<<<<<<\n");
        assertThat(conflicts(trimmed)).isEqualTo(expected);
        assertThat(conflicts("\uFEFF" + trimmed.replace("\n", "\r\n"))).isEqualTo(expected);
        assertThat(conflicts(trimmed.replace(">>>>>>>\n", ">>>>>>> feature/x\n")))
                .containsExactly(new MergeConflict(1, 3, 5, "", "feature/x"));
        // rows of ten arrows around an underlined title are no conflict
        assertThat(conflicts("<<<<<<<<<<\nInvoices, page 3 of 40\n==========\n>>>>>>>>>>\n"))
                .isEmpty();
    }

    /**
     * A conflict whose other side holds a '<<<<<<<' line (an example of a marker) stands: only a
     * '<<<<<<<' before the '=======' starts the conflict again. It was dropped and passed.
     */
    @Example
    void anOpeningMarkerOnTheOtherSideIsThatSidesText() {
        String merged =
                "## Rollback\n"
                        + "<<<<<<< HEAD\n"
                        + "Revert the deploy.\n"
                        + "=======\n"
                        + "```text\n"
                        + "<<<<<<< what git writes\n"
                        + "```\n"
                        + ">>>>>>> feature/rollback\n";
        assertThat(conflicts(merged))
                .containsExactly(new MergeConflict(1, 3, 7, "HEAD", "feature/rollback"));
        assertThat(conflicts(merged.replace("\n", "\r\n")))
                .containsExactly(new MergeConflict(1, 3, 7, "HEAD", "feature/rollback"));
    }

    @Example
    void markersOutOfOrderOrMisshapenAreNoConflict() {
        assertThat(conflicts(">>>>>>> b\n=======\n<<<<<<< a\n")).isEmpty();
        assertThat(conflicts("<<<<<<< a\n>>>>>>> b\n=======\n")).isEmpty();
        assertThat(conflicts("<<<<<<<< a\n=======\n>>>>>>> b\n")).isEmpty(); // eight
        assertThat(conflicts("<<<<<<<a\n=======\n>>>>>>> b\n")).isEmpty(); // no space
        assertThat(conflicts("<<<<<<< a\n======= x\n>>>>>>> b\n")).isEmpty();
        assertThat(conflicts(" <<<<<<< a\n=======\n>>>>>>> b\n")).isEmpty(); // indented
        assertThat(conflicts("<<<<<<< a\n=======  \n>>>>>>> b")) // no final line break
                .containsExactly(new MergeConflict(0, 1, 2, "a", "b"));
    }

    @Example
    void anAncestorBlockAndALaterOpeningAreRead() {
        String diff3 = "<<<<<<< HEAD\nx\n||||||| base\ny\n=======\nz\n>>>>>>> theirs\n";
        assertThat(conflicts(diff3)).containsExactly(new MergeConflict(0, 4, 6, "HEAD", "theirs"));
        // an opening before the separator starts the conflict again
        assertThat(conflicts("<<<<<<< a\n<<<<<<< c\n=======\n>>>>>>> d\n" + diff3))
                .containsExactly(
                        new MergeConflict(1, 2, 3, "c", "d"),
                        new MergeConflict(4, 8, 10, "HEAD", "theirs"));
    }

    /** What a reader finds going line by line, each line tested whole. */
    private static List<MergeConflict> lineByLine(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<MergeConflict> found = new ArrayList<>();
        int open = -1;
        int middle = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (middle < 0 && line.matches("<{7}( .*)?")) {
                open = i;
                middle = -1;
            } else if (open >= 0 && middle < 0 && line.matches("={7}[ \t]*")) {
                middle = i;
            } else if (middle >= 0 && line.matches(">{7}( .*)?")) {
                found.add(new MergeConflict(open, middle, i, word(lines[open]), word(line)));
                open = -1;
                middle = -1;
            }
        }
        return found;
    }

    private static String word(String marker) {
        return marker.substring(7).strip().split("[ \t]+")[0];
    }

    @Property(tries = 2000)
    void theParserFindsWhatALineByLineReadingFinds(@ForAll("texts") String text) {
        assertThat(conflicts(text)).isEqualTo(lineByLine(text));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "<<<<<<< HEAD",
                        "<<<<<<<",
                        "<<<<<<<<",
                        "<<<<<<<  ",
                        "=======",
                        "======= ",
                        "||||||| base",
                        ">>>>>>> feature/x (msg)",
                        ">>>>>>>",
                        "```",
                        "~~~",
                        "- item",
                        "> quote",
                        "word",
                        "<!-- c -->",
                        "<",
                        " ",
                        "\n",
                        "\n",
                        "\r\n",
                        "\r");
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }
}
