package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.ReadableHeading;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.rules.placeholder.ExtraPlaceholders;
import dev.specgate.core.schema.StandIns;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A section with neither content nor subsections, or whose only content is a stand-in for text not
 * written yet ({@code TBD}, {@code TODO: ...}, {@code ...}: {@link StandIns}). "N/A", "None" or
 * "Not applicable" count as filled; HTML comments do not count at all. A warning in a Draft, an
 * error from Review on.
 */
public final class SectionEmptyRule extends BaseRule {

    public static final String ID = RuleIds.SECTION_EMPTY;

    /**
     * A body of more lines than this (blank lines and comments included) is never read for a
     * stand-in, so that a spec's long sections cost no look at their text.
     */
    static final int STAND_IN_LINES = 4;

    public SectionEmptyRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.ERROR,
                "A section has no content, or only a stand-in such as TBD (write N/A when it does"
                        + " not apply).");
    }

    @Override
    public void check(RuleContext ctx) {
        int title = ctx.sectionMatch().titleIndex();
        List<Section> sections = ctx.document().sections();
        Lines lines = null;
        boolean noText = false; // a document checked without its text: no stand-in look
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.index() == title) {
                continue;
            }
            if (s.isEmpty()) {
                ctx.report(
                        ctx.draftLenient(),
                        s.range(),
                        "section '"
                                + ReadableHeading.of(s)
                                + "' is empty (write 'N/A' if it does not apply)");
                continue;
            }
            int from = s.range().endLine() + 1;
            if (noText || s.hasSubsections() || s.endLine() - from > STAND_IN_LINES) {
                continue;
            }
            if (lines == null) {
                SpecText text = ctx.sourceText().orElse(null);
                if (text == null) {
                    // a document checked without its text: its later sections are still
                    // looked at for being empty
                    noText = true;
                    continue;
                }
                lines = new Lines(text);
            }
            Section next = i + 1 < sections.size() ? sections.get(i + 1) : null;
            int start = lines.after(s, from);
            int end = next == null ? lines.length : next.lineOffset() >= 0 ? next.lineOffset() : -1;
            if (start < 0 || end < start) {
                // a model without offsets: the lines counted from the text's start
                start = lines.start(from);
                end = lines.start(s.endLine());
            }
            if (!StandIns.mayHold(lines.chars, start, end)) {
                continue; // most bodies: told apart by their first letters, no string made
            }
            String body = new String(lines.chars, start, end - start);
            String standIn = StandIns.of(withoutComments(body));
            if (standIn != null && !placeholderTemplateReports(ctx, body)) {
                ctx.report(
                        ctx.draftLenient(),
                        s.range(),
                        "section '"
                                + ReadableHeading.of(s)
                                + "' holds only the stand-in '"
                                + oneLine(standIn)
                                + "': write it, or 'N/A' if it does not apply");
            }
        }
    }

    /**
     * Whether a stand-in body holds a placeholder the project configures ({@code placeholders:
     * [TBD]}), which {@code placeholder-template} reports: one finding for one leftover, that
     * rule's as the project asked for it (this rule's when that one is turned off).
     */
    private static boolean placeholderTemplateReports(RuleContext ctx, String body) {
        List<Pattern> configured = ctx.schema().extraPlaceholders();
        return !configured.isEmpty()
                && ctx.reports(RuleIds.PLACEHOLDER_TEMPLATE)
                && ExtraPlaceholders.anyIn(body, configured);
    }

    /** The text with its HTML comments removed (an unclosed one hides the rest, as rendered). */
    private static String withoutComments(String text) {
        int open = text.indexOf("<!--");
        if (open < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        while (open >= 0) {
            sb.append(text, last, open);
            int close = text.indexOf("-->", open + 4);
            last = close < 0 ? text.length() : close + 3;
            open = close < 0 ? -1 : text.indexOf("<!--", last);
        }
        return sb.append(text, last, text.length()).toString();
    }

    /** A stand-in as a message quotes it: its lines joined by a space, at most 60 characters. */
    private static String oneLine(String standIn) {
        String line = standIn.replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    /**
     * The spec's text by lines. A section's body is found from its heading's offset, reading only
     * its heading's lines; a model without offsets has its lines counted by a scan that only moves
     * forward (the sections are asked in document order, so the text is read once at most).
     */
    private static final class Lines {
        private final char[] chars;
        private final int length;
        private int line;
        private int offset;

        Lines(SpecText text) {
            this.chars = text.array();
            this.length = text.length();
        }

        /**
         * The offset of line {@code target}'s first char, counted from the first line of section
         * {@code s}'s heading; -1 when the model does not say where that heading begins.
         */
        int after(Section s, int target) {
            int at = s.lineOffset();
            if (at < 0 || at > length) {
                return -1;
            }
            SourceRange heading = s.range();
            int l = s.line();
            if (heading.startLine() == l && heading.endLine() == l && target > l) {
                // a one-line heading's text ends at its range's end column (chars from the line's
                // start, no line break before it): only the rest of its line is read
                int end = at + heading.endColumn();
                if (end <= length) {
                    at = end;
                }
            }
            while (l < target && at < length) {
                char c = chars[at++];
                if (c == '\n' || c == '\r' && (at == length || chars[at] != '\n')) {
                    l++;
                }
            }
            return at;
        }

        /**
         * The offset of a line's first char (the text's length past its last line); lines are asked
         * in order.
         */
        int start(int target) {
            while (line < target && offset < length) {
                char c = chars[offset++];
                // one comparison for nearly every char: only controls can end a line
                if (c <= '\r'
                        && (c == '\n'
                                || c == '\r' && (offset == length || chars[offset] != '\n'))) {
                    line++; // LF, CRLF or a lone CR, as the parser counts lines
                }
            }
            return line < target ? length : offset;
        }
    }
}
