package dev.specgate.core.parse;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The fragment ids of a document's headings, exactly as the parser counts them when it collects
 * {@link SpecDocument#anchors()}: GitHub-style slugs, repeats numbered {@code -1}, {@code -2}.
 * Renderers use this so that the ids they write are the ones the link rules accept.
 */
public final class HeadingAnchors {

    private HeadingAnchors() {}

    /** One id per section of {@code document}, in the order of {@link SpecDocument#sections()}. */
    public static List<String> of(SpecDocument document) {
        requireNonNull(document, "document must not be null");
        List<String> ids = new ArrayList<>(document.sections().size());
        for (Section s : document.sections()) {
            ids.add(s.anchor());
        }
        return List.copyOf(ids);
    }
}
