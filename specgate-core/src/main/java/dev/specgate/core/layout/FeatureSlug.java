package dev.specgate.core.layout;

import dev.specgate.core.authoring.TitleSlug;
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
     * without one, the name {@code new} gives: {@code YYYY-MM-DD_spec_<slug>.md}). A name that does
     * not follow it gets a slug of the same kind, made by the rule {@code new} makes one from a
     * title ({@link TitleSlug}): from the text where the convention puts its slug when the name
     * keeps the rest of the convention ({@code 2026-01-03_spec_Über+Export.md} gives {@code
     * uber-export}, {@code 2026-1-3_spec_x.markdown} gives {@code x}), else from its base name
     * without extension ({@code 0005-Store-Money.md} gives {@code 0005-store-money}); a text with
     * no ASCII letter or digit to give is taken lowercased as it is.
     */
    public static String of(Path specFile, TemplateSchema schema) {
        String name = specFile.getFileName().toString();
        FileNamePattern convention = FileNamePattern.of(schema);
        Optional<String> slug = convention.match(name).map(FileNamePattern.Match::slug);
        if (slug.isPresent()) {
            return slug.get();
        }
        int dot = name.lastIndexOf('.');
        String text = convention.slugPlace(name).orElse(dot > 0 ? name.substring(0, dot) : name);
        return TitleSlug.of(text).orElse(text.toLowerCase(Locale.ROOT));
    }
}
