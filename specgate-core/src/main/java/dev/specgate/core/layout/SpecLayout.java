package dev.specgate.core.layout;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.StatusReading;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

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
        // an implementation directory's files are counted only where they can be early: this
        // feature's own, while the spec stands before its approval point (a shared folder never
        // makes a spec early, so it is not walked, at any status)
        Predicate<LayoutEntry> walked = e -> false;
        if (beforeApproval(doc, schema)) {
            String slug = FeatureSlug.of(file, schema);
            Set<String> shared = SharedFolders.of(schema, entries);
            walked = e -> holdsFeatureCode(e, slug, shared);
        }
        return LayoutTrace.trace(ProjectRoot.ofSpec(file), entries, walked);
    }

    /** The spec's File Organization entries, {@code [feature-name]} resolved to its slug. */
    public static List<LayoutEntry> entries(
            Path file, String text, SpecDocument doc, TemplateSchema schema) {
        return FileOrganization.read(text, doc, FeatureSlug.of(file, schema), file);
    }

    /**
     * Whether a file at {@code relative} ({@code /}-separated) under {@code entry} (empty for the
     * file a file entry names) is code: the one reading, which the trace counts a directory's files
     * by ({@link #early}, {@code trace}) and {@code history --audit} a commit's: a file entry's
     * file; in a test directory, a test file ({@link TestFileNames}; fixtures and data are no
     * code); in another directory, a file that is not hidden and in no hidden folder ({@code
     * .gitkeep} is what {@code scaffold} makes).
     */
    public static boolean isCode(LayoutEntry entry, String relative) {
        if (entry.kind() == LayoutEntry.Kind.FILE) {
            return relative.isEmpty();
        }
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        if (entry.isTest()) {
            return TestFileNames.isTestFile(name);
        }
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return false;
            }
        }
        return !relative.isEmpty();
    }

    /**
     * The File Organization's list items that name a path but are not read as entries, for {@code
     * trace}, {@code scaffold} and {@code check --trace} to say so.
     */
    public static List<UnreadEntry> unread(String text, SpecDocument doc) {
        return FileOrganization.unread(text, doc);
    }

    /**
     * The entries of {@code traced} that show this feature's work begun before its spec was
     * approved ({@link EarlyEntry}): when the spec's status stands before the lifecycle's approval
     * point ({@link TemplateSchema#beforeApproval}), each unconditional implementation or test
     * entry of this feature ({@link #holdsFeatureCode}) that exists and holds code: a file entry, a
     * directory holding a file, a test directory holding a test file (the count its trace shows;
     * fixtures and data files are not code ahead of approval). Conditional and documentation
     * entries, shared paths and the empty folders {@code scaffold} makes are never early. Empty for
     * a spec at or past the approval point, or whose status is not one.
     *
     * @param file the spec file (its name gives the feature slug)
     * @param traced its entries as {@link #trace} traced them (each directory walked at most once
     *     in all: a test directory's count is the trace's own)
     * @param doc the spec parsed
     */
    public static List<EarlyEntry> early(
            Path file, List<TracedEntry> traced, SpecDocument doc, TemplateSchema schema) {
        requireNonNull(file, "file must not be null");
        requireNonNull(traced, "traced must not be null");
        Optional<String> status = status(doc, schema);
        if (status.isEmpty() || !schema.beforeApproval(status.get()) || traced.isEmpty()) {
            return List.of();
        }
        String point = schema.approvalPoint().orElseThrow();
        String slug = FeatureSlug.of(file, schema);
        Set<String> shared =
                SharedFolders.of(schema, traced.stream().map(TracedEntry::entry).toList());
        List<EarlyEntry> early = new ArrayList<>();
        for (TracedEntry t : traced) {
            LayoutEntry e = t.entry();
            if (!t.exists() || t.refused().isPresent() || !holdsFeatureCode(e, slug, shared)) {
                continue; // an unreadable folder is layout-missing's error
            }
            int files =
                    e.kind() == LayoutEntry.Kind.FILE
                            ? 1
                            : t.testFiles().orElse(t.files().orElse(0));
            if (files > 0) {
                early.add(new EarlyEntry(t, files, status.get(), point));
            }
        }
        return List.copyOf(early);
    }

    /**
     * The entries of {@code traced} that {@link #early} had to look into and could not: while the
     * spec stands before its approval point, each entry of this feature's code ({@link
     * #holdsFeatureCode}) whose directory cannot be walked ({@link TracedEntry#unreadable}).
     * Whether they hold code ahead of approval is not known, which {@code layout-early} says as an
     * error (and {@code layout-missing} then leaves to it): never a silent pass.
     */
    public static List<TracedEntry> unjudged(
            Path file, List<TracedEntry> traced, SpecDocument doc, TemplateSchema schema) {
        requireNonNull(file, "file must not be null");
        if (traced.stream().noneMatch(t -> t.unreadable().isPresent())
                || !beforeApproval(doc, schema)) {
            return List.of();
        }
        String slug = FeatureSlug.of(file, schema);
        Set<String> shared =
                SharedFolders.of(schema, traced.stream().map(TracedEntry::entry).toList());
        return traced.stream()
                .filter(t -> t.unreadable().isPresent())
                .filter(t -> holdsFeatureCode(t.entry(), slug, shared))
                .toList();
    }

    /**
     * Whether code at {@code entry} is this feature's code: an unconditional implementation or test
     * entry, not documentation, that names the feature ({@link LayoutEntry#namesFeature}) outside
     * the {@code shared} folders ({@link SharedFolders}). What {@code layout-early} looks at in the
     * working tree and {@code history --audit} in the commits before the approval.
     */
    public static boolean holdsFeatureCode(LayoutEntry entry, String slug, Set<String> shared) {
        return !entry.conditional()
                && !entry.isDocumentation()
                && (entry.isImplementation() || entry.isTest())
                && entry.namesFeature(slug, shared);
    }

    private static Optional<String> status(SpecDocument doc, TemplateSchema schema) {
        return StatusReading.plain(doc, schema).flatMap(schema::status);
    }

    private static boolean beforeApproval(SpecDocument doc, TemplateSchema schema) {
        return status(doc, schema).filter(schema::beforeApproval).isPresent();
    }

    /** Whether a missing entry is an error for a spec held at {@code strictness}. */
    public static boolean required(TracedEntry entry, Strictness strictness) {
        return entry.missingWhileRequired(strictness == Strictness.IMPLEMENTATION);
    }
}
