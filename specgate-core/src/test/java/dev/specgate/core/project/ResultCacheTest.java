package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.RuleIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental cache gives exactly the results of a run without it: over a generated corpus of
 * realistic specs (CRLF, BOM, many defects, links to each other, to documents and to missing
 * files), run after run with edits in between (same-size edits, new and deleted specs, link targets
 * appearing and vanishing, another date, another configuration, another template), with a damaged,
 * foreign or half-written cache, and with two runs at once.
 */
class ResultCacheTest {

    static final long SEED = 20261205L;
    static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    static final List<String> SEEDS =
            List.of(
                    "2026-10-02_spec_webhook-retry-queue.md",
                    "2026-10-04_spec_curly-prose.md",
                    "2026-10-05_spec_Many_Defects.md",
                    "2026-10-06_spec_crlf-bom.md");

    @TempDir Path root;
    Path specDir;
    Random random;

    @BeforeEach
    void corpus() throws IOException {
        System.out.println("ResultCacheTest seed " + SEED);
        random = new Random(SEED);
        specDir = Files.createDirectories(root.resolve("directives/spec"));
        Files.createDirectories(root.resolve("docs"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(root.resolve("docs/design-" + i + ".md"), "# Design " + i + "\n");
        }
        for (int i = 0; i < 40; i++) {
            writeSpec(i, "");
        }
    }

    /** Spec {@code i}: a seed spec with its File field, links and a generated paragraph. */
    private Path writeSpec(int i, String extra) throws IOException {
        String seedName = SEEDS.get(i % SEEDS.size());
        byte[] seed =
                Files.readAllBytes(Path.of("src/test/resources/builtin-regression", seedName));
        String text = new String(seed, StandardCharsets.UTF_8);
        String name = name(i);
        text = text.replace(seedName, name);
        boolean crlf = text.contains("\r\n");
        String nl = crlf ? "\r\n" : "\n";
        StringBuilder more = new StringBuilder(nl);
        more.append("See [the previous spec](")
                .append(name(Math.max(0, i - 1)))
                .append("), [design](../../docs/design-")
                .append(i % 7) // 5 and 6 do not exist
                .append(".md) and [notes](../../docs/notes-")
                .append(i)
                .append(".md).")
                .append(nl);
        for (int w = 0, n = 5 + random.nextInt(30); w < n; w++) {
            more.append(random.nextBoolean() ? "word " : "[Placeholder] ");
        }
        more.append(nl).append(extra);
        return Files.writeString(specDir.resolve(name), text + more, StandardCharsets.UTF_8);
    }

    private static String name(int i) {
        return String.format("2026-10-%02d_spec_generated-%d.md", 1 + i % 28, i);
    }

    // --- runs ------------------------------------------------------------------------------

    private SpecProject project() throws Exception {
        return SpecProject.open(root, ConfigChoice.nearest());
    }

    private List<String> run(boolean cache, LocalDate today) throws Exception {
        SpecProject project = project();
        RunOptions options = RunOptions.of(CheckOptions.asOf(today)).withCache(cache);
        return render(project.run(project.find(List.of(root)), options));
    }

    private static List<String> render(ProjectRun run) {
        List<String> out = new ArrayList<>();
        for (ProjectRun.FileOutcome f : run.files()) {
            CheckResult r = f.result();
            out.add(r.path() + " status=" + r.status());
            for (Diagnostic d : r.diagnostics()) {
                out.add("  " + d);
            }
        }
        return out;
    }

    /** Runs without the cache, then with it twice (filling, then reading): all three the same. */
    private List<String> assertSameWithAndWithoutCache(LocalDate today) throws Exception {
        List<String> plain = run(false, today);
        assertThat(run(true, today)).as("cached run, first").isEqualTo(plain);
        assertThat(run(true, today)).as("cached run, second").isEqualTo(plain);
        return plain;
    }

    /** The project folder as the cache file stores it ({@link ResultCache#root}). */
    private String rootText() {
        return ResultCache.root(root.resolve(ResultCache.FOLDER));
    }

    private Path cacheFile() {
        return root.resolve(ResultCache.FOLDER).resolve(ResultCache.FILE);
    }

    /**
     * Replaces the cached entry of the unchanged spec {@code name} by one with {@code status}
     * (null: the one kept) and {@code diagnostics}, its time stamp made old enough to be trusted
     * without reading the file; its absolute path, the entry's key.
     */
    private String forge(String name, String status, List<Diagnostic> diagnostics)
            throws Exception {
        String key = loadKey();
        Map<String, ResultCache.Entry> entries =
                new HashMap<>(ResultCache.decode(Files.readAllBytes(cacheFile()), key, rootText()));
        String target = specDir.resolve(name).toAbsolutePath().normalize().toString();
        ResultCache.Entry e = entries.get(target);
        assertThat(e).isNotNull();
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(Path.of(target), old);
        entries.put(
                target,
                new ResultCache.Entry(
                        e.size(),
                        old.toMillis() * 1_000_000L,
                        e.identity(),
                        e.recordedNanos(),
                        e.checksum(),
                        e.linkTargets(),
                        status == null ? e.status() : status,
                        diagnostics));
        Files.write(cacheFile(), ResultCache.encode(key, rootText(), entries));
        return target;
    }

    // --- tests -----------------------------------------------------------------------------

    @Test
    void sameResultsAcrossEditsBetweenRuns() throws Exception {
        List<String> first = assertSameWithAndWithoutCache(TODAY);
        assertThat(first).anyMatch(l -> l.contains("link-broken")).hasSizeGreaterThan(100);
        assertThat(cacheFile()).isRegularFile();
        assertThat(root.resolve(ResultCache.FOLDER).resolve(".gitignore"))
                .hasContent("# Specgate's cache of check results (safe to delete)\n*");

        // an edit that keeps the size, and one that does not
        Path same = specDir.resolve(name(3));
        String text = Files.readString(same);
        Files.writeString(same, text.replaceFirst("word", "WORD"));
        writeSpec(7, "A new paragraph with a [Time estimate].\n");
        assertSameWithAndWithoutCache(TODAY);

        // link targets appear and vanish: results that depend on other files follow them
        Files.writeString(root.resolve("docs/notes-12.md"), "# Notes\n");
        Files.delete(root.resolve("docs/design-2.md"));
        List<String> linked = assertSameWithAndWithoutCache(TODAY);
        assertThat(linked).noneMatch(l -> l.contains("notes-12.md") && l.contains("link-broken"));
        assertThat(linked).anyMatch(l -> l.contains("design-2.md") && l.contains("link-broken"));

        // specs deleted and added
        Files.delete(specDir.resolve(name(20)));
        writeSpec(40, "");
        writeSpec(41, "Fresh text.\n");
        assertSameWithAndWithoutCache(TODAY);

        // another day: overdue dates differ
        List<String> later = assertSameWithAndWithoutCache(LocalDate.parse("2027-06-01"));
        assertThat(later).isNotEqualTo(run(false, TODAY));

        // a configuration that changes rule levels, then one that names another template
        Files.writeString(
                root.resolve(".specgate.yml"),
                "rules:\n  link-broken: off\n  placeholder-template: info\n");
        List<String> configured = assertSameWithAndWithoutCache(TODAY);
        assertThat(configured).noneMatch(l -> l.contains("link-broken"));
        // keys that shape the template rather than rule levels: the results follow them too
        writeSpec(9, "Retries: up to TBD-0042 times.\n");
        assertSameWithAndWithoutCache(TODAY);
        Files.writeString(
                root.resolve(".specgate.yml"),
                "rules:\n  link-broken: off\n  placeholder-template: info\n"
                        + "placeholders: ['/TBD-[0-9]+/']\n");
        List<String> placeholders = assertSameWithAndWithoutCache(TODAY);
        assertThat(placeholders).isNotEqualTo(configured).anyMatch(l -> l.contains("TBD-0042"));
        Files.writeString(
                root.resolve(".specgate.yml"),
                "rules:\n  link-broken: off\n  placeholder-template: info\n"
                        + "placeholders: ['/TBD-[0-9]+/']\n"
                        + "approval-field: Sign-off\n");
        List<String> signOff = assertSameWithAndWithoutCache(TODAY);
        assertThat(signOff)
                .isNotEqualTo(placeholders)
                .anyMatch(l -> l.contains("no '**Sign-off:**' field"));
        Files.writeString(
                root.resolve("tiny-template.md"),
                "# [Title]\n\n**Type:** [A | B]\n\n## Summary\n[Summary text]\n");
        Files.writeString(
                root.resolve(".specgate.yml"),
                "template: tiny-template.md\nrules:\n  link-broken: off\n");
        List<String> otherTemplate = assertSameWithAndWithoutCache(TODAY);
        assertThat(otherTemplate).isNotEqualTo(configured);
        assertThat(root.resolve(".specgate-cache/results.bin")).isRegularFile();
    }

    @Test
    void aConfigurationChangeBeyondRuleLevelsIsNotServedFromTheCache() throws Exception {
        // one spec calls its summary by another name; the configuration first knows no alias
        Path renamed = specDir.resolve(name(0));
        String text = Files.readString(renamed, StandardCharsets.UTF_8);
        assertThat(text).contains("## Executive Summary");
        Files.writeString(
                renamed,
                text.replace("## Executive Summary", "## Summary"),
                StandardCharsets.UTF_8);
        Files.writeString(root.resolve(".specgate.yml"), "strict: false\n");
        List<String> before = assertSameWithAndWithoutCache(TODAY);

        // the same rule levels, a section alias more: the renamed summary now counts
        Files.writeString(
                root.resolve(".specgate.yml"),
                "strict: false\nsections:\n  \"Executive Summary\":\n    aliases: [Summary]\n");
        List<String> after = assertSameWithAndWithoutCache(TODAY);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void aCachedResultIsReallyReused() throws Exception {
        List<String> plain = assertSameWithAndWithoutCache(TODAY);
        // forge the cached diagnostics of one unchanged spec: a second run must show the forgery,
        // so it is the cache that answers (and this test of equality is not vacuous)
        String target = forge(name(5), "Forged", List.of());

        assertThat(run(true, TODAY)).contains(Path.of(target) + " status=Forged");
        assertThat(run(false, TODAY)).isEqualTo(plain); // without it, the truth
    }

    @Test
    void aKeptApprovalStaleFindingNamesTheSpecAsItIsCheckedNow() throws Exception {
        // a result kept from a check run elsewhere named the spec from there: the refresh it
        // asks for is worded for the path the spec is checked by now, so that it works here
        assertSameWithAndWithoutCache(TODAY);
        Diagnostic stale =
                new Diagnostic(
                        RuleIds.APPROVAL_STALE,
                        Severity.ERROR,
                        SourceRange.ofLine(3, 0, 14),
                        "the approved content changed since the approval of 2026-11-20 by Zoë"
                                + " Ruiz (sha256:6d581b1382ea, now sha256:29d6526d5efe): changed:"
                                + " Current State (review it again, then "
                                + Approvals.REFRESH_COMMAND
                                + " 'team a/directives/spec/"
                                + name(7)
                                + "')");
        String target = forge(name(7), null, List.of(stale));

        String now = stale.message().replace("'team a/directives/spec/" + name(7) + "'", target);
        assertThat(run(true, TODAY))
                .anyMatch(l -> l.contains("message=" + now + "]"))
                .noneMatch(l -> l.contains("team a/"));
    }

    @Test
    void aNewTimeStampOnTheSameBytesIsConfirmedByTheChecksumAndAnEditIsNot() throws Exception {
        List<String> plain = assertSameWithAndWithoutCache(TODAY);
        String key = loadKey();
        Map<String, ResultCache.Entry> entries =
                new HashMap<>(ResultCache.decode(Files.readAllBytes(cacheFile()), key, rootText()));
        Path touched = specDir.resolve(name(6));
        Path edited = specDir.resolve(name(9));
        for (Path p : List.of(touched, edited)) {
            String abs = p.toAbsolutePath().normalize().toString();
            ResultCache.Entry e = entries.get(abs);
            entries.put(
                    abs,
                    new ResultCache.Entry(
                            e.size(),
                            e.mtimeNanos(),
                            e.identity(),
                            e.recordedNanos(),
                            e.checksum(),
                            e.linkTargets(),
                            "Forged",
                            List.of()));
        }
        Files.write(cacheFile(), ResultCache.encode(key, rootText(), entries));
        // touched: same bytes, a new time stamp; edited: one byte changed, same size, new time
        FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 5_000);
        Files.setLastModifiedTime(touched, later);
        byte[] bytes = Files.readAllBytes(edited);
        int at =
                new String(bytes, StandardCharsets.ISO_8859_1)
                        .lastIndexOf("See [the previous spec]");
        bytes[at] = 's';
        Files.write(edited, bytes);
        Files.setLastModifiedTime(edited, later);

        List<String> cached = run(true, TODAY);
        assertThat(cached).contains(touched + " status=Forged");
        assertThat(cached).doesNotContain(edited + " status=Forged");
        assertThat(cached.stream().filter(l -> l.startsWith(edited + " status=")))
                .containsExactlyElementsOf(
                        run(false, TODAY).stream()
                                .filter(l -> l.startsWith(edited + " status="))
                                .toList());
        assertThat(plain).doesNotContain(touched + " status=Forged");
    }

    @Test
    void aSpecRenamedOverAnotherOfTheSameSizeAndTimeIsCheckedAgain() throws Exception {
        // a same-size copy of spec 0 whose design link points at a missing document: another result
        Path spec = specDir.resolve(name(0));
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        assertThat(text).contains("(../../docs/design-0.md)");
        Path incoming = Files.createDirectories(root.resolve("incoming")).resolve("spec.md.new");
        Files.writeString(
                incoming,
                text.replace("(../../docs/design-0.md)", "(../../docs/design-5.md)"),
                StandardCharsets.UTF_8);
        assertThat(Files.size(incoming)).isEqualTo(Files.size(spec));
        // both with the same old time stamp, which alone would prove a file unchanged
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(spec, old);
        Files.setLastModifiedTime(incoming, old);
        List<String> before = assertSameWithAndWithoutCache(TODAY);

        // a tool writes the new version beside the spec and renames it over the spec (mv keeps
        // the time stamp): same size, same time, another file
        Files.move(incoming, spec, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.getLastModifiedTime(spec)).isEqualTo(old);

        List<String> plain = run(false, TODAY);
        assertThat(plain).isNotEqualTo(before).anyMatch(l -> l.contains("design-5.md"));
        assertThat(run(true, TODAY)).isEqualTo(plain);
        assertThat(run(true, TODAY)).isEqualTo(plain);
    }

    @Test
    void theChecksumTellsApartWhatTheCacheMustNotConfuse() {
        byte[] a = "**Status:** Draft\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = "**Status:** Drafu\n".getBytes(StandardCharsets.UTF_8);
        byte[] swapped = "**Status:** Dratf\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ResultValidity.checksum(a)).isEqualTo(ResultValidity.checksum(a.clone()));
        assertThat(ResultValidity.checksum(a)).isNotEqualTo(ResultValidity.checksum(b));
        assertThat(ResultValidity.checksum(a)).isNotEqualTo(ResultValidity.checksum(swapped));
        assertThat(ResultValidity.checksum(new byte[0])).isZero();
        // both halves are in use: CRC-32C above, CRC-32 below
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(a);
        java.util.zip.CRC32 d = new java.util.zip.CRC32();
        d.update(a);
        assertThat(ResultValidity.checksum(a)).isEqualTo(c.getValue() << 32 | d.getValue());
    }

    @Test
    void aDamagedForeignOrPartialCacheIsNeverTrusted() throws Exception {
        List<String> plain = assertSameWithAndWithoutCache(TODAY);
        byte[] good = Files.readAllBytes(cacheFile());
        List<byte[]> bad =
                List.of(
                        new byte[0],
                        "not a cache at all".getBytes(StandardCharsets.UTF_8),
                        java.util.Arrays.copyOf(good, good.length / 2), // half written
                        flipped(good, good.length / 3),
                        flipped(good, 9), // the format version
                        // sound, but for another build, template or configuration
                        ResultCache.encode(
                                "another key",
                                rootText(),
                                ResultCache.decode(good, loadKey(), rootText())));
        for (byte[] b : bad) {
            Files.write(cacheFile(), b);
            // every spec's time stamp trusted if an entry matched: damage must not matter
            assertThat(run(true, TODAY)).isEqualTo(plain);
            assertThat(ResultCache.decode(Files.readAllBytes(cacheFile()), loadKey(), rootText()))
                    .as("the cache is repaired by the run")
                    .hasSize(40);
        }
        // a cache folder that cannot hold the file: the run is still right
        Files.delete(cacheFile());
        Files.createDirectories(cacheFile());
        assertThat(run(true, TODAY)).isEqualTo(plain);
    }

    /**
     * A cached run of the corpus after {@code project} read its cache ahead for {@code readFor}.
     */
    private List<String> runAfterReadingAhead(SpecProject project, LocalDate readFor)
            throws Exception {
        RunOptions options = RunOptions.of(CheckOptions.asOf(TODAY)).withCache(true);
        project.readCacheAhead(
                List.of(root),
                RunOptions.of(CheckOptions.asOf(readFor)).withCache(true),
                Optional.empty());
        return render(project.run(project.find(List.of(root)), options));
    }

    @Test
    void theCacheReadAheadIsWhatTheRunFollowsAndEachEntryIsStillJudged() throws Exception {
        List<String> plain = assertSameWithAndWithoutCache(TODAY);
        String target = forge(name(5), "Forged", List.of());

        // read while the search walks: the run takes those entries, not the file as it is then
        SpecProject project = project();
        RunOptions options = RunOptions.of(CheckOptions.asOf(TODAY)).withCache(true);
        assertThat(project.readCacheAhead(List.of(root), options, Optional.empty())).isTrue();
        Files.delete(cacheFile());
        assertThat(render(project.run(project.find(List.of(root)), options)))
                .contains(Path.of(target) + " status=Forged");

        // a spec edited after the cache was read is checked again, as any edit before a run
        Files.deleteIfExists(cacheFile()); // the forgery out: the cache written again
        assertThat(run(true, TODAY)).isEqualTo(plain);
        project = project();
        project.readCacheAhead(List.of(root), options, Optional.empty());
        writeSpec(5, "A line added after the cache was read, with a [Placeholder].\n");
        List<String> truth = run(false, TODAY);
        assertThat(truth).isNotEqualTo(plain);
        assertThat(render(project.run(project.find(List.of(root)), options))).isEqualTo(truth);
    }

    @Test
    void aCacheReadAheadForAnotherKeyOrNotAtAllLeavesTheRunToReadItself() throws Exception {
        assertSameWithAndWithoutCache(TODAY);
        String target = forge(name(5), "Forged", List.of());

        // read for another date (another key): the run reads the file for its own, and finds the
        // forged entry there
        assertThat(runAfterReadingAhead(project(), TODAY.plusDays(1)))
                .contains(Path.of(target) + " status=Forged");
        // a run that asks for no cache reads nothing ahead, and one that needs more than each
        // file's diagnostics uses none
        SpecProject project = project();
        assertThat(
                        project.readCacheAhead(
                                List.of(root),
                                RunOptions.of(CheckOptions.asOf(TODAY)).withCache(false),
                                Optional.empty()))
                .isFalse();
        assertThat(
                        render(
                                project.run(
                                        project.find(List.of(root)),
                                        RunOptions.of(CheckOptions.asOf(TODAY)))))
                .doesNotContain(Path.of(target) + " status=Forged");
    }

    @Test
    void aDamagedCacheReadAheadIsNeverTrusted() throws Exception {
        List<String> plain = assertSameWithAndWithoutCache(TODAY);
        byte[] good = Files.readAllBytes(cacheFile());
        for (byte[] bad :
                List.of(
                        java.util.Arrays.copyOf(good, good.length / 2),
                        flipped(good, good.length / 3))) {
            Files.write(cacheFile(), bad);
            assertThat(runAfterReadingAhead(project(), TODAY)).isEqualTo(plain);
            assertThat(ResultCache.decode(Files.readAllBytes(cacheFile()), loadKey(), rootText()))
                    .as("the cache is repaired by the run")
                    .hasSize(40);
        }
    }

    @Test
    void twoRunsAtOnceBothGiveTheTruth() throws Exception {
        List<String> plain = run(false, TODAY);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                writeSpec(round, "Round " + round + ".\n");
                plain = run(false, TODAY);
                Callable<List<String>> cached = () -> run(true, TODAY);
                Future<List<String>> a = pool.submit(cached);
                Future<List<String>> b = pool.submit(cached);
                assertThat(a.get()).isEqualTo(plain);
                assertThat(b.get()).isEqualTo(plain);
                assertThat(run(true, TODAY)).isEqualTo(plain);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> left = Files.list(cacheFile().getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no temporary file left behind")
                    .contains(".gitignore", ResultCache.FILE)
                    .isSubsetOf(".gitignore", ResultCache.FILE, ResultCache.CHANGES);
        }
    }

    @Test
    void offUnlessAskedAndNotForRunsThatNeedMore() throws Exception {
        SpecProject project = project();
        CheckOptions check = CheckOptions.asOf(TODAY);
        project.run(project.find(List.of(root)), RunOptions.of(check));
        assertThat(root.resolve(ResultCache.FOLDER)).doesNotExist();
        project.run(
                project.find(List.of(root)),
                RunOptions.of(check).withCache(true).withSummaries(true));
        assertThat(root.resolve(ResultCache.FOLDER)).doesNotExist();

        Files.writeString(root.resolve(".specgate.yml"), "cache: true\n");
        SpecProject configured = project();
        configured.run(configured.find(List.of(root)), RunOptions.of(check));
        assertThat(cacheFile()).isRegularFile();
    }

    @Test
    void aFilesKeyIsItsAbsoluteNormalizedPathHoweverThePathIsWritten() {
        String here = ResultCache.currentFolder();
        assertThat(here).endsWith(java.io.File.separator);
        for (String p :
                List.of(
                        "directives/spec/2026-10-02_spec_a.md",
                        "a.md",
                        ".md",
                        ".hidden/x.md",
                        "..a/b..md",
                        "a/.../b.md",
                        "../x/directives/spec/a.md",
                        "./a.md",
                        "a/./b.md",
                        "a/../b.md",
                        "a/b/..",
                        "a/.",
                        "..",
                        ".",
                        "/abs/a.md",
                        "/abs/../b.md",
                        "/",
                        root.resolve("directives/spec/x.md").toString())) {
            Path path = Path.of(p);
            assertThat(ResultCache.absolute(path, here))
                    .as(p)
                    .isEqualTo(path.toAbsolutePath().normalize().toString());
        }
    }

    @Test
    void aRunGivenARelativeFolderReadsTheEntriesOfItsFilesAbsolutePaths() throws Exception {
        // the corpus below the current folder, named relative to it: the way `specgate check
        // directives` names its files, whose keys are then made without resolving each path
        Path cwd = Path.of("").toAbsolutePath();
        Path copy = Files.createTempDirectory(Files.createDirectories(cwd.resolve("target")), "rc");
        try {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.toList()) {
                    Path to = copy.resolve(root.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            Path relative = cwd.relativize(copy);
            assertThat(relative.isAbsolute()).isFalse();
            SpecProject project = SpecProject.open(relative, ConfigChoice.nearest());
            RunOptions plainRun = RunOptions.of(CheckOptions.asOf(TODAY));
            List<String> plain = render(project.run(project.find(List.of(relative)), plainRun));
            RunOptions cachedRun = plainRun.withCache(true);
            assertThat(render(project.run(project.find(List.of(relative)), cachedRun)))
                    .isEqualTo(plain)
                    .anyMatch(l -> l.startsWith(relative.toString()));
            Path file = copy.resolve(ResultCache.FOLDER).resolve(ResultCache.FILE);
            String copyRoot = ResultCache.root(copy.resolve(ResultCache.FOLDER));
            byte[] data = Files.readAllBytes(file);
            String key = new String(data, 16, ByteBufferInt.at(data, 12), StandardCharsets.UTF_8);
            Map<String, ResultCache.Entry> entries =
                    new HashMap<>(ResultCache.decode(data, key, copyRoot));
            Path spec = relative.resolve("directives/spec").resolve(name(5));
            String absolute = spec.toAbsolutePath().normalize().toString();
            assertThat(entries).containsKey(absolute);
            // forge the entry of that spec: a run given the relative folder serves it, so it found
            // the entry by the file's absolute path
            ResultCache.Entry e = entries.get(absolute);
            FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
            Files.setLastModifiedTime(spec, old);
            entries.put(
                    absolute,
                    new ResultCache.Entry(
                            e.size(),
                            old.toMillis() * 1_000_000L,
                            e.identity(),
                            e.recordedNanos(),
                            e.checksum(),
                            e.linkTargets(),
                            "Forged",
                            List.of()));
            Files.write(file, ResultCache.encode(key, copyRoot, entries));
            assertThat(render(project.run(project.find(List.of(relative)), cachedRun)))
                    .contains(spec + " status=Forged");
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    /** The checksum of the whole cache file as it is now. */
    private long wholeFile() throws IOException {
        return ResultValidity.checksum(Files.readAllBytes(cacheFile()));
    }

    /** Every entry the cache folder holds now, its changes file applied. */
    private Map<String, ResultCache.Entry> entriesNow() throws Exception {
        return ResultCache.load(cacheFile().getParent(), loadKey(), rootText()).entries();
    }

    @Test
    void aRunThatChangedFewEntriesWritesThemAloneAndTheNextReadsBoth() throws Exception {
        // specs edited a minute ago: their time stamps prove them unchanged (no checksum, no
        // entry rewritten), as in a project between edits
        FileTime minuteAgo = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        try (Stream<Path> files = Files.list(specDir)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, minuteAgo);
            }
        }
        assertSameWithAndWithoutCache(TODAY);
        long whole = wholeFile();
        Path changes = cacheFile().resolveSibling(ResultCache.CHANGES);
        assertThat(changes).doesNotExist();

        // one spec edited, one deleted: the whole file stays, the changes file says what changed
        Path edited = writeSpec(3, "A new line with a [Time estimate].\n");
        Files.delete(specDir.resolve(name(20)));
        List<String> plain = run(false, TODAY);
        assertThat(run(true, TODAY)).isEqualTo(plain);
        assertThat(wholeFile()).as("the whole file is kept").isEqualTo(whole);
        ResultCache.Decoded written =
                ResultCache.decodeFile(Files.readAllBytes(changes), loadKey(), rootText());
        String editedKey = edited.toAbsolutePath().normalize().toString();
        // spec 21 links spec 20, so its result changed too
        assertThat(written.entries().keySet())
                .containsExactlyInAnyOrder(
                        editedKey, specDir.resolve(name(21)).toAbsolutePath().toString());
        assertThat(written.removed())
                .containsExactly(specDir.resolve(name(20)).toAbsolutePath().toString());
        assertThat(entriesNow()).hasSize(39).containsKey(editedKey);

        // the next run reads both: the edited spec's entry serves it (forged to prove it)
        ResultCache.Entry e = written.entries().get(editedKey);
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(edited, old);
        Map<String, ResultCache.Entry> forged =
                Map.of(
                        editedKey,
                        new ResultCache.Entry(
                                e.size(),
                                old.toMillis() * 1_000_000L,
                                e.identity(),
                                e.recordedNanos(),
                                e.checksum(),
                                e.linkTargets(),
                                "Forged",
                                List.of()));
        Files.write(
                changes,
                ResultCache.encode(
                        loadKey(), rootText(), written.base(), forged, written.removed()));
        assertThat(run(true, TODAY)).contains(edited + " status=Forged");

        // a changes file for another whole file, or damaged, is ignored: the truth again
        for (byte[] bad :
                List.of(
                        ResultCache.encode(
                                loadKey(), rootText(), written.base() + 1, forged, Set.of()),
                        flipped(Files.readAllBytes(changes), 30))) {
            Files.write(changes, bad);
            assertThat(run(true, TODAY)).isEqualTo(plain);
            assertThat(wholeFile()).as("the whole file is kept").isEqualTo(whole);
        }

        // many changes: the whole file is written again, and the changes file goes
        assertThat(ResultCache.changesLimit(39)).isLessThan(39);
        for (int i = 0; i < 40; i++) { // more than changesLimit(39)
            if (i != 20) {
                writeSpec(i, "Edited again.\n");
            }
        }
        assertSameWithAndWithoutCache(TODAY);
        assertThat(changes).doesNotExist();
        assertThat(ResultCache.decode(Files.readAllBytes(cacheFile()), loadKey(), rootText()))
                .hasSize(39);
    }

    @Test
    void everyPathTheCacheNamesIsOneKnownSharedByItsEntryAndEveryLinkToItAcrossBothFiles()
            throws Exception {
        FileTime minuteAgo = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        try (Stream<Path> files = Files.list(specDir)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, minuteAgo);
            }
        }
        assertSameWithAndWithoutCache(TODAY);
        // spec 3 edited: its entry is in the changes file, spec 4's (which links it) in the base
        writeSpec(3, "A new line with a [Time estimate].\n");
        assertThat(run(true, TODAY)).isEqualTo(run(false, TODAY));
        assertThat(cacheFile().resolveSibling(ResultCache.CHANGES)).isRegularFile();

        Map<String, ResultCache.Entry> entries = entriesNow();
        int linksToSpecs = 0;
        for (Map.Entry<String, ResultCache.Entry> me : entries.entrySet()) {
            ResultCache.Entry e = me.getValue();
            assertThat(e.self()).isNotNull();
            assertThat(e.self().path).isEqualTo(me.getKey());
            ResultCache.Links links = e.linkTargets();
            assertThat(links.known()).hasSameSizeAs(links.paths());
            for (int i = 0; i < links.size(); i++) {
                assertThat(links.known()[i].path).isEqualTo(links.paths()[i]);
                ResultCache.Entry target = entries.get(links.paths()[i]);
                if (target != null) {
                    assertThat(links.known()[i]).isSameAs(target.self());
                    linksToSpecs++;
                }
            }
        }
        assertThat(linksToSpecs).isGreaterThanOrEqualTo(39);
        ResultCache.Known three = entries.get(key(3)).self();
        assertThat(entries.get(key(4)).linkTargets().known())
                .as("the base file's link to the spec the changes file holds")
                .anySatisfy(k -> assertThat(k).isSameAs(three));
    }

