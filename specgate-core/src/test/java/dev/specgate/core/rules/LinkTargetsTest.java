package dev.specgate.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.discovery.LinkTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkTargetsTest {

    private static final Optional<Boolean> YES = Optional.of(true);
    private static final Optional<Boolean> NO = Optional.of(false);

    @TempDir Path dir;

    @Test
    void aRunsSharedAnswersAreTheFileSystemsAndEachCheckRecordsItsOwn() throws Exception {
        Path found = Files.writeString(dir.resolve("2026-01-02_spec_café-ünïcode.md"), "# A\n");
        Path other = Files.writeString(dir.resolve("notes.md"), "x\n");
        Files.createDirectories(dir.resolve("images"));
        LinkTargets.Shared run = new LinkTargets.Shared(List.of(found));

        LinkTargets first = run.forCheck();
        assertThat(first.exists(dir.resolve("sub/../2026-01-02_spec_café-ünïcode.md"))).isTrue();
        assertThat(first.exists(dir.resolve("missing.md"))).isFalse();
        assertThat(first.exists(dir.resolve("images"))).isTrue();
        assertThat(first.existsAt(dir.toAbsolutePath().normalize().resolve("gone.md"))).isFalse();
        assertThat(first.asked())
                .isEqualTo(
                        Map.of(
                                found,
                                true,
                                dir.resolve("missing.md"),
                                false,
                                dir.resolve("images"),
                                true,
                                dir.resolve("gone.md"),
                                false));

        // a file not found by the search is still asked of the disk; another check records only
        // what it asked itself
        LinkTargets second = run.forCheck();
        assertThat(second.exists(other)).isTrue();
        assertThat(second.exists(dir.resolve("missing.md"))).isFalse();
        assertThat(second.asked()).isEqualTo(Map.of(other, true, dir.resolve("missing.md"), false));
    }

    @Test
    void answersBuiltInTheBackgroundAreTheSameWhoeverBuildsThem() throws Exception {
        Path spec = Files.createDirectories(dir.resolve("directives/spec")).toAbsolutePath();
        Path found = Files.writeString(spec.resolve("2026-01-02_spec_café-ünïcode.md"), "# A\n");
        Path sibling = Files.writeString(spec.resolve("2026-01-03_spec_b.md"), "# B\r\n");
        Path notFound = Files.writeString(spec.resolve("notes.md"), "x\n");
        List<Path> searched = List.of(found, sibling);

        // the executor has not started the look-up when the first check asks: that check builds
        // it, and the executor's later run of it does nothing
        List<Runnable> queued = new ArrayList<>();
        LinkTargets.Shared late = new LinkTargets.Shared(searched, queued::add);
        assertThat(queued).hasSize(1);
        LinkTargets first = late.forCheck();
        assertThat(first.linkTargetExists(spec, "2026-01-03_spec_b.md")).isEqualTo(YES);
        assertThat(first.linkTargetExists(spec, "missing.md")).isEqualTo(NO);
        assertThat(first.exists(notFound)).isTrue();
        queued.get(0).run();
        LinkTargets second = late.forCheck();
        assertThat(second.linkTargetExists(spec, "2026-01-02_spec_café-ünïcode.md#goals"))
                .isEqualTo(YES);

        // built on another thread while a check waits: the same answers and records
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            LinkTargets.Shared background = new LinkTargets.Shared(searched, other);
            LinkTargets check = background.forCheck();
            assertThat(check.linkTargetExists(spec, "2026-01-03_spec_b.md")).isEqualTo(YES);
            assertThat(check.linkTargetExists(spec, "missing.md")).isEqualTo(NO);
            assertThat(check.exists(notFound)).isTrue();
            assertThat(check.asked()).isEqualTo(first.asked());
        } finally {
            other.shutdown();
        }
        assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        // a look-up that fails (a bug) fails the check that asks, every time, never a wrong answer
        Path bad = Path.of("bad");
        List<Path> broken =
                new java.util.AbstractList<>() {
                    @Override
                    public Path get(int i) {
                        throw new IllegalStateException("no path " + i);
                    }

                    @Override
                    public int size() {
                        return 1;
                    }
                };
        LinkTargets.Shared failing = new LinkTargets.Shared(broken, Runnable::run);
        LinkTargets failed = failing.forCheck();
        assertThatThrownBy(() -> failed.exists(bad))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no path 0");
        assertThatThrownBy(() -> failing.forCheck().linkTargetExists(spec, "a.md"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCheckOutsideARunAsksTheDisk() throws Exception {
        Path file = Files.writeString(dir.resolve("a.md"), "# A\r\n");
        LinkTargets alone = new LinkTargets();
        assertThat(alone.exists(file)).isTrue();
        assertThat(alone.exists(dir.resolve("b.md"))).isFalse();
        assertThat(alone.asked()).isEqualTo(Map.of(file, true, dir.resolve("b.md"), false));
    }

    @Test
    void aLinkIsAnsweredAsItsResolvedTargetIsAndEachCheckRecordsIt() throws Exception {
        Path spec = Files.createDirectories(dir.resolve("directives/spec")).toAbsolutePath();
        Path found = Files.writeString(spec.resolve("2026-01-02_spec_café-ünïcode.md"), "# A\n");
        Path other = Files.writeString(dir.resolve("directives/notes é.md"), "x\r\n");
        Files.createDirectories(dir.resolve("images"));
        LinkTargets.Shared run = new LinkTargets.Shared(List.of(found));
        List<String> destinations =
                List.of(
                        "2026-01-02_spec_café-ünïcode.md#goals",
                        "./2026-01-02_spec_caf%C3%A9-%C3%BCn%C3%AFcode.md",
                        "../notes%20é.md?x=1",
                        "../notes é.md",
                        "missing.md",
                        "/images",
                        "/directives/spec/../../gone.md",
                        "#only-a-fragment",
                        "?query",
                        "bad\u0000path.md");

        for (int round = 0; round < 2; round++) {
            // every check, the first or a later one of the run, alone or in a run, answers as
            // LinkTarget.of and a look at the disk do, and records what that look would record
            LinkTargets inRun = run.forCheck();
            LinkTargets alone = new LinkTargets();
            LinkTargets expected = new LinkTargets();
            for (String d : destinations) {
                Optional<Boolean> want = LinkTarget.of(spec, d).map(p -> expected.existsAt(p));
                assertThat(inRun.linkTargetExists(spec, d)).as(d).isEqualTo(want);
                assertThat(alone.linkTargetExists(spec, d)).as(d).isEqualTo(want);
                assertThat(inRun.linkTargetExists(spec, d)).as(d).isEqualTo(want);
            }
            assertThat(expected.asked()).hasSize(5);
            assertThat(inRun.asked()).isEqualTo(expected.asked());
            assertThat(alone.asked()).isEqualTo(expected.asked());
        }
        assertThat(new LinkTargets().linkTargetExists(spec, "../notes é.md"))
                .contains(Files.exists(other));
        LinkTargets fresh = run.forCheck();
        fresh.linkTargetExists(spec, "missing.md");
        assertThat(fresh.asked()).isEqualTo(Map.of(spec.resolve("missing.md"), false));
    }

    @Test
    void aLinkNamingAFoundFileIsAnsweredAndRecordedAsItsResolvedTargetIs() throws Exception {
        Path spec = Files.createDirectories(dir.resolve("directives/spec")).toAbsolutePath();
        Path found = Files.writeString(spec.resolve("2026-01-02_spec_plain-name.md"), "# A\r\n");
        Path dotted = Files.writeString(spec.resolve("v1.2.md"), "# B\n");
        Path notes = Files.writeString(dir.resolve("directives/notes.md"), "x\n");
        Path elsewhere = Files.createDirectories(dir.resolve("directives/other")).toAbsolutePath();
        Files.writeString(elsewhere.resolve("Upper.MD"), "# C\n");
        // the search's paths as it gives them: relative, and not normalized
        Path cwd = Path.of("").toAbsolutePath();
        LinkTargets.Shared run =
                new LinkTargets.Shared(
                        List.of(
                                cwd.relativize(found),
                                spec.resolve("../spec/v1.2.md"),
                                notes,
                                elsewhere.resolve("Upper.MD")));
        List<String> destinations =
                List.of(
                        "2026-01-02_spec_plain-name.md",
                        "./2026-01-02_spec_plain-name.md",
                        "2026-01-02_spec_plain-name.md#goals",
                        "v1.2.md",
                        "V1.2.md",
                        "../notes.md",
                        "notes.md",
                        "Upper.MD",
                        "../other/Upper.MD",
                        ".",
                        "..",
                        "missing.md");
        // the spec's folder as the check has it, and the same folder written otherwise: a link
        // resolves from either to the same file
        for (Path from : List.of(spec, dir.resolve("directives/spec/../spec").toAbsolutePath())) {
            LinkTargets inRun = run.forCheck();
            LinkTargets expected = new LinkTargets();
            for (String d : destinations) {
                Optional<Boolean> want = LinkTarget.of(from, d).map(p -> expected.existsAt(p));
                assertThat(inRun.linkTargetExists(from, d)).as(d).isEqualTo(want);
                assertThat(inRun.linkTargetExists(from, d)).as(d).isEqualTo(want);
            }
            assertThat(expected.asked()).containsEntry(found, true).containsEntry(dotted, true);
            assertThat(expected.asked()).containsEntry(spec.resolve("missing.md"), false);
            assertThat(inRun.asked()).isEqualTo(expected.asked());
            // asked again, the record is the same
            assertThat(inRun.asked()).isEqualTo(expected.asked());
        }
    }

    @Test
    void linksBetweenFoldersOfFoundFilesAreAnsweredAsTheirResolvedTargetsAre() throws Exception {
        // two folders of found specs, some names in both, some in one only: a name is answered
        // from its own folder's table only, never from another folder's
        Path a = Files.createDirectories(dir.resolve("directives/a")).toAbsolutePath();
        Path b = Files.createDirectories(dir.resolve("directives/b")).toAbsolutePath();
        List<Path> found = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = "2026-02-%02d_spec_link-%d.md".formatted(1 + i % 28, i);
            names.add(name);
            if (i % 3 != 1) {
                found.add(Files.writeString(a.resolve(name), "# A\n"));
            }
            if (i % 3 != 0) {
                found.add(Files.writeString(b.resolve(name), "# B\r\n"));
            }
        }
        Files.writeString(b.resolve("not-found-by-the-search.md"), "# C\n");
        names.add("not-found-by-the-search.md");
        names.add("missing.md");
        LinkTargets.Shared run = new LinkTargets.Shared(found);
        for (Path from : List.of(a, b)) {
            LinkTargets inRun = run.forCheck();
            LinkTargets expected = new LinkTargets();
            for (String name : names) {
                for (String d : List.of(name, "../a/" + name, "../b/" + name)) {
                    Optional<Boolean> want = LinkTarget.of(from, d).map(p -> expected.existsAt(p));
                    assertThat(inRun.linkTargetExists(from, d)).as(d).isEqualTo(want);
                }
            }
            assertThat(inRun.linkTargetExists(from, "2026-02-02_spec_link-1.md"))
                    .contains(from.equals(b));
            assertThat(inRun.asked()).isEqualTo(expected.asked());
        }
    }
}
