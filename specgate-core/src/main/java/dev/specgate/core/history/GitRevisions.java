package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.discovery.GitChanges;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.MarkdownNames;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The commits that changed each of some files, read with JGit in one walk of the first-parent
 * history from a revision (HEAD by default), following renames: a file's history continues under
 * its old path before the commit that renamed it. Open it, read, close it.
 */
public final class GitRevisions implements AutoCloseable {

    /**
     * One commit that changed a file.
     *
     * @param commit the commit id (40 hex digits)
     * @param time when it was authored, in the author's time zone
     * @param author the author's name
     * @param path the file's path in the repository at that commit ({@code /}-separated)
     * @param blob the file's content at that commit
     */
    public record Revision(
            String commit, ZonedDateTime time, String author, String path, ObjectId blob) {

        /** The commit's short id: its first 12 hex digits. */
        public String shortId() {
            return commit.substring(0, 12);
        }

        /**
         * When it was authored as ISO 8601 with its offset, always with seconds ({@code
         * 2026-11-02T10:00:00Z}, {@code 2026-11-02T11:30:05+01:00}): what {@code history --format
         * json} writes. ({@code OffsetDateTime.toString} leaves out seconds that are zero, so a
         * commit made on the minute read {@code 2026-11-02T10:00Z}.)
         */
        public String isoTime() {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
    }

    /** How many commits' trees are compared together (a level of their trees held at once). */
    private static final int RUN = 64;

    private final Repository repo;
    private final Path workTree;
    private final ObjectReader reader;
    private final StorageOrder order;
    private Set<ObjectId> shallow; // read on first use
    // contents are read on several threads at once ({@link #content}), each read with a reader
    // no other thread is using (a reader is not thread-safe): one taken from those idle, or a new
    // one; all closed with the repository
    private final Deque<ObjectReader> idleReaders = new ArrayDeque<>();
    private final List<ObjectReader> contentReaders = new ArrayList<>();

    private GitRevisions(Repository repo) {
        this.repo = repo;
        this.workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        this.reader = repo.newObjectReader();
        this.order = StorageOrder.of(repo);
    }

    /** A reader no other thread is using: an idle one, or a new one. */
    private ObjectReader takeReader() {
        synchronized (idleReaders) {
            ObjectReader idle = idleReaders.poll();
            if (idle != null) {
                return idle;
            }
            ObjectReader r = repo.newObjectReader();
            contentReaders.add(r);
            return r;
        }
    }

    private void giveBack(ObjectReader r) {
        synchronized (idleReaders) {
            idleReaders.push(r);
        }
    }

    /**
     * Opens the repository at or above {@code start}.
     *
     * @throws HistoryException when there is none, or it has no working tree
     */
    public static GitRevisions open(Path start) throws HistoryException {
        return new GitRevisions(repository(start));
    }

    /**
     * The repository at or above {@code start}, opened: the caller closes it.
     *
     * @throws HistoryException when there is none, or it has no working tree
     */
    static Repository repository(Path start) throws HistoryException {
        requireNonNull(start, "start must not be null");
        try {
            Repository repo = GitChanges.repository(start);
            if (repo == null) {
                throw new HistoryException(
                        start + " is not in a git repository (no .git folder at or above it)");
            }
            if (repo.isBare()) {
                repo.close();
                throw new HistoryException(
                        "the git repository of " + start + " is bare: it has no working tree");
            }
            return repo;
        } catch (IOException e) {
            throw new HistoryException("cannot open the git repository: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code commit} is where a shallow clone's history stops ({@code git clone --depth}, a
     * CI checkout's default): its parents were not fetched, so JGit walks it as a root commit, and
     * a file it holds looks created there whatever its real history. Read from the repository's
     * list of shallow commits, once.
     */
    public boolean shallowBoundary(String commit) throws HistoryException {
        if (shallow == null) {
            try {
                shallow = repo.getObjectDatabase().getShallowCommits();
            } catch (IOException e) {
                throw new HistoryException(
                        "cannot read the git repository's shallow commits: " + e.getMessage(), e);
            }
        }
        return !shallow.isEmpty() && shallow.contains(ObjectId.fromString(commit));
    }

    /**
     * A commit of the first-parent line that added or changed files under some paths.
     *
     * @param commit the commit id (40 hex digits)
     * @param time when it was authored, in the author's time zone
     * @param author the author's name
     * @param files the files it added or changed there, {@code /}-separated, in tree order
     */
    public record Touched(String commit, ZonedDateTime time, String author, List<String> files) {

        public Touched {
            requireNonNull(commit, "commit must not be null");
            requireNonNull(time, "time must not be null");
            requireNonNull(author, "author must not be null");
            files = List.copyOf(files);
        }

        /** The commit's short id: its first 12 hex digits. */
        public String shortId() {
            return commit.substring(0, 12);
        }

        /** When it was authored, as {@link Revision#isoTime} writes it. */
        public String isoTime() {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
    }

    /**
     * The commits before {@code commit} along its first parents, oldest first, that added or
     * changed a file under one of {@code paths} ({@code /}-separated, from the working tree's root;
     * a folder covers every file in it) for which {@code counted} holds: each compared with its
     * first parent (the root commit with nothing), as {@link #revisions} compares them. A shallow
     * clone's walk stops at the commit it was cut at, which is compared with nothing as well.
     *
     * @param when asked once for each commit of the walk, newest first, before it is compared:
     *     whether to look at it (a caller may keep state along the walk)
     */
    public List<Touched> touchedBefore(
            String commit,
            List<String> paths,
            java.util.function.Predicate<String> counted,
            java.util.function.Predicate<String> when)
            throws HistoryException {
        requireNonNull(commit, "commit must not be null");
        List<Touched> found = new ArrayList<>();
        if (paths.isEmpty()) {
            return found;
        }
        TreeFilter filter =
                AndTreeFilter.create(
                        org.eclipse.jgit.treewalk.filter.PathFilterGroup.createFromStrings(paths),
                        TreeFilter.ANY_DIFF);
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit at = walk.parseCommit(ObjectId.fromString(commit));
            RevCommit next = parent(walk, at);
            while (next != null) {
                RevCommit parent = parent(walk, next);
                if (!when.test(next.getName())) {
                    next = parent;
                    continue;
                }
                touched(next, changedFiles(parent, next, filter), counted).ifPresent(found::add);
                next = parent;
            }
        } catch (IOException e) {
            throw new HistoryException("cannot read the git history: " + e.getMessage(), e);
        }
        java.util.Collections.reverse(found);
        return found;
    }

    /**
     * HEAD's first-parent line, read once, newest first: each commit with the files it added or
     * changed under some paths, compared with its first parent as {@link #touchedBefore} compares
     * it. Many specs' audits share it ({@link FeatureCommits#touchedBefore}): one walk of the
     * history for all, where {@link #touchedBefore} walks it again for each.
     */
    public final class FeatureCommits {

        private final List<RevCommit> line = new ArrayList<>();
        // each commit's id, made once: every audited spec asks its predicate of each commit before
        // its approval (hundreds of specs by thousands of commits), and RevCommit.getName() makes
        // a new string on every call
        private final List<String> names = new ArrayList<>();
        private final List<List<String>> changed = new ArrayList<>();
        private final Map<String, Integer> at = new HashMap<>();

        private FeatureCommits(List<String> paths) throws HistoryException {
            TreeFilter filter =
                    AndTreeFilter.create(
                            org.eclipse.jgit.treewalk.filter.PathFilterGroup.createFromStrings(
                                    paths),
                            TreeFilter.ANY_DIFF);
            try (RevWalk walk = new RevWalk(reader)) {
                ObjectId head = repo.resolve(Constants.HEAD);
                RevCommit next = head == null ? null : walk.parseCommit(head);
                while (next != null) {
                    RevCommit parent = parent(walk, next);
                    List<String> files = changedFiles(parent, next, filter);
                    String name = next.getName();
                    at.putIfAbsent(name, line.size());
                    line.add(next);
                    names.add(name);
                    changed.add(files.isEmpty() ? List.of() : files);
                    next = parent;
                }
            } catch (IOException e) {
                throw new HistoryException("cannot read the git history: " + e.getMessage(), e);
            } catch (RevisionSyntaxException e) {
                throw new HistoryException(
                        "cannot read the git repository's HEAD: " + e.getMessage(), e);
            }
        }

        /**
         * What {@link GitRevisions#touchedBefore} answers for {@code commit}, {@code counted} asked
         * only of files under the paths this line was read for (the caller's paths among them), or
         * empty when {@code commit} is not on HEAD's first-parent line.
         */
        public Optional<List<Touched>> touchedBefore(
                String commit,
                java.util.function.Predicate<String> counted,
                java.util.function.Predicate<String> when) {
            requireNonNull(commit, "commit must not be null");
            Integer from = at.get(commit);
            if (from == null) {
                return Optional.empty();
            }
            List<Touched> found = new ArrayList<>();
            for (int i = from + 1; i < line.size(); i++) {
                if (!when.test(names.get(i)) || changed.get(i).isEmpty()) {
                    continue;
                }
                touched(line.get(i), changed.get(i), counted).ifPresent(found::add);
            }
            java.util.Collections.reverse(found);
            return Optional.of(found);
        }
    }

    /**
     * HEAD's first-parent line with each commit's files under {@code paths} (not empty), read now:
     * see {@link FeatureCommits}.
     */
    public FeatureCommits featureCommits(List<String> paths) throws HistoryException {
        requireNonNull(paths, "paths must not be null");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("paths must not be empty");
        }
        return new FeatureCommits(paths);
    }

    /**
     * The files {@code commit} added or changed against {@code parent} (nothing, for a root commit)
     * that {@code filter} takes, as {@code /}-separated paths: a file deleted is no code put there.
     * What {@link #touchedBefore} and {@link FeatureCommits} read of each commit.
     */
    private List<String> changedFiles(RevCommit parent, RevCommit commit, TreeFilter filter)
            throws IOException {
        List<String> files = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.setRecursive(true);
            if (parent == null) {
                tw.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
            } else {
                tw.addTree(parent.getTree());
            }
            tw.addTree(commit.getTree());
            tw.setFilter(filter);
            while (tw.next()) {
                if (tw.getFileMode(1) != FileMode.MISSING) {
                    files.add(tw.getPathString());
                }
            }
        }
        return files;
    }

    /** {@code commit} with those of its {@code changed} files {@code counted} takes, if any. */
    private static Optional<Touched> touched(
            RevCommit commit, List<String> changed, java.util.function.Predicate<String> counted) {
        List<String> files = changed.stream().filter(counted).toList();
        if (files.isEmpty()) {
            return Optional.empty();
        }
        PersonIdent who = commit.getAuthorIdent();
        return Optional.of(
                new Touched(
                        commit.getName(),
                        ZonedDateTime.ofInstant(who.getWhenAsInstant(), who.getZoneId()),
                        who.getName(),
                        files));
    }

    /** {@code c}'s first parent, or null for a root commit or one a shallow clone was cut at. */
    private RevCommit parent(RevWalk walk, RevCommit c) throws IOException, HistoryException {
        if (c.getParentCount() == 0 || shallowBoundary(c.getName())) {
            return null;
        }
        return walk.parseCommit(c.getParent(0));
    }

    /**
     * What a history read now stands on: HEAD's commit (empty before the first commit) and the
     * commits a shallow clone was cut at. Two reads with the same answer read the same commits.
     */
    public String headState() throws HistoryException {
        return headState(repo);
    }

    /** {@link #headState()} of {@code repo}. */
    static String headState(Repository repo) throws HistoryException {
        try {
            ObjectId head = repo.resolve(Constants.HEAD);
            return (head == null ? "" : head.name())
                    + " "
                    + repo.getObjectDatabase().getShallowCommits();
        } catch (IOException e) {
            throw new HistoryException("cannot read the git repository's HEAD: " + unread(e), e);
        } catch (RevisionSyntaxException e) {
            throw new HistoryException(
                    "cannot read the git repository's HEAD: " + e.getMessage(), e);
        }
    }

    /** The repository's working tree, absolute. */
    public Path workTree() {
        return workTree;
    }

    /** A file's path relative to the working tree, {@code /}-separated, or null when outside. */
    public String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(workTree)) {
            return null;
        }
        return workTree.relativize(abs).toString().replace(File.separatorChar, '/');
    }

