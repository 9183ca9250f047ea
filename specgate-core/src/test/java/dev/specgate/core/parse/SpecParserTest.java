package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.HtmlComment;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.model.TextMark;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the parser makes of a spec: the document model the rules read. */
class SpecParserTest {

    private static final SpecParser PARSER = new SpecParser();

    private static final String SPEC =
            """
            # Technical Specification: Invoice Export

            **File:** `../directives/spec/2026-03-02_spec_invoice-export.md`
            **Created:** 2026-03-02
            **Type:** Bug Fix <!-- picked in triage -->

            ## Executive Summary
            Exports time out for large accounts.

            ## Problem Analysis

            ### Root Cause Analysis
            The export is not streamed.
            - **Primary Cause:** the result set is loaded at once
            - **Contributing Factors:** a missing index

            ### Evidence & Metrics <!-- from the February incident -->
            - **Error Rates:** 31 %

            ## Open Questions & Decisions

            ### Technical Decisions Needed
            - [x] Page size - **Decision by:** 2026-03-10
            - [ ] Trailer row - **Decision by:** 2026-12-04
              - [X] Ask finance
            1. [ ] Numbered box

            ---

            **Document Status:** Review
            **Reviewer:** Priya Raman
            """;

    private static final SpecDocument DOC = PARSER.parse(SPEC);

    @Nested
    class TitleAndSections {

        @Test
        void titleIsTheFirstLevelOneHeading() {
            Section title = DOC.title().orElseThrow();

            assertThat(title.title()).isEqualTo("Technical Specification: Invoice Export");
            assertThat(title.level()).isEqualTo(1);
            assertThat(title.line()).isZero();
            assertThat(title.parentIndex()).isEqualTo(-1);
        }

        @Test
        void sectionsKeepLevelParentAndOrder() {
            List<Section> s = DOC.sections();

            assertThat(s)
                    .extracting(Section::title)
                    .containsExactly(
                            "Technical Specification: Invoice Export",
                            "Executive Summary",
                            "Problem Analysis",
                            "Root Cause Analysis",
                            "Evidence & Metrics",
                            "Open Questions & Decisions",
                            "Technical Decisions Needed");
            assertThat(s).extracting(Section::level).containsExactly(1, 2, 2, 3, 3, 2, 3);
            assertThat(s).extracting(Section::parentIndex).containsExactly(-1, 0, 0, 2, 2, 0, 5);
            assertThat(s).extracting(Section::index).containsExactly(0, 1, 2, 3, 4, 5, 6);
            assertThat(s).extracting(Section::line).containsExactly(0, 6, 9, 11, 16, 19, 21);
        }

        @Test
        void bodyAndSubsectionsAreTrackedApart() {
            Section summary = DOC.sections().get(1);
            Section problem = DOC.sections().get(2);

            assertThat(summary.hasBody()).isTrue();
            assertThat(summary.hasSubsections()).isFalse();
            assertThat(problem.hasBody()).isFalse();
            assertThat(problem.hasSubsections()).isTrue();
            assertThat(problem.isEmpty()).isFalse();
        }

        @Test
        void sectionEndsWhereTheNextHeadingOfItsLevelOrHigherStarts() {
            assertThat(DOC.sections().get(2).endLine()).isEqualTo(19);
            assertThat(DOC.sections().get(3).endLine()).isEqualTo(16);
            assertThat(DOC.sections().get(0).endLine()).isEqualTo(DOC.lineCount());
        }

        @Test
        void headingTitleLeavesOutHtmlComments() {
            Section evidence = DOC.sections().get(4);

            assertThat(evidence.title()).isEqualTo("Evidence & Metrics");
            assertThat(evidence.range()).isEqualTo(new SourceRange(16, 0, 16, 58));
            assertThat(DOC.comments())
                    .extracting(HtmlComment::text, HtmlComment::line)
                    .contains(tuple("from the February incident", 16));
        }

        @Test
        void sectionWithOnlyACommentOrNothingIsEmpty() {
            SpecDocument doc = PARSER.parse("# T\n\n## A\n<!-- later -->\n\n## B\n\n## C\nN/A\n");

            assertThat(doc.sections())
                    .extracting(Section::title, Section::isEmpty)
                    .containsExactly(
                            tuple("T", false),
                            tuple("A", true),
                            tuple("B", true),
                            tuple("C", false));
        }

        @Test
        void unclosedCommentHidesTheRestOfTheSection() {
            SpecDocument doc = PARSER.parse("# T\n\n## A\n<!-- TODO\n\n[Time estimate]\n");

            assertThat(doc.sections().get(1).isEmpty()).isTrue();
            assertThat(doc.brackets()).isEmpty();
            assertThat(doc.comments()).extracting(HtmlComment::line).containsExactly(3);
        }

