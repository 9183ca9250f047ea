package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.HiddenCells;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table row holds more cells than the table's header: GFM drops the cells past the header's
 * columns, so their text is never shown, and no other rule reads it (a {@code [TODO: owner]} there
 * passes silently). The cells are the parser's ({@link
 * dev.specgate.core.model.SpecDocument#hiddenCells()}), split as GFM splits a row; a row whose
 * extra cells are empty or hold only HTML comments (which no reader sees anyway, such as a note
 * after the closing pipe) is not reported.
 */
public final class TableCellsRule extends BaseRule {

    public static final String ID = RuleIds.TABLE_CELLS;

    /** Bracketed text in the dropped cells: a placeholder left where nobody sees it. */
    private static final Pattern BRACKET = Pattern.compile("\\[[^\\[\\]]+\\]");

    /** An HTML comment, which a reader never sees, in a cell or out of it. */
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->");

    private static final int SHOWN = 40;

    public TableCellsRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.WARNING,
                "A table row has more cells than its header: the cells past the header's columns"
                        + " are not shown.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        for (HiddenCells h : ctx.document().hiddenCells()) {
            String visible = visible(h.text());
            if (visible != null) {
                ctx.report(h.range(), message(h, visible));
            }
        }
    }

    /**
     * What a reader would see of the dropped cells' {@code text}: without its HTML comments (a note
     * to the spec's maintainers, hidden in any cell) and a closing pipe; null when that leaves only
     * spaces and pipes.
     */
    static String visible(String text) {
        String shown = text.indexOf("<!--") < 0 ? text : COMMENT.matcher(text).replaceAll("");
        shown = shown.strip();
        if (shown.endsWith("|") && !shown.endsWith("\\|")) {
            shown = shown.substring(0, shown.length() - 1).strip();
        }
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c != '|' && !Character.isWhitespace(c)) {
                return shown;
            }
        }
        return null;
    }

    static String message(HiddenCells h, String visible) {
        StringBuilder m =
                new StringBuilder("table row has ")
                        .append(h.cells())
                        .append(" cells, its header ")
                        .append(h.columns())
                        .append(": cells past the ")
                        .append(ordinal(h.columns()))
                        .append(" are not shown ('")
                        .append(firstWords(visible))
                        .append("')");
        Matcher bracket = BRACKET.matcher(visible);
        if (bracket.find()) {
            m.append("; the hidden text holds '")
                    .append(firstWords(bracket.group()))
                    .append("', a placeholder that no other rule sees there");
        }
        return m.append(": add a header column or move the text into the row's cells").toString();
    }

    /** Up to {@value #SHOWN} characters of {@code text}, cut at a space, with an ellipsis. */
    private static String firstWords(String text) {
        if (text.length() <= SHOWN) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SHOWN);
        if (cut <= SHOWN / 2) {
            // no space to cut at: not between the two halves of an astral char
            cut = Character.isLowSurrogate(text.charAt(SHOWN)) ? SHOWN - 1 : SHOWN;
        }
        return text.substring(0, cut) + "…";
    }

    private static String ordinal(int n) {
        int tens = n % 100;
        String suffix =
                tens >= 11 && tens <= 13
                        ? "th"
                        : switch (n % 10) {
                            case 1 -> "st";
                            case 2 -> "nd";
                            case 3 -> "rd";
                            default -> "th";
                        };
        return n + suffix;
    }
}