    /**
     * {@code revisions} in the order their contents lie in the repository's packs: the cheapest
     * order to read many of them ({@link #content}).
     */
    public List<Revision> inStorageOrder(List<Revision> revisions) {
        return order.sorted(revisions, Revision::blob);
    }

    /**
     * The content of a revision's file. Safe to call on several threads at once (each read with a
     * reader no other thread is using), until the repository is closed.
     */
    public byte[] content(Revision revision) throws HistoryException {
        ObjectReader r = takeReader();
        try {
            return r.open(revision.blob()).getBytes();
        } catch (IOException e) {
            throw new HistoryException(
                    "cannot read "
                            + revision.path()
                            + " at "
                            + revision.shortId()
                            + ": "
                            + unread(e),
                    e);
        } finally {
            giveBack(r);
        }
    }

    /**
     * Why a version could not be read, in a user's words: a git object the repository lacks (a
     * partial clone's, or a damaged one's) named as such, not as JGit's exception.
     */
    static String unread(IOException e) {
        if (e instanceof MissingObjectException missing) {
            return "git object "
                    + missing.getObjectId().abbreviate(12).name()
                    + " is missing (a partial or damaged clone: git fetch, or git fsck)";
        }
        return IoFailure.reason(e);
    }

    /** The commit a revision name ({@code HEAD~3}, a tag, an id) stands for, as 40 hex digits. */
    public String resolve(String rev) throws HistoryException {
        try {
            ObjectId id = repo.resolve(rev + "^{commit}");
            if (id == null) {
                throw new HistoryException(
                        GitChanges.whyNoCommit(repo, rev)
                                .orElse(
                                        "unknown git revision '"
                                                + rev
                                                + "' (a commit, branch, tag or HEAD~N)"));
            }
            return id.name();
        } catch (RevisionSyntaxException | IOException e) {
            throw new HistoryException(
                    GitChanges.whyNoCommit(repo, rev)
                            .orElse(
                                    "unknown git revision '"
                                            + rev
                                            + "' (a commit, branch, tag or HEAD~N)"));
        }
    }

