package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldNames;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.Placeholders;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;
import java.util.Optional;

/**
 * A choice field (Type, Document Status) holds a value the template does not allow. Values match
 * ignoring case and emphasis. A value still in brackets is a placeholder, reported by the
 * placeholder rules instead; an empty value, like a placeholder, is a warning in a Draft.
 */
public final class FieldValueRule extends BaseRule {

    public static final String ID = RuleIds.FIELD_VALUE;

    public FieldValueRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "A field holds a value the template does not allow.");
    }

    @Override
    public void check(RuleContext ctx) {
        for (FieldSpec spec : ctx.schema().fields()) {
            if (spec.kind() != FieldKind.CHOICE) {
                continue;
            }
            Optional<Field> field = ctx.metadata(spec.label());
            if (field.isEmpty()) {
                continue;
            }
            // by identity, not the list's contains, and the folds only where the first characters
            // agree: a record's equals (through ObjectMethods, slow under C1) and two folds for
            // every choice field of every spec were ~2 % of a check's instructions
            if (placeholderValued(ctx.schema().placeholderValuedFields(), spec)
                    && kept(field.get().value(), spec.templateValue())) {
                continue; // the template's placeholder kept: placeholder-template's
            }
            List<String> items = yamlItems(ctx, field.get());
            boolean status = spec.label().equalsIgnoreCase(ctx.schema().statusField());
            if (!status && items.isEmpty() && emptyList(ctx, field.get())) {
                // labels: [] (what new writes for a list of choices): none listed yet
                if (!spec.optional()) {
                    ctx.report(
                            ctx.draftLenient(),
                            field.get().labelRange(),
                            FieldNames.quoted(ctx.schema(), field.get())
                                    + " lists nothing: choose one or more of "
                                    + String.join(", ", spec.allowedValues()));
                }
                continue;
            }
            if (!items.isEmpty() && !status) {
                checkItems(ctx, spec, field.get(), items);
                continue;
            }
            if (!status && spec.optional() && FieldValues.plain(field.get().value()).isEmpty()) {
                // labels: with nothing after it chooses nothing, as labels: [] does: a key a spec
                // may leave out
                continue;
            }
            Optional<String> quoted = quotedList(ctx, spec, field.get());
            if (quoted.isPresent()) {
                // labels: "[api, web]" is one text in brackets, not a list: no value is chosen
                ctx.report(
                        field.get().valueRange(),
                        FieldNames.quoted(ctx.schema(), field.get())
                                + " is the text '"
                                + quoted.get()
                                + "' in quotes, not a list: write it without the quotes,"
                                + " each value one of "
                                + String.join(", ", spec.allowedValues()));
                continue;
            }
            // a bracketed value is a placeholder, the placeholder rules'; a YAML list of two or
            // more values in the status field is no status
            if (items.size() < 2 && ctx.schema().isPlaceholderValue(field.get().value())) {
                continue;
            }
            String value = FieldValues.plain(field.get().value());
            if (value.isEmpty()) {
                ctx.report(
                        ctx.draftLenient(),
                        field.get().labelRange(),
                        FieldNames.quoted(ctx.schema(), field.get())
                                + " is empty: choose one of "
                                + String.join(", ", spec.allowedValues()));
            } else if (!ctx.schema().acceptsChoice(spec, value)) {
                ctx.report(
                        field.get().valueRange(),
                        FieldNames.quoted(ctx.schema(), field.get())
                                + " is '"
                                + value
                                + "' but must be one of "
                                + String.join(", ", spec.allowedValues()));
            }
        }
    }

    /**
     * Whether {@code value} is {@code template}'s value, spaces aside ({@link Placeholders#fold}):
     * folded only when their first characters other than spaces agree, as folded equal ones do.
     */
    private static boolean kept(String value, String template) {
        return firstNonSpace(value) == firstNonSpace(template)
                && Placeholders.fold(value).equals(Placeholders.fold(template));
    }

    /** The first character {@link Placeholders#fold} keeps, or -1. */
    private static int firstNonSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return c;
            }
        }
        return -1;
    }

    /** Whether {@code spec} is one of {@code fields} (the schema's own instances). */
    private static boolean placeholderValued(List<FieldSpec> fields, FieldSpec spec) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) == spec) {
                return true;
            }
        }
        return false;
    }

    /**
     * The items of a spec's front matter value written as a YAML list ({@code tags: [backend]}, or
     * one {@code - backend} a line), else empty.
     */
    private static List<String> yamlItems(RuleContext ctx, Field field) {
        if (field.form() != FieldForm.FRONT_MATTER || ctx.document().frontMatter().isEmpty()) {
            return List.of();
        }
        for (FrontMatter.Entry e : ctx.document().frontMatter().get().entries()) {
            if (e.field().labelRange().equals(field.labelRange())) {
                return e.items();
            }
        }
        return List.of();
    }

    /**
     * The text of a front matter value that YAML reads as a quoted string holding a flow list
     * ({@code labels: "[api, web]"}), where the template writes a list of choices ({@link
     * dev.specgate.core.schema.TemplateSchema#listsChoices}); else empty.
     */
    private static Optional<String> quotedList(RuleContext ctx, FieldSpec spec, Field field) {
        if (field.form() != FieldForm.FRONT_MATTER
                || ctx.document().frontMatter().isEmpty()
                || !TemplateSchema.listsChoices(spec)) {
            return Optional.empty();
        }
        for (FrontMatter.Entry e : ctx.document().frontMatter().get().entries()) {
            if (e.field().labelRange().equals(field.labelRange())) {
                // a scalar YAML reads as text: unquoted, [api, web] would be a list
                String text = e.scalar().map(String::strip).orElse("");
                return text.startsWith("[") && text.endsWith("]")
                        ? Optional.of(text)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether a spec's front matter value is an empty YAML flow list, {@code []}. */
    private static boolean emptyList(RuleContext ctx, Field field) {
        if (field.form() != FieldForm.FRONT_MATTER || ctx.document().frontMatter().isEmpty()) {
            return false;
        }
        String v = field.value().strip();
        if (!v.startsWith("[") || !v.endsWith("]") || !v.substring(1, v.length() - 1).isBlank()) {
            return false;
        }
        for (FrontMatter.Entry e : ctx.document().frontMatter().get().entries()) {
            if (e.field().labelRange().equals(field.labelRange())) {
                return e.scalar().isEmpty(); // a list, not the text "[]" in quotes
            }
        }
        return false;
    }

    /**
     * A list of values in a choice field that is not the status ({@code tags: [backend,
     * frontend]}): each value must be one of the alternatives; an item still a placeholder is the
     * placeholder rules'.
     */
    private static void checkItems(
            RuleContext ctx, FieldSpec spec, Field field, List<String> items) {
        for (String item : items) {
            String value = FieldValues.plain(item);
            if (!ctx.schema().isPlaceholderValue(item)
                    && !ctx.schema().acceptsChoice(spec, value)) {
                ctx.report(
                        field.valueRange(),
                        FieldNames.quoted(ctx.schema(), field)
                                + " lists '"
                                + value
                                + "' but each value must be one of "
                                + String.join(", ", spec.allowedValues()));
            }
        }
    }
}
