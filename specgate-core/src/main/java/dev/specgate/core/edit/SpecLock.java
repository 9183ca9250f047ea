package dev.specgate.core.edit;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.input.IoFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock one edit of a spec holds from its last compare to its write: a {@link
 * FileLock} on {@code .<name>.specgate.lock} beside the spec, which excludes edits by other
 * processes, taken under a lock of this JVM, which excludes other threads (a JVM's file locks are
 * per process, and closing any channel of the file would release them, so two threads never have
 * the lock file open at once).
 *
 * <p>The lock file exists only while an edit holds it: it is created on first use with the spec's
 * owner, group and read/write permissions (so whoever may edit the spec may take its lock), and the
 * holder deletes it before releasing it, so no lock file is left beside the spec. Deleting a lock
 * file that others wait on is safe because of how a lock is taken: after locking the file it has
 * open, an edit checks, in the kernel's table of its open files, that this file is still the one
 * the lock file's name leads to. An edit that locked a file its holder has since deleted sees that
 * it has not, and starts again with the file now there. Since only a verified holder deletes the
 * file, at most one edit at a time holds a lock file that is still the spec's. A lock file left by
 * a process that died is simply taken over. Where the system has no such table ({@code
 * /proc/self/fd}: not Linux), or where the table does not show the file under its name, the lock
 * file is left in place, so that no check is needed; it is harmless and may be deleted by hand
 * while no edit runs.
 */
final class SpecLock implements AutoCloseable {

    /** What the lock file's name adds to the spec's, after a leading dot. */
    static final String SUFFIX = ".specgate.lock";

    /** How long an edit waits for another one to finish before it gives up. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final long LONGEST_PAUSE_MILLIS = 20;
    private static final int OPEN_ATTEMPTS = 1_000;

    /** Locks of this JVM; a lock file always maps to the same one. */
    private static final ReentrantLock[] LOCAL = new ReentrantLock[64];

    static {
        for (int i = 0; i < LOCAL.length; i++) {
            LOCAL[i] = new ReentrantLock();
        }
    }

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;
    private final boolean deletes;

    /** The kernel's table of this process's open files, where it has one (Linux). */
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    /**
     * Whether holders delete their lock file: only where a holder can tell that the file it locked
     * is still the one its name leads to (see {@link #held}).
     */
    private static final boolean DELETES = Files.isDirectory(OPEN_FILES);

