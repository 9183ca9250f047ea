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

    /**
     * Whether this section stands for any number of headings a spec writes there, none required:
     * its template heading is a placeholder ({@code ### [Option name]}) or holds one beside its
     * words ({@code #### Decision: [Short title]}). Read from the heading on each call.
     */
    public boolean repeats() {
        return SchemaDeriver.repeats(this);
    }

    /** The heading as Markdown, for messages: {@code ### Current State}. */
    public String heading() {
        return "#".repeat(level) + " " + title;
    }
}
