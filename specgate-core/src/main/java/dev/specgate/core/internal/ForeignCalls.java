package dev.specgate.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.Locale;
import java.util.Optional;

/**
 * C functions linked through the foreign function API ({@code java.lang.foreign}), reached through
 * method handles since Specgate is built for Java 17: the one place that links them, for
 * libcrypto's {@code SHA256} ({@code approval.Sha256}) and the C library's {@code getxattr} and
 * {@code setxattr} ({@code edit.AccessAcl}). Linking needs Java 22 or later, Linux, and native
 * access enabled for Specgate's code ({@code Enable-Native-Access: ALL-UNNAMED} in the jar's
 * manifest, or {@code --enable-native-access}): Specgate never makes the JVM print its
 * restricted-method warning. Where that is not so ({@link #possible()} false), nothing is linked.
 *
 * <p>The API is reached through method handles, not {@link java.lang.reflect.Method#invoke}: a
 * reflective call of a JDK method first reads its annotations to know whether it is
 * caller-sensitive, and those of {@code SymbolLookup.libraryLookup} and {@code
 * Linker.downcallHandle} are made into proxy classes, written with the class-file API: ~140 classes
 * and ~30-50 ms of CPU more than the link itself needs (JDK 25, C1). Caller-sensitive methods are
 * looked up with this class's full-privilege lookup: they see Specgate's code as their caller, as a
 * direct call would.
 */
public final class ForeignCalls {

    private final MethodHandles.Lookup lookup = MethodHandles.lookup();
    private final Class<?> layoutC;
    private final Class<?> optionC;
    private final Class<?> lookupC;
    private final Class<?> segmentC;
    private final Class<?> descriptorC;
    private final Class<?> linkerC;
    private final Object linker;
    private final MethodHandle find;

    private ForeignCalls() throws Throwable {
        layoutC = Class.forName("java.lang.foreign.MemoryLayout");
        optionC = Class.forName("java.lang.foreign.Linker$Option");
        lookupC = Class.forName("java.lang.foreign.SymbolLookup");
        segmentC = Class.forName("java.lang.foreign.MemorySegment");
        descriptorC = Class.forName("java.lang.foreign.FunctionDescriptor");
        linkerC = Class.forName("java.lang.foreign.Linker");
        linker =
                lookup.findStatic(linkerC, "nativeLinker", MethodType.methodType(linkerC)).invoke();
        find =
                lookup.findVirtual(
                        lookupC, "find", MethodType.methodType(Optional.class, String.class));
    }

    /** What a caller links, with the linker: empty when something it needs is not there. */
    @FunctionalInterface
    public interface Linking<T> {
        Optional<T> link(ForeignCalls calls) throws Throwable;
    }

