package dev.specgate.core.rules.placeholder;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.TextMark;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import java.util.List;

/** {@code [Date]} or {@code YYYY-MM-DD} left in prose (never inside code). */
public final class PlaceholderDateRule extends BaseRule {

    public static final String ID = RuleIds.PLACEHOLDER_DATE;

    public PlaceholderDateRule() {
        super(
                ID,
                RuleCategory.PLACEHOLDER,
                Severity.ERROR,
                "A date placeholder ([Date] or YYYY-MM-DD) is left in.");
    }

    @Override
    public void check(RuleContext ctx) {
        PlaceholderRuleSupport.forEach(
                ctx,
                PlaceholderKind.DATE,
                b ->
                        ctx.report(
                                ctx.draftLenient(),
                                b.range(),
                                "date placeholder '"
                                        + b.text()
                                        + "' left in: write a date as YYYY-MM-DD"));
        List<SourceRange> braces = PlaceholderRuleSupport.activeBraces(ctx);
        for (TextMark mark : ctx.document().marks()) {
            if (!braces.isEmpty() && PlaceholderRuleSupport.inside(braces, mark.range())) {
                continue; // the braced date placeholder itself was reported above
            }
            ctx.report(
                    ctx.draftLenient(),
                    mark.range(),
                    "date placeholder 'YYYY-MM-DD' left in: write a real date");
        }
        metadataDates(ctx);
    }

    /**
     * A date field outside the prose (a front matter or sidecar key) that still holds a date
     * placeholder ({@code updated: YYYY-MM-DD}, {@code created: "[Date]"}): {@code field-date}
     * leaves placeholders to the placeholder rules, and the prose's marks and brackets never see
     * the front matter. A value that is exactly the template's own placeholder value is {@code
     * placeholder-template}'s.
     */
    private static void metadataDates(RuleContext ctx) {
        for (FieldSpec spec : ctx.schema().fields()) {
            if (spec.kind() != FieldKind.DATE) {
                continue;
            }
            ctx.metadata(spec.label())
                    .filter(
                            f ->
                                    f.form() == FieldForm.FRONT_MATTER
                                            || f.form() == FieldForm.SIDECAR)
                    .filter(f -> isDatePlaceholder(ctx, FieldValues.plain(f.value())))
                    .filter(f -> !PlaceholderRuleSupport.keepsTemplateValue(ctx, spec, f))
                    .ifPresent(
                            f ->
                                    ctx.report(
                                            ctx.draftLenient(),
                                            f.valueRange(),
                                            "date placeholder '"
                                                    + FieldValues.plain(f.value())
                                                    + "' left in '"
                                                    + f.form().markdown(f.label())
                                                    + "': write a date as YYYY-MM-DD"));
        }
    }

    /** What {@code field-date} leaves to the placeholder rules: {@code [Date]}, {@code YYYY-..}. */
    private static boolean isDatePlaceholder(RuleContext ctx, String value) {
        return !value.isEmpty()
                && (ctx.schema().isPlaceholderValue(value) || value.contains("YYYY"));
    }
}
