package dev.specgate.core.authoring;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A spec made from the template, not yet written.
 *
 * @param relativePath where it goes under the project root: {@code directives/spec/<file name>}
 * @param markdown its text
 */
public record NewSpec(Path relativePath, String markdown) {

    public NewSpec {
        requireNonNull(relativePath, "relativePath must not be null");
        requireNonNull(markdown, "markdown must not be null");
    }
}