    /**
     * A file as a commit holds it ({@code commit}'s author and time, the file's path and content
     * there), or null when the commit has no such file: what {@link #content} reads.
     */
    public Revision revisionAt(String commit, String path) throws HistoryException {
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk tw = TreeWalk.forPath(reader, path, c.getTree())) {
                if (tw == null) {
                    return null;
                }
                PersonIdent who = c.getAuthorIdent();
                return new Revision(
                        c.name(),
                        who.getWhenAsInstant().atZone(who.getZoneId()),
                        who.getName(),
                        path,
                        tw.getObjectId(0));
            }
        } catch (IOException e) {
            throw new HistoryException(
                    "cannot read " + path + " at " + commit + ": " + unread(e), e);
        }
    }

    /**
     * The commits that changed each path, newest first, walking HEAD's first parents and following
     * renames. A path with no commit (untracked, or outside the repository) gets an empty list.
     *
     * @param paths paths relative to the working tree ({@link #relative(Path)})
     */
    public Map<String, List<Revision>> revisions(List<String> paths) throws HistoryException {
        return revisions(paths, true);
    }

    /**
     * As {@link #revisions(List)}; with {@code raw} false, every commit's changes come from JGit's
     * own tree walk (what the raw comparison is tested against).
     */
    Map<String, List<Revision>> revisions(List<String> paths, boolean raw) throws HistoryException {
        Map<String, List<Revision>> out = new LinkedHashMap<>();
        Map<String, String> tracked = new HashMap<>(); // path at the commit walked -> path now
        for (String p : paths) {
            out.put(p, new ArrayList<>());
            tracked.put(p, p);
        }
        try (RevWalk walk = new RevWalk(reader)) {
            ObjectId head = repo.resolve("HEAD");
            if (head == null) {
                return out; // no commit yet
            }
            TreeChanges trees = new TreeChanges(reader, order);
            RevCommit next = walk.parseCommit(head);
            while (next != null && !tracked.isEmpty()) {
                // a run of first-parent commits, newest first, their trees compared together
                List<RevCommit> commits = new ArrayList<>(RUN);
                List<RevCommit> parents = new ArrayList<>(RUN);
                while (next != null && commits.size() < RUN) {
                    RevCommit parent =
                            next.getParentCount() > 0 ? walk.parseCommit(next.getParent(0)) : null;
                    commits.add(next);
                    parents.add(parent);
                    next = parent;
                }
                List<List<TreeChanges.Change>> changes = raw ? trees.of(commits, parents) : null;
                for (int i = 0; i < commits.size() && !tracked.isEmpty(); i++) {
                    if (raw) {
                        step(parents.get(i), commits.get(i), changes.get(i), tracked, out);
                    } else {
                        List<DiffEntry> entries = changes(parents.get(i), commits.get(i));
                        if (!entries.isEmpty()) {
                            step(commits.get(i), entries, tracked, out);
                        }
                    }
                }
            }
            // a spec renamed with git mv and not committed yet is in no commit under its new name:
            // the rename git status shows (HEAD's tree against the index) leads to its history
            List<String> none = new ArrayList<>();
            out.forEach(
                    (p, rs) -> {
                        if (rs.isEmpty()) {
                            none.add(p);
                        }
                    });
            Map<String, String> staged = none.isEmpty() ? Map.of() : stagedRenames(none, head);
            if (!staged.isEmpty()) {
                Map<String, List<Revision>> before =
                        revisions(List.copyOf(new java.util.LinkedHashSet<>(staged.values())), raw);
                staged.forEach((now, old) -> out.put(now, new ArrayList<>(before.get(old))));
            }
        } catch (IOException e) {
            throw new HistoryException("cannot read the git history: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Those of {@code paths} that git's index holds as renamed from a path HEAD's tree holds and
     * the index does not ({@code git mv}, or {@code git add -A} after a move), each with that old
     * path: JGit's rename detection of HEAD's tree against the index, as {@code git status} shows
     * it. Only the Markdown files that differ are compared, and only when one of {@code paths} is
     * in the index (a new file not added cannot be a staged rename).
     */
    private Map<String, String> stagedRenames(List<String> paths, ObjectId head)
            throws IOException {
        DirCache index;
        try {
            index = repo.readDirCache();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // no index to read: no staged rename
        }
        Set<String> inIndex = new java.util.HashSet<>();
        for (String p : paths) {
            DirCacheEntry e = index.getEntry(p);
            if (e != null && e.getStage() == DirCacheEntry.STAGE_0) {
                inIndex.add(p);
            }
        }
        if (inIndex.isEmpty()) {
            return Map.of();
        }
        List<DiffEntry> entries;
        try (RevWalk walk = new RevWalk(reader);
                TreeWalk tw = new TreeWalk(repo, reader)) {
            tw.setRecursive(true);
            tw.addTree(walk.parseCommit(head).getTree());
            tw.addTree(new org.eclipse.jgit.dircache.DirCacheIterator(index));
            tw.setFilter(AndTreeFilter.create(TreeFilter.ANY_DIFF, new MarkdownFilter()));
            entries = DiffEntry.scan(tw);
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (DiffEntry d : renamed(entries)) {
            if (d.getChangeType() == DiffEntry.ChangeType.RENAME
                    && inIndex.contains(d.getNewPath())) {
                found.put(d.getNewPath(), d.getOldPath());
            }
        }
        return found;
    }

    /**
     * One commit's changes, compared raw: a commit that may rename a tracked file (it adds one and
     * deletes a Markdown file) or changes a file's type is read again with JGit's tree walk and
     * rename detection, as every commit once was.
     */
    private void step(
            RevCommit parent,
            RevCommit commit,
            List<TreeChanges.Change> changes,
            Map<String, String> tracked,
            Map<String, List<Revision>> out)
            throws IOException {
        if (changes.isEmpty()) {
            return;
        }
        boolean added = false;
        boolean deleted = false;
        boolean retyped = false;
        boolean touched = false;
        for (TreeChanges.Change c : changes) {
            boolean mine = tracked.containsKey(c.path());
            touched |= mine;
            added |= c.kind() == TreeChanges.Kind.ADD && mine;
            deleted |= c.kind() == TreeChanges.Kind.DELETE;
            retyped |= c.kind() == TreeChanges.Kind.TYPE;
        }
        if ((added && deleted) || retyped) {
            step(commit, changes(parent, commit), tracked, out);
            return;
        }
        if (!touched) {
            return;
        }
        PersonIdent who = commit.getAuthorIdent();
        ZonedDateTime time = who.getWhenAsInstant().atZone(who.getZoneId());
        for (TreeChanges.Change c : changes) {
            if (c.kind() == TreeChanges.Kind.DELETE) {
                continue;
            }
            String now = tracked.get(c.path());
            if (now == null) {
                continue;
            }
            out.get(now).add(new Revision(commit.name(), time, who.getName(), c.path(), c.id()));
            if (c.kind() == TreeChanges.Kind.ADD) {
                tracked.remove(c.path());
            }
        }
    }

    private void step(
            RevCommit commit,
            List<DiffEntry> entries,
            Map<String, String> tracked,
            Map<String, List<Revision>> out)
            throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        boolean added = false;
        boolean deleted = false;
        for (DiffEntry d : entries) {
            added |=
                    d.getChangeType() == DiffEntry.ChangeType.ADD
                            && tracked.containsKey(d.getNewPath());
            deleted |= d.getChangeType() == DiffEntry.ChangeType.DELETE;
        }
        if (added && deleted) {
            entries = renamed(entries);
        }
        PersonIdent who = commit.getAuthorIdent();
        ZonedDateTime time = who.getWhenAsInstant().atZone(who.getZoneId());
        for (DiffEntry d : entries) {
            if (d.getChangeType() == DiffEntry.ChangeType.DELETE) {
                continue;
            }
            String now = tracked.get(d.getNewPath());
            if (now == null) {
                continue;
            }
            out.get(now)
                    .add(
                            new Revision(
                                    commit.name(),
                                    time,
                                    who.getName(),
                                    d.getNewPath(),
                                    d.getNewId().toObjectId()));
            switch (d.getChangeType()) {
                case ADD -> tracked.remove(d.getNewPath());
                case RENAME -> {
                    tracked.remove(d.getNewPath());
                    tracked.put(d.getOldPath(), now);
                }
                case COPY -> {
                    tracked.remove(d.getNewPath());
                    tracked.put(d.getOldPath(), now);
                }
                default -> {}
            }
        }
    }

    /** {@code entries} with the adds and deletes JGit's rename detection pairs made renames. */
    private List<DiffEntry> renamed(List<DiffEntry> entries) throws IOException {
        RenameDetector renames = new RenameDetector(repo);
        renames.addAll(entries);
        try {
            return renames.compute(reader, NullProgressMonitor.INSTANCE);
        } catch (org.eclipse.jgit.api.errors.CanceledException e) {
            throw new IOException("rename detection was cancelled", e);
        }
    }

    /** The Markdown files that differ between the parent's tree (or none) and the commit's. */
    private List<DiffEntry> changes(RevCommit parent, RevCommit commit) throws IOException {
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
            tw.setRecursive(true);
            if (parent == null) {
                tw.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
            } else {
                tw.addTree(parent.getTree());
            }
            tw.addTree(commit.getTree());
            tw.setFilter(AndTreeFilter.create(TreeFilter.ANY_DIFF, new MarkdownFilter()));
            return DiffEntry.scan(tw);
        }
    }

    /**
     * Folders, and the files whose names are Markdown as discovery reads them ({@link
     * MarkdownNames}).
     */
    private static final class MarkdownFilter extends TreeFilter {
        @Override
        public boolean include(TreeWalk walker) {
            return walker.isSubtree()
                    || MarkdownNames.isMarkdown(walker.getRawPath(), 0, walker.getPathLength());
        }

        @Override
        public boolean shouldBeRecursive() {
            return true;
        }

        @Override
        public TreeFilter clone() {
            return this;
        }
    }

    /**
     * The working files of {@code paths} that git's index records as unchanged, each with what it
     * holds: the content of its index entry (stage 0), whose size and time stamp are the file's and
     * were recorded before the index was written (an entry written in the same instant as its file,
     * racily clean, is left out, as JGit reads it smudged), with the file's size and time stamp
     * then. What {@code git status} judges from the same entries, without reading a file.
     *
     * <p>A file git calls unchanged holds its blob's bytes only where nothing converts them on the
     * way: none of those the attributes that apply to them give a filter, a working tree encoding
     * or {@code ident} (any, when the user's own {@code git/attributes} exists), and none whose
     * size differs from its blob's (one blob header read per file). Line endings converted by
     * {@code core.autocrlf}, {@code text}, {@code text=auto} or {@code eol} only ever insert a CR
     * before an LF (checkout) or remove one (check-in), so a file whose size is its blob's was
     * converted nowhere: a spec committed with LF under {@code * text=auto} and checked out where
     * {@code core.eol} is LF keeps it, one checked out with CRLF ({@code core.autocrlf=true},
     * {@code eol=crlf}) or added with CRLF does not.
     */
    public Map<String, Unchanged> unchanged(List<String> paths) {
        if (paths.isEmpty()) {
            return Map.of();
        }
        DirCache index;
        try {
            index = repo.readDirCache();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // no index to trust: every version read from git
        }
        boolean attributes = attributesFound(paths);
        Set<String> converted = attributes ? converted(paths, index) : Set.of();
        if (converted == null) {
            return Map.of();
        }
        // where JGit sees line endings converted, a blob whose size cannot be read (a partial
        // clone's) proves nothing; elsewhere the index's blob is the working file's bytes as
        // they are, and sizes still compared rule out a conversion set where JGit does not look
        // (the system's gitconfig, as Git for Windows sets core.autocrlf; GIT_CONFIG_GLOBAL)
        boolean converting = attributes || lineEndingsConfigured();
        Map<String, Unchanged> found = new HashMap<>();
        for (String p : paths) {
            if (converted.contains(p)) {
                continue;
            }
            DirCacheEntry e = index.getEntry(p);
            if (e == null || e.getStage() != DirCacheEntry.STAGE_0 || e.isSmudged()) {
                continue;
            }
            int mode = e.getRawMode();
            if (mode != FileMode.REGULAR_FILE.getBits()
                    && mode != FileMode.EXECUTABLE_FILE.getBits()) {
                continue;
            }
            Optional<Unchanged> file = Unchanged.of(workTree.resolve(p), e.getObjectId());
            if (file.isPresent()
                    && file.get().size() == e.getLength()
                    && file.get().sameTime(e.getLastModifiedInstant())
                    && sameSize(e.getObjectId(), file.get().size(), converting)) {
                found.put(p, file.get());
            }
        }
        return found;
    }

    /**
     * A working file git's index records as unchanged ({@link #unchanged}).
     *
     * @param file the working file
     * @param blob the content it holds, as the index records it
     * @param size its size when the index was compared with it
     * @param modified its time stamp then
     */
    public record Unchanged(Path file, ObjectId blob, long size, Instant modified) {

        /** {@code file}'s size and time stamp now, if it is a regular file (not a link). */
        static Optional<Unchanged> of(Path file, ObjectId blob) {
            try {
                BasicFileAttributes a =
                        Files.readAttributes(
                                file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return a.isRegularFile()
                        ? Optional.of(
                                new Unchanged(
                                        file, blob, a.size(), a.lastModifiedTime().toInstant()))
                        : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        /**
         * Whether the file still has the size and time stamp it had: what it held then it holds now
         * (as git judges it).
         */
        public boolean still() {
            return of(file, blob)
                    .filter(now -> now.size() == size && now.modified().equals(modified))
                    .isPresent();
        }

        /**
         * Whether the index's time stamp {@code recorded} is this file's, to the nanosecond, or to
         * the second when either has none (an index written without nanoseconds).
         */
        boolean sameTime(Instant recorded) {
            return recorded.equals(modified)
                    || (recorded.getEpochSecond() == modified.getEpochSecond()
                            && (recorded.getNano() == 0 || modified.getNano() == 0));
        }
    }

    /** Whether {@code core.autocrlf} or {@code core.eol} is set (line endings converted). */
    private boolean lineEndingsConfigured() {
        org.eclipse.jgit.lib.Config config = repo.getConfig();
        String autocrlf = config.getString("core", null, "autocrlf");
        return (autocrlf != null && !autocrlf.equalsIgnoreCase("false"))
                || config.getString("core", null, "eol") != null;
    }

    /**
     * Whether {@code blob} is {@code size} bytes long; when its size cannot be read, whether no
     * line ending conversion is known ({@code converting} false).
     */
    private boolean sameSize(ObjectId blob, long size, boolean converting) {
        try {
            return reader.getObjectSize(blob, org.eclipse.jgit.lib.Constants.OBJ_BLOB) == size;
        } catch (IOException e) {
            return !converting;
        }
    }

    /**
     * Whether any attributes file may apply to {@code paths}: a {@code .gitattributes} in a folder
     * from the working tree down to one of theirs, {@code info/attributes}, {@code
     * core.attributesFile}, or the user's own {@code git/attributes}.
     */
    private boolean attributesFound(List<String> paths) {
        boolean any =
                Files.exists(userAttributes())
                        || repo.getConfig().getString("core", null, "attributesFile") != null
                        || Files.exists(repo.getDirectory().toPath().resolve("info/attributes"));
        // every folder from the working tree down to each spec's, looked at once
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (int i = 0; i < paths.size() && !any; i++) {
            for (Path dir = workTree.resolve(paths.get(i)).getParent();
                    dir != null && dir.startsWith(workTree) && seen.add(dir);
                    dir = dir.getParent()) {
                if (Files.exists(dir.resolve(".gitattributes"))) {
                    any = true;
                    break;
                }
            }
        }
        return any;
    }

    /**
     * Those of {@code paths} whose contents the repository's attributes may convert on their way
     * between a blob and the working file, as JGit reads the attributes that apply to each ({@code
     * .gitattributes} files in the working tree, {@code info/attributes}, {@code
     * core.attributesFile}): a filter (smudge and clean, as Git LFS), a working tree encoding or
     * {@code ident}, any of which may change a file's bytes and keep its size. Attributes that
     * convert nothing ({@code diff=}, {@code linguist-*}, {@code -text}, {@code export-ignore})
     * leave a path out, and so do line ending conversions, which {@link #unchanged} tells by size.
     * Null (every path) when the user's own {@code git/attributes} exists, which JGit does not
     * read, or the attributes cannot be read. Asked only where {@link #attributesFound}.
     */
    private Set<String> converted(List<String> paths, DirCache index) {
        if (Files.exists(userAttributes())) {
            return null;
        }
        Set<String> converted = new java.util.HashSet<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.setOperationType(TreeWalk.OperationType.CHECKIN_OP);
            walk.addTree(new org.eclipse.jgit.dircache.DirCacheIterator(index));
            walk.addTree(new org.eclipse.jgit.treewalk.FileTreeIterator(repo));
            walk.setFilter(
                    org.eclipse.jgit.treewalk.filter.PathFilterGroup.createFromStrings(paths));
            walk.setRecursive(true);
            while (walk.next()) {
                org.eclipse.jgit.attributes.Attributes a = walk.getAttributes();
                if (a.getValue("filter") != null
                        || a.getValue("working-tree-encoding") != null
                        || a.isSet("ident")) {
                    converted.add(walk.getPathString());
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // attributes not read: no working file trusted
        }
        return converted;
    }

    /** The user's own attributes file, {@code git/attributes} in the XDG configuration folder. */
    private static Path userAttributes() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path home = Path.of(System.getProperty("user.home", "/"));
        Path user =
                xdg == null || xdg.isEmpty()
                        ? home.resolve(".config/git/attributes")
                        : Path.of(xdg).resolve("git/attributes");
        return user;
    }

    /** Whether {@code other} opened the same repository with the same working tree. */
    boolean sameRepository(GitRevisions other) {
        return repo.getDirectory().equals(other.repo.getDirectory())
                && workTree.equals(other.workTree);
    }

    @Override
    public void close() {
        synchronized (idleReaders) {
            contentReaders.forEach(ObjectReader::close);
            contentReaders.clear();
            idleReaders.clear();
        }
        reader.close();
        repo.close();
    }
}
