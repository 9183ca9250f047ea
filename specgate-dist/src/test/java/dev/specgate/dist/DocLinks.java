package dev.specgate.dist;

import dev.specgate.core.model.Link;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The relative links of a set of Markdown documents, checked against the tree they sit in: each
 * must name a file or folder inside {@code root}, and a {@code #fragment} on a Markdown file (or
 * alone, on the document itself) must name one of its headings by GitHub's slug or an HTML id.
 *
 * <p>Links and anchors are read by Specgate's own parser ({@link SpecParser}: links outside code,
 * reference links resolved; {@link SpecDocument#anchors()}: heading slugs numbered as GitHub
 * numbers repeats, and {@code id}/{@code name} attributes), the reading the {@code link-broken} and
 * {@code link-anchor} rules make of a spec. Used on the repository's docs ({@code DocsLinksTest})
 * and on the installed archive's ({@code InstallArchiveIT}).
 */
final class DocLinks {

    /** Folders whose Markdown files are not docs to read: example specs, sources, build output. */
    private static final Set<String> SKIPPED =
            Set.of("directives", "src", "target", "node_modules", ".git");

    /** One link that does not resolve: where it is written, what it names, and why it fails. */
    record Broken(String doc, int line, String target, String why) {
        @Override
        public String toString() {
            return doc + ":" + line + ": " + target + " (" + why + ")";
        }
    }

    /** What the check found: the links it followed, and those that are broken. */
    record Report(int followed, List<Broken> broken) {}

    private final Path root;
    private final Map<Path, SpecDocument> parsed = new HashMap<>();

    private DocLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Checks every relative link of {@code docs} (files under {@code root}). */
    static Report check(Path root, List<Path> docs) {
        DocLinks links = new DocLinks(root);
        int followed = 0;
        List<Broken> broken = new ArrayList<>();
        for (Path doc : docs) {
            Path file = doc.toAbsolutePath().normalize();
            String shown = links.root.relativize(file).toString();
            for (Link link : links.parse(file).links()) {
                if (link.isExternal()) {
                    continue;
                }
                followed++;
                String why = links.whyBroken(file, link.destination());
                if (why != null) {
                    broken.add(
                            new Broken(
                                    shown, link.range().startLine() + 1, link.destination(), why));
                }
            }
        }
        return new Report(followed, broken);
    }

    /**
     * The Markdown documents people read under {@code root}: every {@code *.md} file except those
     * in a folder named {@code directives} (example specs, some with deliberate defects), {@code
     * src} (sources and test fixtures), {@code target}, {@code node_modules} or {@code .git}.
     */
    static List<Path> markdownDocs(Path root) throws IOException {
        Path top = root.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(top)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(Files::isRegularFile)
                    .filter(f -> !inSkippedFolder(top.relativize(f)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean inSkippedFolder(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (SKIPPED.contains(relative.getName(i).toString())) {
                return true;
            }
        }
        return false;
    }

    private String whyBroken(Path doc, String destination) {
        int hash = destination.indexOf('#');
        String path = hash >= 0 ? destination.substring(0, hash) : destination;
        String fragment = hash >= 0 ? decode(destination.substring(hash + 1)) : null;
        Path target = doc;
        if (!path.isEmpty()) {
            target = doc.getParent().resolve(decode(path)).normalize();
            if (!target.startsWith(root)) {
                return "outside " + root.getFileName();
            }
            if (!Files.exists(target)) {
                return "no such file";
            }
        }
        if (fragment == null || fragment.isEmpty()) {
            return null;
        }
        if (Files.isDirectory(target) || !target.getFileName().toString().endsWith(".md")) {
            return null; // a line or a view on GitHub: nothing to check here
        }
        Set<String> anchors = parse(target).anchors();
        if (anchors.contains(fragment) || anchors.contains(fragment.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return "no heading or id '" + fragment + "' in " + root.relativize(target);
    }

    private SpecDocument parse(Path file) {
        return parsed.computeIfAbsent(
                file,
                f -> {
                    try {
                        return new SpecParser().parse(Files.readString(f, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
