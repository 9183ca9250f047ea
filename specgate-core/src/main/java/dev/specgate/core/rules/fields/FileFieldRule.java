package dev.specgate.core.rules.fields;

import dev.specgate.core.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import java.nio.file.Path;
import java.util.Optional;

/** The {@code **File:**} field does not name the spec's real file name. */
public final class FileFieldRule extends BaseRule {

    public static final String ID = "field-file";

    public FileFieldRule() {
        super(ID, "fields", Severity.ERROR, "The File field does not name the spec's own file.");
    }

    @Override
    public void check(RuleContext ctx) {
        Optional<Path> file = ctx.file();
        if (file.isEmpty() || file.get().getFileName() == null) {
            return;
        }
        String actual = file.get().getFileName().toString();
        for (FieldSpec spec : ctx.schema().fields()) {
            if (spec.kind() != FieldKind.FILE) {
                continue;
            }
            Optional<Field> field = ctx.document().metadata(spec.label());
            if (field.isEmpty()) {
                continue;
            }
            String named = baseName(field.get().value());
            if (!named.equals(actual)) {
                ctx.report(
                        field.get().valueRange(),
                        "'"
                                + spec.label()
                                + "' names '"
                                + named
                                + "' but the file is '"
                                + actual
                                + "'");
            }
        }
    }

    /** The last path segment of a field value, without code marks or a link's brackets. */
    public static String baseName(String value) {
        String v = value.replace("`", "").trim();
        if (v.startsWith("[") && v.contains("](")) {
            v = v.substring(v.indexOf("](") + 2, v.endsWith(")") ? v.length() - 1 : v.length());
        }
        int slash = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
        return v.substring(slash + 1).trim();
    }
}
