package dev.specgate.lsp;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A spec as the editor holds it: its text at one version.
 *
 * @param uri the document's URI as the client names it
 * @param version the client's version of the text
 * @param text the whole text
 */
public record OpenSpec(String uri, int version, String text) {

    public OpenSpec {
        requireNonNull(uri, "uri must not be null");
        requireNonNull(text, "text must not be null");
    }

    /** The file the document is, or empty when it is not a {@code file:} URI. */
    public Optional<Path> file() {
        return file(uri);
    }

    /** The file a {@code file:} URI names. */
    static Optional<Path> file(String uri) {
        try {
            URI u = URI.create(uri);
            if (!"file".equalsIgnoreCase(u.getScheme())) {
                return Optional.empty();
            }
            return Optional.of(Path.of(u).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }
}
