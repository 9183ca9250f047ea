package dev.specgate.cli;

import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A spec named on the command line, read and parsed; a missing or unreadable file is a usage error
 * naming the file.
 *
 * @param path the file as given
 * @param text its text
 * @param document its parsed model
 */
public record SpecArgument(Path path, SpecText text, SpecDocument document) {

    /** Reads and parses {@code path}. */
    public static SpecArgument load(Path path) {
        if (!Files.exists(path)) {
            throw SpecgateException.usage(path + ": no such file");
        }
        try {
            SpecText text = new SpecFileReader().read(path);
            return new SpecArgument(path, text, new SpecParser().parse(text.text()));
        } catch (UnreadableSpecException e) {
            throw SpecgateException.usage(path + ": " + e.getMessage());
        }
    }

    /** The spec's title without a "Technical Specification:" style prefix, or the file name. */
    public String title() {
        return document.title()
                .map(s -> s.title())
                .map(t -> t.contains(":") ? t.substring(t.indexOf(':') + 1).strip() : t)
                .filter(t -> !t.isEmpty())
                .orElse(path.getFileName().toString());
    }
}
