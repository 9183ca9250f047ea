package dev.specgate.core.edit;

import static dev.specgate.core.TestSpecs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecEditTest {

    private static final String SPEC =
            "# T\n\n- [ ] first\n- [X] second\n\n**Document Status:** *Draft*  \n"
                    + "**Last Updated:** 2026-01-02\n**Reviewer:**\n";

    @Test
    void fieldValueKeepsEmphasisAndTrailingSpaces() {
        SpecSource source = SpecSource.of(SPEC);
        SpecDocument doc = parse(source.text());

        String edited = source.edit().fieldValue(status(doc), "Review").text();

        assertThat(edited).isEqualTo(SPEC.replace("*Draft*  ", "*Review*  "));
    }

    @Test
    void emptyFieldValueGetsASpaceAfterTheLabel() {
        SpecSource source = SpecSource.of(SPEC);
        Field reviewer = parse(SPEC).metadata("Reviewer").orElseThrow();

        assertThat(source.edit().fieldValue(reviewer, "Priya").text())
                .endsWith("**Reviewer:** Priya\n");
    }

    @Test
    void taskBoxTicksAndClearsOnlyTheBox() {
        SpecSource source = SpecSource.of(SPEC);
        SpecDocument doc = parse(SPEC);
        ChecklistItem first = doc.checklist().get(0);
        ChecklistItem second = doc.checklist().get(1);

        assertThat(source.edit().taskBox(first, true).text()).contains("- [x] first");
        assertThat(source.edit().taskBox(second, false).text()).contains("- [ ] second");
        assertThat(source.edit().taskBox(second, true).isIdentity()).isTrue();
    }

    @Test
    void crlfAndBomAreKeptByteForByte() throws UnreadableSpecException {
        byte[] bytes = withBom(SPEC.replace("\n", "\r\n"));
        SpecSource source = SpecSource.of(bytes);
        SpecDocument doc = parse(source.text());

        byte[] edited =
                source.edit()
                        .fieldValue(status(doc), "Approved")
                        .taskBox(doc.checklist().get(0), true)
                        .bytes();

        byte[] expected =
                withBom(
                        SPEC.replace("*Draft*", "*Approved*")
                                .replace("- [ ] first", "- [x] first")
                                .replace("\n", "\r\n"));
        assertThat(edited).isEqualTo(expected);
    }

    @Test
    void insertedLinesTakeTheLineBreakOfTheirLine() throws UnreadableSpecException {
        SpecSource crlf = SpecSource.of("a\r\nb".getBytes(StandardCharsets.UTF_8));

        assertThat(crlf.edit().insertLineAfter(0, "x").text()).isEqualTo("a\r\nx\r\nb");
        assertThat(crlf.edit().insertLineAfter(1, "x").text()).isEqualTo("a\r\nb\r\nx");
        assertThat(crlf.edit().replace(0, 1, "1\n2").text()).isEqualTo("1\r\n2\r\nb");
        assertThat(SpecSource.of("a\rb").edit().insertLineAfter(0, "x").text())
                .isEqualTo("a\rx\rb");
    }

    @Test
    void multibyteTextBeforeTheEditKeepsOffsetsRight() {
        String text = "# Café 😀 — ünïcödé\n**Document Status:** Draft\n";
        SpecSource source = SpecSource.of(text);

        byte[] edited = source.edit().fieldValue(status(parse(text)), "Review").bytes();

        assertThat(new String(edited, StandardCharsets.UTF_8))
                .isEqualTo(text.replace("Draft", "Review"));
    }

    @Test
    void overlappingEditsAreRejected() {
        SpecEdit edit = SpecSource.of("abcdef").edit().replace(1, 4, "x");

        assertThatThrownBy(() -> edit.replace(3, 5, "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlaps");
        assertThat(edit.replace(4, 5, "y").text()).isEqualTo("axyf");
        assertThat(edit.insert(1, "<").text()).isEqualTo("a<xef");
    }

    @Test
    void editsThatSplitACharacterOrALineBreakAreRejected() {
        assertThatThrownBy(() -> SpecSource.of("a😀b").edit().replace(2, 3, "x"))
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> SpecSource.of("a\r\nb").edit().insert(2, "x"))
                .hasMessageContaining("CR LF");
    }

    @Test
    void aRangeFromAnotherSourceIsRefusedNotMisapplied() {
        SpecDocument doc = parse(SPEC);
        SpecSource other = SpecSource.of(SPEC.replace("*Draft*", "*Drafty*"));

        assertThatThrownBy(() -> other.edit().fieldValue(status(doc), "Review"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to this source");
        assertThatThrownBy(
                        () -> SpecSource.of("x\n").edit().replace(SourceRange.ofLine(0, 0, 5), "y"))
                .hasMessageContaining("outside line 0");
    }

    @Test
    void anEmptyEditIsTheIdentity() throws UnreadableSpecException {
        byte[] bytes = withBom("x  \r\ny\rz\n");
        SpecSource source = SpecSource.of(bytes);

        assertThat(source.edit().bytes()).isEqualTo(bytes);
        assertThat(source.edit().isIdentity()).isTrue();
        assertThat(source.lineCount()).isEqualTo(4);
        assertThat(source.lineBreak(0)).isEqualTo("\r\n");
        assertThat(source.lineBreak(1)).isEqualTo("\r");
        assertThat(source.lineBreak(3)).isEmpty();
    }

    @Test
    void everyTaskBoxFormCanBeTickedInPlace() {
        String text = dev.specgate.core.TestSpecs.text("/checklist/task-box-forms.md");
        SpecSource source = SpecSource.of(text);
        SpecDocument doc = parse(text);

        SpecEdit all = source.edit();
        for (ChecklistItem item : doc.checklist()) {
            all = all.taskBox(item, true);
        }

        SpecDocument ticked = parse(all.text());
        assertThat(ticked.checklist())
                .hasSameSizeAs(doc.checklist())
                .allMatch(ChecklistItem::checked);
        assertThat(all.text().lines().toList()).hasSameSizeAs(text.lines().toList());
        assertThat(all.text())
                .contains("> - [x] inside a block quote")
                .contains("   - [x]\ttab after the box")
                .contains("2) [x] ordered with a parenthesis")
                .contains("* [X] star done")
                .contains("- [ ] in a fenced code block");
    }

    private static Field status(SpecDocument doc) {
        return doc.metadata("Document Status").orElseThrow();
    }

    static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return all;
    }
}
