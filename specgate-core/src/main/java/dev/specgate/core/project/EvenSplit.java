package dev.specgate.core.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Maps a list on the calling thread and the common pool's workers, handing out a few items at a
 * time to whichever thread is free, so that every thread works until the list is done.
 *
 * <p>A parallel stream over a list cuts it into four parts per worker up front (on two cores, four
 * quarters of 2,500 specs), so one thread could be left checking the last quarter's rest alone: a
 * check of 10,000 specs used 1.7 of its 2 cores. Small batches taken in turn keep both busy to the
 * end. Public for the dashboard's {@code site}, which maps its spec pages so too.
 */
public final class EvenSplit {

    /** Items a thread takes at a time: a few milliseconds of specs, little left over at the end. */
    static final int BATCH = 8;

    private EvenSplit() {}

    /**
     * {@code items} mapped by {@code fn}, in their order. The first failure of {@code fn} (in a run
     * a bug: {@code fn} reports a file's trouble in its result; in the site a page that could not
     * be written) is thrown once every thread has stopped, each after its batch. A list of one
     * batch or less is mapped on the calling thread alone, which starts no worker.
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> fn) {
        return map(items, BATCH, fn);
    }

    /**
     * As {@link #map(List, Function)}, {@code batch} items at a time: one for a short list of
     * unequal pieces of work (the site's portfolio pages and the timeline's ranges of rows).
     */
    public static <T, R> List<R> map(
            List<T> items, int batch, Function<? super T, ? extends R> fn) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1: " + batch);
        }
        int n = items.size();
        Object[] out = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work =
                () -> {
                    try {
                        int start;
                        while (failure.get() == null && (start = next.getAndAdd(batch)) < n) {
                            int end = Math.min(n, start + batch);
                            for (int i = start; i < end; i++) {
                                out[i] = fn.apply(items.get(i));
                            }
                        }
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    }
                };
        int helpers = n <= batch ? 0 : ForkJoinPool.getCommonPoolParallelism();
        List<ForkJoinTask<?>> started = new ArrayList<>(helpers);
        for (int i = 0; i < helpers; i++) {
            started.add(ForkJoinPool.commonPool().submit(work));
        }
        work.run();
        for (ForkJoinTask<?> task : started) {
            task.join(); // the work never throws: failures are kept in `failure`
        }
        Throwable first = failure.get();
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<R> mapped = (List<R>) Arrays.asList(out);
        return mapped;
    }
}
