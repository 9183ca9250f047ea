package dev.specgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mojo in process, its parameters set as Maven injects them, on a copy of examples/demo (13
 * errors and 7 warnings on 2026-12-01; the sample builds are the invoker ITs in src/it).
 */
class CheckMojoTest {

    static final String SMS = "directives/spec/2026-11-18_spec_sms-provider-failover.md";

    @TempDir Path tmp;
    final Recorded log = new Recorded();

    @BeforeEach
    void copyDemo() throws IOException {
        Path from = Path.of("..", "examples", "demo");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = tmp.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    @Test
    void errorsOnlyLeavesTheWarningsOutOfTheLogAndTheReportAndSaysHowMany() throws Exception {
        CheckMojo mojo = mojo(true);
        set(mojo, "format", "json");
        Path report = tmp.resolve("target/specgate.json");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Specgate: checked 5 specs: 13 errors");
        assertThat(log.warnings).isEmpty();
        assertThat(log.errors).hasSize(13);
        assertThat(log.infos).contains("Specgate: 7 warnings not shown (errorsOnly)");
        String json = Files.readString(report);
        assertThat(json).contains("'Type' is 'Feature'").doesNotContain("[percentage]");
    }

    @Test
    void withoutItEveryFindingIsLoggedAndCounted() throws Exception {
        CheckMojo mojo = mojo(false);

        assertThatThrownBy(mojo::execute)
                .hasMessage("Specgate: checked 5 specs: 13 errors, 7 warnings");
        assertThat(log.warnings).hasSize(7);
        assertThat(String.join("\n", log.infos)).doesNotContain("not shown");
    }

    @Test
    void warningsLeftOutStillFailAStrictBuildAndTheLogSaysWhy() throws Exception {
        CheckMojo mojo = mojo(true);
        set(mojo, "paths", List.of(tmp.resolve(SMS).toFile()));
        set(mojo, "strict", true);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Specgate: checked 1 spec: 0 errors");
        assertThat(log.warnings).isEmpty();
        assertThat(log.infos)
                .contains(
                        "Specgate: 6 warnings not shown (errorsOnly); the warnings fail the run"
                                + " (strict)");

        log.infos.clear();
        set(mojo, "strict", false);
        mojo.execute();
        assertThat(log.infos)
                .containsExactly(
                        "Specgate: 6 warnings not shown (errorsOnly)",
                        "Specgate: checked 1 spec: 0 errors");
    }

    @Test
    void aFileLikeASpecThatIsNotTakenIsSaidInTheLogAsCheckSaysIt() throws Exception {
        // a spec saved as .txt and a left-over copy beside the specs: check, list, the MCP tools
        // and the dashboard say each is not checked (SpecProject.searchNotices); so does the build
        Files.writeString(
                tmp.resolve("directives/spec/2026-12-01_spec_rate-limits.txt"), "# Rate limits\n");
        Files.copy(tmp.resolve(SMS), tmp.resolve(SMS + ".bak"));
        CheckMojo mojo = mojo(false);

        assertThatThrownBy(mojo::execute)
                .hasMessage("Specgate: checked 5 specs: 13 errors, 7 warnings");
        assertThat(log.warnings)
                .hasSize(9)
                .contains(
                        "Specgate: directives/spec/2026-12-01_spec_rate-limits.txt is not checked:"
                                + " only Markdown files (.md, .markdown) are specs (rename it to"
                                + " .md if it is one)")
                .anySatisfy(
                        w -> assertThat(w).startsWith("Specgate: " + SMS + ".bak is not checked"));
    }

    @Test
    void aModuleWithoutSpecsIsNamedAsAPathNotAsAJavaList() throws Exception {
        // a module of a multi-module build that inherits the plugin from its parent
        Path module = Files.createDirectories(tmp.resolve("api-módulo"));
        CheckMojo mojo = mojo(false);
        set(mojo, "basedir", module.toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith(
                        "Specgate: no specs found under "
                                + module.toAbsolutePath().normalize()
                                + ": looked for Markdown files")
                .hasMessageEndingWith(" (set failIfNoSpecs to false to allow this)");

        set(mojo, "failIfNoSpecs", false);
        mojo.execute();
        assertThat(log.warnings)
                .singleElement()
                .asString()
                .startsWith(
                        "Specgate: no specs found under "
                                + module.toAbsolutePath().normalize()
                                + ": looked for");
    }

    @Test
    void aReportOverASpecIsRefusedBeforeAnythingIsWrittenAndTheSpecIsKept() throws Exception {
        Path spec = tmp.resolve(SMS);
        byte[] before = Files.readAllBytes(spec);
        CheckMojo mojo = mojo(false);
        set(mojo, "format", "json");
        set(mojo, "output", spec.toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage(
                        "Specgate: output "
                                + spec
                                + " is a spec this run checks: writing the report there would"
                                + " replace it; name another file");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }

    /**
     * The build log says what the baseline did in the sentence check prints: here a recorded
     * finding of a checked spec that matches nothing now (it was fixed).
     */
    @Test
    void aBaselineEntryThatMatchesNothingNowIsSaidAsCheckSaysIt() throws Exception {
        Path baseline = tmp.resolve("known.json");
        Files.writeString(
                baseline,
                """
                {
                  "version": 1,
                  "findings": [
                    {"fingerprint": "0123456789abcdef0123", "rule": "placeholder-template",
                     "path": "%s", "section": "timeline",
                     "text": "- **Duration:** [Time estimate]",
                     "message": "template placeholder '[Time estimate]' left in"}
                  ]
                }
                """
                        .formatted(SMS));
        CheckMojo mojo = mojo(false);
        set(mojo, "baseline", baseline.toFile());

        assertThatThrownBy(mojo::execute)
                .hasMessage("Specgate: checked 5 specs: 13 errors, 7 warnings");
        // named from the project's folder, as check run there names it, not by Maven's absolute
        // path
        assertThat(log.infos)
                .contains(
                        "Specgate: no known finding hidden by the baseline known.json; 1 entry"
                                + " matches nothing now (refresh it with specgate check"
                                + " --write-baseline known.json)");
    }

    /**
     * The baseline the configuration names ({@code baseline: .specgate-baseline.json}) is named as
     * {@code check} names it in the project's folder, in the log line and its refresh hint alike.
     */
    @Test
    void theConfiguredBaselineIsNamedFromTheProjectFolderNotByItsAbsolutePath() throws Exception {
        Path baseline = tmp.resolve(".specgate-baseline.json");
        Files.writeString(
                baseline,
                """
                {
                  "version": 1,
                  "findings": [
                    {"fingerprint": "0123456789abcdef0123", "rule": "placeholder-template",
                     "path": "%s", "section": "timeline",
                     "text": "- **Durée:** [Time estimate]",
                     "message": "template placeholder '[Time estimate]' left in"}
                  ]
                }
                """
                        .formatted(SMS)
                        .replace("\n", "\r\n"));
        Files.writeString(
                tmp.resolve(".specgate.yml"),
                "\uFEFF# the project's findings of today, recorded\r\n"
                        + "baseline: .specgate-baseline.json\r\n");
        CheckMojo mojo = mojo(false);

        assertThatThrownBy(mojo::execute)
                .hasMessage("Specgate: checked 5 specs: 13 errors, 7 warnings");
        assertThat(log.infos)
                .contains(
                        "Specgate: no known finding hidden by the baseline .specgate-baseline.json;"
                                + " 1 entry matches nothing now (refresh it with specgate check"
                                + " --write-baseline .specgate-baseline.json)");
        assertThat(String.join("\n", log.infos)).doesNotContain(tmp.toString());
    }

    private CheckMojo mojo(boolean errorsOnly) throws Exception {
        CheckMojo mojo = new CheckMojo();
        mojo.setLog(log);
        set(mojo, "basedir", tmp.toFile());
        set(mojo, "paths", List.<File>of());
        set(mojo, "today", "2026-12-01");
        set(mojo, "failIfNoSpecs", true);
        set(mojo, "errorsOnly", errorsOnly);
        return mojo;
    }

    private static void set(CheckMojo mojo, String name, Object value) throws Exception {
        Field f = CheckMojo.class.getDeclaredField(name);
        f.setAccessible(true);
        f.set(mojo, value);
    }

    /** The build log's lines by level. */
    static final class Recorded extends SystemStreamLog {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<String> infos = new ArrayList<>();

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }

        @Override
        public void info(CharSequence content) {
            infos.add(content.toString());
        }
    }
}
