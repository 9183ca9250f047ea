package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.UnclosedHtml;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.EnumSet;
import java.util.Set;

/**
 * An HTML comment ({@code <!--}), a {@code <pre>}, {@code <script>}, {@code <style>} or {@code
 * <textarea>} element, a {@code <?}, {@code <!DOCTYPE} or {@code <![CDATA[} block opens a line and
 * is never closed: Markdown then reads the rest of the file as HTML, so every section, field and
 * box after it vanishes and the other rules report them missing with no hint why. Reported once, at
 * the opening marker. The blocks are the block parser's ({@link
 * dev.specgate.core.model.SpecDocument#unclosedHtml()}), as {@code fence-unclosed}'s fences are.
 */
public final class HtmlUnclosedRule extends BaseRule {

    public static final String ID = RuleIds.HTML_UNCLOSED;

    public HtmlUnclosedRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.WARNING,
                "An HTML comment or block (<!--, <pre>, <script>, <style>, <textarea>, <?, <!X,"
                        + " <![CDATA[) is never closed, so the rest of the file is read as HTML.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        for (UnclosedHtml h : ctx.document().unclosedHtml()) {
            int after = Math.max(0, ctx.document().lineCount() - h.opening().startLine() - 1);
            String hidden =
                    after == 0
                            ? " on the file's last line is never closed:"
                            : " is never closed, so the rest of the file ("
                                    + after
                                    + (after == 1 ? " line" : " lines")
                                    + ") is read as HTML and its sections, fields and boxes are"
                                    + " not seen:";
            ctx.report(
                    h.opening(),
                    "this " + what(h.opener()) + hidden + " close it with " + h.closer());
        }
    }

    private static String what(String opener) {
        return switch (opener) {
            case "<!--" -> "HTML comment";
            case "<?" -> "<? block";
            case "<![CDATA[" -> "CDATA section";
            default -> opener.startsWith("<!") ? opener + " declaration" : opener + "> element";
        };
    }
}
