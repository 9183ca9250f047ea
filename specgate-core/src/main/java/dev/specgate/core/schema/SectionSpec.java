package dev.specgate.core.schema;

/**
 * A section the template defines.
 *
 * @param index position among the template's sections, in template order
 * @param level heading level (2 for {@code ##})
 * @param title the heading as the template writes it
 * @param key the normalized heading used for matching ({@link HeadingKey})
 * @param parent index of the enclosing template section, or -1 for a top-level section
 * @param optional whether the template marks it "(if applicable)" or "(if needed)"
 */
public record SectionSpec(
        int index, int level, String title, String key, int parent, boolean optional) {

    /** The heading as Markdown, for messages: {@code ### Current State}. */
    public String heading() {
        return "#".repeat(level) + " " + title;
    }
}
