package dev.specgate.lsp;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.input.MarkdownNames;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * The projects open specs belong to, each opened once through {@link SpecProject#open} with the
 * nearest {@code .specgate.yml}, as {@code check} opens them, and kept until a configuration or
 * template changes; and the further names a search of a folder meets specs under ({@link
 * SpecProject#aliases}), kept as files are created, deleted or renamed where that still holds
 * ({@link #namesChanged}), so that a check as the user types does not walk the workspace, nor does
 * every new file.
 */
final class Projects {

    /** The configuration file name a change of which re-checks every open spec. */
    static final String CONFIG_FILE = ".specgate.yml";

    private final Map<Path, Opened> byFolder = new ConcurrentHashMap<>();

    /** What a change of files did to the searches for further names ({@link #namesChanged}). */
    enum NameChange {
        /** Every search still answers for every file. */
        NONE,
        /**
         * The searches no longer answer for the files created (by file key): a search is made again
         * when a spec under one of their names is checked.
         */
        NEW_FILES,
        /** The searches are forgotten. */
        ALL
    }

    /** A project's search of one folder. */
    private record Search(SpecProject project, Path root) {}

    /**
     * What a search found: the further names and the name each is checked under, and the files (by
     * file key) that got a new name since, for which it no longer answers.
     */
    private record Names(Map<Path, Path> aliases, Set<Object> dirty) {}

    private final Map<Search, Names> aliases = new ConcurrentHashMap<>();

    /** How many searches were made: a test shows which changes make one. */
    private final AtomicInteger searches = new AtomicInteger();

    /**
     * How many times files were said to change ({@link #namesChanged}, {@link #forgetNames}): a
     * search during which a change was said may have walked past it, and is not kept.
     */
    private final AtomicLong changes = new AtomicLong();

    /** The search of one folder: the project's ({@link SpecProject#aliases}). */
    private final BiFunction<SpecProject, Path, Map<Path, Path>> search;

    /** Projects that search folders as {@link SpecProject#aliases} does. */
    Projects() {
        this((project, root) -> project.aliases(List.of(root)));
    }

    /** Projects that search folders with {@code search} (a test's, to say a change mid-search). */
    Projects(BiFunction<SpecProject, Path, Map<Path, Path>> search) {
        this.search = search;
    }

    /**
     * The project of the spec at {@code file}: the one opened before for its folder while the
     * configuration it follows and that configuration's template are as they were then (the same
     * nearest {@code .specgate.yml}, each file's size and time stamp), so that a configuration
     * edited or broken is noticed at the next check even by a client that does not report changed
     * files; else opened again. A project whose configuration or template was written less than
     * {@link #RACY_MILLIS} before it was opened is not kept (opened again at the next check, until
     * they are older): an edit made while it was read, or one in the same tick of the file system's
     * clock that keeps the size, would otherwise leave the same size and time stamp as the text
     * read, and the project read before it would be kept for good, as git leaves out a racily clean
     * index entry.
     */
    SpecProject of(Path file) throws ConfigException {
        Path folder = file.getParent() == null ? file : file.getParent();
        Opened known = byFolder.get(folder);
        if (known != null && !known.racy() && known.stamp().equals(stamp(file, known.project()))) {
            return known.project();
        }
        long opening = System.currentTimeMillis();
        SpecProject opened = SpecProject.open(file, ConfigChoice.nearest());
        List<Object> stamp = stamp(file, opened);
        boolean racy =
                stamp.stream()
                        .anyMatch(
                                s ->
                                        s instanceof FileStamp f
                                                && f.modified() > opening - RACY_MILLIS);
        // kept even so, for concerns() to know its template
        byFolder.put(folder, new Opened(opened, stamp, racy));
        return opened;
    }

    /**
     * How long before a project is opened its configuration or template must have been written for
     * the project to be kept: more than the coarsest common time stamp (FAT's two seconds), so that
     * an edit in the same tick as the text read is never taken for that text.
     */
    static final long RACY_MILLIS = 2_500;

    /**
     * A project opened for a folder, what its configuration and template were then, and whether
     * they were written too shortly before to be told from an edit by their stamps (then the
     * project is opened again at the next check).
     */
    private record Opened(SpecProject project, List<Object> stamp, boolean racy) {}

    /** A file's size, last modification time (milliseconds) and file key, as a project read it. */
    private record FileStamp(long size, long modified, Object key) {}

    /**
     * The nearest configuration above {@code file}, and the size and time stamp of it and of the
     * template {@code project} follows: what, changed, makes the project be opened again.
     */
    private static List<Object> stamp(Path file, SpecProject project) {
        List<Object> stamp = new ArrayList<>();
        Optional<Path> config = SpecProject.nearestConfigFile(file.toAbsolutePath());
        stamp.add(config.map(Path::toString).orElse(""));
        config.ifPresent(c -> stamp.add(fileStamp(c)));
        project.templateFile().ifPresent(t -> stamp.add(fileStamp(t)));
        return stamp;
    }

    /** A file's size, last modification time and file key, or "none" when it cannot be read. */
    private static Object fileStamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.size(), a.lastModifiedTime().toMillis(), a.fileKey());
        } catch (IOException | RuntimeException e) {
            return "none";
        }
    }

    /** Whether a change of {@code file} can change what any project checks. */
    boolean concerns(Path file) {
        if (file.getFileName() != null && file.getFileName().toString().equals(CONFIG_FILE)) {
            return true;
        }
        for (Opened o : byFolder.values()) {
            SpecProject p = o.project();
            Optional<Path> template = p.templateFile();
            if (template.isPresent() && template.get().toAbsolutePath().normalize().equals(file)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The further names the project's search of {@code root} meets files under, with the name each
     * is checked under, as they stand for {@code file}: searched once, then kept until {@link
     * #forgetNames}, or until {@code file} is one of the files {@link #namesChanged} said may have
     * a new name (then searched again).
     */
    Map<Path, Path> aliases(SpecProject project, Path root, Path file) {
        Search search = new Search(project, root);
        Names known = aliases.get(search);
        if (known == null || (!known.dirty().isEmpty() && mayBeDirty(known, file))) {
            searches.incrementAndGet();
            long before = changes.get();
            known = new Names(this.search.apply(project, root), ConcurrentHashMap.newKeySet());
            if (changes.get() != before) {
                // files changed while it walked (the client's notices come on another thread):
                // it answers now, but is not kept, since it may have missed them
                return known.aliases();
            }
            aliases.put(search, known);
        }
        return known.aliases();
    }

    /**
     * What a search of a workspace folder took: every name, and, by real path, the specs it takes
     * under a name that is not their real path (a link, a file in a linked folder).
     */
    private record Taken(Set<Path> names, Map<Path, Path> linked) {}

    /** Each workspace folder's search ({@code check FOLDER}), made when first asked. */
    private final Map<Path, Taken> searched = new ConcurrentHashMap<>();

    /**
     * The name a search of one of the workspace {@code folders} ({@code check FOLDER}) takes the
     * file at {@code file} under, when that is another name of the same file than {@code file} (the
     * file reached through a link, {@code file} its real path: an editor that resolves links, as
     * Neovim does for a linked folder, opens it so); empty when no search takes it under another
     * name. Each folder's search is made once and kept until a file that may change it is created
     * ({@link #namesChanged}, {@link #forgetNames}); a name kept is confirmed to still be the same
     * file before it is given.
     */
    Optional<Path> searchedName(Path file, List<Path> folders) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        for (Path root : folders) {
            Path name = taken(root).linked().get(real);
            if (name != null && !name.equals(file) && sameFile(name, file)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code file} is a Markdown file directly in a workspace folder that a search of that
     * folder takes as it is ({@code check FOLDER} takes the Markdown files directly in a folder
     * that has no {@code directives/} folder and finds no spec below one: {@link
     * SpecDiscovery#takesLooseMarkdown}), when that folder is its project's root ({@link
     * #isProjectRoot}). Asked only of a file its project does not otherwise take; a folder's search
     * is made only for such a file.
     */
    boolean takesLoose(Path file, List<Path> folders) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null
                || abs.getFileName() == null
                || !MarkdownNames.isMarkdown(abs.getFileName().toString())) {
            return false;
        }
        for (Path root : folders) {
            if (root.equals(parent)
                    && SpecDiscovery.takesLooseMarkdown(root)
                    && isProjectRoot(root)) {
                return taken(root).names().contains(abs);
            }
        }
        return false;
    }

    /**
     * Whether {@code root} is where {@code check .} would be run in its project: no configuration
     * above it (its own is fine), and no folder above it holding a {@code directives/} folder (a
     * workspace folder opened inside a project is not searched on its own, as {@code check .} from
     * the project's root would not take the files directly in it).
     */
    private static boolean isProjectRoot(Path root) {
        Optional<Path> config = SpecProject.nearestConfigFile(root);
        if (config.isPresent()
                && !config.get().toAbsolutePath().normalize().getParent().equals(root)) {
            return false;
        }
        for (Path p = root.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(SpecDiscovery.DIRECTIVES))) {
                return false;
            }
        }
        return true;
    }

    /** The search of the workspace folder {@code root}, made once and kept (see above). */
    private Taken taken(Path root) {
        Taken known = searched.get(root);
        if (known != null) {
            return known;
        }
        long before = changes.get();
        Taken made = search(root);
        if (made != null && changes.get() == before) {
            searched.put(root, made);
        }
        // a configuration that cannot be used: nothing taken, asked again at the next check (it
        // fails before it walks), so that it is searched once it is fixed, noticed or not
        return made != null ? made : new Taken(Set.of(), Map.of());
    }

    /**
     * What a search of {@code root} takes, as {@code check ROOT} finds it; null when its
     * configuration cannot be used.
     */
    private static Taken search(Path root) {
        Set<Path> names = new java.util.HashSet<>();
        Map<Path, Path> linked = new java.util.HashMap<>();
        try {
            SpecProject project = SpecProject.open(root, ConfigChoice.nearest());
            for (Path spec : project.findAny(List.of(root)).specs()) {
                Path name = spec.toAbsolutePath().normalize();
                names.add(name);
                try {
                    Path real = name.toRealPath();
                    if (!real.equals(name)) {
                        linked.putIfAbsent(real, name);
                    }
                } catch (IOException | RuntimeException e) {
                    // gone or unreadable: its own check says so
                }
            }
        } catch (ConfigException e) {
            // the folder's specs show the configuration error themselves
            return null;
        }
        return new Taken(names, linked);
    }

    /**
     * Whether a path created may give a file a name that is not its real path: a link, a folder
     * (which may hold links), a file in a linked folder, or a path that cannot be read.
     */
    private static boolean mayBeLinked(Path created) {
        try {
            Path abs = created.toAbsolutePath().normalize();
            return Files.isSymbolicLink(abs)
                    || Files.isDirectory(abs)
                    || !abs.toRealPath().equals(abs);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? file : parent;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** How many searches were made since this was made. */
    int searches() {
        return searches.get();
    }

    /**
     * Takes in files created, and files deleted or saved (a rename is a deletion and a creation),
     * keeping what the searches found where that still holds, which is what a new search would
     * find:
     *
     * <ul>
     *   <li>a path deleted, saved or created that neither is nor holds a name the searches met
     *       twice (a link to a spec, the spec it leads to, a hard link) leaves their further names
     *       as they were: the only names it took away or replaced were of files with one name;
     *   <li>a created folder that holds no file (made empty, as {@code mkdir -p} makes it) changes
     *       nothing: the files made in it later are said on their own;
     *   <li>a created file (not a folder) gives only the file it is a name of a new name: a search
     *       is made again only for that file (by file key), when a spec under any of its names is
     *       checked, since a linked folder may reach it under a second name;
     *   <li>anything else (a created folder or link to one, which may bring many names; a name the
     *       searches met twice deleted, saved anew or replaced, as an editor's atomic save replaces
     *       a hard link's file; a created path that cannot be read) forgets the searches.
     * </ul>
     *
     * @return what the change did to the searches
     */
    NameChange namesChanged(Collection<Path> created, Collection<Path> deletedOrSaved) {
        changes.incrementAndGet();
        // a folder made empty (mkdir -p) gives no file a name: what is made in it later is said
        // on its own
        created = created.stream().filter(c -> !holdsNoFile(c)).toList();
        if (created.stream().anyMatch(c -> mayBeLinked(c) || searched.containsKey(parentOf(c)))) {
            // a link made may take a file under a new name, a file made directly in a folder
            // searched may be taken as it is
            searched.clear();
        }
        List<Path> touched = new ArrayList<>(deletedOrSaved);
        touched.addAll(created);
        for (Path d : touched) {
            for (Names n : aliases.values()) {
                for (Map.Entry<Path, Path> e : n.aliases().entrySet()) {
                    if (e.getKey().startsWith(d) || e.getValue().startsWith(d)) {
                        forgetNames();
                        return NameChange.ALL;
                    }
                }
            }
        }
        List<Object> keys = new ArrayList<>();
        for (Path c : created) {
            Object key = fileKey(c);
            if (key == null) {
                forgetNames();
                return NameChange.ALL;
            }
            keys.add(key);
        }
        for (Names n : aliases.values()) {
            n.dirty().addAll(keys);
        }
        return !keys.isEmpty() && !aliases.isEmpty() ? NameChange.NEW_FILES : NameChange.NONE;
    }

    /**
     * Whether {@code created} is a folder under its real path (no link, nor in a linked folder)
     * that holds folders alone, if any: it can give no file a name.
     */
    private static boolean holdsNoFile(Path created) {
        Path abs = created.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || !abs.toRealPath().equals(abs)) {
                return false;
            }
            try (java.util.stream.Stream<Path> all = Files.walk(abs)) {
                return all.allMatch(
                        p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The file key of {@code file}'s target when it is a file that is not a folder; null when it is
     * a folder, has none or cannot be read.
     */
    static Object fileKey(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return attrs.isDirectory() ? null : attrs.fileKey();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code file} may be one of the files a search no longer answers for. */
    private static boolean mayBeDirty(Names names, Path file) {
        Object key = fileKey(file);
        return key == null || names.dirty().contains(key);
    }

    /**
     * Forgets the searches, so that the next check of a spec that can have another name searches
     * again.
     */
    void forgetNames() {
        changes.incrementAndGet();
        aliases.clear();
        searched.clear();
    }

    /** Forgets every project, so that the next check reads configuration and template again. */
    void forget() {
        changes.incrementAndGet();
        byFolder.clear();
        aliases.clear();
        searched.clear();
    }
}
