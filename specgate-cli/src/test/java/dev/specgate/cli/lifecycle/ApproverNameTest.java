package dev.specgate.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code approve --by} and {@code status SPEC Approved --by} refuse names the Reviewer gate would
 * not take and names that would break the approval record, with one line and the file untouched.
 */
class ApproverNameTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path dir;

    /** The clean spec, back at Review, with a byte order mark and CRLF line endings. */
    private Path reviewSpec() {
        String text =
                "\uFEFF"
                        + SpecFixtures.cleanSpec()
                                .replace(
                                        "**Document Status:** Approved",
                                        "**Document Status:** Review")
                                .replace("\n", "\r\n");
        return SpecFixtures.writeSpec(dir, NAME, text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "TBD",
                "[Technical reviewer]",
                "Eve <!-- x -->",
                "Eve -->",
                "Eve\nMallory",
                "  ",
                "n/a"
            })
    void placeholderAndRecordBreakingNamesAreRefusedAndTheFileIsUntouched(String by)
            throws Exception {
        Path spec = reviewSpec();
        byte[] before = Files.readAllBytes(spec);
        for (String[] args :
                new String[][] {
                    {"approve", spec.toString(), "--by", by, "--today", "2026-11-25"},
                    {"status", spec.toString(), "Approved", "--by", by, "--today", "2026-11-25"}
                }) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().strip()).startsWith("specgate: --by ").doesNotContain("\n");
            assertThat(run.err())
                    .containsAnyOf("placeholder", "break the approval", "nobody", "one line");
            assertThat(Files.readAllBytes(spec)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ana Ruiz", "Zoë Ødegaard-Núñez"})
    void aPersonApprovesAndCheckReadsTheRecordBack(String by) throws Exception {
        Path spec = reviewSpec();
        CliRun approve = CliRun.of("approve", spec.toString(), "--by", by, "--today", "2026-11-25");
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(Files.readString(spec))
                .contains("**Approval:** 2026-11-25 by " + by + ", sha256:");
        CliRun check = CliRun.of("check", spec.toString(), "--today", "2026-11-25");
        assertThat(check.out()).doesNotContain("approval-stale").doesNotContain("placeholder");
    }
}
