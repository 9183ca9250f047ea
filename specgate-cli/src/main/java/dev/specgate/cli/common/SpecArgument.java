package dev.specgate.cli.common;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Path;

/**
 * A spec named on the command line, read (through {@link SpecFiles}) and parsed.
 *
 * @param path the file as given
 * @param source its bytes and text
 * @param document its parsed model
 */
public record SpecArgument(Path path, SpecSource source, SpecDocument document) {

    /**
     * Reads {@code path} and parses it as {@code project} does (with its {@code max-file-size}); a
     * missing or unreadable file is a usage error.
     */
    public static SpecArgument load(Path path, SpecProject project) {
        SpecSource source = SpecFiles.read(path, project);
        return new SpecArgument(path, source, project.parse(path, source.text()));
    }

    /** The spec's text, without a byte order mark. */
    public String text() {
        return source.text();
    }
}
