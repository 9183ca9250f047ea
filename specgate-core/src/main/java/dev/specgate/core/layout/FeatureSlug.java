package dev.specgate.core.layout;

import dev.specgate.core.schema.FileNamePattern;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The feature slug of a spec: the {@code <slug>} of {@code YYYY-MM-DD_spec_<slug>.md}. */
public final class FeatureSlug {

    private FeatureSlug() {}

    /**
     * The slug from the spec's file name, following the template's File convention (for a template
     * without one, the name {@code new} gives: {@code YYYY-MM-DD_spec_<slug>.md}); a file name that
     * does not follow it gives its base name without extension, lowercased.
     */
    public static String of(Path specFile, TemplateSchema schema) {
        String name = specFile.getFileName().toString();
        Optional<String> slug =
                FileNamePattern.of(schema).match(name).map(FileNamePattern.Match::slug);
        if (slug.isPresent()) {
            return slug.get();
        }
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    }
}
