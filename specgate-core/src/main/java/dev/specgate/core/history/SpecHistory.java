package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.layout.FeatureSlug;
import dev.specgate.core.layout.LayoutEntry;
import dev.specgate.core.layout.LayoutPaths;
import dev.specgate.core.layout.SharedFolders;
import dev.specgate.core.layout.SpecLayout;
import dev.specgate.core.layout.UnsafeLayoutException;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.schema.ListedFields;
import dev.specgate.core.schema.StatusReading;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Specs' status and approval history from git: each distinct content read once, in the order the
 * packs hold them; {@link #read} parses each whole (status, approval, its validity, checklist
 * counts), {@link #checklists} parses each for its status, approval and checklist counts only (no
 * approval validity or fingerprint: the dashboard's timeline and burn-up), {@link #moves} reads
 * only the status and approval fields of each; for an audit, each change of status judged by the
 * gate as it stood at that commit. Immutable and thread-safe; the repository is opened per call.
 */
public final class SpecHistory {

    private final SpecParser parser;
    private final TemplateSchema schema;
    private final Approvals approvals;
    private final Lifecycle lifecycle;
    private final FieldScan fields;

    public SpecHistory(
            SpecParser parser, TemplateSchema schema, Approvals approvals, Lifecycle lifecycle) {
        this.parser = requireNonNull(parser, "parser must not be null");
        this.schema = requireNonNull(schema, "schema must not be null");
        this.approvals = requireNonNull(approvals, "approvals must not be null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle must not be null");
        this.fields = new FieldScan(parser);
    }

    /**
     * The timelines of {@code files}, in the order given, every version read whole: its status,
     * approval, approval validity, fingerprint and checklist counts (the dashboard's burn-up).
     *
     * @param audit whether to judge each change of status by its gate at that commit
     * @throws HistoryException when there is no repository, a file is outside it, or it cannot be
     *     read
     */
    public List<SpecTimeline> read(List<Path> files, boolean audit) throws HistoryException {
        List<SpecMoves> all = timelines(files, audit, Depth.WHOLE);
        List<SpecTimeline> out = new ArrayList<>(all.size());
        for (SpecMoves m : all) {
            // read whole: every version is a SpecVersion
            out.add(
                    new SpecTimeline(
                            m.file(),
                            m.path(),
                            m.versions().stream().map(SpecVersion.class::cast).toList(),
                            m.changes(),
                            m.unreadVersions()));
        }
        return out;
    }

    /**
     * The timelines of {@code files}, in the order given, with the same versions and changes as
     * {@link #read}, but each version's status and approval read from the few lines that can hold
     * them ({@link FieldScan}; the whole spec is parsed only where that scan cannot be sure): each
     * version a {@link FieldsVersion}, but those an audit judges (every change of status, when
     * {@code audit}), which are read whole ({@link SpecVersion}). What {@code specgate history}
     * shows.
     *
     * @param audit whether to judge each change of status by its gate at that commit
     * @throws HistoryException when there is no repository, a file is outside it, or it cannot be
     *     read
     */
    public List<SpecMoves> moves(List<Path> files, boolean audit) throws HistoryException {
        return timelines(files, audit, Depth.FIELDS);
    }

    /**
     * The timelines of {@code files}, in the order given, with the same versions and changes as
     * {@link #read} (no audit), each version parsed for its status, approval record and checklist
     * counts alone (a {@link ChecklistVersion}): no approval validity or fingerprint, which cost a
     * hash of every version's content. What the dashboard shows (status timeline, burn-up).
     *
     * @throws HistoryException when there is no repository, a file is outside it, or it cannot be
     *     read
     */
    public List<SpecMoves> checklists(List<Path> files) throws HistoryException {
        return timelines(files, false, Depth.CHECKLIST);
    }

    /**
     * The timelines {@link #checklists} reads, none waiting, but a file whose history cannot be
     * read (outside the repository, a version git cannot read, as in a partial clone) is left out
     * with its cause ({@link Unfinished#unreadable()}) instead of failing them all: the preview
     * server's overview.
     *
     * @throws HistoryException when there is no repository, or it cannot be read
     */
    public Unfinished readableChecklists(List<Path> files) throws HistoryException {
        return read(files, false, Depth.CHECKLIST, false, true);
    }

    /**
     * The timelines {@link #checklists} reads, but for each file whose working text is its newest
     * committed version, as git's index records it ({@link GitRevisions#unchanged}), that version
     * is left unread: its reading is the caller's, from its own parse of that text ({@link
     * Unfinished#finish(Path, String, SpecDocument)}), so that a spec the caller checks anyway is
     * parsed once. Never when the template keeps metadata beside each spec (its parse of the
     * working file reads another file, which a committed version does not have).
     *
     * <p>A file whose history cannot be read (outside the repository, a version whose content git
     * cannot read, as in a partial clone) does not fail the others: it has no timeline, and {@link
     * Unfinished#unreadable()} says why, for the caller to name it.
     *
     * @throws HistoryException when there is no repository, or it cannot be read
     */
    public Unfinished checklistsAfter(List<Path> files) throws HistoryException {
        return read(files, false, Depth.CHECKLIST, schema.sidecar().isEmpty(), true);
    }

    /**
     * Timelines read but for their newest versions, which are the working files' texts ({@link
     * #checklistsAfter}): each finished from the caller's parse of that text. Thread-safe.
     */
    public final class Unfinished {
        // the timelines read, in the order of the files given, null where one waits
        private final List<SpecMoves> inOrder;
        private final Map<Path, SpecMoves> done = new HashMap<>();
        private final Map<Path, Waiting> waiting;
        private final Map<Path, String> unreadable;

        private Unfinished(
                List<SpecMoves> inOrder, Map<Path, Waiting> waiting, Map<Path, String> unreadable) {
            this.inOrder = inOrder;
            this.waiting = waiting;
            this.unreadable = Collections.unmodifiableMap(unreadable);
            for (SpecMoves m : inOrder) {
                if (m != null) {
                    done.put(m.file(), m);
                }
            }
        }

        /** The files given whose timelines wait for the caller's reading of the newest version. */
        public java.util.Set<Path> waiting() {
            return java.util.Collections.unmodifiableSet(waiting.keySet());
        }

        /** The timelines read whole, those that wait for nothing. */
        public java.util.Collection<SpecMoves> read() {
            return java.util.Collections.unmodifiableCollection(done.values());
        }

        /**
         * The files given whose history could not be read, each with the cause (outside the
         * repository, a version git cannot read); they have no timeline.
         */
        public Map<Path, String> unreadable() {
            return unreadable;
        }

        /** Whether {@code file}'s newest version waits for the caller's reading. */
        public boolean waits(Path file) {
            return waiting.containsKey(file);
        }

        /**
         * {@code file}'s timeline, its newest version read from the caller's {@code text} of the
         * working file and {@code doc}, parsed from it by this history's parser; read from git
         * instead when the file's size or time stamp changed since the index was compared with it
         * (its text then need not be the committed one). Null for a file not given.
         */
        public SpecMoves finish(Path file, String text, SpecDocument doc) throws HistoryException {
            return finish(file, text, doc, null);
        }

        /**
         * As {@link #finish(Path, String, SpecDocument)}, with {@code checklist}, the checklist of
         * {@code doc} as a spec's ({@code Checklist.of(doc)}) that the caller made already (null:
         * made here).
         */
        public SpecMoves finish(Path file, String text, SpecDocument doc, Checklist checklist)
                throws HistoryException {
            Waiting w = waiting.get(file);
            if (w == null) {
                return done.get(file);
            }
            if (!w.unchanged().still()) {
                return finish(file);
            }
            return w.finish(
                    file, checklist(text, doc, checklist == null ? Checklist.of(doc) : checklist));
        }

        /** {@code file}'s timeline, its newest version read from git. Null for a file not given. */
        public SpecMoves finish(Path file) throws HistoryException {
            Waiting w = waiting.get(file);
            if (w == null) {
                return done.get(file);
            }
            try (GitRevisions git = GitRevisions.open(file)) {
                return w.finish(file, checklist(git.content(w.newest())));
            }
        }
    }

    /**
     * A timeline read but for its newest version: the versions before it (each with its reading's
     * version), the moves among them, and the last of them read.
     */
    private record Waiting(
            String path,
            GitRevisions.Revision newest,
            GitRevisions.Unchanged unchanged,
            List<HistoryVersion> versions,
            List<Move> moves,
            Reading previous,
            List<UnreadVersion> unreadVersions,
            boolean shallow) {

        SpecMoves finish(Path file, Reading newestReading) {
            List<HistoryVersion> all = new ArrayList<>(versions);
            List<Move> found = new ArrayList<>(moves);
            List<UnreadVersion> notText = new ArrayList<>(unreadVersions);
            if (newestReading.readable()) {
                step(previous, newestReading, all.size(), found);
                all.add(newestReading.version(newest));
            } else {
                notText.add(new UnreadVersion(newest, newestReading.unreadable()));
            }
            return assemble(
                    file,
                    path,
                    all,
                    found,
                    Collections.nCopies(found.size(), null),
                    notText,
                    shallow);
        }
    }

    /** How much of each version a history reads. */
    private enum Depth {
        /** Status and approval fields ({@link FieldsVersion}). */
        FIELDS,
        /** Status, approval record and checklist counts ({@link ChecklistVersion}). */
        CHECKLIST,
        /** Everything, approval validity and fingerprint included ({@link SpecVersion}). */
        WHOLE
    }

    /** Contents read and turned into readings at once: a bound on the bytes held. */
    private static final int BATCH = 256;

    /**
     * What the history reads of one content; {@code readable} false when it is not a spec's text,
     * and then {@code unreadable} says why ({@code line 3, column 30: not UTF-8 (...)}; null
     * otherwise). {@code noStatus}, for a content without a status read by its fields ({@link
     * #moves}), is why, from the parse that found none ({@link #unread}); null otherwise.
     */
    private record Reading(
            boolean readable,
            Optional<String> status,
            Optional<ApprovalRecord> approval,
            Optional<SpecVersion.Content> content,
            int checked,
            int total,
            NoStatus noStatus,
            String unreadable) {

        /** A content that is no spec's text, {@code why} as its reading's failure says it. */
        static Reading unreadable(UnreadableSpecException why) {
            return new Reading(
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    -1,
                    -1,
                    null,
                    why.reasonWithPlace());
        }

        /** A spec's text read. */
        Reading(
                boolean readable,
                Optional<String> status,
                Optional<ApprovalRecord> approval,
                Optional<SpecVersion.Content> content,
                int checked,
                int total,
                NoStatus noStatus) {
            this(readable, status, approval, content, checked, total, noStatus, null);
        }

        /** A reading without checklist counts. */
        Reading(
                boolean readable,
                Optional<String> status,
                Optional<ApprovalRecord> approval,
                Optional<SpecVersion.Content> content,
                NoStatus noStatus) {
            this(readable, status, approval, content, -1, -1, noStatus);
        }

        /**
         * This reading with {@code why} it has no status (an audit's whole reading of a version).
         */
        Reading noting(NoStatus why) {
            return new Reading(readable, status, approval, content, checked, total, why);
        }

        HistoryVersion version(GitRevisions.Revision r) {
            if (content.isPresent()) {
                return new SpecVersion(r, status, approval, content.get());
            }
            if (total >= 0) {
                return new ChecklistVersion(r, status, approval, checked, total);
            }
            return new FieldsVersion(r, status, approval);
        }
    }

    /**
     * Why a content has no status, as read: its status field written but empty, or missing, with
     * the list item written for it where the template wants a bold line ({@link
     * ListedFields#status}). The words are made only for a commit history names ({@link #why}).
     */
    private record NoStatus(boolean written, Optional<ListedFields.Listed> listed) {

        /**
         * What tells two such contents apart: a list item's value (its line may move), in any case;
         * an empty field; no field.
         */
        String key() {
            return written
                    ? "empty"
                    : listed.map(l -> "listed " + StatusChange.key(l.value())).orElse("missing");
        }
    }

    /** A version an audit judges, read whole, and the verdicts on the moves to it. */
    private record Judged(Reading reading, List<Optional<GateResult>> verdicts) {}

    /** A move an audit judges: the {@code move}-th of the {@code spec}-th file, at {@code at}. */
    private record Judgement(int spec, int move, GitRevisions.Revision at, Move what) {}

    /** A change of status or approval found, before its audit. */
    private record Move(int version, Optional<String> from, Optional<String> to, boolean created) {}

    private List<SpecMoves> timelines(List<Path> files, boolean audit, Depth depth)
            throws HistoryException {
        return read(files, audit, depth, false, false).inOrder;
    }

    /**
     * The timelines of {@code files}; with {@code afterWorking}, those whose working file is their
     * newest committed version left waiting for its reading; with {@code tolerant}, a file whose
     * history cannot be read is left out with its cause ({@link Unfinished#unreadable()}) instead
     * of failing them all.
     */
    private Unfinished read(
            List<Path> given, boolean audit, Depth depth, boolean afterWorking, boolean tolerant)
            throws HistoryException {
        requireNonNull(given, "files must not be null");
        if (given.isEmpty()) {
            return new Unfinished(List.of(), Map.of(), Map.of());
        }
        try (GitRevisions git = GitRevisions.open(given.get(0))) {
            Map<Path, String> unreadable = new LinkedHashMap<>();
            List<Path> files = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            for (Path f : given) {
                String p = git.relative(f);
                if (p == null) {
                    String why = f + " is outside the git repository at " + git.workTree();
                    if (!tolerant) {
                        throw new HistoryException(why);
                    }
                    unreadable.put(f, why);
                    continue;
                }
                files.add(f);
                paths.add(p);
            }
            Map<String, List<GitRevisions.Revision>> all = git.revisions(paths);
            // the paths whose newest version is the working file's text, left for the caller
            Map<String, GitRevisions.Unchanged> working = new HashMap<>();
            if (afterWorking) {
                git.unchanged(paths)
                        .forEach(
                                (p, u) -> {
                                    List<GitRevisions.Revision> rs = all.get(p);
                                    if (!rs.isEmpty() && rs.get(0).blob().equals(u.blob())) {
                                        working.put(p, u);
                                    }
                                });
            }
            // each content read once, in the order the packs hold them; turned into readings on
            // every core
            Map<ObjectId, GitRevisions.Revision> distinct = new LinkedHashMap<>();
            for (Map.Entry<String, List<GitRevisions.Revision>> e : all.entrySet()) {
                List<GitRevisions.Revision> rs = e.getValue();
                int oldest = working.containsKey(e.getKey()) ? 1 : 0;
                for (int k = oldest; k < rs.size(); k++) {
                    distinct.putIfAbsent(rs.get(k).blob(), rs.get(k));
                }
            }
            Map<ObjectId, Reading> readings = new HashMap<>();
            // tolerant: the contents git could not read, with why (else the first fails the read)
            Map<ObjectId, String> failed =
                    tolerant ? new java.util.concurrent.ConcurrentHashMap<>() : null;
            // read whole for an audit, each version is parsed once, after the moves are known:
            // for its verdicts too when a move leads to it; here its status and approval suffice
            Depth first = depth == Depth.WHOLE && audit ? Depth.FIELDS : depth;
            forEachContent(
                    git,
                    new ArrayList<>(distinct.values()),
                    failed,
                    (r, bytes) ->
                            switch (first) {
                                case WHOLE -> whole(bytes);
                                case CHECKLIST -> checklist(bytes);
                                case FIELDS -> fields(bytes);
                            },
                    (r, reading) -> readings.put(r.blob(), reading));
            Path workTree = git.workTree();
            List<List<GitRevisions.Revision>> kept = new ArrayList<>();
            List<List<Move>> moves = new ArrayList<>();
            List<Reading> last = new ArrayList<>();
            List<List<UnreadVersion>> notText = new ArrayList<>();
            for (String p : paths) {
                List<GitRevisions.Revision> newestFirst = all.get(p);
                List<GitRevisions.Revision> versions = new ArrayList<>();
                // never left out in silence: a spec none of whose versions is text is committed
                List<UnreadVersion> unreadVersions = new ArrayList<>();
                List<Move> found = new ArrayList<>();
                Reading previous = null;
                int newest = working.containsKey(p) ? 1 : 0;
                for (int k = newestFirst.size() - 1; k >= newest; k--) {
                    GitRevisions.Revision r = newestFirst.get(k);
                    if (failed != null && failed.containsKey(r.blob())) {
                        unreadable.put(files.get(kept.size()), failed.get(r.blob()));
                        break; // the file is left out below
                    }
                    Reading v = readings.get(r.blob());
                    if (!v.readable()) {
                        // not a spec's text at that commit (binary, not UTF-8): said with why
                        unreadVersions.add(new UnreadVersion(r, v.unreadable()));
                        continue;
                    }
                    step(previous, v, versions.size(), found);
                    versions.add(r);
                    previous = v;
                }
                kept.add(versions);
                notText.add(unreadVersions);
                moves.add(found);
                last.add(previous);
            }
            List<List<Optional<GateResult>>> verdicts = new ArrayList<>();
            for (List<Move> found : moves) {
                verdicts.add(new ArrayList<>(Collections.nCopies(found.size(), Optional.empty())));
            }
            if (audit) {
                // each version a change of status leads to, read again and parsed once: its
                // content (when only its fields were read) and the verdict on every move to it
                Map<ObjectId, List<Judgement>> toJudge = new LinkedHashMap<>();
                for (int i = 0; i < paths.size(); i++) {
                    for (int m = 0; m < moves.get(i).size(); m++) {
                        Move move = moves.get(i).get(m);
                        if (changed(move.from(), move.to())) {
                            GitRevisions.Revision r = kept.get(i).get(move.version());
                            toJudge.computeIfAbsent(r.blob(), k -> new ArrayList<>())
                                    .add(new Judgement(i, m, r, move));
                        }
                    }
                }
                List<GitRevisions.Revision> toRead = new ArrayList<>();
                toJudge.values().forEach(js -> toRead.add(js.get(0).at()));
                if (depth == Depth.WHOLE) {
                    // and every other version, read whole here and only here
                    Set<ObjectId> listed = new HashSet<>(toJudge.keySet());
                    for (List<GitRevisions.Revision> versions : kept) {
                        for (GitRevisions.Revision r : versions) {
                            if (listed.add(r.blob())) {
                                toRead.add(r);
                            }
                        }
                    }
                }
                forEachContent(
                        git,
                        toRead,
                        null,
                        (r, bytes) -> {
                            List<Judgement> js = toJudge.get(r.blob());
                            return js == null
                                    ? new Judged(whole(bytes), List.of())
                                    : judged(bytes, workTree, js);
                        },
                        (r, j) -> {
                            // the reading whole keeps why the fields found no status; where
                            // they found one and the whole parse none, its own reason stays
                            Reading fieldsRead = readings.get(r.blob());
                            readings.put(
                                    r.blob(),
                                    fieldsRead == null || fieldsRead.noStatus() == null
                                            ? j.reading()
                                            : j.reading().noting(fieldsRead.noStatus()));
                            List<Judgement> js = toJudge.getOrDefault(r.blob(), List.of());
                            for (int k = 0; k < js.size(); k++) {
                                verdicts.get(js.get(k).spec())
                                        .set(js.get(k).move(), j.verdicts().get(k));
                            }
                        });
            }
            List<SpecMoves> done = new ArrayList<>(files.size());
            Map<Path, Waiting> waiting = new HashMap<>();
            for (int i = 0; i < paths.size(); i++) {
                if (unreadable.containsKey(files.get(i))) {
                    continue;
                }
                List<HistoryVersion> versions = new ArrayList<>();
                for (GitRevisions.Revision r : kept.get(i)) {
                    versions.add(readings.get(r.blob()).version(r));
                }
                String p = paths.get(i);
                // the oldest commit of the spec, read or not: a shallow clone's boundary?
                List<GitRevisions.Revision> revisions = all.get(p);
                boolean shallow =
                        !revisions.isEmpty()
                                && git.shallowBoundary(
                                        revisions.get(revisions.size() - 1).commit());
                GitRevisions.Unchanged unchanged = working.get(p);
                if (unchanged != null) {
                    waiting.put(
                            files.get(i),
                            new Waiting(
                                    p,
                                    all.get(p).get(0),
                                    unchanged,
                                    versions,
                                    moves.get(i),
                                    last.get(i),
                                    notText.get(i),
                                    shallow));
                    done.add(null);
                } else {
                    SpecMoves read =
                            assemble(
                                    files.get(i),
                                    p,
                                    versions,
                                    moves.get(i),
                                    verdicts.get(i),
                                    notText.get(i),
                                    shallow);
                    if (depth == Depth.FIELDS) {
                        // never a silent pass: each commit whose status cannot be read is said
                        List<UnreadStatus> unread = unread(versions, kept.get(i), readings);
                        if (!unread.isEmpty()) {
                            read =
                                    new SpecMoves(
                                            read.file(),
                                            read.path(),
                                            read.versions(),
                                            read.changes(),
                                            shallow,
                                            unread,
                                            read.unreadVersions());
                        }
                    }
                    done.add(read);
                }
            }
            return new Unfinished(done, waiting, unreadable);
        }
    }

    /**
     * The versions among {@code versions} (at {@code revisions}, read into {@code readings}) at
     * which the status became unreadable, each with why: its status field missing or empty ({@link
     * #why}), or holding a value that is no status. A run of commits that leave it unreadable as it
     * was (the same list item, the same value) is one, its first, as a run of commits that leave a
     * status as it was is no change; a version unreadable another way than the one before is one of
     * its own.
     */
    private List<UnreadStatus> unread(
            List<HistoryVersion> versions,
            List<GitRevisions.Revision> revisions,
            Map<ObjectId, Reading> readings) {
        List<UnreadStatus> unread = new ArrayList<>();
        String before = null; // what made the version before unreadable; null: it was read
        for (int i = 0; i < versions.size(); i++) {
            HistoryVersion v = versions.get(i);
            String key;
            NoStatus cause = null;
            if (v.status().isPresent()) {
                String value = v.status().get();
                boolean notAStatus =
                        !lifecycle.statuses().isEmpty() && lifecycle.status(value).isEmpty();
                key = notAStatus ? "value " + StatusChange.key(value) : null;
            } else {
                cause = readings.get(revisions.get(i).blob()).noStatus();
                key = cause.key();
            }
            if (key != null && !key.equals(before)) {
                unread.add(
                        new UnreadStatus(
                                v,
                                cause == null
                                        ? lifecycle.notAStatus(v.status().get())
                                        : why(cause)));
            }
            before = key;
        }
        return unread;
    }

    /**
     * Why a text without a status has none, in a user's words: its status field written but empty,
     * or missing (a list item written for it where the template wants a bold line named, as {@code
     * field-missing} names it).
     */
    private String why(NoStatus cause) {
        String field = schema.statusField();
        if (cause.written()) {
            return "its '" + field + "' field is empty";
        }
        String named =
                schema.field(field)
                        .map(f -> f.form().markdown(f.label().trim()))
                        .orElse(field + ":");
        return "no '" + named + "' field" + cause.listed().map(l -> ": " + l.hint()).orElse("");
    }

    /**
     * Notes in {@code found} a move to {@code v}, the version at {@code index}, from {@code
     * previous} (null: {@code v} is the first version): a change of its status or approval.
     */
    private static void step(Reading previous, Reading v, int index, List<Move> found) {
        Optional<String> from = previous == null ? Optional.empty() : previous.status();
        Optional<ApprovalRecord> before = previous == null ? Optional.empty() : previous.approval();
        if (changed(from, v.status()) || !before.equals(v.approval())) {
            found.add(new Move(index, from, v.status(), previous == null));
        }
    }

    /**
     * A timeline of {@code versions} with the changes {@code moves} found among them, each with its
     * verdict (null or empty: none), and the versions that are no spec's text.
     */
    private static SpecMoves assemble(
            Path file,
            String path,
            List<HistoryVersion> versions,
            List<Move> moves,
            List<Optional<GateResult>> verdicts,
            List<UnreadVersion> unreadVersions,
            boolean shallow) {
        List<StatusChange> changes = new ArrayList<>();
        for (int m = 0; m < moves.size(); m++) {
            Move move = moves.get(m);
            HistoryVersion v = versions.get(move.version());
            Optional<ApprovalRecord> before =
                    move.version() == 0
                            ? Optional.empty()
                            : versions.get(move.version() - 1).approval();
            Optional<GateResult> verdict = verdicts.get(m);
            changes.add(
                    new StatusChange(
                            v,
                            move.from(),
                            move.to(),
                            before,
                            v.approval(),
                            verdict == null ? Optional.empty() : verdict));
        }
        return new SpecMoves(file, path, versions, changes, shallow, List.of(), unreadVersions);
    }

    private static boolean changed(Optional<String> from, Optional<String> to) {
        return !from.map(StatusChange::key).equals(to.map(StatusChange::key));
    }

    /**
     * Reads the contents of {@code revisions} in the order the packs hold them, a batch at a time,
     * reads and turns each batch's into results on every core, and hands them over in that order.
     * With {@code failed} (not null), a content git cannot read is noted there with why, neither
     * turned nor handed over, instead of failing the whole read.
     */
    private static <T> void forEachContent(
            GitRevisions git,
            List<GitRevisions.Revision> revisions,
            Map<ObjectId, String> failed,
            java.util.function.BiFunction<GitRevisions.Revision, byte[], T> turn,
            java.util.function.BiConsumer<GitRevisions.Revision, T> take)
            throws HistoryException {
        List<GitRevisions.Revision> ordered = git.inStorageOrder(revisions);
        for (int from = 0; from < ordered.size(); from += BATCH) {
            List<GitRevisions.Revision> batch =
                    ordered.subList(from, Math.min(ordered.size(), from + BATCH));
            List<T> results;
            try {
                // each thread reads its part of the batch (a reader of its own) and turns it: the
                // reading of a batch on the calling thread alone left the other core idle
                results =
                        java.util.stream.IntStream.range(0, batch.size())
                                .parallel()
                                .mapToObj(
                                        i -> {
                                            GitRevisions.Revision r = batch.get(i);
                                            if (failed == null) {
                                                return turn.apply(r, content(git, r));
                                            }
                                            try {
                                                return turn.apply(r, git.content(r));
                                            } catch (HistoryException e) {
                                                failed.put(r.blob(), e.getMessage());
                                                return null;
                                            }
                                        })
                                .toList();
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof Unreadable u) {
                        throw u.failure;
                    }
                }
                throw e;
            }
            for (int i = 0; i < batch.size(); i++) {
                if (failed == null || !failed.containsKey(batch.get(i).blob())) {
                    take.accept(batch.get(i), results.get(i));
                }
            }
        }
    }

    /** {@link GitRevisions#content}, its failure carried out of a parallel stream. */
    private static byte[] content(GitRevisions git, GitRevisions.Revision r) {
        try {
            return git.content(r);
        } catch (HistoryException e) {
            throw new Unreadable(e);
        }
    }

    /** A content that could not be read, on its way out of a parallel stream. */
    private static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial") // never serialized: caught within the read
        private final HistoryException failure;

        Unreadable(HistoryException failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }
    }

    /** A content's status and approval, read from the paragraphs that hold them. */
    private Reading fields(byte[] bytes) {
        String text;
        try {
            text = SpecFileReader.decode(bytes).text();
        } catch (UnreadableSpecException e) {
            return Reading.unreadable(e);
        }
        List<FieldScan.Window> found =
                fields.read(text, List.of(schema.statusField(), approvals.field()));
        if (found == null) {
            SpecDocument doc = parser.parse(text);
            Optional<String> status = status(doc);
            return new Reading(
                    true,
                    status,
                    approvals.record(text, doc),
                    Optional.empty(),
                    noStatus(text, status, doc));
        }
        FieldScan.Window approval = found.get(1);
        SpecDocument statusWindow = found.get(0).document();
        Optional<String> status = status(statusWindow);
        return new Reading(
                true,
                status,
                approvals.record(approval.text(), approval.document()),
                Optional.empty(),
                noStatus(text, status, statusWindow));
    }

    /**
     * Why {@code text} has no status when {@code status} is empty, its status field looked up in
     * {@code doc} (the whole text's, or the window the field would stand in): written but empty, or
     * missing (a list item written for it where the template wants a bold line, as {@code
     * field-missing} names it); null when it has a status.
     */
    private NoStatus noStatus(String text, Optional<String> status, SpecDocument doc) {
        if (status.isPresent()) {
            return null;
        }
        if (doc.metadata(schema.statusField()).isPresent()) {
            return new NoStatus(true, Optional.empty());
        }
        return new NoStatus(false, ListedFields.status(schema, text));
    }

    /** A content read whole: status, approval, its validity, fingerprint and checklist counts. */
    private Reading whole(byte[] bytes) {
        String text;
        try {
            text = SpecFileReader.decode(bytes).text();
        } catch (UnreadableSpecException e) {
            return Reading.unreadable(e);
        }
        return whole(text, parser.parse(text));
    }

    /**
     * A version an audit judges ({@code moves}, all to this content): parsed once, for its reading
     * whole and every verdict.
     */
    private Judged judged(byte[] bytes, Path workTree, List<Judgement> moves) {
        String text = text(bytes).orElseThrow();
        SpecDocument doc = parser.parse(text);
        Reading reading = whole(text, doc);
        List<Optional<GateResult>> verdicts = new ArrayList<>(moves.size());
        for (Judgement j : moves) {
            verdicts.add(
                    judge(
                            workTree,
                            j.at(),
                            text,
                            doc,
                            j.what().from(),
                            j.what().to(),
                            j.what().created()));
        }
        return new Judged(reading, verdicts);
    }

    /** {@link #whole(byte[])} of a text already parsed into {@code doc}. */
    private Reading whole(String text, SpecDocument doc) {
        ApprovalCheck approval = approvals.check(text, doc);
        Checklist checklist = Checklist.of(doc);
        Optional<String> status = status(doc);
        return new Reading(
                true,
                status,
                approval.record(),
                Optional.of(
                        new SpecVersion.Content(
                                approval.valid(),
                                approval.current().hash(),
                                checklist.checked(),
                                checklist.total())),
                noStatus(text, status, doc));
    }

    /** A content parsed for its status, approval record and checklist counts. */
    private Reading checklist(byte[] bytes) {
        String text;
        try {
            text = SpecFileReader.decode(bytes).text();
        } catch (UnreadableSpecException e) {
            return Reading.unreadable(e);
        }
        return checklist(text, parser.parse(text));
    }

    /** {@link #checklist(byte[])} of a text already parsed into {@code doc}. */
    private Reading checklist(String text, SpecDocument doc) {
        return checklist(text, doc, Checklist.of(doc));
    }

    /** {@link #checklist(String, SpecDocument)} with {@code doc}'s checklist made. */
    private Reading checklist(String text, SpecDocument doc, Checklist checklist) {
        return new Reading(
                true,
                status(doc),
                approvals.record(text, doc),
                Optional.empty(),
                checklist.checked(),
                checklist.total(),
                null);
    }

    /** The status {@code doc} writes: the one reading of it ({@link StatusReading#plain}). */
    private Optional<String> status(SpecDocument doc) {
        return StatusReading.plain(doc, schema);
    }

    /**
     * Whether the history of {@code file} is cut short by a shallow clone: its oldest commit is one
     * whose parents were not fetched ({@link GitRevisions#shallowBoundary}).
     */
    public boolean shallow(Path file) throws HistoryException {
        try (GitRevisions git = GitRevisions.open(file)) {
            String path = relative(git, file);
            List<GitRevisions.Revision> revisions = git.revisions(List.of(path)).get(path);
            return !revisions.isEmpty()
                    && git.shallowBoundary(revisions.get(revisions.size() - 1).commit());
        }
    }

    /**
     * What a history read from {@code start}'s repository stands on ({@link
     * GitRevisions#headState}): a reader that keeps histories (the preview server) reads them again
     * when it changes, since a commit, checkout or fetch changes no spec file. Empty outside a
     * repository or when it cannot be read.
     */
    public String headState(Path start) {
        try (GitHead head = head(start)) {
            return head.now();
        }
    }

    /**
     * {@link #headState} of {@code start}'s repository, asked as often as a reader likes from a
     * repository opened once ({@link GitHead}): what the preview server asks at each overview.
     */
    public GitHead head(Path start) {
        return new GitHead(start);
    }

    /**
     * Why no commit holds a spec, in a user's words: a rename since the last commit is followed
     * once git's index holds it ({@code git mv}, {@code git add -A}), so a spec moved without it is
     * in none under its new name.
     */
    public static final String IN_NO_COMMIT =
            "not committed yet, or renamed since the last commit and the rename not staged: once it"
                    + " is (git mv, or git add -A), its history follows it";

    /**
     * Whether a commit of HEAD's first-parent history holds {@code file}, under its name or one it
     * had before a rename: false for a spec not committed yet, or in a repository with no commit.
     */
    public boolean committed(Path file) throws HistoryException {
        try (GitRevisions git = GitRevisions.open(file)) {
            String path = relative(git, file);
            return !git.revisions(List.of(path)).get(path).isEmpty();
        }
    }

    /**
     * The committed text of {@code file} whose content is the content {@code record} approved, with
     * its revision: the oldest commit of the newest run holding that content (ticked working boxes
     * aside) whose approval field holds {@code record} itself, which is the commit that recorded
     * the approval; when no commit of that run holds the record (the approval was committed
     * together with later edits), the oldest of the run. Empty when no commit holds the content. A
     * version that is no spec's text (not UTF-8) holds no content: the caller names those of the
     * spec's history ({@link SpecMoves#unreadVersionsSaid()}) when the record's commit or the
     * content is not found, as {@code diff --since approval} does.
     */
    public Optional<Committed> approvedText(Path file, ApprovalRecord record)
            throws HistoryException {
        requireNonNull(record, "record must not be null");
        try (GitRevisions git = GitRevisions.open(file)) {
            String path = relative(git, file);
            List<GitRevisions.Revision> revisions = git.revisions(List.of(path)).get(path);
            Optional<Committed> found = Optional.empty();
            Optional<Committed> recorded = Optional.empty();
            for (GitRevisions.Revision r : revisions) {
                Optional<String> text = text(git.content(r));
                SpecDocument doc = text.map(parser::parse).orElse(null);
                boolean same = doc != null && approvals.approves(record, text.get(), doc);
                if (same) {
                    // keep going back: the commit before the approval has the same content (the
                    // fingerprint leaves the status and the approval out), so the one that
                    // recorded it is the oldest that holds the record
                    found = Optional.of(new Committed(r.commit(), r.path(), text.get()));
                    if (approvals.record(text.get(), doc).filter(record::equals).isPresent()) {
                        recorded =
                                Optional.of(new Committed(r.commit(), r.path(), text.get(), true));
                    }
                } else if (found.isPresent()) {
                    break;
                }
            }
            return recorded.isPresent() ? recorded : found;
        }
    }

    /**
     * {@code file}'s text at a revision ({@code HEAD~2}, a tag, a commit id), following renames
     * back from HEAD; empty when the file did not exist there.
     *
     * @throws HistoryException when the revision is unknown, the repository cannot be read, or the
     *     file's version there is no spec's text (not UTF-8, binary): that version is named as
     *     {@code history} names it ({@link UnreadVersion#said}), never taken for a missing file
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
            GitRevisions.Revision version = git.revisionAt(commit, at);
            if (version == null && !at.equals(path)) {
                version = git.revisionAt(commit, path);
            }
            if (version == null) {
                return Optional.empty();
            }
            try {
                String text = SpecFileReader.decode(git.content(version)).text();
                return Optional.of(new Committed(commit, path, text));
            } catch (UnreadableSpecException e) {
                throw new HistoryException(
                        version.path()
                                + " at "
                                + rev
                                + ": "
                                + UnreadVersion.said(
                                                List.of(
                                                        new UnreadVersion(
                                                                version, e.reasonWithPlace())),
                                                false)
                                        .orElseThrow());
            }
        }
    }

    /**
     * A spec's text in a commit.
     *
     * @param commit the commit id
     * @param path the spec's path in it
     * @param text the text, without a byte order mark
     * @param holdsRecord whether its approval field holds the approval {@link #approvedText} was
     *     asked about (the commit that recorded it), not only the content it approved
     */
    public record Committed(String commit, String path, String text, boolean holdsRecord) {

        /** A committed text not known to hold an approval record. */
        public Committed(String commit, String path, String text) {
            this(commit, path, text, false);
        }
    }

    /**
     * For {@code history --audit}: the commit that last moved the spec of {@code moves} to its
     * lifecycle's approval point from a status before it, and the commits before it along HEAD's
     * first parents that put this feature's code in its File Organization paths while the spec
     * stood before that point (or did not exist yet), as {@code layout-early} counts code ({@link
     * SpecLayout#holdsFeatureCode}, {@link SpecLayout#isCode}), the paths read from the spec as it
     * is now, {@code [feature-name]} resolved under each name the spec had in its history (a
     * feature renamed since wrote its early code under its old slug). A path the trace refuses
     * ({@link LayoutPaths}) or one outside the repository is not looked at and is said so ({@link
     * CodeBeforeApproval#skipped}). Empty when the history holds no such move, or the lifecycle has
     * no approval point.
     *
     * @throws HistoryException when the repository cannot be read
     */
    public Optional<CodeBeforeApproval> codeBeforeApproval(SpecMoves moves)
            throws HistoryException {
        requireNonNull(moves, "moves must not be null");
        return codeBeforeApproval(List.of(moves)).get(0);
    }

    /**
     * {@link #codeBeforeApproval(SpecMoves)} of each of {@code all}, in their order: the repository
     * opened once (once for each repository their files lie in) and HEAD's first-parent line read
     * once for them all ({@link GitRevisions.FeatureCommits}), each spec's commits taken from it.
     *
     * @throws HistoryException when the repository cannot be read
     */
    public List<Optional<CodeBeforeApproval>> codeBeforeApproval(List<SpecMoves> all)
            throws HistoryException {
        requireNonNull(all, "moves must not be null");
        List<Audit> audits = new ArrayList<>();
        // the repositories opened, by the folder of the spec they were opened at
        Map<Path, GitRevisions> byFolder = new HashMap<>();
        List<GitRevisions> opened = new ArrayList<>();
        try {
            for (SpecMoves moves : all) {
                requireNonNull(moves, "moves must not be null");
                audits.add(audit(moves, byFolder, opened));
            }
            // each repository's first-parent line read once, under every audited spec's paths
            Map<GitRevisions, GitRevisions.FeatureCommits> lines =
                    new java.util.IdentityHashMap<>();
            for (GitRevisions git : opened) {
                java.util.Set<String> paths = new java.util.LinkedHashSet<>();
                for (Audit a : audits) {
                    if (a != null && a.git() == git) {
                        paths.addAll(a.at().keySet());
                    }
                }
                if (!paths.isEmpty()) {
                    lines.put(git, git.featureCommits(List.copyOf(paths)));
                }
            }
            List<Optional<CodeBeforeApproval>> found = new ArrayList<>();
            for (int i = 0; i < audits.size(); i++) {
                Audit a = audits.get(i);
                if (a == null) {
                    found.add(Optional.empty());
                    continue;
                }
                if (a.unread().isPresent()) {
                    found.add(
                            Optional.of(
                                    CodeBeforeApproval.unread(
                                            a.approval(), a.point(), a.unread().get())));
                    continue;
                }
                Map<String, LayoutEntry> at = a.at();
                String commit = a.approval().version().revision().commit();
                List<GitRevisions.Touched> commits;
                if (at.isEmpty()) {
                    commits = List.of();
                } else {
                    java.util.function.Predicate<String> when =
                            unapproved(all.get(i), a.approval());
                    commits =
                            lines.get(a.git())
                                    .touchedBefore(commit, path -> counted(path, at), when)
                                    .orElse(null);
                    if (commits == null) {
                        // not on HEAD's first-parent line: walked from it on its own
                        commits =
                                a.git()
                                        .touchedBefore(
                                                commit,
                                                List.copyOf(at.keySet()),
                                                path -> counted(path, at),
                                                unapproved(all.get(i), a.approval()));
                    }
                }
                found.add(
                        Optional.of(
                                new CodeBeforeApproval(
                                        a.approval(),
                                        a.point(),
                                        a.code().stream().map(LayoutEntry::path).toList(),
                                        a.skipped(),
                                        commits,
                                        Optional.empty())));
            }
            return found;
        } finally {
            opened.forEach(GitRevisions::close);
        }
    }

    /**
     * What one spec's audit asks of the history: the approval it is judged by, its feature's code
     * paths looked at, those it could not look at (with why), and the paths looked at from the
     * working tree's root in {@code git}.
     */
    private record Audit(
            StatusChange approval,
            String point,
            List<LayoutEntry> code,
            List<CodeBeforeApproval.Skipped> skipped,
            GitRevisions git,
            Map<String, LayoutEntry> at,
            Optional<String> unread) {}

    /**
     * {@code moves}' audit, or null when the history holds no move to the approval point (or the
     * lifecycle has none), its repository taken from {@code byFolder} or opened (and added to
     * {@code opened}).
     */
    private Audit audit(
            SpecMoves moves, Map<Path, GitRevisions> byFolder, List<GitRevisions> opened)
            throws HistoryException {
        Optional<String> point = schema.approvalPoint();
        if (point.isEmpty()) {
            return null;
        }
        // the last move to the approval point from a status before it (or from no spec): a spec
        // approved, sent back to Draft and approved again is judged by its second approval
        Optional<StatusChange> approval = Optional.empty();
        for (StatusChange c : moves.changes()) {
            if (c.to().filter(schema::pastApproval).isPresent()
                    && c.from().filter(schema::pastApproval).isEmpty()) {
                approval = Optional.of(c);
            }
        }
        if (approval.isEmpty()) {
            return null;
        }
        Path file = moves.file();
        List<LayoutEntry> code = new ArrayList<>();
        try {
            String text = SpecFileReader.decode(java.nio.file.Files.readAllBytes(file)).text();
            SpecDocument doc = parser.parse(text);
            // under each name the spec had: a feature renamed since (its spec git mv'd, its
            // [feature-name] folders with it) wrote its early code under the old slug
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            names.add(file.getFileName().toString());
            for (HistoryVersion v : moves.versions()) {
                String p = v.revision().path();
                names.add(p.substring(p.lastIndexOf('/') + 1));
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String name : names) {
                Path named = file.resolveSibling(name);
                List<LayoutEntry> entries = SpecLayout.entries(named, text, doc, schema);
                String slug = FeatureSlug.of(named, schema);
                java.util.Set<String> shared = SharedFolders.of(schema, entries);
                for (LayoutEntry e : entries) {
                    if (SpecLayout.holdsFeatureCode(e, slug, shared) && seen.add(e.path())) {
                        code.add(e);
                    }
                }
            }
        } catch (java.io.IOException | UnreadableSpecException e) {
            String why =
                    e instanceof java.io.IOException io ? IoFailure.reason(io) : e.getMessage();
            // this spec's paths are not known: said on its audit, the other specs audited all the
            // same (its moves were read from git, not from this file)
            return new Audit(
                    approval.get(),
                    point.get(),
                    List.of(),
                    List.of(),
                    null,
                    Map.of(),
                    Optional.of(why));
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        GitRevisions git = byFolder.get(folder);
        if (git == null) {
            git = GitRevisions.open(file);
            for (GitRevisions o : opened) {
                if (o.sameRepository(git)) {
                    git.close();
                    git = o;
                    break;
                }
            }
            if (!opened.contains(git)) {
                opened.add(git);
            }
            byFolder.put(folder, git);
        }
        Path projectRoot = ProjectRoot.ofSpec(file);
        String root = git.relative(projectRoot);
        String prefix = root == null || root.isEmpty() ? "" : root + "/";
        LayoutPaths paths;
        try {
            paths = new LayoutPaths(projectRoot);
        } catch (java.io.IOException e) {
            throw new HistoryException("cannot read " + projectRoot + ": " + e.getMessage(), e);
        }
        // each path looked at is one the trace would look at (LayoutPaths, the one refusal), and
        // in the repository; one that is not is said, never skipped in silence
        Map<String, LayoutEntry> at = new LinkedHashMap<>();
        List<LayoutEntry> looked = new ArrayList<>();
        List<CodeBeforeApproval.Skipped> skipped = new ArrayList<>();
        for (LayoutEntry e : code) {
            String p;
            try {
                Path target = paths.resolve(e);
                p =
                        paths.root()
                                .relativize(target)
                                .toString()
                                .replace(java.io.File.separatorChar, '/');
            } catch (UnsafeLayoutException refused) {
                skipped.add(new CodeBeforeApproval.Skipped(e.path(), refused.reason(), true));
                continue;
            }
            if (root == null) {
                skipped.add(
                        new CodeBeforeApproval.Skipped(
                                e.path(),
                                "is outside the git repository at " + git.workTree(),
                                false));
                continue;
            }
            if (p.isEmpty()) {
                skipped.add(
                        new CodeBeforeApproval.Skipped(
                                e.path(), "is the project root itself", false));
                continue;
            }
            looked.add(e);
            at.put(prefix + p, e);
        }
        return new Audit(approval.get(), point.get(), looked, skipped, git, at, Optional.empty());
    }

    /**
     * Asked of each commit before {@code approval}, newest first: whether the spec stood before the
     * approval point as that commit left it (or did not exist yet), as {@code layout-early} would
     * have judged that commit's tree. Code committed while an earlier approval stood is not ahead
     * of approval.
     */
    private java.util.function.Predicate<String> unapproved(
            SpecMoves moves, StatusChange approval) {
        Map<String, StatusChange> byCommit = new java.util.HashMap<>();
        for (StatusChange c : moves.changes()) {
            byCommit.put(c.version().revision().commit(), c);
        }
        // whether the status each commit walked past left stood before approval: the status
        // before the next newer change, judged once per change (the predicate is asked of every
        // commit before the approval, newest first, and most commits change no status)
        boolean[] early = {earlyStatus(approval.from())};
        return commit -> {
            StatusChange c = byCommit.get(commit);
            if (c == null) {
                return early[0];
            }
            early[0] = earlyStatus(c.from());
            return earlyStatus(c.to());
        };
    }

    /** Whether {@code status} (none: no spec yet) stands before the approval point. */
    private boolean earlyStatus(Optional<String> status) {
        return status.isEmpty() || schema.beforeApproval(status.get());
    }

    /** Whether {@code path} is code of one of the entries {@code at} holds by their path. */
    private static boolean counted(String path, Map<String, LayoutEntry> at) {
        for (Map.Entry<String, LayoutEntry> e : at.entrySet()) {
            String p = e.getKey();
            if (path.equals(p)) {
                return SpecLayout.isCode(e.getValue(), "");
            }
            if (path.startsWith(p + "/")) {
                return SpecLayout.isCode(e.getValue(), path.substring(p.length() + 1));
            }
        }
        return false;
    }

    private static String relative(GitRevisions git, Path file) throws HistoryException {
        String p = git.relative(file);
        if (p == null) {
            throw new HistoryException(
                    file + " is outside the git repository at " + git.workTree());
        }
        return p;
    }

    /**
     * The gate's verdict on a change of status; none for a new Draft or a status missing or left a
     * placeholder. A change to a value that is no status of the lifecycle skipped every gate.
     */
    private Optional<GateResult> judge(
            Path workTree,
            GitRevisions.Revision r,
            String text,
            SpecDocument document,
            Optional<String> from,
            Optional<String> to,
            boolean created) {
        Optional<SpecStatus> target = to.flatMap(lifecycle::status);
        if (target.isEmpty()) {
            return lifecycle.auditNotAStatus(document, from.flatMap(lifecycle::status));
        }
        if (created && target.get().draft()) {
            return Optional.empty();
        }
        Path where = workTree.resolve(r.path());
        return Optional.of(
                lifecycle.audit(
                        where,
                        text,
                        document,
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