        @Test
        void setextHeadingsAndClosingHashesAreHeadingsToo() {
            SpecDocument doc =
                    PARSER.parse("Title\n=====\n\nSummary\n-------\ntext\n\n## Risks ##\n");

            assertThat(doc.sections())
                    .extracting(Section::title, Section::level)
                    .containsExactly(tuple("Title", 1), tuple("Summary", 2), tuple("Risks", 2));
        }

        @Test
        void headingsInsideHtmlContainersAreContentNotSections() {
            String text =
                    "\uFEFF---\r\nstatus: accepted\r\n---\r\n# Queue\r\n\r\n## Context\r\n"
                            + "<div align=\"center\">\r\n\r\n## Context\r\nA diagram.\r\n\r\n"
                            + "<DIV class=\"inner\">\r\n\r\n### Inner\r\n\r\n</DIV>\r\n\r\n"
                            + "## Still inside\r\n\r\n</div>\r\n\r\n"
                            + "<section>\r\n\r\n## In a section element\r\n\r\n</section>\r\n\r\n"
                            + "<div/>\r\n\r\n<img src=\"a.png\"><br/>\r\n\r\n"
                            + "## Decision\r\nA queue.\r\n";
            SpecDocument doc = PARSER.parse(text);

            assertThat(doc.sections())
                    .extracting(Section::title, Section::level)
                    .containsExactly(tuple("Queue", 1), tuple("Context", 2), tuple("Decision", 2));
            // still in the text a reader sees: the anchor of a heading inside a <div> resolves
            assertThat(doc.anchors()).contains("still-inside", "inner");
        }
    }

    @Nested
    class Fields {

        @Test
        void metadataFieldsHaveValueAndPositions() {
            Field file = DOC.metadata("File").orElseThrow();

            assertThat(file.value())
                    .isEqualTo("`../directives/spec/2026-03-02_spec_invoice-export.md`");
            assertThat(file.labelRange()).isEqualTo(SourceRange.ofLine(2, 0, 9));
            assertThat(file.valueRange()).isEqualTo(SourceRange.ofLine(2, 10, 64));
            assertThat(file.inListItem()).isFalse();
            assertThat(file.sectionIndex()).isZero();
        }

        @Test
        void metadataLookupIgnoresCase() {
            assertThat(DOC.metadata("document status")).map(Field::value).contains("Review");
            assertThat(DOC.metadata("Reviewer")).map(Field::value).contains("Priya Raman");
            assertThat(DOC.metadata("Assigned to")).isEmpty();
        }

        @Test
        void fieldValueLeavesOutATrailingComment() {
            Field type = DOC.metadata("Type").orElseThrow();

            assertThat(type.value()).isEqualTo("Bug Fix");
            assertThat(type.valueRange()).isEqualTo(SourceRange.ofLine(4, 10, 17));
        }

        @Test
        void labelledListFieldsAreNotMetadata() {
            List<Field> listFields = DOC.fields().stream().filter(Field::inListItem).toList();

            assertThat(listFields)
                    .extracting(Field::label)
                    .startsWith("Primary Cause", "Contributing Factors", "Error Rates");
            Field cause = listFields.get(0);
            assertThat(cause.value()).isEqualTo("the result set is loaded at once");
            assertThat(cause.sectionIndex()).isEqualTo(3);
            assertThat(cause.valueRange()).isEqualTo(SourceRange.ofLine(13, 21, 53));
            assertThat(DOC.metadata("Primary Cause")).isEmpty();
        }

        @Test
        void hardLineBreaksAreNotPartOfValues() {
            SpecDocument doc =
                    PARSER.parse(
                            "# T\n\n**Created:** 2026-03-02\\\n**Type:** Bug Fix  \n**Reviewer:** Jo\\\n");

            assertThat(doc.metadata("Created")).map(Field::value).contains("2026-03-02");
            assertThat(doc.metadata("Type")).map(Field::value).contains("Bug Fix");
            // a backslash at the very end of a paragraph is a literal backslash
            assertThat(doc.metadata("Reviewer")).map(Field::value).contains("Jo\\");
        }

        @Test
        void labelWithColonOutsideTheBoldCountsAndEmptyValueIsKept() {
            SpecDocument doc = PARSER.parse("# T\n\n**Type**: Integration\n**Reviewer:**\n");

            assertThat(doc.metadata("Type")).map(Field::value).contains("Integration");
            Field reviewer = doc.metadata("Reviewer").orElseThrow();
            assertThat(reviewer.value()).isEmpty();
            assertThat(reviewer.valueRange().startLine()).isEqualTo(3);
        }
    }

    @Nested
    class Checklists {

