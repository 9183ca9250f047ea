package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code check --errors-only}: warnings and infos are left out of the report in every format, and
 * counted on stderr; the exit code is the one the whole run has (warnings fail only when strict).
 */
class ErrorsOnlyTest {

    private static final String TODAY = "2026-11-25";
    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path root;

    /** The clean spec, Approved, without its approval record: an approval-missing warning. */
    private static String unrecorded() {
        String text = cleanSpec().replaceFirst("\\*\\*Approval:\\*\\* [^\\n]*\\n", "");
        assertThat(text).doesNotContain("**Approval:**");
        return text;
    }

    /** With an error too: Next Review is not a date. BOM and CRLF line endings. */
    private Path both() {
        return writeSpec(
                root,
                NAME,
                ("\uFEFF"
                                + unrecorded()
                                        .replace(
                                                "**Next Review:** 2027-01-15",
                                                "**Next Review:** soon")
                                        .replace("\n", "\r\n"))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "junit", "github"})
    void everyFormatLeavesOutTheWarningsAndKeepsTheErrors(String format) {
        both();

        CliRun all = CliRun.of("check", root.toString(), "--today", TODAY, "--format", format);
        CliRun errors =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--format",
                        format,
                        "--errors-only");

        // by the findings' messages: SARIF and JUnit list every rule that ran, findings or not
        String warning = "but records no approval";
        String error = "'Next Review' must be a date";
        assertThat(all.out()).contains(warning).contains(error);
        assertThat(errors.exitCode()).isEqualTo(all.exitCode()).isEqualTo(1);
        assertThat(errors.out()).doesNotContain(warning).contains(error);
        assertThat(errors.err().strip()).isEqualTo("specgate: 1 warning not shown (--errors-only)");
    }

    private CliRun errorsOnly(String format) {
        return CliRun.of(
                "check", root.toString(), "--today", TODAY, "--errors-only", "--format", format);
    }

    @Test
    void theSummaryCountsWhatIsShown() throws Exception {
        both();

        CliRun text = errorsOnly("text");
        CliRun json = errorsOnly("json");
        CliRun github = errorsOnly("github");

        // the warnings were found all the same: the summary counts errors and says no '0 warnings'
        assertThat(text.out()).contains("Checked 1 spec: 1 error in 1 file.");
        assertThat(github.out()).contains("Checked 1 spec: 1 error in 1 file.");
        JsonNode summary = JSON.readTree(json.out()).get("summary");
        assertThat(summary.get("errors").asInt()).isEqualTo(1);
        assertThat(summary.get("warnings").asInt()).isZero();
    }

    @Test
    void warningsAloneStillPassAndFailOnlyWhenStrict() {
        writeSpec(root, NAME, unrecorded());

        CliRun plain = CliRun.of("check", root.toString(), "--today", TODAY, "--errors-only");
        CliRun strict =
                CliRun.of("check", root.toString(), "--today", TODAY, "--errors-only", "--strict");

        assertThat(plain.exitCode()).isZero();
        // not 'No problems found': a warning was found, and with --strict it fails the run
        assertThat(plain.out().strip()).isEqualTo("No errors found in 1 spec.");
        assertThat(plain.err().strip()).isEqualTo("specgate: 1 warning not shown (--errors-only)");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out().strip()).isEqualTo("No errors found in 1 spec.");
        assertThat(strict.err().strip())
                .isEqualTo(
                        "specgate: 1 warning not shown (--errors-only); the warnings fail the run"
                                + " (strict)");
    }

    @Test
    void standardInputIsReportedTheSameWay() throws Exception {
        Path spec = both();
        byte[] text = Files.readAllBytes(spec);

        CliRun run =
                CliRun.withInput(
                        text,
                        "check",
                        "-",
                        "--stdin-filename",
                        spec.toString(),
                        "--today",
                        TODAY,
                        "--errors-only");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("approval-missing").contains("field-date");
        assertThat(run.err().strip()).isEqualTo("specgate: 1 warning not shown (--errors-only)");
    }
}
