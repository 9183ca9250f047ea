package dev.specgate.core.parse.internal;

import dev.specgate.core.model.HeadingIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids of one parsed document's headings ({@link HeadingIds}), worked out on first use from the
 * headings' texts as {@link DocumentBuilder} reads them: GitHub's slug of each ({@link
 * AnchorSlugs}, repeats numbered in document order), and with a trailing {@code {#id}} attribute
 * also that id (the heading's own) and the slug of the text before it; then the ids of HTML
 * elements. {@link #defines} answers most fragments without a slug of any heading: every heading's
 * slug before numbering is among the ids (a repeat's was taken by an earlier heading), so a
 * fragment that is one of them is defined, and one that is none of them, no attribute's or HTML
 * element's, and not numbered ({@code -1}) is not; and a heading whose slug starts with another
 * char than the fragment is told from its first chars.
 */
final class HeadingSlugs extends HeadingIds {

    /** The Markdown text of each heading given a slug (sections and nested headings), in order. */
    private final String[] texts;

    /** Which of {@link #texts} hold no inline syntax (and so no attribute). */
    private final BitSet plain;

    /** The position in {@link #texts} of each section's heading, by the section's index. */
    private final int[] sectionHeadings;

    /** The ids of HTML elements ({@code <a id="x">}). */
    private final List<String> htmlIds;

    /** Whether any heading may have an attribute: then {@link #defines} works the ids out. */
    private final boolean attributes;

    /** {@link #starts()}, once read. */
    private volatile int[] starts;

    private HeadingSlugs(Builder b) {
        this.texts = b.texts.toArray(new String[0]);
        this.plain = (BitSet) b.plain.clone();
        this.sectionHeadings = Arrays.copyOf(b.sectionHeadings, b.sections);
        this.htmlIds = List.copyOf(b.htmlIds);
        this.attributes = b.attributes;
    }

    /** Collects a document's headings and HTML ids as the parse reads them, in order. */
    static final class Builder {
        private final List<String> texts = new ArrayList<>();
        private final BitSet plain = new BitSet();
        private int[] sectionHeadings = new int[16];
        private int sections;
        private final List<String> htmlIds = new ArrayList<>(0);
        private boolean attributes;

        /** Adds a heading's Markdown text; {@code plain}: it holds no inline syntax. */
        void heading(String text, boolean plain) {
            if (plain) {
                this.plain.set(texts.size());
            } else if (text.indexOf('{') >= 0) {
                attributes = true; // a {#id} needs a '{'
            }
            texts.add(text);
        }

        /** Adds a heading as {@link #heading} does, as the heading of the next section. */
        void section(String text, boolean plain) {
            if (sections == sectionHeadings.length) {
                sectionHeadings = Arrays.copyOf(sectionHeadings, 2 * sections);
            }
            sectionHeadings[sections++] = texts.size();
            heading(text, plain);
        }

        /** Adds the id of an HTML element. */
        void htmlId(String id) {
            htmlIds.add(id);
        }

        HeadingSlugs build() {
            return new HeadingSlugs(this);
        }
    }

    @Override
    protected Ids work() {
        AnchorSlugs slugs = new AnchorSlugs();
        Set<String> all = new HashSet<>(2 * texts.length + htmlIds.size());
        String[] own = new String[texts.length];
        for (int i = 0; i < own.length; i++) {
            String text = texts[i];
            String github = slugs.next(text);
            all.add(github);
            String id = plain.get(i) ? null : RenderedHeading.attributeId(text);
            if (id == null) {
                own[i] = github;
            } else {
                all.add(AnchorSlugs.slug(RenderedHeading.withoutAttribute(text)));
                all.add(id);
                own[i] = id;
            }
        }
        all.addAll(htmlIds);
        List<String> bySection = new ArrayList<>(sectionHeadings.length);
        for (int s = 0; s < sectionHeadings.length; s++) {
            bySection.add(own[sectionHeadings[s]]);
        }
        return new Ids(bySection, all);
    }

    /** Whether the slugs are worked out already (for tests). */
    boolean workedOut() {
        return worked();
    }

    @Override
    public boolean defines(String id) {
        if (worked() || attributes) {
            return super.defines(id);
        }
        if (htmlIds.contains(id)) {
            return true;
        }
        int first = id.isEmpty() ? 0 : id.charAt(0);
        int[] starts = starts();
        for (int i = 0; i < texts.length; i++) {
            // most headings' slugs start otherwise, told from their first chars
            if ((starts[i] < 0 || starts[i] == first) && AnchorSlugs.slugIs(texts[i], id)) {
                return true;
            }
        }
        // a repeat's numbered slug, or none
        return numbered(id) && super.defines(id);
    }

    /** {@link AnchorSlugs#firstSlugChar} of each heading, read once per document. */
    private int[] starts() {
        int[] known = starts;
        if (known == null) {
            known = new int[texts.length];
            for (int i = 0; i < texts.length; i++) {
                known[i] = AnchorSlugs.firstSlugChar(texts[i]);
            }
            starts = known; // a race reads them twice, the same
        }
        return known;
    }

    /** Whether {@code id} ends as a numbered repeat's slug does: {@code -} and digits. */
    private static boolean numbered(String id) {
        int i = id.length();
        while (i > 0 && id.charAt(i - 1) >= '0' && id.charAt(i - 1) <= '9') {
            i--;
        }
        return i < id.length() && i > 0 && id.charAt(i - 1) == '-';
    }
}
