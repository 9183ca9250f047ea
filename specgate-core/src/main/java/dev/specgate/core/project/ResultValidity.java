package dev.specgate.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * When a check result recorded earlier still holds for a file: the one rule of core's incremental
 * cache ({@code check --cache}) and of a warm server's remembered results (the MCP server). A
 * result holds while
 *
 * <ul>
 *   <li>everything else it depends on is the same: {@link SpecProject#resultKey} (this build, the
 *       template, the whole configuration, the size limit, the date and strictness of the check);
 *   <li>the file's bytes are the bytes checked: its {@link Stamp} proves it ({@link
 *       #provesUnchanged}), or else its {@link #checksum} is the one recorded;
 *   <li>every link target the check asked about still exists, or is still missing ({@link
 *       #linksStill}).
 * </ul>
 */
public final class ResultValidity {

    /**
     * A modification time this close to (or after) the start of the check that recorded it does not
     * prove the file unchanged: it could have been written again within the clock's granularity.
     * Such a file is confirmed by its checksum.
     */
    public static final long RACY_NANOS = 2_000_000_000L;

    private ResultValidity() {}

    /**
     * A file's size, modification time and, when the file system gives one, identity (inode), taken
     * before its bytes are read: while they stay, the bytes are those read (every write changes the
     * time, a rename over it the identity).
     *
     * @param fileKey the file's identity, or null when unknown (not kept in the cache's file)
     */
    public record Stamp(long size, long mtimeNanos, Object fileKey) {

        /** The stamp of {@code attrs}. */
        public static Stamp of(BasicFileAttributes attrs) {
            return new Stamp(attrs.size(), ResultValidity.mtimeNanos(attrs), attrs.fileKey());
        }

        /** The stamp of {@code file} now, or null when its attributes cannot be read. */
        public static Stamp read(Path file) {
            try {
                return of(Files.readAttributes(file, BasicFileAttributes.class));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * A file's modification time in epoch nanoseconds, from attributes already read (its seconds
     * times 10^9 plus its nanoseconds, as long as that fits).
     */
    public static long mtimeNanos(BasicFileAttributes attrs) {
        Instant t = attrs.lastModifiedTime().toInstant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /**
     * Whether {@code now} proves a file's bytes are those of a check that took {@code recorded}
     * before reading it and started at {@code recordedNanos} (epoch nanoseconds): the same size,
     * time and identity (when both know it), and the time well before the check ({@link
     * #RACY_NANOS}). False when either stamp is null.
     */
    public static boolean provesUnchanged(Stamp recorded, long recordedNanos, Stamp now) {
        return recorded != null
                && now != null
                && recorded.size() == now.size()
                && recorded.mtimeNanos() == now.mtimeNanos()
                && (recorded.fileKey() == null
                        || now.fileKey() == null
                        || recorded.fileKey().equals(now.fileKey()))
                && recorded.mtimeNanos() < recordedNanos - RACY_NANOS;
    }

    /**
     * {@link #provesUnchanged(Stamp, long, Stamp)} for stamps whose identities are numbers ({@link
     * #identity}, known on both sides), without making the stamps: the incremental cache asks this
     * for every spec of a run.
     */
    static boolean provesUnchanged(
            long size,
            long mtimeNanos,
            long identity,
            long recordedNanos,
            long nowSize,
            long nowMtimeNanos,
            long nowIdentity) {
        return size == nowSize
                && mtimeNanos == nowMtimeNanos
                && identity == nowIdentity
                && mtimeNanos < recordedNanos - RACY_NANOS;
    }

    /**
     * A file's identity as a number a cache file can keep, from attributes already read (no system
     * call): a 64-bit hash of its file key (device and inode on Unix) where the file system gives
     * one, else of its creation time (which a rename keeps with the file, as on Windows); never 0.
     * Two files at one path, one renamed over the other, differ in it even with the same size and
     * time stamp.
     */
    public static long identity(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        String id = key != null ? key.toString() : "created " + attrs.creationTime();
        long h = 0xcbf29ce484222325L; // FNV-1a, 64 bits
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    /** Whether every link target a check asked about still exists, or is still missing. */
    public static <P> boolean linksStill(Map<P, Boolean> asked, Predicate<? super P> exists) {
        for (Map.Entry<P, Boolean> t : asked.entrySet()) {
            if (exists.test(t.getKey()) != t.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #linksStill(Map, Predicate)} for the targets {@code asked} and whether each existed
     * then, {@code existed} (the same length).
     */
    static <P> boolean linksStill(P[] asked, boolean[] existed, Predicate<? super P> exists) {
        for (int i = 0; i < asked.length; i++) {
            if (exists.test(asked[i]) != existed[i]) {
                return false;
            }
        }
        return true;
    }

    /** The current time in epoch nanoseconds, as {@link #provesUnchanged} takes a check's start. */
    public static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    /**
     * A 64-bit checksum of {@code bytes}: CRC-32C in the high half, CRC-32 in the low. It tells a
     * file whose time stamp changed but whose bytes did not from one that was edited keeping its
     * size, and guards the cache file against damage. Two CRCs of coprime polynomials detect every
     * error a 64-bit CRC does (any burst up to 64 bits; a random change is missed with probability
     * 2^-64), and both are computed by the JVM's intrinsics at gigabytes per second, also before
     * the JIT compiler has run: the cryptographic SHA-256 this replaced cost more than checking a
     * spec on a cold JVM. It is no defence against someone who writes specs to fool the cache on
     * purpose (who could as well put old time stamps back): the cache trusts its own folder, as a
     * build trusts its target folder.
     */
    public static long checksum(byte[] bytes) {
        return checksum(bytes, 0, bytes.length);
    }

    /** The {@link #checksum(byte[])} of {@code length} bytes from {@code offset}. */
    public static long checksum(byte[] bytes, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, offset, length);
        CRC32 d = new CRC32();
        d.update(bytes, offset, length);
        return c.getValue() << 32 | d.getValue();
    }
}