    @Test
    void aSpecTheWalkFoundIsKnownToExistThroughEveryLinkToItAndAnotherTargetIsAskedOfTheDisk()
            throws Exception {
        FileTime minuteAgo = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        try (Stream<Path> files = Files.list(specDir)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, minuteAgo);
            }
        }
        assertSameWithAndWithoutCache(TODAY);
        ResultCache cache = ResultCache.open(cacheFile().getParent(), loadKey());
        // the walk found spec 5; it is gone by the time spec 6, which links it, is looked up:
        // what the walk found stands for the whole run
        ResultCache.Entry entry = cache.exists(key(5));
        assertThat(entry).isNotNull();
        assertThat(entry.self().state()).isEqualTo(ResultCache.Known.EXISTS);
        Files.delete(specDir.resolve(name(5)));
        assertThat(lookUp(cache, 6)).as("spec 6 links spec 5, which the walk found").isNotNull();
        // spec 7 was not met by the walk and is gone: spec 8, which links it, is checked again,
        // and the answer is kept for every other link to it
        Files.delete(specDir.resolve(name(7)));
        assertThat(lookUp(cache, 8)).as("spec 8 links spec 7, gone").isNull();
        assertThat(cache.exists(key(8)).linkTargets().known())
                .filteredOn(k -> k.path.equals(key(7)))
                .singleElement()
                .satisfies(k -> assertThat(k.state()).isEqualTo(ResultCache.Known.MISSING));
    }

    @Test
    void theCacheFolderIsFoundFromEveryFoldersPathHoweverItIsWritten() throws Exception {
        SpecProject project = project(); // no configuration: the folder comes from the files
        Path expected = root.toAbsolutePath().normalize().resolve(ResultCache.FOLDER);
        Path here = Path.of("").toAbsolutePath();
        Path a = specDir.resolve(name(1));
        Path b = specDir.resolve(name(2));
        assertThat(project.cacheFolder(List.of(a, b))).isEqualTo(expected);
        assertThat(project.cacheFolder(List.of(here.relativize(a), here.relativize(b))))
                .isEqualTo(expected);
        assertThat(project.cacheFolder(List.of(a, root.resolve("docs/design-1.md"), b)))
                .isEqualTo(expected);
        // folders whose paths are as long as each other and differ in one letter, and a path
        // with '..' in it: each folder counts, not only the length of its path
        Path deep = root.resolve("elsewhere/deep/y.md");
        Path deeq = root.resolve("elsewhere/deeq/z.md");
        Path elsewhere = root.toAbsolutePath().normalize().resolve("elsewhere");
        assertThat(project.cacheFolder(List.of(deep, deep.resolveSibling("w.md"), deeq)))
                .isEqualTo(elsewhere.resolve(ResultCache.FOLDER));
        assertThat(project.cacheFolder(List.of(deep, root.resolve("elsewhere/deep/../deeq/z.md"))))
                .isEqualTo(elsewhere.resolve(ResultCache.FOLDER));
        assertThat(project.cacheFolder(List.of(deep, deep.resolveSibling("w.md"))))
                .isEqualTo(elsewhere.resolve("deep").resolve(ResultCache.FOLDER));
    }

    /** The entry key of spec {@code i}: its absolute, normalized path. */
    private String key(int i) {
        return specDir.resolve(name(i)).toAbsolutePath().normalize().toString();
    }

    /** {@code cache}'s result of spec {@code i}, looked up as a run looks it up. */
    private CheckResult lookUp(ResultCache cache, int i) throws IOException {
        Path spec = specDir.resolve(name(i));
        BasicFileAttributes attrs = Files.readAttributes(spec, BasicFileAttributes.class);
        return cache.lookup(spec, key(i), attrs, cache.exists(key(i)));
    }

    /** Copies the project in {@code root} (its cache too) to {@code to}, time stamps kept. */
    private void copyProject(Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.walk(root)) {
            all = files.filter(f -> !f.startsWith(to)).toList();
        }
        for (Path f : all) {
            Path at = to.resolve(root.relativize(f).toString());
            if (Files.isDirectory(f)) {
                Files.createDirectories(at);
            } else {
                Files.copy(f, at, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static List<String> run(Path project, boolean cache) throws Exception {
        SpecProject p = SpecProject.open(project, ConfigChoice.nearest());
        RunOptions options = RunOptions.of(CheckOptions.asOf(TODAY)).withCache(cache);
        return render(p.run(p.find(List.of(project)), options));
    }

    @Test
    void aCopiedProjectFindsItsEntriesAndKeepsNoneOfTheOldFolder() throws Exception {
        // spec 12 also links a file outside the project: after a move, what lies outside did not
        // move with it, so its result is not trusted there
        writeSpec(12, "See [the overview](../../../overview.md).\n");
        assertSameWithAndWithoutCache(TODAY);
        String inside = forge(name(5), "Forged", List.of());
        String outside = forge(name(12), "Forged", List.of());
        assertThat(run(true, TODAY))
                .contains(inside + " status=Forged", outside + " status=Forged");

        // a copy elsewhere (a CI checkout): its specs have other absolute paths and identities
        Path copy = root.resolve("elsewhere/project");
        copyProject(copy);
        Path copied = copy.resolve("directives/spec");
        List<String> cached = run(copy, true);
        assertThat(cached)
                .as("served from the copied cache, confirmed by each spec's checksum")
                .contains(copied.resolve(name(5)) + " status=Forged")
                .doesNotContain(copied.resolve(name(12)) + " status=Forged");
        String copyRoot = ResultCache.root(copy.resolve(ResultCache.FOLDER));
        byte[] data =
                Files.readAllBytes(copy.resolve(ResultCache.FOLDER).resolve(ResultCache.FILE));
        Map<String, ResultCache.Entry> entries = ResultCache.decode(data, loadKey(), copyRoot);
        assertThat(entries).hasSize(40);
        assertThat(entries.keySet()).allMatch(k -> k.startsWith(copyRoot));
        assertThat(new String(data, StandardCharsets.UTF_8))
                .as("the old folder is nowhere in the rewritten file")
                .doesNotContain(root.resolve("directives").toString());

        // without the forgery, the copy's cached runs are its plain run
        Files.delete(copy.resolve(ResultCache.FOLDER).resolve(ResultCache.FILE));
        List<String> plain = run(copy, false);
        assertThat(run(copy, true)).isEqualTo(plain);
        assertThat(run(copy, true)).isEqualTo(plain);
        Path again = root.resolve("again/project");
        Files.move(copy, Files.createDirectories(again.getParent()).resolve("project"));
        List<String> movedPlain = run(again, false);
        assertThat(run(again, true)).isEqualTo(movedPlain);
        assertThat(movedPlain.size()).isEqualTo(plain.size());
    }

    @Test
    void entriesWrittenForAnotherFolderAreReadBelowTheNewOneUnlessTheyLeaveIt() {
        String sep = root.getFileSystem().getSeparator();
        String was = ResultCache.root(root.resolve("was/.specgate-cache"));
        String now = ResultCache.root(root.resolve("now/here/.specgate-cache"));
        String spec = "directives" + sep + "spec" + sep + name(1);
        ResultCache.Links insideOnly =
                new ResultCache.Links(
                        new String[] {was + "docs" + sep + "a.md", was + spec},
                        new boolean[] {true, false});
        ResultCache.Links leaving =
                new ResultCache.Links(
                        new String[] {root.resolve("overview.md").toString()},
                        new boolean[] {true});
        Map<String, ResultCache.Entry> entries = new HashMap<>();
        entries.put(was + spec, entry(insideOnly));
        entries.put(was + "b.md", entry(leaving));
        entries.put(root.resolve("c.md").toString(), entry(ResultCache.Links.NONE));
        byte[] data = ResultCache.encode("k", was, entries);

        Map<String, ResultCache.Entry> same = ResultCache.decode(data, "k", was);
        assertThat(same.keySet()).isEqualTo(entries.keySet());
        assertThat(same.get(was + spec).linkTargets().paths()).containsExactly(insideOnly.paths());
        assertThat(same.get(was + spec).linkTargets().existed())
                .containsExactly(insideOnly.existed());
        assertThat(same.get(was + "b.md").diagnostics()).isEqualTo(entry(leaving).diagnostics());
        Map<String, ResultCache.Entry> moved = ResultCache.decode(data, "k", now);
        assertThat(moved.keySet()).containsExactly(now + spec);
        assertThat(moved.get(now + spec).linkTargets().paths())
                .containsExactly(now + "docs" + sep + "a.md", now + spec);
        // a folder named directives reads links starting with '/' from above the project: a move
        // keeps nothing
        String inDirectives = ResultCache.root(root.resolve("directives/p/.specgate-cache"));
        assertThat(ResultCache.decode(data, "k", inDirectives)).isEmpty();
        byte[] fromDirectives =
                ResultCache.encode(
                        "k", inDirectives, Map.of(inDirectives + "x.md", entry(insideOnly)));
        assertThat(ResultCache.decode(fromDirectives, "k", inDirectives)).hasSize(1);
        assertThat(ResultCache.decode(fromDirectives, "k", now)).isEmpty();
    }

    private static ResultCache.Entry entry(ResultCache.Links links) {
        return new ResultCache.Entry(
                120,
                1_000_000_000L,
                7,
                2_000_000_000L,
                42,
                links,
                "Draft",
                List.of(
                        new Diagnostic(
                                RuleIds.APPROVAL_STALE,
                                Severity.WARNING,
                                SourceRange.ofLine(2, 0, 4),
                                "Zoë's note")));
    }

    /** A big-endian int of a byte array. */
    private static final class ByteBufferInt {
        static int at(byte[] data, int offset) {
            return java.nio.ByteBuffer.wrap(data).getInt(offset);
        }
    }

    private String loadKey() throws Exception {
        // the key the project uses: read back from the file written by a run
        byte[] data = Files.readAllBytes(cacheFile());
        java.io.DataInputStream in =
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(data));
        in.readLong();
        in.readInt();
        byte[] key = new byte[in.readInt()];
        in.readFully(key);
        return new String(key, StandardCharsets.UTF_8);
    }

    private static byte[] flipped(byte[] data, int at) {
        byte[] copy = data.clone();
        copy[at] ^= 0x40;
        return copy;
    }

    @Test
    void aLookAtTheDiskNeverUndoesWhatTheWalkFound(@org.junit.jupiter.api.io.TempDir Path tmp) {
        // a check looked at the disk before the file was written (missing), the walk then found
        // it: the look's late answer must not turn the walk's "exists" back into "missing"
        ResultCache.Known known = new ResultCache.Known(tmp.resolve("late.md").toString());
        known.exists();

        assertThat(known.looked(false)).isTrue();
        assertThat(known.state()).isEqualTo(ResultCache.Known.EXISTS);
        assertThat(known.existsNow()).isTrue();

        // the first look's answer stays for the rest of the run; the walk still wins over it
        ResultCache.Known other = new ResultCache.Known(tmp.resolve("other.md").toString());
        assertThat(other.looked(false)).isFalse();
        assertThat(other.looked(true)).isFalse();
        other.exists();
        assertThat(other.existsNow()).isTrue();
    }
}