        @Test
        void itemsKeepCheckedStateTextAndNesting() {
            assertThat(DOC.checklist())
                    .extracting(ChecklistItem::checked, ChecklistItem::depth, ChecklistItem::line)
                    .containsExactly(
                            tuple(true, 0, 22),
                            tuple(false, 0, 23),
                            tuple(true, 1, 24),
                            tuple(false, 0, 25));
            assertThat(DOC.checklist().get(2).text()).isEqualTo("Ask finance");
            assertThat(DOC.checklist().get(3).text()).isEqualTo("Numbered box");
        }

        @Test
        void itemRangesStartAtTheMarkerAndBoxRangeCoversTheBox() {
            ChecklistItem nested = DOC.checklist().get(2);

            assertThat(nested.range().startColumn()).isEqualTo(2);
            assertThat(nested.boxRange()).isEqualTo(SourceRange.ofLine(24, 4, 7));
            assertThat(DOC.checklist().get(3).boxRange()).isEqualTo(SourceRange.ofLine(25, 3, 6));
        }

        @Test
        void deadlinesInsideItemsAreItemFields() {
            ChecklistItem open = DOC.checklist().get(1);

            assertThat(open.sectionIndex()).isEqualTo(6);
            assertThat(open.fields()).hasSize(1);
            Field due = open.fields().get(0);
            assertThat(due.label()).isEqualTo("Decision by");
            assertThat(due.value()).isEqualTo("2026-12-04");
            assertThat(due.valueRange()).isEqualTo(SourceRange.ofLine(23, 37, 47));
            assertThat(open.text()).startsWith("Trailer row");
        }

        @Test
        void malformedBoxesAreMarkedWhereTheyStand() {
            SpecDocument doc =
                    PARSER.parse(
                            "# T\n\n- []  empty\n- [ x] spaced\n- [x] fine\n-[ ] lazy line\n\n-[ ] alone\n");

            assertThat(doc.malformedTaskBoxes())
                    .extracting(TextMark::text, m -> m.range().startLine())
                    .containsExactly(
                            tuple("[]", 2), tuple("[ x]", 3), tuple("-[ ]", 5), tuple("-[ ]", 7));
            assertThat(doc.checklist()).hasSize(1);
        }

        @Test
        void bracketsAfterABoxAreReadAsInAParagraph() {
            // the scan of a task item starts after its box: what it finds after it must be what
            // the same text gives in a paragraph, nested and unmatched brackets included
            String text = "see [the doc](a.md), [TBD] and [[nested]] or [a [b] c] ] [open {Name}";
            SpecDocument doc =
                    PARSER.parse("# T\n\n- [ ] " + text + "\n- [] " + text + "\n\n" + text + "\n");

            List<String> paragraph = bracketsOnLine(doc, 5);
            assertThat(paragraph).containsExactly("[TBD]", "[[nested]]", "[a [b] c]", "{Name}");
            assertThat(bracketsOnLine(doc, 2)).isEqualTo(paragraph);
            assertThat(bracketsOnLine(doc, 3)).isEqualTo(paragraph);
            assertThat(doc.links())
                    .extracting(Link::destination, l -> l.range().startLine())
                    .containsExactly(tuple("a.md", 2), tuple("a.md", 3), tuple("a.md", 5));
            assertThat(doc.checklist()).hasSize(1);
        }

        private static List<String> bracketsOnLine(SpecDocument doc, int line) {
            return doc.brackets().stream()
                    .filter(b -> b.range().startLine() == line)
                    .map(BracketText::text)
                    .toList();
        }
    }

    @Nested
    class InlineContent {

        @Test
        void linksResolveReferencesAndKnowTheirKind() {
            SpecDocument doc =
                    PARSER.parse(
                            """
                            # T

                            See [the guide](docs/guide.md "Guide"), ![flow](img/flow.svg),
                            [RFC 4180][rfc], [rfc], <https://example.com>, [top](#t) and [x](<a b.md>).
                            `[not](a-link.md)`

                            [rfc]: https://www.rfc-editor.org/rfc/rfc4180
                            """);

            assertThat(doc.links())
                    .extracting(Link::destination, Link::image)
                    .containsExactly(
                            tuple("docs/guide.md", false),
                            tuple("img/flow.svg", true),
                            tuple("https://www.rfc-editor.org/rfc/rfc4180", false),
                            tuple("https://www.rfc-editor.org/rfc/rfc4180", false),
                            tuple("#t", false),
                            tuple("a b.md", false));
            assertThat(doc.links().get(0).range()).isEqualTo(SourceRange.ofLine(2, 4, 38));
            assertThat(doc.links().get(1).range()).isEqualTo(SourceRange.ofLine(2, 40, 61));
            assertThat(doc.links().get(2).isExternal()).isTrue();
            assertThat(doc.links().get(4).isFragmentOnly()).isTrue();
            assertThat(doc.links().get(0).isExternal()).isFalse();
        }

