package dev.specgate.core.rules.placeholder;

import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.Placeholders;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The ranges of braced text that is a placeholder for this template, sorted. Empty for a
     * template in the square-bracket style, so specs written from it pay nothing.
     */
    static List<dev.specgate.core.model.SourceRange> activeBraces(RuleContext ctx) {
        if (ctx.schema().placeholderStyles().size() == 1) {
            return List.of();
        }
        int title = ctx.sectionMatch().titleIndex();
        List<dev.specgate.core.model.SourceRange> ranges = new ArrayList<>();
        for (BracketText b : ctx.document().brackets()) {
            if (b.style() != dev.specgate.core.model.PlaceholderStyle.SQUARE
                    && PlaceholderKind.of(b, title, ctx.schema()) != PlaceholderKind.IGNORED) {
                ranges.add(b.range());
            }
        }
        ranges.sort(null);
        return ranges;
    }

    /** Whether {@code range} lies inside one of the sorted {@code ranges}. */
    static boolean inside(
            List<dev.specgate.core.model.SourceRange> ranges,
            dev.specgate.core.model.SourceRange range) {
        int lo = 0;
        int hi = ranges.size() - 1;
        int candidate = -1;
        while (lo <= hi) { // the last range that starts at or before range
            int mid = (lo + hi) >>> 1;
            if (ranges.get(mid).compareTo(range) <= 0) {
                candidate = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return candidate >= 0 && contains(ranges.get(candidate), range);
    }

    private static boolean contains(
            dev.specgate.core.model.SourceRange outer, dev.specgate.core.model.SourceRange inner) {
        boolean startsAfter =
                inner.startLine() > outer.startLine()
                        || (inner.startLine() == outer.startLine()
                                && inner.startColumn() >= outer.startColumn());
        boolean endsBefore =
                inner.endLine() < outer.endLine()
                        || (inner.endLine() == outer.endLine()
                                && inner.endColumn() <= outer.endColumn());
        return startsAfter && endsBefore;
    }

    /** How to keep the text literal: escape its first bracket or brace. */
    static String escapeHint(BracketText b) {
        return switch (b.style()) {
            case SQUARE -> "escape the brackets as \\[...\\]";
            case CURLY, DOUBLE_CURLY -> "escape the brace as \\{ or put it in `code`";
        };
    }

    /**
     * Whether a spec's metadata value {@code f} outside the prose (front matter, a sidecar, a
     * leading list's value when its brackets are not reported as prose) is still exactly the
     * template's placeholder value of {@code spec}: {@code placeholder-template} reports it as
     * such, and no other rule reports it again.
     */
    static boolean keepsTemplateValue(RuleContext ctx, FieldSpec spec, Field f) {
        return f.form() != FieldForm.BOLD_LINE // nearly every field: ruled out first
                && ctx.schema().isPlaceholderValue(spec.templateValue())
                // a sidecar's value of a bold-line template is a sidecar key's, not the spec's
                && (spec.form() != FieldForm.BOLD_LINE || f.form() != FieldForm.SIDECAR)
                // a list item's value is Markdown: its placeholder is among the brackets,
                // reported there once (by this rule, or placeholder-date for a [Date])
                && (f.form() != FieldForm.LIST_ITEM || !amongBrackets(ctx, f.valueRange()))
                && Placeholders.fold(f.value()).equals(Placeholders.fold(spec.templateValue()));
    }

    /** Whether {@code value} holds a placeholder of the prose's brackets a rule reports. */
    private static boolean amongBrackets(RuleContext ctx, SourceRange value) {
        int title = ctx.sectionMatch().titleIndex();
        for (BracketText b : ctx.document().brackets()) {
            if (inside(List.of(value), b.range())
                    && PlaceholderKind.of(b, title, ctx.schema()) != PlaceholderKind.IGNORED) {
                return true;
            }
        }
        return false;
    }

    static String shorten(String text) {
        if (text.length() <= 60) {
            return text;
        }
        String close =
                dev.specgate.core.model.PlaceholderStyle.of(text)
                        .map(dev.specgate.core.model.PlaceholderStyle::close)
                        .orElse("]");
        return text.substring(0, 57) + "..." + close;
    }
}
