package dev.specgate.core.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.parse.internal.FrontMatterReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The rule reports an HTML block of CommonMark's kinds 1 to 5 (a comment, {@code <pre>} and its
 * kin, {@code <?}, {@code <!X}, {@code <![CDATA[}) that nothing closes before the end of the file,
 * at its opening marker: the cause of the cascade of missing sections the other rules then report
 * at the last line. The oracle is commonmark's own block parser (the reference implementation, not
 * Specgate's), with the kinds' markers written out here from the CommonMark spec.
 */
class HtmlUnclosedRuleTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();

    private static final Parser COMMONMARK =
            Parser.builder()
                    .extensions(List.of(TablesExtension.create()))
                    .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                    .build();

    /** CommonMark 0.30, 4.6: the start and end conditions of HTML blocks 1 to 5. */
    private static final Pattern[][] KINDS = {
        {
            Pattern.compile("^<(script|pre|style|textarea)(\\s|>|$)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("</(script|pre|style|textarea)>", Pattern.CASE_INSENSITIVE)
        },
        {Pattern.compile("^<!--"), Pattern.compile("-->")},
        {Pattern.compile("^<\\?"), Pattern.compile("\\?>")},
        {Pattern.compile("^<![A-Z]"), Pattern.compile(">")},
        {Pattern.compile("^<!\\[CDATA\\["), Pattern.compile("]]>")},
    };

    private static List<Diagnostic> reported(String text) {
        return CHECKER
                .check(null, text, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().equals(HtmlUnclosedRule.ID))
                .toList();
    }

    /**
     * What commonmark reads: each HTML block of kinds 1 to 5 that is the document's last block (or
     * holds it) and of whose lines none holds its end marker, as "line:column" of its '<'.
     */
    private static List<String> oracle(String text) {
        String markdown = FrontMatterReader.read(text).markdown();
        Node document = COMMONMARK.parse(markdown);
        Node last = document;
        while (last.getLastChild() != null) {
            last = last.getLastChild();
        }
        String[] lines = markdown.split("\r\n|\r|\n", -1);
        List<String> out = new ArrayList<>();
        for (Node n = last; n != null && n != document; n = n.getParent()) {
            if (!(n instanceof HtmlBlock html)) {
                continue;
            }
            SourceSpan span = html.getSourceSpans().get(0);
            String opening = lines[span.getLineIndex()].substring(span.getColumnIndex()).strip();
            for (Pattern[] kind : KINDS) {
                if (kind[0].matcher(opening).find()) {
                    boolean closed = false;
                    for (String line : html.getLiteral().split("\n", -1)) {
                        closed |= kind[1].matcher(line).find();
                    }
                    if (!closed) {
                        int column = lines[span.getLineIndex()].indexOf('<', span.getColumnIndex());
                        out.add(span.getLineIndex() + ":" + column);
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static List<String> rule(String text) {
        return reported(text).stream()
                .map(d -> d.range().startLine() + ":" + d.range().startColumn())
                .toList();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in =
                HtmlUnclosedRuleTest.class.getResourceAsStream("/rules/fence-unclosed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Example
    void anUnclosedCommentBeforeASectionIsReportedAtItsOpeningInsteadOfOnlyTheCascade()
            throws IOException {
        // a filled spec, as a reviewer leaves a note in it: every section after the note vanishes
        String spec = fixture("2026-03-02_spec_fences-closed-every-way.md");
        String text =
                spec.replace(
                        "\n## Risk Assessment\n",
                        "\n<!-- TODO reviewer: the rollback numbers need SRE's sign-off\n"
                                + "\n## Risk Assessment\n");
        int line =
                (int)
                        text.substring(0, text.indexOf("<!-- TODO"))
                                .chars()
                                .filter(c -> c == '\n')
                                .count();
        List<Diagnostic> all =
                CHECKER.check(null, text, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                        .diagnostics();
        List<Diagnostic> found = reported(text);

        assertThat(found).hasSize(1);
        Diagnostic d = found.get(0);
        assertThat(d.range().startLine()).isEqualTo(line);
        assertThat(d.range().startColumn()).isZero();
        assertThat(d.range().endColumn()).isEqualTo(4);
        int after = (int) text.chars().filter(c -> c == '\n').count() - line - 1;
        assertThat(d.message())
                .isEqualTo(
                        "this HTML comment is never closed, so the rest of the file ("
                                + after
                                + " lines) is read as HTML and its sections, fields and boxes are"
                                + " not seen: close it with -->");
        // the cascade it explains: the sections after it reported missing
        assertThat(all)
                .extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("missing section '## Risk Assessment'"));
        assertThat(reported(spec)).isEmpty();
    }

    @Example
    void anUnclosedPreInACrlfSpecWithFrontMatterAndAByteOrderMarkIsReported() {
        String text =
                "\uFEFF---\r\ntitle: Café → Zürich\r\n---\r\n"
                        + "# Technical Specification: Café → Zürich\r\n\r\n## Overview\r\n\r\n"
                        + "  <PRE class=\"csv\">\r\ninvoice,total\r\n\r\nINV-1,12\r\n\r\n"
                        + "## Testing Strategy\r\nUnit tests.\r\n";
        List<Diagnostic> found = reported(text);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).range().startLine()).isEqualTo(7);
        assertThat(found.get(0).range().startColumn()).isEqualTo(2);
        assertThat(found.get(0).range().endColumn()).isEqualTo(6);
        assertThat(found.get(0).message())
                .isEqualTo(
                        "this <PRE> element is never closed, so the rest of the file (6 lines) is"
                                + " read as HTML and its sections, fields and boxes are not seen:"
                                + " close it with </pre>");
    }

    @Example
    void eachKindNamesItsClosingMarker() {
        assertThat(reported("## A\n\n<?php echo 1;\n\n## B\n").get(0).message())
                .startsWith("this <? block is never closed")
                .endsWith("close it with ?>");
        assertThat(reported("## A\n\n<!DOCTYPE html\n\n## B\n").get(0).message())
                .startsWith("this <!DOCTYPE declaration is never closed")
                .endsWith("close it with >");
        assertThat(reported("## A\n\n<![CDATA[ x\n\n## B\n").get(0).message())
                .startsWith("this CDATA section is never closed")
                .endsWith("close it with ]]>");
        assertThat(reported("## A\n\n<script src=x.js\n\n## B\n").get(0).message())
                .startsWith("this <script> element is never closed")
                .endsWith("close it with </script>");
    }

    @Example
    void blocksThatCloseOrEndAtABlankLineOrWithTheirContainerAreNotReported() {
        assertThat(reported("## A\n\n<!-- a\nb -->\n\n## B\n")).isEmpty();
        assertThat(reported("## A\n\n<!-->\n\n## B\n")).isEmpty();
        // any of the four end tags ends any of the four elements
        assertThat(reported("## A\n\n<pre>\nx\n</TEXTAREA>\n\n## B\n")).isEmpty();
        assertThat(reported("## A\n\n<!DOCTYPE html>\n\n## B\n")).isEmpty();
        // kinds 6 and 7 end at a blank line; a lower-case declaration is no HTML block
        assertThat(reported("## A\n\n<div>\n\n## B\n")).isEmpty();
        assertThat(reported("## A\n\n<!doctype html\n\n## B\n")).isEmpty();
        // inline HTML, not a block: it hides nothing
        assertThat(reported("## A\n\nText <!-- note\n\n## B\n")).isEmpty();
        // the list item ends, and its comment with it, at the heading
        assertThat(reported("## A\n\n- <!-- note\n  more\n\n## B\n")).isEmpty();
        assertThat(reported("## A\n\n> <pre>\n> x\n\n## B\n")).isEmpty();
    }

    @Example
    void aCommentLeftOpenInTheLastListItemOrQuoteReadsTheRestOfTheFile() {
        assertThat(rule("## A\n\n- item\n- <!-- note\n\n  more\n")).containsExactly("3:2");
        assertThat(rule("## A\n\n> > <!-- note\n> > more\n")).containsExactly("2:4");
    }

    @Property(tries = 3000)
    void reportsWhatCommonmarkLeavesOpenToTheEnd(@ForAll("texts") String text) {
        assertThat(rule(text)).isEqualTo(oracle(text));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> lines =
                Arbitraries.of(
                        "# Technical Specification: Café → Zürich",
                        "## Overview",
                        "---",
                        "title: \"<!-- not a comment\"",
                        "<!-- TODO reviewer",
                        "<!-- closed -->",
                        "-->",
                        "<!-->",
                        "  <!--",
                        "    <!-- code",
                        "\t<!-- tab",
                        "<pre>",
                        "<PRE class=\"x\">",
                        "</pre>",
                        "</Style>",
                        "<script>",
                        "<textarea",
                        "<?php",
                        "?>",
                        "<!DOCTYPE html",
                        "<!doctype html",
                        ">",
                        "<![CDATA[",
                        "]]>",
                        "<div>",
                        "<details>",
                        "> <!--",
                        "> <pre>",
                        "- <!-- item",
                        "  <!--",
                        "1. <pre>",
                        "   more",
                        "Text <!-- inline",
                        "```",
                        "- [ ] task",
                        "| a | b |",
                        "é→ text",
                        "",
                        " ");
        Arbitrary<String> breaks = Arbitraries.of("\n", "\n", "\r\n");
        return Combinators.combine(lines.list().ofMaxSize(30), breaks, Arbitraries.of(true, false))
                .as(
                        (l, br, last) -> {
                            String joined = String.join(br, l);
                            return last ? joined + br : joined;
                        });
    }

    @Example
    void aCommentOpenedOnTheLastLineSaysSoRatherThanHidingZeroLines() {
        String text = "# Spec\n\n## Overview\n\nText.\n\n<!-- TODO: reviewer notes";

        List<Diagnostic> found = reported(text);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).message())
                .isEqualTo(
                        "this HTML comment on the file's last line is never closed: close it"
                                + " with -->")
                .doesNotContain("0 lines");
    }
}