        @Test
        void bracketsOutsideCodeAreCollectedWithTheirHeadingLevel() {
            SpecDocument doc =
                    PARSER.parse(
                            "# Spec: [Feature/Problem Name]\n\n## A\n[Time estimate] and `[code]`\n\n"
                                    + "```\n[fenced]\n```\n\n    [indented]\n");

            assertThat(doc.brackets())
                    .extracting(
                            BracketText::text, BracketText::headingLevel, BracketText::sectionIndex)
                    .containsExactly(
                            tuple("[Feature/Problem Name]", 1, 0), tuple("[Time estimate]", 0, 1));
            assertThat(doc.brackets().get(1).range()).isEqualTo(SourceRange.ofLine(3, 0, 15));
            assertThat(doc.brackets().get(0).inner()).isEqualTo("Feature/Problem Name");
        }

        @Test
        void commentsHideTheirContent() {
            SpecDocument doc =
                    PARSER.parse(
                            "# T\n\n<!-- [Time estimate] YYYY-MM-DD -->\n\nText <!-- [Date]\n[x](a.md) --> end.\n");

            assertThat(doc.brackets()).isEmpty();
            assertThat(doc.marks()).isEmpty();
            assertThat(doc.links()).isEmpty();
            assertThat(doc.comments()).extracting(HtmlComment::line).containsExactly(2, 4);
        }

        @Test
        void dateTokensOutsideCodeAreMarked() {
            SpecDocument doc =
                    PARSER.parse(
                            "# T\n\nDue YYYY-MM-DD, not `YYYY-MM-DD`.\n\n```\nYYYY-MM-DD\n```\n");

            assertThat(doc.marks())
                    .extracting(TextMark::range)
                    .containsExactly(SourceRange.ofLine(2, 4, 14));
        }

        @Test
        void anchorsComeFromHeadingSlugsAndHtmlIds() {
            SpecDocument doc =
                    PARSER.parse(
                            """
                            # Spec

                            ## Dependencies & Integration
                            ## File Organization (Rigour Vibe Structure)
                            ## Notes
                            ## Notes
                            ## Déploiement 🚀
                            ## `CsvWriter` design

                            <a id="block-anchor"></a>

                            Text with <span id="inline-anchor">an inline anchor</span>.
                            """);

            assertThat(doc.anchors())
                    .contains(
                            "spec",
                            "dependencies--integration",
                            "file-organization-rigour-vibe-structure",
                            "notes",
                            "notes-1",
                            "déploiement-",
                            "csvwriter-design",
                            "block-anchor",
                            "inline-anchor");
        }
    }

    @Nested
    class Positions {

        @Test
        void columnsCountUtf16UnitsAfterEmojiAndCjk() {
            SpecDocument doc = PARSER.parse("# T\n\n日本 😀 [Time estimate]\n");

            // 日, 本, space: 3 units; 😀: 2 units (a surrogate pair); space: 1
            assertThat(doc.brackets().get(0).range()).isEqualTo(SourceRange.ofLine(2, 6, 21));
        }

        @Test
        void byteOrderMarkIsNotAColumn() {
            SpecDocument doc = PARSER.parse("\uFEFF# [Feature/Problem Name]\n");

            assertThat(doc.title()).map(Section::title).contains("[Feature/Problem Name]");
            assertThat(doc.brackets().get(0).range()).isEqualTo(SourceRange.ofLine(0, 2, 24));
        }

        @Test
        void crlfAndCrKeepLineNumbers() {
            String lf = "# T\n\n## A\ntext [Time estimate]\n\n## B\n- [] box\n";

            for (String text : List.of(lf, lf.replace("\n", "\r\n"), lf.replace("\n", "\r"))) {
                SpecDocument doc = PARSER.parse(text);

                assertThat(doc.lineCount()).isEqualTo(7);
                assertThat(doc.sections()).extracting(Section::line).containsExactly(0, 2, 5);
                assertThat(doc.brackets().get(0).range()).isEqualTo(SourceRange.ofLine(3, 5, 20));
                assertThat(doc.malformedTaskBoxes().get(0).range())
                        .isEqualTo(SourceRange.ofLine(6, 2, 4));
            }
        }

        @Test
        void lineCountFollowsCommonMark() {
            assertThat(PARSER.parse("").lineCount()).isZero();
            assertThat(PARSER.parse("a").lineCount()).isEqualTo(1);
            assertThat(PARSER.parse("a\n").lineCount()).isEqualTo(1);
            assertThat(PARSER.parse("a\n\n").lineCount()).isEqualTo(2);
            assertThat(PARSER.parse("a\r\nb").lineCount()).isEqualTo(2);
        }
    }

    @Test
    void nullTextIsRefusedWithItsName() {
        assertThatThrownBy(() -> PARSER.parse(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("markdown");
    }

    @Test
    void documentHoldsNoMutableLists() {
        assertThatThrownBy(() -> DOC.sections().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DOC.anchors().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
