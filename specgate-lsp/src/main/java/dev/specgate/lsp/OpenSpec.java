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

    /**
     * The file a {@code file:} URI names, or empty when it is not a {@code file:} URI or names no
     * local path. Both spellings clients send name the same file: percent-encoded ({@code
     * file:///tmp/d%C3%A9mo/a%20b.md}) and raw, with non-ASCII characters, spaces or {@code #} left
     * as they are ({@code file:///tmp/démo/a b.md}), which {@link Path#of(URI)} refuses.
     */
    static Optional<Path> file(String uri) {
        if (!isFileUri(uri)) {
            return Optional.empty();
        }
        try {
            URI u = URI.create(uri);
            if (u.getRawFragment() == null && u.getRawQuery() == null) {
                return Optional.of(Path.of(u).toAbsolutePath().normalize());
            }
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // not a strict URI: read it as clients that do not encode write it, below
        }
        return lenient(uri);
    }

    /** Whether the URI's scheme is {@code file}. */
    static boolean isFileUri(String uri) {
        return uri.regionMatches(true, 0, "file:", 0, 5);
    }

    /**
     * A {@code file:} URI with no path at all, {@code file://} or {@code file:}: what Neovim (0.7
     * to 0.9) sends for a buffer that has no name yet, an editor's untitled buffer rather than a
     * file that cannot be named.
     */
    static boolean isUnnamed(String uri) {
        return uri.equalsIgnoreCase("file://") || uri.equalsIgnoreCase("file:");
    }

    /**
     * A {@code file:} URI as written without encoding: {@code file://[localhost]/path} or {@code
     * file:/path}, {@code %XX} escapes decoded as UTF-8 and every other character taken as it is.
     */
    private static Optional<Path> lenient(String uri) {
        String rest = uri.substring(5);
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            if (slash < 0) {
                return Optional.empty();
            }
            String host = rest.substring(2, slash);
            if (!host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
                return Optional.empty();
            }
            rest = rest.substring(slash);
        }
        if (!rest.startsWith("/")) {
            return Optional.empty();
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < rest.length(); ) {
            char c = rest.charAt(i);
            if (c == '%'
                    && i + 2 < rest.length()
                    && hex(rest.charAt(i + 1)) >= 0
                    && hex(rest.charAt(i + 2)) >= 0) {
                bytes.write(hex(rest.charAt(i + 1)) * 16 + hex(rest.charAt(i + 2)));
                i += 3;
            } else {
                int cp = rest.codePointAt(i);
                byte[] b =
                        new String(Character.toChars(cp))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        String path = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        if (path.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            if (java.io.File.separatorChar == '\\' && path.matches("/[A-Za-z]:.*")) {
                path = path.substring(1);
            }
            return Optional.of(Path.of(path).toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /**
     * The key under which the document is kept: the file's canonical URI, so that both spellings of
     * one file are one document; the URI itself when it names no file.
     */
    static String key(String uri) {
        return file(uri).map(p -> p.toUri().toString()).orElse(uri);
    }
}
