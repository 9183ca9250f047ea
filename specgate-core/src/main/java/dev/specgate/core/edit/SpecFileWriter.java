package dev.specgate.core.edit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes specs, and the files Specgate makes, safely. Stateless and thread-safe.
 *
 * <h2>Edits of a spec</h2>
 *
 * {@link #write(SpecEdit)} and {@link #replace} change a spec that someone may be changing too:
 *
 * <ol>
 *   <li>A symbolic link is followed: the file it leads to is edited, the link stays a link.
 *   <li>An exclusive lock is taken on {@code .<name>.specgate.lock} beside that file, a file lock
 *       that other processes see (and a lock of this JVM for its other threads); an edit waits up
 *       to 30 seconds for another one to finish. The lock file is created with the spec's owner,
 *       group and read/write permissions, and deleted by its holder when the edit ends (on Linux;
 *       {@link SpecLock} says why that is safe, and why elsewhere it is left in place).
 *   <li>Under the lock, the file is compared byte for byte with the bytes the edit was computed
 *       from. If they differ (another edit, an editor, a checkout), nothing is written and a {@link
 *       StaleSpecException} says so. No edit by Specgate is lost: two edits of one spec either both
 *       land, one after the other, or the second is refused.
 *   <li>The new bytes go to a temporary file in the same folder ({@code .NAME.0.specgate-tmp},
 *       which replaces one that a stopped edit left), which gets the file's owner, group,
 *       permissions, user-defined extended attributes and POSIX access ACL ({@code setfacl -m
 *       u:alice:rw}; only where {@link AccessAcl} can see it: Java 22 or later with native access,
 *       on Linux; on Java 17-21 a rename drops it) before any byte is written, is flushed to disk,
 *       and (after one more compare) is renamed over the file: a reader sees the old text or the
 *       new, never half.
 *   <li>Where a rename would lose something, the file is written <em>in place</em> instead, under
 *       the lock and after the compare (overwritten, then truncated, then flushed): when it has
 *       more than one hard link (a rename would split them), or when its owner, group or extended
 *       attributes or ACL cannot be given to a new file (a user editing another user's
 *       group-writable spec; only root may give files away). The file keeps its inode, links,
 *       owner, group, permissions and any ACL; the price is that a reader at that moment, or a
 *       crash, may see part of the new text. What the new text adds past the old end is written
 *       first, so a full disk refuses the edit with the file as it was.
 *   <li>Where ACLs can be seen and the file's cannot be read ({@code getxattr} fails with other
 *       than "none here", such as {@code EIO}), the write is refused, naming the file and the
 *       cause, and the file is left as it is: whether a rename would drop an ACL is not known.
 * </ol>
 *
 * Only Specgate's own edits take the lock; an editor that saves meanwhile is caught by the compare,
 * except in the instant between the last compare and the rename. Two hard links to one spec in
 * different folders have different lock files.
 *
 * <h2>Reports, baselines and generated files</h2>
 *
 * {@link #writeAtomically} writes what Specgate made, wherever it is told to: an existing file that
 * is not a regular file (a device such as {@code /dev/null}, a FIFO, {@code /dev/fd/N} of a pipe)
 * is written through, as a shell's {@code >} would, and is never replaced; so is a regular file
 * reached through a process's descriptors ({@code /dev/stdout}, {@code /proc/self/fd/N}). A
 * symbolic link is followed to the file it names (created if missing) and stays a link. A regular
 * file, or a new one, is written through a temporary file and a rename as above (attributes kept,
 * in place where a rename would lose a hard link or the owner), without a lock.
 */
public final class SpecFileWriter {

    private static final String TEMP_SUFFIX = ".specgate-tmp";

    /** The number in the name of an edit's temporary file ({@link #createEditTemp}). */
    private static final String EDIT_TEMP_NUMBER = "0";

    /** The longest file name most file systems take, in bytes (Linux's NAME_MAX). */
    private static final int MAX_NAME_BYTES = 255;

    private static final int MAX_LINK_HOPS = 40;
    private static final Path PROC = Path.of("/proc");

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
     * expected} when compared under the spec's lock (see the class comment). A symbolic link is
     * followed: the file it points to is replaced, the link kept.
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
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file");
        }
        requireNotReadOnly(target, file);
        try (SpecLock lock = SpecLock.acquire(target)) {
            // a refusal names the file as the caller gave it, not the real path behind it
            requireUnchanged(target, expected, file);
            store(target, file, updated, () -> requireUnchanged(target, expected, file), true);
        }
    }

    /**
     * Writes {@code content} to {@code file}, creating it or replacing what it holds: for reports,
     * baselines and generated files, not for edits of a spec someone may be changing (use {@link
     * #write(SpecEdit)}). Folders are created. A regular file is replaced through a temporary file
     * and one rename, so a reader sees the old file or the new one, never half of either; a device,
     * a FIFO or a process's descriptor is written through; a symbolic link is followed (see the
     * class comment).
     *
     * @throws IOException if {@code file} is a folder, if a part of its folder path is a file, or
     *     if writing fails
     */
    public void writeAtomically(Path file, byte[] content) throws IOException {
        requireNonNull(file, "file must not be null");
        requireNonNull(content, "content must not be null");
        requireFolderPath(file);
        BasicFileAttributes found = attributes(file);
        if (found != null && found.isDirectory()) {
            throw new IOException(file + " is a folder");
        }
        if (found != null && !found.isRegularFile()) {
            writeThrough(file, content);
            return;
        }
        Resolved resolved = resolve(file);
        if (found != null && resolved.throughProcess()) {
            writeThrough(file, content);
            return;
        }
        Path target = resolved.path();
        requireFolderPath(target);
        Files.createDirectories(target.getParent());
        store(target, file, content, () -> {}, false);
    }

    /**
     * Checks, before anything is written, that {@link #writeAtomically} may write {@code file}: it
     * is not a folder, and no existing part of its folder path is a file.
     *
     * @throws IOException saying which path is in the way
     */
    public void requireWritablePlace(Path file) throws IOException {
        requireNonNull(file, "file must not be null");
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder");
        }
        requireFolderPath(file);
    }

    /**
     * Whether {@code name} is the name of a lock file an edit takes ({@code
     * .<name>.specgate.lock}): empty, and left in place by an edit that was killed, or on systems
     * where holders do not delete it ({@link SpecLock}); the next edit of its spec takes it over.
     */
    public static boolean isLockFileName(String name) {
        requireNonNull(name, "name must not be null");
        return name.startsWith(".") && name.endsWith(SpecLock.SUFFIX);
    }

    /**
     * Whether {@code name} is the name of a temporary file a write puts its content in before the
     * rename ({@code .<name>.<number>.specgate-tmp}): one is left only by a write that was stopped
     * before it ended (killed, a crash), and the file it was for is then whole, old or new. One an
     * edit left ({@link #isLeftByAnEdit}) is replaced by the next edit of that file.
     */
    public static boolean isTemporaryFileName(String name) {
        requireNonNull(name, "name must not be null");
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    /**
     * Whether {@code name}, a temporary file's ({@link #isTemporaryFileName}), is one that an edit
     * of a spec ({@link #write}, {@link #replace}) makes, {@code .<name>.0.specgate-tmp}: the next
     * edit of that spec deletes one left by an edit that was stopped.
     */
    public static boolean isLeftByAnEdit(String name) {
        requireNonNull(name, "name must not be null");
        return isTemporaryFileName(name) && name.endsWith("." + EDIT_TEMP_NUMBER + TEMP_SUFFIX);
    }

    /**
     * Refuses a spec whose mode lets no one write it ({@code r--r--r--}): an edit replaces the file
     * through a rename, which its folder's permissions allow, and root may write any file; a file
     * made read-only says it is not to be edited, so it is left as it is.
     */
    private static void requireNotReadOnly(Path target, Path shown) throws IOException {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(target);
        } catch (UnsupportedOperationException e) {
            return; // no POSIX modes: the file system's own checks apply
        }
        if (!mode.contains(PosixFilePermission.OWNER_WRITE)
                && !mode.contains(PosixFilePermission.GROUP_WRITE)
                && !mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new FileSystemException(
                    shown.toString(),
                    null,
                    "read-only (mode "
                            + PosixFilePermissions.toString(mode)
                            + "): make it writable to edit it");
        }
    }

    /** A last check just before the new content becomes the file's. */
    private interface BeforeCommit {
        void check() throws IOException;
    }

    /**
     * Puts {@code content} at {@code target} (a path whose last part is no symbolic link), keeping
     * an existing file's owner, group, permissions and hard links. Refused, with {@code target}
     * untouched and named as {@code shown}, when ACLs can be seen and its ACL could not be read.
     */
    private static void store(
            Path target, Path shown, byte[] content, BeforeCommit beforeCommit, boolean underLock)
            throws IOException {
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        Optional<AccessAcl.Found> acl = exists ? AccessAcl.read(target) : Optional.empty();
        if (acl.isPresent() && acl.get() instanceof AccessAcl.Unreadable unreadable) {
            throw unreadable.refusal(shown);
        }
        if (exists && linkCount(target) > 1) {
            beforeCommit.check();
            writeInPlace(target, content);
            return;
        }
        Path temp = underLock ? createEditTemp(target) : createTemp(target);
        try {
            if (exists && !giveAttributes(target, acl, temp)) {
                // gone before the spec is touched: a temporary file left beside it is said to
                // mean that the spec is whole, which an in-place write stopped midway is not
                Files.deleteIfExists(temp);
                beforeCommit.check();
                writeInPlace(target, content);
                return;
            }
            writeDurably(temp, content);
            beforeCommit.check();
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
     * Creates {@code file} with {@code content}; never replaces an existing file. Missing folders
     * are created, as {@link #writeAtomically} creates them; a part of the folder path that is a
     * file is refused first, in its words ({@code docs is a file, not a folder}). The content is
     * written into a temporary file beside it and linked into place, so a reader sees no file or
     * the whole of it (where the file system has no hard links, it is written in place); a write
     * that fails leaves no file behind, nor a folder it created.
     *
     * @throws java.nio.file.FileAlreadyExistsException if the file exists
     */
    public void createNew(Path file, byte[] content) throws IOException {
        requireNonNull(file, "file must not be null");
        requireNonNull(content, "content must not be null");
        requireFolderPath(file);
        Path parent = file.toAbsolutePath().getParent();
        Deque<Path> made = new ArrayDeque<>(); // the folders created here, innermost first
        if (parent != null) {
            for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
                made.addLast(p);
            }
            Files.createDirectories(parent);
        }
        try {
            createLinked(file, content);
        } catch (IOException | RuntimeException e) {
            for (Path dir : made) {
                try {
                    Files.deleteIfExists(dir); // only an empty one
                } catch (IOException ignored) {
                    break; // something else was put there meanwhile: left as it is
                }
            }
            throw e;
        }
    }

    /** Writes {@code content} into a temporary file beside {@code file}, then links it there. */
    private static void createLinked(Path file, byte[] content) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path temp = createTemp(file.toAbsolutePath());
        try {
            writeDurably(temp, content);
            try {
                Files.createLink(file, temp); // fails when the file exists: never replaced
                return;
            } catch (UnsupportedOperationException e) {
                // no hard links here: written in place below
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (FileSystemException e) {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(file.toString());
                }
                // a file system that refuses hard links (FAT, some mounts): in place below
            }
        } finally {
            Files.deleteIfExists(temp);
        }
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
        requireUnchanged(file, expected, file);
    }

    /** Refuses unless {@code file} holds {@code expected}, naming it {@code shown}. */
    private static void requireUnchanged(Path file, byte[] expected, Path shown)
            throws IOException {
        byte[] now;
        try {
            if (Files.size(file) != expected.length) {
                throw new StaleSpecException(shown, "changed on disk");
            }
            now = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StaleSpecException(shown, "was deleted");
        }
        if (!Arrays.equals(now, expected)) {
            throw new StaleSpecException(shown, "changed on disk");
        }
    }

    /**
     * A new empty file beside the target, {@code .NAME.RANDOM.specgate-tmp}, with NAME cut (at a
     * character) so that the whole name stays within the 255 bytes most file systems allow: a name
     * the file system takes must not fail for its temporary twin's length. Unlike {@code
     * Files.createTempFile}, whose files are private to their owner (0600), it gets the permissions
     * the user's umask gives any new file, so a created report or task list can be read by others
     * as usual; a replaced file keeps its own owner, group and permissions ({@link
     * #giveAttributes}).
     */
    private static Path createTemp(Path target) throws IOException {
        byte[] stem =
                FileNames.cut(
                        FileNames.name(target), MAX_NAME_BYTES - 2 - 20 - TEMP_SUFFIX.length());
        for (int attempt = 0; ; attempt++) {
            Path temp =
                    FileNames.beside(
                            target,
                            ".",
                            stem,
                            "."
                                    // never 0, an edit's own (createEditTemp)
                                    + Long.toUnsignedString(
                                            ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
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

    /**
     * The temporary file of an edit of {@code target} under its lock: {@code .NAME.0.specgate-tmp}
     * (no other write names one 0, {@link #createTemp}), so that one a stopped edit left (killed, a
     * crash) is found and replaced by the next edit of the file, which holds the lock every edit of
     * it holds while its temporary file exists: none is in use. Only a regular file is replaced (a
     * link or folder of that name is refused); where NAME had to be cut to fit, another file's
     * edit, under another lock, could share the name, and a temporary file of its own is made.
     */
    private static Path createEditTemp(Path target) throws IOException {
        byte[] name = FileNames.name(target);
        if (name.length > MAX_NAME_BYTES - 2 - 20 - TEMP_SUFFIX.length()) {
            return createTemp(target);
        }
        Path temp = FileNames.beside(target, ".", name, "." + EDIT_TEMP_NUMBER + TEMP_SUFFIX);
        try {
            return Files.createFile(temp);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            Files.delete(temp); // a stopped edit's: the spec it was for is whole, old or new
            return Files.createFile(temp);
        }
    }

    /**
     * {@code name}'s longest start of at most {@code max} UTF-8 bytes, not splitting a character.
     */
    static String cutToBytes(String name, int max) {
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > max) {
                return name.substring(0, i);
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return name;
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

    /**
     * Gives {@code temp} the owner, group and permissions of {@code original}, before it holds any
     * byte. False when that is not possible (only root may give a file away, and only to a group
     * one belongs to), and the original should be written in place instead.
     */
    private static boolean giveAttributes(Path original, Optional<AccessAcl.Found> acl, Path temp) {
        PosixFileAttributeView view =
                Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return true; // no owners or POSIX permissions to keep
        }
        try {
            PosixFileAttributes was =
                    Files.readAttributes(
                            original, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            // first, before the owner and mode change: nothing is lost if they cannot be copied
            // (the spec is then written in place), and the temporary file is its maker's still
            if (!giveUserAttributes(original, temp) || !giveAccessAcl(acl, temp)) {
                return false;
            }
            PosixFileAttributes now = view.readAttributes();
            if (!now.owner().equals(was.owner())) {
                view.setOwner(was.owner());
            }
            if (!now.group().equals(was.group())) {
                view.setGroup(was.group());
            }
            // after the owner: a change of owner clears set-user-ID and set-group-ID
            view.setPermissions(was.permissions());
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Copies {@code original}'s user-defined extended attributes ({@code user.*} on Linux: a tag, a
     * note, what a desktop or a backup tool keeps) to {@code temp}, which a rename would otherwise
     * drop. False when one cannot be copied, and the original should be written in place instead;
     * true when there are none, or the file system keeps none.
     */
    private static boolean giveUserAttributes(Path original, Path temp) {
        UserDefinedFileAttributeView from =
                Files.getFileAttributeView(
                        original, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (from == null) {
            return true;
        }
        List<String> names;
        try {
            names = from.list();
        } catch (IOException | UnsupportedOperationException e) {
            return true; // the file system keeps none
        }
        if (names.isEmpty()) {
            return true;
        }
        UserDefinedFileAttributeView to =
                Files.getFileAttributeView(temp, UserDefinedFileAttributeView.class);
        if (to == null) {
            return false;
        }
        try {
            for (String name : names) {
                ByteBuffer value = ByteBuffer.allocate(from.size(name));
                from.read(name, value);
                value.flip();
                to.write(name, value);
            }
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * Copies the original's POSIX access ACL ({@link AccessAcl}), {@code found} as read before, to
     * {@code temp}, before its mode is set (which then sets the ACL's mask from the group bits, as
     * the original's are). False when it has one that cannot be copied, when it has none but {@code
     * temp} was given one (its folder's default ACL), or when ACLs can be seen here but this one
     * could not be read whole: the original is then written in place, which keeps it as it is.
     * Where ACLs cannot be seen (Java 17-21), true: a rename drops the ACL, as the class comment
     * says.
     */
    private static boolean giveAccessAcl(Optional<AccessAcl.Found> found, Path temp) {
        if (found.isEmpty()) {
            return !AccessAcl.visible();
        }
        if (found.get() instanceof AccessAcl.Acl acl) {
            return AccessAcl.write(temp, acl);
        }
        // none: the temporary file must have none either, and one made in a folder with a default
        // ACL has that folder's, which would let its users read a spec they could not
        return AccessAcl.read(temp).filter(AccessAcl.None.class::isInstance).isPresent();
    }

    /** The number of hard links to {@code file}; 1 where the file system does not say. */
    private static int linkCount(Path file) {
        try {
            Object n = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            return n instanceof Integer i ? i : 1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    /**
     * Overwrites {@code file} with {@code content} ({@link #writeInPlace(FileChannel, byte[])}).
     */
    private static void writeInPlace(Path file, byte[] content) throws IOException {
        try (FileChannel ch =
                FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            writeInPlace(ch, content);
        }
    }

    /**
     * Overwrites what {@code ch} holds with {@code content} and cuts it to the new length: same
     * inode. What the new content adds past the old end is written (and flushed) first, so a full
     * disk or a quota refuses it before any old byte is touched: the file is then cut back to its
     * old length and keeps its old content whole, instead of the new content's start over the old
     * one's.
     */
    static void writeInPlace(FileChannel ch, byte[] content) throws IOException {
        long old = ch.size();
        if (content.length > old) {
            try {
                writeAt(ch, ByteBuffer.wrap(content, (int) old, content.length - (int) old), old);
                ch.force(false);
            } catch (IOException e) {
                try {
                    ch.truncate(old);
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        }
        writeAt(ch, ByteBuffer.wrap(content, 0, (int) Math.min(old, content.length)), 0);
        ch.truncate(content.length);
        ch.force(true);
    }

    private static void writeAt(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        while (buf.hasRemaining()) {
            at += ch.write(buf, at);
        }
    }

    /**
     * Writes into what is already there (a device, a FIFO, a descriptor), as a shell's {@code >}.
     */
    private static void writeThrough(Path file, byte[] content) throws IOException {
        try (OutputStream out =
                Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(content);
        }
    }

    /** The attributes of what {@code file} leads to, links followed; null if nothing is there. */
    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Where a path leads once its folders and the symbolic links of its last part are resolved (the
     * last target need not exist), and whether it went through {@code /proc} (a process's
     * descriptors: {@code /dev/stdout} leads to {@code /proc/self/fd/1}).
     */
    private record Resolved(Path path, boolean throughProcess) {}

    private static Resolved resolve(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        boolean throughProcess = false;
        for (int hop = 0; hop <= MAX_LINK_HOPS; hop++) {
            if (p.getFileName() == null) {
                return new Resolved(p, throughProcess); // the root folder
            }
            p = realFolder(p.getParent()).resolve(p.getFileName());
            throughProcess |= p.startsWith(PROC);
            if (!Files.isSymbolicLink(p)) {
                return new Resolved(p, throughProcess);
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p));
        }
        throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
    }

    /** {@code dir} with its existing part resolved to a real path, the rest appended. */
    private static Path realFolder(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real = existing == null ? dir.getRoot() : existing.toRealPath();
        while (!missing.isEmpty()) {
            real = real.resolve(missing.pop());
        }
        return real.normalize(); // the missing part holds no link, so ".." may be folded there
    }

    /**
     * Refuses a path whose folder path has a file in it ({@code afile/x.txt}), naming that file.
     */
    private static void requireFolderPath(Path file) throws IOException {
        Path parent = file.getParent();
        if (parent == null) {
            return;
        }
        Path prefix = parent.getRoot();
        for (Path part : parent) {
            prefix = prefix == null ? part : prefix.resolve(part);
            if (Files.exists(prefix) && !Files.isDirectory(prefix)) {
                throw new IOException(prefix + " is a file, not a folder");
            }
        }
    }
}
