package dev.specgate.core.schema;

/**
 * A section the template defines. Immutable and thread-safe.
 *
 * @param index position among the template's sections, in template order
 * @param level heading level (2 for {@code ##})
 * @param title the heading as the template writes it
 * @param key the normalized heading used for matching ({@link HeadingKey})
 * @param parent index of the enclosing template section, or -1 for a top-level section
 * @param optional whether the template marks it "(if applicable)" or "(if needed)", or it repeats
 * @param repeats whether it stands for any number of headings a spec writes there, none required:
 *     its template heading is a placeholder ({@code ### [Option name]}) or holds one beside its
 *     words ({@code #### Decision: [Short title]}), as the template reads it (a bracket the
 *     template defines as a link reference is a link, not a placeholder); a section that repeats is
 *     optional
 */
public record SectionSpec(
        int index,
        int level,
        String title,
        String key,
        int parent,
        boolean optional,
        boolean repeats) {

    public SectionSpec {
        if (repeats && !optional) {
            throw new IllegalArgumentException(
                    "a section that repeats is optional: " + title + " is not");
        }
    }

    /** The heading as Markdown, for messages: {@code ### Current State}. */
    public String heading() {
        return "#".repeat(level) + " " + title;
    }
}
