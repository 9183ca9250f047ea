package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spec's changes of status and approval from git, as {@link SpecHistory#moves} reads them (what
 * {@code specgate history} shows): every commit that changed the spec, oldest first, each a {@link
 * FieldsVersion} unless an audit read it whole (a {@link SpecVersion}), and the commits that
 * changed its status or approval; from {@link SpecHistory#checklists} (the dashboard's), each
 * version a {@link ChecklistVersion}. The history read whole is a {@link SpecTimeline}.
 *
 * @param file the spec as given
 * @param path its path in the repository now
 * @param versions every commit that changed it, oldest first (following renames)
 * @param changes the commits that changed its status or approval, oldest first
 * @param shallow whether the oldest version is at the commit where a shallow clone's history stops
 *     ({@link GitRevisions#shallowBoundary}): the commits before it were not fetched, so that
 *     version is no creation and earlier moves are missing
 * @param unread the versions at which the status became unreadable, oldest first: one for a run of
 *     commits that leave it unreadable as it was, one for each that makes it unreadable another way
 *     ({@link SpecHistory#moves} reads them; empty elsewhere)
 * @param unreadVersions the commits whose version could not be read as a spec's text at all (not
 *     valid UTF-8, a binary file), oldest first: not among {@code versions}, the moves read from
 *     the versions around them
 */
public record SpecMoves(
        Path file,
        String path,
        List<HistoryVersion> versions,
        List<StatusChange> changes,
        boolean shallow,
        List<UnreadStatus> unread,
        List<UnreadVersion> unreadVersions) {

    public SpecMoves {
        requireNonNull(file, "file must not be null");
        requireNonNull(path, "path must not be null");
        versions = List.copyOf(versions);
        changes = List.copyOf(changes);
        unread = List.copyOf(unread);
        unreadVersions = List.copyOf(unreadVersions);
    }

    /** A history whose every version was read as a spec's text. */
    public SpecMoves(
            Path file,
            String path,
            List<HistoryVersion> versions,
            List<StatusChange> changes,
            boolean shallow,
            List<UnreadStatus> unread) {
        this(file, path, versions, changes, shallow, unread, List.of());
    }

    /** A history whose every version's status was read, or not asked. */
    public SpecMoves(
            Path file,
            String path,
            List<HistoryVersion> versions,
            List<StatusChange> changes,
            boolean shallow) {
        this(file, path, versions, changes, shallow, List.of(), List.of());
    }

    /** A history read in full (not cut short by a shallow clone). */
    public SpecMoves(
            Path file, String path, List<HistoryVersion> versions, List<StatusChange> changes) {
        this(file, path, versions, changes, false, List.of(), List.of());
    }

    /**
     * Whether no commit holds the spec ({@link SpecHistory#IN_NO_COMMIT}): no version read, and
     * none that could not be read. A spec whose every committed version is unreadable is committed:
     * its {@link #unreadVersionsSaid()} says why nothing of it was read.
     */
    public boolean inNoCommit() {
        return versions.isEmpty() && unreadVersions.isEmpty();
    }

    /**
     * The one line that names the commits whose version could not be read, with why, that {@code
     * history} and the dashboard say: {@code 2 committed versions could not be read: 3f2a1b0c9d8e,
     * 9a8b7c6d5e4f (not valid UTF-8 ...)}, each cause once, after the commits it holds for (oldest
     * first); {@code (none readable)} when no version was read at all. Empty when every version was
     * read.
     */
    public Optional<String> unreadVersionsSaid() {
        return UnreadVersion.said(unreadVersions, versions.isEmpty());
    }

    /**
     * Where a change stands in the history read: at the spec's first commit, at the first commit a
     * shallow clone holds, or later. The one reading of "the first change" that {@code history}
     * (its text, its JSON's {@code created} and its audit's words) and the dashboard's timeline
     * share.
     */
    public enum Start {
        /** A later commit. */
        LATER(""),
        /** The commit that added the spec: it moved from nothing. */
        CREATED("the spec's first commit"),
        /** The oldest commit a shallow clone holds: no creation, earlier moves are missing. */
        CUT("the first commit the shallow clone holds");

        private final String words;

        Start(String words) {
            this.words = words;
        }

        /**
         * The commit as an audit names it ({@code the spec's first commit}); "" for a later one.
         */
        public String words() {
            return words;
        }
    }

    /** Where {@code change}, one of {@link #changes}, stands in the history read. */
    public Start start(StatusChange change) {
        requireNonNull(change, "change must not be null");
        if (versions.isEmpty() || change.version() != versions.get(0)) {
            return Start.LATER;
        }
        return shallow ? Start.CUT : Start.CREATED;
    }

    /**
     * A commit history shows: a change of status or approval, a commit at which the status became
     * unreadable, or both at once (the change that left it unreadable), said once.
     *
     * @param version the spec as the commit left it
     * @param change the change it made, if any
     * @param unread why its status could not be read, if it became unreadable there
     */
    public record Row(
            HistoryVersion version, Optional<StatusChange> change, Optional<UnreadStatus> unread) {

        public Row {
            requireNonNull(version, "version must not be null");
            requireNonNull(change, "change must not be null");
            requireNonNull(unread, "unread must not be null");
        }
    }

    /**
     * The commits history shows, oldest first, each once ({@link Row}): {@link #changes} and {@link
     * #unread} merged by their place among the versions, in one pass.
     */
    public List<Row> rows() {
        Map<HistoryVersion, Integer> at = new IdentityHashMap<>(versions.size() * 2);
        for (int i = 0; i < versions.size(); i++) {
            at.put(versions.get(i), i);
        }
        List<Row> rows = new ArrayList<>(changes.size() + unread.size());
        int c = 0;
        int u = 0;
        while (c < changes.size() || u < unread.size()) {
            int changeAt =
                    c < changes.size() ? at.get(changes.get(c).version()) : Integer.MAX_VALUE;
            int unreadAt = u < unread.size() ? at.get(unread.get(u).version()) : Integer.MAX_VALUE;
            if (changeAt == unreadAt) {
                rows.add(
                        new Row(
                                changes.get(c).version(),
                                Optional.of(changes.get(c++)),
                                Optional.of(unread.get(u++))));
            } else if (changeAt < unreadAt) {
                rows.add(
                        new Row(
                                changes.get(c).version(),
                                Optional.of(changes.get(c++)),
                                Optional.empty()));
            } else {
                rows.add(
                        new Row(
                                unread.get(u).version(),
                                Optional.empty(),
                                Optional.of(unread.get(u++))));
            }
        }
        return rows;
    }

    /**
     * The commit that recorded the approval the newest version holds: the oldest of the latest run
     * of versions holding that same record.
     */
    public Optional<HistoryVersion> approvalCommit() {
        return approvalCommit(versions);
    }

    /** {@link #approvalCommit()} of {@code versions}, oldest first. */
    static <V extends HistoryVersion> Optional<V> approvalCommit(List<V> versions) {
        if (versions.isEmpty() || versions.get(versions.size() - 1).approval().isEmpty()) {
            return Optional.empty();
        }
        var record = versions.get(versions.size() - 1).approval();
        V first = versions.get(versions.size() - 1);
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (!versions.get(i).approval().equals(record)) {
                break;
            }
            first = versions.get(i);
        }
        return Optional.of(first);
    }
}
