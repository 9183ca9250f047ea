package dev.specgate.core.discovery;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Where a relative link in a spec or task list leads. */
public final class LinkTarget {

    /** What a URI's path holds as written besides letters and digits (RFC 3986's pchar, and /). */
    private static final String URI_PATH_CHARS = "-._~!$&'()*+,;=:@/";

    private static final String HEX = "0123456789ABCDEF";

    private LinkTarget() {}

    /**
     * The file a relative link in a file in {@code specDir} names, if it can be resolved: without
     * its {@code #fragment} or {@code ?query}, percent-decoded, from {@code specDir}, or from the
     * project root (the folder holding {@code directives/}) when it starts with {@code /}. The one
     * reading of link targets: {@code link-broken}, the incremental cache's link dependencies, the
     * language server and task lists' Spec links all use it.
     */
    public static Optional<Path> of(Path specDir, String destination) {
        Optional<String> read = path(destination);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        String path = read.get();
        try {
            if (path.startsWith("/")) {
                Path root = projectRoot(specDir);
                return root == null
                        ? Optional.empty()
                        : Optional.of(root.resolve(path.substring(1)).normalize());
            }
            return Optional.of(specDir.resolve(path).normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * The path a link destination (as the parsed document holds it: without {@code <>}, title or
     * escapes) names: without its {@code #fragment} or {@code ?query}, percent-decoded; empty when
     * nothing is left ({@code #anchor}). The reading {@link #of} resolves.
     */
    public static Optional<String> path(String destination) {
        String path = destination.substring(0, pathLength(destination));
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(percentDecoded(path));
    }

    /**
     * {@code path} percent-decoded as UTF-8 ({@code %20} a space; a {@code +} stays a {@code +}),
     * or as written when it is not percent-encoded after all (a {@code %} without two hex digits
     * after it). The one decoding of a path written as a URI's: link destinations, and the MCP
     * server's {@code specgate://spec/} resources. It reads back whatever {@link #percentEncoded}
     * writes.
     */
    public static String percentDecoded(String path) {
        if (path.indexOf('%') < 0) {
            return path; // nothing to decode: most paths, as their writers typed them
        }
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path; // not percent-encoded after all: use it as written
        }
    }

    /**
     * {@code path} (relative, with {@code /}) written as a URI's path: percent-encoded as UTF-8 but
     * for RFC 3986's path characters (letters, digits, {@code -._~!$&'()*+,;=:@} and {@code /}), so
     * that {@link #percentDecoded} reads it back as written: {@code 100%41.md} is written {@code
     * 100%2541.md}, a space {@code %20}, {@code ü} {@code %C3%BC}, {@code #} and {@code ?} (which
     * would end the path) {@code %23} and {@code %3F}. Most paths hold none of the others and are
     * written as they are. The one encoding: the MCP server lists its {@code specgate://spec/}
     * resources so. (A lone surrogate, which no name read from disk holds, is written as {@code
     * String.getBytes} writes it: {@code %3F}.)
     */
    public static String percentEncoded(String path) {
        byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(utf8.length + 16);
        for (byte b : utf8) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || URI_PATH_CHARS.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }

    /**
     * The length of the path in a link destination, or in a path written as one (a File field's
     * value): up to its first {@code #} ({@code #fragment}) or {@code ?} ({@code ?query}), the
     * whole text when it has neither. The one place either is looked for: {@link #path} reads the
     * path before it, and {@code check --fix} rewrites that path and keeps what follows.
     */
    public static int pathLength(String destination) {
        for (int i = 0; i < destination.length(); i++) {
            char c = destination.charAt(i);
            if (c == '#' || c == '?') {
                return i;
            }
        }
        return destination.length();
    }

    private static Path projectRoot(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("directives")) {
                return p.getParent();
            }
        }
        return null;
    }
}
