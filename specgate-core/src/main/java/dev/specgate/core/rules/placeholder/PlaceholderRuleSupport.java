package dev.specgate.core.rules.placeholder;

import dev.specgate.core.model.BracketText;
import dev.specgate.core.rules.RuleContext;
import java.util.function.Consumer;

/** Walks the bracketed prose of a document that belongs to one {@link PlaceholderKind}. */
final class PlaceholderRuleSupport {

    private PlaceholderRuleSupport() {}

    static void forEach(RuleContext ctx, PlaceholderKind kind, Consumer<BracketText> action) {
        int title = ctx.sectionMatch().titleIndex();
        for (BracketText b : ctx.document().brackets()) {
            if (PlaceholderKind.of(b, title, ctx.schema()) == kind) {
                action.accept(b);
            }
        }
    }

    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...]";
    }
}
