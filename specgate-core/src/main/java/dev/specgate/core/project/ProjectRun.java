package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.baseline.Baseline;
import dev.specgate.core.baseline.Finding;
import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.fix.SpecFixer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of a run over many specs: one entry per file checked, sorted by path, holding no
 * parse trees.
 *
 * @param files one outcome per file, sorted by path
 * @param baselines the baselines that were applied, each with its own counts, in the order the
 *     run's parts applied them (a run over several configurations can apply several)
 */
public record ProjectRun(List<FileOutcome> files, List<BaselineUse> baselines) {

    /**
     * A baseline applied and what it did.
     *
     * @param file the baseline file
     * @param hidden how many findings it hid
     * @param stale how many of its recorded findings of the files checked matched nothing ({@link
     *     Baseline.Filtered#stale()})
     * @param moved how many of the hidden findings it recorded under a path no file has now: a spec
     *     renamed or moved since ({@link Baseline.Filtered#moved()})
     * @param held its recorded findings that still hold, and those of files the run did not check
     *     ({@link Baseline.Filtered#held()}): the baseline {@code check --prune-baseline} writes
     */
    public record BaselineUse(Path file, long hidden, long stale, long moved, List<Finding> held) {
        public BaselineUse {
            requireNonNull(file, "file must not be null");
            held = List.copyOf(held);
        }

        /** A baseline use that keeps no findings. */
        public BaselineUse(Path file, long hidden, long stale, long moved) {
            this(file, hidden, stale, moved, List.of());
        }

        /** A baseline use that followed no renamed spec. */
        public BaselineUse(Path file, long hidden, long stale) {
            this(file, hidden, stale, 0);
        }

        /** The baseline without its entries fixed since, and nothing new: {@link #held}. */
        public Baseline pruned() {
            return Baseline.of(held);
        }

        /**
         * What it did, in the one sentence every surface says: {@code 4 known findings hidden by
         * the baseline B; 2 entries match nothing now (refresh it with specgate check
         * --write-baseline B)}; empty when it did neither.
         */
        Optional<String> said(String shown) {
            if (hidden == 0 && stale == 0) {
                return Optional.empty();
            }
            String said =
                    (hidden == 0
                                    ? "no known finding"
                                    : hidden + (hidden == 1 ? " known finding" : " known findings"))
                            + " hidden by the baseline "
                            + shown;
            if (moved > 0) {
                said +=
                        ", "
                                + (moved < hidden
                                        ? moved + " of them "
                                        : hidden == 1 ? "" : "all of them ")
                                + "recorded for a spec under a name it no longer has (renamed or moved)";
            }
            if (stale > 0) {
                said +=
                        "; "
                                + stale
                                + (stale == 1 ? " entry matches" : " entries match")
                                + " nothing now (refresh it with specgate check --write-baseline "
                                + shown
                                + ")";
            } else if (moved > 0) {
                said +=
                        "; refresh it with specgate check --write-baseline "
                                + shown
                                + " to record them under the names they have now";
            }
            return Optional.of(said);
        }
    }

    /**
     * One file of a run.
     *
     * @param result the check (after the baseline, if any), without its document
     * @param findings every finding's fingerprint, when asked for (before the baseline)
     * @param summary its summary, when asked for, else null
     * @param fixes the fixes written to it, when fixing
     * @param withheld the fixes not written because they would void its approval, when fixing
     */
    public record FileOutcome(
            CheckResult result,
            List<Finding> findings,
            SpecSummary summary,
            List<SpecFixer.Fix> fixes,
            Optional<SpecFixer.Withheld> withheld) {
        public FileOutcome {
            requireNonNull(result, "result must not be null");
            findings = List.copyOf(findings);
            fixes = List.copyOf(fixes);
            requireNonNull(withheld, "withheld must not be null");
        }

        /** An outcome with no fix withheld. */
        public FileOutcome(
                CheckResult result,
                List<Finding> findings,
                SpecSummary summary,
                List<SpecFixer.Fix> fixes) {
            this(result, findings, summary, fixes, Optional.empty());
        }

        public Path path() {
            return result.path();
        }
    }

    public ProjectRun {
        files = List.copyOf(files);
        baselines = List.copyOf(baselines);
    }

    /**
     * A run that applied {@code baseline}, if any, which hid {@code hidden} findings and found
     * {@code stale} of its entries matching nothing.
     */
    public ProjectRun(List<FileOutcome> files, long hidden, long stale, Optional<Path> baseline) {
        this(
                files,
                baseline.map(b -> List.of(new BaselineUse(b, hidden, stale))).orElse(List.of()));
    }

