package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run decodes each spec into its thread's reusable chars and gives them back once the file's
 * outcome is made ({@code SpecSource.readLent}): the next spec on that thread writes over them.
 * Nothing a run hands back (result, findings, fingerprints, summary) may still read them: each
 * file's outcome of a run of many specs on one thread (and on several) is the outcome of the same
 * bytes checked alone in memory, where no chars are lent. Longer specs come first, so a shorter one
 * (ending without a line break) is decoded over the longer one's chars, and the outcomes are read
 * only after every spec was checked.
 */
class LentRunTest {

    private static final SpecProject PROJECT = SpecProject.of(TemplateSchema.builtin());
    private static final String[] FIXTURES = {
        "2026-10-06_spec_crlf-bom.md",
        "2026-10-02_spec_webhook-retry-queue.md",
        "2026-10-05_spec_Many_Defects.md",
        "2026-10-04_spec_curly-prose.md",
    };

    @TempDir Path dir;

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in =
                LentRunTest.class.getResourceAsStream("/builtin-regression/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    /** The fixtures, then each cut shorter (no final line break), an unreadable file among them. */
    private List<Path> specs(int copies) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        List<Path> files = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (String name : FIXTURES) {
                byte[] bytes = fixture(name);
                files.add(Files.write(docs.resolve(c + "-" + name), bytes));
                // the same spec cut at two thirds, at a line's end without its break
                String text = new String(bytes, StandardCharsets.UTF_8);
                int cut = text.lastIndexOf('\n', text.length() * 2 / 3);
                int end = cut > 0 && text.charAt(cut - 1) == '\r' ? cut - 1 : cut;
                files.add(
                        Files.writeString(
                                docs.resolve(c + "-cut-" + name), text.substring(0, end)));
            }
        }
        files.add(2, Files.write(docs.resolve("binary.md"), new byte[] {'#', ' ', 0, 'x'}));
        return files;
    }

    private static RunOptions options(Path dir) {
        return RunOptions.of(CheckOptions.asOf(LocalDate.parse("2026-11-25")))
                .withFingerprints(dir)
                .withSummaries(true);
    }

    /** Each file's outcome of {@code run} against the same bytes checked alone, not lent. */
    private void assertSameAsAlone(ProjectRun run, List<Path> files) throws IOException {
        assertThat(run.files()).hasSize(files.size());
        for (ProjectRun.FileOutcome o : run.files()) {
            ProjectRun alone = PROJECT.run(o.path(), Files.readAllBytes(o.path()), options(dir));
            ProjectRun.FileOutcome expected = alone.files().get(0);
            assertThat(o.result()).as("%s", o.path()).isEqualTo(expected.result());
            assertThat(o.findings()).as("%s", o.path()).isEqualTo(expected.findings());
            assertThat(o.summary()).as("%s", o.path()).isEqualTo(expected.summary());
        }
    }

    @Test
    void specsCheckedOnOneThreadKeepNothingOfTheCharsTheNextSpecIsDecodedInto() throws Exception {
        // one batch or less: all on this thread, one after another; first an ASCII spec longer
        // than the chars a thread starts with, so that its array is that spec's length, filled:
        // a shorter spec after it is followed by the longer one's text to the array's end (no
        // NUL, which would stop a read past the text's end)
        List<Path> files = new ArrayList<>(specs(1));
        String body =
                new String(fixture(FIXTURES[1]), StandardCharsets.UTF_8)
                        .replaceAll("[^\\x00-\\x7F]", "e");
        StringBuilder longer = new StringBuilder(body);
        while (longer.length() <= 40_000) {
            longer.append("\n## Appendix\n\nMore text and more.\n").append(body, 0, 3000);
        }
        files.add(0, Files.writeString(dir.resolve("docs/2026-10-02_spec_longer.md"), longer));
        files = files.subList(0, EvenSplit.BATCH);

        ProjectRun run = PROJECT.run(files, options(dir));

        assertSameAsAlone(run, files);
        assertThat(run.files().stream().mapToLong(o -> o.result().diagnostics().size()).sum())
                .isGreaterThan(20);
        assertThat(run.specSummaries()).extracting(s -> s.title()).contains("Webhook Retry Queue");
    }

    @Test
    void specsCheckedOnSeveralThreadsToo() throws Exception {
        List<Path> files = specs(4);
        // a spec over the longest chars a thread keeps, which gets its own, among them
        StringBuilder big = new StringBuilder(fixture(FIXTURES[1]).length * 120);
        String body = new String(fixture(FIXTURES[1]), StandardCharsets.UTF_8);
        big.append(body);
        while (big.length() <= (1 << 20)) {
            big.append("\nMore text, caf\u00e9 and more. ").append(body, 0, 4000);
        }
        files.add(5, Files.writeString(dir.resolve("docs/2026-10-02_spec_big.md"), big));

        ProjectRun run = PROJECT.run(files, options(dir));

        assertSameAsAlone(run, files);
    }
}
