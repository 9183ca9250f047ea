package dev.specgate.core.discovery;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.NoWorkTreeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
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
        Repository found;
        try {
            found = repository(start);
        } catch (IOException e) {
            throw new ChangesException("cannot read the git repository: " + e.getMessage());
        }
        if (found == null) {
            throw new ChangesException(
                    "--changed-since needs a git repository, and " + start + " is not in one");
        }
        try (Repository repo = found;
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

    /**
     * The git repository at or above {@code start}, found as git finds it, opened (the caller
     * closes it); null when there is none. A {@code .git} file ({@code gitdir: PATH}: {@code git
     * init --separate-git-dir}, {@code git clone --separate-git-dir}) makes the folder holding it
     * the working tree, as git makes it, unless the repository's {@code core.worktree} names one (a
     * submodule's does); JGit took the git folder's parent for it, so that every spec lay outside
     * the working tree (history: in no commit; {@code --changed-since}: nothing changed). {@code
     * GIT_DIR} and {@code GIT_WORK_TREE}, when set, are followed as git follows them: {@code
     * GIT_DIR} alone makes the current folder the working tree, unless the repository's {@code
     * core.worktree} names one or its {@code core.bare} is true (JGit took the git folder's parent,
     * or none for a git folder not named {@code .git}). The environment is read through JGit's
     * {@link SystemReader}, as {@link FileRepositoryBuilder#readEnvironment()} reads it.
     */
    public static Repository repository(Path start) throws IOException {
        skipSystemConfig();
        File from = start.toAbsolutePath().normalize().toFile();
        File dir = from.isFile() ? from.getParentFile() : from;
        SystemReader env = SystemReader.getInstance();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment(env);
        boolean given = builder.getGitDir() != null || builder.getWorkTree() != null;
        boolean gitDirAlone =
                env.getenv(Constants.GIT_DIR_KEY) != null
                        && env.getenv(Constants.GIT_WORK_TREE_KEY) == null;
        builder.findGitDir(dir);
        if (builder.getGitDir() == null) {
            return null;
        }
        Repository repo = builder.setMustExist(true).build();
        File linked;
        if (gitDirAlone) {
            // git's rule (setup.c, setup_explicit_git_dir): core.bare true has none, core.worktree
            // names it, else it is the current folder
            linked =
                    repo.getConfig().getBoolean("core", null, "bare", false)
                            ? null
                            : new File("").getAbsoluteFile();
        } else {
            linked = given ? null : linkingFolder(dir, repo.getDirectory());
        }
        if (linked == null
                || repo.getConfig().getString("core", null, "worktree") != null
                || (!repo.isBare() && repo.getWorkTree().equals(linked))) {
            return repo;
        }
        File gitDir = repo.getDirectory();
        repo.close();
        return new FileRepositoryBuilder()
                .readEnvironment()
                .setGitDir(gitDir)
                .setWorkTree(linked)
                .setMustExist(true)
                .build();
    }

    /**
     * The folder at or above {@code dir} whose {@code .git} is a file linking to {@code gitDir},
     * the nearest {@code .git} there is; null when the nearest is a folder, or links elsewhere.
     */
    private static File linkingFolder(File dir, File gitDir) {
        for (File d = dir; d != null; d = d.getParentFile()) {
            File dotGit = new File(d, Constants.DOT_GIT);
            if (dotGit.isDirectory()) {
                return null;
            }
            if (dotGit.isFile()) {
                try {
                    String line =
                            java.nio.file.Files.readAllLines(
                                            dotGit.toPath(),
                                            java.nio.charset.StandardCharsets.UTF_8)
                                    .stream()
                                    .findFirst()
                                    .orElse("");
                    if (!line.startsWith("gitdir:")) {
                        return null;
                    }
                    Path target = d.toPath().resolve(line.substring(7).strip());
                    return target.toRealPath().equals(gitDir.toPath().toRealPath()) ? d : null;
                } catch (IOException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
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
                    whyNoCommit(repo, rev)
                            .orElse(
                                    "unknown git revision '"
                                            + rev
                                            + "' (a commit, branch, tag or HEAD~N)"));
        }
        return id;
    }

    /**
     * Why {@code rev}, which git resolves to no commit, names none: the repository (or the branch
     * checked out) has no commit yet, {@code rev} counts back past the first commit ({@link
     * #pastTheFirstCommit}), or it is not in this clone ({@link #notInThisClone}); empty for any
     * other revision.
     */
    public static Optional<String> whyNoCommit(Repository repo, String rev) {
        return noCommitYet(repo, rev)
                .or(() -> pastTheFirstCommit(repo, rev))
                .or(() -> notInThisClone(repo, rev));
    }

    /**
     * Why {@code rev}, a name git does not know, may still name a commit elsewhere, as it does in a
     * CI checkout: a remote's branch the clone has not fetched ({@code origin/main} after a
     * checkout of the pull request alone; the fetch advised names where the branch goes, {@code git
     * fetch origin main:refs/remotes/origin/main}, since a clone of one branch, as {@code --depth}
     * makes, fetches {@code main} into no {@code origin/main}), a branch that a clone holds as a
     * remote's only ({@code main} where only {@code origin/main} is), or any name in a shallow
     * clone, which holds only what it fetched; empty otherwise (a name that is unknown everywhere
     * stays "unknown").
     */
    static Optional<String> notInThisClone(Repository repo, String rev) {
        Matcher m = ANCESTRY.matcher(rev.strip());
        String base = m.matches() ? m.group(1) : rev.strip();
        try {
            if (base.isEmpty() || repo.resolve(base) != null) {
                return Optional.empty();
            }
            boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
            String cut =
                    shallow
                            ? " (this is a shallow clone, as CI checkouts are: it holds only the"
                                    + " commits it fetched; a CI checkout: fetch-depth: 0)"
                            : "";
            int slash = base.indexOf('/');
            if (slash > 0 && repo.getRemoteNames().contains(base.substring(0, slash))) {
                return Optional.of(
                        "unknown git revision '"
                                + rev
                                + "': this clone has not fetched "
                                + base
                                + "; fetch it with 'git fetch "
                                + base.substring(0, slash)
                                + " "
                                + base.substring(slash + 1)
                                + ":"
                                + Constants.R_REMOTES
                                + base
                                + "'"
                                + cut);
            }
            for (String remote : new TreeSet<>(repo.getRemoteNames())) {
                String tracking = remote + "/" + base;
                if (repo.exactRef(Constants.R_REMOTES + tracking) != null) {
                    return Optional.of(
                            "unknown git revision '"
                                    + rev
                                    + "': this clone has no branch '"
                                    + base
                                    + "', only the remote's "
                                    + tracking
                                    + ": did you mean '"
                                    + tracking
                                    + rev.strip().substring(base.length())
                                    + "'?");
                }
            }
            if (shallow) {
                return Optional.of(
                        "unknown git revision '"
                                + rev
                                + "' in this shallow clone, which holds only the commits it"
                                + " fetched: fetch it (or the whole history with 'git fetch"
                                + " --unshallow'; a CI checkout: fetch-depth: 0)");
            }
            return Optional.empty();
        } catch (RevisionSyntaxException | IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Why {@code rev} names no commit when HEAD names none: the repository has no commit at all, or
     * the branch checked out has none yet and {@code rev} is HEAD or that branch; empty otherwise.
     */
    static Optional<String> noCommitYet(Repository repo, String rev) {
        try {
            if (repo.resolve(Constants.HEAD) != null) {
                return Optional.empty();
            }
            Ref head = repo.exactRef(Constants.HEAD);
            String branch =
                    head != null && head.isSymbolic()
                            ? Repository.shortenRefName(head.getTarget().getName())
                            : null;
            String onBranch = branch == null ? "" : " (its branch '" + branch + "' has none)";
            if (repo.getRefDatabase().getRefs().stream().noneMatch(r -> r.getObjectId() != null)) {
                return Optional.of(
                        "'"
                                + rev
                                + "' names no commit: the repository has no commits yet"
                                + onBranch);
            }
            Matcher m = ANCESTRY.matcher(rev.strip());
            String base = m.matches() ? m.group(1) : rev.strip();
            if (base.equals(Constants.HEAD) || base.equals(branch)) {
                return Optional.of(
                        "'"
                                + rev
                                + "' names no commit: the branch checked out, '"
                                + branch
                                + "', has no commits yet");
            }
            return Optional.empty();
        } catch (RevisionSyntaxException | IOException e) {
            return Optional.empty();
        }
    }

    /** A revision counted back by first parents: a base and {@code ~N}, {@code ~}, {@code ^}. */
    private static final Pattern ANCESTRY = Pattern.compile("(.+?)((?:~[0-9]*|\\^1?)+)");

    /**
     * Why {@code rev}, which git resolves to no commit, names none when it counts first parents
     * back from a commit that exists ({@code HEAD~4} in a history of 3 commits): the history is
     * shorter, or a shallow clone cut it; empty for any other revision.
     */
    public static Optional<String> pastTheFirstCommit(Repository repo, String rev) {
        Matcher m = ANCESTRY.matcher(rev.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long steps = 0;
        String suffix = m.group(2);
        for (int i = 0; i < suffix.length(); ) {
            char c = suffix.charAt(i++);
            int digits = i;
            while (i < suffix.length() && Character.isDigit(suffix.charAt(i))) {
                i++;
            }
            long n =
                    c == '^' || digits == i
                            ? 1
                            : i - digits > 9
                                    ? 1_000_000_000L
                                    : Long.parseLong(suffix, digits, i, 10);
            steps += n;
        }
        String base = m.group(1);
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(base + "^{commit}");
            if (id == null) {
                return Optional.empty();
            }
            RevCommit c = walk.parseCommit(id);
            long count = 1;
            boolean cut = false;
            while (count <= steps) {
                if (c.getParentCount() == 0) {
                    cut = repo.getObjectDatabase().getShallowCommits().contains(c);
                    break;
                }
                try {
                    c = walk.parseCommit(c.getParent(0));
                } catch (MissingObjectException e) {
                    cut = true; // a parent the clone does not hold
                    break;
                }
                count++;
            }
            if (count > steps) {
                return Optional.empty(); // it is there: some other reason
            }
            String commits = count + (count == 1 ? " commit" : " commits");
            String first =
                    (count == 1 ? base : base + "~" + (count - 1))
                            + ", "
                            + c.getId().abbreviate(8).name();
            return Optional.of(
                    cut
                            ? "'"
                                    + rev
                                    + "' lies past the history this shallow clone holds: "
                                    + base
                                    + " has only "
                                    + commits
                                    + " here, cut at "
                                    + first
                                    + " (fetch the rest with 'git fetch --unshallow'; a CI"
                                    + " checkout: fetch-depth: 0)"
                            : "'"
                                    + rev
                                    + "' lies past the repository's first commit: "
                                    + base
                                    + "'s history has only "
                                    + commits
                                    + " (the first is "
                                    + first
                                    + ")");
        } catch (RevisionSyntaxException | IOException e) {
            return Optional.empty();
        }
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
