package dev.specgate.cli.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.core.model.PlaceholderStyle;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.SectionOptions;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.report.DisplayWidth;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How {@code template show} prints a schema; each constant writes its format. */
public enum SchemaFormat {
    /** An outline for people. */
    TEXT {
        @Override
        public void write(TemplateSchema schema, String source, PrintWriter out) {
            // the path once when the template's name is its path
            out.println(
                    "Template: "
                            + schema.name()
                            + (source.equals(schema.name()) ? "" : " (" + source + ")"));
            out.println("Title: " + schema.title().orElse("(none)"));
            out.println("Metadata: " + form(schema));
            List<String> statuses = schema.statuses();
            if (!statuses.isEmpty()) {
                out.println(
                        "Status field: "
                                + schema.statusField()
                                + " (while it is "
                                + String.join(" or ", schema.draftStatuses())
                                + ", leftover placeholders and empty sections are warnings;"
                                + " after that, errors)");
                if (!schema.lifecycle().order().isEmpty()) {
                    out.println("Statuses (lifecycle.order): " + String.join(", ", statuses));
                }
            }
            out.println("Placeholder styles: " + styles(schema));
            out.println();
            out.println("Sections (" + schema.sections().size() + "), in this order:");
            int width =
                    schema.sections().stream()
                            .mapToInt(s -> DisplayWidth.of(indent(s) + s.heading()))
                            .max()
                            .orElse(0);
            for (SectionSpec s : schema.sections()) {
                String line = indent(s) + s.heading();
                String notes = notes(schema, s);
                out.println(
                        "  "
                                + (notes.isEmpty()
                                        ? line
                                        : DisplayWidth.padRight(line, width) + "  " + notes));
            }
            out.println();
            out.println("Fields (" + schema.fields().size() + "):");
            int labelWidth =
                    schema.fields().stream()
                            .mapToInt(f -> DisplayWidth.of(f.markdown()))
                            .max()
                            .orElse(0);
            for (FieldSpec f : schema.fields()) {
                out.println(
                        "  "
                                + DisplayWidth.padRight(f.markdown(), labelWidth)
                                + "  "
                                + describe(schema, f)
                                + (f.optional() ? "  optional" : "")
                                + (f.inHeader() ? "" : "  (after the body)"));
            }
            out.println();
            List<String> placeholders = placeholders(schema);
            List<String> configured = schema.extraPlaceholdersAsWritten();
            out.println(
                    "Placeholders ("
                            + (placeholders.size() + configured.size())
                            + ") that must not be left in a spec:");
            for (String p : placeholders) {
                out.println("  " + p);
            }
            for (String p : configured) {
                out.println(
                        "  "
                                + p
                                + "  ("
                                + TemplateSchema.EXTRA_PLACEHOLDERS_ORIGIN
                                + (p.length() > 2 && p.startsWith("/") && p.endsWith("/")
                                        ? ": a regular expression"
                                        : "")
                                + ")");
            }
        }
    },
    /** One JSON document, for tools. */
    JSON {
        @Override
        public void write(TemplateSchema schema, String source, PrintWriter out) {
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("name", schema.name());
                g.writeStringField("source", source);
                g.writeStringField("title", schema.title().orElse(null));
                // null when the template has no lifecycle, as the text view shows no status field
                g.writeStringField(
                        "statusField", schema.statuses().isEmpty() ? null : schema.statusField());
                g.writeArrayFieldStart("statuses");
                for (String s : schema.statuses()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("draftStatuses");
                for (String s : schema.draftStatuses()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeStringField("metadataForm", schema.metadataForm().label());
                g.writeStringField("sidecar", schema.sidecar().orElse(null));
                g.writeArrayFieldStart("placeholderStyles");
                for (PlaceholderStyle s : schema.placeholderStyles()) {
                    g.writeString(s.example());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("sections");
                for (SectionSpec s : schema.sections()) {
                    g.writeStartObject();
                    g.writeNumberField("level", s.level());
                    g.writeStringField("title", s.title());
                    g.writeStringField("heading", s.heading());
                    if (s.parent() >= 0) {
                        g.writeStringField("parent", schema.sections().get(s.parent()).title());
                    } else {
                        g.writeNullField("parent");
                    }
                    g.writeBooleanField("optional", s.optional());
                    g.writeBooleanField("repeats", s.repeats());
                    Optional<SectionOptions> options = schema.options(s);
                    g.writeArrayFieldStart("aliases");
                    for (String a : options.map(SectionOptions::aliases).orElse(List.of())) {
                        g.writeString(a);
                    }
                    g.writeEndArray();
                    g.writeStringField(
                            "requiredFrom",
                            options.flatMap(SectionOptions::requiredFrom).orElse(null));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("fields");
                for (FieldSpec f : schema.fields()) {
                    g.writeStartObject();
                    g.writeStringField("label", f.label());
                    g.writeStringField("kind", f.kind().name().toLowerCase(Locale.ROOT));
                    g.writeArrayFieldStart("allowedValues");
                    for (String v : f.allowedValues()) {
                        g.writeString(v);
                    }
                    g.writeEndArray();
                    g.writeStringField("templateValue", f.templateValue());
                    g.writeStringField("position", f.inHeader() ? "header" : "footer");
                    g.writeStringField("form", f.form().label());
                    g.writeBooleanField("optional", f.optional());
                    g.writeBooleanField("openChoice", f.open());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("placeholders");
                for (String p : placeholders(schema)) {
                    g.writeString(p);
                }
                g.writeEndArray();
                // what .specgate.yml's placeholders: adds, as written there
                g.writeArrayFieldStart("configuredPlaceholders");
                for (String p : schema.extraPlaceholdersAsWritten()) {
                    g.writeString(p);
                }
                g.writeEndArray();
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the JSON schema", e);
            }
            out.println();
        }
    };

    /** Writes the schema of the template found at {@code source}. */
    public abstract void write(TemplateSchema schema, String source, PrintWriter out);

    /** The lowercase name shown in help and error messages. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static List<String> placeholders(TemplateSchema schema) {
        return schema.enforcedPlaceholders().stream().sorted().toList();
    }

    private static String styles(TemplateSchema schema) {
        return schema.placeholderStyles().stream()
                .map(PlaceholderStyle::example)
                .collect(Collectors.joining(", "));
    }

    private static String indent(SectionSpec s) {
        return "  ".repeat(Math.max(0, s.level() - 2));
    }

    /**
     * What the text view says after a section: optional (any number, for a heading that repeats),
     * aliases, required from a status.
     */
    private static String notes(TemplateSchema schema, SectionSpec s) {
        List<String> notes = new java.util.ArrayList<>();
        if (s.repeats()) {
            notes.add("any number, none required");
        } else if (s.optional()) {
            notes.add("optional");
        }
        Optional<SectionOptions> options = schema.options(s);
        options.filter(o -> !o.aliases().isEmpty())
                .ifPresent(o -> notes.add("also: " + String.join(", ", o.aliases())));
        options.flatMap(SectionOptions::requiredFrom)
                .ifPresent(status -> notes.add("required from " + status));
        return String.join("; ", notes);
    }

    private static String form(TemplateSchema schema) {
        return switch (schema.metadataForm()) {
            case BOLD_LINE -> "bold-label lines (**Label:** value)";
            case LIST_ITEM -> "a leading list (- Label: value)";
            case FRONT_MATTER -> "YAML front matter (label: value)";
            case SIDECAR ->
                    schema.sidecar().orElse("a metadata file") + " beside each spec (label: value)";
        };
    }

    private static String describe(TemplateSchema schema, FieldSpec f) {
        return switch (f.kind()) {
            case CHOICE ->
                    (TemplateSchema.listsChoices(f) ? "one or more of: " : "one of: ")
                            + String.join(", ", f.allowedValues())
                            + (f.open() ? ", or another value" : "");
            case DATE -> "a date, YYYY-MM-DD";
            case FILE -> "the spec's own file name (template: " + f.templateValue() + ")";
            case TEXT -> "text";
        };
    }
}
