package dev.specgate.core.rules.placeholder;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;

/**
 * A placeholder of the template left in, such as {@code [Time estimate]} (exact text), or one of
 * the extra placeholders a project configures ({@code placeholders:} in .specgate.yml, such as
 * {@code KEP-NNNN}), found outside code and comments.
 */
public final class PlaceholderTemplateRule extends BaseRule {

    public static final String ID = RuleIds.PLACEHOLDER_TEMPLATE;

    public PlaceholderTemplateRule() {
        super(
                ID,
                RuleCategory.PLACEHOLDER,
                Severity.ERROR,
                "Template placeholder text is left in.");
    }

    @Override
    public void check(RuleContext ctx) {
        PlaceholderRuleSupport.forEach(
                ctx,
                PlaceholderKind.TEMPLATE,
                b ->
                        ctx.report(
                                ctx.draftLenient(),
                                b.range(),
                                "template placeholder '"
                                        + PlaceholderRuleSupport.shorten(b.text())
                                        + "' left in"));
        extraPlaceholders(ctx);
        metadataPlaceholders(ctx);
    }

    /** Text the project's {@code placeholders:} lists, left in (outside code and comments). */
    private static void extraPlaceholders(RuleContext ctx) {
        List<ExtraPlaceholders.Found> found = ExtraPlaceholders.find(ctx);
        int title = found.isEmpty() ? -1 : ExtraPlaceholders.titleLine(ctx);
        for (ExtraPlaceholders.Found f : found) {
            if (f.range().startLine() == title) {
                continue; // placeholder-title's
            }
            ctx.report(
                    ctx.draftLenient(),
                    f.range(),
                    "placeholder '"
                            + PlaceholderRuleSupport.shorten(f.text())
                            + "' left in ("
                            + TemplateSchema.EXTRA_PLACEHOLDERS_ORIGIN
                            + ")");
        }
    }

    /**
     * Front matter and leading-list values are not Markdown prose, so their placeholders are not
     * among the brackets: a value still exactly the template's placeholder ({@code {list everyone
     * involved in the decision}}) is reported here, also when the template writes that field as a
     * bold line and the spec moved it into front matter ({@code Reviewer: "[Technical reviewer]"}).
     * The message names the field as the spec writes it. A leading list's value is Markdown, so a
     * bracketed placeholder there is reported with the prose's brackets, not a second time here.
     */
    private static void metadataPlaceholders(RuleContext ctx) {
        // a loop of plain tests, not an Optional's filters: those were lambdas made per template
        // field for every spec, and nearly every field is a bold line, ruled out first
        List<FieldSpec> specs = ctx.schema().placeholderValuedFields();
        for (int i = 0; i < specs.size(); i++) { // by index: C1 allocates an iterator
            FieldSpec spec = specs.get(i);
            Field f = ctx.metadata(spec.label()).orElse(null);
            if (f != null && PlaceholderRuleSupport.keepsTemplateValue(ctx, spec, f)) {
                reportKept(ctx, f.valueRange(), f.value(), f);
            }
        }
        listItemPlaceholders(ctx);
    }

    /**
     * A front matter list's items are not Markdown prose either: an item still one of the
     * template's placeholders ({@code reviewers:} with {@code - "[Reviewer name]"} kept) is
     * reported at the item, unless the whole value was reported as the template's above.
     */
    private static void listItemPlaceholders(RuleContext ctx) {
        if (ctx.document().frontMatter().isEmpty()) {
            return;
        }
        for (FrontMatter.Entry e : ctx.document().frontMatter().get().entries()) {
            Field f = e.field();
            if (e.items().isEmpty()
                    || ctx.schema()
                            .field(f.label())
                            .filter(spec -> PlaceholderRuleSupport.keepsTemplateValue(ctx, spec, f))
                            .isPresent()) {
                continue;
            }
            int from = 0;
            for (String item : e.items()) {
                if (!ctx.schema().isTemplatePlaceholder(item)) {
                    continue;
                }
                int at = f.value().indexOf(item, from);
                SourceRange range = at < 0 ? f.valueRange() : within(f, at, item.length());
                from = at < 0 ? from : at + item.length();
                reportKept(ctx, range, item, f);
            }
        }
    }

    private static void reportKept(RuleContext ctx, SourceRange range, String value, Field f) {
        ctx.report(
                ctx.draftLenient(),
                range,
                "template placeholder '"
                        + PlaceholderRuleSupport.shorten(value)
                        + "' left in '"
                        + f.form().markdown(f.label())
                        + "'");
    }

    /** The range of {@code length} characters at {@code offset} of a field's value text. */
    private static SourceRange within(Field f, int offset, int length) {
        String value = f.value();
        int line = f.valueRange().startLine();
        int lineStart = -f.valueRange().startColumn(); // the value's first line starts there
        for (int i = value.indexOf('\n'); i >= 0 && i < offset; i = value.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        return SourceRange.ofLine(line, offset - lineStart, offset - lineStart + length);
    }
}
