package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.RuleIds;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The incremental cache of check results (docs/performance.md, "Incremental cache"): a file, {@code
 * results.bin} in a folder that carries its own {@code .gitignore}, holding for each spec its size,
 * modification time, identity ({@link ResultValidity#identity}) and a 64-bit checksum of its bytes,
 * the link targets its check asked about (and whether each existed), its status and its
 * diagnostics. The whole file is valid for one key: Specgate's build, the template, the
 * configuration and the check's options (date, strictness); any other key and the file is ignored
 * and rewritten. Beside it, {@code changes.bin} holds the entries a run changed since {@code
 * results.bin} was written, while they are few ({@link #save}).
 *
 * <p>A result is reused only when the file is byte for byte the one checked (same size,
 * modification time and identity, the time well before the check that recorded it; otherwise the
 * same {@link ResultValidity#checksum} of its bytes: a spec renamed over another keeps its own time
 * stamp, so only its identity tells it apart without reading it) and every link target it asked
 * about still exists or is still missing. Anything else (a file that is unreadable, truncated, from
 * another version, fails its checksum) is never trusted: it is ignored as a whole and replaced at
 * the end of the run. Writes go to a temporary file renamed over the old one, so a reader sees one
 * run's file or another's, never a mixture; two runs writing at once leave the last one's. Failing
 * to read or write the cache never changes a result: the run checks everything as without it.
 *
 * <p>The file stores every path once (a spec's own path, and the same path as other specs' link
 * target) and refers to it by number, so that 10,000 specs linking to each other make a file of
 * about 1 MB that decodes in a few milliseconds. Paths below the project folder (the cache folder's
 * parent) are stored relative to it, so that a project copied or moved to another folder (a CI
 * checkout) finds its entries there ({@link #decode}).
 *
 * <p>Thread-safe: {@link #lookup}, {@link #exists} and {@link #store} are called from the run's
 * parallel checks.
 */
final class ResultCache {

    /** The cache's folder name, next to the configuration (or in the specs' project folder). */
    static final String FOLDER = ".specgate-cache";

    static final String FILE = "results.bin";

    /**
     * The entries changed since {@link #FILE} was written (and the paths gone since), when they are
     * few: a run that changed some writes them here rather than rewriting the whole file.
     */
    static final String CHANGES = "changes.bin";

    private static final long MAGIC = 0x5350454347415445L; // "SPECGATE"
    private static final int FORMAT = 4;

    private final Path dir;
    private final String root;
    private final String key;
    private final long startedNanos;
    private final Map<String, Entry> old;
    private final Loaded loaded;
    private final Map<String, Entry> fresh = new ConcurrentHashMap<>();

    private volatile boolean changed;

    private ResultCache(Path dir, String key, long startedNanos, Loaded loaded) {
        this.dir = dir;
        this.root = root(dir);
        this.key = key;
        this.startedNanos = startedNanos;
        this.loaded = loaded;
        this.old = loaded.entries();
        this.changed = old.isEmpty();
    }

    /**
     * The cache in {@code dir} for {@code key}; empty (but usable) when there is none, it cannot be
     * read, or it was written for another key.
     */
    static ResultCache open(Path dir, String key) {
        return open(dir, key, null);
    }

    /**
     * {@link #open(Path, String)}, taking the file's entries from {@code ahead} when it read the
     * same file for the same key ({@link #readAhead}), else reading them now.
     */
    static ResultCache open(Path dir, String key, ReadAhead ahead) {
        requireNonNull(dir, "dir must not be null");
        requireNonNull(key, "key must not be null");
        long started = ResultValidity.nowNanos();
        Loaded loaded =
                ahead != null && ahead.dir.equals(dir) && ahead.key.equals(key)
                        ? ahead.loaded
                        : load(dir, key, root(dir));
        return new ResultCache(dir, key, started, loaded);
    }

    /**
     * The cache file of {@code dir} read for {@code key} before the run that opens it knows its
     * files, while discovery walks the folders: the same {@link #load} a run makes when it opens
     * the cache, made earlier. When the file changes between the two, the run follows the file as
     * it was read, as it does when the file changes after it was read: every entry is still judged
     * against the spec's bytes on disk ({@link #lookup}).
     */
    static ReadAhead readAhead(Path dir, String key) {
        requireNonNull(dir, "dir must not be null");
        requireNonNull(key, "key must not be null");
        return new ReadAhead(dir, key, load(dir, key, root(dir)));
    }

    /** What {@link #readAhead} read from {@code dir}'s files for {@code key}. */
    record ReadAhead(Path dir, String key, Loaded loaded) {}

    /**
     * The cache folder's entries for a key, and how they were stored.
     *
     * @param entries every entry, {@link #FILE}'s with {@link #CHANGES}'s applied
     * @param base the checksum of {@link #FILE} (which {@link #CHANGES} names to apply to it), 0
     *     when there is none
     * @param baseSize how many entries {@link #FILE} holds
     * @param changes the entries {@link #CHANGES} holds (none without it)
     * @param removed the paths {@link #CHANGES} says are gone
     */
    record Loaded(
            Map<String, Entry> entries,
            long base,
            int baseSize,
            Map<String, Entry> changes,
            Set<String> removed) {

        static final Loaded NONE = new Loaded(Map.of(), 0, 0, Map.of(), Set.of());
    }

    /**
     * One spec's cached check.
     *
     * @param identity {@link ResultValidity#identity} of the file checked
     * @param checksum {@link ResultValidity#checksum} of the spec's bytes
     * @param linkTargets every path (absolute, normalized) the check asked about, and whether it
     *     existed
     * @param self what the run knows of whether the spec's own path exists, the same {@link Known}
     *     as every decoded entry's link to it holds (null for an entry this run made)
     */
    record Entry(
            long size,
            long mtimeNanos,
            long identity,
            long recordedNanos,
            long checksum,
            Links linkTargets,
            String status,
            List<Diagnostic> diagnostics,
            Known self) {

        /** An entry with no {@link Known} of its own path (made by this run, or by a test). */
        Entry(
                long size,
                long mtimeNanos,
                long identity,
                long recordedNanos,
                long checksum,
                Links linkTargets,
                String status,
                List<Diagnostic> diagnostics) {
            this(
                    size,
                    mtimeNanos,
                    identity,
                    recordedNanos,
                    checksum,
                    linkTargets,
                    status,
                    diagnostics,
                    null);
        }
    }

    /**
     * Whether a path a cache file names exists, as far as this run knows: one per path of a decoded
     * file's path table, shared by the entry of that path ({@link Entry#self}) and by every entry's
     * link to it ({@link Links#known}), so that a spec the walk found ({@link #exists}) is known to
     * exist by every link to it, and a link target looked at on the disk is looked at once, without
     * a look-up of the path's text per link (a run over 10,000 unchanged specs made one per link,
     * each comparing two copies of the same path char by char). Two checks may both look at the
     * disk for one path, and the walk may find the file while they look: a look's answer leaves
     * {@link #UNKNOWN} only by compare-and-set, so the first answer stays and the walk's {@link
     * #exists} always wins.
     */
    static final class Known {

        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Known.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static final int UNKNOWN = 0;
        static final int EXISTS = 1;
        static final int MISSING = 2;

        final String path;
        private volatile int state = UNKNOWN;

        Known(String path) {
            this.path = path;
        }

        /** Notes that the path exists (its attributes were just read). */
        void exists() {
            state = EXISTS;
        }

        /** Whether the path exists: what this run found, else a look at the disk, remembered. */
        boolean existsNow() {
            return state == EXISTS
                    || (state == UNKNOWN ? looked(Files.exists(Path.of(path))) : false);
        }

        /**
         * Remembers what a look at the disk found, {@code onDisk}, unless this run already knows
         * (the walk found the file meanwhile, or another look answered first), and returns what
         * this run knows now.
         */
        boolean looked(boolean onDisk) {
            STATE.compareAndSet(this, UNKNOWN, onDisk ? EXISTS : MISSING);
            return state == EXISTS;
        }

        /** {@link #UNKNOWN}, {@link #EXISTS} or {@link #MISSING}. */
        int state() {
            return state;
        }
    }

    /**
     * The link targets one check asked about, in the order asked, and whether each existed: two
     * arrays rather than a map, since a cached run only walks them (a map per spec was a tenth of
     * what a run over 10,000 unchanged specs allocated).
     *
     * @param known for a decoded entry, each path's {@link Known} (null for an entry this run made,
     *     which no look-up of this run reads)
     */
    record Links(String[] paths, boolean[] existed, Known[] known) {

        static final Links NONE = new Links(new String[0], new boolean[0]);

        Links {
            if (paths.length != existed.length || (known != null && known.length != paths.length)) {
                throw new IllegalArgumentException(
                        paths.length + " paths but " + existed.length + " answers");
            }
        }

        Links(String[] paths, boolean[] existed) {
            this(paths, existed, null);
        }

        /** The targets of {@code asked}, in its order. */
        static Links of(Map<Path, Boolean> asked) {
            if (asked.isEmpty()) {
                return NONE;
            }
            String[] paths = new String[asked.size()];
            boolean[] existed = new boolean[paths.length];
            int i = 0;
            for (Map.Entry<Path, Boolean> t : asked.entrySet()) {
                paths[i] = t.getKey().toString();
                existed[i++] = t.getValue();
            }
            return new Links(paths, existed);
        }

        int size() {
            return paths.length;
        }
    }

    /**
     * The project folder of the cache folder {@code dir} (its parent), absolute and normalized,
     * ending with the separator: the file stores the paths below it relative to it, so that a
     * project copied or moved elsewhere (a CI checkout) finds its entries.
     */
    static String root(Path dir) {
        Path parent = dir.toAbsolutePath().normalize().getParent();
        String text = parent == null ? dir.toAbsolutePath().toString() : parent.toString();
        String sep = dir.getFileSystem().getSeparator();
        return text.endsWith(sep) ? text : text + sep;
    }

    /**
     * Notes that the file at {@code absolute} exists (its attributes were just read), so that a
     * link to it needs no second look, and returns its entry in the cache file (null when it has
     * none), for {@link #lookup}.
     */
    Entry exists(String absolute) {
        Entry e = old.get(absolute);
        if (e != null && e.self != null) {
            e.self.exists();
        }
        return e;
    }

    /**
     * {@code file.toAbsolutePath().normalize().toString()}, the key of a file's entry: for a
     * relative path with no {@code .} or {@code ..} name (what discovery finds from a relative
     * folder), {@code here} and the path's text joined, without the two paths and arrays per file
     * those calls make.
     *
     * @param here {@link #currentFolder()}
     */
    static String absolute(Path file, String here) {
        String text = file.toString();
        if (file.getRoot() != null
                || text.isEmpty()
                || file.getFileSystem() != FileSystems.getDefault()
                || !plainNames(text, file.getFileSystem().getSeparator().charAt(0))) {
            return file.toAbsolutePath().normalize().toString();
        }
        return here.concat(text);
    }

    /**
     * The current folder, absolute and normalized, ending with the separator: what {@link
     * #absolute} puts before a relative path.
     */
    static String currentFolder() {
        Path here = Path.of("").toAbsolutePath().normalize();
        String text = here.toString();
        String sep = here.getFileSystem().getSeparator();
        return text.endsWith(sep) ? text : text + sep;
    }

    /** Whether no name of the path {@code text} is {@code .} or {@code ..}. */
    private static boolean plainNames(String text, char sep) {
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(sep, start);
            if (end < 0) {
                end = text.length();
            }
            int len = end - start;
            if ((len == 1 || len == 2)
                    && text.charAt(start) == '.'
                    && (len == 1 || text.charAt(start + 1) == '.')) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /** Whether the path exists, for an entry without a {@link Known}: a look at the disk. */
    private static boolean existsNow(String absolute) {
        return Files.exists(Path.of(absolute));
    }

    /**
     * The cached result of {@code file} (whose attributes are {@code attrs}), if it can be trusted,
     * else null. The file is read (and its checksum computed) only when its size and time stamp do
     * not settle it.
     */
    CheckResult lookup(Path file, String absolute, BasicFileAttributes attrs) {
        return lookup(file, absolute, attrs, old.get(absolute));
    }

    /**
     * {@link #lookup(Path, String, BasicFileAttributes)} of the file whose entry {@link #exists}
     * returned, {@code e} (null: none).
     */
    CheckResult lookup(Path file, String absolute, BasicFileAttributes attrs, Entry e) {
        if (e == null || attrs == null || e.size != attrs.size()) {
            return null;
        }
        // when a result holds is ResultValidity's rule (core's WarmResults, for serve and mcp,
        // follows it)
        long identity = ResultValidity.identity(attrs);
        long mtime = ResultValidity.mtimeNanos(attrs);
        boolean sameStamp =
                ResultValidity.provesUnchanged(
                        e.size,
                        e.mtimeNanos,
                        e.identity,
                        e.recordedNanos,
                        attrs.size(),
                        mtime,
                        identity);
        Entry kept = e;
        if (!sameStamp) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException | OutOfMemoryError ex) {
                return null;
            }
            if (bytes.length != e.size || ResultValidity.checksum(bytes) != e.checksum) {
                return null;
            }
            // the same bytes with a new time stamp or identity: remember the new ones
            kept =
                    new Entry(
                            e.size,
                            mtime,
                            identity,
                            startedNanos,
                            e.checksum,
                            e.linkTargets,
                            e.status,
                            e.diagnostics,
                            e.self);
            changed = true;
        }
        if (!linksStill(e.linkTargets)) {
            return null;
        }
        if (kept != e) {
            fresh.put(absolute, kept);
        } // else save() keeps the old entry: the file exists (its attributes were just read)
        return new CheckResult(
                file, e.status, namingSpec(e.diagnostics, Optional.ofNullable(file)), null);
    }

    /**
     * Whether every link target of {@code links} still exists, or is still missing ({@link
     * ResultValidity#linksStill}), asked of each target's {@link Known} when the entry was decoded.
     */
    private static boolean linksStill(Links links) {
        Known[] known = links.known();
        return known == null
                ? ResultValidity.linksStill(links.paths(), links.existed(), ResultCache::existsNow)
                : ResultValidity.linksStill(known, links.existed(), Known::existsNow);
    }

    /**
     * {@code diagnostics} of {@code file} with each {@code approval-stale} finding's {@code approve
     * --refresh} naming the spec as {@link Approvals#refreshWord} does: a result kept from a check
     * that named it another way (from another folder) says the command that works now.
     */
    static List<Diagnostic> namingSpec(List<Diagnostic> diagnostics, Optional<Path> file) {
        List<Diagnostic> named = null;
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            if (!d.ruleId().equals(RuleIds.APPROVAL_STALE)) {
                continue;
            }
            String message =
                    Approvals.withRefreshWord(
                            d.message(), Optional.of(Approvals.refreshWord(file)));
            if (!message.equals(d.message())) {
                if (named == null) {
                    named = new ArrayList<>(diagnostics);
                }
                named.set(i, new Diagnostic(d.ruleId(), d.severity(), d.range(), message));
            }
        }
        return named == null ? diagnostics : List.copyOf(named);
    }

    /**
     * Records the check of {@code bytes} (the file as it was read, its attributes taken before the
     * read) and the link targets it asked about.
     */
    void store(
            String absolute,
            BasicFileAttributes before,
            byte[] bytes,
            Map<Path, Boolean> linkTargets,
            CheckResult result) {
        if (before == null || before.size() != bytes.length) {
            return; // changed while it was read: do not record a mixture
        }
        fresh.put(
                absolute,
                new Entry(
                        bytes.length,
                        ResultValidity.mtimeNanos(before),
                        ResultValidity.identity(before),
                        startedNanos,
                        ResultValidity.checksum(bytes),
                        Links.of(linkTargets),
                        result.status(),
                        result.diagnostics()));
        changed = true;
    }

    /**
     * Writes the cache when this run changed it: the entries of this run, and those of specs not in
     * it that still exist (a run over some of a project's specs keeps the others'; a result reused
     * as it was is among these). When the entries changed since {@link #FILE} was written are few,
     * they alone are written, to {@link #CHANGES}; else the whole file is, and {@link #CHANGES} is
     * deleted. Errors are swallowed: a cache that cannot be written costs speed, never a result.
     */
    void save() {
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, Entry> me : old.entrySet()) {
            String path = me.getKey();
            Known self = me.getValue().self;
            if (!fresh.containsKey(path) && !(self != null ? self.existsNow() : existsNow(path))) {
                gone.add(path);
            }
        }
        if (!changed && gone.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path ignore = dir.resolve(".gitignore");
            if (!Files.exists(ignore)) {
                Files.writeString(
                        ignore,
                        "# Specgate's cache of check results (safe to delete)\n*\n",
                        StandardCharsets.UTF_8);
            }
            if (loaded.base() != 0) {
                // the changes since the base file: those its changes file held, and this run's
                Map<String, Entry> changes = new HashMap<>(loaded.changes());
                changes.putAll(fresh);
                Set<String> removed = new HashSet<>(loaded.removed());
                removed.removeAll(fresh.keySet());
                for (String path : gone) {
                    changes.remove(path);
                    removed.add(path);
                }
                if (changes.size() + removed.size() <= changesLimit(loaded.baseSize())) {
                    write(CHANGES, encode(key, root, loaded.base(), changes, removed));
                    return;
                }
            }
            Map<String, Entry> kept = new HashMap<>(old);
            kept.keySet().removeAll(gone);
            kept.putAll(fresh);
            write(FILE, encode(key, root, 0, kept, Set.of()));
            // it names the file replaced: left, it would be ignored
            Files.deleteIfExists(dir.resolve(CHANGES));
        } catch (IOException | RuntimeException e) {
            // the next run checks these files again
        }
    }

    /**
     * How many entries and removed paths {@link #CHANGES} may hold for a {@link #FILE} of {@code
     * baseSize} entries: beyond, the whole file is written again (the changes file is read and
     * written whole by every run that changes something).
     */
    static int changesLimit(int baseSize) {
        return Math.max(32, baseSize / 8);
    }

    /**
     * Writes {@code data} to the file {@code name} of the folder through a temporary file renamed
     * over it, so that a reader sees one run's file or another's, never a mixture.
     */
    private void write(String name, byte[] data) throws IOException {
        Path tmp =
                dir.resolve(
                        name
                                + "."
                                + ProcessHandle.current().pid()
                                + "."
                                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                                + ".tmp");
        try {
            Files.write(tmp, data);
            try {
                Files.move(
                        tmp,
                        dir.resolve(name),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(tmp); // there only when it could not be renamed
            } catch (IOException e) {
                // left for the next run's write to ignore
            }
        }
    }

    // --- the file -----------------------------------------------------------------------------
    // MAGIC, FORMAT, key, the project folder (root()), the base (0 for results.bin; for
    // changes.bin the checksum of the results.bin it applies to), the path table (count, each: 0
    // and the
    // path relative to the project folder with '/', or 1 and the absolute path of one outside
    // it), the word table (statuses, rule ids: count, strings), the entries (count, each: its
    // path's number, size, mtime, identity, recorded, checksum, targets (count, each: path number,
    // exists), status (word number or -1), diagnostics (count, each: rule's word number,
    // severity, range, message)), the removed paths (count, path numbers), then checksum() of
    // everything before it (results.bin's is the base its changes.bin names). Strings are UTF-8
    // with an int length.

    /**
     * The cache file of {@code entries} (keyed by absolute, normalized paths) for {@code key}, with
     * the paths below {@code root} ({@link #root(Path)}) stored relative to it.
     */
    static byte[] encode(String key, String root, Map<String, Entry> entries) {
        return encode(key, root, 0, entries, Set.of());
    }

    /**
     * {@link #encode(String, String, Map)} of a changes file for the {@link #FILE} whose checksum
     * is {@code base} (0: of that file itself), saying {@code removed} are gone.
     */
    static byte[] encode(
            String key, String root, long base, Map<String, Entry> entries, Set<String> removed) {
        Map<String, Integer> paths = new HashMap<>(entries.size() * 2);
        List<String> pathTable = new ArrayList<>(entries.size());
        Map<String, Integer> words = new HashMap<>();
        List<String> wordTable = new ArrayList<>();
        for (Map.Entry<String, Entry> me : entries.entrySet()) {
            number(me.getKey(), paths, pathTable);
            Entry e = me.getValue();
            for (String t : e.linkTargets.paths()) {
                number(t, paths, pathTable);
            }
            if (e.status != null) {
                number(e.status, words, wordTable);
            }
            for (Diagnostic d : e.diagnostics) {
                number(d.ruleId(), words, wordTable);
            }
        }
        for (String r : removed) {
            number(r, paths, pathTable);
        }
        Out out = new Out(64 + key.length() + pathTable.size() * 80 + entries.size() * 80);
        out.putLong(MAGIC);
        out.putInt(FORMAT);
        out.putString(key);
        out.putString(root);
        out.putLong(base);
        char sep = root.charAt(root.length() - 1);
        out.putInt(pathTable.size());
        for (String path : pathTable) {
            if (path.startsWith(root)) {
                out.putByte(0);
                String below = path.substring(root.length());
                out.putString(sep == '/' ? below : below.replace(sep, '/'));
            } else {
                out.putByte(1);
                out.putString(path);
            }
        }
        out.putInt(wordTable.size());
        for (String w : wordTable) {
            out.putString(w);
        }
        out.putInt(entries.size());
        for (Map.Entry<String, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            out.putInt(paths.get(me.getKey()));
            out.putLong(e.size);
            out.putLong(e.mtimeNanos);
            out.putLong(e.identity);
            out.putLong(e.recordedNanos);
            out.putLong(e.checksum);
            out.putInt(e.linkTargets.size());
            for (int t = 0; t < e.linkTargets.size(); t++) {
                out.putInt(paths.get(e.linkTargets.paths()[t]));
                out.putByte(e.linkTargets.existed()[t] ? 1 : 0);
            }
            out.putInt(e.status == null ? -1 : words.get(e.status));
            out.putInt(e.diagnostics.size());
            for (Diagnostic d : e.diagnostics) {
                out.putInt(words.get(d.ruleId()));
                out.putByte(d.severity().ordinal());
                SourceRange r = d.range();
                out.putInt(r.startLine());
                out.putInt(r.startColumn());
                out.putInt(r.endLine());
                out.putInt(r.endColumn());
                out.putString(d.message());
            }
        }
        out.putInt(removed.size());
        for (String r : removed) {
            out.putInt(paths.get(r));
        }
        out.putLong(ResultValidity.checksum(out.buf, 0, out.pos));
        return Arrays.copyOf(out.buf, out.pos);
    }

    private static void number(String s, Map<String, Integer> numbers, List<String> table) {
        if (numbers.putIfAbsent(s, table.size()) == null) {
            table.add(s);
        }
    }

    /**
     * The entries of the cache folder {@code dir} for {@code key}, keyed by absolute path for the
     * project folder {@code root}: {@link #FILE}'s, with {@link #CHANGES}'s applied when it names
     * that file; none when the file is missing, damaged or for another key (a damaged or foreign
     * changes file is ignored alone: every entry is judged against its spec's bytes anyway).
     */
    static Loaded load(Path dir, String key, String root) {
        Decoded base = read(dir.resolve(FILE), key, root, null);
        if (base == null || base.base() != 0) {
            return Loaded.NONE;
        }
        if (base.moved()) {
            // written in another folder: the next write is a whole file, written for this one
            return new Loaded(base.entries(), 0, 0, Map.of(), Set.of());
        }
        int baseSize = base.entries().size();
        // the changes file's paths share the Known of the base file's entry for the same path
        Decoded changes = read(dir.resolve(CHANGES), key, root, base.entries());
        if (changes == null || changes.base() != base.checksum()) {
            return new Loaded(base.entries(), base.checksum(), baseSize, Map.of(), Set.of());
        }
        Map<String, Entry> entries = base.entries();
        entries.keySet().removeAll(changes.removed());
        entries.putAll(changes.entries());
        return new Loaded(entries, base.checksum(), baseSize, changes.entries(), changes.removed());
    }

    /**
     * The decoded cache file {@code file}, or null when it is missing, damaged or for another key;
     * {@code shared}, when given, the entries whose {@link Entry#self} its paths take ({@link
     * #decodeFile(byte[], String, String, Map)}).
     */
    private static Decoded read(Path file, String key, String root, Map<String, Entry> shared) {
        byte[] data;
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            data = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            return null;
        }
        try {
            return decodeFile(data, key, root, shared);
        } catch (RuntimeException e) {
            return null; // damaged: never trusted
        }
    }

    /**
     * A cache file's content.
     *
     * @param entries its entries (a map of its own, which the caller may change)
     * @param base 0 for {@link #FILE}; for {@link #CHANGES}, the checksum of the file it applies to
     * @param removed the paths it says are gone
     * @param checksum the file's own checksum
     * @param moved whether it was written for another project folder
     */
    record Decoded(
            Map<String, Entry> entries,
            long base,
            Set<String> removed,
            long checksum,
            boolean moved) {}

    /**
     * The entries of {@code data}, keyed by absolute path for the project folder {@code root}
     * ({@link #root(Path)}), or none when it is damaged (checksum, structure) or for another format
     * or key.
     *
     * <p>Written for another project folder (the project was copied or moved), a path below the
     * folder is read below {@code root}, and an entry that names a path outside it (the spec, or a
     * link target: what lies outside did not move with the project) is left out. When either folder
     * is in a folder named {@code directives} (from which a link starting with {@code /} is read,
     * {@code LinkTarget}), every entry is left out.
     *
     * @throws RuntimeException (a {@link BufferUnderflowException}, an index out of bounds) when
     *     data that passed the checksum is still not a cache file
     */
    static Map<String, Entry> decode(byte[] data, String key, String root) {
        Decoded d = decodeFile(data, key, root);
        return d == null ? Map.of() : d.entries();
    }

    /**
     * {@link #decode}, with what else the file says; null when it is damaged (checksum) or for
     * another format or key.
     */
    static Decoded decodeFile(byte[] data, String key, String root) {
        return decodeFile(data, key, root, null);
    }

    /**
     * {@link #decodeFile(byte[], String, String)}, each path of the file standing for one {@link
     * Known}, shared by its entry and every link to it: that of its entry in {@code shared} (the
     * base file's, for a changes file) when it has one there, else a new one.
     */
    static Decoded decodeFile(byte[] data, String key, String root, Map<String, Entry> shared) {
        if (data.length < 8 + 4 + 8) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(data, 0, data.length - 8);
        long checksum = ByteBuffer.wrap(data).getLong(data.length - 8);
        if (checksum != ResultValidity.checksum(data, 0, data.length - 8)) {
            return null;
        }
        if (in.getLong() != MAGIC || in.getInt() != FORMAT || !string(in).equals(key)) {
            return null;
        }
        String writtenFor = string(in);
        long base = in.getLong();
        boolean moved = !writtenFor.equals(root);
        if (moved && (inDirectives(writtenFor) || inDirectives(root))) {
            return new Decoded(new HashMap<>(), base, Set.of(), checksum, true);
        }
        char sep = root.charAt(root.length() - 1);
        String[] pathTable = new String[count(in)];
        Known[] knownTable = new Known[pathTable.length];
        for (int i = 0; i < pathTable.length; i++) {
            boolean outside = in.get() != 0;
            String path = string(in);
            // null: a path outside a project folder that moved, whose entries are left out
            path =
                    outside
                            ? (moved ? null : path)
                            : root.concat(sep == '/' ? path : path.replace('/', sep));
            pathTable[i] = path;
            if (path != null) {
                Entry same = shared == null ? null : shared.get(path);
                knownTable[i] = same != null && same.self != null ? same.self : new Known(path);
            }
        }
        String[] wordTable = new String[count(in)];
        for (int i = 0; i < wordTable.length; i++) {
            wordTable[i] = string(in);
        }
        int n = count(in);
        Severity[] severities = Severity.values();
        Map<String, Entry> entries = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            int pathNumber = in.getInt();
            String path = pathTable[pathNumber];
            boolean left = path == null;
            long size = in.getLong();
            long mtime = in.getLong();
            long identity = in.getLong();
            long recorded = in.getLong();
            long sum = in.getLong();
            int targets = count(in);
            Links linkTargets = Links.NONE;
            if (targets > 0) {
                String[] paths = new String[targets];
                boolean[] existed = new boolean[targets];
                Known[] known = new Known[targets];
                for (int t = 0; t < targets; t++) {
                    int number = in.getInt();
                    paths[t] = pathTable[number];
                    known[t] = knownTable[number];
                    left |= paths[t] == null;
                    existed[t] = in.get() != 0;
                }
                linkTargets = new Links(paths, existed, known);
            }
            int status = in.getInt();
            int count = count(in);
            // most entries have none: no list made and copied for each of them
            List<Diagnostic> diagnostics = count == 0 ? List.of() : new ArrayList<>(count);
            for (int d = 0; d < count; d++) {
                String rule = wordTable[in.getInt()];
                Severity severity = severities[in.get()];
                SourceRange range =
                        new SourceRange(in.getInt(), in.getInt(), in.getInt(), in.getInt());
                diagnostics.add(new Diagnostic(rule, severity, range, string(in)));
            }
            if (left) {
                continue;
            }
            entries.put(
                    path,
                    new Entry(
                            size,
                            mtime,
                            identity,
                            recorded,
                            sum,
                            linkTargets,
                            status < 0 ? null : wordTable[status],
                            List.copyOf(diagnostics),
                            knownTable[pathNumber]));
        }
        int r = count(in);
        Set<String> removed = r == 0 ? Set.of() : new HashSet<>(r * 2);
        for (int i = 0; i < r; i++) {
            String path = pathTable[in.getInt()];
            if (path != null) {
                removed.add(path);
            }
        }
        if (in.hasRemaining()) {
            return null;
        }
        return new Decoded(entries, base, removed, checksum, moved);
    }

    /** Whether a name of the folder {@code root} is {@code directives}. */
    private static boolean inDirectives(String root) {
        for (Path p = Path.of(root); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("directives")) {
                return true;
            }
        }
        return false;
    }

    private static int count(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalStateException("bad count " + n);
        }
        return n;
    }

    private static String string(ByteBuffer in) {
        int n = count(in);
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    /** A growing big-endian buffer (what DataOutputStream writes, without its per-byte calls). */
    private static final class Out {
        byte[] buf;
        int pos;

        Out(int capacity) {
            buf = new byte[Math.max(64, capacity)];
        }

        private void room(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void putByte(int b) {
            room(1);
            buf[pos++] = (byte) b;
        }

        void putInt(int v) {
            room(4);
            buf[pos++] = (byte) (v >>> 24);
            buf[pos++] = (byte) (v >>> 16);
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        void putString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            room(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }
    }
}
