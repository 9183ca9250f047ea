package dev.specgate.core.discovery;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.config.Glob;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.EditDistance;
import dev.specgate.core.input.MarkdownNames;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a search that found nothing saw near where it looked, in a user's words: a folder spelt like
 * the spec folder but not it ({@code Directives/Spec/}, {@code directives/specs/}, {@code
 * directive/spec/}, or a misspelt folder of a {@code specs:} glob), with how many Markdown files it
 * holds and the name meant, and files named like specs ({@code YYYY-MM-DD_spec_*.md}) where no spec
 * is looked for. Asked only when a search found nothing, and bounded ({@link #MAX_DEPTH} folders
 * deep, {@link #MAX_ENTRIES} entries, links not followed): never on a check's path.
 */
final class NearMisses {

    /** How deep below the searched folder the look goes. */
    static final int MAX_DEPTH = 8;

    /** How many entries the look reads at most before it stops. */
    static final int MAX_ENTRIES = 20_000;

    /** How many stray spec-like files are named; the rest are counted. */
    static final int NAMED_FILES = 3;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /**
     * Names of folders where teams keep specs of their own ({@code docs/specs/}, {@code rfcs/}):
     * Markdown files in one, where none is looked for, are named with the glob that would take
     * them.
     */
    static final List<String> SPEC_LIKE_FOLDERS =
            List.of(
                    "spec",
                    "specs",
                    "specifications",
                    "rfc",
                    "rfcs",
                    "design",
                    "designs",
                    "design-docs",
                    "proposals");

    /** How many such folders are named; the rest are counted. */
    static final int NAMED_FOLDERS = 3;

    private final Optional<SpecgateConfig> config;

    NearMisses(Optional<SpecgateConfig> config) {
        this.config = requireNonNull(config, "config must not be null");
    }

    /**
     * What was seen near where {@code root} was searched, as clauses that follow "looked for ...":
     * {@code found directives/specs/ with 3 Markdown files: did you mean directives/spec/? (or set
     * specs: in .specgate.yml)}; empty when nothing like a spec was seen. Paths are relative to
     * {@code root}.
     */
    String describe(Path root) {
        if (!Files.isDirectory(root)) {
            return "";
        }
        Look look = new Look(root);
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, look);
        } catch (IOException | RuntimeException e) {
            // a look that breaks off says what it saw so far: it only adds a hint
        }
        List<String> clauses = new ArrayList<>();
        for (Map.Entry<Path, Folder> e : look.folders.entrySet()) {
            Folder f = e.getValue();
            if (f.markdown == 0) {
                continue;
            }
            boolean itself = e.getKey().equals(root);
            clauses.add(
                    (itself
                                    ? "it is no spec folder but holds "
                                    : "found " + shown(root, e.getKey()) + "/ with ")
                            + f.markdown
                            + (f.markdown == 1 ? " Markdown file" : " Markdown files")
                            + ": did you mean "
                            + (itself ? meantForRoot(root, f.meant) : shown(root, f.meant))
                            + "/?");
        }
        look.strays.sort(null);
        if (!look.strays.isEmpty()) {
            int n = look.strays.size();
            StringBuilder s = new StringBuilder("found ");
            s.append(n == 1 ? "a file" : n + " files")
                    .append(" named like a spec where none is looked for: ");
            for (int i = 0; i < Math.min(n, NAMED_FILES); i++) {
                s.append(i == 0 ? "" : ", ").append(shown(root, look.strays.get(i)));
            }
            if (n > NAMED_FILES) {
                s.append(" and ").append(n - NAMED_FILES).append(" more");
            }
            clauses.add(s.toString());
        }
        String said = clauses.isEmpty() ? "" : String.join("; ", clauses) + " " + remedy();
        String elsewhere = elsewhere(root, look.elsewhere);
        return said.isEmpty() || elsewhere.isEmpty() ? said + elsewhere : said + "; " + elsewhere;
    }

    /**
     * Folders named as teams name their own spec folders ({@link #SPEC_LIKE_FOLDERS}) that hold
     * Markdown files where none is looked for, not all of them named like specs (those the strays'
     * clause names): {@code found docs/specs/ with 14 Markdown files where none is looked for: to
     * check them, put 'docs/specs/**&#47;*.md' in the specs: globs of .specgate.yml}.
     */
    private String elsewhere(Path root, Map<Path, int[]> all) {
        // a folder whose files are all named like specs is said by the strays' clause
        Map<Path, Integer> found = new TreeMap<>();
        all.forEach(
                (dir, n) -> {
                    if (n[1] > 0) {
                        found.put(dir, n[0]);
                    }
                });
        if (found.isEmpty()) {
            return "";
        }
        List<String> named = new ArrayList<>();
        List<String> globs = new ArrayList<>();
        for (Map.Entry<Path, Integer> e : found.entrySet()) {
            if (named.size() == NAMED_FOLDERS) {
                break;
            }
            String dir = shown(root, e.getKey());
            int n = e.getValue();
            named.add(dir + "/ with " + n + (n == 1 ? " Markdown file" : " Markdown files"));
            // as YAML writes it in single quotes: a quote doubled
            globs.add("'" + dir.replace("'", "''") + "/**/*.md'");
        }
        int more = found.size() - named.size();
        return "found "
                + String.join(", ", named)
                + (more > 0
                        ? " and " + more + (more == 1 ? " more such folder" : " more such folders")
                        : "")
                + " where none is looked for: to check them, put "
                + String.join(", ", globs)
                + " in the specs: globs of "
                + config.map(c -> c.file().getFileName().toString())
                        .orElse(SpecgateConfig.FILE_NAME);
    }

    private String remedy() {
        if (config.isPresent() && !config.get().specs().isEmpty()) {
            return "(or add it to the specs: globs of " + config.get().file().getFileName() + ")";
        }
        return "(or set specs: in "
                + config.map(c -> c.file().getFileName().toString())
                        .orElse(SpecgateConfig.FILE_NAME)
                + ")";
    }

    /**
     * The folder meant for the searched folder itself ({@code meant}, absolute), written as the
     * searched folder was ({@code directives/specs} gives {@code directives/spec}), else whole.
     */
    private static String meantForRoot(Path root, Path meant) {
        Path given = root.normalize();
        Path abs = root.toAbsolutePath().normalize();
        Path common = abs;
        int up = 0;
        while (common != null && !meant.startsWith(common)) {
            common = common.getParent();
            up++;
        }
        if (common == null || up >= given.getNameCount() || given.toString().isEmpty()) {
            return oneLine(meant.toString().replace('\\', '/'));
        }
        Path base = given;
        for (int i = 0; i < up; i++) {
            base = base.getParent();
        }
        Path rest = common.relativize(meant);
        return oneLine((base == null ? rest : base.resolve(rest)).toString().replace('\\', '/'));
    }

    /**
     * {@code p} relative to {@code root}, with '/' between names and any control character of a
     * name (a newline) shown as '?': the hint stays one line.
     */
    static String shownUnder(Path root, Path p) {
        Path base = root.normalize();
        return p.startsWith(base) && !base.toString().isEmpty() && !p.equals(base)
                ? shown(base, p)
                : oneLine(p.toString().replace('\\', '/'));
    }

    private static String shown(Path root, Path p) {
        return oneLine(root.relativize(p).toString().replace('\\', '/'));
    }

    private static String oneLine(String text) {
        return CONTROL.matcher(text).replaceAll("?");
    }

    /** A folder spelt like a spec folder, and the Markdown files seen in it. */
    private static final class Folder {
        final Path meant;
        int markdown;

        Folder(Path meant) {
            this.meant = meant;
        }
    }

    /** One look's state. */
    private final class Look extends SimpleFileVisitor<Path> {
        final Path root;
        final Map<Path, Folder> folders = new TreeMap<>(); // walk order is the disk's
        final List<Path> strays = new ArrayList<>();

        /** Per folder of specs where none is looked for: its Markdown files, those not strays. */
        final Map<Path, int[]> elsewhere = new TreeMap<>();

        int entries;

        Look(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (++entries > MAX_ENTRIES) {
                return FileVisitResult.TERMINATE;
            }
            if (dir.equals(root)) {
                // the folder searched may be the misspelt one itself: check directives/specs
                meant(root.toAbsolutePath().normalize())
                        .ifPresent(m -> folders.put(dir, new Folder(m)));
            } else {
                Path name = dir.getFileName();
                if (name != null && SpecDiscovery.skippedFolders().contains(name.toString())
                        || config.isPresent() && config.get().ignoresFolder(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                meant(dir).ifPresent(m -> folders.put(dir, new Folder(m)));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (++entries > MAX_ENTRIES) {
                return FileVisitResult.TERMINATE;
            }
            String name = file.getFileName().toString();
            if (!MarkdownNames.isMarkdown(name)
                    || config.isPresent() && config.get().ignores(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (config.isPresent()
                    && !config.get().specs().isEmpty()
                    && config.get().selects(file)) {
                // a spec the search takes (init over specs already there): not one it misses
                return FileVisitResult.CONTINUE;
            }
            Folder in = null;
            for (Path p = file.getParent(); p != null && in == null; p = p.getParent()) {
                in = folders.get(p);
            }
            if (in != null) {
                in.markdown++;
            } else {
                boolean stray = namedLikeASpec(name);
                if (stray) {
                    strays.add(file);
                }
                specLikeFolder(file)
                        .ifPresent(
                                d -> {
                                    int[] n = elsewhere.computeIfAbsent(d, k -> new int[2]);
                                    n[0]++;
                                    n[1] += stray ? 0 : 1;
                                });
            }
            return FileVisitResult.CONTINUE;
        }

        /**
         * The folder below the root, holding {@code file}, that is named as teams name a folder of
         * specs ({@link #SPEC_LIKE_FOLDERS}, any case), the one nearest the file.
         */
        private Optional<Path> specLikeFolder(Path file) {
            for (Path p = file.getParent(); p != null && !p.equals(root); p = p.getParent()) {
                Path name = p.getFileName();
                if (name != null
                        && SPEC_LIKE_FOLDERS.contains(name.toString().toLowerCase(Locale.ROOT))) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE; // the search itself reports what it cannot read
        }
    }

    /**
     * The folder {@code dir} was likely meant to be, relative to the searched root, when it is
     * spelt like one where specs are looked for but is not it: {@code directives/spec} for {@code
     * Directives/Spec}, or a {@code specs:} glob's folder.
     */
    private Optional<Path> meant(Path dir) {
        if (config.isPresent() && !config.get().specs().isEmpty()) {
            Optional<String> rel = config.get().relativePath(dir);
            if (rel.isEmpty() || rel.get().isEmpty()) {
                return Optional.empty();
            }
            String[] have = rel.get().split("/");
            for (Glob g : config.get().specs()) {
                String prefix = g.literalPrefix();
                if (prefix.isEmpty()) {
                    continue;
                }
                String[] want = prefix.substring(0, prefix.length() - 1).split("/");
                if (nearAll(have, want)) {
                    return Optional.of(meantUnder(dir, have.length, want));
                }
            }
            return Optional.empty();
        }
        Path parent = dir.getParent();
        if (parent == null || parent.getFileName() == null) {
            return Optional.empty();
        }
        String[] have = {parent.getFileName().toString(), dir.getFileName().toString()};
        for (String folder : List.of(SpecDiscovery.SPEC_FOLDER, SpecDiscovery.TASKS_FOLDER)) {
            String[] want = {SpecDiscovery.DIRECTIVES, folder};
            if (nearAll(have, want)) {
                return Optional.of(meantUnder(dir, 2, want));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code dir}'s path shown as the search shows it, its last {@code names} names replaced by
     * {@code want}.
     */
    private static Path meantUnder(Path dir, int names, String[] want) {
        Path base = dir;
        for (int i = 0; i < names && base != null; i++) {
            base = base.getParent();
        }
        Path meant = Path.of(want[0], Arrays.copyOfRange(want, 1, want.length));
        return base == null ? meant : base.resolve(meant);
    }

    /** Each name near the wanted one ({@link #near}) and not all of them the same. */
    private static boolean nearAll(String[] have, String[] want) {
        if (have.length != want.length) {
            return false;
        }
        boolean differs = false;
        for (int i = 0; i < have.length; i++) {
            if (!near(have[i], want[i])) {
                return false;
            }
            differs |= !have[i].equals(want[i]);
        }
        return differs;
    }

    /**
     * Whether folder name {@code have} looks like {@code want}: the same in another case, one
     * letter added, dropped, changed or two swapped ({@code specs}, {@code directive}, {@code
     * sepc}), or {@code want} followed by more ({@code specifications}).
     */
    static boolean near(String have, String want) {
        String h = have.toLowerCase(Locale.ROOT);
        String w = want.toLowerCase(Locale.ROOT);
        if (h.equals(w) || h.startsWith(w)) {
            return true;
        }
        return w.length() >= 4
                && Math.abs(h.length() - w.length()) <= 1
                && EditDistance.withSwaps(h, w) <= 1;
    }

    /**
     * Whether {@code name} reads like a spec's name by the built-in convention: {@code
     * YYYY-MM-DD_spec_} at its start, in any case.
     */
    static boolean namedLikeASpec(String name) {
        String prefix = "0000-00-00_spec_";
        if (name.length() <= prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = name.charAt(i);
            char p = prefix.charAt(i);
            if (p == '0' ? c < '0' || c > '9' : Character.toLowerCase(c) != p) {
                return false;
            }
        }
        return true;
    }
}
