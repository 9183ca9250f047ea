package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.LinkTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a warm surface remembers of files it reports again and again (the dashboard's preview server
 * counts the task lists' findings at every rebuild of its overview): each file's result as {@code
 * check} reports it ({@link SpecProject#reported}: the configured baseline applied), reused while
 * core's one rule ({@link ResultValidity}, as {@code check --cache} reuses results) says it holds:
 * the same {@link SpecProject#resultKey} (build, template, configuration, date, strictness), the
 * same bytes (the file's stamp proves it, else the checksum of the bytes read again), every link
 * target the check asked about existing or missing as it did, and the same configured baseline.
 * Otherwise the file is read, parsed and checked again by the project's checker, as {@link
 * SpecProject#inspect(Path, CheckOptions)} checks it. A project whose metadata stands in a file
 * beside each spec ({@code metadata: {sidecar: ...}}) is checked afresh each time: that file is not
 * tracked; so is a file that cannot be read. Remembers results without their documents.
 * Thread-safe.
 */
public final class WarmResults {

    /** What one check of one file depended on, and what it gave. */
    private record Entry(
            String key,
            RunOptions.LoadedBaseline baseline,
            ResultValidity.Stamp stamp,
            long recordedNanos,
            long checksum,
            Map<Path, Boolean> links,
            CheckResult reported) {

        boolean dependenciesStill(String resultKey, RunOptions.LoadedBaseline now) {
            return key.equals(resultKey)
                    && baseline == now
                    && ResultValidity.linksStill(links, Files::exists);
        }
    }

    private final SpecProject project;
    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong checked = new AtomicLong();

    /** An empty memory of {@code project}'s results. */
    public WarmResults(SpecProject project) {
        this.project = requireNonNull(project, "project must not be null");
    }

    /**
     * {@code file}'s result as {@code check} reports it today ({@code options}), from memory while
     * it still holds, else checked now (and remembered).
     *
     * @throws BaselineException when the configured baseline cannot be read
     */
    public CheckResult reported(Path file, CheckOptions options) throws BaselineException {
        requireNonNull(file, "file must not be null");
        requireNonNull(options, "options must not be null");
        if (project.schema().sidecar().isPresent()) {
            return afresh(file, options);
        }
        String key = project.resultKey(options);
        RunOptions.LoadedBaseline baseline = project.baselineNow().orElse(null);
        long now = ResultValidity.nowNanos();
        ResultValidity.Stamp stamp = ResultValidity.Stamp.read(file);
        Entry known = entries.get(file);
        if (known != null
                && ResultValidity.provesUnchanged(known.stamp(), known.recordedNanos(), stamp)
                && known.dependenciesStill(key, baseline)) {
            return known.reported();
        }
        SpecSource source;
        try {
            source = project.read(file);
        } catch (UnreadableSpecException e) {
            entries.remove(file);
            return afresh(file, options);
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
                    new Entry(
                            key, baseline, stamp, now, checksum, known.links(), known.reported()));
            return known.reported();
        }
        checked.incrementAndGet();
        SpecDocument doc = project.parse(file, source.text());
        // the link targets the check asked about (and whether each existed), as core's result
        // cache records them
        LinkTargets targets = new LinkTargets();
        CheckResult result = project.checker().checkSource(file, doc, source, options, targets);
        CheckResult reported =
                project.reported(
                                new CheckedSpec(
                                        file,
                                        source,
                                        doc,
                                        result,
                                        project.schema(),
                                        options.today()))
                        .withoutDocument();
        if (stamp != null && stamp.size() == source.bytes().length) {
            entries.put(
                    file,
                    new Entry(key, baseline, stamp, now, checksum, targets.asked(), reported));
        } else {
            entries.remove(file); // changed while it was read: do not record a mixture
        }
        return reported;
    }

    /** Forgets every file but {@code files} (those gone, or no longer found). */
    public void retainOnly(Collection<Path> files) {
        Set<Path> kept = new HashSet<>(files);
        entries.keySet().removeIf(p -> !kept.contains(p));
    }

    /** How many files were parsed and checked rather than taken from memory, since made. */
    public long checkedAfresh() {
        return checked.get();
    }

    /** How many files are remembered. */
    public int size() {
        return entries.size();
    }

    private CheckResult afresh(Path file, CheckOptions options) throws BaselineException {
        checked.incrementAndGet();
        return project.reported(project.inspect(file, options)).withoutDocument();
    }
}
