package dev.specgate.cli.lifecycle;

import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApproveCommandTest {

    private static final String TODAY = "2026-11-25";

    @TempDir Path root;

    @Test
    void theDiffAStaleApprovalPointsAtIsACommandToCopyForAPathWithASpace() throws Exception {
        Path spec =
                writeSpec(
                        root.resolve("team specs"),
                        "2026-10-02_spec_webhook-retry-queue.md",
                        StatusCommandTest.withStatus("Review"));
        CliRun approve =
                CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        Files.writeString(
                spec,
                Files.readString(spec)
                        .replace(
                                "A single unavailable merchant endpoint stalls every payment",
                                "One unavailable merchant endpoint stalls every payment"));
        byte[] before = Files.readAllBytes(spec);

        CliRun again = CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err())
                .contains("its approval is stale (changed: Problem Statement)")
                .contains("review the changes (specgate diff '" + spec + "'), then use --refresh");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }
}
