package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldSpec;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A metadata field of the template is absent. Header fields are reported at the title, trailing
 * fields at the last line.
 */
public final class FieldMissingRule extends BaseRule {

    public static final String ID = RuleIds.FIELD_MISSING;

    public FieldMissingRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "A metadata field the template requires is missing.");
    }

    @Override
    public void check(RuleContext ctx) {
        SpecDocument doc = ctx.document();
        String[] lines = null; // the spec's lines, split only when a bold-line field is missing
        for (FieldSpec f : ctx.schema().fields()) {
            if (f.optional() || ctx.metadata(f.label()).isPresent()) {
                continue;
            }
            if (f.form() == FieldForm.SIDECAR && !doc.metadataProblems().isEmpty()) {
                continue; // a sidecar that cannot be read is metadata-invalid's finding
            }
            Optional<Field> misnamed = ctx.schema().misnamed(doc, f);
            if (misnamed.isPresent()) {
                // the value is there, under a name the template does not use: say so where it is
                Field m = misnamed.get();
                ctx.report(
                        ctx.schema().missingAt(doc, f),
                        f.missingMessage()
                                + ": "
                                + where(m.form())
                                + " '"
                                + m.form().markdown(m.label().trim())
                                + "' is not that field (fields are read by the template's"
                                + " labels): rename '"
                                + m.label().trim()
                                + "' to '"
                                + f.label()
                                + "'");
                continue;
            }
            SourceRange at = ctx.schema().missingAt(doc, f);
            if (f.form() == FieldForm.BOLD_LINE) {
                if (lines == null) {
                    lines = ctx.source().map(t -> t.split("\\R", -1)).orElse(new String[0]);
                }
                Optional<String> listed = listItemHint(lines, f.label());
                if (listed.isPresent()) {
                    ctx.report(at, f.missingMessage() + ": " + listed.get());
                    continue;
                }
            }
            String where =
                    f.form() == FieldForm.SIDECAR && ctx.schema().sidecar().isPresent()
                            ? " in " + ctx.schema().sidecar().get()
                            : "";
            ctx.report(at, f.missingMessage() + where);
        }
    }

    /** A list item's {@code Label: value}, its label bold or not: {@code - **Type:** Bug Fix}. */
    private static final Pattern LIST_ITEM_FIELD =
            Pattern.compile(
                    "^ {0,3}(?:[-*+]|\\d{1,9}[.)])[ \\t]+(?:\\*\\*)?([^*:`\\[]{1,60}?)"
                            + "[ \\t]*(?::\\*\\*|\\*\\*[ \\t]*:|:)[ \\t]*(.*)$");

    /**
     * What to say when a bold-line template's field is written as a list item ({@code - Type: Bug
     * Fix}), which such a template does not read as a field: the first such item outside code
     * fences, or empty.
     */
    static Optional<String> listItemHint(String[] lines, String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.stripLeading();
            if (fence != null) {
                if (t.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (t.startsWith("```") || t.startsWith("~~~")) {
                fence = t.substring(0, 3);
                continue;
            }
            Matcher m = LIST_ITEM_FIELD.matcher(line);
            if (!m.matches() || !m.group(1).trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                continue;
            }
            String value = m.group(2).trim();
            return Optional.of(
                    "line "
                            + (i + 1)
                            + " '"
                            + line.strip()
                            + "' is a list item, which this template does not read as a field"
                            + " (its fields are '**Label:** value' lines of their own): write '**"
                            + label.trim()
                            + ":**"
                            + (value.isEmpty() ? "" : " " + value)
                            + "' instead");
        }
        return Optional.empty();
    }

    /** Where a field of {@code form} stands, for messages. */
    private static String where(FieldForm form) {
        return switch (form) {
            case BOLD_LINE -> "the bold line";
            case LIST_ITEM -> "the leading list's";
            case FRONT_MATTER -> "the front matter's";
            case SIDECAR -> "the metadata file's";
        };
    }
}
