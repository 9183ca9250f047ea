package dev.specgate.core.rules;

import dev.specgate.core.discovery.LinkTarget;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a File field's value names a file: the one reading {@code field-file} checks and {@code check
 * --fix} writes by, so a fix writes what the rule accepts.
 */
public final class FilePaths {

    private FilePaths() {}

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
        return plainPath(field.value());
    }

    /**
     * The path a File field's value that holds no link names: the value without code marks or
     * emphasis ({@link FieldValues#filePath}), read as a link's destination is, so {@code
     * `NAME.md#x`} is NAME.md.
     */
    public static String plainPath(String value) {
        String written = FieldValues.filePath(value);
        return LinkTarget.path(written).orElse(written);
    }

    /**
     * Whether {@code path} (a path as {@link #namedPath} reads it) names {@code file} as {@code
     * field-file} accepts it: its last segment is the file's name and, with the project's root
     * known ({@code root}, or null), it {@linkplain #leadsTo leads to} the file.
     */
    public static boolean names(String path, Path file, Path root) {
        Path name = file.getFileName();
        return name != null
                && FieldValues.lastSegment(path).equals(name.toString())
                && (root == null || leadsTo(path, file, root));
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

    /**
     * Whether {@code path} (its file name already the spec's) leads to {@code file}: a bare name; a
     * path from the spec's folder; or, without its leading {@code ../}, {@code ./} or {@code /}, a
     * path from the project's root.
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
            // a leading '/' reads from the project's root, as link-broken reads a link
            String rest =
                    p.substring(FieldValues.leadingParents(p).length()).replaceFirst("^/+", "");
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
}
