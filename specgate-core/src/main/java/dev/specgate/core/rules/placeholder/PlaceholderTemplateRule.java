package dev.specgate.core.rules.placeholder;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.Placeholders;
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
                            + "' left in (listed under 'placeholders' in .specgate.yml)");
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
        // a loop of plain tests, not an Optional's filters: those were four lambdas made per
        // template field for every spec, and nearly every field is a bold line, ruled out first
        List<FieldSpec> specs = ctx.schema().placeholderValuedFields();
        for (int i = 0; i < specs.size(); i++) { // by index: C1 allocates an iterator
            FieldSpec spec = specs.get(i);
            Field f = ctx.metadata(spec.label()).orElse(null);
            if (f == null
                    || f.form() == FieldForm.BOLD_LINE
                    // a sidecar's value of a bold-line template is a sidecar key's, not the spec's
                    || spec.form() == FieldForm.BOLD_LINE && f.form() == FieldForm.SIDECAR
                    // a list item's value is Markdown: its placeholder is among the brackets,
                    // reported there once (by this rule, or placeholder-date for a [Date])
                    || f.form() == FieldForm.LIST_ITEM && amongBrackets(ctx, f.valueRange())
                    || !Placeholders.fold(f.value())
                            .equals(Placeholders.fold(spec.templateValue()))) {
                continue;
            }
            ctx.report(
                    ctx.draftLenient(),
                    f.valueRange(),
                    "template placeholder '"
                            + PlaceholderRuleSupport.shorten(f.value())
                            + "' left in '"
                            + f.form().markdown(f.label())
                            + "'");
        }
    }

    /** Whether {@code value} holds a placeholder of the prose's brackets a rule reports. */
    private static boolean amongBrackets(RuleContext ctx, SourceRange value) {
        int title = ctx.sectionMatch().titleIndex();
        for (BracketText b : ctx.document().brackets()) {
            if (PlaceholderRuleSupport.inside(List.of(value), b.range())
                    && PlaceholderKind.of(b, title, ctx.schema()) != PlaceholderKind.IGNORED) {
                return true;
            }
        }
        return false;
    }
}
