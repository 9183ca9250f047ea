package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Durations;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.Placeholders;
import java.util.List;

/**
 * A phase's {@code **Duration:**} gives no phase: two dates that run backwards, a length beyond
 * about ten years, or no length at all. The timeline would otherwise end there without a word.
 */
public final class FieldDurationRule extends BaseRule {

    public static final String ID = RuleIds.FIELD_DURATION;

    private static final String DURATION = "Duration";

    public FieldDurationRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "A phase's Duration gives no length or runs backwards.");
    }

    @Override
    public void check(RuleContext ctx) {
        List<Field> fields = ctx.document().fields();
        int n = fields.size(); // once: a call per field under C1
        for (int i = 0; i < n; i++) { // by index: no iterator per spec under C1
            Field f = fields.get(i);
            // compared in place: a label read from the text is not made a String (a spec has
            // a hundred labelled list items, and no other rule asks for most of their labels)
            if (!f.hasLabel(DURATION)) {
                continue;
            }
            String value = FieldValues.plain(f.value());
            if (value.isEmpty()
                    || looksLikePlaceholder(value)
                    || ctx.schema().isPlaceholderValue(value)) {
                continue; // left for section-empty and the placeholder rules
            }
            if (Durations.read(value) instanceof Durations.Unusable bad) {
                ctx.report(
                        ctx.draftLenient(),
                        f.valueRange(),
                        "'Duration' is '"
                                + value
                                + "': it "
                                + bad.why()
                                + ", so the timeline stops before this phase: write a length"
                                + " such as '2 weeks' or two dates 'YYYY-MM-DD to YYYY-MM-DD'");
            }
        }
    }

    /**
     * {@code [Time estimate]}, {@code {{duration}}}, {@code <TBD>}: a placeholder of some style.
     */
    private static boolean looksLikePlaceholder(String value) {
        return Placeholders.isBracketed(value)
                || value.startsWith("{") && value.endsWith("}")
                || value.startsWith("<") && value.endsWith(">");
    }
}
