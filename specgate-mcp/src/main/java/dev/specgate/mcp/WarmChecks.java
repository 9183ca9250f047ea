package dev.specgate.mcp;

import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.FixFailedException;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.ResultValidity;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.LinkTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a warm server remembers between calls: for each spec, its check result and summary (never
 * its parse tree). An answer is reused while it still holds by core's one rule ({@link
 * ResultValidity}, as {@code check --cache} reuses results): the same {@link SpecProject#resultKey}
 * (build, template, configuration, date), the same bytes (its stamp proves it, else the checksum of
 * the bytes read again), and every link target the check asked about existing or missing as it did;
 * otherwise the spec is checked again through the project's checker, exactly as {@link
 * SpecProject#run} checks it. A project whose metadata stands in a file beside each spec ({@code
 * metadata: {sidecar: ...}}) is checked afresh each time: that file is not tracked. Thread-safe.
 */
final class WarmChecks {

    /** A spec's verdict and summary. */
    record Checked(CheckResult result, SpecSummary summary) {}

    /** What one check of one file depended on, and what it gave. */
    private record Entry(
            String key,
            ResultValidity.Stamp stamp,
            long recordedNanos,
            long checksum,
            Map<Path, Boolean> links,
            Checked checked) {

        boolean dependenciesStill(String resultKey) {
            return key.equals(resultKey) && ResultValidity.linksStill(links, Files::exists);
        }
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

    /** How many specs are remembered. */
    int size() {
        return entries.size();
    }

    /**
     * Checks {@code files} of {@code project} as {@link SpecProject#run} would (without a
     * baseline), reusing what is still valid; sorted by path as a run sorts them.
     */
    List<Checked> check(SpecProject project, List<Path> files, CheckOptions options) {
        if (project.schema().sidecar().isPresent()) {
            return uncached(project, files, options);
        }
        String key = project.resultKey(options);
        List<Checked> out = files.parallelStream().map(f -> one(project, key, f, options)).toList();
        return out.stream()
                .sorted(Comparator.comparing(c -> String.valueOf(c.result().path())))
                .toList();
    }

    /** Forgets the specs under {@code root} that are not among {@code kept}. */
    void retainOnly(Path root, Set<Path> kept) {
        entries.keySet().removeIf(p -> p.startsWith(root) && !kept.contains(p));
    }

    private Checked one(SpecProject project, String key, Path file, CheckOptions options) {
        long now = ResultValidity.nowNanos();
        ResultValidity.Stamp stamp = ResultValidity.Stamp.read(file);
        Entry known = entries.get(file);
        if (known != null
                && ResultValidity.provesUnchanged(known.stamp(), known.recordedNanos(), stamp)
                && known.dependenciesStill(key)) {
            return known.checked();
        }
        SpecSource source;
        try {
            source = project.read(file);
        } catch (UnreadableSpecException e) {
            entries.remove(file);
            return uncached(project, List.of(file), options).get(0);
        }
        long checksum = ResultValidity.checksum(source.bytes());
        if (known != null
                && stamp != null
                && known.checksum() == checksum
                && known.stamp().size() == source.bytes().length
                && stamp.size() == source.bytes().length
                && known.dependenciesStill(key)) {
            // the same bytes under a new stamp: remember the new one
            entries.put(file, new Entry(key, stamp, now, checksum, known.links(), known.checked()));
            return known.checked();
        }
        SpecDocument doc = project.parse(file, source.text());
        // the link targets the check asked about (and whether each existed), as core's result
        // cache records them
        LinkTargets targets = new LinkTargets();
        CheckResult result = project.checker().check(file, doc, source.text(), options, targets);
        Checked checked =
                new Checked(
                        result.withoutDocument(),
                        SpecSummary.of(result, project.schema(), options.today()));
        if (stamp != null && stamp.size() == source.bytes().length) {
            entries.put(file, new Entry(key, stamp, now, checksum, targets.asked(), checked));
        } else {
            entries.remove(file); // changed while it was read: do not record a mixture
        }
        return checked;
    }

    /** Files checked by a run, as without this memory (a file that cannot be read among them). */
    private static List<Checked> uncached(
            SpecProject project, List<Path> files, CheckOptions options) {
        try {
            ProjectRun run = project.run(files, RunOptions.of(options).withSummaries(true));
            List<Checked> out = new java.util.ArrayList<>();
            for (int i = 0; i < run.checkRun().results().size(); i++) {
                out.add(new Checked(run.checkRun().results().get(i), run.summaries().get(i)));
            }
            return out;
        } catch (FixFailedException e) {
            throw new IllegalStateException("a run without fixes failed to fix", e);
        }
    }
}
