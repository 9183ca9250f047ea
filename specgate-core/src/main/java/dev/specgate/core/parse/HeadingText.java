package dev.specgate.core.parse;

import dev.specgate.core.parse.internal.AnchorSlugs;
import dev.specgate.core.parse.internal.RenderedHeading;

/**
 * A heading's text as a reader sees it once Markdown is rendered, the text that headings are
 * matched on and that anchors are made from: backslash escapes resolved, character references
 * decoded ({@code &amp;}), inline HTML tags and comments dropped ({@code <a name="why"></a>}), code
 * spans kept as their content, links kept as their text, images dropped, and emphasis marks ({@code
 * *}, {@code _}, {@code ~}) dropped where they mark emphasis ({@code snake_case} keeps its
 * underscore). Linear in the heading's length.
 */
public final class HeadingText {

    private HeadingText() {}

    /** The rendered text of a heading's Markdown (a trailing {@code {#id}} attribute kept). */
    public static String rendered(String markdown) {
        return RenderedHeading.rendered(markdown);
    }

    /**
     * The id a trailing heading attribute gives ({@code ## Motivation {#why}} gives {@code why}),
     * or null when the heading has none.
     */
    public static String attributeId(String heading) {
        return RenderedHeading.attributeId(heading);
    }

    /** The heading without a trailing {@code {#id}} attribute. */
    public static String withoutAttribute(String heading) {
        return RenderedHeading.withoutAttribute(heading);
    }

    /** GitHub's fragment id for a heading's Markdown, without the numbering of repeats. */
    public static String slug(String markdown) {
        return AnchorSlugs.slug(markdown);
    }
}
