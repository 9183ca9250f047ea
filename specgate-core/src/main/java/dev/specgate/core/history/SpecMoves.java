package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A spec's changes of status and approval from git, as {@link SpecHistory#moves} reads them (what
 * {@code specgate history} shows): every commit that changed the spec, oldest first, each a {@link
 * FieldsVersion} unless an audit read it whole (a {@link SpecVersion}), and the commits that
 * changed its status or approval. The history read whole is a {@link SpecTimeline}.
 *
 * @param file the spec as given
 * @param path its path in the repository now
 * @param versions every commit that changed it, oldest first (following renames)
 * @param changes the commits that changed its status or approval, oldest first
 */
public record SpecMoves(
        Path file, String path, List<HistoryVersion> versions, List<StatusChange> changes) {

    public SpecMoves {
        requireNonNull(file, "file must not be null");
        requireNonNull(path, "path must not be null");
        versions = List.copyOf(versions);
        changes = List.copyOf(changes);
    }
}
