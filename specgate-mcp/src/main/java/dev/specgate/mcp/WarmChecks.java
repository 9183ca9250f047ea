package dev.specgate.mcp;

import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.FixFailedException;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.LinkTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a warm server remembers between calls: for each spec, its check result and summary (never
 * its parse tree), keyed by the sha256 of its bytes (not read again while the file's size, time and
 * inode stay, and the time is well before the check). An answer is reused only while the bytes, the
 * configuration and template, the date, and the existence of every link target the check asked
 * about are as they were; otherwise the spec is checked again through the project's checker,
 * exactly as {@link SpecProject#run} checks it. A project whose metadata stands in a file beside
 * each spec ({@code metadata: {sidecar: ...}}) is checked afresh each time: that file is not
 * tracked. Thread-safe.
 */
final class WarmChecks {

    /** A spec's verdict and summary. */
    record Checked(CheckResult result, SpecSummary summary) {}

    /** What one check of one file depended on, and what it gave. */
    private record Entry(
            String project,
            LocalDate today,
            Stat stat,
            long recordedMillis,
            byte[] sha,
            Map<Path, Boolean> links,
            Checked checked) {

        boolean still(String projectKey, LocalDate day, byte[] digest) {
            return Arrays.equals(sha, digest) && dependenciesStill(projectKey, day);
        }

        boolean dependenciesStill(String projectKey, LocalDate day) {
            if (!project.equals(projectKey) || !today.equals(day)) {
                return false;
            }
            for (Map.Entry<Path, Boolean> l : links.entrySet()) {
                if (Files.exists(l.getKey()) != l.getValue()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A file's size, modification time and identity (inode), taken before its bytes are read: while
     * they stay, the bytes are those hashed (every write changes the time, or the inode with a
     * rename), so the file need not be read and hashed again.
     */
    private record Stat(long size, FileTime modified, Object key) {
        /**
         * A time this close to (or after) the check that recorded it does not prove the file
         * unchanged: it could have been written again within the clock's granularity (as in core's
         * result cache).
         */
        static final long RACY_MILLIS = 2_000;

        boolean provesUnchanged(Stat now, long recordedMillis) {
            return equals(now) && modified.toMillis() < recordedMillis - RACY_MILLIS;
        }

        static Stat of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return a.fileKey() == null
                        ? null
                        : new Stat(a.size(), a.lastModifiedTime(), a.fileKey());
            } catch (IOException e) {
                return null;
            }
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
        String key = projectKey(project);
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
        long now = System.currentTimeMillis();
        Stat stat = Stat.of(file);
        Entry known = entries.get(file);
        if (known != null
                && stat != null
                && known.stat() != null
                && known.stat().provesUnchanged(stat, known.recordedMillis())
                && known.dependenciesStill(key, options.today())) {
            return known.checked();
        }
        SpecSource source;
        try {
            source = project.read(file);
        } catch (UnreadableSpecException e) {
            entries.remove(file);
            return uncached(project, List.of(file), options).get(0);
        }
        byte[] sha = sha256(source.bytes());
        if (known != null && known.still(key, options.today(), sha)) {
            entries.put(
                    file,
                    new Entry(
                            key, options.today(), stat, now, sha, known.links(), known.checked()));
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
        entries.put(
                file, new Entry(key, options.today(), stat, now, sha, targets.asked(), checked));
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

    /**
     * What a check depends on besides the spec: the configuration file's path and bytes, and the
     * template's text.
     */
    private static String projectKey(SpecProject project) {
        StringBuilder key = new StringBuilder();
        Optional<Path> config = project.configFile();
        if (config.isPresent()) {
            key.append(config.get()).append('\n');
            try {
                key.append(hex(sha256(Files.readAllBytes(config.get()))));
            } catch (NoSuchFileException e) {
                key.append("gone");
            } catch (IOException e) {
                key.append("unreadable ").append(System.nanoTime()); // never reused
            }
        }
        key.append('\n')
                .append(hex(sha256(project.schema().source().getBytes(StandardCharsets.UTF_8))));
        return key.toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
