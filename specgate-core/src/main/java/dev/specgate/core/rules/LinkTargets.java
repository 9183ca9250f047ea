package dev.specgate.core.rules;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers whether a link target exists, remembering answers for the links of one check (a spec
 * often links the same file many times). Thread-safe. A check of a project's run asks through the
 * run's {@link Shared} answers: specs link each other, and the files the run's search found are
 * known to exist without a look at the file system per link.
 */
public final class LinkTargets {

    private final ConcurrentHashMap<Path, Boolean> known = new ConcurrentHashMap<>();
    private final Shared shared;

    /** Answers for one check, each asked of the file system. */
    public LinkTargets() {
        this(null);
    }

    private LinkTargets(Shared shared) {
        this.shared = shared;
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
        return Map.copyOf(known);
    }

    /**
     * The answers of one run over many specs, shared by their checks: the files the run's search
     * found (regular files, links followed, as its walk read them) exist; any other path is asked
     * of the file system once per run, not once per spec that links it. Each check still records
     * what it asked ({@link #asked()}). Thread-safe; made per run, so that no answer outlives it.
     */
    public static final class Shared {

        private final ConcurrentHashMap<Path, Boolean> answers;

        /**
         * @param found files known to exist (absolute or relative to the current folder)
         */
        public Shared(Collection<Path> found) {
            requireNonNull(found, "found must not be null");
            answers = new ConcurrentHashMap<>(Math.max(16, 2 * found.size()));
            for (Path f : found) {
                answers.put(f.toAbsolutePath().normalize(), Boolean.TRUE);
            }
        }

        /** Answers for one check of the run. */
        public LinkTargets forCheck() {
            return new LinkTargets(this);
        }

        private boolean exists(Path absolute) {
            return askOnce(answers, absolute);
        }
    }
}
