package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.model.MetadataProblem;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML front matter and leading-list metadata, as the parser reads them. */
class FrontMatterTest {

    private final SpecParser parser = new SpecParser();

    private static final String ADR =
            """
            ---
            # optional metadata: remove what you do not need
            status: "proposed"
            date: 2025-02-11
            decision-makers: [Ana Souza, Piotr Nowak]
            informed:
              - platform team
              - finance ops
            ---

            # Use Postgres advisory locks for the ledger close

            ## Context and Problem Statement

            Two close jobs ran at once on 2025-01-30.
            """;

    @Test
    void frontMatterKeysAreFieldsWithTheirPositions() {
        SpecDocument doc = parser.parse(ADR);

        Field status = doc.metadata("Status").orElseThrow();
        assertThat(status.form()).isEqualTo(FieldForm.FRONT_MATTER);
        assertThat(status.value()).isEqualTo("proposed");
        assertThat(status.labelRange()).isEqualTo(SourceRange.ofLine(2, 0, 6));
        // inside the quotes, so an edit keeps them
        assertThat(status.valueRange()).isEqualTo(SourceRange.ofLine(2, 9, 17));
        Field date = doc.metadata("date").orElseThrow();
        assertThat(date.value()).isEqualTo("2025-02-11");
        assertThat(date.valueRange()).isEqualTo(SourceRange.ofLine(3, 6, 16));
        assertThat(doc.metadata("decision-makers").orElseThrow().value())
                .isEqualTo("[Ana Souza, Piotr Nowak]");

        FrontMatter fm = doc.frontMatter().orElseThrow();
        assertThat(fm.endLine()).isEqualTo(8);
        assertThat(fm.entries()).hasSize(4);
        assertThat(fm.entries().get(1).date()).isTrue();
        assertThat(fm.entries().get(0).date()).isFalse();
        assertThat(fm.entries().get(2).items()).containsExactly("Ana Souza", "Piotr Nowak");
        assertThat(fm.entries().get(3).items()).containsExactly("platform team", "finance ops");
        assertThat(fm.entries()).allMatch(FrontMatter.Entry::markedOptional);
        assertThat(doc.metadataProblems()).isEmpty();
    }

    @Test
    void frontMatterIsNotMarkdown() {
        SpecDocument doc = parser.parse(ADR);
        // the YAML comment is no heading, the block no section; lines keep their numbers
        assertThat(doc.sections())
                .extracting(Section::title, Section::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Use Postgres advisory locks for the ledger close", 10),
                        org.assertj.core.groups.Tuple.tuple("Context and Problem Statement", 12));
        assertThat(doc.title().orElseThrow().line()).isEqualTo(10);
        assertThat(doc.lineCount()).isEqualTo(parser.parse(ADR.replace("---", "- -")).lineCount());
        assertThat(doc.brackets()).isEmpty();
    }

    @Test
    void crlfAndByteOrderMarkKeepPositions() {
        String text = "\uFEFF" + ADR.replace("\n", "\r\n");
        SpecDocument doc = parser.parse(text);
        assertThat(doc.metadata("status").orElseThrow().valueRange())
                .isEqualTo(SourceRange.ofLine(2, 9, 17));
        assertThat(doc.title().orElseThrow().line()).isEqualTo(10);
    }

    @Test
    void nonAsciiBeforeAValueCountsInUtf16Units() {
        SpecDocument doc = parser.parse("---\nautor: \"Zoë 𝒜\"\nstatus: accepted\n---\n# T\n");
        Field author = doc.metadata("autor").orElseThrow();
        assertThat(author.value()).isEqualTo("Zoë 𝒜");
        assertThat(author.valueRange()).isEqualTo(SourceRange.ofLine(1, 8, 14));
    }

    @Test
    void anEmptyValueStandsRightAfterTheColon() {
        SpecDocument doc = parser.parse("---\nstatus:\ndate: 2025-01-01\n---\n# T\n");
        Field status = doc.metadata("status").orElseThrow();
        assertThat(status.value()).isEmpty();
        assertThat(status.valueRange()).isEqualTo(SourceRange.ofLine(1, 7, 7));
    }

