package dev.specgate.core.edit;

import dev.specgate.core.internal.ForeignCalls;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file's POSIX access ACL ({@code setfacl -m u:alice:rw spec.md}), which Linux keeps in the
 * extended attribute {@code system.posix_acl_access}: a write through a temporary file and a rename
 * would drop it (and, as the file's mode shows the ACL's mask in its group bits, give the file's
 * group what the mask allowed). Java has no view of it on Linux ({@code
 * UserDefinedFileAttributeView} sees only {@code user.*}), so it is read and written with the C
 * library's {@code getxattr} and {@code setxattr} through the foreign function API: Java 22 or
 * later (reached through method handles, since Specgate is built for Java 17), native access
 * enabled for Specgate's code (the jar's manifest says {@code Enable-Native-Access: ALL-UNNAMED};
 * Specgate never makes the JVM print its restricted-method warning), Linux. Where that is not so
 * ({@link #visible()} false: Java 17-21), an ACL cannot be seen, and a rename drops it.
 */
final class AccessAcl {

    /** The extended attribute Linux keeps a file's access ACL in. */
    static final String ATTRIBUTE = "system.posix_acl_access";

    private static final byte[] NAME = zeroEnded(ATTRIBUTE);

    /** The most bytes an ACL is read in: Linux's limit of an extended attribute's value. */
    private static final int MAX_SIZE = 65_536;

    private AccessAcl() {}

    /** What {@link #read} found. */
    sealed interface Found {}

    /** The file has no ACL beyond its mode, or the file system keeps none. */
    record None() implements Found {}

    /** The file's ACL, as the attribute's bytes. */
    record Acl(byte[] bytes) implements Found {}

    /**
     * The read failed for another reason than "none" ({@code EIO}, {@code EACCES}, ...): whether
     * the file has an ACL is not known, and a rename could drop one.
     *
     * @param cause what failed, as the C library's error says it ({@code input/output error, EIO})
     */
    record Unreadable(String cause) implements Found {

        /**
         * The refusal of a write of {@code file} that would replace it without its ACL: one line,
         * naming the file and the cause.
         */
        FileSystemException refusal(Path file) {
            return new FileSystemException(
                    file.toString(),
                    null,
                    "not written: its access ACL cannot be read ("
                            + cause
                            + "), and writing it could drop the ACL");
        }
    }

    /**
     * What a {@code getxattr} that failed with {@code errno} says: {@link None} when there is no
     * ACL to keep ({@code ENODATA}: no such attribute; {@code EOPNOTSUPP}, {@code ENOSYS}: the file
     * system keeps none), {@link Unreadable} otherwise. Linux's numbers, the same on every
     * architecture Java runs on there.
     */
    static Found afterFailure(int errno) {
        return switch (errno) {
            case ENODATA, EOPNOTSUPP, ENOSYS -> new None();
            default -> new Unreadable(errorText(errno));
        };
    }

    private static final int ENODATA = 61;
    private static final int EOPNOTSUPP = 95;
    private static final int ENOSYS = 38;

    /**
     * {@code errno} as {@code strerror} says it, lower case, with its name: "permission denied,
     * EACCES".
     */
    static String errorText(int errno) {
        return switch (errno) {
            case 1 -> "operation not permitted, EPERM";
            case 2 -> "no such file or directory, ENOENT";
            case 5 -> "input/output error, EIO";
            case 12 -> "cannot allocate memory, ENOMEM";
            case 13 -> "permission denied, EACCES";
            case 20 -> "not a directory, ENOTDIR";
            case 34 -> "numerical result out of range, ERANGE";
            case 36 -> "file name too long, ENAMETOOLONG";
            case 40 -> "too many levels of symbolic links, ELOOP";
            case 116 -> "stale file handle, ESTALE";
            default -> "error " + errno;
        };
    }

    /** Whether ACLs can be seen on this JVM ({@link AccessAcl}'s conditions). */
    static boolean visible() {
        return Calls.LINKED.isPresent();
    }

    /**
     * {@code file}'s access ACL; {@link Unreadable} when {@code getxattr} failed in a way that does
     * not say there is none ({@link #afterFailure}); empty when it cannot be seen on this JVM
     * ({@link #visible()}), or when it changed between the reads of its size and its value.
     */
    static Optional<Found> read(Path file) {
        if (Calls.LINKED.isEmpty()) {
            return Optional.empty();
        }
        Calls calls = Calls.LINKED.get();
        byte[] path = zeroEnded(file);
        try {
            Object state = calls.errno.state().invoke();
            long size = calls.get(state, path, new byte[0]);
            if (size < 0) {
                return Optional.of(afterFailure((int) calls.errno.read().invoke(state)));
            }
            if (size > MAX_SIZE) {
                return Optional.empty();
            }
            byte[] value = new byte[(int) size];
            long read = calls.get(state, path, value);
            if (read < 0 || read > value.length) {
                return Optional.empty(); // changed between the two calls: say nothing sure
            }
            return Optional.of(
                    new Acl(
                            read == value.length
                                    ? value
                                    : java.util.Arrays.copyOf(value, (int) read)));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    /** Gives {@code file} the ACL {@code acl}; false when it could not be set. */
    static boolean write(Path file, Acl acl) {
        if (Calls.LINKED.isEmpty()) {
            return false;
        }
        try {
            return Calls.LINKED.get().set(zeroEnded(file), acl.bytes()) == 0;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            return false;
        }
    }

    private static byte[] zeroEnded(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(b, b.length + 1);
    }

    /**
     * {@code file}'s path as the C library takes it: the bytes the file system holds ({@link
     * FileNames#bytes}), so that a name outside ASCII reaches the same file whatever the locale.
     */
    private static byte[] zeroEnded(Path file) {
        byte[] b = FileNames.bytes(file);
        return java.util.Arrays.copyOf(b, b.length + 1);
    }

    /**
     * The linked {@code getxattr} (its {@code errno} captured) and {@code setxattr}, linked on
     * first use.
     */
    private record Calls(
            MethodHandle getxattr,
            MethodHandle setxattr,
            MethodHandle ofArray,
            ForeignCalls.Errno errno) {

        static final Optional<Calls> LINKED = link();

        long get(Object state, byte[] path, byte[] value) throws Throwable {
            return (long)
                    getxattr.invokeExact(
                            state,
                            (Object) ofArray.invokeExact(path),
                            (Object) ofArray.invokeExact(NAME),
                            (Object) ofArray.invokeExact(value),
                            (long) value.length);
        }

        int set(byte[] path, byte[] value) throws Throwable {
            return (int)
                    setxattr.invokeExact(
                            (Object) ofArray.invokeExact(path),
                            (Object) ofArray.invokeExact(NAME),
                            (Object) ofArray.invokeExact(value),
                            (long) value.length,
                            0);
        }

        static Optional<Calls> link() {
            return ForeignCalls.link(
                    calls -> {
                        Optional<Object> get = calls.inLibc("getxattr");
                        Optional<Object> set = calls.inLibc("setxattr");
                        if (get.isEmpty() || set.isEmpty()) {
                            return Optional.empty();
                        }
                        Object address = calls.layout("ADDRESS");
                        Object jlong = calls.layout("JAVA_LONG");
                        Object jint = calls.layout("JAVA_INT");
                        return Optional.of(
                                new Calls(
                                        calls.criticalWithErrno(
                                                get.get(),
                                                jlong,
                                                MethodType.methodType(
                                                        long.class,
                                                        Object.class,
                                                        Object.class,
                                                        Object.class,
                                                        Object.class,
                                                        long.class),
                                                address,
                                                address,
                                                address,
                                                jlong),
                                        calls.critical(
                                                set.get(),
                                                jint,
                                                MethodType.methodType(
                                                        int.class,
                                                        Object.class,
                                                        Object.class,
                                                        Object.class,
                                                        long.class,
                                                        int.class),
                                                address,
                                                address,
                                                address,
                                                jlong,
                                                jint),
                                        calls.ofArray(),
                                        calls.errno()));
                    });
        }
    }
}
