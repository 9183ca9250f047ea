package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A spec's history from git, read whole ({@link SpecHistory#read}): every commit that changed it,
 * oldest first, and those that changed its status or approval. (What {@code specgate history}
 * reads, the status and approval fields alone, is a {@link SpecMoves}.)
 *
 * @param file the spec as given
 * @param path its path in the repository now
 * @param versions every commit that changed it, oldest first (following renames)
 * @param changes the commits that changed its status or approval, oldest first
 * @param unreadVersions the commits whose version could not be read as a spec's text at all (not
 *     valid UTF-8, a binary file), oldest first: not among {@code versions} (so not in the
 *     checklist counts), the moves read from the versions around them, as in {@link
 *     SpecMoves#unreadVersions()}
 */
public record SpecTimeline(
        Path file,
        String path,
        List<SpecVersion> versions,
        List<StatusChange> changes,
        List<UnreadVersion> unreadVersions) {

    public SpecTimeline {
        requireNonNull(file, "file must not be null");
        requireNonNull(path, "path must not be null");
        versions = List.copyOf(versions);
        changes = List.copyOf(changes);
        unreadVersions = List.copyOf(unreadVersions);
    }

    /** A history whose every version was read as a spec's text. */
    public SpecTimeline(
            Path file, String path, List<SpecVersion> versions, List<StatusChange> changes) {
        this(file, path, versions, changes, List.of());
    }

    /**
     * The commits whose version could not be read, with why, in the words of {@link
     * SpecMoves#unreadVersionsSaid()} ({@link UnreadVersion#said}); empty when every version was
     * read.
     */
    public Optional<String> unreadVersionsSaid() {
        return UnreadVersion.said(unreadVersions, versions.isEmpty());
    }

    /**
     * The commit that recorded the approval the newest version holds: the oldest of the latest run
     * of versions holding that same record.
     */
    public Optional<SpecVersion> approvalCommit() {
        return SpecMoves.approvalCommit(versions);
    }
}
