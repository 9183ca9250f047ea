package dev.specgate.core.rules.placeholder;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.BracketText;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;

/**
 * Placeholder-like bracketed prose that is not the template's, such as {@code [to be filled in]}:
 * not a link, task box, footnote, reference or anything inside code; nor what reads as code or a
 * citation in prose: a single letter ({@code [B]ecause}, {@code &[T]}), brackets glued to a word or
 * a code sigil ({@code items[0]}, {@code #[inline]}), a list of numbers or quoted values ({@code
 * [1, 2, 3]}), a type with a length ({@code [u32; N]}), a tag with a colon ({@code
 * [Feature:Storage]}), a double-bracketed citation ({@code [[P0020]]}) and {@code [TOC]}.
 */
public final class PlaceholderBracketRule extends BaseRule {

    public static final String ID = RuleIds.PLACEHOLDER_BRACKET;

    public PlaceholderBracketRule() {
        super(
                ID,
                RuleCategory.PLACEHOLDER,
                Severity.ERROR,
                "Bracketed placeholder-like text is left in.");
    }

    @Override
    public void check(RuleContext ctx) {
        String source = ctx.source().orElse(null);
        // the line starts are needed only for a bracket the cheap tests do not settle, and most
        // specs have none: computed on first use (a scan of the whole text)
        int[][] lineStarts = {null};
        PlaceholderRuleSupport.forEach(
                ctx,
                PlaceholderKind.GENERIC,
                b -> {
                    if (codeOrCitation(
                            b,
                            source,
                            () -> {
                                if (lineStarts[0] == null) {
                                    lineStarts[0] = lineStarts(source);
                                }
                                return lineStarts[0];
                            })) {
                        return;
                    }
                    ctx.report(
                            ctx.draftLenient(),
                            b.range(),
                            "placeholder-like text '"
                                    + PlaceholderRuleSupport.shorten(b.text())
                                    + "' left in ("
                                    + PlaceholderRuleSupport.escapeHint(b)
                                    + " if it is meant literally)");
                });
    }

    private static final java.util.regex.Pattern VALUE_LIST =
            java.util.regex.Pattern.compile(
                    "\\s*(-?[0-9][0-9_.]*|'[^']*'|\"[^\"]*\"|true|false|null)"
                            + "(\\s*,\\s*(-?[0-9][0-9_.]*|'[^']*'|\"[^\"]*\"|true|false|null))*"
                            + "\\s*,?\\s*");
    private static final java.util.regex.Pattern COLON_TAG =
            java.util.regex.Pattern.compile("[A-Za-z][\\w.-]*:[^\\s\\]]+");

    /** Whether a bracketed text reads as code, a value list, a tag or a citation, not a gap. */
    static boolean codeOrCitation(
            BracketText b, String source, java.util.function.Supplier<int[]> startsOfLines) {
        String text = b.text();
        if (b.style() != dev.specgate.core.model.PlaceholderStyle.SQUARE) {
            return false;
        }
        String inner = b.inner();
        if (inner.length() <= 1
                || inner.equalsIgnoreCase("toc")
                || text.startsWith("[[") && text.endsWith("]]")
                || inner.contains(";")
                || VALUE_LIST.matcher(inner).matches()
                || COLON_TAG.matcher(inner).matches()) {
            return true;
        }
        if (source == null || b.range().startLine() != b.range().endLine()) {
            return false;
        }
        int[] lineStarts = startsOfLines.get();
        // the characters around the brackets, on the same line of the source
        if (b.range().startLine() >= lineStarts.length) {
            return false;
        }
        int lineStart = lineStarts[b.range().startLine()];
        int open = lineStart + b.range().startColumn();
        int close = lineStart + b.range().endColumn();
        char before = open > 0 && open <= source.length() ? source.charAt(open - 1) : ' ';
        char after = close < source.length() ? source.charAt(close) : ' ';
        return Character.isLetterOrDigit(before)
                || before == '#'
                || before == '&'
                || before == '_'
                || Character.isLetter(after);
    }

    /** The offset where each line of {@code source} starts, or null without a source. */
    private static int[] lineStarts(String source) {
        if (source == null) {
            return null;
        }
        int count = 1;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }
}
