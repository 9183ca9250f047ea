package dev.specgate.lsp;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.registry.RuleRegistry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The links of a spec that point at files or headings, each with where its destination stands in
 * the text (to rename an anchor in place) and what it points to.
 *
 * @param link the link as the parser found it
 * @param start the offset of the destination in the source, or -1 when the destination is not
 *     written inside the link (a reference link)
 * @param path the destination before {@code #}, percent-decoded; empty for {@code #anchor}
 * @param fragment the destination after {@code #}, or null when there is none
 */
record SpecLinks(Link link, int start, String path, String fragment) {

    /** The offset just past the destination, or -1. */
    int end() {
        return start < 0 ? -1 : start + link.destination().length();
    }

    /** The offset where the fragment starts (after {@code #}), or -1. */
    int fragmentStart() {
        return start < 0 || fragment == null ? -1 : start + link.destination().indexOf('#') + 1;
    }

    /**
     * The file the link points to, resolved as {@code link-broken} resolves it (from the spec's
     * folder, {@code /...} from the project root, without {@code ?query}); the spec itself for
     * {@code #anchor}; empty for a path no file can have.
     */
    Optional<Path> target(Path spec) {
        if (path.isEmpty()) {
            return Optional.of(spec);
        }
        Path folder = spec.toAbsolutePath().getParent();
        return folder == null
                ? Optional.empty()
                : RuleRegistry.linkTarget(folder, link.destination());
    }

    /** Every link of {@code doc} that is not external (no scheme), in document order. */
    static List<SpecLinks> of(SpecSource source, SpecDocument doc) {
        List<SpecLinks> out = new ArrayList<>();
        for (Link l : doc.links()) {
            if (l.isExternal() || l.destination().isEmpty()) {
                continue;
            }
            int start = -1;
            try {
                String written = source.slice(l.range());
                int open = written.lastIndexOf("](");
                int at = open < 0 ? -1 : written.indexOf(l.destination(), open + 2);
                if (at >= 0) {
                    start = source.startOffset(l.range()) + at;
                }
            } catch (IllegalArgumentException e) {
                // a range outside this text: the link is not renamed in place
            }
            String dest = l.destination();
            int hash = dest.indexOf('#');
            String path = hash < 0 ? dest : dest.substring(0, hash);
            String fragment = hash < 0 ? null : dest.substring(hash + 1);
            out.add(new SpecLinks(l, start, decode(path), fragment));
        }
        return out;
    }

    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }
}
