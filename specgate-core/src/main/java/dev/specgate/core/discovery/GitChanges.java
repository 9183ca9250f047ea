package dev.specgate.core.discovery;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.NoWorkTreeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * The files changed since a git revision, read with JGit (no git executable is run): what differs
 * between the revision's tree and HEAD's, plus what the working tree changes on top (staged,
 * unstaged, untracked, deleted).
 */
public final class GitChanges {

    /**
     * @param workTree the repository's working tree
     * @param paths the changed files, absolute (deleted files included)
     */
    public record Result(Path workTree, Set<Path> paths) {}

    private static volatile boolean systemConfigSkipped;

    private GitChanges() {}

    /** The changes since {@code rev} in the repository at or above {@code start}. */
    public static Result since(Path start, String rev) throws ChangesException {
        skipSystemConfig();
        File from = start.toAbsolutePath().normalize().toFile();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
        builder.findGitDir(from.isFile() ? from.getParentFile() : from);
        if (builder.getGitDir() == null) {
            throw new ChangesException(
                    "--changed-since needs a git repository, and " + start + " is not in one");
        }
        try (Repository repo = builder.setMustExist(true).build();
                Git git = new Git(repo)) {
            ObjectId since = resolveTree(repo, rev);
            Path workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
            Set<String> changed = new TreeSet<>();
            ObjectId head = repo.resolve("HEAD^{tree}");
            try (ObjectReader reader = repo.newObjectReader()) {
                CanonicalTreeParser old = new CanonicalTreeParser(null, reader, since);
                AbstractTreeIterator now =
                        head == null
                                ? new EmptyTreeIterator()
                                : new CanonicalTreeParser(null, reader, head);
                for (DiffEntry d :
                        git.diff()
                                .setOldTree(old)
                                .setNewTree(now)
                                .setShowNameAndStatusOnly(true)
                                .call()) {
                    if (d.getChangeType() != DiffEntry.ChangeType.DELETE) {
                        changed.add(d.getNewPath());
                    }
                    if (d.getChangeType() != DiffEntry.ChangeType.ADD) {
                        changed.add(d.getOldPath());
                    }
                }
            }
            Status status = git.status().call();
            changed.addAll(status.getAdded());
            changed.addAll(status.getChanged());
            changed.addAll(status.getModified());
            changed.addAll(status.getUntracked());
            changed.addAll(status.getRemoved());
            changed.addAll(status.getMissing());
            changed.addAll(status.getConflicting());
            Set<Path> paths = new TreeSet<>();
            for (String p : changed) {
                paths.add(workTree.resolve(p).normalize());
            }
            return new Result(workTree, paths);
        } catch (NoWorkTreeException e) {
            throw new ChangesException("--changed-since needs a repository with a working tree");
        } catch (IOException | GitAPIException e) {
            throw new ChangesException("cannot read the git repository: " + e.getMessage());
        }
    }

    private static ObjectId resolveTree(Repository repo, String rev)
            throws IOException, ChangesException {
        ObjectId id;
        try {
            id = rev.isBlank() ? null : repo.resolve(rev + "^{tree}");
        } catch (RevisionSyntaxException
                | AmbiguousObjectException
                | IncorrectObjectTypeException e) {
            id = null;
        }
        if (id == null) {
            throw new ChangesException(
                    "unknown git revision '" + rev + "' (a commit, branch, tag or HEAD~N)");
        }
        return id;
    }

    /**
     * JGit finds the system-wide git configuration by running the git executable; Specgate needs
     * none of it, so it reads an empty one instead (user and repository configuration still apply).
     */
    public static void skipSystemConfig() {
        if (systemConfigSkipped) {
            return;
        }
        synchronized (GitChanges.class) {
            if (systemConfigSkipped) {
                return;
            }
            SystemReader current = SystemReader.getInstance();
            SystemReader.setInstance(
                    new SystemReader.Delegate(current) {
                        @Override
                        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                            return new FileBasedConfig(parent, null, fs) {
                                @Override
                                public void load() {
                                    // no system configuration
                                }

                                @Override
                                public boolean isOutdated() {
                                    return false;
                                }
                            };
                        }
                    });
            systemConfigSkipped = true;
        }
    }
}
