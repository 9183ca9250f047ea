package dev.specgate.core.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.UnclosedHtml;
import dev.specgate.core.parse.SpecParser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link UnclosedHtmlBlocks}: which HTML blocks read to the end of the file, and where their
 * opening marker stands, through both block parsers (a comment takes the one-pass parser, other
 * HTML blocks commonmark's).
 */
class UnclosedHtmlBlocksTest {

    private static final SpecParser PARSER = new SpecParser();

    static Stream<Arguments> unclosed() {
        return Stream.of(
                // the last line, no line break after it
                Arguments.of("# Rollout\n\n<!-- TODO: the owner", "3:1 <!-- -->"),
                Arguments.of(
                        "# Rollout\r\n\r\n<!-- note\r\nZoë writes this [Owner]\r\n",
                        "3:1 <!-- -->"),
                Arguments.of("\uFEFF<!-- note\nmore\n", "1:1 <!-- -->"),
                Arguments.of("# Rollout\n\n  <!-- note\n\nmore\n", "3:3 <!-- -->"),
                // a nested list item that nothing follows: the rest of the file is in it
                Arguments.of("- Plan\n  - Step\n\n    <!-- note\n    more\n", "4:5 <!-- -->"),
                Arguments.of("> Quote\n> <!-- note\n> more\n", "2:3 <!-- -->"),
                Arguments.of("# Rollout\n\n<pre>\nif [ -z \"$X\" ]; then\n", "3:1 <pre </pre>"),
                Arguments.of("# Rollout\r\n\r\n<PRE>\r\ncode\r\n", "3:1 <PRE </pre>"),
                Arguments.of("# Rollout\n\n<script>\nlet a = [1];", "3:1 <script </script>"),
                Arguments.of("# Rollout\n\n<?php echo 1;\n", "3:1 <? ?>"),
                Arguments.of("# Rollout\n\n<!DOCTYPE html\n", "3:1 <!DOCTYPE >"),
                Arguments.of("# Rollout\n\n<![CDATA[ x\n", "3:1 <![CDATA[ ]]>"),
                Arguments.of("# Rollout\n\n   <!-- note\n", "3:4 <!-- -->"));
    }

    @ParameterizedTest
    @MethodSource("unclosed")
    void aBlockThatReadsToTheEndOfTheFile(String text, String expected) {
        List<UnclosedHtml> found = PARSER.parse(text).unclosedHtml();
        assertThat(found).hasSize(1);
        UnclosedHtml u = found.get(0);
        assertThat(
                        (u.opening().startLine() + 1)
                                + ":"
                                + (u.opening().startColumn() + 1)
                                + " "
                                + u.opener()
                                + " "
                                + u.closer())
                .isEqualTo(expected);
        assertThat(u.opening().endColumn() - u.opening().startColumn())
                .isEqualTo(u.opener().length());
    }

    static Stream<Arguments> closedOrNotAtTheEnd() {
        return Stream.of(
                Arguments.of("# Rollout\n\n<!-- note\nmore -->"),
                Arguments.of("# Rollout\r\n\r\n<!-- note -->[Owner]\r\n"),
                Arguments.of("# Rollout\n\n<pre>\nx\n</script>\n"),
                // the container ends before the file does: what follows is read
                Arguments.of("> <!-- note\n\nAfter the quote.\n"),
                Arguments.of("- Plan\n  - <!-- note\n- Next step\n"),
                // kinds 6 and 7 end at a blank line
                Arguments.of("# Rollout\n\n<div>\n[Owner]\n"),
                // inside a code fence (closed or not) there is no HTML block
                Arguments.of("# Rollout\n\n```html\n<!-- [x] note\n```\n"),
                Arguments.of("# Rollout\n\n~~~\n<pre>\n"),
                Arguments.of("# Rollout\n\n    <!-- indented code\n"),
                Arguments.of("# Rollout\n\nText with <!-- an inline comment\n"));
    }

    @ParameterizedTest
    @MethodSource("closedOrNotAtTheEnd")
    void aBlockThatEndsOrThatSomethingFollowsIsNotReported(String text) {
        assertThat(PARSER.parse(text).unclosedHtml()).isEmpty();
    }
}
