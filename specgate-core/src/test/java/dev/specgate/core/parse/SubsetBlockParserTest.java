package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.core.hardening.MarkdownArbitraries;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.input.TextChars;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.HtmlComment;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.internal.DocumentBuilder;
import dev.specgate.core.parse.internal.FrontMatterReader;
import dev.specgate.core.parse.internal.SubsetBlockParser;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * {@link SubsetBlockParser} either declines a text or builds commonmark's tree of it, node for node
 * with every source span, and the spec model built from that tree is the one built from
 * commonmark's. Checked on every Markdown file of the test resources and of the demo, the template,
 * generated corpus specs, the hardening generators and a generator of spec-like lines that keeps
 * most of its texts inside the subset. {@code -Dspecgate.corpus=DIR} adds every .md under DIR (such
 * as a {@code bench/run.sh} corpus) and prints how many took the fast path.
 */
class SubsetBlockParserTest {

    private static final SpecParser PARSER = new SpecParser();
    private static final Parser REFERENCE = SpecParser.referenceParser();

    @Property(tries = 3000)
    void specLikeTexts(@ForAll("specLike") String text) {
        boolean fast = assertDeclinedOrSame(text);
        // the generator must keep enough texts inside the subset for the property to test it
        Statistics.label("fast path")
                .collect(fast)
                .coverage(c -> c.check(true).percentage(p -> p > 15));
    }

    /**
     * Blocks of every kind whose text is full of the characters the block pass marks for the inline
     * scan (and of those it does not), at every place: right after a list marker, a '*' bullet (a
     * mark before the content), in table cells, headings and continuation lines, or absent, so that
     * blocks skip the scan. The fast path's model (marks from the block pass, plain blocks not
     * scanned, plain headings read from their line) must be commonmark's model, where every block
     * is scanned.
     */
    @Property(tries = 3000)
    void textsFullOfInlineSyntax(@ForAll("markSoup") String text) {
        boolean fast = assertDeclinedOrSame(text);
        Statistics.label("fast path")
                .collect(fast)
                .coverage(c -> c.check(true).percentage(p -> p > 15));
    }

    /**
     * List items written as bold labels ({@code - **Label:** value}), which {@code
     * DocumentBuilder.labelLine} reads without the inline scan when '*' is their only token mark,
     * at awkward places: tabs around and after the marker, a block quote, nested and ordered items,
     * non-ASCII and astral labels, escapes and code spans before and after the label, a '*' inside
     * and after code, unclosed and empty bold, CRLF. Fields, values and ranges must be those of
     * commonmark's tree scanned in full.
     */
    @Property(tries = 3000)
    void boldLabelItems(@ForAll("labelItems") String text) {
        boolean fast = assertDeclinedOrSame(text);
        Statistics.label("fast path")
                .collect(fast)
                .coverage(c -> c.check(true).percentage(p -> p > 15));
    }

    /**
     * Task items ({@code - [ ] text}), which {@code DocumentBuilder} reads without the inline scan
     * when nothing after the box is a token but bold labels, with what may follow a box: labels,
     * code spans, a '*' inside and after code, brackets, links, comments, braces, date tokens,
     * escapes, no space after the box, a second line, nesting, a block quote, CRLF. Checklist items
     * (text, ranges, fields) and fields must be those of commonmark's tree scanned in full.
     */
    @Property(tries = 3000)
    void taskItems(@ForAll("taskItems") String text) {
        boolean fast = assertDeclinedOrSame(text);
        Statistics.label("fast path")
                .collect(fast)
                .coverage(c -> c.check(true).percentage(p -> p > 15));
    }

    /**
     * Paragraphs and items of several lines whose code spans open on one line and close on a later
     * one (single and double backticks, a '*' or a bold label inside or after them), lazy and
     * indented continuation lines, hard breaks and tabs, setext underlines, table rows, fences,
     * indented code, an HTML block and a heading between them: {@code DocumentBuilder.labelsOnly}
     * reads such a paragraph's labels line by line from the raw chars only when no '*' follows the
     * first backtick of a line, nor, once a line leaves a backtick run unclosed, stands on a later
     * line (a line whose code spans all close on it, {@code **File:** `a.md`}, leaves the next line
     * free). Fields must be those of commonmark's tree scanned in full.
     */
    @Property(tries = 2000)
    void labelsAcrossLines(@ForAll("labelsAcrossLines") String text) {
        boolean fast = assertDeclinedOrSame(text);
        Statistics.label("fast path")
                .collect(fast)
                .coverage(c -> c.check(true).percentage(p -> p > 15));
    }

    /**
     * Paragraphs and list items whose lines end in an HTML comment, as an approval record's {@code
     * **Approval:** ... <!-- sections: ... -->} line does, which {@code DocumentBuilder.labelsOnly}
     * reads without the inline scan when the comment is the paragraph's only '<' and only spaces
     * and tabs follow it: and the comments it must leave to the scan (mid-line, two, unclosed,
     * {@code <!-->}, {@code <!--->}, a '<', '[', backtick or escape elsewhere, a date token), in a
     * block quote and nested items, with a 'Y' in the comment or the value, CRLF. Fields, values,
     * ranges and comments must be those of commonmark's tree scanned in full.
     */
    @Property(tries = 2000)
    void labelsBeforeAComment(@ForAll("labelsAndComments") String text) {
        boolean fast = assertDeclinedOrSame(text);
        Statistics.label("fast path")
                .collect(fast)
                .coverage(c -> c.check(true).percentage(p -> p > 15));
    }

