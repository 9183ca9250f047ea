package dev.specgate.core.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The task box of a list item, read by index, is the one the regex it replaced read. */
class TaskBoxTest {

    private static final Pattern TASK_BOX = Pattern.compile("^\\[([ xX])\\](?=[ \\t]|$)");

    @Property(tries = 3000)
    void readsTheBoxTheRegexRead(@ForAll("itemStart") String first, @ForAll boolean twoLines) {
        List<RawLine> lines =
                twoLines
                        ? List.of(new RawLine(first, 0, 2), new RawLine("more", 1, 2))
                        : List.of(new RawLine(first, 0, 2));
        Matcher m = TASK_BOX.matcher(first);
        char expected = m.find() ? m.group(1).charAt(0) : 0;
        assertThat(DocumentBuilder.taskBox(new InlineText(lines))).isEqualTo(expected);
    }

    @Example
    void boxesAndNotBoxes() {
        assertThat(box("[ ] write it")).isEqualTo(' ');
        assertThat(box("[x]")).isEqualTo('x');
        assertThat(box("[X]\tdone")).isEqualTo('X');
        assertThat(box("[x]done")).isEqualTo((char) 0);
        assertThat(box("[  ] two spaces")).isEqualTo((char) 0);
        assertThat(box("[y] other")).isEqualTo((char) 0);
    }

    private static char box(String line) {
        return DocumentBuilder.taskBox(new InlineText(List.of(new RawLine(line, 0, 2))));
    }

    @Provide
    Arbitrary<String> itemStart() {
        return Arbitraries.strings()
                .withChars("[] xXy\t\u0085\u2028\u2029a(:")
                .ofMinLength(1)
                .ofMaxLength(7);
    }
}
