package dev.specgate.core.schema;

import java.util.Objects;

/**
 * A section the template defines. Immutable and thread-safe; equal when all its values are.
 *
 * <p>A final class rather than a record only so that {@link #repeats()}, read from the heading by a
 * parse, is worked out once and kept.
 */
public final class SectionSpec {

    private final int index;
    private final int level;
    private final String title;
    private final String key;
    private final int parent;
    private final boolean optional;

    /** {@link #repeats()}: 0 until worked out, then 1 (no) or 2 (yes); racy but idempotent. */
    private int repeats;

    /**
     * @param index position among the template's sections, in template order
     * @param level heading level (2 for {@code ##})
     * @param title the heading as the template writes it
     * @param key the normalized heading used for matching ({@link HeadingKey})
     * @param parent index of the enclosing template section, or -1 for a top-level section
     * @param optional whether the template marks it "(if applicable)" or "(if needed)"
     */
    public SectionSpec(
            int index, int level, String title, String key, int parent, boolean optional) {
        this.index = index;
        this.level = level;
        this.title = title;
        this.key = key;
        this.parent = parent;
        this.optional = optional;
    }

    /** Position among the template's sections, in template order. */
    public int index() {
        return index;
    }

    /** Heading level (2 for {@code ##}). */
    public int level() {
        return level;
    }

    /** The heading as the template writes it. */
    public String title() {
        return title;
    }

    /** The normalized heading used for matching ({@link HeadingKey}). */
    public String key() {
        return key;
    }

    /** Index of the enclosing template section, or -1 for a top-level section. */
    public int parent() {
        return parent;
    }

    /** Whether the template marks it "(if applicable)" or "(if needed)". */
    public boolean optional() {
        return optional;
    }

    /**
     * Whether this section stands for any number of headings a spec writes there, none required:
     * its template heading is a placeholder ({@code ### [Option name]}) or holds one beside its
     * words ({@code #### Decision: [Short title]}). Read from the heading on the first ask, then
     * kept.
     */
    public boolean repeats() {
        int r = repeats;
        if (r == 0) {
            r = SchemaDeriver.repeats(this) ? 2 : 1;
            repeats = r;
        }
        return r == 2;
    }

    /** The heading as Markdown, for messages: {@code ### Current State}. */
    public String heading() {
        return "#".repeat(level) + " " + title;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SectionSpec s
                && index == s.index
                && level == s.level
                && Objects.equals(title, s.title)
                && Objects.equals(key, s.key)
                && parent == s.parent
                && optional == s.optional;
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, level, title, key, parent, optional);
    }

    @Override
    public String toString() {
        return "SectionSpec[index="
                + index
                + ", level="
                + level
                + ", title="
                + title
                + ", key="
                + key
                + ", parent="
                + parent
                + ", optional="
                + optional
                + "]";
    }
}
