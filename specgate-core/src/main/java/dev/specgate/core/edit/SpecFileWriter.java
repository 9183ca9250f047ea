package dev.specgate.core.edit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes specs safely. An edit is written to a temporary file in the spec's own directory and
 * renamed over the original in one atomic step (where the file system cannot, it falls back to a
 * plain replacing move), so a reader sees the old file or the new one, never half of either. Before
 * the rename the file on disk is compared, byte for byte, with what the edit was made from; if it
 * changed, nothing is written and a {@link StaleSpecException} says so. Stateless and thread-safe.
 */
public final class SpecFileWriter {

    private static final String TEMP_SUFFIX = ".specgate-tmp";

    /**
     * Writes {@code edit} over the file its source was read from. An edit that changes nothing
     * writes nothing.
     *
     * @throws StaleSpecException if the file changed on disk since the source was read
     * @throws IllegalArgumentException if the edit's source was not read from a file
     */
    public void write(SpecEdit edit) throws IOException {
        requireNonNull(edit, "edit must not be null");
        Path file =
                edit.source()
                        .file()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "the edit's source was not read from a file"));
        byte[] updated = edit.bytes();
        if (edit.source().hasBytes(updated)) {
            requireUnchanged(file, edit.source().rawBytes());
            return;
        }
        replace(file, edit.source().rawBytes(), updated);
    }

    /**
     * Replaces {@code file}'s content with {@code updated}, provided it still holds exactly {@code
     * expected}. A symbolic link is followed: the file it points to is replaced, the link kept.
     *
     * @throws StaleSpecException if the file does not hold {@code expected} (or is gone)
     */
    public void replace(Path file, byte[] expected, byte[] updated) throws IOException {
        requireNonNull(file, "file must not be null");
        requireNonNull(expected, "expected must not be null");
        requireNonNull(updated, "updated must not be null");
        Path target;
        try {
            target = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new StaleSpecException(file, "was deleted");
        }
        requireUnchanged(target, expected);
        moveIntoPlace(target, updated, () -> requireUnchanged(target, expected));
    }

    /**
     * Writes {@code content} to {@code file}, creating it or replacing whatever it holds, through a
     * temporary file in the same directory and one rename: a reader sees the old file or the new
     * one, never half of either. Folders are created. For reports, baselines and generated files,
     * not for edits of a spec someone may be changing (use {@link #write(SpecEdit)}).
     */
    public void writeAtomically(Path file, byte[] content) throws IOException {
        requireNonNull(file, "file must not be null");
        requireNonNull(content, "content must not be null");
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new IOException(file + " is a directory");
        }
        Files.createDirectories(target.getParent());
        moveIntoPlace(target, content, () -> {});
    }

    /** A last check between writing the temporary file and renaming it. */
    private interface BeforeRename {
        void check() throws IOException;
    }

    private static void moveIntoPlace(Path target, byte[] content, BeforeRename beforeRename)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = createTemp(dir, target.getFileName().toString());
        try {
            if (Files.exists(target)) {
                // before any content: a private file's new text is never readable by others
                copyPermissions(target, temp);
            }
            writeDurably(temp, content);
            beforeRename.check();
            try {
                Files.move(
                        temp,
                        target,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates {@code file} with {@code content}; never replaces an existing file. A write that
     * fails half-way leaves no file behind.
     *
     * @throws java.nio.file.FileAlreadyExistsException if the file exists
     */
    public void createNew(Path file, byte[] content) throws IOException {
        requireNonNull(file, "file must not be null");
        requireNonNull(content, "content must not be null");
        boolean created = false;
        try (OutputStream out =
                Files.newOutputStream(
                        file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            created = true;
            out.write(content);
        } catch (IOException | RuntimeException e) {
            if (created) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
    }

    private static void requireUnchanged(Path file, byte[] expected) throws IOException {
        byte[] now;
        try {
            if (Files.size(file) != expected.length) {
                throw new StaleSpecException(file, "changed on disk");
            }
            now = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StaleSpecException(file, "was deleted");
        }
        if (!Arrays.equals(now, expected)) {
            throw new StaleSpecException(file, "changed on disk");
        }
    }

    /**
     * A new empty file beside the target. Unlike {@code Files.createTempFile}, whose files are
     * private to their owner (0600), it gets the permissions the user's umask gives any new file,
     * so a created report or task list can be read by others as usual; a replaced file keeps its
     * own permissions ({@link #copyPermissions}).
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp =
                    dir.resolve(
                            "."
                                    + name
                                    + "."
                                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong())
                                    + TEMP_SUFFIX);
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    private static void copyPermissions(Path from, Path to) {
        PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (src == null || dst == null) {
            return;
        }
        try {
            dst.setPermissions(src.readAttributes().permissions());
        } catch (IOException | UnsupportedOperationException e) {
            try {
                // unknown: fail safe, owner only, rather than leave the umask's wider default
                dst.setPermissions(
                        EnumSet.of(
                                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            } catch (IOException | UnsupportedOperationException ignored) {
                // the file system has no POSIX permissions to speak of
            }
        }
    }
}
