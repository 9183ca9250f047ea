package dev.specgate.core.parse.internal;

import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.UnclosedHtml;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.node.Document;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Tells an HTML block that reads the rest of the file because nothing closed it. CommonMark's HTML
 * blocks of kinds 1 to 5 (a comment, a {@code <pre>}, {@code <script>}, {@code <style>} or {@code
 * <textarea>} element, {@code <?}, {@code <!} and a capital letter, {@code <![CDATA[}) end only at
 * the line that holds their closing marker, and the block ends at that line: a block whose last
 * line holds no closing marker ran to the end of whatever held it. Both trees (commonmark's and the
 * one-pass parser's, which reads comments alone) give the block's kind by its first line, as
 * commonmark's {@code HtmlBlockParser} chose it, and its lines as its literal.
 */
final class UnclosedHtmlBlocks {

    private static final Pattern RAW_OPENER =
            Pattern.compile("<(?:script|pre|style|textarea)(?:\\s|>|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RAW_CLOSER =
            Pattern.compile("</(?:script|pre|style|textarea)>", Pattern.CASE_INSENSITIVE);

    private UnclosedHtmlBlocks() {}

    /**
     * {@code html} when no closing marker ends it and nothing follows it or any block around it (it
     * reads the rest of the file), else null; {@code text} is the text commonmark's tree was parsed
     * from, or null for the one-pass parser's tree.
     */
    static UnclosedHtml atEndOfFile(HtmlBlock html, String text) {
        for (Node n = html; !(n instanceof Document); n = n.getParent()) {
            if (n == null || n.getNext() != null) {
                return null;
            }
        }
        List<SourceSpan> spans = html.getSourceSpans();
        String literal = html.getLiteral();
        if (spans.isEmpty() || literal == null) {
            return null;
        }
        SourceSpan span = spans.get(0);
        return atEndOfFile(
                literal, span.getLineIndex(), span.getColumnIndex(), span.getInputIndex(), text);
    }

    /**
     * The HTML block {@code literal}, whose first line's span starts at {@code column} of source
     * line {@code line} and at {@code inputIndex} of the text, when no closing marker ends it, else
     * null: for a block that nothing follows, neither it nor any block around it. {@code text} is
     * the text commonmark's tree was parsed from, or null for the one-pass parser's blocks.
     */
    static UnclosedHtml atEndOfFile(
            String literal, int line, int column, int inputIndex, String text) {
        int firstEnd = literal.indexOf('\n');
        String first = firstEnd < 0 ? literal : literal.substring(0, firstEnd);
        int lead = 0;
        while (lead < first.length() && (first.charAt(lead) == ' ' || first.charAt(lead) == '\t')) {
            lead++;
        }
        String opening = first.substring(lead);
        String opener;
        String closer;
        if (opening.startsWith("<!--")) {
            opener = "<!--";
            closer = "-->";
        } else if (opening.startsWith("<?")) {
            opener = "<?";
            closer = "?>";
        } else if (opening.startsWith("<![CDATA[")) {
            opener = "<![CDATA[";
            closer = "]]>";
        } else if (opening.length() > 2
                && opening.startsWith("<!")
                && opening.charAt(2) >= 'A'
                && opening.charAt(2) <= 'Z') {
            int end = 3;
            while (end < opening.length() && Character.isLetter(opening.charAt(end))) {
                end++;
            }
            opener = opening.substring(0, end);
            closer = ">";
        } else if (RAW_OPENER.matcher(opening).lookingAt()) {
            int end = 1;
            while (end < opening.length() && Character.isLetter(opening.charAt(end))) {
                end++;
            }
            opener = opening.substring(0, end);
            closer = "</" + opener.substring(1).toLowerCase(Locale.ROOT) + ">";
        } else {
            return null; // kinds 6 and 7 end at a blank line
        }
        String last = literal.substring(literal.lastIndexOf('\n') + 1);
        // any of the four end tags closes any of the four elements
        boolean closed =
                closer.startsWith("</") ? RAW_CLOSER.matcher(last).find() : last.contains(closer);
        if (closed) {
            return null;
        }
        int at = column + lead;
        if (text != null) {
            // commonmark's tree: its literal holds tabs as columns, the text as written
            int i = inputIndex;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            at = column + (i - inputIndex);
        }
        return new UnclosedHtml(
                new SourceRange(line, at, line, at + opener.length()), opener, closer);
    }
}
