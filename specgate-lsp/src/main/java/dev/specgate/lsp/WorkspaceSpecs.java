package dev.specgate.lsp;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.HeadingAnchors;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.WorkspaceFolder;

/**
 * The specs of the workspace for navigation across files: every spec {@code check FOLDER} finds in
 * each workspace folder, and every open spec, each read as the editor holds it when it is open and
 * from disk otherwise.
 */
final class WorkspaceSpecs {

    /**
     * One spec as navigation reads it.
     *
     * @param uri the document's URI (the editor's when it is open)
     * @param file the file
     * @param project its project; null when its configuration cannot be used
     * @param source its text
     * @param doc its parsed document
     * @param adapter positions in {@code source}
     * @param anchors the id of each heading, in the order of {@code doc.sections()}
     * @param links its links to files and headings
     */
    record SpecView(
            String uri,
            Path file,
            SpecProject project,
            SpecSource source,
            SpecDocument doc,
            LspAdapter adapter,
            List<String> anchors,
            List<SpecLinks> links) {

        static SpecView of(
                String uri, Path file, SpecProject project, SpecSource source, SpecDocument doc) {
            return new SpecView(
                    uri,
                    file,
                    project,
                    source,
                    doc,
                    new LspAdapter(source),
                    HeadingAnchors.of(doc),
                    SpecLinks.of(source, doc));
        }

        /**
         * The index of the heading a link's fragment names, or -1: matched as {@code link-anchor}
         * matches it (as written, percent-decoded, or in lower case).
         */
        int heading(String fragment) {
            int i = anchors.indexOf(fragment);
            if (i >= 0) {
                return i;
            }
            String decoded = fragment;
            try {
                decoded = URLDecoder.decode(fragment, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // use it as written
            }
            i = anchors.indexOf(decoded);
            return i >= 0 ? i : anchors.indexOf(decoded.toLowerCase(Locale.ROOT));
        }
    }

    private final SpecgateLanguageServer server;
    private final SpecChecks checks;

    WorkspaceSpecs(SpecgateLanguageServer server, SpecChecks checks) {
        this.server = server;
        this.checks = checks;
    }

    /** Every spec of the workspace folders, then every open spec not among them. */
    List<Path> files() {
        Set<Path> files = new LinkedHashSet<>();
        for (WorkspaceFolder f : server.folders()) {
            Optional<Path> root = OpenSpec.file(f.getUri());
            if (root.isEmpty()) {
                continue;
            }
            try {
                SpecProject project = SpecProject.open(root.get(), ConfigChoice.nearest());
                for (Path p : project.findAny(List.of(root.get())).specs()) {
                    files.add(p.toAbsolutePath().normalize());
                }
            } catch (ConfigException e) {
                // its open specs show the configuration error; navigation skips the folder
            }
        }
        for (OpenSpec s : checks.all()) {
            s.file().ifPresent(files::add);
        }
        return new ArrayList<>(files);
    }

    /**
     * The spec at {@code file}: the editor's text when it is open, else the file's; with no project
     * when its configuration cannot be used.
     */
    Optional<SpecView> view(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        for (OpenSpec s : checks.all()) {
            if (s.file().filter(normal::equals).isPresent()) {
                return view(s.uri());
            }
        }
        SpecProject project;
        try {
            project = checks.projects().of(normal);
        } catch (ConfigException e) {
            project = null; // read and parsed without it, for links and anchors
        }
        try {
            SpecProject parsing = project != null ? project : SpecInspection.unconfigured();
            SpecSource source = parsing.read(normal);
            return Optional.of(
                    SpecView.of(
                            normal.toUri().toString(),
                            normal,
                            project,
                            source,
                            parsing.parse(source.text())));
        } catch (UnreadableSpecException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The open spec named {@code uri}, as last checked. */
    Optional<SpecView> view(String uri) {
        return checks.current(uri).flatMap(WorkspaceSpecs::view);
    }

    /**
     * A check of an open spec as navigation reads it; for a spec whose configuration cannot be
     * used, its text parsed without one, with no project (so no search of the workspace: no
     * references, no rename).
     */
    static Optional<SpecView> view(SpecInspection i) {
        Optional<SpecDocument> doc = i.document();
        if (doc.isEmpty() || i.spec().file().isEmpty()) {
            return Optional.empty();
        }
        SpecSource source = i.adapter().source();
        return Optional.of(
                new SpecView(
                        i.spec().uri(),
                        i.spec().file().get(),
                        i.parsed() ? i.project() : null,
                        source,
                        doc.get(),
                        i.adapter(),
                        HeadingAnchors.of(doc.get()),
                        SpecLinks.of(source, doc.get())));
    }
}
