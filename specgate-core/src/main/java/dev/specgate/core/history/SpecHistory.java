package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Specs' status and approval history from git: each version parsed once with the project's parser,
 * its status, approval and checklist counts read from that one document; for an audit, each change
 * of status judged by the gate as it stood at that commit. Immutable and thread-safe; the
 * repository is opened per call.
 */
public final class SpecHistory {

    private final SpecParser parser;
    private final TemplateSchema schema;
    private final Approvals approvals;
    private final Lifecycle lifecycle;

    public SpecHistory(
            SpecParser parser, TemplateSchema schema, Approvals approvals, Lifecycle lifecycle) {
        this.parser = requireNonNull(parser, "parser must not be null");
        this.schema = requireNonNull(schema, "schema must not be null");
        this.approvals = requireNonNull(approvals, "approvals must not be null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle must not be null");
    }

    /**
     * The timelines of {@code files}, in the order given.
     *
     * @param audit whether to judge each change of status by its gate at that commit
     * @throws HistoryException when there is no repository, a file is outside it, or it cannot be
     *     read
     */
    public List<SpecTimeline> read(List<Path> files, boolean audit) throws HistoryException {
        requireNonNull(files, "files must not be null");
        if (files.isEmpty()) {
            return List.of();
        }
        try (GitRevisions git = GitRevisions.open(files.get(0))) {
            List<String> paths = new ArrayList<>();
            for (Path f : files) {
                String p = git.relative(f);
                if (p == null) {
                    throw new HistoryException(
                            f + " is outside the git repository at " + git.workTree());
                }
                paths.add(p);
            }
            Map<String, List<GitRevisions.Revision>> all = git.revisions(paths);
            // the object store is read by one thread; the versions are parsed on every core
            List<List<byte[]>> contents = new ArrayList<>();
            for (String p : paths) {
                List<byte[]> bytes = new ArrayList<>();
                for (GitRevisions.Revision r : all.get(p)) {
                    bytes.add(git.content(r));
                }
                contents.add(bytes);
            }
            Path workTree = git.workTree();
            return java.util.stream.IntStream.range(0, files.size())
                    .parallel()
                    .mapToObj(
                            i ->
                                    timeline(
                                            workTree,
                                            files.get(i),
                                            paths.get(i),
                                            all.get(paths.get(i)),
                                            contents.get(i),
                                            audit))
                    .toList();
        }
    }

    /**
     * The committed text of {@code file} whose content is the content {@code record} approved, with
     * its revision: of the newest run of commits holding that content (ticked working boxes aside),
     * the oldest, which is normally the commit that recorded the approval; empty when no commit
     * holds it.
     */
    public Optional<Committed> approvedText(Path file, ApprovalRecord record)
            throws HistoryException {
        requireNonNull(record, "record must not be null");
        try (GitRevisions git = GitRevisions.open(file)) {
            String path = relative(git, file);
            List<GitRevisions.Revision> revisions = git.revisions(List.of(path)).get(path);
            Optional<Committed> found = Optional.empty();
            for (GitRevisions.Revision r : revisions) {
                Optional<String> text = text(git.content(r));
                boolean same =
                        text.isPresent()
                                && approvals
                                        .fingerprint(text.get(), parser.parse(text.get()))
                                        .hash()
                                        .equals(record.hash());
                if (same) {
                    // keep going back: the oldest of the newest run is the approval's own commit
                    found = Optional.of(new Committed(r.commit(), r.path(), text.get()));
                } else if (found.isPresent()) {
                    break;
                }
            }
            return found;
        }
    }

