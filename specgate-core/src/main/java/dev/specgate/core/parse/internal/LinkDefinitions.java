package dev.specgate.core.parse.internal;

import dev.specgate.core.model.LinkDefinition;
import dev.specgate.core.model.SourceRange;
import java.util.List;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.SourceSpan;

/**
 * Where a link reference definition's destination stands in the text: commonmark gives a
 * definition's lines, its label and its destination read, not where the destination is written.
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
        StringBuilder content = new StringBuilder();
        int[] starts = new int[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            SourceSpan s = spans.get(i);
            if (s.getInputIndex() < 0 || s.getInputIndex() + s.getLength() > text.length()) {
                return null;
            }
            starts[i] = content.length();
            content.append(text, s.getInputIndex(), s.getInputIndex() + s.getLength()).append('\n');
        }
        int at = destinationStart(content);
        if (at < 0) {
            return null;
        }
        int end = destinationEnd(content, at);
        int line = 0;
        while (line + 1 < starts.length && starts[line + 1] <= at) {
            line++;
        }
        SourceSpan s = spans.get(line);
        int column = s.getColumnIndex() + at - starts[line];
        return new LinkDefinition(
                def.getLabel(),
                def.getDestination(),
                SourceRange.ofLine(s.getLineIndex(), column, column + end - at));
    }

    /**
     * Where the destination starts in a definition's lines ({@code [label]:}, then spaces and at
     * most one line break, then the destination; inside {@code <>} when it has them); -1 when the
     * lines do not read as a definition.
     */
    private static int destinationStart(CharSequence c) {
        int i = skipBlank(c, 0, false);
        if (i >= c.length() || c.charAt(i) != '[') {
            return -1;
        }
        for (i++; i < c.length() && c.charAt(i) != ']'; i++) {
            if (c.charAt(i) == '\\') {
                i++;
            }
        }
        if (i + 1 >= c.length() || c.charAt(i + 1) != ':') {
            return -1;
        }
        i = skipBlank(c, i + 2, true);
        if (i >= c.length()) {
            return -1;
        }
        return c.charAt(i) == '<' ? i + 1 : i;
    }

    /**
     * Where the destination that starts at {@code at} ends (before {@code >} in angle brackets).
     */
    private static int destinationEnd(CharSequence c, int at) {
        boolean angled = at > 0 && c.charAt(at - 1) == '<';
        int depth = 0;
        int i = at;
        for (; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '\\' && i + 1 < c.length() && c.charAt(i + 1) != '\n') {
                i++;
            } else if (angled ? ch == '>' || ch == '\n' : ch <= ' ') {
                break;
            } else if (!angled && ch == '(') {
                depth++;
            } else if (!angled && ch == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
        }
        return i;
    }

    /** Past spaces and tabs from {@code i}, and past one line break when {@code oneBreak}. */
    private static int skipBlank(CharSequence c, int i, boolean oneBreak) {
        boolean broke = !oneBreak;
        while (i < c.length()) {
            char ch = c.charAt(i);
            if (ch == ' ' || ch == '\t') {
                i++;
            } else if (ch == '\n' && !broke) {
                broke = true;
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
