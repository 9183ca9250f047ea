package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;

/**
 * What histories read from one repository stand on ({@link GitRevisions#headState}: HEAD's commit
 * and a shallow clone's cut), asked again and again by a reader that keeps histories (the preview
 * server asks at each overview) from a repository opened once and kept open. JGit looks at the
 * files HEAD and its branch are read from (and {@code packed-refs}, {@code shallow}) at each
 * question and reads them again only when they changed, so a commit, checkout or fetch made
 * meanwhile by any git is seen. Until a repository is found (none at or above the folder yet), each
 * question looks for one again. Thread-safe; close it when done.
 */
public final class GitHead implements AutoCloseable {

    private final Path start;
    private Repository repo; // null until found, and after a failed read
    private boolean closed;

    GitHead(Path start) {
        this.start = requireNonNull(start, "start must not be null");
    }

    /**
     * The state now ({@link SpecHistory#headState}): empty outside a repository, when it cannot be
     * read, and once closed (a page asked while the server stops is answered, not failed).
     */
    public synchronized String now() {
        if (closed) {
            return "";
        }
        try {
            if (repo == null) {
                repo = GitRevisions.repository(start);
            }
            return GitRevisions.headState(repo);
        } catch (HistoryException | RuntimeException e) {
            // none yet, or it cannot be read now: looked for again at the next question
            if (repo != null) {
                repo.close();
                repo = null;
            }
            return "";
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (repo != null) {
            repo.close();
            repo = null;
        }
    }
}
