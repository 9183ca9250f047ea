package dev.specgate.core.rules;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.discovery.LinkTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Answers whether a link target exists, remembering answers for the links of one check (a spec
 * often links the same file many times). Thread-safe. A check of a project's run asks through the
 * run's {@link Shared} answers: specs link each other, and the files the run's search found are
 * known to exist without a look at the file system per link.
 */
public final class LinkTargets {

    private static final Optional<Boolean> YES = Optional.of(Boolean.TRUE);
    private static final Optional<Boolean> NO = Optional.of(Boolean.FALSE);

    private final ConcurrentHashMap<Path, Boolean> known = new ConcurrentHashMap<>();

    /**
     * Links this check answered from its folder's found names ({@link Folder#found}): recorded
     * here, cheaply, and made paths (which exist) only when {@link #asked()} is.
     */
    private final ArrayList<FoundName> foundNames = new ArrayList<>();

    private final Shared shared;

    /** Where links written in each folder lead: the run's ({@link Shared}), or this check's own. */
    private final Folders folders;

    /** The folder last asked about, by the path this check asked with. */
    private volatile Asked lastFolder;

    /** Answers for one check, each asked of the file system. */
    public LinkTargets() {
        this(null);
    }

    private LinkTargets(Shared shared) {
        this.shared = shared;
        this.folders = shared != null ? shared.folders : new Folders(Map::of);
    }

    /**
     * Whether the file a relative link written {@code destination} in a file in folder {@code dir}
     * names exists, as {@link #existsAt} of {@link LinkTarget#of}{@code (dir, destination)} answers
     * it (and noted as asked, as there); empty when the destination names no file. Each distinct
     * destination of a folder is resolved once per run (once per check outside a run): specs of a
     * folder link the same files, and resolving and normalizing a path, then hashing and comparing
     * it, was most of {@code link-broken}'s time.
     *
     * @param dir the folder of the file the link is written in, absolute
     */
    public Optional<Boolean> linkTargetExists(Path dir, String destination) {
        Asked last = lastFolder;
        if (last == null || last.dir != dir) {
            // a check asks of one folder (its file's), by one Path: looked up once per check
            last = new Asked(dir, folders.of(dir));
            lastFolder = last;
        }
        Folder folder = last.folder;
        if (folder.found.contains(destination)) {
            // the name of a file the run's search found in this folder (found names are plain,
            // so the destination is too): exists, without a Path made, normalized, hashed and
            // looked up, and without a target kept per destination (most links of a folder)
            synchronized (foundNames) {
                foundNames.add(new FoundName(dir, destination));
            }
            return YES;
        }
        Target t = folder.targets.get(destination);
        if (t == null) {
            Optional<Path> path = LinkTarget.of(dir, destination);
            Target made = path.isEmpty() ? Target.NONE : new Target(path.get());
            t = folder.targets.putIfAbsent(destination, made);
            if (t == null) {
                t = made;
            }
        }
        if (t.path == null) {
            return Optional.empty();
        }
        // the answer for a path is the first one asked, for the run (or this check): kept with
        // the target, so that only this check's record of it is made again
        Boolean answer = t.answer;
        if (answer == null) {
            answer = existsAt(t.path);
            t.answer = answer;
        } else {
            known.putIfAbsent(t.path, answer);
        }
        return answer ? YES : NO;
    }

    /** Whether a file or directory exists at {@code path}. */
    public boolean exists(Path path) {
        return existsAt(path.toAbsolutePath().normalize());
    }

    /**
     * {@link #exists(Path)} of a path that is absolute and normalized already, such as {@code
     * LinkTarget.of} gives from a spec's absolute folder: not normalized again (a look at each of
     * its names, for every link of every spec).
     */
    public boolean existsAt(Path absoluteNormalized) {
        Path p = absoluteNormalized;
        if (shared != null) {
            // the run's answers are this check's: one look-up, and the answer noted
            boolean answer = shared.exists(p);
            known.putIfAbsent(p, answer);
            return answer;
        }
        return askOnce(known, p);
    }

    /**
     * {@code p}'s answer in {@code answers}; when it has none, asked of the file system and noted.
     */
    private static boolean askOnce(ConcurrentHashMap<Path, Boolean> answers, Path p) {
        Boolean answer = answers.get(p);
        if (answer == null) {
            answer = Files.exists(p);
            answers.putIfAbsent(p, answer);
        }
        return answer;
    }

    /**
     * Every path asked about so far (absolute and normalized) and whether it existed: what a
     * check's result depends on besides the spec itself (the incremental cache re-checks them).
     */
    public Map<Path, Boolean> asked() {
        synchronized (foundNames) {
            for (FoundName f : foundNames) {
                known.putIfAbsent(f.dir.resolve(f.name), Boolean.TRUE);
            }
            foundNames.clear();
        }
        return Map.copyOf(known);
    }

