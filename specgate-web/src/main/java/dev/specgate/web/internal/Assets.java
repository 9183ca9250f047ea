package dev.specgate.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The site's stylesheet, script and icon, bundled as class-path resources. The icon is linked from
 * every page so that a browser does not ask the server for {@code /favicon.ico}, which no site has
 * (a 404 in the console of every page served).
 */
public final class Assets {

    /** The folder of the site that holds them. */
    public static final String FOLDER = "assets";

    /** Every asset's file name. */
    public static final List<String> NAMES = List.of("specgate.css", "specgate.js", "favicon.svg");

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
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return name.endsWith(".svg") ? "image/svg+xml" : "text/javascript; charset=utf-8";
    }

    /** Writes every asset into {@code dir}. */
    public static void copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : NAMES) {
            Files.write(dir.resolve(name), bytes(name).orElseThrow());
        }
    }
}
