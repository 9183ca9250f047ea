package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.IsoDates;
import dev.specgate.core.model.TextMark;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldNames;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A date field (Created, Last Updated, Next Review, and deadlines such as {@code **Decision by:**}
 * in checklist items) does not hold a real ISO date; in a task list, its own Created date.
 */
public final class FieldDateRule extends BaseRule {

    public static final String ID = RuleIds.FIELD_DATE;

    public FieldDateRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "A date field is not a real date in YYYY-MM-DD form.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return Set.of(DocumentKind.SPEC, DocumentKind.TASK_LIST);
    }

    @Override
    public void check(RuleContext ctx) {
        if (ctx.kind() == DocumentKind.TASK_LIST) {
            // a task list has no template: its one date is the Created line tasks writes, and no
            // placeholder rule reads it, so a placeholder there is this rule's
            ctx.metadata(TemplateSchema.CREATED_FIELD).ifPresent(f -> checkDate(ctx, f, false));
            return;
        }
        for (FieldSpec spec : ctx.schema().fields()) {
            if (spec.kind() == FieldKind.DATE) {
                ctx.metadata(spec.label()).ifPresent(f -> checkDate(ctx, f, true));
            }
        }
        // by index: C1 allocates an iterator per for-each, and a spec has ~60 items
        List<ChecklistItem> items = ctx.document().checklist();
        for (int i = 0; i < items.size(); i++) {
            List<Field> fields = items.get(i).fields();
            for (int j = 0; j < fields.size(); j++) {
                Field f = fields.get(j);
                if (f.namesDeadline()) {
                    checkDate(ctx, f, true);
                }
            }
        }
        // an item whose box is malformed ('- [ x] Pick a queue - **Decision by:** 15/03/2025') is
        // no checklist item, but its deadline is one all the same: read it too, so that check
        // reports it beside task-box and one --fix fixes both
        List<TextMark> boxes = ctx.document().malformedTaskBoxes();
        if (boxes.isEmpty()) {
            return;
        }
        List<Field> fields = ctx.document().fields();
        for (TextMark box : boxes) {
            int line = box.range().startLine();
            for (int j = 0; j < fields.size(); j++) {
                Field f = fields.get(j);
                if (f.valueRange().startLine() == line
                        && f.labelRange().startColumn() > box.range().startColumn()
                        && f.form() != FieldForm.SIDECAR
                        && f.namesDeadline()) {
                    checkDate(ctx, f, true);
                }
            }
        }
    }

    /**
     * Reports {@code f} unless it holds a real date; a placeholder ({@code [Date]}, {@code
     * YYYY-MM-DD}) is left to the placeholder rules when {@code placeholderRules} (they check
     * specs, not task lists).
     */
    private static void checkDate(RuleContext ctx, Field f, boolean placeholderRules) {
        String value = FieldValues.plain(f.value());
        if (value.isEmpty()) {
            ctx.report(
                    ctx.draftLenient(),
                    f.labelRange(),
                    FieldNames.quoted(ctx.schema(), f) + " is empty: write a date as YYYY-MM-DD");
            return;
        }
        if (placeholderRules
                && (ctx.schema().isPlaceholderValue(value) || value.contains("YYYY"))) {
            return; // left for the placeholder rules
        }
        Optional<?> date = IsoDates.parse(value);
        if (date.isPresent()) {
            return;
        }
        if (IsoDates.looksLikeIsoDate(value)) {
            ctx.report(
                    f.valueRange(),
                    FieldNames.quoted(ctx.schema(), f) + " is not a real date: " + value);
        } else {
            ctx.report(
                    f.valueRange(),
                    FieldNames.quoted(ctx.schema(), f)
                            + " must be a date as YYYY-MM-DD, found '"
                            + value
                            + "'");
        }
    }
}