    /**
     * Whether a link destination is a file's name only, of ASCII letters, digits, {@code -}, {@code
     * _} and {@code .} (not {@code .} or {@code ..}): what {@link LinkTarget#of} reads as that name
     * unchanged (no fragment, query, percent-encoding or other folder), so that the file it names
     * in a normalized folder is the folder's path and that name, as written.
     */
    static boolean plainName(String destination) {
        int n = destination.length();
        if (n == 0 || destination.equals(".") || destination.equals("..")) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = destination.charAt(i);
            boolean plain =
                    c >= 'a' && c <= 'z'
                            || c >= 'A' && c <= 'Z'
                            || c >= '0' && c <= '9'
                            || c == '-'
                            || c == '_'
                            || c == '.';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** A link destination's target path (absolute and normalized), or none ({@link #NONE}). */
    private static final class Target {

        static final Target NONE = new Target(null);

        /**
         * The same instance for every spec of the folder that links it: its hash is computed once,
         * and a check's record of it ({@link #asked()}) finds it by identity.
         */
        final Path path;

        /** {@link #existsAt}'s answer for {@link #path}, once asked. */
        volatile Boolean answer;

        Target(Path path) {
            this.path = path;
        }
    }

    /**
     * A folder links are written in, the targets of their destinations, and the names of the files
     * the run's search found directly in it ({@link #plainName plain} names only; none when the
     * folder's path is not normalized, or outside a run).
     */
    private record Folder(ConcurrentHashMap<String, Target> targets, FoundNames found) {}

    /** The folder a check asked about, by the path it asked with. */
    private record Asked(Path dir, Folder folder) {}

    /** A link to a found file, answered by its name in its folder. */
    private record FoundName(Path dir, String name) {}

    /** The folders links are written in. */
    private static final class Folders {

        private final ConcurrentHashMap<Path, Folder> byFolder = new ConcurrentHashMap<>();

        /**
         * Found files' plain names, by their folder (absolute and normalized), when first asked.
         */
        private final Supplier<Map<Path, FoundNames>> foundNames;

        Folders(Supplier<Map<Path, FoundNames>> foundNames) {
            this.foundNames = foundNames;
        }

        private Folder of(Path dir) {
            return byFolder.computeIfAbsent(
                    dir,
                    d -> {
                        FoundNames found = foundNames.get().get(d);
                        boolean normalized =
                                found != null && d.isAbsolute() && d.equals(d.normalize());
                        return new Folder(
                                new ConcurrentHashMap<>(), normalized ? found : FoundNames.NONE);
                    });
        }
    }

    /**
     * The answers of one run over many specs, shared by their checks: the files the run's search
     * found (regular files, links followed, as its walk read them) exist; any other path is asked
     * of the file system once per run, not once per spec that links it. Each check still records
     * what it asked ({@link #asked()}). Thread-safe; made per run, so that no answer outlives it.
     */
    public static final class Shared {

        /** What the run's search found, as looked up: built once, at once or in the background. */
        private final FutureTask<Known> building;

        /** {@link #building}'s result once a thread has had it; read without a lock per link. */
        private volatile Known known;

        private final Folders folders;

        /**
         * @param found files known to exist (absolute or relative to the current folder)
         */
        public Shared(Collection<Path> found) {
            this(found, Runnable::run);
        }

        /**
         * Answers whose look-up of {@code found} is built by {@code executor} (the run's other
         * thread, while the first checks read and parse their specs), or by the first check that
         * asks about a link before the executor has started it. At 10,000 specs the look-up is
         * ~12-25 ms of cold code, which the run's first thread did alone before any check began.
         *
         * @param found files known to exist (absolute or relative to the current folder); not
         *     changed while the look-up is built
         */
        public Shared(Collection<Path> found, Executor executor) {
            requireNonNull(found, "found must not be null");
            requireNonNull(executor, "executor must not be null");
            building = new FutureTask<>(() -> Known.of(found));
            folders = new Folders(() -> known().names);
            executor.execute(building);
        }

        /** Answers for one check of the run. */
        public LinkTargets forCheck() {
            return new LinkTargets(this);
        }

        private boolean exists(Path absolute) {
            return askOnce(known().answers, absolute);
        }

        /** The look-up, built here when nothing has started building it yet. */
        private Known known() {
            Known k = known;
            if (k != null) {
                return k;
            }
            building.run(); // returns at once when another thread runs it or ran it
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        k = building.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // a check's answers must not depend on an interrupt
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException r) {
                            throw r;
                        }
                        if (cause instanceof Error err) {
                            throw err;
                        }
                        throw new IllegalStateException(cause);
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            known = k;
            return k;
        }
    }

    /**
     * The files a run's search found: each as existing (absolute and normalized), and the plain
     * names of those directly in each folder.
     */
    private record Known(ConcurrentHashMap<Path, Boolean> answers, Map<Path, FoundNames> names) {

        static Known of(Collection<Path> found) {
            ConcurrentHashMap<Path, Boolean> answers =
                    new ConcurrentHashMap<>(Math.max(16, 2 * found.size()));
            Map<Path, List<String>> names = new HashMap<>();
            for (Path f : found) {
                Path p = f.toAbsolutePath().normalize();
                answers.put(p, Boolean.TRUE);
                Path parent = p.getParent();
                Path name = p.getFileName();
                if (parent != null && name != null) {
                    String s = name.toString();
                    if (plainName(s)) {
                        names.computeIfAbsent(parent, k -> new ArrayList<>()).add(s);
                    }
                }
            }
            Map<Path, FoundNames> tables = new HashMap<>();
            names.forEach((folder, kept) -> tables.put(folder, FoundNames.of(kept)));
            return new Known(answers, tables);
        }
    }
}