    @Test
    void closedByThreeDots() {
        SpecDocument doc = parser.parse("---\nstatus: accepted\n...\n# T\n\n## A\ntext\n");
        assertThat(doc.metadata("status")).isPresent();
        assertThat(doc.sections()).extracting(Section::title).containsExactly("T", "A");
    }

    @Test
    void neverClosedIsAProblemAndTheTextStaysMarkdown() {
        SpecDocument doc = parser.parse("---\nstatus: accepted\n\n# Title\n\n## Context\ntext\n");
        assertThat(doc.metadataProblems())
                .extracting(MetadataProblem::message)
                .singleElement()
                .asString()
                .contains("never closed");
        assertThat(doc.metadataProblems().get(0).range().startLine()).isZero();
        assertThat(doc.frontMatter()).isEmpty();
        assertThat(doc.sections()).extracting(Section::title).contains("Title", "Context");
    }

    @Test
    void invalidYamlIsAProblemAtItsLine() {
        SpecDocument doc =
                parser.parse("---\nstatus: accepted\ntags: export: csv\n---\n# Title\n\n## A\nx\n");
        assertThat(doc.metadataProblems()).hasSize(1);
        MetadataProblem p = doc.metadataProblems().get(0);
        assertThat(p.message())
                .isEqualTo(
                        "the front matter is not valid YAML: a ': ' where no key can start: check"
                                + " this line's indentation, or put a value that holds ': ' in"
                                + " quotes");
        assertThat(p.range().startLine()).isEqualTo(2);
        // still front matter: no setext heading, no section made of YAML
        assertThat(doc.sections()).extracting(Section::title).containsExactly("Title", "A");
    }

    @Test
    void anUnclosedBracketIsReportedInPlainWordsWhereItOpens() {
        SpecDocument doc =
                parser.parse(
                        "---\nstatus: accepted\ndeciders: [Ana, Bo\ndate: 2025-02-11\n---\n"
                                + "# Title\n\n## A\nx\n");
        MetadataProblem p = doc.metadataProblems().get(0);
        assertThat(p.message())
                .isEqualTo(
                        "the front matter is not valid YAML: a '[' list is never closed with"
                                + " ']'");
        assertThat(p.range().startLine()).isEqualTo(2);
    }

    @Test
    void aListAtTheTopIsAProblem() {
        SpecDocument doc = parser.parse("---\nstatus: [a\n---\n# T\n");
        assertThat(doc.metadataProblems()).hasSize(1);
    }

    @Test
    void aThematicBreakFollowedByMarkdownIsNoFrontMatter() {
        String text = "---\n# Title\n\n**Status:** Draft\n\n---\n\n## Context\ntext\n";
        SpecDocument doc = parser.parse(text);
        assertThat(doc.frontMatter()).isEmpty();
        assertThat(doc.metadataProblems()).isEmpty();
        assertThat(doc.metadata("Status").orElseThrow().form()).isEqualTo(FieldForm.BOLD_LINE);
        assertThat(doc.sections()).extracting(Section::title).containsExactly("Title", "Context");
    }

    @Test
    void onlyCommentsIsEmptyFrontMatter() {
        SpecDocument doc = parser.parse("---\n# nothing yet\n---\n# Title\n");
        assertThat(doc.frontMatter()).isPresent();
        assertThat(doc.frontMatter().get().entries()).isEmpty();
        assertThat(doc.sections()).extracting(Section::title).containsExactly("Title");
    }