    /**
     * {@code file}'s text at a revision ({@code HEAD~2}, a tag, a commit id), following renames
     * back from HEAD; empty when the file did not exist there.
     */
    public Optional<Committed> textAt(Path file, String rev) throws HistoryException {
        try (GitRevisions git = GitRevisions.open(file)) {
            String path = relative(git, file);
            String commit = git.resolve(rev);
            String at = path;
            // the path it had at that commit: the oldest revision at or after it, following renames
            for (GitRevisions.Revision r : git.revisions(List.of(path)).get(path)) {
                at = r.path();
                if (r.commit().equals(commit)) {
                    break;
                }
            }
            byte[] bytes = git.contentAt(commit, at);
            if (bytes == null && !at.equals(path)) {
                bytes = git.contentAt(commit, path);
            }
            if (bytes == null) {
                return Optional.empty();
            }
            Optional<String> text = text(bytes);
            return text.map(t -> new Committed(commit, path, t));
        }
    }

    /**
     * A spec's text in a commit.
     *
     * @param commit the commit id
     * @param path the spec's path in it
     * @param text the text, without a byte order mark
     */
    public record Committed(String commit, String path, String text) {}

    private static String relative(GitRevisions git, Path file) throws HistoryException {
        String p = git.relative(file);
        if (p == null) {
            throw new HistoryException(
                    file + " is outside the git repository at " + git.workTree());
        }
        return p;
    }

    private SpecTimeline timeline(
            Path workTree,
            Path file,
            String path,
            List<GitRevisions.Revision> newestFirst,
            List<byte[]> contents,
            boolean audit) {
        List<SpecVersion> versions = new ArrayList<>();
        List<StatusChange> changes = new ArrayList<>();
        SpecVersion previous = null;
        for (int k = newestFirst.size() - 1; k >= 0; k--) {
            GitRevisions.Revision r = newestFirst.get(k);
            Optional<String> text = text(contents.get(k));
            if (text.isEmpty()) {
                continue; // not a spec's text at that commit (binary, not UTF-8)
            }
            SpecDocument doc = parser.parse(text.get());
            Optional<String> status =
                    doc.metadata(schema.statusField())
                            .map(f -> FieldValues.plain(f.value()))
                            .filter(s -> !s.isEmpty());
            ApprovalCheck approval = approvals.check(text.get(), doc);
            Checklist checklist = Checklist.of(doc);
            SpecVersion v =
                    new SpecVersion(
                            r,
                            status,
                            approval.record(),
                            approval.valid(),
                            approval.current().hash(),
                            checklist.checked(),
                            checklist.total());
            Optional<String> from = previous == null ? Optional.empty() : previous.status();
            Optional<ApprovalRecord> before =
                    previous == null ? Optional.empty() : previous.approval();
            boolean statusChanged =
                    !from.map(String::toLowerCase).equals(status.map(String::toLowerCase));
            if (statusChanged || !before.equals(v.approval())) {
                Optional<GateResult> verdict = Optional.empty();
                if (audit && statusChanged) {
                    verdict = judge(workTree, r, text.get(), from, status, previous == null);
                }
                changes.add(new StatusChange(v, from, status, before, v.approval(), verdict));
            }
            versions.add(v);
            previous = v;
        }
        return new SpecTimeline(file, path, versions, changes);
    }

    /** The gate's verdict on a change of status; none for a new Draft or a non-lifecycle status. */
    private Optional<GateResult> judge(
            Path workTree,
            GitRevisions.Revision r,
            String text,
            Optional<String> from,
            Optional<String> to,
            boolean created) {
        Optional<SpecStatus> target = to.flatMap(lifecycle::status);
        if (target.isEmpty() || (created && target.get().draft())) {
            return Optional.empty();
        }
        Path where = workTree.resolve(r.path());
        return Optional.of(
                lifecycle.audit(
                        where,
                        text,
                        from.flatMap(lifecycle::status),
                        target.get(),
                        r.time().toLocalDate()));
    }

    private static Optional<String> text(byte[] bytes) {
        try {
            return Optional.of(SpecFileReader.decode(bytes).text());
        } catch (UnreadableSpecException e) {
            return Optional.empty();
        }
    }
}