    /** A run with no baseline entry matching nothing. */
    public ProjectRun(List<FileOutcome> files, long hidden, Optional<Path> baseline) {
        this(files, hidden, 0, baseline);
    }

    /** How many findings the baselines hid, all together. */
    public long hidden() {
        return baselines.stream().mapToLong(BaselineUse::hidden).sum();
    }

    /** How many entries of the baselines matched nothing, all together. */
    public long stale() {
        return baselines.stream().mapToLong(BaselineUse::stale).sum();
    }

    /** The first baseline applied, if any ({@link #baselines()} has them all). */
    public Optional<Path> baseline() {
        return baselines.stream().map(BaselineUse::file).findFirst();
    }

    /**
     * What the baselines did, as every surface says it, one sentence per baseline that did
     * something: how many known findings it hid and how many of its entries for the files checked
     * matched nothing (found fixed: left in, they would hide the same problem if it came back),
     * with the command that rewrites it ({@link BaselineUse#said}). A stale entry does not fail the
     * run: the findings reported are the same either way.
     *
     * @param shown a baseline file as the surface names it
     */
    public List<String> baselineNotes(Function<Path, String> shown) {
        requireNonNull(shown, "shown must not be null");
        List<String> notes = new ArrayList<>();
        for (BaselineUse b : baselines) {
            b.said(shown.apply(b.file())).ifPresent(notes::add);
        }
        return notes;
    }

    /** The checks, as reports take them. */
    public CheckRun checkRun() {
        CheckResult[] results = new CheckResult[files.size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = files.get(i).result();
        }
        return new CheckRun(Arrays.asList(results));
    }

    /**
     * The same run with only the errors of each file ({@link CheckResult#errorsOnly}), for {@code
     * check --errors-only}: warnings and infos are left out of every report format alike, while
     * whether the run fails is still judged on this whole run ({@link SpecProject#fails}).
     */
    public ProjectRun errorsOnly() {
        return new ProjectRun(
                files.stream()
                        .map(
                                f ->
                                        new FileOutcome(
                                                f.result().errorsOnly(),
                                                f.findings(),
                                                f.summary(),
                                                f.fixes(),
                                                f.withheld()))
                        .toList(),
                baselines);
    }

    /**
     * The summaries, in file order (only when they were asked for), with a row for each folder the
     * search could not read ({@link CheckResult#unsearchedFolder()}).
     */
    public List<SpecSummary> summaries() {
        return files.stream().map(FileOutcome::summary).filter(s -> s != null).toList();
    }

    /** The summaries of the specs and task lists alone: no row for a folder it could not read. */
    public List<SpecSummary> specSummaries() {
        return files.stream()
                .filter(f -> !f.result().unsearchedFolder())
                .map(FileOutcome::summary)
                .filter(s -> s != null)
                .toList();
    }

    /** The results of the folders the search could not read, in path order: no specs. */
    public List<CheckResult> unsearchedFolders() {
        return files.stream()
                .map(FileOutcome::result)
                .filter(CheckResult::unsearchedFolder)
                .toList();
    }

    /** A baseline of every finding (only when fingerprints were asked for). */
    public Baseline baselineOfAll() {
        List<Finding> all = new ArrayList<>();
        files.forEach(f -> all.addAll(f.findings()));
        return Baseline.of(all);
    }

    /**
     * The same run with the files of another one added (a run over several projects), and its
     * baselines: one that both applied (two configurations naming the same file) once, its counts
     * added up.
     */
    public ProjectRun plus(ProjectRun other) {
        List<FileOutcome> both = new ArrayList<>(files);
        both.addAll(other.files);
        // a plain lambda, not Comparator.comparing: see Diagnostic.compareTo
        both.sort((a, b) -> String.valueOf(a.path()).compareTo(String.valueOf(b.path())));
        Map<Path, BaselineUse> uses = new LinkedHashMap<>();
        for (BaselineUse b : baselines) {
            uses.merge(b.file(), b, ProjectRun::added);
        }
        for (BaselineUse b : other.baselines) {
            uses.merge(b.file(), b, ProjectRun::added);
        }
        return new ProjectRun(both, List.copyOf(uses.values()));
    }

    private static BaselineUse added(BaselineUse a, BaselineUse b) {
        List<Finding> held = new ArrayList<>(a.held());
        held.addAll(b.held());
        return new BaselineUse(
                a.file(),
                a.hidden() + b.hidden(),
                a.stale() + b.stale(),
                a.moved() + b.moved(),
                held);
    }
}