    @Test
    void deepOrAliasHeavyYamlIsAProblemNotACrash() {
        String deep = "---\nk: " + "[".repeat(500) + "]".repeat(500) + "\n---\n# T\n";
        assertThat(parser.parse(deep).metadataProblems()).hasSize(1);
        StringBuilder bomb = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 12; i++) {
            bomb.append("b").append(i).append(": &b").append(i).append(" [*a, *a, *a, *a]\n");
        }
        bomb.append("---\n# T\n");
        assertThat(parser.parse(bomb.toString()).metadataProblems()).hasSize(1);
    }

    @Test
    void leadingListItemsAreMetadataWhenAsked() {
        String rfc =
                """
                - Feature Name: `slice_chunks_exact_mut_rev`
                - Start Date: 2024-05-01
                - **RFC PR:** [rust-lang/rfcs#3412](https://github.com/rust-lang/rfcs/pull/3412)
                - Rust Issue: https://github.com/rust-lang/rust/issues/120001

                # Summary

                - Note: a list in a section is prose, not metadata
                """;
        SpecDocument doc = new SpecParser(true).parse(rfc);
        Field start = doc.metadata("Start Date").orElseThrow();
        assertThat(start.form()).isEqualTo(FieldForm.LIST_ITEM);
        assertThat(start.inListItem()).isFalse();
        assertThat(start.value()).isEqualTo("2024-05-01");
        assertThat(start.labelRange()).isEqualTo(SourceRange.ofLine(1, 2, 12));
        assertThat(start.valueRange()).isEqualTo(SourceRange.ofLine(1, 14, 24));
        assertThat(doc.metadata("RFC PR").orElseThrow().value())
                .startsWith("[rust-lang/rfcs#3412]");
        assertThat(doc.metadata("Rust Issue").orElseThrow().value()).startsWith("https://");
        assertThat(doc.metadata("Note")).isEmpty();
        // one field per item: the bold label is not read twice
        assertThat(doc.fields()).filteredOn(f -> f.hasLabel("RFC PR")).hasSize(1);

        // without the template's list form, the same list is prose
        assertThat(parser.parse(rfc).metadata("Start Date")).isEmpty();
    }

    @Test
    void aTrailingHtmlCommentIsNoPartOfAListItemsValueAsOfABoldLines() {
        String rfc =
                "- Feature Name: `labelled_loops`\r\n"
                        + "- Start Date: 2024-05-01   <!-- the day of the pre-RFC -->\r\n"
                        + "- Status: **Accepted** <!-- a --> <!-- b -->\r\n"
                        + "- Owner: Zoë Ångström <!-- since 2025 --> and team\r\n"
                        + "- Tracking: <!-- none yet -->\r\n"
                        + "\r\n"
                        + "# Summary\r\n";
        SpecDocument doc = new SpecParser(true).parse(rfc);

        Field start = doc.metadata("Start Date").orElseThrow();
        assertThat(start.value()).isEqualTo("2024-05-01");
        assertThat(start.valueRange()).isEqualTo(SourceRange.ofLine(1, 14, 24));
        Field status = doc.metadata("Status").orElseThrow();
        assertThat(status.value()).isEqualTo("**Accepted**");
        assertThat(status.valueRange()).isEqualTo(SourceRange.ofLine(2, 10, 22));
        // a comment inside the value stays: only trailing ones go, as on a **Label:** line
        assertThat(doc.metadata("Owner").orElseThrow().value())
                .isEqualTo("Zoë Ångström <!-- since 2025 --> and team");
        assertThat(doc.metadata("Tracking").orElseThrow().value()).isEmpty();
    }

    @Test
    void swiftStyleListAfterTheTitle() {
        String se =
                """
                # Strict concurrency for global variables

                * Proposal: [SE-0412](0412-strict-concurrency-for-global-variables.md)
                * Review Manager: [Holly Borla](https://github.com/hborla)
                * Status: **Implemented (Swift 5.10)**

                ## Introduction
                text
                """;
        SpecDocument doc = new SpecParser(true).parse(se);
        Field status = doc.metadata("Status").orElseThrow();
        assertThat(status.value()).isEqualTo("**Implemented (Swift 5.10)**");
        assertThat(status.valueRange()).isEqualTo(SourceRange.ofLine(4, 10, 38));
    }

    @Test
    void aSidecarFileGivesFieldsAndProblemsNamingIt() {
        List<MetadataProblem> problems = new ArrayList<>();
        List<Field> fields =
                SpecParser.metadataFile(
                        "title: Drain\nstatus: implementable\ncreation-date: 2024-09-12\n",
                        "kep.yaml",
                        problems);
        assertThat(fields)
                .extracting(Field::label)
                .containsExactly("title", "status", "creation-date");
        assertThat(fields).allMatch(f -> f.form() == FieldForm.SIDECAR);
        assertThat(problems).isEmpty();

        SpecParser.metadataFile("status: [a\n", "kep.yaml", problems);
        assertThat(problems)
                .singleElement()
                .extracting(MetadataProblem::message)
                .asString()
                .contains("kep.yaml is not valid YAML")
                .contains("kep.yaml line");
    }
}
