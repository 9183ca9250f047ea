package dev.specgate.core.rules;

import dev.specgate.core.model.Section;
import dev.specgate.core.parse.HeadingText;
import dev.specgate.core.schema.SectionSpec;

/**
 * A heading as messages quote it: as a reader sees it once the Markdown is rendered ({@code
 * Motivation} for {@code <a name="why"></a>Motivation}, {@code Risks & Mitigations} for {@code
 * Risks \& Mitigations}), without a trailing {@code {#id}} attribute.
 */
public final class ReadableHeading {

    private ReadableHeading() {}

    /** A spec's heading as a reader sees it. */
    public static String of(Section section) {
        return text(section.title());
    }

    /** A template section's heading as a reader sees it. */
    public static String of(SectionSpec section) {
        return text(section.title());
    }

    /** A template section's heading with its level marks: {@code ## Motivation}. */
    public static String markdown(SectionSpec section) {
        return "#".repeat(section.level()) + " " + of(section);
    }

    /**
     * The rendered text of a heading's Markdown; the Markdown itself when it renders to nothing.
     */
    public static String text(String markdown) {
        String shown = HeadingText.rendered(HeadingText.withoutAttribute(markdown)).strip();
        return shown.isEmpty() ? markdown.strip() : shown;
    }
}
