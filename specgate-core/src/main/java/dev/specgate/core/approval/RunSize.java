package dev.specgate.core.approval;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many specs a run checks, told to the approval fingerprint's digest so that a large run links
 * libcrypto's SHA-256 at once instead of hashing its first {@link Sha256#NATIVE_AFTER} bytes the
 * JDK's way first (under C1 ~8 ns a byte: ~0.13 s of a run that hashes 16 MB or more).
 *
 * <p>The run counts each spec as it starts ({@link #spec()}); once {@value #SAMPLE} specs were
 * counted, the bytes hashed so far, scaled from the specs counted to the run's size, project what
 * the whole run will hash. When that reaches the line at which the digest links libcrypto anyway,
 * it is linked at once, on a thread of its own. A run whose specs are mostly unapproved, or small,
 * projects less and keeps the JDK's digest (linking costs ~0.15-0.3 s of CPU, as much as hashing
 * ~20-30 MB the JDK's way). Only a hint: the hashes are the same either way.
 *
 * <p>One run at a time is followed (the latest started); a run in a server that checks one spec at
 * a time is too small to be followed at all.
 */
public final class RunSize implements AutoCloseable {

    /** Specs counted before the run's projection is trusted. */
    static final int SAMPLE = 64;

    private static final RunSize NONE = new RunSize(0, 0);

    /** The run being followed, if any. */
    static volatile RunSize current;

    private final int specs;
    private final long hashedBefore;
    private final AtomicInteger started = new AtomicInteger();

    private RunSize(int specs, long hashedBefore) {
        this.specs = specs;
        this.hashedBefore = hashedBefore;
    }

    /**
     * The start of a run of {@code specs} specs; close it when the run ends. A run of fewer than
     * {@value #SAMPLE} specs is not followed (the object does nothing).
     */
    public static RunSize of(int specs) {
        if (specs < SAMPLE) {
            return NONE;
        }
        RunSize run = new RunSize(specs, Sha256.hashed());
        current = run;
        return run;
    }

    /** One more spec of the run starts. */
    public void spec() {
        if (this != NONE) {
            started.incrementAndGet();
        }
    }

    /**
     * Whether the run, having hashed up to {@code hashed} bytes since the process started, will
     * hash {@code line} bytes or more by the projection of its first specs.
     */
    boolean projects(long hashed, long line) {
        int seen = started.get();
        if (seen < SAMPLE) {
            return false;
        }
        long mine = hashed - hashedBefore;
        return mine > 0 && (double) mine * specs / seen >= line;
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
    }
}
