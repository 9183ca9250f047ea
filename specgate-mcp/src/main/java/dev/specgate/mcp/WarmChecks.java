package dev.specgate.mcp;

import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.FixFailedException;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.registry.RuleRegistry;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a warm server remembers between calls: for each spec, its check result and summary (never
 * its parse tree), keyed by the sha256 of its bytes (not read again while the file's size, time and
 * inode stay). An answer is reused only while the bytes, the configuration and template, the date,
 * and the existence of every file the spec links to are as they were; otherwise the spec is checked
 * again through the project's checker, exactly as {@link SpecProject#run} checks it. Thread-safe.
 */
final class WarmChecks {

    /** A spec's verdict and summary. */
    record Checked(CheckResult result, SpecSummary summary) {}

    /** What one check of one file depended on, and what it gave. */
    private record Entry(
            String project,
            LocalDate today,
            Stat stat,
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
        Stat stat = Stat.of(file);
        Entry known = entries.get(file);
        if (known != null
                && stat != null
                && stat.equals(known.stat())
                && known.dependenciesStill(key, options.today())) {
            return known.checked();
        }
        SpecSource source;
        try {
            source = project.read(file);
        } catch (UnreadableSpecException e) {
            entries.remove(file);
            return uncached(project, file, options);
        }
        byte[] sha = sha256(source.bytes());
        if (known != null && known.still(key, options.today(), sha)) {
            entries.put(
                    file,
                    new Entry(key, options.today(), stat, sha, known.links(), known.checked()));
            return known.checked();
        }
        SpecDocument doc = project.parse(source.text());
        // what the links lead to, taken before the check so that a change during it is seen next
        // time
        Map<Path, Boolean> links = new LinkedHashMap<>();
        Path dir = file.toAbsolutePath().getParent();
        for (Link link : doc.links()) {
            if (link.isExternal() || link.isFragmentOnly() || link.destination().isEmpty()) {
                continue;
            }
            RuleRegistry.linkTarget(dir, link.destination())
                    .map(p -> p.toAbsolutePath().normalize())
                    .ifPresent(p -> links.computeIfAbsent(p, Files::exists));
        }
        CheckResult result = project.checker().check(file, doc, source.text(), options);
        Checked checked =
                new Checked(
                        result.withoutDocument(),
                        SpecSummary.of(result, project.schema(), options.today()));
        entries.put(file, new Entry(key, options.today(), stat, sha, Map.copyOf(links), checked));
        return checked;
    }

    /** A file that cannot be read: its unreadable-file error, as a run gives it. */
    private static Checked uncached(SpecProject project, Path file, CheckOptions options) {
        try {
            ProjectRun run = project.run(List.of(file), RunOptions.of(options).withSummaries(true));
            return new Checked(run.checkRun().results().get(0), run.summaries().get(0));
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
