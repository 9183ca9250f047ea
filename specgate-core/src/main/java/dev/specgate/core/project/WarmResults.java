package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.rules.LinkTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * What a warm surface remembers of files it checks again and again, the one such memory: the
 * dashboard's preview server counts the task lists' findings at every rebuild of its overview
 * ({@link #reported()}: results as {@code check} reports them, the configured baseline applied),
 * the MCP server answers {@code check} and {@code list_specs} ({@link #checked}: results and
 * summaries, no baseline). What a file's check gave is reused while core's one rule ({@link
 * ResultValidity}, as {@code check --cache} reuses results) says it holds: the same {@link
 * SpecProject#resultKey} (build, template, configuration, date, strictness), the same bytes (the
 * file's stamp proves it, else the checksum of the bytes read again), every link target the check
 * asked about existing or missing as it did, and, for results reported with it, the same configured
 * baseline. Otherwise the file is read, parsed and checked again by {@link SpecProject#inspect}. A
 * project whose metadata stands in a file beside each spec ({@code metadata: {sidecar: ...}}) is
 * checked afresh each time: that file is not tracked; so is a check that traces the File
 * Organization ({@link CheckOptions#trace}: the folders it looks at are not tracked either; the
 * result cache refuses both alike), and a file that cannot be read. Keeps no document. Thread-safe.
 *
 * @param <T> what is kept of each file's check
 */
public final class WarmResults<T> {

    /** What is kept of one file checked afresh, made from the spec as checked. */
    @FunctionalInterface
    public interface Keep<T> {

        /**
         * What to keep of {@code checked} (its document and source still there; keep neither).
         *
         * @throws BaselineException when the configured baseline cannot be read
         */
        T of(SpecProject project, CheckedSpec checked) throws BaselineException;
    }

    /** What one check of one file depended on, and what it gave. */
    private record Entry<T>(
            String key,
            RunOptions.LoadedBaseline baseline,
            ResultValidity.Stamp stamp,
            long recordedNanos,
            long checksum,
            Map<Path, Boolean> links,
            T kept) {

        boolean dependenciesStill(String resultKey, RunOptions.LoadedBaseline now) {
            return key.equals(resultKey)
                    && baseline == now
                    && ResultValidity.linksStill(links, Files::exists);
        }
    }

    private final Keep<T> keep;
    private final boolean baselined;
    private final Map<Path, Entry<T>> entries = new ConcurrentHashMap<>();
    private final AtomicLong checked = new AtomicLong();

    private WarmResults(Keep<T> keep, boolean baselined) {
        this.keep = requireNonNull(keep, "keep must not be null");
        this.baselined = baselined;
    }

    /**
     * A memory of each file's result as {@code check} reports it ({@link SpecProject#reported}: the
     * configured baseline applied), which holds only while the baseline is the one it was reported
     * with. Ask it with one project: a project reads its baseline once while the file stays.
     */
    public static WarmResults<CheckResult> reported() {
        return new WarmResults<>((p, c) -> p.reported(c).withoutDocument(), true);
    }

    /**
     * A memory of what {@code keep} makes of each file's result as checked, no baseline applied (a
     * caller with a baseline to apply checks afresh).
     */
    public static <T> WarmResults<T> checked(Keep<T> keep) {
        return new WarmResults<>(keep, false);
    }

    /**
     * What is kept of {@code file}'s check by {@code project} today ({@code options}), from memory
     * while it still holds, else checked now (and remembered).
     *
     * @throws BaselineException when the configured baseline cannot be read (results reported with
     *     it)
     */
    public T get(SpecProject project, Path file, CheckOptions options) throws BaselineException {
        requireNonNull(project, "project must not be null");
        requireNonNull(file, "file must not be null");
        requireNonNull(options, "options must not be null");
        if (project.schema().sidecar().isPresent() || options.trace()) {
            // what neither the file's state nor its link targets follow: its metadata file, the
            // folders its File Organization promises
            return afresh(project, file, options);
        }
        String key = project.resultKey(options);
        RunOptions.LoadedBaseline baseline = baselined ? project.baselineNow().orElse(null) : null;
        long now = ResultValidity.nowNanos();
        ResultValidity.Stamp stamp = ResultValidity.Stamp.read(file);
        Entry<T> known = entries.get(file);
        if (known != null
                && ResultValidity.provesUnchanged(known.stamp(), known.recordedNanos(), stamp)
                && known.dependenciesStill(key, baseline)) {
            return known.kept();
        }
        SpecSource source;
        try {
            source = project.read(file);
        } catch (UnreadableSpecException e) {
            entries.remove(file);
            return afresh(project, file, options);
        }
        long checksum = ResultValidity.checksum(source.bytes());
        if (known != null
                && stamp != null
                && known.checksum() == checksum
                && known.stamp().size() == source.bytes().length
                && stamp.size() == source.bytes().length
                && known.dependenciesStill(key, baseline)) {
            // the same bytes under a new stamp: remember the new one
            entries.put(
                    file,
                    new Entry<>(key, baseline, stamp, now, checksum, known.links(), known.kept()));
            return known.kept();
        }
        checked.incrementAndGet();
        // the link targets the check asked about (and whether each existed), as core's result
        // cache records them
        LinkTargets targets = new LinkTargets();
        T kept = keep.of(project, project.inspect(file, source, options, null, targets));
        if (stamp != null && stamp.size() == source.bytes().length) {
            entries.put(
                    file, new Entry<>(key, baseline, stamp, now, checksum, targets.asked(), kept));
        } else {
            entries.remove(file); // changed while it was read: do not record a mixture
        }
        return kept;
    }

    /** Forgets every file but those {@code kept} accepts (those gone, or no longer found). */
    public void retainOnly(Predicate<? super Path> kept) {
        requireNonNull(kept, "kept must not be null");
        entries.keySet().removeIf(kept.negate());
    }

    /** How many files were parsed and checked rather than taken from memory, since made. */
    public long checkedAfresh() {
        return checked.get();
    }

    /** How many files are remembered. */
    public int size() {
        return entries.size();
    }

    private T afresh(SpecProject project, Path file, CheckOptions options)
            throws BaselineException {
        checked.incrementAndGet();
        return keep.of(project, project.inspect(file, options));
    }
}
