package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.FilePaths;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code **File:**} field does not name the spec's own file. A bare file name must be the
 * file's name. A path must lead to the file: from the spec's folder (as a link does), or, as the
 * template writes it ({@code ../directives/spec/NAME.md}), from the project's root (the folder of
 * its {@code .specgate.yml}) after any leading {@code ../}; without a configuration above the spec
 * the root is not known and only the file name is compared. A link's destination is read as
 * Markdown reads it ({@code <...>}, a title, a {@code #fragment} and percent-encoding), through
 * {@link FilePaths#namedPath}. The template's own example left in is a placeholder: a warning in a
 * Draft, an error from Review on.
 */
public final class FieldFileRule extends BaseRule {

    public static final String ID = RuleIds.FIELD_FILE;

    public FieldFileRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "The File field does not name the spec's own file.");
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
            Optional<Field> field = ctx.metadata(spec.label());
            if (field.isEmpty()) {
                continue;
            }
            String path = FilePaths.namedPath(ctx.document(), field.get());
            String named = FieldValues.lastSegment(path);
            if (isTemplateExample(spec, named)) {
                ctx.report(
                        ctx.draftLenient(),
                        field.get().valueRange(),
                        "'"
                                + spec.label()
                                + "' still holds the template's example '"
                                + named
                                + "': write this file's name, '"
                                + actual
                                + "'");
                continue;
            }
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
                continue;
            }
            // the configuration's folder, when the spec is under it (not with --config
            // elsewhere): made only for a File field that names the file, when there is one
            Optional<Path> root = root(ctx, file.get());
            if (root.isPresent() && !FilePaths.leadsTo(path, file.get(), root.get())) {
                String parents = FieldValues.leadingParents(path);
                ctx.report(
                        field.get().valueRange(),
                        "'"
                                + spec.label()
                                + "' names '"
                                + path
                                + "' but the file is '"
                                + parents
                                + FilePaths.fromRoot(file.get(), root.get())
                                + "' (from the project's root"
                                + (parents.isEmpty() ? "" : ", after the leading '" + parents + "'")
                                + ")");
            }
        }
    }

    /** The project's root when {@code file} is below it, else empty. */
    private static Optional<Path> root(RuleContext ctx, Path file) {
        if (ctx.projectRoot().isEmpty()) {
            return Optional.empty();
        }
        Path absolute = file.toAbsolutePath().normalize();
        return ctx.projectRoot().filter(absolute::startsWith);
    }

    /**
     * Whether the named file is still the template's example ({@code
     * YYYY-MM-DD_spec_feature-name.md}): a placeholder left in, which a Draft may still hold.
     */
    private static boolean isTemplateExample(FieldSpec spec, String named) {
        return named.equals(FieldValues.fileBaseName(spec.templateValue()))
                || named.contains("YYYY-MM-DD");
    }
}
