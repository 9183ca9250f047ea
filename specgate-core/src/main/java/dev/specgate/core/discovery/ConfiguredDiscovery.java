package dev.specgate.core.discovery;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.config.SpecgateConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds the specs to check under a configuration: its {@code specs:} globs say which files are
 * specs (without them, {@link SpecDiscovery}'s default applies) and its {@code ignore:} globs drop
 * files. A file named on the command line is held to the same globs, so that hooks which pass every
 * changed Markdown file check only specs; such files are reported back as excluded.
 */
public final class ConfiguredDiscovery {

    /**
     * What a search found.
     *
     * @param specs the files to check, each once, sorted
     * @param excluded files named explicitly that the configuration does not select
     * @param unreadable folders that could hold specs but could not be read, each once
     * @param nestedConfigs configuration files ({@code .specgate.yml}) the search met in folders
     *     below a path it searched, each once: the specs beside and below one follow it (see {@code
     *     SpecWorkspace}); they are among {@code specs} here
     * @param aliases each further name found of a file among {@code specs} (a symbolic link to it,
     *     a hard link, a linked folder reaching it again), mapped to the name it is checked under:
     *     one file is checked, and fixed, once (see {@link #oneNamePerFile(Selection)})
     * @param skipped files the search met where specs and task lists are looked for, that read like
     *     one but are not taken ({@code directives/spec/x.txt}, a task list not named {@code
     *     *_task_*}), each with why ({@link SpecDiscovery#whySkipped}): no silent pass, every
     *     surface says them ({@code SpecProject.skippedNotices})
     */
    public record Selection(
            List<Path> specs,
            List<Path> excluded,
            List<UnreadablePath> unreadable,
            Map<Path, BasicFileAttributes> stamps,
            List<Path> nestedConfigs,
            Map<Path, Path> aliases,
            Map<Path, String> skipped) {
        /**
         * @param stamps the attributes the search read of some of the specs (regular files found by
         *     a walk): a run with the incremental cache takes a spec's size and time from here
         *     instead of reading them again; not part of what was found. Kept as given, not copied
         *     (a copy of 10,000 entries cost a cold run ~10 ms): pass a map nothing changes
         *     afterwards
         */
        public Selection {
            specs = List.copyOf(specs);
            excluded = List.copyOf(excluded);
            stamps = Collections.unmodifiableMap(requireNonNull(stamps, "stamps must not be null"));
            Map<Path, UnreadablePath> once = new LinkedHashMap<>();
            for (UnreadablePath u : unreadable) {
                once.putIfAbsent(u.path(), u);
            }
            unreadable = List.copyOf(once.values());
            nestedConfigs = nestedConfigs.stream().distinct().sorted().toList();
            aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
            skipped =
                    skipped.isEmpty()
                            ? Map.of()
                            : Collections.unmodifiableMap(new TreeMap<>(skipped));
        }

        public Selection(
                List<Path> specs,
                List<Path> excluded,
                List<UnreadablePath> unreadable,
                Map<Path, BasicFileAttributes> stamps,
                List<Path> nestedConfigs,
                Map<Path, Path> aliases) {
            this(specs, excluded, unreadable, stamps, nestedConfigs, aliases, Map.of());
        }

        public Selection(
                List<Path> specs,
                List<Path> excluded,
                List<UnreadablePath> unreadable,
                Map<Path, BasicFileAttributes> stamps,
                List<Path> nestedConfigs) {
            this(specs, excluded, unreadable, stamps, nestedConfigs, Map.of());
        }

        public Selection(
                List<Path> specs,
                List<Path> excluded,
                List<UnreadablePath> unreadable,
                Map<Path, BasicFileAttributes> stamps) {
            this(specs, excluded, unreadable, stamps, List.of());
        }

        public Selection(List<Path> specs, List<Path> excluded, List<UnreadablePath> unreadable) {
            this(specs, excluded, unreadable, Map.of());
        }

        /**
         * Whether nothing at all was found: no spec, no excluded file, no unreadable folder, no
         * folder left to a configuration of its own. Files {@link #skipped()} do not count: a
         * search that found only those found nothing to check (and {@code nothingFound} names
         * them).
         */
        public boolean isEmpty() {
            return specs.isEmpty()
                    && excluded.isEmpty()
                    && unreadable.isEmpty()
                    && nestedConfigs.isEmpty();
        }

        /**
         * What {@code target} is to this search when it is one of the files it found: {@code "a
         * spec this run checks"} (one of {@link #specs()}) or {@code "a file this run was given"}
         * (one of {@link #excluded()}); empty when it is neither, or does not exist yet. The same
         * file under another name (a link) counts: it is compared by identity, by the attributes
         * the walk already read where it has them, else by {@link Files#isSameFile}. What a surface
         * that writes a file says of such a target is {@code SpecProject.writeRefusal}'s.
         */
        public Optional<String> inputRole(Path target) {
            requireNonNull(target, "target must not be null");
            BasicFileAttributes at; // of the file a link leads to, as the walk's stamps are
            try {
                at = Files.readAttributes(target, BasicFileAttributes.class);
            } catch (IOException e) {
                return Optional.empty(); // not there yet: it is no input
            }
            if (holds(specs, target, at)) {
                return Optional.of("a spec this run checks");
            }
            if (holds(excluded, target, at)) {
                return Optional.of("a file this run was given");
            }
            return Optional.empty();
        }

        private boolean holds(List<Path> inputs, Path target, BasicFileAttributes at) {
            Object key = at.fileKey();
            for (Path file : inputs) {
                BasicFileAttributes known = stamps.get(file);
                boolean same =
                        key != null && known != null && known.fileKey() != null
                                ? key.equals(known.fileKey())
                                : sameFile(target, file);
                if (same) {
                    return true;
                }
            }
            return false;
        }

        private static boolean sameFile(Path a, Path b) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
            }
        }
    }

    private final Optional<SpecgateConfig> config;

    private final boolean nested;

    /**
     * A discovery that applies {@code config} (or none) to everything below the paths it searches.
     */
    public ConfiguredDiscovery(Optional<SpecgateConfig> config) {
        this(config, false);
    }

    /**
     * @param nested whether a folder below a searched path that keeps its own configuration is left
     *     to that configuration (noted in {@link Selection#nestedConfigs()}, not searched)
     */
    public ConfiguredDiscovery(Optional<SpecgateConfig> config, boolean nested) {
        this.config = requireNonNull(config, "config must not be null");
        this.nested = nested;
    }

    /**
     * What a search looks for, in a user's words, for a search that found nothing: the {@code
     * specs:} globs of the configuration (and that its {@code ignore:} globs drop files), or the
     * default layout. {@link #lookedFor(Path)} says it of one searched folder.
     */
    public String lookedFor() {
        return lookedFor(null);
    }

    /**
     * What a search of {@code root} looks for, in a user's words, true of that folder: the {@code
     * specs:} globs of the configuration, or the default layout, which takes the Markdown files
     * directly in {@code root} only when it has no {@code directives} folder and is in none (said
     * only then; {@code root} null: said as "or else"). The configuration is named by its file name
     * in {@code root}, else by its path ({@code ../.specgate.yml}): its globs are read from its
     * folder.
     */
    public String lookedFor(Path root) {
        if (config.isPresent() && !config.get().specs().isEmpty()) {
            SpecgateConfig c = config.get();
            return "files matching "
                    + c.specs().stream().map(g -> "'" + g + "'").collect(Collectors.joining(", "))
                    + " (the specs: globs of "
                    + (root == null ? c.file().getFileName() : NearMisses.configNamed(c, root))
                    + (c.ignore().isEmpty() ? "" : ", less its ignore: globs")
                    + ")";
        }
        String loose =
                root == null
                        ? ", or else the Markdown files directly in the folder"
                        : SpecDiscovery.takesLooseMarkdown(root)
                                ? ", or else (as it has no "
                                        + SpecDiscovery.DIRECTIVES
                                        + "/ folder) the Markdown files directly in it"
                                : "";
        return "Markdown files in a "
                + SpecDiscovery.DIRECTIVES
                + "/"
                + SpecDiscovery.SPEC_FOLDER
                + "/ folder and task lists in "
                + SpecDiscovery.DIRECTIVES
                + "/"
                + SpecDiscovery.TASKS_FOLDER
                + "/, at any depth"
                + loose
                + (config.isPresent() && !config.get().ignore().isEmpty()
                        ? " (less the ignore: globs of "
                                + (root == null
                                        ? config.get().file().getFileName()
                                        : NearMisses.configNamed(config.get(), root))
                                + ")"
                        : "");
    }

    /**
     * What a search of {@code root} that found nothing says: {@link #lookedFor(Path)}, then what it
     * saw near there, if anything: a folder spelt like the spec folder but not it ({@code
     * directives/specs/}, {@code Directives/Spec/}) with its Markdown files and the name meant, or
     * files named like specs where none is looked for ({@link NearMisses}: a bounded look, made
     * only now).
     */
    public String nothingFound(Path root) {
        return nothingFound(root, Map.of());
    }

    /**
     * What a look near {@code root} sees where no spec is looked for, whatever the search found: a
     * team's own folder of specs ({@code docs/design/ with 96 Markdown files where none is looked
     * for: to check them, put ...}), files named like specs, a folder spelt like the spec folder
     * ({@link NearMisses}, bounded); empty when it sees none. For {@code init} on a project that
     * already has specs, where a search finds some and so says nothing of the others.
     */
    public String seenNear(Path root) {
        return new NearMisses(config).describe(requireNonNull(root, "root must not be null"));
    }

    /**
     * {@link #nothingFound(Path)}, naming first the files the search met where specs are looked for
     * but did not take ({@link Selection#skipped()}: {@code found directives/spec/x.txt: only
     * Markdown files (.md, .markdown) are specs ...}), at most {@link NearMisses#NAMED_FILES}.
     */
    public String nothingFound(Path root, Map<Path, String> skipped) {
        String near =
                new NearMisses(config).describe(requireNonNull(root, "root must not be null"));
        StringBuilder said = new StringBuilder(lookedFor(root));
        int named = 0;
        for (Map.Entry<Path, String> e : new TreeMap<>(skipped).entrySet()) {
            if (named == NearMisses.NAMED_FILES) {
                said.append("; and ").append(skipped.size() - named).append(" more such files");
                break;
            }
            said.append("; found ")
                    .append(NearMisses.shownUnder(root, e.getKey()))
                    .append(", not read: ")
                    .append(e.getValue());
            named++;
        }
        return said + (near.isEmpty() ? "" : "; " + near);
    }

    /**
     * The specs under each path (files stand for themselves), each file once under one name ({@link
     * #oneNamePerFile(Selection)}).
     */
    public Selection find(List<Path> paths) {
        return oneNamePerFile(findEveryName(paths));
    }

    /**
     * The specs under each path (files stand for themselves), each path once but a file reached
     * under several names (links) under each: for a caller that merges several searches and keeps
     * one name per file of them all, once ({@link #oneNamePerFile(Selection)}).
     */
    public Selection findEveryName(List<Path> paths) {
        List<UnreadablePath> unreadable = new ArrayList<>();
        Map<Path, BasicFileAttributes> stamps = new HashMap<>();
        NestedConfigs nested =
                this.nested
                        ? new NestedConfigs(config.isEmpty() ? p -> false : config.get()::ignores)
                        : null;
        Map<Path, String> skipped = new HashMap<>();
        if (config.isEmpty()) {
            List<Path> found = new ArrayList<>();
            List<Path> leftOut = new ArrayList<>();
            SpecDiscovery builtin = new SpecDiscovery().noting(skipped);
            for (Path p : paths) {
                if (SpecDiscovery.standsForItself(p)
                        && SpecDiscovery.whyLeftOutInPlace(p).isPresent()) {
                    // named, a file the search would not take is left out as the search leaves it
                    // (a README or a misnamed task list is no spec), and said so
                    leftOut.add(p.normalize());
                } else {
                    found.addAll(builtin.find(p, unreadable, stamps, nested));
                }
            }
            return new Selection(
                    paths.size() == 1 ? found : sortedOnce(found),
                    leftOut,
                    unreadable,
                    stamps,
                    nested == null ? List.of() : nested.found(),
                    Map.of(),
                    skipped);
        }
        SpecgateConfig c = config.get();
        List<Path> found = new ArrayList<>();
        List<Path> excluded = new ArrayList<>();
        for (Path p : paths) {
            if (SpecDiscovery.standsForItself(p)) {
                if (c.selects(p)) {
                    found.add(p.normalize());
                } else {
                    excluded.add(p.normalize());
                }
            } else if (c.specs().isEmpty()) {
                for (Path f :
                        new SpecDiscovery()
                                .noting(skipped)
                                .find(p, unreadable, stamps, nested, c::ignoresFolder)) {
                    if (!c.ignores(f)) {
                        found.add(f);
                    }
                }
            } else if (Files.isDirectory(p)) {
                found.addAll(
                        SpecFileWalk.files(
                                p,
                                f -> {
                                    if (c.selects(f)) {
                                        return true;
                                    }
                                    // no silent pass: a file meant as a spec is said
                                    String why =
                                            SpecDiscovery.whyNotSelected(
                                                    f, c::selects, c::mayHoldSpecs);
                                    if (why != null) {
                                        skipped.put(f.normalize(), why);
                                    }
                                    return false;
                                },
                                c::mayHoldSpecs,
                                c::ignoresFolder,
                                unreadable,
                                stamps,
                                nested));
            }
        }
        skipped.keySet().removeIf(c::ignores); // what the configuration leaves out is no miss
        return new Selection(
                paths.size() == 1 && c.specs().isEmpty() ? found : sortedOnce(found),
                excluded,
                unreadable,
                stamps,
                nested == null ? List.of() : nested.found(),
                Map.of(),
                skipped);
    }

    /**
     * {@code selection} with each file found under several names (a symbolic link to a spec beside
     * it, a hard link, a linked folder that reaches specs found already) kept once, under one name:
     * its own (not a link's) when one of them is, else the first in order; the others go to {@link
     * Selection#aliases()} (with those {@code selection} had already). Checking one file under two
     * names would check it twice, and {@code --fix} would write it twice, each name pulling its
     * File field its own way. Files are told apart by their file key (device and inode): from the
     * attributes the walk read when it has them, else read here; a file whose attributes cannot be
     * read stays, to be reported when it is read.
     */
    public static Selection oneNamePerFile(Selection selection) {
        List<Path> specs = selection.specs();
        // each file's first name, and the names of the few files reached under several (no list
        // per file: at 10,000 specs nearly every file has one name)
        Map<Object, Path> firstName = new HashMap<>(specs.size() * 4 / 3 + 1);
        Map<Object, List<Path>> severalNames = new HashMap<>();
        for (Path spec : specs) {
            Object key = fileKey(spec, selection.stamps().get(spec));
            if (key != null) {
                Path first = firstName.putIfAbsent(key, spec);
                if (first != null) {
                    severalNames
                            .computeIfAbsent(key, k -> new ArrayList<>(List.of(first)))
                            .add(spec);
                }
            }
        }
        if (severalNames.isEmpty() && selection.aliases().isEmpty()) {
            return selection;
        }
        Map<Path, Path> aliases = new HashMap<>(selection.aliases());
        for (List<Path> names : severalNames.values()) {
            Path kept = ownName(names);
            for (Path name : names) {
                if (!name.equals(kept)) {
                    aliases.put(name, kept);
                }
            }
        }
        if (specs.stream().noneMatch(aliases::containsKey)) {
            return selection;
        }
        return new Selection(
                selection.specs().stream().filter(p -> !aliases.containsKey(p)).toList(),
                selection.excluded(),
                selection.unreadable(),
                selection.stamps(),
                selection.nestedConfigs(),
                aliases,
                selection.skipped());
    }

    /** The file key of {@code file}'s target (null when unknown: it then counts as unique). */
    private static Object fileKey(Path file, BasicFileAttributes stamp) {
        if (stamp != null) {
            return stamp.fileKey(); // null where the file system has none: unique then
        }
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return attrs.isRegularFile() ? attrs.fileKey() : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null; // read (and reported) when the file itself is read
        }
    }

    /**
     * The name of a file to check it under, of several in order: the first that is not a symbolic
     * link and whose folders are no links either (its real path), else the first that is not a link
     * itself, else the first.
     */
    private static Path ownName(List<Path> names) {
        for (Path name : names) {
            try {
                if (name.toRealPath().equals(name.toAbsolutePath().normalize())) {
                    return name;
                }
            } catch (IOException e) {
                // not this one
            }
        }
        for (Path name : names) {
            if (!Files.isSymbolicLink(name)) {
                return name;
            }
        }
        return names.get(0);
    }

    /**
     * {@code paths} sorted, each once: what a tree set gives, without its 14 comparisons per path
     * (10,000 specs come sorted from one walk, which a list sort checks in one pass). One path's
     * search ({@link SpecDiscovery#find}: a file, or the specs one walk found, sorted, each once)
     * needs neither: the search of one root takes its list as it is.
     */
    private static List<Path> sortedOnce(List<Path> paths) {
        paths.sort(null);
        List<Path> once = new ArrayList<>(paths.size());
        for (Path p : paths) {
            if (once.isEmpty() || !once.get(once.size() - 1).equals(p)) {
                once.add(p);
            }
        }
        return once;
    }
}
