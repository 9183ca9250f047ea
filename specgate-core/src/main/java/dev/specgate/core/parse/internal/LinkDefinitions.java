package dev.specgate.core.parse.internal;

import dev.specgate.core.model.LinkDefinition;
import dev.specgate.core.model.SourceRange;
import java.util.List;
import org.commonmark.internal.util.LinkScanner;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Where a link reference definition's destination stands in the text: commonmark gives a
 * definition's lines, its label and its destination read, not where the destination is written. Its
 * lines are scanned again with commonmark's own scanners, as its definition parser scans them.
 */
final class LinkDefinitions {

    private LinkDefinitions() {}

    /**
     * {@code def} as a {@link LinkDefinition}, its destination found in {@code text} (the text
     * commonmark parsed, whose offsets its source spans give); null when its lines are not known.
     */
    static LinkDefinition of(LinkReferenceDefinition def, String text) {
        List<SourceSpan> spans = def.getSourceSpans();
        if (spans.isEmpty() || text == null) {
            return null;
        }
        // the definition's lines as commonmark read them (container markers left out)
        SourceLines lines = SourceLines.empty();
        for (SourceSpan s : spans) {
            int from = s.getInputIndex();
            if (from < 0 || from + s.getLength() > text.length()) {
                return null;
            }
            lines.addLine(SourceLine.of(text.substring(from, from + s.getLength()), s));
        }
        Scanner scanner = Scanner.of(lines);
        scanner.whitespace();
        if (!scanner.next('[')
                || !LinkScanner.scanLinkLabelContent(scanner)
                || !scanner.next(']')
                || !scanner.next(':')) {
            return null;
        }
        scanner.whitespace();
        Position start = scanner.position();
        if (!LinkScanner.scanLinkDestination(scanner)) {
            return null;
        }
        // a destination is on one line
        SourceLine written = scanner.getSource(start, scanner.position()).getLines().get(0);
        SourceSpan span = written.getSourceSpan();
        if (span == null) {
            return null;
        }
        int column = span.getColumnIndex();
        int length = span.getLength();
        if (written.getContent().length() >= 2 && written.getContent().charAt(0) == '<') {
            column++; // inside the angle brackets
            length -= 2;
        }
        return new LinkDefinition(
                def.getLabel(),
                def.getDestination(),
                SourceRange.ofLine(span.getLineIndex(), column, column + length));
    }
}