    private SpecLock(
            ReentrantLock local, FileChannel channel, FileLock lock, Path file, boolean deletes) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
        this.file = file;
        this.deletes = deletes;
    }

    /**
     * The lock file of {@code spec}: {@code .<name>.specgate.lock} in the same folder, made from
     * the name's bytes ({@link FileNames}), so that it can be made whatever the locale.
     */
    static Path lockFile(Path spec) {
        return FileNames.beside(spec, ".", FileNames.name(spec), SUFFIX);
    }

    /**
     * Takes the lock of {@code spec} (a real path: no symbolic link in it), waiting at most {@link
     * #TIMEOUT} for an edit in progress.
     *
     * @throws IOException if the lock file cannot be created or opened, or the wait timed out
     */
    static SpecLock acquire(Path spec) throws IOException {
        requireNonNull(spec, "spec must not be null");
        Path lockFile = lockFile(spec);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        ReentrantLock local = LOCAL[Math.floorMod(lockFile.hashCode(), LOCAL.length)];
        try {
            if (!local.tryLock(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut(spec, lockFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the lock of " + spec);
        }
        try {
            while (true) {
                FileChannel channel = open(lockFile, spec);
                try {
                    FileLock lock = waitFor(channel, deadline, spec, lockFile);
                    Held held = DELETES ? held(lockFile) : Held.UNTOLD;
                    if (held != Held.STALE) {
                        // only a holder that knows its file is the live one may delete it
                        return new SpecLock(local, channel, lock, lockFile, held == Held.LIVE);
                    }
                    // locked a file that its holder deleted meanwhile: take the new one
                    lock.release();
                    channel.close();
                    if (System.nanoTime() - deadline > 0) {
                        throw timedOut(spec, lockFile);
                    }
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            }
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** What a holder knows of the lock file it locked. */
    private enum Held {
        /** It is the file the lock file's name leads to: the holder may delete it when done. */
        LIVE,
        /** It was deleted or replaced meanwhile: take the new one. */
        STALE,
        /**
         * The kernel's table does not show it under its name (another mount namespace, a path it
         * writes differently): the lock holds, but the holder leaves the file in place.
         */
        UNTOLD
    }

    /**
     * Whether the lock file this process has open is still the one the lock file's name leads to,
     * told from the kernel's own table of this process's open files ({@code /proc/self/fd}) and the
     * name's file key, without opening the file again (closing another channel of it would release
     * this process's lock).
     */
    private static Held held(Path lockFile) throws IOException {
        Object named;
        try {
            named =
                    Files.readAttributes(
                                    lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                            .fileKey();
        } catch (NoSuchFileException gone) {
            return Held.STALE;
        }
        String live = lockFile.toString();
        String deleted = live + " (deleted)";
        boolean seen = false;
        try (DirectoryStream<Path> open = Files.newDirectoryStream(OPEN_FILES)) {
            for (Path fd : open) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed meanwhile
                }
                if (target.equals(deleted)) {
                    seen = true;
                } else if (target.equals(live)) {
                    seen = true;
                    try {
                        if (named != null
                                && named.equals(
                                        Files.readAttributes(fd, BasicFileAttributes.class)
                                                .fileKey())) {
                            return Held.LIVE;
                        }
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                }
            }
        }
        return seen ? Held.STALE : Held.UNTOLD;
    }

    @Override
    public void close() throws IOException {
        try {
            if (deletes) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // left behind: the next edit takes it over
                }
            }
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                local.unlock();
            }
        }
    }

    private static FileChannel open(Path lockFile, Path spec) throws IOException {
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    FileChannel created =
                            FileChannel.open(
                                    lockFile,
                                    StandardOpenOption.CREATE_NEW,
                                    StandardOpenOption.WRITE,
                                    LinkOption.NOFOLLOW_LINKS);
                    shareLikeTheSpec(lockFile, spec);
                    return created;
                } catch (FileAlreadyExistsException e) {
                    try {
                        return FileChannel.open(
                                lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                    } catch (NoSuchFileException gone) {
                        // deleted by hand between the two calls: create it again
                        if (attempt == OPEN_ATTEMPTS) {
                            throw gone;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IOException(
                    "cannot create or open its lock file " + lockFile + ": " + IoFailure.reason(e),
                    e);
        }
    }

    private static FileLock waitFor(FileChannel channel, long deadline, Path spec, Path lockFile)
            throws IOException {
        long pause = 1;
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline > 0) {
                throw timedOut(spec, lockFile);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(
                        "interrupted while waiting for the lock of " + spec);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    private static IOException timedOut(Path spec, Path lockFile) {
        return new IOException(
                "another edit of "
                        + spec
                        + " has held its lock ("
                        + lockFile
                        + ") for over "
                        + TIMEOUT.toSeconds()
                        + " s; nothing was written");
    }

    /**
     * Best effort: the spec's owner and group (root may give them; others keep their own), and its
     * read and write permissions (at least the owner's).
     */
    private static void shareLikeTheSpec(Path lockFile, Path spec) {
        PosixFileAttributeView view =
                Files.getFileAttributeView(
                        lockFile, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributes of;
        PosixFileAttributes now;
        try {
            if (view == null) {
                return;
            }
            of = Files.readAttributes(spec, PosixFileAttributes.class);
            now = view.readAttributes();
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : of.permissions()) {
            if (!p.name().endsWith("_EXECUTE")) {
                permissions.add(p);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        try {
            if (!now.owner().equals(of.owner())) {
                view.setOwner(of.owner());
            }
        } catch (IOException e) {
            // not root: the lock file stays the creator's
        }
        try {
            if (!now.group().equals(of.group())) {
                view.setGroup(of.group());
            }
        } catch (IOException e) {
            // not a member of the spec's group
        }
        try {
            view.setPermissions(permissions);
        } catch (IOException e) {
            // given away above: no longer ours to change
        }
    }
}
