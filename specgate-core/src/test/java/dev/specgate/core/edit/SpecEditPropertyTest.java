package dev.specgate.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of edits over generated specs: headings, bold-labelled fields (plain, emphasized, in
 * code, empty), task items of every marker form, prose with multi-byte text, fenced code, trailing
 * whitespace; LF, CR LF, CR or mixed line breaks; with or without a byte order mark.
 */
class SpecEditPropertyTest {

    private static final SpecParser PARSER = new SpecParser();

    /** A generated spec's bytes. */
    record GeneratedSpec(byte[] bytes) {
        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.UTF_8)
                    .replace("\r", "<CR>")
                    .replace("\n", "<LF>\n")
                    .replace("\uFEFF", "<BOM>");
        }
    }

    @Property(tries = 300)
    void anEditChangesOnlyTheBytesOfItsTargetSpan(
            @ForAll("specs") GeneratedSpec spec,
            @ForAll("choices") int choice,
            @ForAll("replacements") String replacement)
            throws UnreadableSpecException {
        SpecSource source = SpecSource.of(spec.bytes());
        List<SourceRange> targets = targets(PARSER.parse(source.text()));
        SourceRange target = targets.get(choice % targets.size());
        int start = offset(source.text(), target.startLine(), target.startColumn());
        int end = offset(source.text(), target.endLine(), target.endColumn());
        int bom = source.hasBom() ? 3 : 0;
        int p = bom + utf8Length(source.text().substring(0, start));
        int q = bom + utf8Length(source.text().substring(0, end));

        byte[] edited = source.edit().replace(target, replacement).bytes();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(spec.bytes(), 0, p);
        expected.writeBytes(replacement.getBytes(StandardCharsets.UTF_8));
        expected.write(spec.bytes(), q, spec.bytes().length - q);
        assertThat(edited).isEqualTo(expected.toByteArray());
    }

    @Property(tries = 300)
    void theTargetSpanHoldsWhatTheModelSays(@ForAll("specs") GeneratedSpec spec)
            throws UnreadableSpecException {
        SpecSource source = SpecSource.of(spec.bytes());
        SpecDocument doc = PARSER.parse(source.text());

        for (Field f : doc.fields()) {
            assertThat(source.slice(f.valueRange())).isEqualTo(f.value());
        }
        for (ChecklistItem item : doc.checklist()) {
            assertThat(source.slice(item.boxRange())).isIn("[ ]", "[x]", "[X]");
        }
    }

    @Property(tries = 300)
    void aNoOpEditIsTheIdentity(@ForAll("specs") GeneratedSpec spec, @ForAll("choices") int choice)
            throws UnreadableSpecException {
        SpecSource source = SpecSource.of(spec.bytes());
        SpecDocument doc = PARSER.parse(source.text());
        List<SourceRange> targets = targets(doc);
        SourceRange target = targets.get(choice % targets.size());

        SpecEdit same = source.edit().replace(target, source.slice(target));
        ChecklistItem item = doc.checklist().get(choice % doc.checklist().size());
        SpecEdit sameBox = source.edit().taskBox(item, item.checked());

        assertThat(same.bytes()).isEqualTo(spec.bytes());
        assertThat(same.isIdentity()).isTrue();
        assertThat(sameBox.bytes()).isEqualTo(spec.bytes());
        assertThat(source.edit().bytes()).isEqualTo(spec.bytes());
    }

    @Property(tries = 300)
    void fieldAndBoxEditsKeepTheBomAndEveryLineBreak(
            @ForAll("specs") GeneratedSpec spec, @ForAll("choices") int choice)
            throws UnreadableSpecException {
        SpecSource source = SpecSource.of(spec.bytes());
        SpecDocument doc = PARSER.parse(source.text());
        Field field = doc.fields().get(choice % doc.fields().size());
        ChecklistItem item = doc.checklist().get(choice % doc.checklist().size());

        SpecEdit edit = source.edit().fieldValue(field, "Review").taskBox(item, !item.checked());
        SpecSource after = SpecSource.of(edit.bytes());

        assertThat(after.hasBom()).isEqualTo(source.hasBom());
        assertThat(lineBreaks(after)).isEqualTo(lineBreaks(source));
        SpecDocument reparsed = PARSER.parse(after.text());
        assertThat(reparsed.checklist()).hasSameSizeAs(doc.checklist());
        int index = doc.checklist().indexOf(item);
        assertThat(reparsed.checklist().get(index).checked()).isEqualTo(!item.checked());
    }

    @Property(tries = 300)
    void tickingABoxChangesExactlyOneByte(
            @ForAll("specs") GeneratedSpec spec, @ForAll("choices") int choice)
            throws UnreadableSpecException {
        SpecSource source = SpecSource.of(spec.bytes());
        List<ChecklistItem> items = PARSER.parse(source.text()).checklist();
        ChecklistItem item = items.get(choice % items.size());

        byte[] edited = source.edit().taskBox(item, !item.checked()).bytes();

        assertThat(edited).hasSameSizeAs(spec.bytes());
        int differing = 0;
        for (int i = 0; i < edited.length; i++) {
            if (edited[i] != spec.bytes()[i]) {
                differing++;
            }
        }
        assertThat(differing).isEqualTo(1);
    }

    @Provide
    Arbitrary<Integer> choices() {
        return Arbitraries.integers().between(0, 1_000);
    }

    @Provide
    Arbitrary<String> replacements() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(12),
                        Arbitraries.of("", "Review", "2026-11-25", "[x]", "é😀", "  spaced  "))
                .map(s -> s.replace('\n', ' ').replace('\r', ' '))
                .filter(SpecEditPropertyTest::wellFormed);
    }

    @Provide
    Arbitrary<GeneratedSpec> specs() {
        Arbitrary<String> word =
                Arbitraries.oneOf(
                        Arbitraries.strings()
                                .withChars("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789éüß—-.,:")
                                .ofMinLength(1)
                                .ofMaxLength(8),
                        Arbitraries.of("😀", "𝄞", "日本", "naïve"));
        Arbitrary<String> words =
                word.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(" ", l));
        Arbitrary<String> trailing = Arbitraries.of("", "", "", " ", "  ", "\t");
        Arbitrary<String> value =
                Arbitraries.oneOf(
                        words,
                        words.map(w -> "*" + w + "*"),
                        words.map(w -> "`" + w + "`"),
                        Arbitraries.just(""));
        Arbitrary<String> fieldLine =
                Combinators.combine(
                                Arbitraries.of(
                                        "Document Status",
                                        "Last Updated",
                                        "Type",
                                        "Reviewer",
                                        "Owner"),
                                value,
                                trailing)
                        .as((label, v, t) -> "**" + label + ":** " + v + t);
        Arbitrary<String> taskLine =
                Combinators.combine(
                                Arbitraries.of("", "", "  "),
                                Arbitraries.of("-", "*", "+", "1.", "2)"),
                                Arbitraries.of(" ", " ", "  "),
                                Arbitraries.of("[ ]", "[x]", "[X]"),
                                Arbitraries.of(" ", "\t"),
                                words,
                                trailing)
                        .as(
                                (indent, marker, gap, box, sep, w, t) ->
                                        indent + marker + gap + box + sep + w + t);
        Arbitrary<List<String>> block =
                Arbitraries.frequencyOf(
                        Tuple.of(
                                2,
                                Combinators.combine(Arbitraries.integers().between(1, 3), words)
                                        .as((n, w) -> List.of("", "#".repeat(n) + " " + w, ""))),
                        Tuple.of(3, fieldLine.map(List::of)),
                        Tuple.of(4, taskLine.map(List::of)),
                        Tuple.of(
                                3,
                                Combinators.combine(words, trailing).as((w, t) -> List.of(w + t))),
                        Tuple.of(
                                1,
                                words.map(
                                        w ->
                                                List.of(
                                                        "",
                                                        "```",
                                                        "- [ ] " + w,
                                                        "**Type:** " + w,
                                                        "```",
                                                        ""))),
                        Tuple.of(2, Arbitraries.just(List.of(""))));
        Arbitrary<List<String>> lines =
                Combinators.combine(fieldLine, block.list().ofMaxSize(20), taskLine)
                        .as(
                                (first, blocks, last) -> {
                                    List<String> all = new ArrayList<>();
                                    all.add("# Spec " + first.length());
                                    all.add("");
                                    all.add(first);
                                    all.add("");
                                    blocks.forEach(all::addAll);
                                    all.add("");
                                    all.add(last);
                                    return all;
                                });
        return Combinators.combine(
                        lines,
                        Arbitraries.of("\n", "\r\n", "\r", "mixed"),
                        Arbitraries.of("\n", "\r\n", "\r").list().ofSize(80),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as(SpecEditPropertyTest::assemble)
                .filter(SpecEditPropertyTest::hasFieldAndBox);
    }

    private static GeneratedSpec assemble(
            List<String> lines,
            String breakMode,
            List<String> mixed,
            boolean bom,
            boolean finalBreak) {
        StringBuilder sb = new StringBuilder(bom ? "\uFEFF" : "");
        for (int i = 0; i < lines.size(); i++) {
            sb.append(lines.get(i));
            if (i < lines.size() - 1 || finalBreak) {
                sb.append(breakMode.equals("mixed") ? mixed.get(i % mixed.size()) : breakMode);
            }
        }
        return new GeneratedSpec(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean hasFieldAndBox(GeneratedSpec spec) {
        try {
            SpecDocument doc = PARSER.parse(SpecSource.of(spec.bytes()).text());
            return !doc.fields().isEmpty() && !doc.checklist().isEmpty();
        } catch (UnreadableSpecException e) {
            return false;
        }
    }

    private static List<SourceRange> targets(SpecDocument doc) {
        List<SourceRange> targets = new ArrayList<>();
        doc.fields().forEach(f -> targets.add(f.valueRange()));
        doc.checklist().forEach(i -> targets.add(i.boxRange()));
        return targets;
    }

    /** The offset of a line and column, computed here independently of SpecSource. */
    private static int offset(String text, int line, int column) {
        int current = 0;
        int i = 0;
        while (current < line) {
            char c = text.charAt(i++);
            if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
                current++;
            }
        }
        return i + column;
    }

    private static List<String> lineBreaks(SpecSource source) {
        List<String> breaks = new ArrayList<>();
        for (int i = 0; i < source.lineCount(); i++) {
            breaks.add(source.lineBreak(i));
        }
        return breaks;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean wellFormed(String s) {
        return Arrays.equals(
                new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                        .toCharArray(),
                s.toCharArray());
    }
}