    @Example
    void taskItemsReadWithoutTheInlineScan() {
        String items =
                """
                # Spec

                ## Tasks
                - [ ] plain task
                - [x] **Unit Tests**
                - [X] **Decision by:** 2026-01-05 - **Owner:** Zoë \s
                * [ ] compacts payloads via `kafka.acks=all`
                1. [x] `a*b` then **bold:** x
                   - [ ] **Nested:** `a` then `b`
                - [ ] see [the plan](plan.md)
                - [ ] [Time estimate]
                - [ ] due YYYY-MM-DD
                - [ ] {placeholder}
                - [ ] note <!-- later -->
                - [ ] a \\[ b
                - [ ]tight
                - [x]
                - [ ] two
                  lines
                > - [ ] quoted **L:** v
                """;
        for (String text : List.of(items, items.replace("\n", "\r\n"))) {
            assertThat(assertDeclinedOrSame(text)).as(text).isTrue();
        }
        SpecDocument doc = PARSER.parse(items);
        assertThat(doc.checklist())
                .extracting(i -> i.text())
                .contains("plain task", "**Unit Tests**", "compacts payloads via `kafka.acks=all`");
        assertThat(doc.fields())
                .extracting(f -> f.label() + "=" + f.value())
                .contains("Decision by=2026-01-05", "Owner=Zoë", "bold=x", "Nested=`a` then `b`");
    }

    @Property(tries = 1000)
    void tokenSoups(@ForAll("soup") String text) {
        assertDeclinedOrSame(text);
    }

    @Property(tries = 500)
    void editedTemplates(@ForAll("editedTemplate") String text) {
        assertDeclinedOrSame(text);
    }

    @Example
    void theTemplateTakesTheFastPath() {
        String template = TemplateSchema.builtinTemplateText();
        assertThat(assertDeclinedOrSame(template)).isTrue();
        assertThat(assertDeclinedOrSame(template.replace("\n", "\r\n"))).isTrue();
    }

