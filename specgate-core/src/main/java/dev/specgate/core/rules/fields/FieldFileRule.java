package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.discovery.LinkTarget;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code **File:**} field does not name the spec's own file. A bare file name must be the
 * file's name. A path must lead to the file: from the spec's folder (as a link does), or, as the
 * template writes it ({@code ../directives/spec/NAME.md}), from the project's root (the folder of
 * its {@code .specgate.yml}) after any leading {@code ../}; without a configuration above the spec
 * the root is not known and only the file name is compared. A link's destination is read as
 * Markdown reads it ({@code <...>}, a title, a {@code #fragment} and percent-encoding), through
 * {@link LinkTarget#path}. The template's own example left in is a placeholder: a warning in a
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
        // the configuration's folder, when the spec is under it (not with --config elsewhere)
        Path absolute = file.get().toAbsolutePath().normalize();
        Optional<Path> root = ctx.projectRoot().filter(absolute::startsWith);
        for (FieldSpec spec : ctx.schema().fields()) {
            if (spec.kind() != FieldKind.FILE) {
                continue;
            }
            Optional<Field> field = ctx.document().metadata(spec.label());
            if (field.isEmpty()) {
                continue;
            }
            String path = namedPath(ctx.document(), field.get());
            String named = lastSegment(path);
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
            } else if (!named.equals(actual)) {
                ctx.report(
                        field.get().valueRange(),
                        "'"
                                + spec.label()
                                + "' names '"
                                + named
                                + "' but the file is '"
                                + actual
                                + "'");
            } else if (root.isPresent() && !leadsTo(path, file.get(), root.get())) {
                String parents = FieldValues.leadingParents(path);
                ctx.report(
                        field.get().valueRange(),
                        "'"
                                + spec.label()
                                + "' names '"
                                + path
                                + "' but the file is '"
                                + parents
                                + fromRoot(file.get(), root.get())
                                + "' (from the project's root"
                                + (parents.isEmpty() ? "" : ", after the leading '" + parents + "'")
                                + ")");
            }
        }
    }

    /**
     * The path a File field names: a link's destination as Markdown reads it ({@link
     * LinkTarget#path}: without {@code <>}, title, {@code #fragment} or {@code ?query},
     * percent-decoded), else the value without code marks, read the same way.
     */
    public static String namedPath(SpecDocument doc, Field field) {
        Optional<Link> link = link(doc, field);
        if (link.isPresent()) {
            return LinkTarget.path(link.get().destination()).orElse("");
        }
        // a path written plainly or in a code span is read the same way, so `NAME.md#x` is NAME.md
        String written = FieldValues.filePath(field.value());
        return LinkTarget.path(written).orElse(written);
    }

    /** The link (not an image) written in a field's value, if there is one. */
    public static Optional<Link> link(SpecDocument doc, Field field) {
        SourceRange v = field.valueRange();
        for (Link l : doc.links()) {
            if (!l.image() && within(l.range(), v)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private static boolean within(SourceRange r, SourceRange outer) {
        boolean startsIn =
                r.startLine() > outer.startLine()
                        || (r.startLine() == outer.startLine()
                                && r.startColumn() >= outer.startColumn());
        boolean endsIn =
                r.endLine() < outer.endLine()
                        || (r.endLine() == outer.endLine() && r.endColumn() <= outer.endColumn());
        return startsIn && endsIn;
    }

    /** The last segment of a path, with {@code /} or {@code \\} between segments. */
    public static String lastSegment(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1).trim();
    }

    /**
     * Whether {@code path} (its file name already the spec's) leads to {@code file}: a bare name; a
     * path from the spec's folder; or, without its leading {@code ../} and {@code ./}, a path from
     * the project's root.
     */
    public static boolean leadsTo(String path, Path file, Path root) {
        String p = path.replace('\\', '/');
        if (!p.contains("/")) {
            return true;
        }
        Path spec = file.toAbsolutePath().normalize();
        try {
            Path folder = spec.getParent();
            if (folder != null && folder.resolve(p).normalize().equals(spec)) {
                return true;
            }
            String rest = p.substring(FieldValues.leadingParents(p).length());
            return root.resolve(rest).normalize().equals(spec);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The spec's path from the project's root, with {@code /}. */
    public static String fromRoot(Path file, Path root) {
        Path spec = file.toAbsolutePath().normalize();
        return root.relativize(spec).toString().replace('\\', '/');
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
