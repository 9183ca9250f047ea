package dev.specgate.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewFileNameTest {

    private static final LocalDate DATE = LocalDate.of(2026, 12, 7);

    @TempDir Path folder;

    @Test
    void numbersOneAfterTheHighestFileNamedThatWayWithItsDigits() throws Exception {
        Files.writeString(folder.resolve("0041-rate-limits.md"), "");
        Files.writeString(folder.resolve("0007-sso.md"), "");
        Files.writeString(folder.resolve("9999.txt"), "");
        Files.writeString(folder.resolve("README.md"), "");
        Files.createDirectories(folder.resolve("0100-archive"));

        assertThat(NewFileName.of("{number}-{slug}.md").name(folder, DATE, "audit-log"))
                .isEqualTo("0042-audit-log.md");
        assertThat(NewFileName.of("RFC-{number}.md").name(folder, DATE, "audit-log"))
                .isEqualTo("RFC-0001.md");
        Files.writeString(folder.resolve("7-x.md"), "");
        assertThat(NewFileName.of("{number}-{slug}.md").name(folder, DATE, "a"))
                .isEqualTo("0042-a.md");
    }

    @Test
    void aDatedNameIsNoNumberSoASpecNamedBeforeAndATaskListLeaveTheCountAlone() throws Exception {
        // a team that numbers its specs from now on: the specs named by date before, and the
        // task list 'specgate tasks' writes beside a spec, hold a year, not a number
        Files.writeString(folder.resolve("2026-04-01-audit-log-export.md"), "---\r\n");
        Files.writeString(folder.resolve("2026-03-15-recherche-accentuée.md"), "");
        Files.writeString(folder.resolve("0003-rate-limits.md"), "");
        Files.writeString(folder.resolve("2026-12-09_task_0003-rate-limits.md"), "");

        assertThat(NewFileName.of("{number}-{slug}.md").name(folder, DATE, "invoice-pdf"))
                .isEqualTo("0004-invoice-pdf.md");
        assertThat(NewFileName.of("{date}-{number}.md").name(folder, DATE, "x"))
                .isEqualTo("2026-12-07-0001.md");
    }

    @Test
    void aFolderNotThereYetStartsAtOneAndDateAndSlugAreFilledIn() throws Exception {
        Path none = folder.resolve("docs/specs");

        assertThat(NewFileName.of("{number}-{slug}.md").name(none, DATE, "audit-log"))
                .isEqualTo("0001-audit-log.md");
        assertThat(NewFileName.of("{date}-{slug}.markdown").name(none, DATE, "audit-log"))
                .isEqualTo("2026-12-07-audit-log.markdown");
        assertThat(NewFileName.of("{slug}.md").name(none, DATE, "audit-log"))
                .isEqualTo("audit-log.md");
    }

    @Test
    void refusesANameThatCannotNameNewSpecsInOneLine() {
        assertThat(NewFileName.refusal("{nummer}-{slug}.md"))
                .hasValue(
                        "new-file-name '{nummer}-{slug}.md' holds '{nummer}'; did you mean"
                                + " '{number}'? (allowed: {date}, {slug}, {number})");
        assertThat(NewFileName.refusal("{date}.md"))
                .hasValueSatisfying(w -> assertThat(w).contains("neither {slug} nor {number}"));
        assertThat(NewFileName.refusal("docs/{slug}.md"))
                .hasValueSatisfying(w -> assertThat(w).contains("names a folder"));
        assertThat(NewFileName.refusal("{slug}-{slug}.md"))
                .hasValueSatisfying(w -> assertThat(w).contains("'{slug}' twice"));
        assertThat(NewFileName.refusal("{slug}.txt"))
                .hasValueSatisfying(w -> assertThat(w).contains("must end with .md or .markdown"));
        assertThat(NewFileName.refusal(" ")).isPresent();
        assertThat(NewFileName.refusal("{number}-{slug}.md")).isEmpty();
    }
}
