package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.baseline.Baseline;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.discovery.ChangeSelection;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run over many specs does besides checking them. Everything is computed from the one read
 * and parse of each file.
 *
 * @param check the date, fixed strictness (if any) and layout tracing of the check
 * @param fix whether to apply the safe fixes first (and check the fixed text)
 * @param changes keep only the specs a change concerns (changed, or linking to a change)
 * @param baseline hide the findings this baseline records
 * @param fingerprints compute every finding's baseline fingerprint, with paths relative to this
 *     folder (for {@code --write-baseline})
 * @param summaries also summarize each spec (for {@code list} and the dashboard)
 * @param cache reuse and record results in the incremental cache ({@code --cache} or {@code
 *     --no-cache}); empty follows the configuration's {@code cache:} key, which is off by default
 */
public record RunOptions(
        CheckOptions check,
        boolean fix,
        Optional<ChangeSelection> changes,
        Optional<LoadedBaseline> baseline,
        Optional<Path> fingerprints,
        boolean summaries,
        Optional<Boolean> cache) {

    /**
     * A baseline read from a file; its fingerprints' paths are relative to the file's folder.
     *
     * @param file the baseline file
     * @param baseline its findings
     */
    public record LoadedBaseline(Path file, Baseline baseline) {
        public LoadedBaseline {
            requireNonNull(file, "file must not be null");
            requireNonNull(baseline, "baseline must not be null");
        }

        /** The folder recorded paths are relative to. */
        public Path dir() {
            return file.toAbsolutePath().normalize().getParent();
        }
    }

    public RunOptions {
        requireNonNull(check, "check must not be null");
        requireNonNull(changes, "changes must not be null");
        requireNonNull(baseline, "baseline must not be null");
        requireNonNull(fingerprints, "fingerprints must not be null");
        requireNonNull(cache, "cache must not be null");
    }

    /** Just the check. */
    public static RunOptions of(CheckOptions check) {
        return new RunOptions(
                check,
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty());
    }

    public RunOptions withFix(boolean on) {
        return new RunOptions(check, on, changes, baseline, fingerprints, summaries, cache);
    }

    public RunOptions withChanges(ChangeSelection selection) {
        return new RunOptions(
                check, fix, Optional.of(selection), baseline, fingerprints, summaries, cache);
    }

    public RunOptions withBaseline(LoadedBaseline known) {
        return new RunOptions(
                check, fix, changes, Optional.of(known), fingerprints, summaries, cache);
    }

    public RunOptions withFingerprints(Path relativeTo) {
        return new RunOptions(
                check, fix, changes, baseline, Optional.of(relativeTo), summaries, cache);
    }

    /** Turns the incremental cache on or off for this run, whatever the configuration says. */
    public RunOptions withCache(boolean on) {
        return new RunOptions(
                check, fix, changes, baseline, fingerprints, summaries, Optional.of(on));
    }

    public RunOptions withSummaries(boolean on) {
        return new RunOptions(check, fix, changes, baseline, fingerprints, on, cache);
    }
}
