package dev.specgate.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The site's stylesheet and script, bundled as class-path resources. */
public final class Assets {

    /** The folder of the site that holds them. */
    public static final String FOLDER = "assets";

    /** Every asset's file name. */
    public static final List<String> NAMES = List.of("specgate.css", "specgate.js");

    private static final String RESOURCE_DIR = "/dev/specgate/web/assets/";

    private Assets() {}

    /** The bytes of an asset, or empty when {@code name} is not one. */
    public static Optional<byte[]> bytes(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = Assets.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled asset " + name + " is missing");
            }
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled asset " + name, e);
        }
    }

    /** The media type of an asset. */
    public static String contentType(String name) {
        return name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    }

    /** Writes every asset into {@code dir}. */
    public static void copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : NAMES) {
            Files.write(dir.resolve(name), bytes(name).orElseThrow());
        }
    }
}
