package dev.specgate.core.approval;

import dev.specgate.core.internal.ForeignCalls;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * SHA-256 of the bytes an approval fingerprint covers: the JDK's {@link MessageDigest}, or a native
 * SHA-256 (the system's NSS through the JDK's PKCS#11 provider, else OpenSSL's {@code libcrypto}
 * called through the foreign function API when the JVM offers it) once the run hashes enough to pay
 * for it.
 *
 * <p>Why: the launcher runs the JVM with C1 only (a short check cannot afford C2's compile thread),
 * and C1 does not use the CPU's SHA instructions (the JDK's intrinsic is C2's), so the JDK's
 * SHA-256 runs at ~150 MB/s and was 15-25 % of a cold check of 10,000 specs. NSS and libcrypto use
 * the SHA instructions: ~10× faster per call here. Linking one costs CPU (NSS ~0.06 s on a cold
 * JVM, ~0.03 s with the launcher's start-up cache, whose training run links it so that the cache
 * holds its classes; libcrypto ~0.15 s and ~0.09 s), so a run links it only after {@link
 * #NATIVE_AFTER} bytes were hashed the JDK's way, on the thread that crossed that line: checks of a
 * few specs never pay for it. A run that says how many specs it checks ({@link RunSize}) links it
 * sooner, on a thread of its own, as soon as its first specs show that it will hash that much: then
 * nearly nothing of such a run is hashed the slow way. While the link is under way, the first
 * digest asked for waits for it instead of hashing the JDK's way (work the link makes pointless);
 * one waiting thread is enough to give the link its core, so other threads hash the JDK's way
 * meanwhile rather than leave a core idle.
 *
 * <p>NSS is the JDK's own {@code SunPKCS11} provider configured for NSS's software token without a
 * database ({@link Nss}): no restricted method, no flag, any Java from 17, Linux with {@code
 * libsoftokn3}. Where it cannot be linked, libcrypto, used only when all of these hold: Java 22 or
 * later (the API is reached through method handles, since Specgate is built for Java 17), native
 * access enabled for Specgate's code ({@code Enable-Native-Access: ALL-UNNAMED} in the jar's
 * manifest, or {@code --enable-native-access}: Specgate never makes the JVM print its
 * restricted-method warning), Linux, a {@code libcrypto.so.3} or {@code .so.1.1} that exports
 * {@code SHA256}, and that function giving the right digest of a known text when linked. Each is
 * checked on a known text when linked. When neither can be linked, the JDK's digest, silently (all
 * give the same bytes; nothing to report).
 *
 * <p>The system property {@code specgate.sha256} chooses: {@code auto} (the default, above), {@code
 * java} (never native), {@code native} (libcrypto, else NSS, from the first byte; an error when
 * neither can be linked) or {@code nss} (NSS from the first byte, an error when it cannot be
 * linked): for tests and measurements.
 */
final class Sha256 {

    /** Bytes hashed the JDK's way before the native digest is linked: ~0.15-0.4 s of C1 work. */
    static final long NATIVE_AFTER = 16L << 20;

    static final String PROPERTY = "specgate.sha256";

    /**
     * Bytes hashed the JDK's way before linking libcrypto: {@link #NATIVE_AFTER}, or the system
     * property {@code specgate.sha256.after} (the launcher's start-up cache training sets 0, so
     * that the cache holds the classes linking loads).
     */
    private static final long AFTER = Long.getLong(PROPERTY + ".after", NATIVE_AFTER);

