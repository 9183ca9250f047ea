package dev.specgate.core.layout;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.List;

/**
 * The one computation of what a spec's File Organization promises and what of it exists, for {@code
 * specgate trace} and {@code check --trace} alike.
 */
public final class SpecLayout {

    private SpecLayout() {}

    /**
     * Each File Organization entry of the spec, with whether its path exists under the spec's
     * project root.
     *
     * @param file the spec file (its name gives the feature slug, its folder the project root)
     * @param text the spec's text, without a byte order mark
     * @param doc the spec parsed from {@code text}
     */
    public static List<TracedEntry> trace(
            Path file, String text, SpecDocument doc, TemplateSchema schema) {
        requireNonNull(file, "file must not be null");
        requireNonNull(text, "text must not be null");
        requireNonNull(doc, "doc must not be null");
        requireNonNull(schema, "schema must not be null");
        List<LayoutEntry> entries =
                FileOrganization.read(text, doc, FeatureSlug.of(file, schema), file);
        return LayoutTrace.trace(ProjectRoot.ofSpec(file), entries);
    }

    /**
     * The File Organization's list items that name a path but are not read as entries, for {@code
     * trace}, {@code scaffold} and {@code check --trace} to say so.
     */
    public static List<UnreadEntry> unread(String text, SpecDocument doc) {
        return FileOrganization.unread(text, doc);
    }

    /** Whether a missing entry is an error for a spec held at {@code strictness}. */
    public static boolean required(TracedEntry entry, Strictness strictness) {
        return entry.missingWhileRequired(strictness == Strictness.IMPLEMENTATION);
    }
}
