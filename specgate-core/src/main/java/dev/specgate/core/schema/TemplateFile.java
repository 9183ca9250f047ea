package dev.specgate.core.schema;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.input.UnreadableSpecException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a Markdown template file into its {@link TemplateSchema}: the one loader behind a
 * configuration's {@code template:}, {@code template show FILE} and {@code init --template}, so
 * that a template one of them takes, every other takes too.
 */
public final class TemplateFile {

    private TemplateFile() {}

    /**
     * Reads and derives the template at {@code file}.
     *
     * @param name the schema's name (the template as the configuration names it)
     * @param shown how messages name the template: {@code 'docs/tpl.md'} or a path
     * @throws UnusableTemplateException when the file cannot be read as UTF-8 text of the allowed
     *     size, or it defines no sections (headings) and no fields: a template that enforces
     *     nothing; or it requires one section twice under the same parent: a spec could satisfy it
     *     neither with one such section (section-missing) nor with two (section-duplicate)
     */
    public static TemplateSchema load(Path file, String name, String shown)
            throws UnusableTemplateException {
        requireNonNull(file, "file must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(shown, "shown must not be null");
        SpecText read;
        try {
            read = new SpecFileReader().read(file);
        } catch (UnreadableSpecException e) {
            throw new UnusableTemplateException(
                    "cannot read template " + shown + ": " + e.reasonWithPlace(), e);
        }
        TemplateSchema derived = TemplateSchema.derive(name, read.text());
        TemplateSchema schema = read.hasBom() ? derived.withByteOrderMark() : derived;
        if (schema.sections().isEmpty() && schema.fields().isEmpty()) {
            throw new UnusableTemplateException(
                    "template "
                            + shown
                            + " defines no sections (headings) and no fields (**Label:** lines)",
                    null);
        }
        String twice = sectionTwice(schema.sections());
        if (twice != null) {
            throw new UnusableTemplateException("template " + shown + " has " + twice, null);
        }
        return schema;
    }

    /**
     * The first required section written twice under the same parent, as a message ({@code the
     * section '## A' twice under 'Title': ...}), or null. An optional one (a placeholder heading
     * such as {@code ### {title of option}} among them) may stand any number of times.
     */
    private static String sectionTwice(List<SectionSpec> sections) {
        Set<String> seen = new HashSet<>();
        for (SectionSpec s : sections) {
            if (!s.optional() && !seen.add(s.parent() + "\u0000" + s.key())) {
                return "the section '"
                        + s.heading()
                        + "' twice"
                        + (s.parent() >= 0
                                ? " under '" + sections.get(s.parent()).title() + "'"
                                : "")
                        + ": a spec can have it neither once (section-missing) nor twice"
                        + " (section-duplicate); rename or remove one";
            }
        }
        return null;
    }
}
