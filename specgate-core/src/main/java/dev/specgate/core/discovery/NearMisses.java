package dev.specgate.core.discovery;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.config.Glob;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.EditDistance;
import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.core.input.MarkdownNames;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a search that found nothing saw near where it looked, in a user's words: a folder spelt like
 * the spec folder but not it ({@code Directives/Spec/}, {@code directives/specs/}, {@code
 * directive/spec/}, or a misspelt folder of a {@code specs:} glob), with how many Markdown files it
 * holds and the name meant, files named like specs ({@code YYYY-MM-DD_spec_*.md}) where no spec is
 * looked for, and a team's own folders of specs ({@code docs/specs/}) with the glob that, pasted
 * into the {@code specs:} of the configuration it names, takes their files. Asked when a search
 * found nothing, by {@code init}, and by a text {@code check} of folders once its run is done
 * (without {@code specs:} globs, the built-in {@code directives/spec/} and {@code
 * directives/tasks/} are not looked in, nor the loose Markdown files the search takes); bounded
 * ({@link #MAX_DEPTH} folders deep, {@link #MAX_ENTRIES} entries, links not followed, a folder with
 * its own configuration left to it).
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
     * {@code root}; a glob is relative to the folder of the configuration it goes in.
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
        String said = clauses.isEmpty() ? "" : String.join("; ", clauses) + " " + remedy(root);
        String elsewhere = elsewhere(root, look.elsewhere);
        return said.isEmpty() || elsewhere.isEmpty() ? said + elsewhere : said + "; " + elsewhere;
    }

    /**
     * Folders named as teams name their own spec folders ({@link #SPEC_LIKE_FOLDERS}) that hold
     * Markdown files where none is looked for, not all of them named like specs (those the strays'
     * clause names), each the outermost such folder below the root (its {@code **} takes the ones
     * inside it): {@code found docs/specs/ with 14 Markdown files where none is looked for: to
     * check them, put 'docs/specs/**&#47;*.md' in the specs: globs of .specgate.yml}. The glob is
     * written from the folder of the configuration it goes in ({@link #globFolder}), as {@link
     * Glob} reads it ({@link #globName}); past {@link #NAMED_FOLDERS} folders, one glob takes them
     * all.
     */
    private String elsewhere(Path root, Map<Path, SpecLike> all) {
        // a folder whose files are all named like specs is said by the strays' clause
        Map<Path, SpecLike> in = new TreeMap<>();
        Map<Path, SpecLike> outside = new TreeMap<>();
        Map<Path, List<String>> folders = new TreeMap<>();
        all.forEach(
                (dir, n) -> {
                    if (n.notStrays > 0) {
                        Optional<List<String>> names = globFolder(root, dir);
                        names.ifPresent(f -> folders.put(dir, f));
                        (names.isPresent() ? in : outside).put(dir, n);
                    }
                });
        List<String> clauses = new ArrayList<>();
        if (!in.isEmpty()) {
            List<String> globs = new ArrayList<>();
            if (in.size() <= NAMED_FOLDERS) {
                in.forEach((dir, n) -> globs.add(glob(List.of(folders.get(dir)), n.endings)));
            } else {
                Set<String> endings = new TreeSet<>(SpecLike.ENDINGS);
                in.values().forEach(n -> endings.addAll(n.endings));
                globs.add(glob(List.copyOf(folders.values()), endings));
            }
            clauses.add(
                    named(root, in)
                            + " where none is looked for: to check them"
                            + (in.size() > NAMED_FOLDERS ? " all" : "")
                            + ", put "
                            + String.join(", ", globs)
                            + " in the specs: globs of "
                            + config.map(c -> configNamed(c, root))
                                    .orElseGet(() -> newConfig(root)));
        }
        if (!outside.isEmpty()) {
            // only a configuration named on its own (--config) can lie elsewhere than above root
            clauses.add(
                    named(root, outside)
                            + " where none is looked for, outside the folder of "
                            + configNamed(config.orElseThrow(), root)
                            + ": its specs: globs take no file there");
        }
        return String.join("; ", clauses);
    }

    /**
     * {@code found docs/specs/ with 14 Markdown files, rfcs/ with 1 Markdown file}: at most {@link
     * #NAMED_FOLDERS} folders, the rest counted.
     */
    private static String named(Path root, Map<Path, SpecLike> folders) {
        List<String> named = new ArrayList<>();
        for (Map.Entry<Path, SpecLike> e : folders.entrySet()) {
            if (named.size() == NAMED_FOLDERS) {
                break;
            }
            int n = e.getValue().markdown;
            named.add(
                    shown(root, e.getKey())
                            + "/ with "
                            + n
                            + (n == 1 ? " Markdown file" : " Markdown files"));
        }
        int more = folders.size() - named.size();
        return "found "
                + String.join(", ", named)
                + (more > 0
                        ? " and " + more + (more == 1 ? " more such folder" : " more such folders")
                        : "");
    }

    /**
     * The names of {@code dir}'s path from the folder of the configuration whose {@code specs:}
     * globs would take it: the configuration's folder, or without one the searched folder (where a
     * new {@code .specgate.yml} governs it, {@link #newConfig}); empty when {@code dir} lies
     * outside the configuration's folder, where none of its globs reaches.
     */
    private Optional<List<String>> globFolder(Path root, Path dir) {
        Path base = config.isPresent() ? config.get().baseDir() : root.toAbsolutePath().normalize();
        Path abs = dir.toAbsolutePath().normalize();
        if (!abs.startsWith(base)) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        base.relativize(abs).forEach(name -> names.add(name.toString()));
        names.removeIf(String::isEmpty);
        return Optional.of(names);
    }

    /**
     * The glob, in YAML's single quotes, that takes the Markdown files ending in {@code endings}
     * (without the dot) below each folder of {@code folders} (its names from the configuration's
     * folder): {@code 'docs/specs/**&#47;*.md'}, {@code
     * '{design,docs/specs}/**&#47;*.{md,markdown}'}.
     */
    static String glob(List<List<String>> folders, Collection<String> endings) {
        boolean alternatives = folders.size() > 1;
        // the leading folders all share written once: 'sub/{design,rfcs}/**/*.md'
        int shared = alternatives ? Integer.MAX_VALUE : 0;
        for (List<String> names : alternatives ? folders : List.<List<String>>of()) {
            int k = 0;
            while (k < names.size() - 1
                    && k < folders.get(0).size() - 1
                    && names.get(k).equals(folders.get(0).get(k))) {
                k++;
            }
            shared = Math.min(shared, k);
        }
        List<String> lead = new ArrayList<>();
        folders.get(0).subList(0, shared).forEach(name -> lead.add(globName(name, false) + "/"));
        List<String> paths = new ArrayList<>();
        for (List<String> names : folders) {
            List<String> written = new ArrayList<>();
            names.subList(shared, names.size())
                    .forEach(name -> written.add(globName(name, alternatives)));
            paths.add(String.join("/", written));
        }
        String under =
                String.join("", lead)
                        + (alternatives
                                ? "{" + String.join(",", paths) + "}/"
                                : paths.get(0).isEmpty() ? "" : paths.get(0) + "/");
        if (under.startsWith(" ")) {
            under = "[ ]" + under.substring(1); // Glob.of trims the glob it is given
        }
        String files =
                endings.size() == 1
                        ? "*." + endings.iterator().next()
                        : "*.{" + String.join(",", endings) + "}";
        // as YAML writes it in single quotes: a quote doubled
        return "'" + (under + "**/" + files).replace("'", "''") + "'";
    }

    /**
     * A folder's name as {@link Glob} matches only it: each of its wildcard and set characters
     * ({@code * ? [ { }}, and {@code ,} between braces, {@code inAlternatives}) as a set of itself
     * ({@code [[]}); a backslash, which Glob reads as '/' in globs and paths alike, as '/'; a
     * character YAML cannot hold in a one-line quoted scalar (a control character, a line or
     * paragraph separator) as {@code ?}, which matches it, so that the glob stays one line.
     */
    static String globName(String name, boolean inAlternatives) {
        StringBuilder out = new StringBuilder();
        name.codePoints()
                .forEach(
                        c -> {
                            if (c == '*'
                                    || c == '?'
                                    || c == '['
                                    || c == '{'
                                    || c == '}'
                                    || c == ',' && inAlternatives) {
                                out.append('[').appendCodePoint(c).append(']');
                            } else if (c == '\\') {
                                out.append('/');
                            } else if (!yamlPrintable(c)) {
                                out.append('?');
                            } else {
                                out.appendCodePoint(c);
                            }
                        });
        return out.toString();
    }

    /**
     * Whether YAML reads {@code c} as itself inside a one-line quoted scalar: printable, and no
     * line break (YAML 1.1 counts NEL, U+2028 and U+2029 as ones).
     */
    private static boolean yamlPrintable(int c) {
        return c >= 0x20 && c < 0x7F
                || c >= 0xA0
                        && c <= 0xFFFD
                        && c != 0x2028
                        && c != 0x2029
                        && !Character.isSurrogate((char) c)
                || c >= 0x10000;
    }

    /**
     * The configuration as the hint names it: its file name when it lies in the searched folder (as
     * ever), else its path written as the searched folder was (from the working folder, or
     * absolute), so that a glob written from its folder goes in the file meant.
     */
    static String configNamed(SpecgateConfig c, Path root) {
        Path file = c.file().toAbsolutePath().normalize();
        if (file.getParent().equals(root.toAbsolutePath().normalize())) {
            return file.getFileName().toString();
        }
        Path named = file;
        if (!root.isAbsolute()) {
            try {
                named = Path.of("").toAbsolutePath().relativize(file);
            } catch (IllegalArgumentException e) {
                // on another root (a Windows drive): absolute
            }
        }
        return oneLine(named.toString().replace('\\', '/'));
    }

    /**
     * Where a configuration for the searched folder goes when there is none: {@code a new
     * .specgate.yml (specgate init writes one)}, {@code a new sub/.specgate.yml (specgate init sub
     * writes one)}; the file alone when one is there but not read ({@code --no-config}).
     */
    private static String newConfig(Path root) {
        Path file = root.resolve(SpecgateConfig.FILE_NAME).normalize();
        String named = oneLine(file.toString().replace('\\', '/'));
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return named;
        }
        String dir = oneLine(root.normalize().toString().replace('\\', '/'));
        return "a new "
                + named
                + " (specgate init"
                + (dir.isEmpty() ? "" : " " + ShellWord.of(dir))
                + " writes one)";
    }

    private String remedy(Path root) {
        String file = config.map(c -> configNamed(c, root)).orElse(SpecgateConfig.FILE_NAME);
        if (config.isPresent() && !config.get().specs().isEmpty()) {
            return "(or add it to the specs: globs of " + file + ")";
        }
        return "(or set specs: in " + file + ")";
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

    /** A folder of specs where none is looked for, and the Markdown files seen below it. */
    private static final class SpecLike {
        /** The order endings are written in a glob: {@code md} and {@code markdown} first. */
        static final Comparator<String> ENDINGS =
                Comparator.comparing((String e) -> !e.equals("md"))
                        .thenComparing(e -> !e.equals("markdown"))
                        .thenComparing(Comparator.naturalOrder());

        int markdown;
        int notStrays;

        /** The endings of its Markdown files as they are spelt ({@code md}, {@code MD}). */
        final Set<String> endings = new TreeSet<>(ENDINGS);
    }

    /**
     * The Markdown ending of {@code name} as it is spelt, without the dot: {@code md}, {@code
     * Markdown}.
     */
    private static String ending(String name) {
        String ext = MarkdownNames.extension(name);
        return (ext.isEmpty() ? name : ext).substring(1);
    }

    /** One look's state. */
    private final class Look extends SimpleFileVisitor<Path> {
        final Path root;
        final Map<Path, Folder> folders = new TreeMap<>(); // walk order is the disk's
        final List<Path> strays = new ArrayList<>();

        /** Per folder of specs where none is looked for, the outermost: what it holds. */
        final Map<Path, SpecLike> elsewhere = new TreeMap<>();

        int entries;

        Look(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (++entries > MAX_ENTRIES) {
                return FileVisitResult.TERMINATE;
            }
            if (takenWhole(dir) || builtinPlace(dir)) {
                // every .md below is a spec the search takes: not one it misses, and a large
                // project's specs cost the look nothing
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (dir.equals(root)) {
                // the folder searched may be the misspelt one itself: check directives/specs
                meant(root.toAbsolutePath().normalize())
                        .ifPresent(m -> folders.put(dir, new Folder(m)));
            } else {
                Path name = dir.getFileName();
                if (name != null && SpecDiscovery.skippedFolders().contains(name.toString())
                        || config.isPresent() && config.get().ignoresFolder(dir)
                        // a nested project's specs follow its own configuration's globs
                        || Files.exists(
                                dir.resolve(SpecgateConfig.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
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
                    || config.isPresent()
                            // the template the specs are written from is none of them
                            && (config.get().ignores(file) || config.get().isTemplate(file))) {
                return FileVisitResult.CONTINUE;
            }
            if (config.isPresent()
                    && !config.get().specs().isEmpty()
                    && config.get().selects(file)) {
                // a spec the search takes (init over specs already there): not one it misses
                return FileVisitResult.CONTINUE;
            }
            if ((config.isEmpty() || config.get().specs().isEmpty())
                    && file.getParent().equals(root)
                    && SpecDiscovery.takesLooseMarkdown(root)) {
                // a folder without directives/: the built-in search takes its own Markdown files
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
                                    SpecLike n = elsewhere.computeIfAbsent(d, k -> new SpecLike());
                                    n.markdown++;
                                    n.notStrays += stray ? 0 : 1;
                                    n.endings.add(ending(name));
                                });
            }
            return FileVisitResult.CONTINUE;
        }

        /**
         * Whether, without {@code specs:} globs, {@code dir} is a {@code directives/spec/} or
         * {@code directives/tasks/} folder, which the built-in search takes (what it skips there it
         * says itself): not a folder of specs it misses.
         */
        private boolean builtinPlace(Path dir) {
            return (config.isEmpty() || config.get().specs().isEmpty())
                    && !dir.getFileName().toString().equals(SpecDiscovery.DIRECTIVES)
                    && SpecDiscovery.isSpecPlace(dir);
        }

        /**
         * Whether a {@code specs:} glob takes every {@code .md} file below {@code dir} ({@code
         * directives/spec/**}{@code /*.md} for {@code directives/spec/}): the look need not go in
         * (a {@code .markdown} file there is not counted).
         */
        private boolean takenWhole(Path dir) {
            if (config.isEmpty() || config.get().specs().isEmpty()) {
                return false;
            }
            Optional<String> rel = config.get().relativePath(dir);
            if (rel.isEmpty() || rel.get().isEmpty()) {
                return false;
            }
            String folder = rel.get() + "/";
            return config.get().specs().stream()
                    .anyMatch(
                            g ->
                                    g.literalPrefix().equals(folder)
                                            && g.toString().equals(folder + "**/*.md"));
        }

        /**
         * The folder below the root, holding {@code file}, that is named as teams name a folder of
         * specs ({@link #SPEC_LIKE_FOLDERS}, any case), the outermost: {@code docs/specs/} for a
         * file in {@code docs/specs/rfcs/}, whose glob takes it too.
         */
        private Optional<Path> specLikeFolder(Path file) {
            Path outermost = null;
            for (Path p = file.getParent(); p != null && !p.equals(root); p = p.getParent()) {
                Path name = p.getFileName();
                if (name != null
                        && SPEC_LIKE_FOLDERS.contains(name.toString().toLowerCase(Locale.ROOT))) {
                    outermost = p;
                }
            }
            return Optional.ofNullable(outermost);
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
