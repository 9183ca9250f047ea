package dev.specgate.core.edit;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.input.IoFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * <p>The lock file is created on first use, empty, with the spec's owner, group and read/write
 * permissions, so whoever may edit the spec may take its lock. It is never deleted: an edit waiting
 * on a lock file that its holder then deleted would go on to lock that unlinked file while a
 * newcomer locked a new one, and the two would run at once. Deleting it by hand while no edit runs
 * is safe.
 */
final class SpecLock implements AutoCloseable {

    /** What the lock file's name adds to the spec's, after a leading dot. */
    static final String SUFFIX = ".specgate.lock";

    /** How long an edit waits for another one to finish before it gives up. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final long LONGEST_PAUSE_MILLIS = 20;
    private static final int OPEN_ATTEMPTS = 10;

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

    private SpecLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code spec}: {@code .<name>.specgate.lock} in the same folder. */
    static Path lockFile(Path spec) {
        return spec.resolveSibling("." + spec.getFileName() + SUFFIX);
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
        FileChannel channel = null;
        try {
            channel = open(lockFile, spec);
            FileLock lock = waitFor(channel, deadline, spec, lockFile);
            return new SpecLock(local, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
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
