package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specgate.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline knows an {@code approval-stale} finding whatever spec word its message's {@code
 * approve --refresh} holds: written from another spelling of the spec's path, or before the message
 * named the spec at all.
 */
class BaselineApprovalStaleTest {

    private static final String TODAY = "2026-11-25";
    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    /** The clean spec, approved, then its Problem Statement edited (CRLF, as some editors save). */
    private Path staleSpec(Path dir) throws Exception {
        Path spec = writeSpec(dir, NAME, cleanSpec());
        String edited =
                Files.readString(spec)
                        .replace(
                                "A single unavailable merchant endpoint stalls every payment",
                                "One unavailable merchant endpoint stalls every payment — ça"
                                        + " arrive")
                        .replace("\n", "\r\n");
        Files.writeString(spec, edited, StandardCharsets.UTF_8);
        return spec;
    }

    @Test
    void aRecordedStaleApprovalStaysHiddenWhenCheckedAgain() throws Exception {
        Files.writeString(root.resolve(".specgate.yml"), "version: 1\n");
        Path spec = staleSpec(root);
        Path baseline = root.resolve(".specgate-baseline.json");
        CliRun before = CliRun.of("check", spec.toString(), "--today", TODAY);
        assertThat(before.out()).contains("[approval-stale]");

        CliRun write =
                CliRun.of(
                        "check",
                        spec.toString(),
                        "--write-baseline",
                        baseline.toString(),
                        "--today",
                        TODAY);
        CliRun again =
                CliRun.of(
                        "check",
                        spec.toString(),
                        "--baseline",
                        baseline.toString(),
                        "--today",
                        TODAY);

        assertThat(write.exitCode()).as(write.err()).isZero();
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.out()).doesNotContain("approval-stale");
    }

    @Test
    void aBaselineFromAnotherSpellingOfThePathStillHidesIt() throws Exception {
        // no configuration and no directives/ folder above it: the message names the spec as
        // it was checked, so an absolute and a relative path give two messages
        Path spec = staleSpec(root.resolve("draft"));
        Path loose = Files.createDirectories(root.resolve("loose")).resolve(NAME);
        Files.move(spec, loose);
        Path baseline = root.resolve("baseline.json");
        Path relative = Path.of("").toAbsolutePath().relativize(loose);

        CliRun write =
                CliRun.of(
                        "check",
                        "--no-config",
                        loose.toString(),
                        "--write-baseline",
                        baseline.toString(),
                        "--today",
                        TODAY);
        CliRun shown = CliRun.of("check", "--no-config", relative.toString(), "--today", TODAY);
        CliRun again =
                CliRun.of(
                        "check",
                        "--no-config",
                        relative.toString(),
                        "--baseline",
                        baseline.toString(),
                        "--today",
                        TODAY);

        assertThat(write.exitCode()).as(write.err()).isZero();
        assertThat(shown.out()).contains("approve --refresh " + relative);
        assertThat(again.out()).as(again.err()).doesNotContain("approval-stale");
        assertThat(again.exitCode()).as(again.out()).isZero();
    }

    @Test
    void aBaselineWrittenBeforeTheMessageNamedTheSpecStillHidesIt() throws Exception {
        Files.writeString(root.resolve(".specgate.yml"), "version: 1\n");
        Path spec = staleSpec(root);
        Path baseline = root.resolve(".specgate-baseline.json");
        CliRun write =
                CliRun.of(
                        "check",
                        spec.toString(),
                        "--write-baseline",
                        baseline.toString(),
                        "--today",
                        TODAY);
        assertThat(write.exitCode()).as(write.err()).isZero();
        // the entry as the version before wrote it: the message ended "approve --refresh)",
        // and the fingerprint hashed that message (format version 1 then as now)
        ObjectMapper json = new ObjectMapper();
        JsonNode file = json.readTree(baseline.toFile());
        assertThat(file.get("version").asInt()).isEqualTo(1);
        int stale = 0;
        for (JsonNode f : file.get("findings")) {
            if (!f.get("rule").asText().equals("approval-stale")) {
                continue;
            }
            stale++;
            String message = f.get("message").asText();
            // what is recorded is already the message without the spec word
            assertThat(message).endsWith("(review it again, then specgate approve --refresh)");
            ((ObjectNode) f)
                    .put(
                            "fingerprint",
                            oldFingerprint(
                                    "approval-stale",
                                    f.get("path").asText(),
                                    f.get("section").asText(),
                                    f.get("text").asText(),
                                    message));
        }
        assertThat(stale).isEqualTo(1);
        json.writerWithDefaultPrettyPrinter().writeValue(baseline.toFile(), file);

        CliRun again =
                CliRun.of(
                        "check",
                        spec.toString(),
                        "--baseline",
                        baseline.toString(),
                        "--today",
                        TODAY);

        assertThat(again.out()).doesNotContain("approval-stale");
        assertThat(again.exitCode()).as(again.out()).isZero();
    }

    /** The fingerprint as every baseline of format version 1 computed it. */
    private static String oldFingerprint(String... parts) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String p : parts) {
            sha.update(p.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 20);
    }
}
