package dev.specgate.core.parse;

import dev.specgate.core.parse.internal.BlockText;
import dev.specgate.core.parse.internal.RawLines;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * The block tree a check's parse built, for a surface that renders the spec (the dashboard) from
 * that one parse instead of parsing the text again: commonmark's document of the spec's text as
 * written (a leading byte order mark aside), with each paragraph's, heading's and table cell's
 * inline content still unparsed. {@link SpecParser} hands one out only when its one-pass block
 * parser read the whole text: that tree is commonmark's (GFM tables, no link reference
 * definitions), so parsing its inlines with commonmark's inline parser gives commonmark's full
 * tree. Not safe to share between threads; use it once.
 */
public final class MarkdownTree {

    private final Document document;
    private boolean used;

    MarkdownTree(Document document) {
        this.document = document;
    }

    /**
     * The document with every block's inline content parsed by {@code inlineParser}, as commonmark
     * does at the end of a parse (post-processors, such as task list items, are the caller's). The
     * tree is changed in place: call this once.
     *
     * @throws IllegalStateException when called a second time
     */
    public Document withInlines(InlineParser inlineParser) {
        if (used) {
            throw new IllegalStateException("the tree's inlines were parsed already");
        }
        used = true;
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(document);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.getFirstChild() instanceof RawLines raw) {
                raw.unlink();
                inlineParser.parse(SourceLines.of(strings(raw.lines())), n);
                continue;
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                todo.push(c);
            }
        }
        return document;
    }

    /** What a renderer makes of one block's inline content, handed over as a range of chars. */
    @FunctionalInterface
    public interface InlineContent {
        /**
         * Adds to {@code block} what its inline content makes: {@code chars[from, to)}, its {@code
         * lines} lines joined by {@code \n} (commonmark's {@code SourceLines.getContent()}). The
         * chars are read-only; they are not changed afterwards (the spec's own, or a copy of the
         * block's lines made for it), so the renderer may keep the range instead of a copy.
         */
        void parse(Node block, char[] chars, int from, int to, int lines);
    }

    /**
     * The document with every block's inline content handed to {@code content} as chars, in
     * document order, instead of to an inline parser as source lines: for a renderer that writes
     * the inlines itself, without a string and a source line per line. The tree is changed in
     * place: call this, or {@link #withInlines}, once.
     *
     * @throws IllegalStateException when the tree's inlines were handed over already
     */
    public Document withInlineContent(InlineContent content) {
        if (used) {
            throw new IllegalStateException("the tree's inlines were parsed already");
        }
        used = true;
        handOver(document, content, new BlockText());
        return document;
    }

    /**
     * Hands over the inline content of {@code n} or of the blocks under it, in document order (the
     * depth is the parser's nesting limit at most).
     */
    private static void handOver(Node n, InlineContent content, BlockText text) {
        if (n.getFirstChild() instanceof RawLines raw) {
            raw.unlink();
            raw.content(text);
            content.parse(n, text.chars(), text.from(), text.to(), text.lines());
            return;
        }
        for (Node c = n.getFirstChild(); c != null; ) {
            Node next = c.getNext(); // content may add nodes to c, never siblings after it
            handOver(c, content, text);
            c = next;
        }
    }

    /**
     * The lines with their content as strings: the one-pass parser's lines are slices of the text,
     * which commonmark's inline parser would copy char by char through {@code CharSequence}.
     */
    private static List<SourceLine> strings(List<SourceLine> lines) {
        List<SourceLine> copies = new ArrayList<>(lines.size());
        for (SourceLine line : lines) {
            CharSequence content = line.getContent();
            copies.add(
                    content instanceof String
                            ? line
                            : SourceLine.of(content.toString(), line.getSourceSpan()));
        }
        return copies;
    }
}
