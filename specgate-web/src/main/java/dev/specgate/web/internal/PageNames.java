package dev.specgate.web.internal;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The page of each spec: {@code specs/<slug>.html}, where the slug is the spec's path under its
 * {@code directives/spec/} folder with {@code /} as {@code --} and any character other than
 * letters, digits, {@code .}, {@code _} and {@code -} as {@code -}. Slugs that would clash
 * (ignoring case, for case-insensitive file systems) get a short hash of the path. A slug depends
 * only on the paths, never on the order of the files.
 */
public final class PageNames {

    /** The folder of the site that holds the spec pages. */
    public static final String SPEC_FOLDER = "specs";

    private final Path root;
    private final Map<Path, String> slugs;
    private final Map<String, Path> bySlug;
    // per folder, the slug of each spec by its file name: a link to a sibling without a Path
    private final Map<Path, Map<String, String>> byFolder;

    private PageNames(Path root, Map<Path, String> slugs) {
        this.root = root;
        this.slugs = Map.copyOf(slugs);
        Map<String, Path> reverse = new HashMap<>();
        Map<Path, Map<String, String>> folders = new HashMap<>();
        slugs.forEach(
                (path, slug) -> {
                    reverse.put(slug, path);
                    if (path.getParent() != null && path.getFileName() != null) {
                        folders.computeIfAbsent(path.getParent(), k -> new HashMap<>())
                                .put(path.getFileName().toString(), slug);
                    }
                });
        this.bySlug = Map.copyOf(reverse);
        this.byFolder = folders;
    }

    /** Names the pages of {@code files}, which live under {@code root}. */
    public static PageNames of(Path root, List<Path> files) {
        requireNonNull(root, "root must not be null");
        requireNonNull(files, "files must not be null");
        Path absRoot = root.toAbsolutePath().normalize();
        Map<Path, String> base = new HashMap<>();
        Map<String, Integer> clashes = new HashMap<>();
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            String slug = slug(relative(absRoot, abs));
            base.put(abs, slug);
            clashes.merge(slug.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        Map<Path, String> slugs = new HashMap<>();
        base.forEach(
                (path, slug) -> {
                    boolean clash = clashes.get(slug.toLowerCase(Locale.ROOT)) > 1;
                    slugs.put(path, clash ? slug + "-" + hash(relative(absRoot, path)) : slug);
                });
        return new PageNames(absRoot, slugs);
    }

    /** The project root the names are relative to. */
    public Path root() {
        return root;
    }

    /** The page of a spec, relative to the site root: {@code specs/<slug>.html}. */
    public String page(Path file) {
        return SPEC_FOLDER + "/" + slug(file) + ".html";
    }

    /** The slug of a named spec. */
    public String slug(Path file) {
        String slug = slugs.get(file.toAbsolutePath().normalize());
        if (slug == null) {
            throw new IllegalArgumentException("not a spec of this site: " + file);
        }
        return slug;
    }

    /** The spec whose page has this slug. */
    public Optional<Path> spec(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** Whether {@code file} is one of the named specs. */
    public boolean contains(Path file) {
        return slugs.containsKey(file.toAbsolutePath().normalize());
    }

    /** The path of {@code file} relative to the root, with {@code /} separators. */
    public String relative(Path file) {
        return relative(root, file.toAbsolutePath().normalize());
    }

    /**
     * Resolves the relative links of {@code file}'s page (which lives beside the other spec pages):
     * a link to another spec goes to its page, keeping the fragment.
     */
    public LinkResolver linksFrom(Path file) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        Map<String, String> siblings = dir == null ? null : byFolder.get(dir);
        return destination -> {
            Destination d = Destination.of(destination);
            String path = d.path();
            if (dir != null && isSiblingName(path)) {
                // what the Path below finds for it: the spec of that name in the same folder
                String slug = siblings == null ? null : siblings.get(path);
                return slug == null ? Optional.empty() : Optional.of(slug + ".html" + d.fragment());
            }
            return resolve(dir, destination);
        };
    }

    /**
     * A link destination's path, without its query, and its fragment ({@code #...}, kept for the
     * page link).
     */
    private record Destination(String path, String fragment) {
        static Destination of(String destination) {
            int hash = destination.indexOf('#');
            String path = hash >= 0 ? destination.substring(0, hash) : destination;
            String fragment = hash >= 0 ? destination.substring(hash) : "";
            int query = path.indexOf('?');
            return new Destination(query >= 0 ? path.substring(0, query) : path, fragment);
        }
    }

    /**
     * Whether {@code path} names a file of the linking spec's own folder as it is written: one name
     * of printable ASCII, not {@code .} or {@code ..}, with nothing {@code URLDecoder} would change
     * ({@code %}, {@code +}) and no separator. Such a name resolves to the folder's file of that
     * name, whose path compares as the name does.
     */
    static boolean isSiblingName(String path) {
        int n = path.length();
        if (n == 0 || path.equals(".") || path.equals("..")) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '/' || c == '\\' || c == '%' || c == '+') {
                return false;
            }
        }
        return true;
    }

    /** {@link #linksFrom}'s resolution through a {@link Path}, for any destination. */
    Optional<String> resolve(Path dir, String destination) {
        Destination d = Destination.of(destination);
        String path = d.path();
        String fragment = d.fragment();
        if (path.isEmpty() || dir == null) {
            return Optional.empty();
        }
        try {
            String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            Path target = dir.resolve(decoded).normalize();
            String slug = slugs.get(target);
            return slug == null ? Optional.empty() : Optional.of(slug + ".html" + fragment);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String relative(Path root, Path abs) {
        Path rel = abs.startsWith(root) ? root.relativize(abs) : abs.getFileName();
        return rel.toString().replace('\\', '/');
    }

    static String slug(String relativePath) {
        String p = relativePath;
        String lower = p.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md")) {
            p = p.substring(0, p.length() - 3);
        } else if (lower.endsWith(".markdown")) {
            p = p.substring(0, p.length() - ".markdown".length());
        }
        String marker = "directives/spec/";
        int at = p.startsWith(marker) ? 0 : p.indexOf("/" + marker);
        if (at == 0) {
            p = p.substring(marker.length());
        } else if (at > 0) {
            p = p.substring(0, at) + "/" + p.substring(at + 1 + marker.length());
        }
        StringBuilder sb = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '/') {
                sb.append("--");
            } else if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-') {
                sb.append(c);
            } else {
                sb.append('-');
            }
        }
        while (sb.length() > 0 && sb.charAt(0) == '.') {
            sb.deleteCharAt(0);
        }
        return sb.length() == 0 ? "spec" : sb.toString();
    }

    private static String hash(String relativePath) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(relativePath.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
