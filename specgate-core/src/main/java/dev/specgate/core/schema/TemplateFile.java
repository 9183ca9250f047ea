package dev.specgate.core.schema;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.input.UnreadableSpecException;
import java.nio.file.Path;

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
     *     nothing
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
        return schema;
    }
}