    private static final String MODE =
            System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);

    private static final AtomicLong HASHED = new AtomicLong();

    /** Set once linked; read without a lock on every digest. */
    private static volatile Linked linked;

    /** Whether linking was started (or is not to be tried). */
    private static volatile boolean started = MODE.equals("java");

    /**
     * Open while linking runs: the first digest asked for meanwhile waits for it (at most {@link
     * #WAIT}); digests asked for on other threads while it waits are the JDK's ({@link #WAITING}).
     */
    private static final CountDownLatch LINKING = new CountDownLatch(1);

    /**
     * How long a digest waits for the link under way, in milliseconds (it takes ~0.1-0.3 s): a
     * digest the JDK's way meanwhile would cost CPU the link then makes pointless.
     */
    private static final long WAIT = 2_000;

    /**
     * The threads waiting for the link under way. One waits, and its core is the link's; a second
     * thread that waited too would leave a core idle while the link runs (both of a check's threads
     * on two cores did, ~0.1-0.25 s of wall time at the start of a run with approvals), so it
     * hashes the JDK's way meanwhile and goes on checking.
     */
    private static final AtomicInteger WAITING = new AtomicInteger();

    private Sha256() {}

    /**
     * The digest of {@code bytes[0..length)}.
     *
     * @param jdk the caller's JDK digest, used (and left reset) when the native one is not
     */
    static byte[] digest(MessageDigest jdk, byte[] bytes, int length) {
        return digest(() -> jdk, bytes, length);
    }

    /**
     * The digest of {@code bytes[0..length)}.
     *
     * @param jdk gives the caller's JDK digest, asked for (and left reset) only when the native one
     *     is not used
     */
    static byte[] digest(Supplier<MessageDigest> jdk, byte[] bytes, int length) {
        Linked n = linked;
        if (n == null) {
            n = whenWorthIt(length);
        }
        if (n != null) {
            byte[] digest = n.digest(bytes, length);
            if (digest != null) {
                return digest;
            }
        }
        MessageDigest md = jdk.get();
        md.update(bytes, 0, length);
        return md.digest();
    }

    /** The bytes hashed so far in this process while the native digest was not linked. */
    static long hashed() {
        return HASHED.get();
    }

    /** The native digest if it is linked now; starts linking it once the run has hashed enough. */
    private static Linked whenWorthIt(int length) {
        if (started) {
            return whenLinked();
        }
        if (MODE.equals("native") || MODE.equals("nss")) {
            synchronized (Sha256.class) {
                if (linked == null) {
                    linked =
                            linkAny()
                                    .orElseThrow(
                                            () ->
                                                    new IllegalStateException(
                                                            PROPERTY
                                                                    + "="
                                                                    + MODE
                                                                    + " but no native SHA-256"
                                                                    + " can be linked (libcrypto:"
                                                                    + " Java 22+ with native"
                                                                    + " access on Linux; NSS:"
                                                                    + " the SunPKCS11 provider"
                                                                    + " and libsoftokn3)"));
                }
                return linked;
            }
        }
        long hashed = HASHED.addAndGet(length);
        if (hashed < AFTER) {
            RunSize run = RunSize.current;
            if (run != null && run.projects(hashed, AFTER) && start()) {
                // the run will cross the line: link now, on a thread of its own, while the run's
                // threads go on parsing and checking; the next digest they need waits for it
                Thread link = new Thread(Sha256::link, "specgate-sha256-link");
                link.setDaemon(true);
                link.start();
            }
            return null;
        }
        if (!start()) {
            return whenLinked();
        }
        // linked on the thread that crossed the line; the others wait for it
        link();
        return linked;
    }

    /**
     * The native digest once linking is over, or null when it could not be linked; null too, while
     * the link is under way, when another thread already waits for it ({@link #WAITING}).
     */
    private static Linked whenLinked() {
        Linked n = linked;
        if (n == null && LINKING.getCount() > 0 && !MODE.equals("java")) {
            if (WAITING.getAndIncrement() > 0) {
                WAITING.decrementAndGet();
                return linked;
            }
            try {
                LINKING.await(WAIT, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                WAITING.decrementAndGet();
            }
            n = linked;
        }
        return n;
    }

    /** Whether {@link #linkAhead} may link: the default mode, and nothing started yet. */
    static boolean mayLinkAhead() {
        return MODE.equals("auto") && !started;
    }

    /**
     * Links the native digest now, on the calling thread, unless linking was started already: a
     * large run with approvals is coming ({@link RunSize#ahead}).
     */
    static void linkAhead() {
        if (mayLinkAhead() && start()) {
            link();
        }
    }

    /** Whether this caller is the one to link (only one ever is). */
    private static synchronized boolean start() {
        if (started) {
            return false;
        }
        started = true;
        return true;
    }

    private static void link() {
        try {
            linked = linkAny().orElse(null);
        } finally {
            LINKING.countDown();
        }
    }

    /**
     * NSS's digest where it links, else libcrypto's; for {@code specgate.sha256=native} libcrypto's
     * first, for {@code nss} only NSS's. NSS first because it is the cheaper link: ~0.06 s of CPU
     * on a cold JVM (JDK 25, C1) where libcrypto's costs ~0.15 s (the foreign function API spins
     * ~400 classes of method handles and call bindings), ~0.03 s against ~0.09 s with an AOT cache
     * that holds the classes; both then hash ~1.4-1.6 GB/s.
     */
    private static Optional<Linked> linkAny() {
        if (MODE.equals("native")) {
            Optional<Native> libcrypto = Native.link();
            if (libcrypto.isPresent()) {
                return Optional.of(libcrypto.get());
            }
        }
        Optional<Nss> nss = Nss.link();
        if (nss.isPresent() || MODE.equals("nss") || MODE.equals("native")) {
            return nss.map(Linked.class::cast);
        }
        return Native.link().map(Linked.class::cast);
    }

    /** A SHA-256 outside the JDK's Java code: libcrypto's or NSS's. */
    interface Linked {

        /**
         * The digest of {@code bytes[0..length)}, or null when this call failed (the caller then
         * uses the JDK's).
         */
        byte[] digest(byte[] bytes, int length);
    }

    /** libcrypto's {@code SHA256(data, length, out)}, linked through {@code java.lang.foreign}. */
    static final class Native implements Linked {

        private static final byte[] ABC_DIGEST =
                HexFormat.of()
                        .parseHex(
                                "ba7816bf8f01cfea414140de5dae2223"
                                        + "b00361a396177a9cb410ff61f20015ad");

        /** (Object data, long length, Object out) -> Object, the segments made from arrays. */
        private final MethodHandle sha256;

        /** (byte[]) -> Object: {@code MemorySegment.ofArray}. */
        private final MethodHandle ofArray;

        private Native(MethodHandle sha256, MethodHandle ofArray) {
            this.sha256 = sha256;
            this.ofArray = ofArray;
        }

        @Override
        public byte[] digest(byte[] bytes, int length) {
            byte[] out = new byte[32];
            try {
                Object unused =
                        (Object)
                                sha256.invokeExact(
                                        (Object) ofArray.invokeExact(bytes),
                                        (long) length,
                                        (Object) ofArray.invokeExact(out));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("libcrypto's SHA256 failed", e);
            }
            return out;
        }

        /** Whether linking can be tried at all, without touching the foreign function API. */
        static boolean possible() {
            return ForeignCalls.possible();
        }

        /**
         * The linked digest, checked on a known text; empty when anything is missing or wrong
         * ({@link ForeignCalls} links it).
         */
        static Optional<Native> link() {
            return ForeignCalls.link(
                    calls -> {
                        Optional<Object> symbol =
                                calls.inLibrary("SHA256", "libcrypto.so.3", "libcrypto.so.1.1");
                        if (symbol.isEmpty()) {
                            return Optional.empty();
                        }
                        Object address = calls.layout("ADDRESS");
                        Native n =
                                new Native(
                                        calls.critical(
                                                symbol.get(),
                                                address,
                                                MethodType.methodType(
                                                        Object.class,
                                                        Object.class,
                                                        long.class,
                                                        Object.class),
                                                address,
                                                calls.layout("JAVA_LONG"),
                                                address),
                                        calls.ofArray());
                        byte[] abc = {'a', 'b', 'c', 0};
                        return Arrays.equals(n.digest(abc, 3), ABC_DIGEST)
                                ? Optional.of(n)
                                : Optional.empty();
                    });
        }
    }

    /**
     * NSS's SHA-256 through the JDK's {@code SunPKCS11} provider, configured for NSS's software
     * token without a database (no key database, nothing is registered with {@link Security}): the
     * JDK's own JNI bridge to the system's {@code libsoftokn3}, which uses the SHA instructions.
     * Reached without the foreign function API, so Java 17-21 have it too. One {@link
     * MessageDigest} per thread (each holds a PKCS#11 session while it hashes).
     */
    static final class Nss implements Linked {

        /**
         * An inline {@code SunPKCS11} configuration (a string starting with {@code --}). {@code
         * explicitCancel=false}: a digest's session goes back to the provider's pool when the
         * digest ends, instead of being closed and a new one opened for the next digest (the
         * default, meant for operations abandoned half-way: each digest here ends with {@code
         * C_DigestFinal}, and one that fails is never retried on NSS, {@link #failed}). Opening and
         * closing a session per spec, each with a phantom reference for the collector, was ~10 % of
         * the approval check's CPU in a check of 5,600 approved specs.
         */
        private static final String CONFIG =
                "--name=specgate-sha256\nnssDbMode=noDb\nnssModule=crypto\nexplicitCancel=false\n";

        /** The provider class {@link #provider()} looks for. */
        private static final String PROVIDER_CLASS = "sun.security.pkcs11.SunPKCS11";

        private final Provider provider;
        private final ThreadLocal<MessageDigest> digests = new ThreadLocal<>();

        /**
         * Set when a digest failed: the JDK's digest from then on, on every thread (a session left
         * in the middle of an operation would fail the next digest that took it from the pool).
         */
        private volatile boolean failed;

        private Nss(Provider provider) {
            this.provider = provider;
        }

        @Override
        public byte[] digest(byte[] bytes, int length) {
            if (failed) {
                return null;
            }
            MessageDigest md = digests.get();
            try {
                if (md == null) {
                    md = MessageDigest.getInstance("SHA-256", provider);
                    digests.set(md);
                }
                md.update(bytes, 0, length);
                return md.digest();
            } catch (NoSuchAlgorithmException | ProviderException e) {
                failed = true;
                digests.remove();
                return null;
            }
        }

        /** The configured provider's digest, checked on a known text; empty when anything fails. */
        static Optional<Nss> link() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return Optional.empty();
            }
            try {
                Provider base = provider();
                if (base == null) {
                    return Optional.empty(); // a runtime image without jdk.crypto.cryptoki
                }
                Nss n = new Nss(base.configure(CONFIG));
                byte[] abc = {'a', 'b', 'c', 0};
                return Arrays.equals(n.digest(abc, 3), Native.ABC_DIGEST)
                        ? Optional.of(n)
                        : Optional.empty();
            } catch (RuntimeException | LinkageError e) {
                // no NSS (configure throws a ProviderException), or a JDK without configure
                return Optional.empty();
            }
        }

        /**
         * The JDK's {@code SunPKCS11} provider, unconfigured, or null. Found among the providers
         * the JDK's modules declare, by class, without creating the others: {@code
         * Security.getProvider("SunPKCS11")} creates every provider listed before it in {@code
         * java.security} (ten of them, ~0.015 s of CPU on a cold JVM). Through {@link Security}
         * when the modules do not declare it.
         */
        private static Provider provider() {
            try {
                Optional<Provider> declared =
                        ServiceLoader.load(Provider.class, ClassLoader.getSystemClassLoader())
                                .stream()
                                .filter(p -> p.type().getName().equals(PROVIDER_CLASS))
                                .findFirst()
                                .map(ServiceLoader.Provider::get);
                if (declared.isPresent()) {
                    return declared.get();
                }
            } catch (ServiceConfigurationError e) {
                // a provider the loader could not read: ask the security framework instead
            }
            return Security.getProvider("SunPKCS11");
        }
    }
}
