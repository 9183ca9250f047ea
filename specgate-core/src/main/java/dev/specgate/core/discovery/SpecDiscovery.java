package dev.specgate.core.discovery;

import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.MarkdownNames;
import dev.specgate.core.model.DocumentKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the specs a path stands for. A file is itself. A directory is searched for {@code
 * directives/spec/**}{@code /*.md} (or {@code .markdown}, {@link MarkdownNames}) and for task
 * lists, {@code directives/tasks/**}{@code /*_task_*.md}, at any depth; when it has no {@code
 * directives/} folder but holds Markdown files directly, those are the specs. Version-control,
 * build and dependency folders are skipped.
 */
public final class SpecDiscovery {

    /** The folder, under a project root, that holds specs and task lists. */
    public static final String DIRECTIVES = "directives";

    /** The folder under {@link #DIRECTIVES} that holds specs. */
    public static final String SPEC_FOLDER = "spec";

    private static final Set<String> SKIPPED =
            Set.of(
                    ".git",
                    ".hg",
                    ".svn",
                    "node_modules",
                    "target",
                    "build",
                    ".idea",
                    ".gradle",
                    ".venv",
                    "venv",
                    "__pycache__");

    private final List<String> folders;

    /** Where a walk notes the files it skips that read like specs (null: not noted). */
    private final Map<Path, String> skipped;

    /**
     * Extensions of plain-text documents a writer may have meant as a spec: in a spec folder such a
     * file is skipped, and said, as is a Markdown file with a suffix ({@code x.md.bak}). Images,
     * sidecar YAML, exports (HTML, PDF, office documents), {@code .gitkeep} and the like are let
     * be.
     */
    private static final Set<String> DOCUMENT_EXTENSIONS =
            Set.of(
                    "txt",
                    "text",
                    "rst",
                    "adoc",
                    "asciidoc",
                    "asc",
                    "mdx",
                    "mkd",
                    "mkdn",
                    "mdown",
                    "mdwn",
                    "mdtext",
                    "mdtxt",
                    "org");

    /** Folder names never searched: version control, build output, dependencies. */
    public static Set<String> skippedFolders() {
        return SKIPPED;
    }

    /** The folder under {@link #DIRECTIVES} that holds task lists. */
    public static final String TASKS_FOLDER = "tasks";

    /**
     * Whether {@code folder} is a place the built-in discovery looks for specs in whatever folder
     * it stands: a {@code directives} folder (searched at any depth of a project), or the {@code
     * spec} or {@code tasks} folder directly in one. Any other folder's files are specs only when
     * it is below one of these (or is the very folder searched, when it holds no {@code
     * directives}); a folder watcher uses this for a folder that appears where it watches a folder
     * alone.
     */
    public static boolean isSpecPlace(Path folder) {
        Path name = folder.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString();
        if (n.equals(DIRECTIVES)) {
            return true;
        }
        Path parent = folder.getParent();
        return (n.equals(SPEC_FOLDER) || n.equals(TASKS_FOLDER))
                && parent != null
                && parent.getFileName() != null
                && parent.getFileName().toString().equals(DIRECTIVES);
    }

    /**
     * Whether a search of a project takes {@code file} as a spec or task list by the built-in
     * places, wherever the project stands: a Markdown file below a {@code directives/spec} folder,
     * or one whose name holds {@code _task_} below a {@code directives/tasks} folder, with no
     * skipped folder ({@link #skippedFolders}) between (what stands above the place is the
     * project's own business: a project may well be kept in a folder named {@code build}). A file
     * anywhere else (a {@code README.md}, {@code docs/notes.md}) is checked only when named on the
     * command line.
     */
    public static boolean takesInPlace(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        if (name == null || !MarkdownNames.isMarkdown(name.toString())) {
            return false;
        }
        Path place = placeOf(abs);
        return place != null
                && (place.getFileName().toString().equals(SPEC_FOLDER)
                        || name.toString().contains(DocumentKind.TASK_INFIX));
    }

    /**
     * Why a search of a project, walking the spec or tasks folder {@code file} stands in, meets it
     * and does not take it ({@link #whySkipped}: a Markdown file in {@code directives/tasks/} whose
     * name lacks {@code _task_}, a text document that is not Markdown), as {@code check .} says it;
     * empty when the file is taken, is no such document, or stands in no such folder.
     */
    public static java.util.Optional<String> whySkippedInPlace(Path file) {
        return inPlace(file, false);
    }

    /**
     * Why a file named on the command line, with no configuration, is left out although it stands
     * in a spec or tasks folder: what {@link #whySkippedInPlace} says of it, or, for a Markdown
     * file in {@code directives/tasks/} whose name lacks {@code _task_} (a {@code README}, which a
     * search lets be), that only task lists are taken there. A search never checks such a file, so
     * naming it checks it no other way (never as a spec); empty when a search would take it or it
     * stands in no such folder.
     */
    public static java.util.Optional<String> whyLeftOutInPlace(Path file) {
        return inPlace(file, true);
    }

    /**
     * {@link #whySkipped} of {@code file} in its spec or tasks folder; a README too if {@code
     * named}.
     */
    private static java.util.Optional<String> inPlace(Path file, boolean named) {
        Path abs = file.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        Path place = name == null ? null : placeOf(abs);
        if (place == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(
                whySkipped(
                        name.toString(),
                        place.getFileName().toString().equals(TASKS_FOLDER),
                        named));
    }

    /**
     * The {@code directives/spec} or {@code directives/tasks} folder the absolute, normalized
     * {@code file} stands below with no skipped folder ({@link #skippedFolders}) between, or null.
     */
    private static Path placeOf(Path file) {
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (SKIPPED.contains(n)) {
                return null;
            }
            if (!n.equals(DIRECTIVES) && isSpecPlace(dir)) {
                return dir;
            }
        }
        return null;
    }

    /** Discovery of specs and task lists ({@code directives/spec}, {@code directives/tasks}). */
    public SpecDiscovery() {
        this(List.of(SPEC_FOLDER, TASKS_FOLDER));
    }

    /** Discovery of Markdown files under these folders of {@code directives/}. */
    public SpecDiscovery(List<String> folders) {
        this(folders, null);
    }

    private SpecDiscovery(List<String> folders, Map<Path, String> skipped) {
        this.folders = List.copyOf(folders);
        this.skipped = skipped;
    }

    /**
     * The same discovery, noting in {@code skipped} each file its walks meet in a spec or tasks
     * folder that reads like a spec or task list but is not taken, with why ({@link #whySkipped}).
     */
    public SpecDiscovery noting(Map<Path, String> skipped) {
        return new SpecDiscovery(folders, java.util.Objects.requireNonNull(skipped, "skipped"));
    }

    /**
     * Why a file named {@code name}, in a spec folder ({@code inTasks} false) or a tasks folder, is
     * not taken although a writer may have meant it as one, or null when it is taken or plainly no
     * document (an image, a sidecar's YAML, {@code .gitkeep}, an edit's lock file): a text document
     * that is not Markdown ({@code x.txt}, {@code x.rst}, {@code x.md.bak}), a temporary file a
     * stopped write left ({@link SpecFileWriter#isTemporaryFileName}), or, in a tasks folder, a
     * Markdown file whose name lacks {@code _task_} ({@code 2026-03-02_tasks_x.md}; a {@code
     * README} is let be).
     */
    public static String whySkipped(String name, boolean inTasks) {
        return whySkipped(name, inTasks, false);
    }

    /**
     * As {@link #whySkipped(String, boolean)}; with {@code named} (the file named on the command
     * line), a README in {@code directives/tasks/}, which a search lets be, is said to be left out
     * too ({@link #whyLeftOutInPlace}).
     */
    private static String whySkipped(String name, boolean inTasks, boolean named) {
        if (SpecFileWriter.isLockFileName(name)) {
            return null; // an edit's lock file: empty, taken over by the next edit
        }
        if (SpecFileWriter.isTemporaryFileName(name)) {
            return "a temporary file of a Specgate write, left by one that was stopped before it"
                    + " ended (killed, a crash); the file it was for is whole: "
                    + (SpecFileWriter.isLeftByAnEdit(name)
                            ? "the next edit of that file deletes it (or delete it once no edit"
                                    + " runs)"
                            : "delete it once no edit runs");
        }
        if (MarkdownNames.isMarkdown(name)) {
            if (!inTasks || name.contains(DocumentKind.TASK_INFIX)) {
                return null;
            }
            boolean readme = name.toLowerCase(java.util.Locale.ROOT).startsWith("readme");
            if (readme && !named) {
                return null;
            }
            return "only files whose name holds '"
                    + DocumentKind.TASK_INFIX
                    + "' are task lists in "
                    + DIRECTIVES
                    + "/"
                    + TASKS_FOLDER
                    + (readme
                            ? "/, and a search of the folder lets this one be"
                            : "/ (name it YYYY-MM-DD_task_SLUG.md)");
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        if (!DOCUMENT_EXTENSIONS.contains(ext) && !markdownWithSuffix(name)) {
            return null;
        }
        return "only Markdown files (.md, .markdown) are "
                + (inTasks ? "task lists" : "specs")
                + (markdownWithSuffix(name)
                        // x.md.bak beside x.md: renamed, it would take the spec's own name
                        ? " (a left-over copy: move it out of the "
                                + (inTasks ? "tasks" : "spec")
                                + " folder; else rename it to .md)"
                        : " (rename it to .md if it is one)");
    }

    /**
     * Why a walk under a configuration's {@code specs:} globs does not take {@code file}, when a
     * writer may have meant it as one, or null: in a {@code directives/spec} or {@code
     * directives/tasks} folder the globs may hold specs in ({@code mayHold}), what {@link
     * #whySkippedInPlace} says of it; anywhere, a left-over copy or a Markdown file with its
     * extension in another case whose name as Markdown ({@code x.md.bak} and {@code x.MD} as {@code
     * x.md}) the globs select. A name the globs would not take either way, no document at all
     * (source, an image, {@code .gitkeep}), and a text document outside those folders (a {@code
     * docs/requirements.txt} under {@code docs/**}{@code /*.md} is no spec) are let be.
     */
    public static String whyNotSelected(
            Path file, Predicate<Path> selects, Predicate<Path> mayHold) {
        Path name = file.getFileName();
        Path parent = file.getParent();
        if (name == null || parent == null) {
            return null;
        }
        String n = name.toString();
        boolean markdown = MarkdownNames.isMarkdown(n);
        String why = markdown ? null : whySkipped(n, false);
        if (!markdown && why == null) {
            return null;
        }
        java.util.Optional<String> inPlace = whySkippedInPlace(file);
        if (inPlace.isPresent() && mayHold.test(parent)) {
            return inPlace.get();
        }
        if (!markdown && !markdownWithSuffix(n)) {
            return null;
        }
        String meant = markdownName(n);
        if (meant.equals(n) || !selects.test(parent.resolve(meant))) {
            return null;
        }
        return why != null
                ? why
                : "the specs: globs of the configuration take '"
                        + meant
                        + "', with its extension in lower case (rename it if it is one)";
    }

    /**
     * {@code name} as the Markdown file it stands for: a left-over copy without its suffix ({@code
     * x.md.bak}, {@code x.md~} as {@code x.md}), a Markdown extension in lower case ({@code x.MD}
     * as {@code x.md}), any other extension replaced by {@code .md} ({@code x.txt} as {@code
     * x.md}).
     */
    private static String markdownName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String ext : new String[] {".markdown", ".md"}) {
            int at = lower.lastIndexOf(ext + ".");
            if (at < 0 && lower.endsWith(ext + "~")) {
                at = lower.length() - ext.length() - 1;
            }
            if (at > 0) {
                return name.substring(0, at) + ext;
            }
        }
        String ext = MarkdownNames.extension(name);
        if (!ext.isEmpty()) {
            return name.substring(0, name.length() - ext.length())
                    + ext.toLowerCase(java.util.Locale.ROOT);
        }
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".md";
    }

    /** The specs under each path, each file once, sorted by path. */
    public List<Path> find(List<Path> paths) {
        Set<Path> found = new LinkedHashSet<>();
        for (Path p : paths) {
            found.addAll(find(p));
        }
        return found.stream().sorted().toList();
    }

    /** The specs under one path, sorted. A path that does not exist gives none. */
    public List<Path> find(Path path) {
        return find(path, new ArrayList<>());
    }

    /**
     * The specs under one path, sorted; folders that could hold specs but cannot be read go to
     * {@code unreadable}.
     */
    public List<Path> find(Path path, List<UnreadablePath> unreadable) {
        return find(path, unreadable, null);
    }

    /**
     * {@link #find(Path, List)}, also putting the attributes its walk read of each regular file
     * found into {@code stamps}, when not null (not every file found need have them).
     */
    List<Path> find(
            Path path, List<UnreadablePath> unreadable, Map<Path, BasicFileAttributes> stamps) {
        return find(path, unreadable, stamps, null);
    }

    /**
     * {@link #find(Path, List, Map)}, leaving folders below {@code path} with a configuration of
     * their own to it ({@link NestedConfigs}), when not null.
     */
    List<Path> find(
            Path path,
            List<UnreadablePath> unreadable,
            Map<Path, BasicFileAttributes> stamps,
            NestedConfigs nestedConfigs) {
        return find(path, unreadable, stamps, nestedConfigs, dir -> false);
    }

    /**
     * {@link #find(Path, List, Map, NestedConfigs)}, not going into folders below {@code path} that
     * {@code ignoredFolder} says are ignored whole.
     */
    List<Path> find(
            Path path,
            List<UnreadablePath> unreadable,
            Map<Path, BasicFileAttributes> stamps,
            NestedConfigs nestedConfigs,
            Predicate<Path> ignoredFolder) {
        if (standsForItself(path)) {
            return List.of(path.normalize());
        }
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        int before = unreadable.size();
        List<Path> underDirectives =
                walkDirectives(path, unreadable, stamps, nestedConfigs, ignoredFolder);
        // a folder whose specs all live below nested configurations is not a folder of loose
        // Markdown files either
        if (!underDirectives.isEmpty()
                || hasDirectivesBelow(path)
                || unreadable.size() > before
                || (nestedConfigs != null && nestedConfigs.any())) {
            return underDirectives;
        }
        return markdownDirectlyIn(path, unreadable);
    }

    /**
     * Whether a search of {@code root} that finds nothing under a {@code directives} folder takes
     * the Markdown files directly in it: only when it is a folder with no {@code directives} folder
     * in it and is not inside one (the editor asks it of a workspace folder before it searches
     * one).
     */
    public static boolean takesLooseMarkdown(Path root) {
        return Files.isDirectory(root) && !hasDirectivesBelow(root);
    }

    private static boolean hasDirectivesBelow(Path root) {
        return Files.isDirectory(root.resolve(DIRECTIVES))
                || isInside(root.toAbsolutePath().normalize());
    }

    private static boolean isInside(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(DIRECTIVES)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a path named to a command is a file that stands for itself: anything that exists and
     * is not a folder (a regular file, a link to one, a pipe or a device, which reading then
     * refuses with its reason; never opened here).
     */
    static boolean standsForItself(Path path) {
        return Files.exists(path) && !Files.isDirectory(path);
    }

    private List<Path> walkDirectives(
            Path root,
            List<UnreadablePath> unreadable,
            Map<Path, BasicFileAttributes> stamps,
            NestedConfigs nestedConfigs,
            Predicate<Path> ignoredFolder) {
        Path absRoot = root.toAbsolutePath().normalize();
        boolean rootInsideFolder = isInsideWantedFolder(absRoot);
        FolderVerdict folder = new FolderVerdict(); // the walk visits a folder's files together
        List<Path> result =
                new ArrayList<>(
                        SpecFileWalk.files(
                                root,
                                file -> {
                                    boolean markdown = isMarkdown(file);
                                    if (markdown
                                            && folder.of(file).accepts(file, rootInsideFolder)) {
                                        return true;
                                    }
                                    if (skipped != null) {
                                        noteSkipped(file, folder.of(file), rootInsideFolder);
                                    }
                                    return false;
                                },
                                dir -> {
                                    Path abs = dir.toAbsolutePath().normalize();
                                    return rootInsideFolder
                                            || isInsideWantedFolder(abs)
                                            || (abs.getFileName() != null
                                                    && abs.getFileName()
                                                            .toString()
                                                            .equals(DIRECTIVES));
                                },
                                ignoredFolder,
                                unreadable,
                                stamps,
                                nestedConfigs));
        result.sort(null); // walk order depends on the file system
        return result;
    }

    /**
     * Whether a name is a Markdown file's with something after its extension: {@code x.md.txt},
     * {@code x.md.bak}, {@code x.md~}.
     */
    private static boolean markdownWithSuffix(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.contains(".md.")
                || n.contains(".markdown.")
                || n.endsWith(".md~")
                || n.endsWith(".markdown~");
    }

    /** Notes {@code file}, which the walk does not take, when a writer may have meant it. */
    private void noteSkipped(Path file, FolderVerdict folder, boolean rootInsideFolder) {
        if (!rootInsideFolder && !folder.wanted) {
            return;
        }
        Path name = file.getFileName();
        String why = name == null ? null : whySkipped(name.toString(), folder.tasks);
        if (why != null) {
            skipped.put(file.normalize(), why);
        }
    }

    /**
     * What a file's folder says about it (inside a wanted folder; a {@code directives/tasks}
     * folder), worked out once per folder rather than once per file of a walk: resolving each
     * file's absolute path twice was most of the walk's own time at 10,000 specs. One walk's state,
     * not thread-safe.
     */
    private final class FolderVerdict {
        private Path parent;
        private int parentNames;
        private boolean wanted;
        private boolean tasks;

        FolderVerdict of(Path file) {
            // still in the last file's folder: no parent path made to compare (one per file)
            if (parent != null
                    && file.getNameCount() == parentNames + 1
                    && file.startsWith(parent)) {
                return this;
            }
            Path p = file.getParent();
            if (p == null || !p.equals(parent)) {
                Path abs = file.toAbsolutePath().normalize();
                wanted = isInsideWantedFolder(abs.getParent());
                tasks = !namedForItsFolder(abs, "");
                parent = p;
                parentNames = p == null ? -1 : p.getNameCount();
            }
            return this;
        }

        boolean accepts(Path file, boolean rootInsideFolder) {
            return (rootInsideFolder || wanted)
                    && (!tasks || file.getFileName().toString().contains(DocumentKind.TASK_INFIX));
        }
    }

    /**
     * In a {@code directives/tasks} folder only task lists count: names holding the infix; {@code
     * name} is the file's name.
     */
    private static boolean namedForItsFolder(Path file, String name) {
        for (Path p = file.toAbsolutePath().normalize().getParent();
                p != null && p.getParent() != null;
                p = p.getParent()) {
            Path parent = p.getParent();
            if (parent.getFileName() != null
                    && parent.getFileName().toString().equals(DIRECTIVES)
                    && p.getFileName() != null) {
                return !p.getFileName().toString().equals(TASKS_FOLDER)
                        || name.contains(DocumentKind.TASK_INFIX);
            }
        }
        return true;
    }

    /**
     * Whether {@code dir} is, or is below, {@code directives/<folder>} for one of the wanted
     * folders.
     */
    private boolean isInsideWantedFolder(Path dir) {
        for (Path p = dir; p != null && p.getParent() != null; p = p.getParent()) {
            Path parent = p.getParent();
            if (parent.getFileName() != null
                    && parent.getFileName().toString().equals(DIRECTIVES)
                    && p.getFileName() != null
                    && folders.contains(p.getFileName().toString())) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> markdownDirectlyIn(Path dir, List<UnreadablePath> unreadable) {
        try (Stream<Path> s = Files.list(dir)) {
            // a pipe or a device too: reading it says what it is (never opened here)
            return s.filter(p -> !Files.isDirectory(p))
                    .filter(SpecDiscovery::isMarkdown)
                    .map(Path::normalize)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            unreadable.add(new UnreadablePath(dir.normalize(), IoFailure.reason(e)));
            return List.of();
        }
    }

    /**
     * Whether the file's name ends with {@code .md} or {@code .markdown} in any case ({@link
     * MarkdownNames}); read from the path's text, which a path keeps (its name as a path of its
     * own, a string of it and its lower case were three objects per file of a walk).
     */
    private static boolean isMarkdown(Path file) {
        String text = file.toString();
        int name = text.lastIndexOf(file.getFileSystem().getSeparator()) + 1;
        return MarkdownNames.isMarkdown(text, text.length() - name);
    }
}