    @Example
    void generatedSpecsTakeTheFastPath() throws IOException {
        List<Path> files = markdownFiles(Path.of("src/test/resources/parse/generated"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            assertThat(assertDeclinedOrSame(read(file))).as(file.toString()).isTrue();
        }
    }

    @Example
    void everyFixtureAndDemoSpec() throws IOException {
        List<Path> files = new ArrayList<>(markdownFiles(Path.of("src/test/resources")));
        files.addAll(markdownFiles(Path.of("../examples/demo")));
        assertThat(files).hasSizeGreaterThan(100);
        int fast = 0;
        for (Path file : files) {
            if (assertDeclinedOrSame(read(file))) {
                fast++;
            }
        }
        System.out.printf("fast path: %d of %d fixtures and demo files%n", fast, files.size());
        assertThat(fast).isGreaterThan(files.size() / 2);
    }

    @Example
    void aCorpusGivenOnTheCommandLine() throws IOException {
        String dir = System.getProperty("specgate.corpus");
        assumeTrue(dir != null, "no corpus given (-Dspecgate.corpus=DIR)");
        List<Path> files = markdownFiles(Path.of(dir));
        int fast = 0;
        for (Path file : files) {
            if (assertDeclinedOrSame(read(file))) {
                fast++;
            }
        }
        System.out.printf("fast path: %d of %d files of %s%n", fast, files.size(), dir);
    }

    /**
     * List items whose only token is a bold label ({@code - **Owner:** the `billing` team}) are
     * read from the spec's chars without the inline scan ({@code DocumentBuilder.labelLine}): the
     * same fields, values and ranges as commonmark's tree scanned in full, and the items that the
     * shortcut must leave to the scan (a '*' after a code span, a comment, a bracket, a date token,
     * an escape) too; paragraphs whose only token is '*' (the metadata block, bold prose) likewise.
     */
    @Example
    void labelItemsReadWithoutTheInlineScan() {
        String items =
                """
                # Spec

                ## Owners
                - **Owner:** the `billing` team
                - **Owner**: Zoë Ångström \s
                * **Reviewer:**   Ops - **Due:** soon;
                1. **Phase 1:** 28 % less latency
                   - **Nested:** `a` then `b`
                - **Code:** `x` then **bold**
                - `lead` **Label:** after code
                - **Star:** a * b ** c
                - ** :** empty name
                - **Comment:** value <!-- note -->
                - **Escaped:** a \\* b
                - **Date:** YYYY-MM-DD
                - **Link:** [spec](other.md)
                - **Two:** lines
                  go on
                - **NoColon** value
                - **:** x
                - **Open:** `code that
                  runs on** *here*
                - **Then:** plain
                  then `a*b` and **L:** c
                - **Tick:** `a` **B:** `c
                  d` *e*
                > - **Quoted:** `q` value
                >   **More:** `open
                > - **Quoted Two:** x *y*
                - **Outer:** `o`
                  - **Inner:** `i` **Next:** \\`
                    * **Deeper:** Zoë `ß`

                **File:** `a.md`
                **Created:** 2026-09-24
                **Type:** Integration

                The cache — **heap usage** matters.
                **Owner:** ops
                """;
        for (String text : List.of(items, items.replace("\n", "\r\n"))) {
            assertThat(assertDeclinedOrSame(text)).as(text).isTrue();
        }
        SpecDocument doc = PARSER.parse(items);
        assertThat(doc.fields())
                .extracting(f -> f.label() + "=" + f.value())
                .contains(
                        "Owner=the `billing` team",
                        "Owner=Zoë Ångström",
                        "Reviewer=Ops",
                        "Due=soon;",
                        "Nested=`a` then `b`",
                        "Created=2026-09-24",
                        "Owner=ops",
                        "Open=`code that",
                        "Quoted=`q` value",
                        "Outer=`o`",
                        "Deeper=Zoë `ß`");
    }

    /**
     * An approval record's line ({@code **Approval:** ... <!-- sections: ... -->}) and other label
     * lines that end in one HTML comment are read without the inline scan: the same fields, values,
     * ranges and comments as commonmark's tree scanned in full, and likewise the lines the shortcut
     * must leave to the scan (a comment mid-line, two comments, an unclosed {@code <!--}, a {@code
     * -->} in a code span, {@code <!-->} and {@code <!--->}, a '[', a backtick, a '<' or an escape
     * elsewhere on the line, a date token), in paragraphs, list items and block quotes.
     */
    @Example
    void labelLinesEndingInACommentReadWithoutTheInlineScan() {
        String text =
                """
                # Spec

                ## Status

                **Document Status:** Approved
                **Approval:** 2026-12-03 by Ana Ruiz, sha256:3f2a9c1e7b04 <!-- sections: hiT2U-ZYfO_SB3-l2Fed -->
                **Reviewer:** Zoë Ångström

                **Mid:** value <!-- note --> more

                **Two:** a <!-- one --> b <!-- two -->

                **Lines:** a <!-- one -->
                **Lines Two:** b <!-- two -->

                **Unclosed:** v <!-- never closed

                **Code:** `-->` <!-- c -->

                **Code Two:** <!-- a `-->` b -->

                **Short:** v <!-->

                **Shorter:** v <!--->

                **Short Closed:** v <!--> x -->

                **Empty Comment:** v <!---->

                **Spaces:** v <!-- s -->  \s

                **Non-ASCII:** Zoë → <!-- größe: ü -->

                **Bracket:** [x] <!-- b -->

                **Tick:** a ` b <!-- t -->

                **Tag:** <b>x</b> <!-- t -->

                **Less:** a < b <!-- l -->

                **Inner:** v <!-- a < b **L:** c -->

                **Arrow First:** a --> b <!-- c -->

                **Empty:** <!-- e -->

                **Date:** YYYY-MM-DD <!-- d -->

                **Date In:** v <!-- YYYY-MM-DD -->

                **Escape:** a \\* b <!-- e -->

                Plain prose <!-- only a comment -->

                **Trailing:** v <!-- t -->x

                **Indented:** v
                    <!-- a continuation -->

                **Before Block:** v
                <!-- an HTML block -->

                - **Approval:** 2026-12-03 by Ana Ruiz, sha256:3f2a9c1e7b04 <!-- sections: Yq-_x -->
                - **Item:** v <!-- i -->
                  goes on
                - **Item Two:** v
                  goes on <!-- second line's -->
                - **Item Mid:** v <!-- i --> w
                * **Star:** a *b* <!-- s -->
                  - **Nested:** Yuki <!-- n -->

                > **Quoted:** v <!-- q -->
                > **More:** w
                >
                > - **Quoted Item:** v <!-- qi -->

                **Tick Across:** `a <!-- c -->
                **After Tick:** b` x

                **Tick Inside:** a <!-- ` -->
                **After Inside:** b ` c
                """;
        for (String t : List.of(text, text.replace("\n", "\r\n"))) {
            assertThat(assertDeclinedOrSame(t)).as(t).isTrue();
        }
        SpecDocument doc = PARSER.parse(text);
        assertThat(doc.fields())
                .extracting(f -> f.label() + "=" + f.value())
                .contains(
                        "Approval=2026-12-03 by Ana Ruiz, sha256:3f2a9c1e7b04",
                        "Reviewer=Zoë Ångström",
                        "Mid=value <!-- note --> more",
                        "Spaces=v",
                        "Non-ASCII=Zoë →",
                        "Empty=",
                        "Trailing=v <!-- t -->x",
                        "Item=v",
                        "Nested=Yuki",
                        "Quoted=v",
                        "Quoted Item=v");
        assertThat(doc.comments())
                .contains(
                        new HtmlComment("sections: hiT2U-ZYfO_SB3-l2Fed", 5),
                        new HtmlComment("größe: ü", 31),
                        new HtmlComment("sections: Yq-_x", 63),
                        new HtmlComment("second line's", 67),
                        new HtmlComment("qi", 75));
    }

    /**
     * Label lines read straight from the spec's chars are copied one after another into a few
     * arrays their fields share: many lines, a line longer than any such array, non-ASCII and CRLF
     * keep the values, labels and ranges of commonmark's tree scanned in full.
     */
    @Example
    void manyLabelLinesKeepTheirOwnText() {
        // blocks of five list items, then five bold lines (one paragraph), a blank line between
        StringBuilder spec = new StringBuilder("# Spec\n\n## Fields\n");
        String longValue = "x`y`".repeat(1500);
        List<String> values = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int line = 3;
        for (int i = 0; i < 400; i++) {
            boolean bold = i / 5 % 2 == 1;
            if (i > 0 && i % 5 == 0) {
                spec.append('\n');
                line++;
            }
            String value = i % 97 == 3 ? longValue : bold ? "Zoë " + i : "`v" + i + "`";
            spec.append(bold ? "**Größe " : "- **Label ").append(i).append(":** ");
            spec.append(value).append('\n');
            values.add(value);
            lines.add(line++);
        }
        for (String text : List.of(spec.toString(), spec.toString().replace("\n", "\r\n"))) {
            assertThat(assertDeclinedOrSame(text)).as("fast path").isTrue();
            List<dev.specgate.core.model.Field> fields = PARSER.parse(text).fields();
            assertThat(fields).hasSize(400);
            for (int i = 0; i < 400; i++) {
                dev.specgate.core.model.Field f = fields.get(i);
                assertThat(f.value()).as("field %d", i).isEqualTo(values.get(i));
                String label = (i / 5 % 2 == 1 ? "GRÖßE " : "label ") + i;
                assertThat(f.hasLabel(label)).as("label of field %d", i).isTrue();
                assertThat(f.inListItem()).isEqualTo(i / 5 % 2 == 0);
                assertThat(f.valueRange().startLine()).isEqualTo(lines.get(i));
            }
        }
    }

    @Example
    void edgesOfTheSubset() {
        for (String text :
                List.of(
                        "",
                        "\n",
                        "\r\n",
                        "a",
                        "a\rb\nc\r\nd",
                        "# H\n---\n",
                        "p\n---\n",
                        "p\n===\n",
                        "- a\n- b\n\n- c\n",
                        "- a\n\n  b\n",
                        "- a\n  - b\n    - c\n- d\n",
                        "1. a\n2. b\n3) c\n",
                        "p\n2. x\n",
                        "p\n1. x\n",
                        "p\n- x\n",
                        "> a\n> b\n\nc\n",
                        "> a\nlazy\n",
                        "> - a\n>   b\n",
                        "| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 |\n\nx\n",
                        "| a | b |\n|---|\n",
                        "t\n| a |\n| - |\n| 1 |\nlazy\n",
                        "| a |\n| - |\n|\n",
                        "```js\ncode\n```\n",
                        "```\nunclosed\n",
                        "- x\n  ```\n  code\n   more\n  ```\n",
                        "~~~ info ~~~\n~~~~\n",
                        "<!-- c -->\n<!-- a\nb -->\nc\n",
                        "[x]: /u\n",
                        "[foo\nbar]: /url\n\nx [foo bar]\n",
                        "[a\\]\nb]: /u\n",
                        "[a [b]: /u\n",
                        "| a \\| b | c |\n|---|---|\n| 1 | 2 |\n",
                        "| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n",
                        "| a |\n|---|\n| \\ x |\n",
                        // rows wider than the header: the cells GFM drops (HiddenCells)
                        "| a | b |\n|---|---|\n| 1 | 2 | [TODO: owner] |\n| 3 | 4 |   |  |\n",
                        "a | b\n--|--\n1 | 2 | three\n1 | 2 |\n1 | 2 | \n",
                        "> | a |\n> |---|\n> | 1 | x | y |\n",
                        "- | é | b |\n  |---|---|\n  | 1 | 2 | ünïcode |x\n",
                        "| a | b |\n|---|---|\n| 1 | 2 | x \\| y |\n| 1 | 2 \\| 3 |\n",
                        "[x] y\n",
                        "[ ] task\n",
                        "- [ ] task\n- [x] done\n",
                        "-\n",
                        "-    five\n",
                        "    code\n",
                        "p\n    more\n",
                        "\ta\n",
                        "*emph*\n* item\n",
                        "***\n___\n- - -\n",
                        // two markers then a third char: no break, underline or item unless the
                        // third is the marker or a space
                        "**x\n--x\n__x\n**\n** *\n**-\n*** x\np\n--x\np\n-- -\n- **L:** v\n",
                        "#5\n####### x\n# x #\n",
                        // closing sequences, which the parser finds from the line's end
                        "# foo ## #\n# foo## #\n# ## #\n# ###\n# a # b #\n## x ##  \n",
                        "# #x\n# x \\#\n#\n# \n#  #  \n# x#\n# x #y #\n# é ##\n")) {
            assertDeclinedOrSame(text);
        }
    }

    /**
     * Tabs between a thematic break's markers ({@code -\t-\t-}) make a break, as commonmark reads
     * them: the parser's one reading of a break ({@link SpecParser#isThematicBreak}) says what
     * commonmark's tree holds for each line, tabs or spaces, indented as code or not; where the
     * fast path takes a text holding one, its tree is commonmark's.
     */
    @Example
    void tabsBetweenMarkersMakeAThematicBreakAsCommonmarkReadsThem() {
        for (String line :
                List.of(
                        "-\t-\t-",
                        "*\t*\t*",
                        "_\t_ \t_",
                        "   -\t- -\t",
                        "- -\t-\tx",
                        "-\t-",
                        "\t-\t-\t-",
                        "    - - -",
                        "- - -",
                        "***")) {
            Node doc = REFERENCE.parse(line + "\n");
            boolean commonmark =
                    doc.getFirstChild() instanceof org.commonmark.node.ThematicBreak
                            && doc.getFirstChild().getNext() == null;
            assertThat(SpecParser.isThematicBreak(line)).as("break %s", line).isEqualTo(commonmark);
            for (String text :
                    List.of(line + "\n", "# Rollout\n\np\n\n" + line + "\r\nq\n", "> " + line)) {
                assertDeclinedOrSame(text);
            }
        }
        assertThat(SpecParser.isThematicBreak("-\t-\t-")).isTrue();
    }

    /**
     * A line whose first char is outside ASCII, letter or not, starts no block: it goes on a
     * paragraph, opens one, or is a lazy continuation line (declined), at every depth, and at the
     * nesting limit too, where commonmark stops looking for block starts.
     */
    @Example
    void nonAsciiLineStartsStartNoBlock() {
        for (String start :
                List.of("é", "—", "→", "©", "\uD83D\uDE00", "\u00A0", "\u3000", "\uFEFF", "中")) {
            for (String text :
                    List.of(
                            start + " first\n",
                            "prose\n" + start + " goes on\n",
                            "# H\n" + start + " x\n\n" + start + "\n",
                            "- item\n" + start + " lazy\n",
                            "- item\n  " + start + " in the item\n",
                            "> quote\n> " + start + " quoted\n",
                            "> quote\n" + start + " lazy\n",
                            "| a | b |\n|---|---|\n" + start + " | row\n",
                            "p\n    " + start + " indented\n",
                            "1. one\n\n   " + start + "\r\n",
                            "\uFEFF" + start + " after a BOM\r\n" + start + "\r\n",
                            // declined: an HTML tag or scheme, a tab
                            "p\n<" + start + ">\n",
                            "<" + start + "-x:y>\n",
                            "&" + start + "; x\n" + start + "\tx\n")) {
                assertDeclinedOrSame(text);
            }
            // taken by the fast path: prose, and text at the deepest nesting the parser reads
            assertThat(assertDeclinedOrSame("prose\n" + start + " goes on\n")).isTrue();
            assertThat(assertDeclinedOrSame("- ".repeat(SpecParser.MAX_NESTING_DEPTH / 2) + start))
                    .as("%s after %d open blocks", start, SpecParser.MAX_NESTING_DEPTH + 1)
                    .isTrue();
            for (int depth = SpecParser.MAX_NESTING_DEPTH / 2 - 2;
                    depth <= SpecParser.MAX_NESTING_DEPTH / 2 + 2;
                    depth++) {
                assertDeclinedOrSame("- ".repeat(depth) + start + " x\n");
                assertDeclinedOrSame("> ".repeat(depth * 2) + start + " x\n");
                assertDeclinedOrSame(
                        "- ".repeat(depth) + "x\n" + "  ".repeat(depth) + start + "\n");
            }
        }
    }

    @Example
    void nestingDeeperThanTheLimitIsDeclined() {
        String deep = "- ".repeat(SpecParser.MAX_NESTING_DEPTH + 10) + "x\n";
        assertThat(SubsetBlockParser.parse(deep, SpecParser.MAX_NESTING_DEPTH)).isNull();
        assertDeclinedOrSame(deep);
        String quotes = "> ".repeat(SpecParser.MAX_NESTING_DEPTH + 10) + "x\n";
        assertDeclinedOrSame(quotes);
    }

    /** True if the fast path took the text (and built commonmark's tree and model). */
    private static boolean assertDeclinedOrSame(String text) {
        Node fast = SubsetBlockParser.parse(text, SpecParser.MAX_NESTING_DEPTH);
        if (fast == null) {
            return false;
        }
        assertThat(CommonmarkTreeTest.dump(fast))
                .as("tree of %s", text)
                .isEqualTo(CommonmarkTreeTest.dump(REFERENCE.parse(text)));
        assertThat(SubsetBlockParser.parseCounted(text, SpecParser.MAX_NESTING_DEPTH).lineCount())
                .as("lines of %s", text)
                .isEqualTo(SpecParser.countLines(text));
        String body = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        // the parser reads front matter before the Markdown, whichever path builds the tree
        FrontMatterReader.Result front = FrontMatterReader.read(body);
        String markdown = front.markdown();
        SpecDocument viaCommonmark =
                front.applyTo(
                        DocumentBuilder.build(
                                PARSER.commonmarkTree(markdown),
                                markdown,
                                SpecParser.countLines(markdown)));
        assertThat(PARSER.parse(text)).isEqualTo(viaCommonmark);
        // paragraphs of prose, read only when asked (a template with guidance prose)
        assertThat(new SpecParser(false, true).parse(text).prose())
                .as("prose of %s", text)
                .isEqualTo(
                        front.applyTo(
                                        DocumentBuilder.build(
                                                PARSER.commonmarkTree(markdown),
                                                markdown,
                                                markdown.toCharArray(),
                                                SpecParser.countLines(markdown),
                                                false,
                                                true))
                                .prose());
        assertSameModelFromTheModelTree(markdown, front, viaCommonmark);
        assertSameModelFromTheDecodersChars(body, viaCommonmark);
        return true;
    }

    /**
     * A text read from bytes ({@link SpecFileReader#decode}) is parsed from the decoder's own
     * chars, as chars ({@link SpecParser#parseChars(SpecText)}) and as a string ({@link
     * TextChars}), not a copy of the string: the model is the same.
     */
    private static void assertSameModelFromTheDecodersChars(
            String body, SpecDocument viaCommonmark) {
        SpecText read;
        try {
            read = SpecFileReader.decode(body.getBytes(StandardCharsets.UTF_8));
        } catch (UnreadableSpecException e) {
            return; // a NUL: binary, never parsed
        }
        // a check parses the chars, and makes no string of them
        SpecDocument fromChars = PARSER.parseChars(read);
        String decoded = read.text();
        if (!decoded.equals(body)) {
            return; // an unpaired surrogate has no UTF-8
        }
        assertThat(fromChars).as("model from the chars of %s", body).isEqualTo(viaCommonmark);
        assertThat(PARSER.parse(decoded))
                .as("model from the decoder's chars of %s", body)
                .isEqualTo(viaCommonmark);
        assertThat(TextChars.take(decoded)).as("chars taken by the parse").isNull();
        assertSameTreeFromTheDecodersArray(body);
    }

    /**
     * The decoder's array is as long as the bytes, longer than the text when it holds a char of two
     * bytes or more: the block parser reads only the text's part of it, and builds the tree it
     * builds from the string's own chars. Asked directly, for the same reason as {@link
     * #assertSameModelFromTheModelTree}.
     */
    private static void assertSameTreeFromTheDecodersArray(String body) {
        String decoded;
        try {
            decoded = SpecFileReader.decode(body.getBytes(StandardCharsets.UTF_8)).text();
        } catch (UnreadableSpecException e) {
            return;
        }
        char[] chars = TextChars.take(decoded);
        assertThat(chars).as("chars of %s", body).isNotNull();
        SubsetBlockParser.Parsed own =
                SubsetBlockParser.parseCounted(decoded, SpecParser.MAX_NESTING_DEPTH);
        SubsetBlockParser.Parsed fromArray =
                SubsetBlockParser.parseCounted(
                        decoded,
                        chars,
                        SpecParser.MAX_NESTING_DEPTH,
                        SubsetBlockParser.Detail.TREE);
        assertThat(fromArray == null)
                .as("declined from the array, %s", body)
                .isEqualTo(own == null);
        if (own != null) {
            assertThat(fromArray.lineCount()).isEqualTo(own.lineCount());
            assertThat(CommonmarkTreeTest.dump(fromArray.document()))
                    .as("tree from the decoder's array of %s", body)
                    .isEqualTo(CommonmarkTreeTest.dump(own.document()));
        }
    }

    @Example
    void aTextWithWideCharsIsReadFromTheFrontOfTheDecodersLongerArray() throws Exception {
        // 3 + 2 + 4 bytes for 1 + 1 + 2 chars: the array has five chars more than the text
        String text = "# \u2014 T\u00E9\n\n- **A:** \uD83D\uDE00 `x`\n";
        String decoded = SpecFileReader.decode(text.getBytes(StandardCharsets.UTF_8)).text();
        char[] chars = TextChars.take(decoded);
        assertThat(chars.length).isEqualTo(decoded.length() + 5);
        assertSameTreeFromTheDecodersArrayOf(decoded, chars);
        // what lies past the text is never read, whatever it holds
        char[] noisy = java.util.Arrays.copyOf(chars, chars.length);
        java.util.Arrays.fill(noisy, decoded.length(), noisy.length, '\t');
        assertSameTreeFromTheDecodersArrayOf(decoded, noisy);
    }

    private static void assertSameTreeFromTheDecodersArrayOf(String text, char[] chars) {
        SubsetBlockParser.Parsed own =
                SubsetBlockParser.parseCounted(text, SpecParser.MAX_NESTING_DEPTH);
        SubsetBlockParser.Parsed fromArray =
                SubsetBlockParser.parseCounted(
                        text, chars, SpecParser.MAX_NESTING_DEPTH, SubsetBlockParser.Detail.TREE);
        assertThat(own).isNotNull();
        assertThat(fromArray).isNotNull();
        assertThat(fromArray.lineCount()).isEqualTo(own.lineCount());
        assertThat(CommonmarkTreeTest.dump(fromArray.document()))
                .isEqualTo(CommonmarkTreeTest.dump(own.document()));
    }

    /**
     * The blocks a check reads ({@link SubsetBlockParser.Detail#MODEL}: no commonmark node, no
     * source span, no code literal) are read whenever the whole tree is, and the model built from
     * them is the model of commonmark's tree, with and without the leading list read as metadata;
     * so is the model built from the blocks of a parse that builds the tree too (the dashboard's).
     * Asked directly: {@link SpecParser#parse} falls back to commonmark when the fast path fails,
     * and would hide a fault here.
     */
    private static void assertSameModelFromTheModelTree(
            String markdown, FrontMatterReader.Result front, SpecDocument viaCommonmark) {
        SubsetBlockParser.Parsed whole =
                SubsetBlockParser.parseCounted(markdown, SpecParser.MAX_NESTING_DEPTH);
        SubsetBlockParser.Parsed lean =
                SubsetBlockParser.parseCounted(
                        markdown, SpecParser.MAX_NESTING_DEPTH, SubsetBlockParser.Detail.MODEL);
        assertThat(lean == null)
                .as("model tree declined as the whole tree")
                .isEqualTo(whole == null);
        if (lean == null) {
            return;
        }
        assertThat(lean.document()).as("no commonmark node for a check").isNull();
        assertThat(lean.lineCount()).isEqualTo(whole.lineCount());
        assertThat(front.applyTo(DocumentBuilder.build(lean.blocks(), lean.lineCount(), false)))
                .as("model from the blocks of %s", markdown)
                .isEqualTo(viaCommonmark);
        assertThat(front.applyTo(DocumentBuilder.build(whole.blocks(), whole.lineCount(), false)))
                .as("model from the blocks of the whole tree of %s", markdown)
                .isEqualTo(viaCommonmark);
        SpecDocument listMetadata =
                front.applyTo(
                        DocumentBuilder.build(
                                PARSER.commonmarkTree(markdown),
                                markdown,
                                SpecParser.countLines(markdown),
                                true));
        assertThat(front.applyTo(DocumentBuilder.build(lean.blocks(), lean.lineCount(), true)))
                .as("model with list metadata from the blocks of %s", markdown)
                .isEqualTo(listMetadata);
    }

    private static List<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        // malformed UTF-8 becomes U+FFFD, as the spec reader's fallback would not
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> soup() {
        return MarkdownArbitraries.markdown();
    }

    @Provide
    Arbitrary<String> editedTemplate() {
        return MarkdownArbitraries.editedTemplate();
    }

    /** Lines of list items holding bold labels, with the chars that may change what they read. */
    @Provide
    Arbitrary<String> labelItems() {
        Arbitrary<String> part =
                Arbitraries.of(
                        "**Label:**",
                        "**Label:**",
                        "**Owner**:",
                        "**Zo\u00eb \u00c5ngstr\u00f6m:**",
                        "**\uD83D\uDE00:**",
                        "** x:**",
                        "**x :**",
                        "** :**",
                        "**:**",
                        "**a\\*b:**",
                        "\\**L:**",
                        "**L:\\**",
                        "**L:** ",
                        "**",
                        "*",
                        "** ",
                        " * ",
                        "`c`",
                        "`a*b`",
                        "``*``",
                        "`",
                        "\t",
                        " ",
                        "  ",
                        "value",
                        "caf\u00e9",
                        "-",
                        ":",
                        "_",
                        "__L:__",
                        "&amp;",
                        "&#42;",
                        "<b>",
                        "\u00a0",
                        "**L&amp;M:**",
                        "**L\u00a0:**");
        Arbitrary<String> content =
                part.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts));
        Arbitrary<String> start =
                Arbitraries.of(
                        "- ", "- ", "* ", "+ ", "1. ", "-\t", "\t- ", "- \t", "  - ", "    - ",
                        "   1) ", "> - ", "> ", ">\t* ", "- - ", "", "  ");
        Arbitrary<String> line =
                net.jqwik.api.Combinators.combine(start, content).as((st, c) -> st + c);
        Arbitrary<String> any =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(10, line),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just("")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of("# T", "## Owners", "text")));
        Arbitrary<String> end = Arbitraries.of("\n", "\n", "\n", "\r\n");
        return net.jqwik.api.Combinators.combine(any, end)
                .as((l, e) -> l + e)
                .list()
                .ofMaxSize(12)
                .map(lines -> String.join("", lines));
    }

    @Provide
    Arbitrary<String> taskItems() {
        Arbitrary<String> part =
                Arbitraries.of(
                        "**Label:**",
                        "**Owner**:",
                        "**Zo\u00eb:**",
                        "**bold**",
                        "**",
                        "*",
                        "`c`",
                        "`a*b`",
                        "`[x]`",
                        "`",
                        " ",
                        "  ",
                        "\t",
                        "value",
                        "caf\u00e9",
                        "\uD83D\uDE00",
                        "[",
                        "]",
                        "[ ]",
                        "[Time estimate]",
                        "[a](b.md)",
                        "<!-- c -->",
                        "<b>",
                        "{x}",
                        "YYYY-MM-DD",
                        "Y",
                        "\\[",
                        "\\*",
                        "&amp;",
                        ":",
                        "-");
        Arbitrary<String> content = part.list().ofMaxSize(5).map(parts -> String.join("", parts));
        Arbitrary<String> box =
                Arbitraries.of(
                        "[ ] ", "[ ] ", "[x] ", "[X] ", "[ ]\t", "[x]", "[ ]", "[x]  ", "[ ]x");
        Arbitrary<String> start =
                Arbitraries.of("- ", "- ", "* ", "+ ", "1. ", "  - ", "   1) ", "> - ", "- - ");
        Arbitrary<String> line =
                net.jqwik.api.Combinators.combine(start, box, content).as((st, b, c) -> st + b + c);
        Arbitrary<String> any =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(10, line),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just("")),
                        net.jqwik.api.Tuple.of(
                                1, Arbitraries.of("# T", "## Tasks", "text", "  go on")));
        Arbitrary<String> end = Arbitraries.of("\n", "\n", "\n", "\r\n");
        return net.jqwik.api.Combinators.combine(any, end)
                .as((l, e) -> l + e)
                .list()
                .ofMaxSize(10)
                .map(lines -> String.join("", lines));
    }

    @Provide
    Arbitrary<String> labelsAcrossLines() {
        Arbitrary<String> part =
                Arbitraries.of(
                        "**Label:**",
                        "**Label:** ",
                        "**L:**",
                        "**",
                        "*",
                        "`",
                        "``",
                        "`a",
                        "b`",
                        "`a*b`",
                        "`x.md`",
                        "``a`b``",
                        "value",
                        "Zo\u00eb",
                        " ",
                        "  ",
                        "\t",
                        ":");
        Arbitrary<String> content =
                part.list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join("", parts));
        Arbitrary<String> start =
                Arbitraries.of("- ", "- [ ] ", "* ", "1. ", "", "", "  ", "\t", "> ", "   ");
        Arbitrary<String> line =
                net.jqwik.api.Combinators.combine(start, content).as((st, c) -> st + c);
        Arbitrary<String> any =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(10, line),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                        net.jqwik.api.Tuple.of(
                                1,
                                Arbitraries.of(
                                        "---",
                                        "===",
                                        "| **L:** | `v*` |",
                                        "|---|---|",
                                        "```",
                                        "    **L:** code",
                                        "<div>",
                                        "## **L:** h")));
        Arbitrary<String> end = Arbitraries.of("\n", "\n", "\n", "\r\n");
        return net.jqwik.api.Combinators.combine(any, end)
                .as((l, e) -> l + e)
                .list()
                .ofMinSize(1)
                .ofMaxSize(8)
                .map(lines -> String.join("", lines));
    }

    @Provide
    Arbitrary<String> labelsAndComments() {
        Arbitrary<String> part =
                Arbitraries.of(
                        "**Label:**",
                        "**Approval:** 2026-12-03 by Ana Ruiz, sha256:3f2a9c1e7b04",
                        "**L:** ",
                        "**",
                        "*",
                        "value",
                        "Zo\u00eb",
                        "\uD83D\uDE00",
                        "Yuki",
                        "Y",
                        "YYYY-MM-DD",
                        " ",
                        "  ",
                        "\t",
                        ":",
                        "<!-- c -->",
                        "<!-- **L:** x -->",
                        "<!--",
                        "-->",
                        "<!-->",
                        "<!--->",
                        "<",
                        "`",
                        "`c`",
                        "[",
                        "\\*");
        Arbitrary<String> content = part.list().ofMaxSize(4).map(parts -> String.join("", parts));
        Arbitrary<String> tail =
                Arbitraries.of(
                        "",
                        " <!-- sections: hiT2U-ZYfO_SB3-l2Fed -->",
                        " <!-- sections: hiT2U-ZYfO_SB3-l2Fed -->",
                        "<!-- c -->",
                        " <!-- c --> ",
                        " <!-- c -->\t ",
                        " <!-- a --> <!-- b -->",
                        " <!-- a`b -->",
                        " <!-- a < b -->",
                        " <!---->",
                        " <!-->",
                        " <!--->",
                        " <!--",
                        " <!-- c --> x",
                        " <!-- c -->\u00a0");
        Arbitrary<String> start =
                Arbitraries.of(
                        "", "", "", "- ", "* ", "1. ", "  ", "    ", "> ", "> - ", "  - ",
                        "- [ ] ");
        Arbitrary<String> line =
                net.jqwik.api.Combinators.combine(start, content, tail)
                        .as((st, c, t) -> st + c + t);
        Arbitrary<String> any =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(10, line),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just("")),
                        net.jqwik.api.Tuple.of(
                                1, Arbitraries.of("## Status", "<!-- block -->", "```", "---")));
        Arbitrary<String> end = Arbitraries.of("\n", "\n", "\n", "\r\n");
        return net.jqwik.api.Combinators.combine(any, end)
                .as((l, e) -> l + e)
                .list()
                .ofMinSize(1)
                .ofMaxSize(8)
                .map(lines -> String.join("", lines));
    }

    /** Spec-like lines whose content is a soup of inline syntax characters and plain words. */
    @Provide
    Arbitrary<String> markSoup() {
        Arbitrary<String> content =
                Arbitraries.of(
                                "plain",
                                "words",
                                " ",
                                " ",
                                "  ",
                                "`",
                                "``",
                                "`code`",
                                "[",
                                "]",
                                "[x]",
                                "[ ]",
                                "[Placeholder]",
                                "[a](b)",
                                "![i](j)",
                                "<",
                                ">",
                                "<!--",
                                "-->",
                                "<a id=\"k\">",
                                "<https://e.x>",
                                "!",
                                "*",
                                "**",
                                "**Label:**",
                                "**L**:",
                                "_",
                                "__",
                                "\\",
                                "\\*",
                                "\\`",
                                "&",
                                "&amp;",
                                "&#38;",
                                "{",
                                "}",
                                "{x}",
                                "{#id}",
                                "{{v}}",
                                "Y",
                                "YYYY-MM-DD",
                                "|",
                                ":",
                                "-",
                                "é",
                                "2026")
                        .list()
                        .ofMaxSize(8)
                        .map(parts -> String.join("", parts));
        Arbitrary<String> start =
                Arbitraries.of(
                        "", "", "", "- ", "- ", "* ", "+ ", "1. ", "2) ", "  - ", "    ", "> ",
                        "> - ", "# ", "## ", "### ", "| ", "- [ ] ", "- [x] ", "-[ ] ");
        Arbitrary<String> line =
                net.jqwik.api.Combinators.combine(start, content, content)
                        .as((st, a, b) -> st + a + (b.isEmpty() ? "" : " " + b));
        Arbitrary<String> any =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(8, line),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just("")),
                        net.jqwik.api.Tuple.of(
                                1, Arbitraries.of("| a | b |", "|---|---|", "| `x` | [y] |")));
        Arbitrary<String> end = Arbitraries.of("\n", "\n", "\n", "\r\n");
        return net.jqwik.api.Combinators.combine(any, end)
                .as((l, e) -> l + e)
                .list()
                .ofMaxSize(30)
                .map(lines -> String.join("", lines));
    }

    /** Lines of the kinds specs are made of, at indents that nest them, and a few that do not. */
    @Provide
    Arbitrary<String> specLike() {
        Arbitrary<String> indent = Arbitraries.of("", "", "", " ", "  ", "   ", "    ", "      ");
        Arbitrary<String> line =
                Arbitraries.of(
                        "",
                        "",
                        "# Heading",
                        "## Heading ##",
                        "### ",
                        "Some prose with **bold** and `code` [a](b)",
                        "more prose",
                        "**Label:** value",
                        "- item",
                        "- [ ] task",
                        "- [x] done [Date]",
                        "* star item",
                        "+ plus",
                        "1. first",
                        "2. second",
                        "3) third",
                        "10. tenth",
                        "-",
                        "-     far",
                        "> quote",
                        "> [!NOTE]",
                        ">",
                        "> - quoted item",
                        "> > nested",
                        "```",
                        "```java",
                        "````",
                        "~~~",
                        "~~~ yaml",
                        "``` a`b",
                        "| A | B |",
                        "|---|:-:|",
                        "| :--- | ---: |",
                        "| 1 | 2 |",
                        "| x |",
                        "|",
                        "a | b",
                        "<!-- comment -->",
                        "<!-- open",
                        "close -->",
                        "<div>",
                        "<https://example.com>.",
                        "<mailto:x@y.z> and more",
                        "<https:>",
                        "<pre:x>",
                        "<a:b>",
                        "<a-b:c",
                        "<svn+ssh://h>",
                        "---",
                        "***",
                        "___",
                        "===",
                        "[ref]: /url",
                        "[label] text",
                        "[ ] box",
                        "#5 not a heading",
                        "\\# escaped",
                        "&amp; entity",
                        "é ü 中文",
                        // non-ASCII chars that are no letters start no block either
                        "— an em dash",
                        "→ arrow",
                        "© 2026",
                        "€5 and µs",
                        "\uD83D\uDE00 emoji",
                        "\u00A0no-break space",
                        "\u3000ideographic space",
                        "\uFEFFa BOM",
                        "&é; &#233; &eacute;",
                        "- — dash item",
                        "> → quoted");
        Arbitrary<String> end = Arbitraries.of("\n", "\n", "\n", "\r\n", "\r");
        return net.jqwik.api.Combinators.combine(indent, line, end)
                .as((i, l, e) -> (l.isEmpty() ? "" : i) + l + e)
                .list()
                .ofMaxSize(40)
                .map(lines -> String.join("", lines));
    }
}
