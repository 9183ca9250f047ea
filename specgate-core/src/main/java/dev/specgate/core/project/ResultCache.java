package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.SourceRange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * The incremental cache of check results (docs/performance.md, "Incremental cache"): one file,
 * {@code results.bin} in a folder that carries its own {@code .gitignore}, holding for each spec
 * its size, modification time and SHA-256, the link targets its check asked about (and whether each
 * existed), its status and its diagnostics. The whole file is valid for one key: Specgate's build,
 * the template, the configuration and the check's options (date, strictness); any other key and the
 * file is ignored and rewritten.
 *
 * <p>A result is reused only when the file is byte for byte the one checked (same size and
 * modification time, the time well before the check that recorded it; otherwise the same SHA-256 of
 * its bytes) and every link target it asked about still exists or is still missing. Anything else
 * (a file that is unreadable, truncated, from another version, fails its checksum) is never
 * trusted: it is ignored as a whole and replaced at the end of the run. Writes go to a temporary
 * file renamed over the old one, so a reader sees one run's file or another's, never a mixture; two
 * runs writing at once leave the last one's. Failing to read or write the cache never changes a
 * result: the run checks everything as without it.
 *
 * <p>Thread-safe: {@link #lookup} and {@link #store} are called from the run's parallel checks.
 */
final class ResultCache {

    /** The cache's folder name, next to the configuration (or in the specs' project folder). */
    static final String FOLDER = ".specgate-cache";

    static final String FILE = "results.bin";

    private static final long MAGIC = 0x5350454347415445L; // "SPECGATE"
    private static final int FORMAT = 1;

    /**
     * A modification time this close to (or after) the start of the run that recorded it does not
     * prove the file unchanged: it could have been written again within the clock's granularity.
     * Such a file is confirmed by its hash.
     */
    private static final long RACY_NANOS = 2_000_000_000L;

    private final Path dir;
    private final String key;
    private final long startedNanos;
    private final Map<String, Entry> old;
    private final Map<String, Entry> fresh = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private ResultCache(Path dir, String key, long startedNanos, Map<String, Entry> old) {
        this.dir = dir;
        this.key = key;
        this.startedNanos = startedNanos;
        this.old = old;
        this.changed = old.isEmpty();
    }

    /**
     * The cache in {@code dir} for {@code key}; empty (but usable) when there is none, it cannot be
     * read, or it was written for another key.
     */
    static ResultCache open(Path dir, String key) {
        requireNonNull(dir, "dir must not be null");
        requireNonNull(key, "key must not be null");
        long started = System.currentTimeMillis() * 1_000_000L;
        return new ResultCache(dir, key, started, load(dir.resolve(FILE), key));
    }

    /** One spec's cached check. */
    record Entry(
            long size,
            long mtimeNanos,
            long recordedNanos,
            byte[] sha256,
            Map<String, Boolean> linkTargets,
            String status,
            List<Diagnostic> diagnostics) {}

    /**
     * The cached result of {@code file} (whose attributes are {@code attrs}), if it can be trusted,
     * else null. The file is read (and hashed) only when its size and time stamp do not settle it.
     */
    CheckResult lookup(Path file, String absolute, BasicFileAttributes attrs) {
        Entry e = old.get(absolute);
        if (e == null || attrs == null || e.size != attrs.size()) {
            return null;
        }
        long mtime = nanos(attrs);
        boolean sameStamp = mtime == e.mtimeNanos && mtime < e.recordedNanos - RACY_NANOS;
        Entry kept = e;
        if (!sameStamp) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException | OutOfMemoryError ex) {
                return null;
            }
            if (!Arrays.equals(sha256(bytes), e.sha256)) {
                return null;
            }
            // the same bytes with a new time stamp: remember the new one
            kept =
                    new Entry(
                            e.size,
                            mtime,
                            startedNanos,
                            e.sha256,
                            e.linkTargets,
                            e.status,
                            e.diagnostics);
            changed = true;
        }
        for (Map.Entry<String, Boolean> t : e.linkTargets.entrySet()) {
            if (Files.exists(Path.of(t.getKey())) != t.getValue()) {
                return null;
            }
        }
        fresh.put(absolute, kept);
        return new CheckResult(file, e.status, e.diagnostics, null);
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
        Map<String, Boolean> targets = new LinkedHashMap<>();
        linkTargets.forEach((p, exists) -> targets.put(p.toString(), exists));
        fresh.put(
                absolute,
                new Entry(
                        bytes.length,
                        nanos(before),
                        startedNanos,
                        sha256(bytes),
                        targets,
                        result.status(),
                        result.diagnostics()));
        changed = true;
    }

    /**
     * Writes the cache when this run changed it: the entries of this run, and those of specs not in
     * it that still exist (a run over some of a project's specs keeps the others'). Errors are
     * swallowed: a cache that cannot be written costs speed, never a result.
     */
    void save() {
        Map<String, Entry> all = new HashMap<>(fresh);
        for (Map.Entry<String, Entry> e : old.entrySet()) {
            if (!all.containsKey(e.getKey())) {
                if (Files.exists(Path.of(e.getKey()))) {
                    all.put(e.getKey(), e.getValue());
                } else {
                    changed = true;
                }
            }
        }
        if (!changed) {
            return;
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            Path ignore = dir.resolve(".gitignore");
            if (!Files.exists(ignore)) {
                Files.writeString(
                        ignore,
                        "# Specgate's cache of check results (safe to delete)\n*\n",
                        StandardCharsets.UTF_8);
            }
            byte[] data = encode(key, all);
            tmp =
                    dir.resolve(
                            FILE
                                    + "."
                                    + ProcessHandle.current().pid()
                                    + "."
                                    + Long.toHexString(ThreadLocalRandom.current().nextLong())
                                    + ".tmp");
            Files.write(tmp, data);
            try {
                Files.move(
                        tmp,
                        dir.resolve(FILE),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // the next run checks these files again
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left for the next run's write to ignore
                }
            }
        }
    }

    private static long nanos(BasicFileAttributes attrs) {
        java.time.Instant t = attrs.lastModifiedTime().toInstant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    // --- the file: MAGIC, FORMAT, key, count, entries, CRC32 of everything before it ----------

    static byte[] encode(String key, Map<String, Entry> entries) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 + entries.size() * 256);
        DataOutputStream out = new DataOutputStream(buf);
        out.writeLong(MAGIC);
        out.writeInt(FORMAT);
        writeString(out, key);
        out.writeInt(entries.size());
        for (Map.Entry<String, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            writeString(out, me.getKey());
            out.writeLong(e.size);
            out.writeLong(e.mtimeNanos);
            out.writeLong(e.recordedNanos);
            out.write(e.sha256);
            out.writeInt(e.linkTargets.size());
            for (Map.Entry<String, Boolean> t : e.linkTargets.entrySet()) {
                writeString(out, t.getKey());
                out.writeBoolean(t.getValue());
            }
            out.writeBoolean(e.status != null);
            if (e.status != null) {
                writeString(out, e.status);
            }
            out.writeInt(e.diagnostics.size());
            for (Diagnostic d : e.diagnostics) {
                writeString(out, d.ruleId());
                out.writeByte(d.severity().ordinal());
                SourceRange r = d.range();
                out.writeInt(r.startLine());
                out.writeInt(r.startColumn());
                out.writeInt(r.endLine());
                out.writeInt(r.endColumn());
                writeString(out, d.message());
            }
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(buf.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return buf.toByteArray();
    }

    /** The entries of the cache file, or none when it is missing, damaged or for another key. */
    static Map<String, Entry> load(Path file, String key) {
        byte[] data;
        try {
            if (!Files.isRegularFile(file)) {
                return Map.of();
            }
            data = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            return Map.of();
        }
        try {
            return decode(data, key);
        } catch (IOException | RuntimeException e) {
            return Map.of(); // damaged: never trusted
        }
    }

    static Map<String, Entry> decode(byte[] data, String key) throws IOException {
        if (data.length < 8 + 4 + 8) {
            return Map.of();
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 8);
        long stored = 0;
        for (int i = data.length - 8; i < data.length; i++) {
            stored = (stored << 8) | (data[i] & 0xff);
        }
        if (stored != crc.getValue()) {
            return Map.of();
        }
        DataInputStream in =
                new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 8));
        if (in.readLong() != MAGIC || in.readInt() != FORMAT || !readString(in).equals(key)) {
            return Map.of();
        }
        int n = in.readInt();
        Severity[] severities = Severity.values();
        Map<String, Entry> entries = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            String path = readString(in);
            long size = in.readLong();
            long mtime = in.readLong();
            long recorded = in.readLong();
            byte[] sha = new byte[32];
            in.readFully(sha);
            int targets = in.readInt();
            Map<String, Boolean> linkTargets = new LinkedHashMap<>();
            for (int t = 0; t < targets; t++) {
                linkTargets.put(readString(in), in.readBoolean());
            }
            String status = in.readBoolean() ? readString(in) : null;
            int count = in.readInt();
            List<Diagnostic> diagnostics = new ArrayList<>(count);
            for (int d = 0; d < count; d++) {
                String rule = readString(in);
                Severity severity = severities[in.readByte()];
                SourceRange range =
                        new SourceRange(in.readInt(), in.readInt(), in.readInt(), in.readInt());
                diagnostics.add(new Diagnostic(rule, severity, range, readString(in)));
            }
            entries.put(
                    path,
                    new Entry(
                            size,
                            mtime,
                            recorded,
                            sha,
                            linkTargets,
                            status,
                            List.copyOf(diagnostics)));
        }
        if (in.available() != 0) {
            return Map.of();
        }
        return entries;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
