package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunSize}: a run projects what it will hash from its first specs, and only a run that will
 * cross the line at which libcrypto is linked anyway says so; small runs are not followed.
 */
class RunSizeTest {

    private static final long LINE = Sha256.NATIVE_AFTER;

    @Test
    void aRunProjectsFromItsFirstSpecsOnceItHasSeenEnough() {
        try (RunSize run = RunSize.of(10_000)) {
            assertThat(RunSize.current).isSameAs(run);
            long before = Sha256.hashed();
            for (int i = 0; i < RunSize.SAMPLE - 1; i++) {
                run.spec();
            }
            // 1 MB after 63 specs would project 160 MB, but 63 specs are too few to tell
            assertThat(run.projects(before + (1 << 20), LINE)).isFalse();
            run.spec();
            // 64 specs: 1 MB of them projects ~160 MB for 10,000
            assertThat(run.projects(before + (1 << 20), LINE)).isTrue();
            // 100 KB of them (a few approved specs) projects ~15.6 MB: below the line
            assertThat(run.projects(before + 100_000, LINE)).isFalse();
            // nothing hashed by this run (what was hashed before it does not count)
            assertThat(run.projects(before, LINE)).isFalse();
        }
        assertThat(RunSize.current).isNull();
    }

    @Test
    void aSmallRunIsNotFollowed() {
        RunSize small = RunSize.of(RunSize.SAMPLE - 1);
        for (int i = 0; i < 1000; i++) {
            small.spec();
        }
        assertThat(RunSize.current).isNull();
        assertThat(small.projects(Long.MAX_VALUE / 2, LINE)).isFalse();
        small.close();
    }

    @Test
    void aRunClosedLeavesALaterRunFollowed() {
        RunSize first = RunSize.of(5_000);
        RunSize second = RunSize.of(8_000);
        first.close();
        assertThat(RunSize.current).isSameAs(second);
        second.close();
        assertThat(RunSize.current).isNull();
    }

    @Test
    void aPeekLinksAheadOnlyForEnoughSpecsThatNameTheApprovalField(@TempDir Path dir)
            throws IOException {
        Path specs = Files.createDirectories(dir.resolve("docs/specs/payments"));
        write(
                specs,
                RunSize.SAMPLE - 1,
                "**Approval:** 2026-11-02 by Ana Núñez, sha256:8877c4932bb2");
        Files.writeString(dir.resolve("README.md"), "# Specs\r\n\r\nSee docs/specs.\r\n");
        // 63 specs below the folder and a README: 64 Markdown files, every spec approved
        assertThat(RunSize.worthLinking(List.of(dir), "Approval")).isTrue();
        Files.delete(dir.resolve("README.md"));
        assertThat(RunSize.worthLinking(List.of(dir), "Approval")).isFalse(); // too few to link
        // a single file named on the command line is no folder to peek into
        assertThat(RunSize.worthLinking(List.of(specs.resolve("spec-0.md")), "Approval")).isFalse();
    }

    @Test
    void aPeekReadsTheFieldAsConfiguredInAnyCaseAndNotTheWordAlone(@TempDir Path dir)
            throws IOException {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        // prose and headings that say "approval" without the field's colon
        write(specs, 70, "## Approval\n\nThe approval is recorded by `specgate approve`.");
        assertThat(RunSize.worthLinking(List.of(dir), "Approval")).isFalse();
        // a front matter key in lower case names the field as well
        write(specs, 70, "approval: \"2026-11-02 by Ana, sha256:8877c4932bb2\"");
        assertThat(RunSize.worthLinking(List.of(dir), "Approval")).isTrue();
        // a project whose field is called otherwise: its records, not the default's
        assertThat(RunSize.worthLinking(List.of(dir), "Sign-off")).isFalse();
        write(specs, 70, "- **SIGN-OFF:** 2026-11-02 by Ana, sha256:8877c4932bb2");
        assertThat(RunSize.worthLinking(List.of(dir), "Sign-off")).isTrue();
    }

    @Test
    void aPeekOpensNoPipeNamedLikeASpec(@TempDir Path dir) throws Exception {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        List<String> mkfifo = new ArrayList<>(List.of("mkfifo"));
        for (int i = 0; i < RunSize.SAMPLE; i++) {
            mkfifo.add(specs.resolve("pipe-" + i + ".md").toString());
        }
        Process made = new ProcessBuilder(mkfifo).redirectErrorStream(true).start();
        Assumptions.assumeTrue(made.waitFor() == 0, "mkfifo is needed for this test");
        // 64 Markdown names, each a pipe: counted, none opened (an open would wait for a writer
        // for ever, uninterruptibly: so the peek runs on a daemon thread the test can leave)
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Thread peek = new Thread(() -> answer.set(RunSize.worthLinking(List.of(dir), "Approval")));
        peek.setDaemon(true);
        peek.start();
        peek.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(peek.isAlive()).as("the peek still waits on a pipe").isFalse();
        assertThat(answer.get()).isFalse(); // nothing read, nothing to link
    }

    @Test
    void aPeekSkipsHiddenFolders(@TempDir Path dir) throws IOException {
        Path hidden = Files.createDirectories(dir.resolve(".history/specs"));
        write(hidden, 70, "**Approval:** 2026-11-02 by Ana, sha256:8877c4932bb2");
        assertThat(RunSize.worthLinking(List.of(dir), "Approval")).isFalse();
    }

    /**
     * {@code count} specs in {@code folder}, each a realistic spec (BOM, CRLF, a table, a
     * checklist, code with brackets) holding {@code line} near its end, where a Decisions section
     * records an approval.
     */
    private static void write(Path folder, int count, String line) throws IOException {
        for (int i = 0; i < count; i++) {
            String spec =
                    "\uFEFF# Refund ledger "
                            + i
                            + "\r\n\r\n**Status:** Approved\r\n**Owner:** Zoë Ortiz\r\n\r\n"
                            + "## Summary\r\n\r\n| Metric | Target |\r\n|---|---|\r\n"
                            + "| p99 | ≤ 40 ms |\r\n\r\n```java\r\nint[] a = new int[4];\r\n```\r\n\r\n"
                            + "- [x] Rollback tested\r\n\r\n> Note: see [the runbook](runbook.md).\r\n\r\n"
                            + "## Decisions\r\n\r\n"
                            + line
                            + "\r\n";
            Files.write(folder.resolve("spec-" + i + ".md"), spec.getBytes(StandardCharsets.UTF_8));
        }
    }
}