    /**
     * What {@code linking} links, when linking can be tried ({@link #possible()}); empty otherwise,
     * or when the API fails it (a method not found or not accessible, the API's own exceptions).
     */
    public static <T> Optional<T> link(Linking<T> linking) {
        if (!possible()) {
            return Optional.empty();
        }
        try {
            return linking.link(new ForeignCalls());
        } catch (LinkageError e) {
            return Optional.empty();
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    /** Whether linking can be tried at all, without touching the foreign function API. */
    public static boolean possible() {
        if (Runtime.version().feature() < 22
                || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            MethodHandle enabled =
                    MethodHandles.publicLookup()
                            .findVirtual(
                                    Module.class,
                                    "isNativeAccessEnabled",
                                    MethodType.methodType(boolean.class));
            return (boolean) enabled.invokeExact(ForeignCalls.class.getModule());
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            return false; // not found, not accessible, or the call failed
        }
    }

    /** {@code symbol} in the C library (the linker's default lookup); empty if not there. */
    public Optional<Object> inLibc(String symbol) throws Throwable {
        Object libc =
                lookup.findVirtual(linkerC, "defaultLookup", MethodType.methodType(lookupC))
                        .invoke(linker);
        return found(libc, symbol);
    }

    /**
     * {@code symbol} in the first of {@code libraries} (loaded for the life of the JVM) that can be
     * loaded and exports it; empty if none does.
     */
    public Optional<Object> inLibrary(String symbol, String... libraries) throws Throwable {
        Class<?> arenaC = Class.forName("java.lang.foreign.Arena");
        Object arena = lookup.findStatic(arenaC, "global", MethodType.methodType(arenaC)).invoke();
        MethodHandle libraryLookup =
                lookup.findStatic(
                        lookupC,
                        "libraryLookup",
                        MethodType.methodType(lookupC, String.class, arenaC));
        for (String lib : libraries) {
            Object library;
            try {
                library = libraryLookup.invoke(lib, arena);
            } catch (IllegalArgumentException notThere) {
                continue;
            }
            Optional<Object> found = found(library, symbol);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Object> found(Object library, String symbol) throws Throwable {
        Optional<?> found = (Optional<?>) find.invoke(library, symbol);
        return found.map(Object.class::cast);
    }

    /** The value layout {@code ValueLayout.NAME} ({@code ADDRESS}, {@code JAVA_LONG}, ...). */
    public Object layout(String name) throws Throwable {
        Class<?> valueLayoutC = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> type = valueLayoutC.getField(name).getType();
        return lookup.findStaticGetter(valueLayoutC, name, type).invoke();
    }

    /**
     * A critical call of {@code symbol} (it may read Java arrays in place: no copy to native
     * memory) returning {@code returns} and taking {@code arguments}, as {@code type}: each segment
     * argument and result as {@code Object}.
     */
    public MethodHandle critical(
            Object symbol, Object returns, MethodType type, Object... arguments) throws Throwable {
        return downcall(symbol, returns, type, arguments, false);
    }

    /**
     * As {@link #critical}, with the C library's {@code errno} as the call left it captured: the
     * handle takes first a segment that receives it ({@link Errno#state()}), then {@code
     * arguments}; {@code type} names that leading segment too, as {@code Object}.
     */
    public MethodHandle criticalWithErrno(
            Object symbol, Object returns, MethodType type, Object... arguments) throws Throwable {
        return downcall(symbol, returns, type, arguments, true);
    }

    private MethodHandle downcall(
            Object symbol, Object returns, MethodType type, Object[] arguments, boolean errno)
            throws Throwable {
        Object args = Array.newInstance(layoutC, arguments.length);
        for (int i = 0; i < arguments.length; i++) {
            Array.set(args, i, arguments[i]);
        }
        Object descriptor =
                lookup.findStatic(
                                descriptorC,
                                "of",
                                MethodType.methodType(descriptorC, layoutC, args.getClass()))
                        .asFixedArity()
                        .invoke(returns, args);
        Object options = Array.newInstance(optionC, errno ? 2 : 1);
        Array.set(
                options,
                0,
                lookup.findStatic(
                                optionC, "critical", MethodType.methodType(optionC, boolean.class))
                        .invoke(true));
        if (errno) {
            Array.set(
                    options,
                    1,
                    lookup.findStatic(
                                    optionC,
                                    "captureCallState",
                                    MethodType.methodType(optionC, String[].class))
                            .asFixedArity()
                            .invoke(new String[] {"errno"}));
        }
        MethodHandle handle =
                (MethodHandle)
                        lookup.findVirtual(
                                        linkerC,
                                        "downcallHandle",
                                        MethodType.methodType(
                                                MethodHandle.class,
                                                segmentC,
                                                descriptorC,
                                                options.getClass()))
                                .asFixedArity()
                                .invoke(linker, symbol, descriptor, options);
        return handle.asType(type);
    }

    /**
     * The segments a call with {@code errno} captured ({@link #criticalWithErrno}) writes it in.
     */
    public Errno errno() throws Throwable {
        Class<?> arenaC = Class.forName("java.lang.foreign.Arena");
        Class<?> allocatorC = Class.forName("java.lang.foreign.SegmentAllocator");
        Class<?> pathC = Class.forName("java.lang.foreign.MemoryLayout$PathElement");
        Class<?> intC = Class.forName("java.lang.foreign.ValueLayout$OfInt");
        Object layout =
                lookup.findStatic(optionC, "captureStateLayout", MethodType.methodType(structC()))
                        .invoke();
        Object path = Array.newInstance(pathC, 1);
        Array.set(
                path,
                0,
                lookup.findStatic(pathC, "groupElement", MethodType.methodType(pathC, String.class))
                        .invoke("errno"));
        long offset =
                (long)
                        lookup.findVirtual(
                                        layoutC,
                                        "byteOffset",
                                        MethodType.methodType(long.class, path.getClass()))
                                .asFixedArity()
                                .invoke(layout, path);
        // a native segment, freed by the garbage collector (Arena.ofAuto): a call's own
        MethodHandle auto = lookup.findStatic(arenaC, "ofAuto", MethodType.methodType(arenaC));
        MethodHandle allocate =
                lookup.findVirtual(
                        allocatorC, "allocate", MethodType.methodType(segmentC, layoutC));
        MethodHandle state =
                MethodHandles.collectArguments(
                                MethodHandles.insertArguments(
                                        allocate.asType(
                                                MethodType.methodType(
                                                        segmentC, Object.class, Object.class)),
                                        1,
                                        layout),
                                0,
                                auto.asType(MethodType.methodType(Object.class)))
                        .asType(MethodType.methodType(Object.class));
        MethodHandle get =
                MethodHandles.insertArguments(
                                lookup.findVirtual(
                                        segmentC,
                                        "get",
                                        MethodType.methodType(int.class, intC, long.class)),
                                1,
                                layout("JAVA_INT"),
                                offset)
                        .asType(MethodType.methodType(int.class, Object.class));
        return new Errno(state, get);
    }

    private static Class<?> structC() throws ClassNotFoundException {
        return Class.forName("java.lang.foreign.StructLayout");
    }

    /**
     * Where a call with {@code errno} captured leaves it: {@code state}, {@code () -> Object}, a
     * new segment to hand the call; {@code read}, {@code (Object) -> int}, the errno it holds.
     */
    public record Errno(MethodHandle state, MethodHandle read) {}

    /** {@code MemorySegment.ofArray(byte[])}, as {@code (byte[]) -> Object}. */
    public MethodHandle ofArray() throws Throwable {
        return MethodHandles.publicLookup()
                .findStatic(segmentC, "ofArray", MethodType.methodType(segmentC, byte[].class))
                .asType(MethodType.methodType(Object.class, byte[].class));
    }
}
